/**
 * A mistake the user can fix (a bad option, a missing permission, an unknown story). The router shows its
 * message as an ephemeral reply; anything else thrown is treated as a bug, logged with its stack and answered
 * with a generic apology, so no stack or SQL ever reaches a user.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** The socket-level failures that mean "could not reach the server", not "the server said no". */
const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'its name did not resolve',
  EAI_AGAIN: 'its name could not be looked up (DNS not answering)',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'there is no route to it',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection was closed',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate could not be verified (a proxy in between?)',
};

/**
 * If `error` (or what caused it: fetch wraps socket errors as `TypeError: fetch failed`) is a network failure,
 * a sentence for an operator saying what could not be reached, why, and what to check; otherwise null.
 */
export function describeNetworkError(error: unknown, what: string, url: string): string | null {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && code in NETWORK_CODES) {
      let host = url;
      try {
        host = new URL(url).host;
      } catch {
        // Not a URL: name it as given.
      }
      return (
        `${what}: could not reach ${host} (${NETWORK_CODES[code]}; ${code}). ` +
        `Check this machine's network connection, any proxy or firewall, and DISCORD_API_URL (now ${url}).`
      );
    }
    cause = cause.cause;
  }
  return null;
}

/** A failure at startup an operator fixes outside the code (network, DNS); its message is the whole story. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
