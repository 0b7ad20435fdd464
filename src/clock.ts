/**
 * The source of "now". Everything that depends on time takes a Clock from its context so that tests can move
 * time forward instead of sleeping.
 */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };
