/**
 * What the command-line front ends print: results to stdout (so they can be piped), problems to stderr. The bot
 * itself logs through pino; these tools talk to a person at a terminal.
 */
export const out = (line: string): void => void process.stdout.write(`${line}\n`);
export const err = (line: string): void => void process.stderr.write(`${line}\n`);
