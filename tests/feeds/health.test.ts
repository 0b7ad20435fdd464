import { describe, expect, it } from 'vitest';
import { gatherDigest } from '../../src/digest/compose.ts';
import { addFeed, feedByUrl, resumeFeed } from '../../src/feeds/manage.ts';
import { sendPauseNotices } from '../../src/feeds/notices.ts';
import { backoffMs, nextSlot, pollDueFeeds, pollSource } from '../../src/feeds/poll.ts';
import { openStore } from '../../src/store/index.ts';
import { onCleanup } from '../support/helpers.ts';
import { articleCount, feedDeps, fixtureServer, rss, syntheticBody, type TestItem } from './helpers.ts';

const LIMITS = { maxFeedsPerGuild: 20 };
const MIN = 60_000;

describe('feed health', () => {
  it('backs off 5 min × 2^n up to 24 h, keeps it across a restart, and pauses after 10 failures over 24 h', async () => {
    const server = await fixtureServer();
    server.route('/down.xml', (_req, res) => res.writeHead(500).end());
    const ctx = feedDeps();
    ctx.clock.set('2026-11-01T00:00:00Z');
    const url = `${server.base}/down.xml`;
    addFeed(ctx.store, { url, guildId: '111', name: 'Down', createdBy: 'm' }, LIMITS, ctx.clock.now());
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const [report] = await pollDueFeeds(ctx.deps);
      expect(report).toMatchObject({ status: 'error', error: 'the server had an error (HTTP 500)' });
      const source = ctx.store.feeds.sourceByUrl(url)!;
      waits.push((Date.parse(source.nextPollAt) - ctx.clock.now().getTime()) / MIN);
      if (i === 4) {
        // A restart in the middle: the backoff is in the database, not in memory.
        ctx.store.close();
        const reopened = openStore(ctx.dbPath);
        onCleanup(() => reopened.close());
        ctx.deps.store = reopened;
        ctx.store = reopened;
      }
      // Nothing is due before the backoff ends.
      ctx.clock.set(Date.parse(source.nextPollAt) - 1000);
      expect(await pollDueFeeds(ctx.deps)).toEqual([]);
      ctx.clock.advance(1000);
    }
    expect(waits).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440]);
    const source = ctx.store.feeds.sourceByUrl(url)!;
    expect(source.failures).toBe(10);
    expect(source.pausedReason).toBe(
      'paused after 10 failed polls in a row since 2026-11-01 00:00 UTC; the last one: the server had an error (HTTP 500)',
    );
    expect(server.hits('/down.xml')).toBe(10);
    // Paused: never due again until resumed.
    ctx.clock.advance(7 * 24 * 60 * MIN);
    expect(await pollDueFeeds(ctx.deps)).toEqual([]);
  });

  it('does not pause after 10 quick failures that span less than 24 hours', async () => {
    const server = await fixtureServer();
    server.route('/busy.xml', (_req, res) => res.writeHead(503).end());
    const ctx = feedDeps();
    const url = `${server.base}/busy.xml`;
    addFeed(ctx.store, { url, guildId: '', createdBy: 'op' }, LIMITS, ctx.clock.now());
    const source = ctx.store.feeds.sourceByUrl(url)!;
    for (let i = 0; i < 11; i++) {
      // Forced polls (as `feed resume` or the CLI would): each fails a minute after the last.
      await pollSource(ctx.deps, ctx.store.feeds.sourceById(source.id)!);
      ctx.clock.advance(MIN);
    }
    expect(ctx.store.feeds.sourceById(source.id)).toMatchObject({ failures: 11, pausedReason: null });
  });

  it("tells a server's moderators once, in the channel of its first digest, and resume tries at once", async () => {
    const server = await fixtureServer();
    let up = false;
    server.route('/flaky.xml', (_req, res) => {
      if (!up) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Flaky', []));
    });
    const ctx = feedDeps();
    ctx.clock.set('2026-11-01T00:00:00Z');
    const url = `${server.base}/flaky.xml`;
    const story = ctx.store.stories.ensure('news', 'News', ctx.clock.now(), '111');
    const digest = {
      schedule: 'hourly',
      cron: '0 * * * *',
      timezone: 'UTC',
      mentionRoleId: null,
      quiet: true,
      nextRunAt: new Date('2026-11-01T01:00:00Z'),
    };
    ctx.store.subscriptions.create(
      { guildId: '111', channelId: '900', storyId: story.id, ...digest },
      'm',
      ctx.clock.now(),
    );
    ctx.store.subscriptions.create(
      { guildId: '111', channelId: '901', storyId: story.id, ...digest },
      'm',
      ctx.clock.now(),
    );
    addFeed(ctx.store, { url, guildId: '111', name: 'Flaky News', createdBy: 'm' }, LIMITS, ctx.clock.now());
    for (let i = 0; i < 10; i++) {
      await pollDueFeeds(ctx.deps);
      ctx.clock.set(ctx.store.feeds.sourceByUrl(url)!.nextPollAt);
    }
    const posts: { route: string; body: unknown }[] = [];
    const sender = {
      post: async (route: `/${string}`, { body }: { body: unknown }) => void posts.push({ route, body }),
    };
    expect(await sendPauseNotices({ ...ctx.deps, sender })).toBe(1);
    expect(await sendPauseNotices({ ...ctx.deps, sender })).toBe(0);
    expect(posts).toEqual([
      {
        route: '/channels/900/messages',
        body: {
          content: `The feed Flaky News (<${url}>) is paused: paused after 10 failed polls in a row since 2026-11-01 00:00 UTC; the last one: the address is gone (HTTP 404). A moderator can try it again with \`/config feed resume\`, or remove it with \`/config feed remove\`.`,
          allowed_mentions: { parse: [] },
        },
      },
    ]);
    up = true;
    resumeFeed(ctx.store, feedByUrl(ctx.store, '111', url), ctx.clock.now());
    const [report] = await pollDueFeeds(ctx.deps);
    expect(report).toMatchObject({ status: 'ok', error: null });
    expect(ctx.store.feeds.sourceByUrl(url)).toMatchObject({
      failures: 0,
      pausedReason: null,
      lastStatus: 'ok',
    });
  });

  it('spreads polls over the interval: each URL keeps its own slot', () => {
    const now = new Date('2026-11-01T00:00:00Z');
    const slots = Array.from({ length: 200 }, (_, i) => nextSlot(`https://n.example/${i}.xml`, now, 10));
    for (const slot of slots) {
      expect(slot.getTime() - now.getTime()).toBeGreaterThanOrEqual(5 * MIN);
      expect(slot.getTime() - now.getTime()).toBeLessThan(15 * MIN);
    }
    const minutes = new Set(slots.map((s) => s.getUTCMinutes() % 10));
    expect(minutes.size).toBe(10);
    expect(
      nextSlot('https://n.example/1.xml', new Date(slots[1]!.getTime()), 10).getTime() - slots[1]!.getTime(),
    ).toBe(10 * MIN);
    expect(backoffMs(1)).toBe(5 * MIN);
    expect(backoffMs(20)).toBe(24 * 60 * MIN);
  });
});

describe('first poll and flood control', () => {
  const item = (n: number, date: string, base: string): TestItem => ({
    guid: `g${n}`,
    link: `${base}/a/${n}`,
    title: `Story number ${n} from the harbor`,
    body: syntheticBody(n),
    date,
  });

  it('stores items older than FEED_FIRST_POLL_HOURS on the first poll without announcing them', async () => {
    const server = await fixtureServer();
    let items: TestItem[] = [];
    server.route('/feed.xml', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Courier', items)),
    );
    const ctx = feedDeps();
    ctx.clock.set('2026-11-10T12:00:00Z');
    items = [
      item(1, '2026-11-01T08:00:00Z', server.base),
      item(2, '2026-11-05T08:00:00Z', server.base),
      item(3, '2026-11-10T08:00:00Z', server.base),
    ];
    const story = ctx.store.stories.ensure('news', 'News', ctx.clock.now());
    const since = ctx.clock.now().toISOString();
    addFeed(
      ctx.store,
      { url: `${server.base}/feed.xml`, guildId: '', createdBy: 'op' },
      LIMITS,
      ctx.clock.now(),
    );
    ctx.clock.advance(MIN);
    expect((await pollDueFeeds(ctx.deps))[0]).toMatchObject({ new: 3 });
    expect(articleCount(ctx.deps)).toBe(3);
    const first = gatherDigest(ctx.store, story, { since, until: ctx.clock.now().toISOString() });
    expect(first.articles.map((a) => a.title)).toEqual(['Story number 3 from the harbor']);
    // Later polls announce every new item, however old its date.
    items = [...items, item(4, '2026-10-01T08:00:00Z', server.base)];
    const since2 = ctx.clock.now().toISOString();
    ctx.clock.set(ctx.store.feeds.sourceByUrl(`${server.base}/feed.xml`)!.nextPollAt);
    expect((await pollDueFeeds(ctx.deps))[0]).toMatchObject({ new: 1, unchanged: 3 });
    const second = gatherDigest(ctx.store, story, { since: since2, until: ctx.clock.now().toISOString() });
    expect(second.articles.map((a) => a.title)).toEqual(['Story number 4 from the harbor']);
  });

  it('takes at most FEED_MAX_ITEMS_PER_POLL new items per poll, newest first, and the rest on later polls', async () => {
    const server = await fixtureServer();
    const items = [1, 2, 3, 4, 5].map((n) => item(n, `2026-11-10T0${n}:00:00Z`, server.base));
    server.text('/feed.xml', rss('Courier', items), 'application/rss+xml', { etag: '"same"' });
    const ctx = feedDeps({ config: { FEED_MAX_ITEMS_PER_POLL: 2 } });
    ctx.clock.set('2026-11-10T12:00:00Z');
    const url = `${server.base}/feed.xml`;
    addFeed(ctx.store, { url, guildId: '', createdBy: 'op' }, LIMITS, ctx.clock.now());
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      counts.push((await pollDueFeeds(ctx.deps))[0]!.new);
      ctx.clock.set(ctx.store.feeds.sourceByUrl(url)!.nextPollAt);
    }
    expect(counts).toEqual([2, 2, 1, 0]);
    expect(articleCount(ctx.deps)).toBe(5);
    const story = ctx.store.stories.bySlug('news')!;
    expect(ctx.store.articles.listByStory(story.id).map((a) => a.title.split(' ')[2])).toEqual([
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);
    // Once everything is stored, the ETag is kept and the next poll is a 304.
    expect(ctx.store.feeds.sourceByUrl(url)!.etag).toBe('"same"');
    expect((await pollDueFeeds(ctx.deps))[0]).toMatchObject({ status: 'not-modified' });
  });
});
