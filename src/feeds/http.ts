/**
 * Fetching feeds and article pages politely and safely, with undici (the HTTP client Node's own fetch is built
 * on, used directly for its connector hook and streaming body). Every request: the SSRF guard on each connection,
 * connect and total timeouts, a size limit counted while streaming and again after decompression (a gzip bomb
 * stops at the limit), at most five redirects each re-checked, conditional GET, and a per-host concurrency limit.
 */
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import { Agent, errors as undiciErrors, request } from 'undici';
import { checkLiteralHost, guardedLookup, type GuardPolicy, type Resolver } from './guard.ts';

/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;

/** A fetch that failed, with a sentence an operator or moderator can act on. */
export class FetchError extends Error {
  constructor(
    message: string,
    /** Seconds the server asked us to wait (`Retry-After`), if it said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** What a successful fetch returns. */
export type FetchResult =
  | {
      status: 'ok';
      /** The URL after redirects. */
      url: string;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      /** `Cache-Control: max-age`, if the server set one: no point asking again sooner. */
      maxAgeSeconds: number | null;
    }
  | {
      status: 'not-modified';
      url: string;
      etag: string | null;
      lastModified: string | null;
      maxAgeSeconds: number | null;
    };

/** How a {@link Fetcher} behaves; everything has a default except the guard policy and the User-Agent. */
export interface FetcherOptions {
  policy: GuardPolicy;
  userAgent: string;
  maxBytes: number;
  connectTimeoutMs?: number;
  /** The whole request, redirects and body included: a server that drips bytes stops here. */
  totalTimeoutMs?: number;
  /** Requests in flight to one host at a time. */
  perHostLimit?: number;
  /** Name resolution (tests map names to loopback addresses). */
  resolver?: Resolver;
}

/** A conditional request: what the last successful response said. */
export interface FetchRequest {
  url: string;
  accept: string;
  etag?: string | null;
  lastModified?: string | null;
  /** Overrides the fetcher's limit for this request. */
  maxBytes?: number;
}

/** Feeds, by preference; servers that only know XML still match the last entry. */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** A counting semaphore per host, so many feeds on one site never hit it all at once. */
class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  constructor(private readonly limit: number) {}
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    if ((this.active.get(host) ?? 0) >= this.limit) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    } else {
      this.active.set(host, (this.active.get(host) ?? 0) + 1);
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.get(host)?.shift();
      if (next) next();
      else {
        const count = (this.active.get(host) ?? 1) - 1;
        if (count > 0) this.active.set(host, count);
        else this.active.delete(host);
        this.waiting.delete(host);
      }
    }
  }
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** `max-age` from a Cache-Control header (`no-store`/`no-cache` count as none). */
export function maxAge(cacheControl: string | null): number | null {
  if (!cacheControl) return null;
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  return match ? Number(match[1]) : null;
}

/** `Retry-After` as seconds from `now`: either a number of seconds or an HTTP date. */
export function retryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now.getTime()) / 1000));
}

function decoderFor(encoding: string | null): Transform | null {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    case 'identity':
    case '':
      return null;
    default:
      throw new FetchError(`the server sent an encoding Dispatch cannot read (${encoding})`);
  }
}

const tooLarge = (limit: number) =>
  new FetchError(`the response is larger than FEED_MAX_BYTES (${limit} bytes); it was not read further`);

/**
 * Reads a body to the limit, counting bytes as they arrive and again after decompression, and stopping (with
 * the connection destroyed) as soon as either count passes it.
 */
async function readLimited(body: Readable, encoding: string | null, limit: number): Promise<Buffer> {
  const decoder = decoderFor(encoding);
  const chunks: Buffer[] = [];
  let raw = 0;
  let decoded = 0;
  const take = (chunk: Buffer) => {
    decoded += chunk.length;
    if (decoded > limit) throw tooLarge(limit);
    chunks.push(chunk);
  };
  if (!decoder) {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      raw += chunk.length;
      if (raw > limit) {
        body.destroy();
        throw tooLarge(limit);
      }
      take(chunk);
    }
    return Buffer.concat(chunks);
  }
  const failure = new Promise<never>((_, reject) => {
    decoder.once('error', (error: Error) =>
      reject(new FetchError(`the response is not valid ${encoding} data (${error.message})`)),
    );
  });
  failure.catch(() => {});
  const pump = (async () => {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      raw += chunk.length;
      if (raw > limit) throw tooLarge(limit);
      if (!decoder.write(chunk)) await new Promise((resolve) => decoder.once('drain', resolve));
    }
    decoder.end();
  })();
  pump.catch(() => {});
  try {
    const drain = (async () => {
      for await (const chunk of decoder as AsyncIterable<Buffer>) take(chunk);
    })();
    await Promise.race([Promise.all([pump, drain]), failure]);
    return Buffer.concat(chunks);
  } finally {
    body.destroy();
    decoder.destroy();
  }
}

/** Turns what undici or the network threw into a sentence. */
function describe(error: unknown, url: string, totalMs: number): FetchError {
  if (error instanceof FetchError) return error;
  const err = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const cause = err.cause ?? err;
  if (cause.name === 'BlockedAddressError' || cause.code === 'EDISPATCHBLOCKED') {
    return new FetchError(`refused: ${cause.message}`);
  }
  if (err.name === 'AbortError' || err.name === 'TimeoutError' || cause.name === 'TimeoutError') {
    return new FetchError(`the server did not finish answering within ${Math.round(totalMs / 1000)} s`);
  }
  if (error instanceof undiciErrors.ConnectTimeoutError) {
    return new FetchError('the server did not accept a connection in time');
  }
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
    return new FetchError('the server stopped answering');
  }
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  switch (cause.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new FetchError(`the name ${host} does not resolve (DNS)`);
    case 'ECONNREFUSED':
      return new FetchError(`${host} refused the connection`);
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return new FetchError(`${host} closed the connection`);
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return new FetchError(`${host} has an invalid TLS certificate (${cause.code})`);
    default:
      return new FetchError(`the request failed (${cause.code ?? cause.message})`);
  }
}

/** The HTTP client for feeds and pages. One per process (it owns the connection pool); close it at shutdown. */
export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResult>;
  close(): Promise<void>;
}

export function createFetcher(options: FetcherOptions): Fetcher {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const totalTimeoutMs = options.totalTimeoutMs ?? 30_000;
  const agent = new Agent({
    connect: { timeout: connectTimeoutMs, lookup: guardedLookup(options.policy, options.resolver) },
    headersTimeout: totalTimeoutMs,
    bodyTimeout: totalTimeoutMs,
    connections: options.perHostLimit ?? 2,
  });
  const limiter = new HostLimiter(options.perHostLimit ?? 2);

  const once = async (req: FetchRequest, url: URL, signal: AbortSignal) => {
    checkLiteralHost(options.policy, url);
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: req.accept,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    return limiter.run(url.host, async () => {
      const response = await request(url, { dispatcher: agent, method: 'GET', headers, signal });
      return response;
    });
  };

  return {
    async fetch(req) {
      const limit = req.maxBytes ?? options.maxBytes;
      const controller = new AbortController();
      const timer = setTimeout(
        () => controller.abort(Object.assign(new Error('timeout'), { name: 'TimeoutError' })),
        totalTimeoutMs,
      );
      let current = req.url;
      try {
        for (let hop = 0; ; hop++) {
          let url: URL;
          try {
            url = new URL(current);
          } catch {
            throw new FetchError(`"${current}" is not a URL`);
          }
          if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            throw new FetchError(
              `only http and https URLs are fetched, not ${url.protocol.replace(':', '')}`,
            );
          }
          const response = await once(req, url, controller.signal);
          const { statusCode, headers } = response;
          if ([301, 302, 303, 307, 308].includes(statusCode)) {
            await response.body.dump().catch(() => {});
            const location = header(headers, 'location');
            if (!location) throw new FetchError(`the server answered ${statusCode} without a Location`);
            if (hop >= MAX_REDIRECTS) throw new FetchError(`more than ${MAX_REDIRECTS} redirects`);
            current = new URL(location, url).toString();
            continue;
          }
          const common = {
            url: url.toString(),
            etag: header(headers, 'etag'),
            lastModified: header(headers, 'last-modified'),
            maxAgeSeconds: maxAge(header(headers, 'cache-control')),
          };
          if (statusCode === 304) {
            await response.body.dump().catch(() => {});
            return { status: 'not-modified', ...common };
          }
          if (statusCode < 200 || statusCode >= 300) {
            await response.body.dump().catch(() => {});
            const wait = retryAfter(header(headers, 'retry-after'), new Date());
            const reason =
              statusCode === 404 || statusCode === 410
                ? `the address is gone (HTTP ${statusCode})`
                : statusCode === 429
                  ? 'the server asked Dispatch to slow down (HTTP 429)'
                  : statusCode >= 500
                    ? `the server had an error (HTTP ${statusCode})`
                    : `the server refused the request (HTTP ${statusCode})`;
            throw new FetchError(reason, wait);
          }
          const length = Number(header(headers, 'content-length') ?? NaN);
          const encoding = header(headers, 'content-encoding');
          if (Number.isFinite(length) && length > limit) {
            response.body.destroy();
            throw tooLarge(limit);
          }
          const body = await readLimited(response.body, encoding, limit);
          return { status: 'ok', ...common, body, contentType: header(headers, 'content-type') };
        }
      } catch (error) {
        throw controller.signal.aborted
          ? new FetchError(
              `the server did not finish answering within ${Math.round(totalTimeoutMs / 1000)} s`,
            )
          : describe(error, current, totalTimeoutMs);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => agent.close(),
  };
}

/** The User-Agent every request sends: who we are, which version, and how to reach the operator. */
export function userAgent(version: string, contact: string): string {
  return `Dispatch/${version} (news digest bot; +${contact})`;
}
