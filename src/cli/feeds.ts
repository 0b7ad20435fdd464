/**
 * `npm run feeds -- add|remove|list|import|poll`: the operator's feeds, which serve every server. Uses
 * DATABASE_PATH like `npm run ingest`. Exits 1 when what was asked failed (a bad URL, a feed that is not
 * followed, a poll with an error), 2 for a bad command line or configuration.
 */
import { readFile } from 'node:fs/promises';
import { parseOpml } from 'feedsmith';
import { systemClock } from '../clock.ts';
import { loadConfigOrExit } from '../config.ts';
import { extract } from '../extract/index.ts';
import { createFeedFetcher } from '../feeds/index.ts';
import { addFeed, FeedRequestError, feedByUrl, removeFeed } from '../feeds/manage.ts';
import { pollDueFeeds, type PollReport } from '../feeds/poll.ts';
import { createLogger } from '../log.ts';
import { counted } from '../render/count.ts';
import type { FeedWithSource } from '../store/index.ts';
import { openStoreOrExit } from './store.ts';
import { parseCommandLineOrExit, usage } from './args.ts';
import { err, out } from './output.ts';

const spec = {
  command: 'npm run feeds --',
  synopsis: 'add URL | remove URL | list | import FILE.opml | poll',
  description:
    "Manages the operator's feeds (RSS, Atom, JSON Feed), which every server sees, in DATABASE_PATH.\n" +
    '  add URL      follow a feed (first polled by the next poll)\n' +
    '  remove URL   stop following it (its articles stay)\n' +
    '  list         every feed with its story, last poll and health\n' +
    '  import FILE  follow every feed of an OPML file\n' +
    '  poll         poll every feed that is due now, once, one line per feed',
  options: {
    story: {
      type: 'string',
      value: 'SLUG',
      description: 'add, import: the story its articles join (default: news)',
    },
    name: { type: 'string', value: 'NAME', description: 'add: a name to show instead of the URL' },
    json: { type: 'boolean', description: 'poll: one JSON object per feed instead of a line' },
  },
  positionals: true,
  examples: [
    'npm run feeds -- add https://example.com/feed.xml --story russia-syria-withdrawal',
    'npm run --silent feeds -- poll --json',
  ],
} as const;

const { positionals, values } = parseCommandLineOrExit(spec);
const [action, ...rest] = positionals;
const expected: Record<string, number> = { add: 1, remove: 1, list: 0, import: 1, poll: 0 };
if (action === undefined || !(action in expected) || rest.length !== expected[action]) {
  err(
    action === undefined || !(action in expected)
      ? `${action === undefined ? 'Say what to do' : `Unknown action "${action}"`}: add, remove, list, import or poll.\n\n${usage(spec)}`
      : `${action} takes ${expected[action] === 0 ? 'no argument' : 'one argument'}.\n\n${usage(spec)}`,
  );
  process.exit(2);
}

/** One line about a feed, for `list`. */
function describeFeed(feed: FeedWithSource): string {
  const s = feed.source;
  const health = s.pausedReason
    ? `PAUSED: ${s.pausedReason}`
    : s.lastStatus === 'error'
      ? `failing (${s.failures} in a row): ${s.lastError}`
      : s.lastPollAt
        ? `ok, last polled ${s.lastPollAt}`
        : 'not polled yet';
  const scope = feed.guildId ? `server ${feed.guildId}` : 'operator';
  return `${s.url}  [${feed.storySlug}]${feed.name ? ` "${feed.name}"` : ''}  ${scope}  ${health}`;
}

/** One line about a poll, for `poll`. */
function describePoll(report: PollReport): string {
  if (report.status === 'error') return `error  ${report.url}: ${report.error}`;
  const counts = `${report.new} new, ${report.updated} updated, ${report.unchanged} unchanged`;
  return `${report.status}  ${report.url}  ${counts}${report.error ? `; ${report.error}` : ''}`;
}

const config = loadConfigOrExit();
const log = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL, process.stderr);
const store = openStoreOrExit(config.DATABASE_PATH);
const limits = { maxFeedsPerGuild: config.MAX_FEEDS_PER_GUILD };
try {
  const now = systemClock.now();
  if (action === 'add') {
    const feed = addFeed(
      store,
      {
        url: rest[0]!,
        guildId: '',
        story: values.story ?? null,
        name: values.name ?? null,
        createdBy: 'operator',
      },
      limits,
      now,
    );
    out(`following ${feed.source.url} into [${feed.storySlug}]; the next poll reads it`);
  } else if (action === 'remove') {
    const feed = feedByUrl(store, '', rest[0]!);
    removeFeed(store, feed);
    out(`no longer following ${feed.source.url}; its articles stay`);
  } else if (action === 'list') {
    const feeds = store.feeds.allFeeds();
    for (const feed of feeds) out(describeFeed(feed));
    out(counted(feeds.length, 'feed'));
  } else if (action === 'import') {
    let outlines: { xmlUrl?: string; title?: string; text?: string; outlines?: unknown[] }[] = [];
    try {
      const opml = parseOpml(await readFile(rest[0]!, 'utf8')) as { body?: { outlines?: typeof outlines } };
      outlines = opml.body?.outlines ?? [];
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      err(`${rest[0]}: ${code === 'ENOENT' ? 'does not exist' : 'is not an OPML file'}`);
      process.exit(1);
    }
    const flat = (list: typeof outlines): typeof outlines =>
      list.flatMap((o) => [o, ...flat((o.outlines ?? []) as typeof outlines)]);
    let added = 0;
    let failed = 0;
    for (const outline of flat(outlines).filter((o) => o.xmlUrl)) {
      try {
        addFeed(
          store,
          {
            url: outline.xmlUrl!,
            guildId: '',
            story: values.story ?? null,
            name: outline.title ?? outline.text ?? null,
            createdBy: 'operator',
          },
          limits,
          now,
        );
        out(`added  ${outline.xmlUrl}`);
        added++;
      } catch (error) {
        if (!(error instanceof FeedRequestError)) throw error;
        out(`skipped  ${outline.xmlUrl}: ${error.message}`);
        failed++;
      }
    }
    out(`${added} added, ${failed} skipped`);
  } else {
    const fetcher = createFeedFetcher(config);
    try {
      const reports = await pollDueFeeds({
        store,
        clock: systemClock,
        log,
        config,
        fetcher,
        extract: async (input) => extract(input),
      });
      for (const report of reports) out(values.json ? JSON.stringify(report) : describePoll(report));
      if (!values.json) out(`${counted(reports.length, 'feed')} polled`);
      process.exitCode = reports.some((r) => r.status === 'error') ? 1 : 0;
    } finally {
      await fetcher.close();
    }
  }
} catch (error) {
  if (!(error instanceof FeedRequestError)) throw error;
  err(error.message);
  process.exitCode = 1;
} finally {
  store.close();
}
