import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import {
  createExtractionPool,
  defaultPoolSize,
  ExtractionPoolError,
  INLINE_BELOW_CHARS,
  WORKER_OLD_GENERATION_MB,
  WORKER_YOUNG_GENERATION_MB,
  workerEntry,
  type ExtractionPool,
} from '../../src/ingest/pool.ts';
import { parseFeedBody, readPageBody } from '../../src/feeds/parse.ts';
import { rss } from '../feeds/helpers.ts';
import { SEED_FILE } from '../support/helpers.ts';

const pools: ExtractionPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

/** A pool that sends every article to a worker, however short. */
function pool(size: number): ExtractionPool {
  const created = createExtractionPool({ size, inlineBelowChars: 0 });
  pools.push(created);
  return created;
}

const published = new Date('2016-03-15T00:00:00Z');

describe('the extraction pool', () => {
  it('returns exactly what the extractor finds inline, for several articles at once, each to its caller', async () => {
    const seed = readFileSync(SEED_FILE, 'utf8');
    const inputs = [
      { title: 'Seed', body: seed, published },
      { title: 'Short', body: '“We will stay as long as needed,” Ozerov said on Tuesday.', published },
      { title: 'None', body: 'Nothing is quoted here.', published },
    ];
    const workers = pool(2);
    const facts = await Promise.all(inputs.map((input) => workers.extract(input)));
    expect(facts).toEqual(inputs.map((input) => extract(input)));
    expect(facts[1]!.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We will stay as long as needed', 'Ozerov'],
    ]);
  });

  it('extracts a short article inline without starting a worker, and a long one in a worker', async () => {
    const workers = createExtractionPool({ size: 1 });
    pools.push(workers);
    const short = { title: 'Short', body: 'Putin spoke on Tuesday.', published };
    const started: unknown[] = [];
    const { Worker } = await import('node:worker_threads');
    const onStart = (worker: unknown) => started.push(worker);
    process.on('worker', onStart);
    try {
      expect(await workers.extract(short)).toEqual(extract(short));
      expect(started).toHaveLength(0);
      const long = { title: 'Long', body: readFileSync(SEED_FILE, 'utf8').repeat(8), published };
      expect(long.body.length).toBeGreaterThan(INLINE_BELOW_CHARS);
      expect(await workers.extract(long)).toEqual(extract(long));
      expect(started).toHaveLength(1);
      expect(started[0]).toBeInstanceOf(Worker);
    } finally {
      process.off('worker', onStart);
    }
  });

  it('sends a short article to a worker when asked to keep it off the thread (a feed burst)', async () => {
    const workers = createExtractionPool({ size: 1 });
    pools.push(workers);
    const short = { title: 'Short', body: '“We will stay,” Ozerov said on Tuesday.', published };
    const started: unknown[] = [];
    const onStart = (worker: unknown) => started.push(worker);
    process.on('worker', onStart);
    try {
      expect(await workers.extract(short, { offThread: true })).toEqual(extract(short));
      expect(started).toHaveLength(1);
    } finally {
      process.off('worker', onStart);
    }
  });

  it('parses a feed in a worker without being given the database, since parsing reads none', async () => {
    const workers = createExtractionPool({ size: 1 });
    pools.push(workers);
    const feed = Buffer.from(
      rss('Harbour News', [
        {
          guid: 'n-1',
          link: 'https://harbour.example/1',
          title: 'Report 1',
          body: ['One.'],
          date: '2024-05-01T01:00:00Z',
        },
      ]),
    );
    const started: unknown[] = [];
    const onStart = (worker: unknown) => started.push(worker);
    process.on('worker', onStart);
    try {
      const parsed = await workers.parseFeed(feed, 'application/rss+xml');
      expect(parsed).toEqual(parseFeedBody(feed, 'application/rss+xml'));
      expect(parsed.items.map((item) => item.guid)).toEqual(['n-1']);
      expect(started).toHaveLength(1);
    } finally {
      process.off('worker', onStart);
    }
  });

  it("reads a teaser's page with Readability in a worker, exactly as here, and says when a page has no article", async () => {
    const workers = createExtractionPool({ size: 1 });
    pools.push(workers);
    const page = readFileSync(new URL('../fixtures/feeds/teaser-page.html', import.meta.url));
    const started: unknown[] = [];
    const onStart = (worker: unknown) => started.push(worker);
    process.on('worker', onStart);
    try {
      const url = 'https://harbour.example/news/1';
      const read = await workers.readPage(page, 'text/html; charset=utf-8', url);
      expect(read).toEqual(readPageBody(page, 'text/html; charset=utf-8', url));
      expect(read!.text.split(/\s+/).length).toBeGreaterThan(80);
      const empty = Buffer.from('<!doctype html><html><body></body></html>');
      expect(await workers.readPage(empty, 'text/html', url)).toBeNull();
      expect(started).toHaveLength(1);
    } finally {
      process.off('worker', onStart);
    }
  });

  it.runIf(process.platform === 'linux')(
    'runs its workers at a lower CPU priority than the thread that serves Discord, on Linux',
    async () => {
      /** The nice value of each thread of this process, from /proc (the field after the state is the 19th). */
      const niceOfThreads = () =>
        readdirSync('/proc/self/task').map((tid) => {
          const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
        });
      expect(niceOfThreads().filter((nice) => nice === 10)).toEqual([]);
      const workers = pool(1);
      const short = { title: 'Short', body: '“We will stay,” Ozerov said on Tuesday.', published };
      expect(await workers.extract(short)).toEqual(extract(short));
      const nices = niceOfThreads();
      expect(nices.filter((nice) => nice === 10)).toHaveLength(1);
      expect(nices.filter((nice) => nice === 0).length).toBe(nices.length - 1);
    },
  );

  it('runs one worker fewer than the cores by default, leaving the main thread a core, and at least one', () => {
    expect(defaultPoolSize()).toBe(Math.max(1, availableParallelism() - 1));
    expect(pool(0).concurrency).toBe(1);
    const byCores = createExtractionPool();
    pools.push(byCores);
    expect(byCores.concurrency).toBe(defaultPoolSize());
  });

  it("caps each worker's old generation, and reports each running worker's heap", async () => {
    const workers = pool(1);
    expect(await workers.heapStatistics()).toEqual([]);
    await workers.extract({ title: 'T', body: 'Putin spoke on Tuesday.', published });
    const heaps = await workers.heapStatistics();
    expect(heaps).toHaveLength(1);
    expect(heaps[0]!.used_heap_size).toBeGreaterThan(0);
    // The limit V8 enforces is the old generation's ceiling plus the young generation's few semi-spaces.
    const limitMb = heaps[0]!.heap_size_limit / 1048576;
    expect(limitMb).toBeGreaterThanOrEqual(WORKER_OLD_GENERATION_MB);
    expect(limitMb).toBeLessThanOrEqual(WORKER_OLD_GENERATION_MB + 4 * WORKER_YOUNG_GENERATION_MB);
  });

  it('once closed, rejects what was queued and anything asked later, with a clear error', async () => {
    const workers = pool(1);
    const pending = workers.extract({ title: 'T', body: 'Putin spoke on Tuesday.', published });
    const queued = workers.extract({ title: 'T', body: 'Ozerov spoke on Monday.', published });
    const settled = Promise.allSettled([pending, queued]);
    await workers.close();
    const [first, second] = await settled;
    expect(first).toMatchObject({ status: 'rejected', reason: expect.any(ExtractionPoolError) });
    expect(second).toMatchObject({
      status: 'rejected',
      reason: { message: 'the extraction pool is closed' },
    });
    await expect(workers.extract({ title: 'T', body: 'Late.', published })).rejects.toThrow(
      'the extraction pool is closed',
    );
  });

  it('runs the TypeScript worker through tsx from source, and the compiled worker as plain JavaScript', () => {
    const fromSource = workerEntry('file:///app/src/ingest/pool.ts');
    expect(fromSource.url.href).toBe('file:///app/src/ingest/extract-worker.ts');
    expect(fromSource.execArgv[0]).toBe('--import');
    expect(fromSource.execArgv[1]).toMatch(/^file:\/\/.*\/node_modules\/tsx\/dist\/loader\.mjs$/);
    const compiled = workerEntry('file:///app/dist/src/ingest/pool.js');
    expect(compiled).toEqual({ url: new URL('file:///app/dist/src/ingest/extract-worker.js'), execArgv: [] });
  });
});
