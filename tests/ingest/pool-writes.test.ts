/**
 * The pool's workers store what they extract, through connections of their own (src/ingest/pool.ts): what they
 * write must be exactly what storing on the main thread writes, and two workers storing the same article at
 * the same time must store it once.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { addFeed } from '../../src/feeds/manage.ts';
import { storeItemHere, type ArticleCandidate, type ItemJob } from '../../src/feeds/items.ts';
import { FeedParseError, parseFeedBody } from '../../src/feeds/parse.ts';
import { storeArticle } from '../../src/ingest/ingest.ts';
import { createExtractionPool, type ExtractionPool } from '../../src/ingest/pool.ts';
import type { ParsedArticle } from '../../src/ingest/parse.ts';
import { feedDeps, rss, syntheticBody } from '../feeds/helpers.ts';
import { SEED_FILE, testStore } from '../support/helpers.ts';
import { sqlite } from '../support/sqlite.ts';

const pools: ExtractionPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

/** A pool of `size` workers that write to the store of `deps`. */
function writingPool(deps: ReturnType<typeof feedDeps>, size: number): ExtractionPool {
  const pool = createExtractionPool({ size, database: { path: deps.dbPath, clock: deps.clock } });
  pools.push(pool);
  return pool;
}

const candidate = (n: number, changes: Partial<ArticleCandidate> = {}): ArticleCandidate => ({
  guid: `pool-${n}`,
  link: `https://harbour.example/news/${n}`,
  title: `Port Alder harbour report ${n}`,
  body: syntheticBody(300 + n, 1500).join('\n\n'),
  published: new Date('2024-05-01T10:00:00Z'),
  outlet: 'Harbour News',
  author: ' Mara\n  Quill\u200B ',
  ...changes,
});

/** Everything stored about articles, facts and feed items, without row ids. */
function snapshot(deps: ReturnType<typeof feedDeps>) {
  const db = sqlite(deps.store);
  return {
    articles: db
      .prepare(
        `SELECT source_key, url, source, author, title, body, published_at, content_hash, summary, ingested_at, updated_at,
           revision, revision_note, announce, canonical_url, body_hash FROM articles ORDER BY source_key`,
      )
      .all(),
    facts: db
      .prepare(
        `SELECT a.source_key,
           (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
           (SELECT count(*) FROM figures f WHERE f.article_id = a.id) AS figures,
           (SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS entities,
           (SELECT count(*) FROM timeline t WHERE t.article_id = a.id) AS timeline
         FROM articles a ORDER BY a.source_key`,
      )
      .all(),
    items: db.prepare('SELECT guid, item_hash FROM feed_items ORDER BY guid').all(),
  };
}

/** Workers start through tsx's loader when run from source: seconds each on a loaded machine. */
const WORKER_TEST_MS = 90_000;

describe('a pool that stores what it extracts', () => {
  it(
    'writes new articles, a revision and a repeat exactly as storing them on the main thread does',
    async () => {
      const jobsFor = (feedId: number): ItemJob[] => {
        const target = { feedId, guildId: '', storySlug: 'harbour' };
        const options = { announce: true, itemHash: 'h' };
        return [
          { target, candidate: candidate(1), options },
          { target, candidate: candidate(2), options },
          // The same link with tracking parameters and a new GUID: the same article, unchanged.
          {
            target,
            candidate: candidate(1, { guid: 'pool-1b', link: 'https://harbour.example/news/1?utm_source=x' }),
            options,
          },
          // The second article's text revised.
          { target, candidate: candidate(2, { body: syntheticBody(999, 1500).join('\n\n') }), options },
        ];
      };
      const here = feedDeps();
      const there = feedDeps();
      const outcomes: Record<string, unknown[]> = { here: [], there: [] };
      for (const [name, deps] of [
        ['here', here],
        ['there', there],
      ] as const) {
        const feed = addFeed(
          deps.store,
          { url: 'https://harbour.example/feed.xml', guildId: '', createdBy: 'op' },
          { maxFeedsPerGuild: 20 },
          deps.clock.now(),
        );
        const pool = name === 'there' ? writingPool(deps, 1) : null;
        for (const job of jobsFor(feed.id)) {
          deps.clock.advance(60_000);
          outcomes[name]!.push(pool ? await pool.storeItem!(job) : await storeItemHere(deps.deps, job));
        }
      }
      expect(outcomes.there!.map((o) => (o as { status: string }).status)).toEqual([
        'new',
        'new',
        'unchanged',
        'updated',
      ]);
      expect(outcomes.there).toEqual(outcomes.here);
      expect(snapshot(there)).toEqual(snapshot(here));
      expect(snapshot(there).articles).toHaveLength(2);
      // The worker's own write path cleans and stores the item's author as this thread does.
      expect(snapshot(there).articles.map((a) => (a as { author: string }).author)).toEqual([
        'Mara Quill',
        'Mara Quill',
      ]);
    },
    WORKER_TEST_MS,
  );

  it(
    'stores an article two workers are given at once one time: the second finds it and stores nothing',
    async () => {
      const deps = feedDeps();
      const feeds = [1, 2].map((n) =>
        addFeed(
          deps.store,
          { url: `https://harbour.example/feed-${n}.xml`, guildId: '', createdBy: 'op' },
          { maxFeedsPerGuild: 20 },
          deps.clock.now(),
        ),
      );
      const pool = writingPool(deps, 2);
      // The same story syndicated by two feeds of one outlet, stored by two workers at the same time, five times over.
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, (_, n) =>
          feeds.map((feed) =>
            pool.storeItem!({
              target: { feedId: feed.id, guildId: '', storySlug: 'harbour' },
              candidate: candidate(n),
              options: { announce: true, itemHash: 'h' },
            }),
          ),
        ).flat(),
      );
      const statuses = outcomes.map((o) => o.status);
      expect(statuses.filter((s) => s === 'new')).toHaveLength(5);
      expect(statuses.filter((s) => s === 'unchanged')).toHaveLength(5);
      const db = sqlite(deps.store);
      expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(5);
      // Both feeds remember each item, pointing at the one article.
      expect(db.prepare('SELECT count(DISTINCT article_id) FROM feed_items').pluck().get()).toBe(5);
      expect(db.prepare('SELECT count(*) FROM feed_items').pluck().get()).toBe(10);
    },
    WORKER_TEST_MS,
  );

  it(
    'stores a long article file in a worker and leaves a short one to the caller',
    async () => {
      const { store, clock, dbPath } = testStore();
      const pool = createExtractionPool({ size: 1, database: { path: dbPath, clock } });
      pools.push(pool);
      const article = (title: string, body: string): ParsedArticle => ({
        title,
        body,
        published: new Date('2016-03-15T00:00:00Z'),
        url: null,
        source: 'Wire',
        author: `${title} \u202EDesk `,
        story: 'syria',
        storyTitle: null,
        sourceKey: `file:${title}`,
      });
      const long = article('Long', readFileSync(SEED_FILE, 'utf8').repeat(8));
      const short = article('Short', '“We will stay,” Ozerov said on Tuesday.');
      expect(pool.storeArticle!(short, null)).toBeUndefined();
      const ctx = { store, clock, extractor: pool };
      expect(await storeArticle(ctx, long)).toMatchObject({ status: 'added', story: 'syria' });
      expect(await storeArticle(ctx, short)).toMatchObject({ status: 'added', story: 'syria' });
      expect(await storeArticle(ctx, long)).toMatchObject({ status: 'unchanged' });
      const db = sqlite(store);
      // 'Long' was written by the worker, 'Short' here: both store the cleaned author.
      expect(db.prepare('SELECT title, author FROM articles ORDER BY title').all()).toEqual([
        { title: 'Long', author: 'Long Desk' },
        { title: 'Short', author: 'Short Desk' },
      ]);
      expect(
        db
          .prepare(
            "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.title = 'Long'",
          )
          .pluck()
          .get(),
      ).toBeGreaterThan(0);
    },
    WORKER_TEST_MS,
  );

  it(
    'parses a fetched feed in a worker exactly as here, and refuses an HTML page with the same FeedParseError',
    async () => {
      const deps = feedDeps();
      const pool = writingPool(deps, 1);
      const feed = Buffer.from(
        rss(
          'Harbour News',
          [1, 2, 3].map((n) => ({
            guid: `p-${n}`,
            link: `https://harbour.example/news/${n}`,
            title: `Report ${n}`,
            body: syntheticBody(700 + n, 2000),
            date: `2024-05-01T0${n}:00:00Z`,
          })),
        ),
      );
      const parsed = await pool.parseFeed(feed, 'application/rss+xml; charset=utf-8');
      expect(parsed).toEqual(parseFeedBody(feed, 'application/rss+xml; charset=utf-8'));
      expect(parsed.items.map((item) => item.guid)).toEqual(['p-1', 'p-2', 'p-3']);
      expect(parsed.items[0]!.published).toEqual(new Date('2024-05-01T01:00:00Z'));
      const page = Buffer.from('<!doctype html><html><body><p>Not a feed</p></body></html>');
      const refused = await pool.parseFeed(page, 'text/html').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(FeedParseError);
      expect((refused as Error).message).toBe(
        (() => {
          try {
            parseFeedBody(page, 'text/html');
          } catch (error) {
            return (error as Error).message;
          }
        })(),
      );
    },
    WORKER_TEST_MS,
  );
});
