/**
 * The sandbox's logger. The bot logs every file it ingests as a record (`{ msg: 'ingest', file, status,
 * reason }`); in the sandbox a person reads them, so a refused file is shown as the line `npm run ingest`
 * prints (`data/articles/bad.md: rejected: published: must be a date …`), and every other record as
 * {@link logStream} writes it: readable on a terminal, JSON otherwise.
 */
import { pino } from 'pino';
import { formatOutcome, type IngestOutcome } from '../ingest/ingest.ts';
import { logStream, type LogDestination, type Logger } from '../log.ts';

/** Ingest outcomes a person has to act on, shown as `npm run ingest` shows them. */
const SHOWN_AS_LINES = new Set<IngestOutcome['status']>(['rejected', 'skipped']);

export function createSandboxLogger(level: string, errors: LogDestination): Logger {
  const others = logStream(errors);
  // A refusal is shown once, and again only when its reason changes (a fix that leaves another mistake) or the
  // file was taken in between: a person needs no second copy of a line they have already read.
  const shown = new Map<string, string>();
  return pino(
    { level, base: undefined },
    {
      write(line: string) {
        const record = JSON.parse(line) as Partial<IngestOutcome> & { msg?: string };
        if (record.msg === 'ingest' && record.file && record.status && SHOWN_AS_LINES.has(record.status)) {
          const text = formatOutcome({ file: record.file, status: record.status, reason: record.reason });
          if (shown.get(record.file) !== text) errors.write(`${text}\n`);
          shown.set(record.file, text);
          return;
        }
        if (record.msg === 'ingest' && record.file) shown.delete(record.file);
        others.write(line);
      },
    },
  );
}
