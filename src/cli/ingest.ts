/**
 * `npm run ingest -- PATH...`: stores the articles in the given files and folders (default: ARTICLES_DIR),
 * printing one line per file and a summary. Exits 1 when any file was rejected, 2 when the configuration is bad
 * or DATABASE_PATH cannot be used (said in a sentence; the file is left as it was).
 */
import { systemClock } from '../clock.ts';
import { loadConfigOrExit } from '../config.ts';
import { formatOutcome, formatSummary, ingestPaths, removeArticles } from '../ingest/ingest.ts';
import { createExtractionPool } from '../ingest/pool.ts';
import { createLogger } from '../log.ts';
import { openStoreOrExit } from './store.ts';
import { parseCommandLineOrExit } from './args.ts';
import { out } from './output.ts';

const { positionals: paths, values } = parseCommandLineOrExit({
  command: 'npm run ingest --',
  synopsis: '[PATH|URL...]',
  description:
    'Stores the articles in the given files and folders (default: ARTICLES_DIR), and article pages given by\n' +
    'their https:// address, in DATABASE_PATH, printing one\n' +
    'line per file (added, updated, unchanged, skipped: not an article, rejected: reason) and a summary.\n' +
    'Exits 1 if a file was rejected.',
  options: {
    remove: {
      type: 'string',
      multiple: true,
      value: 'PATH|URL',
      description: 'remove the article read from this file, or with this URL, and all its facts; repeatable',
    },
  },
  positionals: true,
  examples: [
    'npm run ingest -- data/articles',
    'npm run ingest -- https://example.com/news/some-article',
    'npm run ingest -- --remove data/articles/2016-03-15-russia-withdraws-from-syria.txt',
  ],
});
const removals = values.remove ?? [];

const config = loadConfigOrExit();
// Each outcome is printed below, so the log only carries errors unless LOG_LEVEL asks for more.
const log = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL, process.stderr);
const store = openStoreOrExit(config.DATABASE_PATH);
// Extraction in worker threads (EXTRACTION_WORKERS, by default one fewer than the cores): as many files are
// extracted at once as there are workers.
const extractor = createExtractionPool({ log, size: config.EXTRACTION_WORKERS });
try {
  const ctx = { store, clock: systemClock, log, maxArticleBytes: config.MAX_ARTICLE_BYTES, extractor };
  // With --remove and no path, only remove: ingesting ARTICLES_DIR would bring a removed file straight back.
  const report =
    removals.length > 0
      ? removeArticles(ctx, removals)
      : { outcomes: [], counts: { added: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, removed: 0 } };
  for (const outcome of report.outcomes) out(formatOutcome(outcome));
  // An http(s) address is an article page to fetch (with the feeds' limits and guard), not a file.
  const links = paths.filter((path) => /^https?:\/\//i.test(path));
  const files = paths.filter((path) => !links.includes(path));
  if (links.length > 0) {
    // Loaded only for links: the HTTP client, parser and DOM would slow every ingest of files.
    const { ingestLinks } = await import('../feeds/article.ts');
    const linked = await ingestLinks({ ...ctx, config }, links);
    for (const outcome of linked.outcomes) out(formatOutcome(outcome));
    report.outcomes.push(...linked.outcomes);
    for (const [status, n] of Object.entries(linked.counts))
      report.counts[status as keyof typeof report.counts] += n;
  }
  if ((removals.length === 0 && links.length === 0) || files.length > 0) {
    const ingested = await ingestPaths(ctx, files.length > 0 ? files : [config.ARTICLES_DIR], (outcome) =>
      out(formatOutcome(outcome)),
    );
    report.outcomes.push(...ingested.outcomes);
    for (const [status, n] of Object.entries(ingested.counts))
      report.counts[status as keyof typeof report.counts] += n;
  }
  out(formatSummary(report));
  process.exitCode = report.counts.rejected > 0 ? 1 : 0;
} finally {
  await extractor.close();
  store.close();
}
