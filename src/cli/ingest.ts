/**
 * `npm run ingest -- PATH...`: stores the articles in the given files and folders (default: ARTICLES_DIR),
 * printing one line per file and a summary. Exits 1 when any file was rejected, 2 when the configuration is bad
 * or the database was written by a newer release.
 */
import { systemClock } from '../clock.ts';
import { loadConfigOrExit } from '../config.ts';
import { formatOutcome, formatSummary, ingestPaths } from '../ingest/ingest.ts';
import { createLogger } from '../log.ts';
import { SchemaTooNewError } from '../store/db.ts';
import { openStore, type Store } from '../store/index.ts';
import { parseCommandLineOrExit } from './args.ts';
import { out, err } from './output.ts';

const { positionals: paths } = parseCommandLineOrExit({
  command: 'npm run ingest --',
  synopsis: '[PATH...]',
  description:
    'Stores the articles in the given files and folders (default: ARTICLES_DIR) in DATABASE_PATH, printing one\n' +
    'line per file (added, updated, unchanged, rejected: reason) and a summary. Exits 1 if a file was rejected.',
  options: {},
  positionals: true,
  examples: ['npm run ingest -- data/articles'],
});

/** Opens the store, or explains why not and exits 2: a database from a newer release is refused, untouched. */
function openOrExit(path: string): Store {
  try {
    return openStore(path);
  } catch (error) {
    if (!(error instanceof SchemaTooNewError)) throw error;
    err(error.message);
    process.exit(2);
  }
}

const config = loadConfigOrExit();
// Each outcome is printed below, so the log only carries errors unless LOG_LEVEL asks for more.
const log = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL, process.stderr);
const store = openOrExit(config.DATABASE_PATH);
try {
  const report = await ingestPaths(
    { store, clock: systemClock, log, maxArticleBytes: config.MAX_ARTICLE_BYTES },
    paths.length > 0 ? paths : [config.ARTICLES_DIR],
    (outcome) => out(formatOutcome(outcome)),
  );
  out(formatSummary(report));
  process.exitCode = report.counts.rejected > 0 ? 1 : 0;
} finally {
  store.close();
}
