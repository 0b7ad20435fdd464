import type { Clock } from '../../src/clock.ts';

/**
 * A clock that only moves when told to, for tests and benchmarks: whatever depends on time takes a Clock from
 * its context, so a test sets or advances this one instead of sleeping. Its `sleep` returns at once and records
 * how long was asked for (a retry's backoff), without moving the clock.
 */
export class ManualClock implements Clock {
  /** Every wait asked of this clock, in ms, in order. */
  readonly slept: number[] = [];
  private current: number;
  constructor(start: Date | string | number) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string | number): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
  sleep(ms: number): Promise<void> {
    this.slept.push(ms);
    return Promise.resolve();
  }
}
