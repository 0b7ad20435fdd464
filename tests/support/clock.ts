import type { Clock } from '../../src/clock.ts';

/**
 * A clock that only moves when told to, for tests and benchmarks: whatever depends on time takes a Clock from
 * its context, so a test sets or advances this one instead of sleeping.
 */
export class ManualClock implements Clock {
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
}
