import { pino } from 'pino';
import type { Logger } from '../../src/log.ts';

/** A logger that drops everything, for tests and benchmarks that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
