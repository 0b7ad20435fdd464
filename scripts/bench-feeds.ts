/**
 * `npm run bench:feeds`: 2,000 feeds on a local HTTP server (a separate process, so its CPU is not counted),
 * polled in full cycles by `pollDueFeeds` on a real SQLite file. Each cycle one feed in ten has a new item of
 * about 5 KB (extracted in full), the rest answer 304 to the conditional GET. Reports the time of one cycle,
 * CPU time per feed (every thread of the process), peak RSS, and articles stored per second. The articles are
 * invented (Port Alder). Extraction runs as in the bot, in the worker pool (`--inline` runs it on the polling
 * thread instead, to compare). Per cycle it also prints where memory is at the cycle's peak (RSS, anonymous and
 * file-backed, the main thread's V8 heap and each extraction worker's) and the polling thread's event-loop delay,
 * which is what a command or heartbeat would wait.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { HeapInfo } from 'node:v8';
import type { FeedDeps } from '../src/feeds/poll.ts';
import type * as ConfigModule from '../src/config.ts';
import type * as ExtractModule from '../src/extract/index.ts';
import type * as PoolModule from '../src/ingest/pool.ts';
import type * as HttpModule from '../src/feeds/http.ts';
import type * as ManageModule from '../src/feeds/manage.ts';
import type * as PollModule from '../src/feeds/poll.ts';
import type * as LogModule from '../src/log.ts';
import type * as StoreModule from '../src/store/index.ts';
import { ManualClock } from '../tests/support/clock.ts';

/**
 * `--dist`: the compiled build in dist/ (run `npm run build` first), as `npm start` runs it; with
 * `npm run bench:feeds:dist` this script runs on plain Node (its types stripped), with the flags of `npm start`,
 * so the peak RSS is the production figure, without tsx. Otherwise the TypeScript sources, through tsx.
 */
const DIST = process.argv.includes('--dist');

/**
 * The node flags `npm start` runs the bot with, and the environment it sets for the process (package.json): a
 * figure measured with other flags (a V8 heap ceiling, a young-generation size) or without MALLOC_ARENA_MAX is
 * not the figure production gets, so `--dist` refuses to run without them.
 */
function production(): { flags: string[]; env: [string, string][] } {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts.start!.split(/\s+/);
  return {
    flags: words.filter((word) => word.startsWith('--')),
    env: words.slice(0, words.indexOf('node')).map((word) => word.split('=', 2) as [string, string]),
  };
}
if (DIST) {
  const { flags, env } = production();
  const missing = env.filter(([key, value]) => process.env[key] !== value);
  if (JSON.stringify(process.execArgv) !== JSON.stringify(flags) || missing.length > 0) {
    process.stderr.write(
      `bench:feeds --dist measures what production runs, so it needs npm start's node flags ` +
        `(${flags.join(' ')}) and environment (${env.map((pair) => pair.join('=')).join(' ')}), not ` +
        `${JSON.stringify(process.execArgv)}${missing.length > 0 ? ` without ${missing.map(([key]) => key).join(', ')}` : ''}: ` +
        `run npm run bench:feeds:dist.\n`,
    );
    process.exit(2);
  }
}
const load = <T>(path: string): Promise<T> =>
  import(DIST ? `../dist/src/${path}.js` : `../src/${path}.ts`) as Promise<T>;
const { defaultConfig } = await load<typeof ConfigModule>('config');
const { createExtractionPool } = await load<typeof PoolModule>('ingest/pool');
const { createFetcher } = await load<typeof HttpModule>('feeds/http');
const { addFeed } = await load<typeof ManageModule>('feeds/manage');
const { pollDueFeeds } = await load<typeof PollModule>('feeds/poll');
const { createLogger } = await load<typeof LogModule>('log');
const { openStore } = await load<typeof StoreModule>('store/index');

const FEEDS = 2000;
/** `--inline`: extract on the polling thread, as before feed items went to the pool. */
const INLINE = process.argv.includes('--inline');
// The extractor is loaded here only with --inline: the bot's main thread does not load it (feed items are
// extracted in the pool), and the main thread's memory is part of what this bench measures.
const extract = INLINE ? (await load<typeof ExtractModule>('extract/index')).extract : null;
const config = defaultConfig({ FEEDS_ALLOW_PRIVATE: true, FEED_FIRST_POLL_HOURS: 100_000 });
const CYCLES = 3;

/** The feed server: plain Node, no dependencies. Feed n serves `version[n]` items; POST /bump/n adds one. */
const SERVER = `
const http = require('node:http');
const NAMES = ['Elena Voss', 'Tomas Reyes', 'Ines Okafor', 'Jonas Berg', 'Lucia Moreau', 'Ana Petrov'];
const PLACES = ['the north harbor', 'the fish market', 'the ferry landing', 'the old town', 'the rail yard'];
const NOUNS = ['crews', 'boats', 'shops', 'schools', 'workers', 'families', 'engineers', 'volunteers'];
const version = new Map();
function body(feed, n) {
  let s = (feed * 7919 + n * 104729) >>> 0 || 1;
  const r = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
  const pick = (l) => l[Math.floor(r() * l.length)];
  const out = [];
  let size = 0;
  for (let i = 0; size < 5000; i++) {
    const p = i % 3 === 1
      ? '"' + pick(NOUNS) + ' from ' + pick(PLACES) + ' will return to ' + pick(PLACES) + ' this week," said ' + pick(NAMES) + ' on Monday, in report ' + feed + '-' + n + '-' + i + '.'
      : 'About ' + Math.floor(10 + r() * 990) + ' ' + pick(NOUNS) + ' gathered near ' + pick(PLACES) + ' on Tuesday, according to ' + pick(NAMES) + ', in part ' + i + ' of report ' + feed + '-' + n + '.';
    out.push('<p>' + p + '</p>');
    size += p.length;
  }
  return out.join('');
}
const server = http.createServer((req, res) => {
  const m = /^\\/(feed|bump)\\/(\\d+)/.exec(req.url);
  if (!m) return res.writeHead(404).end();
  const feed = Number(m[2]);
  if (m[1] === 'bump') { version.set(feed, (version.get(feed) || 0) + 1); return res.writeHead(204).end(); }
  const v = version.get(feed) || 0;
  const etag = '"' + feed + '-' + v + '"';
  if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
  let items = '';
  for (let n = v; n > Math.max(0, v - 3); n--) {
    items += '<item><title>Harbor report ' + feed + '-' + n + '</title><link>http://127.0.0.1/f' + feed + '/a' + n + '</link><guid>f' + feed + 'a' + n + '</guid><pubDate>' + new Date(Date.UTC(2026, 10, 10, 12, n)).toUTCString() + '</pubDate><content:encoded><![CDATA[' + body(feed, n) + ']]></content:encoded></item>';
  }
  res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed ' + feed + '</title>' + items + '</channel></rss>');
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
// The server must not outlive the bench, whichever way the bench ends.
process.on('exit', () => child.kill());
const port = await new Promise<number>((resolve) =>
  child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
);
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-feeds-'));
const store = openStore(join(dir, 'bench.db'));
const fetcher = createFetcher({
  policy: { allowPrivate: true },
  userAgent: 'Dispatch/bench (+https://example.invalid)',
  maxBytes: config.FEED_MAX_BYTES,
  perHostLimit: 8,
});
const clock = new ManualClock('2026-11-10T12:00:00Z');
// As the bot runs it (src/bot/index.ts): sized by EXTRACTION_WORKERS (unset: one fewer than the cores, at least
// one); the workers parse the feeds and write what they extracted through connections of their own.
const pool = INLINE
  ? null
  : createExtractionPool({ size: config.EXTRACTION_WORKERS, database: { path: store.path, clock } });
const deps: FeedDeps = {
  store,
  clock,
  log: createLogger('silent'),
  config,
  fetcher,
  extract: extract ? async (input) => extract(input) : (input) => pool!.extract(input, { offThread: true }),
  write: pool?.storeItem,
  parse: pool?.parseFeed,
};
for (let i = 0; i < FEEDS; i++) {
  addFeed(
    store,
    { url: `${base}/feed/${i}`, guildId: '', story: 'bench', createdBy: 'bench' },
    { maxFeedsPerGuild: FEEDS },
    clock.now(),
  );
}

const bump = (feeds: number[]) =>
  Promise.all(feeds.map((f) => fetch(`${base}/bump/${f}`, { method: 'POST' }).then((r) => r.arrayBuffer())));

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const memory = (m: NodeJS.MemoryUsage) =>
  `rss ${mb(m.rss)}, main heap ${mb(m.heapUsed)} used of ${mb(m.heapTotal)}, external ${mb(m.external)}`;

/** The process's resident memory split into anonymous (heaps, malloc) and file-backed (the node binary, code). */
function residentSplit(): string {
  try {
    const rollup = readFileSync('/proc/self/smaps_rollup', 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0) * 1024;
    return `anonymous ${mb(kb('Anonymous'))}, file-backed ${mb(kb('Rss') - kb('Anonymous'))}`;
  } catch {
    return 'no /proc here';
  }
}

/** Where the memory is at a moment: the process, the main thread's heap, and each extraction worker's heap. */
interface Moment {
  usage: NodeJS.MemoryUsage;
  workers: HeapInfo[];
  split: string;
}
const describeMoment = ({ usage, workers, split }: Moment) =>
  `${memory(usage)}; ${split}; ` +
  (workers.length === 0
    ? 'no worker'
    : `${workers.length} worker heap${workers.length === 1 ? '' : 's'} ` +
      workers.map((w) => `${mb(w.used_heap_size)} used of ${mb(w.total_heap_size)}`).join(', '));

async function cycle(label: string) {
  clock.advance(24 * 3_600_000); // every feed due
  let workers: HeapInfo[] = [];
  let peak: Moment = { usage: process.memoryUsage(), workers, split: residentSplit() };
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    if (usage.rss > peak.usage.rss) peak = { usage, workers, split: residentSplit() };
    void pool?.heapStatistics().then((heaps) => (workers = heaps));
  }, 50);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const reports = await pollDueFeeds(deps);
  const ms = performance.now() - start;
  clearInterval(sampler);
  delay.disable();
  const used = process.cpuUsage(cpu);
  const count = (s: string) => reports.filter((r) => r.status === s).length;
  const stored = reports.reduce((n, r) => n + r.new, 0);
  console.log(
    `${label.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${String(reports.length).padStart(4)} feeds ` +
      `(${count('ok')} ok, ${count('not-modified')} 304, ${count('error')} errors)  ${stored} new articles  ` +
      `CPU ${((used.user + used.system) / 1000 / reports.length).toFixed(2)} ms/feed`,
  );
  console.log(
    `  at the peak: ${describeMoment(peak)}\n  event-loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, ` +
      `max ${(delay.max / 1e6).toFixed(0)} ms`,
  );
  return { ms, stored };
}

console.log(
  `bench:feeds — ${FEEDS} feeds on ${base}, Node ${process.version}, ${DIST ? 'compiled dist/' : 'sources via tsx'}, ` +
    `flags ${JSON.stringify(process.execArgv)}, MALLOC_ARENA_MAX ${process.env.MALLOC_ARENA_MAX ?? 'unset'}, ` +
    (pool
      ? `${pool.concurrency} extraction worker${pool.concurrency === 1 ? '' : 's'}`
      : 'extraction inline'),
);
console.log(`  before the first cycle: ${memory(process.memoryUsage())}`);
await cycle('first cycle (empty feeds)');
const results: { ms: number; stored: number }[] = [];
for (let c = 0; c < CYCLES; c++) {
  await bump(Array.from({ length: FEEDS / 10 }, (_, i) => (i * 10 + c) % FEEDS));
  results.push(await cycle(`cycle ${c + 1} (1 in 10 new)`));
}
const total = results.reduce((n, r) => ({ ms: n.ms + r.ms, stored: n.stored + r.stored }), {
  ms: 0,
  stored: 0,
});
const sample = store.articles.byId(1);
console.log(
  `mean cycle ${(total.ms / results.length / 1000).toFixed(2)} s for ${FEEDS} feeds; ` +
    `${(total.stored / (total.ms / 1000)).toFixed(1)} articles stored/s within cycles ` +
    `(mean body ${((sample?.body.length ?? 0) / 1024).toFixed(1)} KB, full extraction ${INLINE ? 'inline' : 'in the worker pool'})`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await fetcher.close();
await pool?.close();
store.close();
child.kill();
rmSync(dir, { recursive: true, force: true });
