/**
 * The SSRF guard. Moderators type feed URLs, so without it a URL (or a redirect, or a DNS name that resolves to
 * an internal address) could make the bot probe its own network or a cloud metadata service. Every connection
 * is checked on the address it actually connects to, after DNS resolution, for every redirect hop.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** Why an address is refused, in words an operator or moderator can read. */
const REFUSED_RANGES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private network address',
  uniqueLocal: 'a private network address',
  linkLocal: 'a link-local address (this includes cloud metadata services)',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  unspecified: 'an unspecified address',
  reserved: 'a reserved address',
  benchmarking: 'a reserved address',
  rfc6052: 'an IPv4-translated address',
  rfc6145: 'an IPv4-translated address',
  '6to4': 'a 6to4 tunnel address',
  teredo: 'a Teredo tunnel address',
};

/** Cloud metadata endpoints that are not in a link-local range on every provider. */
const METADATA = new Set(['fd00:ec2::254', '100.100.100.200']);

/**
 * Why connecting to `address` is refused, or null when it is an ordinary public unicast address. IPv4 addresses
 * written as IPv6 (`::ffff:127.0.0.1`) are judged as the IPv4 address they stand for.
 */
export function refusedAddress(address: string): string | null {
  const parsed = parseAddress(address);
  if (!parsed) return 'not an IP address';
  if (METADATA.has(parsed.toNormalizedString()) || METADATA.has(parsed.toString())) {
    return 'a cloud metadata address';
  }
  const range = parsed.range();
  if (range === 'unicast') return null;
  return REFUSED_RANGES[range] ?? `a special-purpose address (${range})`;
}

/** Thrown (through the connection) when the guard refuses a host; its message is a sentence for the operator. */
export class BlockedAddressError extends Error {
  readonly code = 'EDISPATCHBLOCKED';
  constructor(host: string, address: string, why: string) {
    super(
      `${host} resolves to ${address}, ${why}; Dispatch does not fetch from such addresses ` +
        // The narrow switch, not FEEDS_ALLOW_PRIVATE: opening one address does not open the operator's network.
        '(the operator can allow it by listing it in FEEDS_ALLOW_ADDRESSES)',
    );
    this.name = 'BlockedAddressError';
  }
}

/** What the guard lets through. */
export interface GuardPolicy {
  /** FEEDS_ALLOW_PRIVATE: everything is allowed. */
  allowPrivate: boolean;
  /**
   * FEEDS_ALLOW_ADDRESSES: addresses ("10.0.0.5") and ranges ("10.20.0.0/16") let through although private, so
   * an operator can follow a feed server on their own network without opening the rest of it to moderators.
   */
  allowAddresses?: readonly string[];
}

/** An address as ipaddr.js reads it, an IPv4-mapped IPv6 address as the IPv4 address it stands for. */
function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    const parsed = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
    return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
      ? (parsed as ipaddr.IPv6).toIPv4Address()
      : parsed;
  } catch {
    return null;
  }
}

/** Whether `address` is one of `allowed`: an exact address, or inside a range written "network/bits". */
function isAllowed(allowed: readonly string[], address: string): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return allowed.some((entry) => {
    if (entry.includes('/')) {
      const [network, bits] = ipaddr.parseCIDR(entry);
      return network.kind() === parsed.kind() && parsed.match(network, bits);
    }
    const exact = parseAddress(entry);
    return (
      exact !== null &&
      exact.kind() === parsed.kind() &&
      exact.toNormalizedString() === parsed.toNormalizedString()
    );
  });
}

/** The refusal for an address under a policy, or null. */
export function checkAddress(policy: GuardPolicy, address: string): string | null {
  if (policy.allowPrivate) return null;
  if (policy.allowAddresses && isAllowed(policy.allowAddresses, address)) return null;
  return refusedAddress(address);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** The resolver the guard wraps; tests inject one that maps names to fixed addresses. */
export type Resolver = (
  hostname: string,
  callback: (error: Error | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, callback) =>
  dnsLookup(hostname, { all: true }, (error, addresses) => callback(error, addresses ?? []));

/**
 * A `lookup` for `net.connect` (undici passes it through its connector) that resolves the name and refuses the
 * connection if any resolved address is refused, so the check happens on the address actually connected to and
 * a DNS answer cannot change between the check and the connection.
 */
export function guardedLookup(policy: GuardPolicy, resolver: Resolver = systemResolver) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: LookupCallback,
  ) => {
    resolver(hostname, (error, addresses) => {
      if (error) return callback(error as NodeJS.ErrnoException, []);
      let usable = addresses;
      if (options.family === 4 || options.family === 'IPv4') usable = addresses.filter((a) => a.family === 4);
      if (options.family === 6 || options.family === 'IPv6') usable = addresses.filter((a) => a.family === 6);
      if (usable.length === 0) {
        const missing = Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
        return callback(missing, []);
      }
      for (const { address } of usable) {
        const why = checkAddress(policy, address);
        if (why) return callback(new BlockedAddressError(hostname, address, why), []);
      }
      if (options.all) return callback(null, usable);
      return callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

/** Checks a URL's host before connecting when it is an IP literal (net.connect does not call lookup for those). */
export function checkLiteralHost(policy: GuardPolicy, url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(host)) return;
  const why = checkAddress(policy, host);
  if (why) throw new BlockedAddressError(url.hostname, host, why);
}
