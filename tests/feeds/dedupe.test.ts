import { describe, expect, it } from 'vitest';
import { gatherDigest } from '../../src/digest/compose.ts';
import { fingerprint, isNearDuplicate, NEAR_DUPLICATE, similarity } from '../../src/feeds/canonical.ts';
import { addFeed } from '../../src/feeds/manage.ts';
import { pollDueFeeds, pollSource } from '../../src/feeds/poll.ts';
import { articleCount, BODIES, feedDeps, fixtureServer, rss, type TestItem } from './helpers.ts';

const LIMITS = { maxFeedsPerGuild: 20 };
const NOW = '2026-11-10T12:00:00Z';

/** A feed that has been polled once with `first`, ready to be changed and polled again. */
async function polledOnce(first: TestItem[]) {
  const server = await fixtureServer();
  const ctx = feedDeps();
  ctx.clock.set(NOW);
  let items = first;
  server.route('/feed.xml', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('The Alder Courier', items)),
  );
  const feed = addFeed(
    ctx.store,
    { url: `${server.base}/feed.xml`, guildId: '', story: 'harbor', createdBy: 't' },
    LIMITS,
    ctx.clock.now(),
  );
  expect((await pollDueFeeds(ctx.deps))[0]).toMatchObject({ status: 'ok', new: first.length });
  const story = ctx.store.stories.ensure('harbor', 'Harbor', ctx.clock.now());
  let since = ctx.clock.now().toISOString();
  return {
    server,
    ctx,
    story,
    /** Serves `next` and polls again; returns the poll's report and what a digest since the last poll lists. */
    async poll(next: TestItem[]) {
      items = next;
      ctx.clock.advance(15 * 60_000);
      const report = await pollSource(ctx.deps, ctx.store.feeds.sourceById(feed.source.id)!);
      const until = ctx.clock.now().toISOString();
      const digest = gatherDigest(ctx.store, story, { since, until });
      since = until;
      return {
        report,
        digest: digest.articles.map((a) => ({ title: a.title, revision: a.revision, note: a.revisionNote })),
      };
    },
  };
}

const base = (server: { base: string }): TestItem => ({
  guid: 'courier-5001',
  link: `${server.base}/news/footbridge-opens`,
  title: 'A footbridge opens beside the closed Harbor Bridge',
  body: BODIES[0]!,
  date: '2026-11-10T09:00:00Z',
});

describe('no reposts: the duplicate matrix', () => {
  it('GUID changed, same link: no new article, nothing in the digest', async () => {
    const feed = await polledOnce([]);
    const item = base(feed.server);
    expect((await feed.poll([item])).report).toMatchObject({ new: 1 });
    const { report, digest } = await feed.poll([{ ...item, guid: 'courier-5001-v2' }]);
    expect(report).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    expect(articleCount(feed.ctx.deps)).toBe(1);
    expect(digest).toEqual([]);
  });

  it('tracking parameters added to the link (and a new GUID): the same article', async () => {
    const feed = await polledOnce([]);
    const item = base(feed.server);
    await feed.poll([item]);
    const { report, digest } = await feed.poll([
      { ...item, guid: 'x-1', link: `${item.link}?utm_source=rss&utm_medium=feed&fbclid=abc#comments` },
    ]);
    expect(report).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    expect(articleCount(feed.ctx.deps)).toBe(1);
    expect(digest).toEqual([]);
  });

  it('http turned https and www. added (and a new GUID): the same article', async () => {
    const feed = await polledOnce([]);
    const item = base(feed.server);
    await feed.poll([item]);
    const moved = item.link.replace('http://', 'https://www.');
    const { report, digest } = await feed.poll([{ ...item, guid: 'x-2', link: `${moved}/` }]);
    expect(report).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    expect(articleCount(feed.ctx.deps)).toBe(1);
    expect(digest).toEqual([]);
  });

  it('date bumped alone: nothing changes, the first date stays', async () => {
    const feed = await polledOnce([]);
    const item = base(feed.server);
    await feed.poll([item]);
    const { report, digest } = await feed.poll([{ ...item, date: '2026-11-10T11:30:00Z' }]);
    expect(report).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    expect(articleCount(feed.ctx.deps)).toBe(1);
    expect(digest).toEqual([]);
    const [stored] = feed.ctx.store.articles.listByStory(feed.story.id);
    expect(stored).toMatchObject({ publishedAt: '2026-11-10T09:00:00.000Z', revision: 0 });
  });

  it('title edited: one revision, listed once as updated with the old headline', async () => {
    const feed = await polledOnce([]);
    const item = base(feed.server);
    expect((await feed.poll([item])).digest).toHaveLength(1);
    const { report, digest } = await feed.poll([
      { ...item, title: 'Footbridge opens beside the closed Harbor Bridge' },
    ]);
    expect(report).toMatchObject({ new: 0, updated: 1, unchanged: 0 });
    expect(articleCount(feed.ctx.deps)).toBe(1);
    expect(digest).toEqual([
      {
        title: 'Footbridge opens beside the closed Harbor Bridge',
        revision: 1,
        note: 'headline was "A footbridge opens beside the closed Harbor Bridge"',
      },
    ]);
    // Polled again unchanged: nothing more.
    expect(
      (await feed.poll([{ ...item, title: 'Footbridge opens beside the closed Harbor Bridge' }])).digest,
    ).toEqual([]);
  });

  it('body revised: one revision, its facts replaced in the same article', async () => {
    const feed = await polledOnce([]);
    const item = base(feed.server);
    await feed.poll([item]);
    const [before] = feed.ctx.store.articles.listByStory(feed.story.id);
    const quotesBefore = feed.ctx.store.facts.ofArticles([before!.id]).quotes.map((q) => q.text);
    const revised = [
      ...item.body,
      '"We expect thousands of people to use it every day," said Lucia Moreau, the chief engineer.',
    ];
    const { report, digest } = await feed.poll([{ ...item, body: revised }]);
    expect(report).toMatchObject({ new: 0, updated: 1, unchanged: 0 });
    expect(articleCount(feed.ctx.deps)).toBe(1);
    expect(digest).toEqual([{ title: item.title, revision: 1, note: 'text revised (16 words added)' }]);
    const quotesAfter = feed.ctx.store.facts.ofArticles([before!.id]).quotes.map((q) => q.text);
    expect(quotesAfter).toEqual([...quotesBefore, 'We expect thousands of people to use it every day']);
  });

  it("a revision keeps the stored author when the item drops it, and takes the item's when it names another", async () => {
    const feed = await polledOnce([]);
    const item = { ...base(feed.server), author: 'Mara Lindqvist' };
    await feed.poll([item]);
    const [stored] = feed.ctx.store.articles.listByStory(feed.story.id);
    expect(stored!.author).toBe('Mara Lindqvist');
    const { author: _author, ...unsigned } = item;
    const dropped = await feed.poll([
      { ...unsigned, body: [...item.body, 'The footbridge is lit at night.'] },
    ]);
    expect(dropped.report).toMatchObject({ new: 0, updated: 1 });
    expect(feed.ctx.store.articles.byId(stored!.id)).toMatchObject({ revision: 1, author: 'Mara Lindqvist' });
    const corrected = await feed.poll([
      { ...item, author: 'Mara Lindqvist and Tomas Reyes', body: [...item.body, 'It cost 2 million euros.'] },
    ]);
    expect(corrected.report).toMatchObject({ new: 0, updated: 1 });
    expect(feed.ctx.store.articles.byId(stored!.id)).toMatchObject({
      revision: 2,
      author: 'Mara Lindqvist and Tomas Reyes',
    });
    expect(articleCount(feed.ctx.deps)).toBe(1);
  });

  it('the same story syndicated by a second feed of the same outlet: no new article', async () => {
    const feed = await polledOnce([]);
    const item = base(feed.server);
    await feed.poll([item]);
    // The outlet's second feed carries the story under another path, GUID and a lightly edited lead.
    const second = feed.server;
    const copy: TestItem = {
      guid: 'courier-top-77',
      link: `${second.base}/top-stories/footbridge-opens-beside-harbor-bridge`,
      title: item.title,
      body: [item.body[0]!.replace('on Sunday', 'on Sunday morning'), ...item.body.slice(1)],
      date: item.date,
    };
    const exact: TestItem = {
      ...copy,
      guid: 'courier-top-78',
      link: `${second.base}/top-stories/footbridge`,
      body: item.body,
    };
    second.route('/top.xml', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rss('The Alder Courier: Top stories', [copy, exact])),
    );
    addFeed(
      feed.ctx.store,
      { url: `${second.base}/top.xml`, guildId: '', story: 'harbor', createdBy: 't' },
      LIMITS,
      feed.ctx.clock.now(),
    );
    feed.ctx.clock.advance(60_000);
    const before = feed.ctx.clock.now().toISOString();
    const [report] = await pollDueFeeds(feed.ctx.deps);
    expect(report).toMatchObject({ status: 'ok', new: 0, updated: 0, unchanged: 2 });
    expect(articleCount(feed.ctx.deps)).toBe(1);
    const digest = gatherDigest(feed.ctx.store, feed.story, {
      since: before,
      until: feed.ctx.clock.now().toISOString(),
    });
    expect(digest.articles).toEqual([]);
  });

  it('a different story from the same outlet is a new article', async () => {
    const feed = await polledOnce([]);
    const item = base(feed.server);
    await feed.poll([item]);
    const other: TestItem = {
      guid: 'courier-5002',
      link: `${feed.server.base}/news/fish-market`,
      title: 'Fishing crews lose buyers',
      body: BODIES[1]!,
      date: '2026-11-10T10:00:00Z',
    };
    const { report, digest } = await feed.poll([item, other]);
    expect(report).toMatchObject({ new: 1, updated: 0, unchanged: 1 });
    expect(articleCount(feed.ctx.deps)).toBe(2);
    expect(digest.map((d) => d.title)).toEqual(['Fishing crews lose buyers']);
  });

  it('two templated reports of the same site that differ only in their figures are two articles', async () => {
    // The pair that bench:feeds once stored as one: 33 of their 44 headline-and-lead trigrams are shared
    // (similarity 0.600, the threshold), but their figures and report numbers differ.
    const feed = await polledOnce([]);
    const report = (n: string, count: string, who: string): TestItem => ({
      guid: `report-${n}`,
      link: `${feed.server.base}/reports/${n}`,
      title: `Harbor report ${n}`,
      body: [
        `About ${count} ${who} gathered near the north harbor on Tuesday, according to Lucia Moreau, in part 0 of report ${n}.`,
        `"boats from the ferry landing will return to the old town this week," said Ana Petrov on Monday, in report ${n}-1.`,
      ],
      date: '2026-11-10T10:00:00Z',
    });
    const first = report('952-1', '123', 'shops');
    const second = report('732-1', '487', 'volunteers');
    const a = fingerprint(first.title, first.body.join('\n\n'));
    const b = fingerprint(second.title, second.body.join('\n\n'));
    expect(similarity(a.trigrams, b.trigrams)).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
    expect(isNearDuplicate(a, second.title, second.body.join('\n\n'))).toBe(false);
    await feed.poll([first]);
    const { report: polled, digest } = await feed.poll([first, second]);
    expect(polled).toMatchObject({ new: 1, updated: 0, unchanged: 1 });
    expect(articleCount(feed.ctx.deps)).toBe(2);
    expect(digest.map((d) => d.title)).toEqual(['Harbor report 732-1']);
  });

  it('a lightly edited copy that keeps its figures is still a near-duplicate', () => {
    const lead =
      'About 120 volunteers gathered near the north harbor on Tuesday, said Lucia Moreau, a spokeswoman.';
    const title = 'Volunteers gather at the north harbor';
    const mine = fingerprint(title, `${lead}\n\nThe boats return this week.`);
    const edited = `${lead.replace('on Tuesday', 'on Tuesday morning')}\n\nThe boats return this week.`;
    expect(isNearDuplicate(mine, title, edited)).toBe(true);
    expect(isNearDuplicate(mine, title, edited.replace('120', '150'))).toBe(false);
  });
});
