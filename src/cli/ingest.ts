/**
 * `npm run ingest -- PATH...`: stores the articles in the given files and folders (default: ARTICLES_DIR),
 * printing one line per file and a summary. Exits 1 when any file was rejected.
 */
import { systemClock } from '../clock.ts';
import { loadConfigOrExit } from '../config.ts';
import { formatOutcome, formatSummary, ingestPaths } from '../ingest/ingest.ts';
import { createLogger } from '../log.ts';
import { openStore } from '../store/index.ts';

const config = loadConfigOrExit();
// Each outcome is printed below, so the log only carries errors unless LOG_LEVEL asks for more.
const log = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL, process.stderr);
const paths = process.argv.slice(2).filter((arg) => arg !== '--');
const store = openStore(config.DATABASE_PATH);
try {
  const report = await ingestPaths(
    { store, clock: systemClock, log, maxArticleBytes: config.MAX_ARTICLE_BYTES },
    paths.length > 0 ? paths : [config.ARTICLES_DIR],
    (outcome) => console.log(formatOutcome(outcome)),
  );
  console.log(formatSummary(report));
  process.exitCode = report.counts.rejected > 0 ? 1 : 0;
} finally {
  store.close();
}
