/**
 * The source of "now", and the one way to wait. Everything that depends on time takes a Clock from its context,
 * so tests move time forward instead of sleeping, and a wait (a digest's retry backoff) returns at once on a
 * test's clock.
 */
export interface Clock {
  now(): Date;
  /** Waits `ms`, or less when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The wall clock: real time and real waits (setTimeout). */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done);
    }),
};
