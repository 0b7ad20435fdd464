/**
 * What the loopback Discord logs through: the pino-style `(fields, message)` calls it makes, so pino, a
 * bunyan-like logger or a two-line test double all fit, and the package needs no logging library of its
 * own. It logs only what a test author may want when something goes wrong (an invalid body, a failed
 * handler, a socket error); everything else is in `requests`, `violations` and the events.
 */
export interface LoopbackLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
