/**
 * Crash safety: a real `npm run feeds -- poll` process is killed with SIGKILL in the middle of a poll, then
 * polled again. Every item is stored exactly once, and the feed's state (ETag, failures) is what a clean poll
 * leaves: each item is written in its own transaction with its (feed, guid), and the ETag only after the last.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { runTs, spawnTs, tempDir } from '../support/helpers.ts';
import { fixtureServer, rss, syntheticBody, type TestItem } from './helpers.ts';
import { sqlite } from '../support/sqlite.ts';

const SLOW = { timeout: 180_000 };

async function crashAndRestart(hang: 'feed' | 'page') {
  const server = await fixtureServer();
  const items: TestItem[] = [1, 2, 3, 4, 5].map((n) => ({
    guid: `c-${n}`,
    link: `${server.base}/page/${n}`,
    title: `Harbor crash report ${n}`,
    // Item 3 is a teaser: its page is fetched for the full text.
    body: n === 3 ? ['A short teaser.'] : syntheticBody(100 + n),
    date: `2026-11-10T0${n}:00:00Z`,
  }));
  let hanging = true;
  let reached!: () => void;
  const hung = new Promise<void>((resolve) => (reached = resolve));
  const document = rss('Crash Courier', items);
  server.route('/feed.xml', (_req, res) => {
    if (hang === 'feed' && hanging) {
      // Headers and half the document, then nothing: the process is killed while reading the feed.
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
      res.write(document.slice(0, document.length / 2));
      reached();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(document);
  });
  server.route('/page/3', (_req, res) => {
    if (hang === 'page' && hanging) return void reached();
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      `<html><body><article><h1>Harbor crash report 3</h1>${syntheticBody(103, 1500)
        .map((p) => `<p>${p}</p>`)
        .join('')}</article></body></html>`,
    );
  });
  const dir = tempDir();
  const env = {
    DATABASE_PATH: join(dir, 'd.db'),
    FEEDS_ALLOW_PRIVATE: 'true',
    FEED_FIRST_POLL_HOURS: '100000',
  };
  expect((await runTs('src/cli/feeds.ts', ['add', `${server.base}/feed.xml`], env)).code).toBe(0);

  const child = spawnTs('src/cli/feeds.ts', ['poll'], env);
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  await hung;
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const store = openStore(env.DATABASE_PATH);
  const storedAfterCrash = (
    sqlite(store).prepare('SELECT count(*) AS n FROM articles').get() as { n: number }
  ).n;
  const sourceAfterCrash = store.feeds.allFeeds()[0]!.source;
  store.close();

  hanging = false;
  const again = await runTs('src/cli/feeds.ts', ['poll', '--json'], env);
  expect(again.code).toBe(0);
  const report = JSON.parse(again.stdout.trim()) as Record<string, unknown>;

  const after = openStore(env.DATABASE_PATH);
  const titles = sqlite(after).prepare('SELECT title FROM articles ORDER BY title').pluck().all();
  const items3 = sqlite(after).prepare('SELECT count(*) FROM feed_items').pluck().get();
  const source = after.feeds.allFeeds()[0]!.source;
  const body3 = sqlite(after)
    .prepare("SELECT body FROM articles WHERE title = 'Harbor crash report 3'")
    .pluck()
    .get() as string;
  after.close();
  return { storedAfterCrash, sourceAfterCrash, report, titles, items3, source, body3 };
}

describe('a poll killed with SIGKILL', () => {
  it(
    'while reading the feed: nothing half-stored, and the next poll stores every item once',
    SLOW,
    async () => {
      const r = await crashAndRestart('feed');
      expect(r.storedAfterCrash).toBe(0);
      expect(r.sourceAfterCrash).toMatchObject({ etag: null, lastStatus: null, failures: 0 });
      expect(r.report).toEqual({
        url: expect.stringMatching(/feed\.xml$/),
        status: 'ok',
        new: 5,
        updated: 0,
        unchanged: 0,
        error: null,
      });
      expect(r.titles).toEqual([1, 2, 3, 4, 5].map((n) => `Harbor crash report ${n}`));
      expect(r.items3).toBe(5);
      expect(r.source).toMatchObject({ etag: '"v1"', lastStatus: 'ok', failures: 0 });
    },
  );

  it(
    'while fetching an item’s full text: the items before it stay, none is doubled, the feed state is consistent',
    SLOW,
    async () => {
      const r = await crashAndRestart('page');
      // Newest first: items 5 and 4 were stored before the page of item 3 hung.
      expect(r.storedAfterCrash).toBe(2);
      expect(r.sourceAfterCrash).toMatchObject({ etag: null, lastStatus: null, failures: 0 });
      expect(r.report).toMatchObject({ status: 'ok', new: 3, updated: 0, unchanged: 2, error: null });
      expect(r.titles).toEqual([1, 2, 3, 4, 5].map((n) => `Harbor crash report ${n}`));
      expect(r.items3).toBe(5);
      expect(r.body3.split(/\s+/).length).toBeGreaterThan(100);
      expect(r.source).toMatchObject({ etag: '"v1"', lastStatus: 'ok', failures: 0 });
    },
  );
});

describe('a poll of a failing feed killed with SIGKILL', () => {
  it(
    'keeps its failure count, backoff, first failure and ETag; the next poll counts one more failure from there',
    SLOW,
    async () => {
      const server = await fixtureServer();
      const items: TestItem[] = [1, 2].map((n) => ({
        guid: `f-${n}`,
        link: `${server.base}/failing/${n}`,
        title: `Failing feed report ${n}`,
        body: syntheticBody(200 + n),
        date: `2026-11-10T0${n}:00:00Z`,
      }));
      let mode: 'ok' | 'error' | 'hang' = 'ok';
      let reached!: () => void;
      const hung = new Promise<void>((resolve) => (reached = resolve));
      const asked: (string | undefined)[] = [];
      server.route('/failing.xml', (req, res) => {
        asked.push(req.headers['if-none-match'] as string | undefined);
        if (mode === 'hang') {
          // The server accepted the request and says nothing more: the process is killed while it waits.
          reached();
          return;
        }
        if (mode === 'error') return void res.writeHead(503).end('down for maintenance');
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
        res
          .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' })
          .end(rss('Failing', items));
      });
      const dir = tempDir();
      const env = {
        DATABASE_PATH: join(dir, 'd.db'),
        FEEDS_ALLOW_PRIVATE: 'true',
        FEED_FIRST_POLL_HOURS: '100000',
      };
      const url = `${server.base}/failing.xml`;
      const source = () => {
        const store = openStore(env.DATABASE_PATH);
        try {
          return store.feeds.allFeeds()[0]!.source;
        } finally {
          store.close();
        }
      };
      const articles = () =>
        sqlite(env.DATABASE_PATH).prepare('SELECT count(*) FROM articles').pluck().get() as number;
      // What the operator would otherwise wait for: the feed's next poll comes due now.
      const makeDue = () =>
        sqlite(env.DATABASE_PATH)
          .prepare('UPDATE feed_sources SET next_poll_at = ?')
          .run(new Date(Date.now() - 1000).toISOString());
      const poll = async () => {
        const result = await runTs('src/cli/feeds.ts', ['poll', '--json'], env);
        return JSON.parse(result.stdout.trim()) as Record<string, unknown>;
      };

      expect((await runTs('src/cli/feeds.ts', ['add', url], env)).code).toBe(0);
      expect(await poll()).toMatchObject({ status: 'ok', new: 2 });
      mode = 'error';
      for (const failures of [1, 2]) {
        makeDue();
        expect(await poll()).toMatchObject({ status: 'error', error: 'the server had an error (HTTP 503)' });
        expect(source()).toMatchObject({ failures, etag: '"v1"', lastStatus: 'error' });
      }
      const beforeCrash = source();
      expect(beforeCrash.firstFailureAt).not.toBeNull();

      mode = 'hang';
      makeDue();
      const dueAt = source().nextPollAt;
      const child = spawnTs('src/cli/feeds.ts', ['poll'], env);
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      await hung;
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      // The killed poll wrote nothing: the feed is as the last failure left it, and still due.
      expect(source()).toEqual({ ...beforeCrash, nextPollAt: dueAt });

      mode = 'error';
      const started = Date.now();
      expect(await poll()).toMatchObject({ status: 'error', error: 'the server had an error (HTTP 503)' });
      const after = source();
      expect(after).toMatchObject({
        failures: 3,
        firstFailureAt: beforeCrash.firstFailureAt,
        etag: '"v1"',
        lastStatus: 'error',
        lastError: 'the server had an error (HTTP 503)',
        pausedReason: null,
      });
      // The third failure in a row waits 5 min × 2² = 20 min.
      const wait = Date.parse(after.nextPollAt) - started;
      expect(wait).toBeGreaterThanOrEqual(20 * 60_000 - 1000);
      expect(wait).toBeLessThanOrEqual(20 * 60_000 + (Date.now() - started) + 1000);

      mode = 'ok';
      makeDue();
      expect(await poll()).toMatchObject({ status: 'not-modified', new: 0, error: null });
      expect(source()).toMatchObject({
        failures: 0,
        firstFailureAt: null,
        etag: '"v1"',
        lastStatus: 'not-modified',
      });
      expect(articles()).toBe(2);
      // Every poll after the first asked conditionally with the ETag the crash did not lose.
      expect(asked.slice(1).every((tag) => tag === '"v1"')).toBe(true);
      expect(asked).toHaveLength(6);
    },
  );
});
