import { pino, type DestinationStream, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';

export type { Logger };

/** Where log lines go: a stream, with `isTTY` set when it is a terminal (as `process.stdout` has). */
export type LogDestination = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * What a logger writes to `destination`: JSON lines, one per record, unless `destination` is a terminal, where a
 * person reads them: then each record is turned into a readable line (`12:00:01 WARN: ingest file=… reason=…`)
 * by pino-pretty, pino's own formatter, so the two forms carry the same fields. Pipes, files and log collectors
 * (and tests, which run without a TTY) keep JSON. pino-pretty runs here in-process and synchronously
 * (`prettyFactory`), not as a worker transport: a tool that exits right after logging (`process.exit` in the
 * sandbox and the CLIs) loses no line.
 */
export function logStream(destination: LogDestination): DestinationStream {
  if (destination.isTTY !== true) return destination as DestinationStream;
  const prettify = prettyFactory({
    colorize: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    singleLine: true,
  });
  return { write: (line: string) => void destination.write(prettify(line)) };
}

/**
 * Builds the one structured logger of a process. Handlers receive children of it carrying
 * `{ guildId, command, userId }`, so every line can be traced back to who asked for what. On a terminal the
 * lines are readable, elsewhere JSON (see {@link logStream}).
 */
export function createLogger(level: string, destination: LogDestination = process.stdout): Logger {
  return pino({ level, base: undefined }, logStream(destination));
}
