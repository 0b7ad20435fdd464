import { describe, expect, it } from 'vitest';
import { addFeed } from '../../src/feeds/manage.ts';
import { readPageBody, type PageReader } from '../../src/feeds/parse.ts';
import { pollDueFeeds } from '../../src/feeds/poll.ts';
import { articleCount, feedDeps, fixtureServer } from './helpers.ts';

const LIMITS = { maxFeedsPerGuild: 20 };

async function followAndPoll(path: string, file: string, type: string) {
  const server = await fixtureServer();
  server.fixture(path, file, type);
  const ctx = feedDeps();
  ctx.clock.set('2026-11-07T12:00:00Z');
  addFeed(
    ctx.store,
    { url: `${server.base}${path}`, guildId: '', story: 'harbor-bridge', createdBy: 'test' },
    LIMITS,
    ctx.clock.now(),
  );
  const reports = await pollDueFeeds(ctx.deps);
  return { server, ctx, reports };
}

describe('feed formats', () => {
  it('reads RSS 2.0 with content:encoded, dc:creator and media, storing the full text of each item', async () => {
    const { ctx, reports, server } = await followAndPoll(
      '/rss.xml',
      'rss2-namespaces.xml',
      'application/rss+xml',
    );
    expect(reports).toEqual([
      { url: `${server.base}/rss.xml`, status: 'ok', new: 2, updated: 0, unchanged: 0, error: null },
    ]);
    expect(articleCount(ctx.deps)).toBe(2);
    const story = ctx.store.stories.bySlug('harbor-bridge')!;
    const [ferry, bridge] = ctx.store.articles.listByStory(story.id);
    expect(bridge!.title).toBe('Port Alder closes the Harbor Bridge for repairs');
    expect(bridge!.source).toBe('The Alder Courier');
    // dc:creator is each item's author.
    expect(bridge!.author).toBe('Mara Lindqvist');
    expect(bridge!.url).toBe(`${server.base}/news/harbor-bridge-closed`);
    expect(bridge!.publishedAt).toBe('2026-11-02T09:00:00.000Z');
    const body = ctx.store.articles.byId(bridge!.id)!.body;
    expect(body.split('\n\n')).toHaveLength(4);
    expect(body).toContain(
      '"We will not reopen the bridge until every support has been replaced," said Mayor Elena Voss',
    );
    expect(ferry!.title).toBe('Ferry timetable doubles while the bridge is shut');
    expect(ferry!.author).toBe('Tomas Reyes');
    // The full text was in the feed: no page was fetched.
    expect(server.hits('/news/harbor-bridge-closed')).toBe(0);
    const quotes = ctx.store.facts.ofArticles([bridge!.id]).quotes;
    expect(quotes.map((q) => q.speaker)).toContain('Elena Voss');
  });

  it('reads RSS 1.0 (RDF), and titles the story it starts by its first article', async () => {
    const { ctx, reports } = await followAndPoll('/rss1.rdf', 'rss1.rdf', 'application/rdf+xml');
    expect(reports[0]).toMatchObject({ status: 'ok', new: 1, updated: 0, unchanged: 0, error: null });
    expect(articleCount(ctx.deps)).toBe(1);
    expect(ctx.store.stories.bySlug('harbor-bridge')!.title).toBe('Council votes to fund the bridge repairs');
    const [article] = ctx.store.articles.listByStory(ctx.store.stories.bySlug('harbor-bridge')!.id);
    expect(article).toMatchObject({
      title: 'Council votes to fund the bridge repairs',
      source: 'Valley Ledger',
      author: 'Priya Natarajan',
      publishedAt: '2026-11-04T18:00:00.000Z',
    });
  });

  it('reads Atom 1.0', async () => {
    const { ctx, reports, server } = await followAndPoll('/atom.xml', 'atom.xml', 'application/atom+xml');
    expect(reports[0]).toMatchObject({ status: 'ok', new: 1, error: null });
    const [article] = ctx.store.articles.listByStory(ctx.store.stories.bySlug('harbor-bridge')!.id);
    expect(article).toMatchObject({
      title: 'Engineers find more cracks under the Harbor Bridge',
      source: 'Harbor Wire',
      author: 'Sven Aalto',
      url: `${server.base}/wire/more-cracks`,
      publishedAt: '2026-11-05T11:00:00.000Z',
    });
    expect(ctx.store.articles.byId(article!.id)!.body).toContain('said Lucia Moreau, the chief engineer');
  });

  it('reads JSON Feed 1.1', async () => {
    const { ctx, reports } = await followAndPoll('/feed.json', 'feed.json', 'application/feed+json');
    expect(reports[0]).toMatchObject({ status: 'ok', new: 1, error: null });
    const [article] = ctx.store.articles.listByStory(ctx.store.stories.bySlug('harbor-bridge')!.id);
    expect(article).toMatchObject({
      title: 'Ferries carry a record number of passengers',
      source: 'Harbor Wire Live',
      author: 'Noor Haddad',
    });
  });

  it('fetches the page of a teaser-only item and stores its article text, not the teaser or the page chrome', async () => {
    const server = await fixtureServer();
    server.fixture('/briefs.xml', 'teasers.xml', 'application/rss+xml');
    server.fixture('/briefs/help-for-shops', 'teaser-page.html', 'text/html; charset=utf-8');
    const ctx = feedDeps();
    ctx.clock.set('2026-11-07T12:00:00Z');
    addFeed(
      ctx.store,
      { url: `${server.base}/briefs.xml`, guildId: '', createdBy: 'test' },
      LIMITS,
      ctx.clock.now(),
    );
    const reports = await pollDueFeeds(ctx.deps);
    expect(reports[0]).toMatchObject({ status: 'ok', new: 1, error: null });
    expect(server.hits('/briefs/help-for-shops')).toBe(1);
    expect(articleCount(ctx.deps)).toBe(1);
    const [header] = ctx.store.articles.listByStory(ctx.store.stories.bySlug('news')!.id);
    const article = ctx.store.articles.byId(header!.id)!;
    expect(article.title).toBe('Mayor promises help for harbor shops');
    // The item names no author: the page's byline ("By Sven Aalto") is, without its "By".
    expect(article.author).toBe('Sven Aalto');
    expect(article.body).toContain('"No shop should close because the bridge did," Voss said');
    expect(article.body).not.toContain('Read more');
    expect(article.body).not.toContain('All rights reserved');
    expect(article.body).not.toContain('Privacy');
  });

  it("hands a teaser's page to readPage when given one (the bot's pool), and stores the text it returns", async () => {
    const server = await fixtureServer();
    server.fixture('/briefs.xml', 'teasers.xml', 'application/rss+xml');
    server.fixture('/briefs/help-for-shops', 'teaser-page.html', 'text/html; charset=utf-8');
    const ctx = feedDeps();
    ctx.clock.set('2026-11-07T12:00:00Z');
    const read: string[] = [];
    const readPage: PageReader = (body, contentType, url) => {
      read.push(url);
      return Promise.resolve(readPageBody(body, contentType, url));
    };
    addFeed(
      ctx.store,
      { url: `${server.base}/briefs.xml`, guildId: '', createdBy: 'test' },
      LIMITS,
      ctx.clock.now(),
    );
    const reports = await pollDueFeeds({ ...ctx.deps, readPage });
    expect(reports[0]).toMatchObject({ status: 'ok', new: 1, error: null });
    expect(read).toEqual([`${server.base}/briefs/help-for-shops?utm_source=rss&utm_medium=feed`]);
    const [header] = ctx.store.articles.listByStory(ctx.store.stories.bySlug('news')!.id);
    expect(ctx.store.articles.byId(header!.id)!.body).toContain(
      '"No shop should close because the bridge did," Voss said',
    );
  });

  it('records broken XML as an error for that feed, storing nothing', async () => {
    const { ctx, reports } = await followAndPoll('/broken.xml', 'broken.xml', 'application/rss+xml');
    expect(reports[0]).toMatchObject({
      status: 'error',
      new: 0,
      error: 'the feed is not well-formed XML or JSON',
    });
    expect(articleCount(ctx.deps)).toBe(0);
    const source = ctx.store.feeds.allFeeds()[0]!.source;
    expect(source).toMatchObject({
      failures: 1,
      lastStatus: 'error',
      lastError: 'the feed is not well-formed XML or JSON',
    });
    // Backed off five minutes.
    expect(source.nextPollAt).toBe('2026-11-07T12:05:00.000Z');
  });

  it('records an HTML page as "not a feed", storing nothing', async () => {
    const { ctx, reports } = await followAndPoll('/index.html', 'page.html', 'text/html');
    expect(reports[0]).toMatchObject({
      status: 'error',
      error: 'the address serves a web page (HTML), not a feed',
    });
    expect(articleCount(ctx.deps)).toBe(0);
  });

  it.each([
    [
      'an image',
      'image/png',
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      'the address serves image/png, not a feed',
    ],
    [
      'a PDF',
      'application/pdf',
      Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n'),
      'the address serves application/pdf, not a feed',
    ],
    [
      'JSON that is not a JSON Feed',
      'application/json',
      Buffer.from('{"status":"ok","items":3}'),
      'the document is not an RSS, Atom or JSON feed',
    ],
  ])('records %s (%s) as an error for that feed, storing nothing', async (_name, type, body, error) => {
    const server = await fixtureServer();
    server.route('/feed', (_req, res) => res.writeHead(200, { 'content-type': type }).end(body));
    const ctx = feedDeps();
    const url = `${server.base}/feed`;
    addFeed(ctx.store, { url, guildId: '', createdBy: 'test' }, LIMITS, ctx.clock.now());
    const [report] = await pollDueFeeds(ctx.deps);
    expect(report).toEqual({ url, status: 'error', new: 0, updated: 0, unchanged: 0, error });
    expect(articleCount(ctx.deps)).toBe(0);
    expect(ctx.store.feeds.sourceByUrl(url)).toMatchObject({ failures: 1, lastError: error });
  });

  it('reads a feed served with a loose type (text/plain) all the same', async () => {
    const { reports, ctx } = await followAndPoll('/atom.txt', 'atom.xml', 'text/plain; charset=utf-8');
    expect(reports[0]).toMatchObject({ status: 'ok', new: 1, error: null });
    expect(articleCount(ctx.deps)).toBe(1);
  });
});
