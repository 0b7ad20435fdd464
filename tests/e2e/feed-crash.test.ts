/**
 * Crash safety of the bot's own feed polling (issue 12). The process `npm start` runs (src/main.ts) polls its
 * feeds through the extraction pool, whose workers parse each feed and extract and write each item through
 * connections of their own. That process is killed with SIGKILL while its workers write, and while it fetches a
 * teaser item's page for the full text, then started again on the same database: every item is stored exactly
 * once with its facts, and each feed's state (ETag, failures, backoff) is untouched by the killed polls and set
 * by the one that finishes. Nothing here sleeps: the kills and the checks wait on what the bot writes (each
 * commit grows the database's WAL file; the scheduler's lease renewals commit several times a second) and on the
 * requests the fixture server receives.
 */
import { mkdirSync, mkdtempSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackDiscord, type LoopbackDiscord } from '@dispatch/loopback-discord';
import { EXTRACTOR_VERSION } from '../../src/extract/index.ts';
import { addFeed } from '../../src/feeds/manage.ts';
import { openStore, type FeedSource, type Store } from '../../src/store/index.ts';
import { rss, syntheticBody, type TestItem } from '../feeds/helpers.ts';
import { startFixtureServer, type FixtureServer } from '../feeds/server.ts';
import { sqlite } from '../support/sqlite.ts';
import { botEnv, spawnBot, type BotProcess } from './digest-processes.ts';

const SLOW = { timeout: 240_000 };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database with nothing in it but what the test adds, a fixture server and a loopback Discord. */
async function setup(): Promise<{
  dir: string;
  dbPath: string;
  store: Store;
  server: FixtureServer;
  env: Record<string, string>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-feed-crash-'));
  const articlesDir = join(dir, 'articles');
  mkdirSync(articlesDir);
  const dbPath = join(dir, 'dispatch.db');
  const store = openStore(dbPath);
  const server = await startFixtureServer();
  const discord: LoopbackDiscord = await startLoopbackDiscord();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  cleanups.push(() => server.close());
  cleanups.push(() => discord.close());
  const env = botEnv(discord, dbPath, articlesDir, {
    FEEDS_ALLOW_PRIVATE: 'true',
    FEED_FIRST_POLL_HOURS: '100000',
    // Two workers, so two feeds' items are written at the same time by two connections.
    EXTRACTION_WORKERS: '2',
  });
  return { dir, dbPath, store, server, env };
}

/** Starts the bot as `npm start` does; killed after the test whatever happens. */
async function startBot(env: Record<string, string>): Promise<BotProcess> {
  const bot = spawnBot(env);
  cleanups.push(() => void bot.child.kill('SIGKILL'));
  await bot.ready;
  return bot;
}

/** Kills the bot with SIGKILL and waits until it is gone. */
async function kill(bot: BotProcess): Promise<void> {
  bot.child.kill('SIGKILL');
  expect((await bot.exited).signal).toBe('SIGKILL');
}

/**
 * Resolves once `check()` holds, tested now and after each write the bot makes to the database (a write grows
 * its WAL file); rejects if the bot exits first.
 */
function whenStored(dbPath: string, bot: BotProcess, check: () => boolean): Promise<void> {
  const dir = join(dbPath, '..');
  const wal = `${dbPath.slice(dir.length + 1)}-wal`;
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      watcher.close();
      if (error) reject(error);
      else resolve();
    };
    const watcher = watch(dir, (_event, file) => {
      if (file === wal && check()) finish();
    });
    void bot.exited.then(({ code, signal }) => finish(new Error(`the bot exited (${code ?? signal})`)));
    if (check()) finish();
  });
}

const count = (store: Store, sql: string, ...params: unknown[]) =>
  sqlite(store)
    .prepare(sql)
    .pluck()
    .get(...params) as number;

const sourceOf = (store: Store, url: string): FeedSource => store.feeds.sourceByUrl(url)!;

/** Each stored article once: titles, how many per feed, and whether each has its facts. */
function audit(store: Store) {
  const db = sqlite(store);
  return {
    articles: count(store, 'SELECT count(*) FROM articles'),
    distinctTitles: count(store, 'SELECT count(DISTINCT title) FROM articles'),
    items: db
      .prepare('SELECT feed_id AS feed, count(*) AS n FROM feed_items GROUP BY feed_id ORDER BY feed_id')
      .all(),
    // Every feed item points at a stored article, and no article is pointed at by two items of a feed.
    danglingItems: count(
      store,
      'SELECT count(*) FROM feed_items WHERE article_id NOT IN (SELECT id FROM articles)',
    ),
    articlesWithoutItem: count(
      store,
      'SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM feed_items)',
    ),
    withoutFacts: count(
      store,
      `SELECT count(*) FROM articles a WHERE a.extractor_version <> ? OR a.summary = '[]'
         OR NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id)`,
      EXTRACTOR_VERSION,
    ),
  };
}

describe('the bot killed with SIGKILL while its pool workers store feed items', () => {
  it(
    'stores every item once with its facts after two kills, and keeps each feed’s ETag, failures and backoff until a poll finishes',
    SLOW,
    async () => {
      const { dbPath, store, server, env } = await setup();
      const now = new Date();
      const PER_FEED = 12;
      const asked = new Map<string, (string | undefined)[]>();
      const feedUrl = (name: string) => `${server.base}/${name}.xml`;
      for (const name of ['north', 'south']) {
        const items: TestItem[] = Array.from({ length: PER_FEED }, (_, i) => ({
          guid: `${name}-${i}`,
          link: `${server.base}/${name}/${i}`,
          title: `${name === 'north' ? 'North' : 'South'} harbour report ${i}`,
          body: syntheticBody((name === 'north' ? 1000 : 2000) + i, 3000),
          date: new Date(now.getTime() - (i + 1) * 60_000).toISOString(),
        }));
        const document = rss(`${name} courier`, items);
        asked.set(name, []);
        server.route(`/${name}.xml`, (req, res) => {
          asked.get(name)!.push(req.headers['if-none-match'] as string | undefined);
          // The feed changed since the ETag a client may hold: always the whole document, with a new ETag.
          res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(document);
        });
        addFeed(
          store,
          { url: feedUrl(name), guildId: '', story: 'harbour', name: null, createdBy: 'operator' },
          { maxFeedsPerGuild: 20 },
          now,
        );
      }
      // The south feed has a history: polled once (ETag "v0"), then failed twice, and is due again now.
      const south = sourceOf(store, feedUrl('south'));
      store.feeds.markBaselineDone(store.feeds.feedsOfSource(south.id)[0]!.id);
      store.feeds.recordSuccess(
        south.id,
        {
          status: 'ok',
          etag: '"v0"',
          lastModified: null,
          title: 'south courier',
          nextPollAt: now.toISOString(),
        },
        new Date(now.getTime() - 3_600_000),
      );
      const firstFailureAt = new Date(now.getTime() - 1_800_000).toISOString();
      for (const failures of [1, 2]) {
        store.feeds.recordFailure(
          south.id,
          {
            error: 'the server had an error (HTTP 503)',
            failures,
            firstFailureAt,
            nextPollAt: new Date(now.getTime() - 1000).toISOString(),
            pausedReason: null,
          },
          new Date(now.getTime() - 1_800_000 + failures * 600_000),
        );
      }
      const northBefore = sourceOf(store, feedUrl('north'));
      const southBefore = sourceOf(store, feedUrl('south'));
      const stored = () => count(store, 'SELECT count(*) FROM articles');

      // Life 1: killed once the workers have stored three items, while they go on extracting and writing.
      let bot = await startBot(env);
      await whenStored(dbPath, bot, () => stored() >= 3);
      await kill(bot);
      const afterFirst = stored();
      expect(afterFirst).toBeGreaterThanOrEqual(3);
      expect(afterFirst).toBeLessThan(2 * PER_FEED);
      // A killed poll leaves each feed's state as it was: no ETag taken, no failure counted, still due.
      expect(sourceOf(store, feedUrl('north'))).toEqual(northBefore);
      expect(sourceOf(store, feedUrl('south'))).toEqual(southBefore);
      expect(audit(store)).toMatchObject({
        distinctTitles: afterFirst,
        danglingItems: 0,
        articlesWithoutItem: 0,
      });

      // Life 2: killed again a few items later.
      bot = await startBot(env);
      const target = Math.min(afterFirst + 5, 2 * PER_FEED - 2);
      await whenStored(dbPath, bot, () => stored() >= target);
      await kill(bot);
      const afterSecond = stored();
      expect(afterSecond).toBeLessThan(2 * PER_FEED);
      expect(sourceOf(store, feedUrl('north'))).toEqual(northBefore);
      expect(sourceOf(store, feedUrl('south'))).toEqual(southBefore);

      // Life 3: left to finish both polls, then stopped cleanly.
      bot = await startBot(env);
      const finished = (url: string) => sourceOf(store, url).lastStatus === 'ok';
      await whenStored(dbPath, bot, () => finished(feedUrl('north')) && finished(feedUrl('south')));
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);

      const result = audit(store);
      process.stdout.write(
        `feed crash, pool workers writing: killed at ${afterFirst} and ${afterSecond} of ${2 * PER_FEED} articles stored; ` +
          `finally ${result.articles} articles, ${result.distinctTitles} distinct\n`,
      );
      expect(result).toEqual({
        articles: 2 * PER_FEED,
        distinctTitles: 2 * PER_FEED,
        items: [
          { feed: store.feeds.feedsOfSource(northBefore.id)[0]!.id, n: PER_FEED },
          { feed: store.feeds.feedsOfSource(southBefore.id)[0]!.id, n: PER_FEED },
        ].sort((a, b) => a.feed - b.feed),
        danglingItems: 0,
        articlesWithoutItem: 0,
        withoutFacts: 0,
      });
      for (const name of ['north', 'south']) {
        const source = sourceOf(store, feedUrl(name));
        expect(source).toMatchObject({
          etag: '"v1"',
          lastStatus: 'ok',
          failures: 0,
          firstFailureAt: null,
          lastError: null,
          pausedReason: null,
        });
        expect(Date.parse(source.nextPollAt)).toBeGreaterThan(Date.now());
        expect(store.feeds.feedsOfSource(source.id)[0]!.baselineDone).toBe(true);
      }
      // Each life fetched each feed once: the north one with no ETag, the south one with the "v0" it kept.
      expect(asked.get('north')).toEqual([undefined, undefined, undefined]);
      expect(asked.get('south')).toEqual(['"v0"', '"v0"', '"v0"']);
    },
  );

  it(
    'killed while fetching a teaser item’s page: the items stored before stay, the rest come once with their full text',
    SLOW,
    async () => {
      const { dbPath, store, server, env } = await setup();
      const now = new Date();
      const items: TestItem[] = [1, 2, 3, 4, 5].map((n) => ({
        guid: `teaser-${n}`,
        link: `${server.base}/page/${n}`,
        title: `Harbour teaser ${n}`,
        body: [`Teaser ${n}: read the full report on our site.`],
        date: new Date(now.getTime() - (6 - n) * 60_000).toISOString(),
      }));
      server.route('/teasers.xml', (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"t1"' })
          .end(rss('Teasers', items)),
      );
      let hanging = true;
      let reached!: () => void;
      const hung = new Promise<void>((resolve) => (reached = resolve));
      for (const n of [1, 2, 3, 4, 5]) {
        server.route(`/page/${n}`, (_req, res) => {
          // Newest first: items 5, 4 and 3 are stored (by the workers) before the page of item 2 is asked for.
          if (n === 2 && hanging) return void reached();
          res.writeHead(200, { 'content-type': 'text/html' }).end(
            `<html><head><title>Harbour teaser ${n}</title></head><body><nav>Home | News</nav><article>` +
              `<h1>Harbour teaser ${n}</h1>${syntheticBody(3000 + n, 2500)
                .map((p) => `<p>${p}</p>`)
                .join('')}</article><footer>Contact us</footer></body></html>`,
          );
        });
      }
      const url = `${server.base}/teasers.xml`;
      addFeed(
        store,
        { url, guildId: '', story: 'harbour', name: null, createdBy: 'operator' },
        { maxFeedsPerGuild: 20 },
        now,
      );
      const before = sourceOf(store, url);

      let bot = await startBot(env);
      await hung;
      await kill(bot);
      const titlesAfterCrash = sqlite(store)
        .prepare('SELECT title FROM articles ORDER BY title')
        .pluck()
        .all();
      expect(titlesAfterCrash).toEqual(['Harbour teaser 3', 'Harbour teaser 4', 'Harbour teaser 5']);
      expect(sourceOf(store, url)).toEqual(before);

      hanging = false;
      bot = await startBot(env);
      await whenStored(dbPath, bot, () => sourceOf(store, url).lastStatus === 'ok');
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);

      const result = audit(store);
      expect(result).toMatchObject({
        articles: 5,
        distinctTitles: 5,
        items: [{ n: 5 }],
        danglingItems: 0,
        articlesWithoutItem: 0,
        withoutFacts: 0,
      });
      const words = sqlite(store)
        .prepare('SELECT title, body FROM articles ORDER BY title')
        .all()
        .map((row) => {
          const { title, body } = row as { title: string; body: string };
          return [title, body.split(/\s+/).length > 300, body.includes('Contact us')];
        });
      // Every item has its page's article text (Readability's, without the page's navigation or footer).
      expect(words).toEqual([1, 2, 3, 4, 5].map((n) => [`Harbour teaser ${n}`, true, false]));
      // The items stored before the kill were recognised, not fetched again: only item 2's page twice.
      expect([1, 2, 3, 4, 5].map((n) => server.hits(`/page/${n}`))).toEqual([1, 2, 1, 1, 1]);
      expect(sourceOf(store, url)).toMatchObject({ etag: '"t1"', lastStatus: 'ok', failures: 0 });
    },
  );
});
