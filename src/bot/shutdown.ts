/**
 * How `npm start` ends. SIGINT or SIGTERM starts a clean stop (in-flight interactions finish, the gateway and
 * the database close); a second signal, or a stop that outlasts its timeout, exits at once with status 1, so an
 * operator pressing Ctrl-C twice or a supervisor is never left waiting on a stuck send. A promise rejection
 * nobody handled is a bug in a fire-and-forget path: it is logged with its stack and the bot keeps serving,
 * since every interaction and job has its own error handling and state lives in the store. An uncaught
 * exception leaves the process in an unknown state: it is logged and the bot stops as for a signal, exiting 1.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';

/** What a stop keeps, after digests in flight, for closing the gateway, the extraction workers and the database. */
const CLOSING_MS = 1_000;

/**
 * How long a clean stop may take before the process exits anyway: SHUTDOWN_TIMEOUT_SECONDS, the one setting for
 * it (9 s by default, under Docker's 10 s kill timeout).
 */
export function shutdownTimeoutMs(config: Pick<Config, 'SHUTDOWN_TIMEOUT_SECONDS'>): number {
  return config.SHUTDOWN_TIMEOUT_SECONDS * 1000;
}

/**
 * How long digests in flight may take to finish once a stop begins: the shutdown timeout less a second for
 * closing everything after them, so a digest waiting out a `Retry-After` never makes the stop overrun.
 */
export function digestStopBudgetMs(config: Pick<Config, 'SHUTDOWN_TIMEOUT_SECONDS'>): number {
  return Math.max(0, shutdownTimeoutMs(config) - CLOSING_MS);
}

/** What the handlers need from the process; `process` is one, tests pass an EventEmitter. */
export interface ProcessEvents {
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

export interface ShutdownOptions {
  /** Stops the bot cleanly. */
  stop(): Promise<void>;
  log: Logger;
  /** Ends the process: `process.exit`. */
  exit(code: number): void;
  events: ProcessEvents;
  /** How long the stop may take before the process exits with status 1: {@link shutdownTimeoutMs}. */
  timeoutMs: number;
  /** Arms the timeout; tests pass one they fire by hand. */
  setTimer?(fire: () => void, ms: number): void;
}

/** Installs the signal, timeout and last-resort error handlers around a running bot. */
export function handleShutdown(options: ShutdownOptions): void {
  const { log, exit } = options;
  const { timeoutMs } = options;
  const setTimer = options.setTimer ?? ((fire, ms) => setTimeout(fire, ms).unref());
  let stopping = false;
  const shutdown = (reason: string, code: number) => {
    if (stopping) {
      log.warn({ reason }, 'second request to stop: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    log.info({ reason, timeoutMs }, 'shutting down');
    setTimer(() => {
      log.error({ timeoutMs }, 'shutdown did not finish in time: exiting now');
      exit(1);
    }, timeoutMs);
    options.stop().then(
      () => exit(code),
      (error: unknown) => {
        log.error({ err: error }, 'unclean shutdown');
        exit(1);
      },
    );
  };
  options.events.on('SIGINT', () => shutdown('SIGINT', 0));
  options.events.on('SIGTERM', () => shutdown('SIGTERM', 0));
  options.events.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled promise rejection (a bug); still serving');
  });
  options.events.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception (a bug); stopping');
    shutdown('uncaughtException', 1);
  });
}
