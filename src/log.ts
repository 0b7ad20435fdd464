import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Builds the one structured logger of a process. Handlers receive children of it carrying
 * `{ guildId, command, userId }`, so every line can be traced back to who asked for what.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return destination ? pino({ level, base: undefined }, destination) : pino({ level, base: undefined });
}
