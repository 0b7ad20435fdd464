/**
 * One injected failure: which requests it matches and what they get instead of the real answer.
 * `path` is matched against the path after `/api/v10`, with `%40original` decoded to `@original`, e.g.
 * `/interactions/123/abc/callback` or `/channels/123/messages`.
 */
export interface FaultRule {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Path to match: a RegExp, or a substring. Any path when omitted. */
  path?: RegExp | string;
  /**
   * What to answer: 429 (rate limited, with `retryAfter`), a 5xx, any other status with Discord's error
   * shape, or `'reset'` to destroy the TCP connection without answering (a network error).
   */
  status: number | 'reset';
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Seconds the 429 tells the client to wait (default 0.1). */
  retryAfter?: number;
  /** Whether the 429 is a global one (`X-RateLimit-Global`). */
  global?: boolean;
  /** A JSON body to answer with instead of the default for the status. */
  body?: unknown;
  /** Wait this long before answering (also useful with a pass-through: see `delayNext`). */
  delayMs?: number;
}

/** A fault as stored: the rule plus how often it has struck. */
export interface ActiveFault {
  readonly rule: FaultRule;
  /** Requests it has failed so far. */
  hits: number;
  /** Requests it will still fail. */
  remaining: number;
  /** For delay-only faults: the request is answered normally after the delay. */
  passThrough: boolean;
}

/**
 * Fault injection for tests that show the bot recovers: `failNext({ method: 'POST', path: /callback$/,
 * status: 429, retryAfter: 0.2 })` makes the next matching request fail, then requests go through again.
 */
export class FaultInjector {
  private readonly faults: ActiveFault[] = [];

  /** Makes the next `times` matching requests fail as the rule says. */
  failNext(rule: FaultRule): ActiveFault {
    const fault: ActiveFault = { rule, hits: 0, remaining: rule.times ?? 1, passThrough: false };
    this.faults.push(fault);
    return fault;
  }

  /** Delays the next `times` matching requests by `delayMs`, then answers them normally. */
  delayNext(rule: Omit<FaultRule, 'status'> & { delayMs: number }): ActiveFault {
    const fault: ActiveFault = {
      rule: { ...rule, status: 200 },
      hits: 0,
      remaining: rule.times ?? 1,
      passThrough: true,
    };
    this.faults.push(fault);
    return fault;
  }

  /** Removes every pending fault. */
  clear(): void {
    this.faults.length = 0;
  }

  /** Faults that will still strike. */
  get pending(): readonly ActiveFault[] {
    return this.faults.filter((f) => f.remaining > 0);
  }

  /** The first pending fault matching a request, used up by one. */
  take(method: string, path: string): ActiveFault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && matches(f.rule, method, path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    return fault;
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path);
}
