/**
 * A feed item is held to MAX_ARTICLE_BYTES as an article file is: one too large is refused with a sentence that
 * names it, and the feed's other items are stored; a revision too large leaves the stored article as it was.
 */
import { describe, expect, it } from 'vitest';
import { ArticlePageError, ingestArticleUrl } from '../../src/feeds/article.ts';
import { addFeed } from '../../src/feeds/manage.ts';
import { pollDueFeeds } from '../../src/feeds/poll.ts';
import { sqlite } from '../support/sqlite.ts';
import { feedDeps, fixtureServer, rss, syntheticBody, type TestItem } from './helpers.ts';

const MAX = 4000;

describe('a feed item larger than MAX_ARTICLE_BYTES', () => {
  it('is refused with a sentence naming it, while the other items are stored and the feed stays healthy', async () => {
    const server = await fixtureServer();
    const item = (n: number, bytes: number): TestItem => ({
      guid: `s-${n}`,
      link: `${server.base}/news/${n}`,
      title: `Harbour report ${n}`,
      body: syntheticBody(500 + n, bytes),
      date: `2026-11-10T0${n}:00:00Z`,
    });
    let items = [item(1, 1200), item(2, 1200), item(3, 6000)];
    server.route('/feed.xml', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"e"' }).end(rss('Courier', items)),
    );
    const ctx = feedDeps({ config: { MAX_ARTICLE_BYTES: MAX, FEED_FIRST_POLL_HOURS: 100_000 } });
    ctx.clock.set('2026-11-10T12:00:00Z');
    const url = `${server.base}/feed.xml`;
    addFeed(ctx.store, { url, guildId: '', createdBy: 'op' }, { maxFeedsPerGuild: 20 }, ctx.clock.now());
    const bytesOf = (i: TestItem) => Buffer.byteLength(i.title) + Buffer.byteLength(i.body.join('\n\n'));
    const stored = () =>
      sqlite(ctx.store).prepare('SELECT title, body FROM articles ORDER BY title').all() as {
        title: string;
        body: string;
      }[];

    const [first] = await pollDueFeeds(ctx.deps);
    expect(bytesOf(items[2]!)).toBeGreaterThan(MAX);
    expect(first).toEqual({
      url,
      status: 'ok',
      new: 2,
      updated: 0,
      unchanged: 0,
      error: `"Harbour report 3" (${server.base}/news/3) is ${bytesOf(items[2]!)} bytes, over MAX_ARTICLE_BYTES (${MAX}); it was not stored`,
    });
    expect(stored().map((a) => a.title)).toEqual(['Harbour report 1', 'Harbour report 2']);
    expect(ctx.store.feeds.sourceByUrl(url)).toMatchObject({
      etag: '"e"',
      lastStatus: 'ok',
      failures: 0,
      lastError: null,
    });
    const before = stored();
    const quotesBefore = sqlite(ctx.store).prepare('SELECT count(*) FROM quotes').pluck().get() as number;
    expect(quotesBefore).toBeGreaterThan(0);

    // Item 1 is revised into something too large, and item 3 now fits: item 1 keeps what was stored.
    items = [{ ...item(1, 6000), title: 'Harbour report 1' }, item(2, 1200), item(3, 1200)];
    ctx.clock.set(ctx.store.feeds.sourceByUrl(url)!.nextPollAt);
    const [second] = await pollDueFeeds(ctx.deps);
    expect(second).toEqual({
      url,
      status: 'ok',
      new: 1,
      updated: 0,
      unchanged: 1,
      error: `"Harbour report 1" (${server.base}/news/1) is ${bytesOf(items[0]!)} bytes, over MAX_ARTICLE_BYTES (${MAX}); it was not stored`,
    });
    const after = stored();
    expect(after.map((a) => a.title)).toEqual(['Harbour report 1', 'Harbour report 2', 'Harbour report 3']);
    expect(after[0]).toEqual(before[0]);
    expect(sqlite(ctx.store).prepare('SELECT count(*) FROM quotes').pluck().get()).toBeGreaterThan(
      quotesBefore,
    );
    expect(ctx.store.feeds.sourceByUrl(url)).toMatchObject({ lastStatus: 'ok', failures: 0 });
  });

  it('is an article link (`npm run ingest -- URL`) refused with the same sentence, storing nothing', async () => {
    const server = await fixtureServer();
    const paragraphs = syntheticBody(900, 6000);
    server.route('/news/big', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<html><head><title>Big harbour report</title></head><body><article><h1>Big harbour report</h1>${paragraphs
            .map((p) => `<p>${p}</p>`)
            .join('')}</article></body></html>`,
        ),
    );
    const ctx = feedDeps();
    const url = `${server.base}/news/big`;
    const error = await ingestArticleUrl({ ...ctx.deps, maxArticleBytes: MAX }, url, 'harbour').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArticlePageError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^"Big harbour report" \\(${url.replaceAll('.', '\\.')}\\) is \\d+ bytes, over MAX_ARTICLE_BYTES \\(${MAX}\\); it was not stored$`,
      ),
    );
    expect(sqlite(ctx.store).prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
  });
});
