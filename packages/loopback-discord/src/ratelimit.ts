import { createHash } from 'node:crypto';

/** A fixed window: at most `limit` requests per `windowMs`. */
export interface RateLimitWindow {
  limit: number;
  windowMs: number;
}

/**
 * The global window. Discord sends no headers for it, so clients count it themselves (@discordjs/rest:
 * 50 per second from its first request); the server sees each window start a little later, when that
 * first request arrives (a new connection can take tens of ms). So the server lets a global window close
 * `graceMs` early (default a fifth of the window): a client counting like discord.js never sees a global
 * 429, while a bot that ignores the limit still does.
 */
export interface GlobalRateLimitWindow extends RateLimitWindow {
  graceMs?: number;
}

/**
 * Rate limits the loopback Discord enforces. Discord's real numbers are the defaults where they are known
 * (5 messages per 5 s per channel, 50 requests per second globally); tests and benches may tighten or
 * loosen them.
 */
export interface RateLimitOptions {
  /** All bot-authenticated requests together (interaction endpoints excluded, as on Discord). `false` turns it off. */
  global?: GlobalRateLimitWindow | false;
  /** POST /channels/{id}/messages, per channel. Default 5 per 5 s. */
  channelMessages?: RateLimitWindow;
  /** Interaction callbacks, follow-ups and edits, per interaction token. Default 50 per second. */
  interactions?: RateLimitWindow;
  /** Every other route, per route and major parameter. Default 50 per second. */
  default?: RateLimitWindow;
}

/** The bucket a request falls in: its config, the shared hash Discord names it by, and the major parameter. */
export interface BucketKey {
  name: 'channelMessages' | 'interactions' | 'default';
  /** The route template, e.g. `POST /channels/:id/messages`; requests with the same template share a hash. */
  route: string;
  /** The id the bucket is split by (channel id, interaction token, guild id…). */
  major: string;
}

/** The headers to send with a response, and whether the request must be refused with 429. */
export interface RateLimitDecision {
  headers: Record<string, string>;
  limited: false | { scope: 'user' | 'global'; retryAfterMs: number; global: boolean };
}

interface WindowState {
  startedAt: number;
  count: number;
}

const DEFAULTS = {
  global: { limit: 50, windowMs: 1000 },
  channelMessages: { limit: 5, windowMs: 5000 },
  interactions: { limit: 50, windowMs: 1000 },
  default: { limit: 50, windowMs: 1000 },
} as const;

/**
 * Per-route buckets and a global limit, with the headers Discord sends (`X-RateLimit-Limit`, `-Remaining`,
 * `-Reset`, `-Reset-After`, `-Bucket`). Windows open with the first request after the previous one closed,
 * which is how @discordjs/rest accounts for them too; so a client that waits when `Remaining` hits 0 never
 * sees a 429, and one that does not is answered 429 with `Retry-After` just as Discord would.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, WindowState>();
  private globalWindow: WindowState | undefined;
  private readonly config: {
    global: GlobalRateLimitWindow | false;
    channelMessages: RateLimitWindow;
    interactions: RateLimitWindow;
    default: RateLimitWindow;
  };

  constructor(options: RateLimitOptions = {}) {
    this.config = {
      global: options.global === undefined ? DEFAULTS.global : options.global,
      channelMessages: options.channelMessages ?? DEFAULTS.channelMessages,
      interactions: options.interactions ?? DEFAULTS.interactions,
      default: options.default ?? DEFAULTS.default,
    };
  }

  /**
   * Counts a request against its bucket (and the global window when `countsGlobally`), and says which
   * headers to send and whether to refuse it. A refused request does not use up the window.
   */
  take(key: BucketKey, countsGlobally: boolean, now: number = Date.now()): RateLimitDecision {
    const window = this.config[key.name];
    const id = `${key.route}|${key.major}`;
    let state = this.buckets.get(id);
    if (!state || now >= state.startedAt + window.windowMs) {
      state = { startedAt: now, count: 0 };
      this.buckets.set(id, state);
    }
    const resetAt = state.startedAt + window.windowMs;
    const bucketHash = createHash('sha1').update(key.route).digest('hex').slice(0, 32);
    const headersFor = (remaining: number): Record<string, string> => ({
      'x-ratelimit-limit': String(window.limit),
      'x-ratelimit-remaining': String(Math.max(0, remaining)),
      'x-ratelimit-reset': (resetAt / 1000).toFixed(3),
      'x-ratelimit-reset-after': (Math.max(0, resetAt - now) / 1000).toFixed(3),
      'x-ratelimit-bucket': bucketHash,
    });

    if (countsGlobally && this.config.global) {
      const g = this.config.global;
      const windowEnd = (w: WindowState) =>
        w.startedAt + g.windowMs - (w.count >= g.limit ? (g.graceMs ?? g.windowMs / 5) : 0);
      if (!this.globalWindow || now >= windowEnd(this.globalWindow)) {
        this.globalWindow = { startedAt: now, count: 0 };
      }
      if (this.globalWindow.count >= g.limit) {
        const retryAfterMs = Math.max(1, windowEnd(this.globalWindow) - now);
        return {
          headers: { ...headersFor(window.limit - state.count), 'x-ratelimit-global': 'true' },
          limited: { scope: 'global', retryAfterMs, global: true },
        };
      }
    }
    if (state.count >= window.limit) {
      return {
        headers: headersFor(0),
        limited: { scope: 'user', retryAfterMs: resetAt - now, global: false },
      };
    }
    state.count += 1;
    if (countsGlobally && this.globalWindow) this.globalWindow.count += 1;
    return { headers: headersFor(window.limit - state.count), limited: false };
  }

  /** Forgets every window (between tests). */
  reset(): void {
    this.buckets.clear();
    this.globalWindow = undefined;
  }
}
