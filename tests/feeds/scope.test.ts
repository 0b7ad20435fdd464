import { describe, expect, it } from 'vitest';
import { addFeed } from '../../src/feeds/manage.ts';
import { pollDueFeeds } from '../../src/feeds/poll.ts';
import { articleCount, feedDeps, fixtureServer } from './helpers.ts';

const LIMITS = { maxFeedsPerGuild: 20 };

describe("a server's feeds are that server's", () => {
  it('fetches a URL followed by two servers once, storing it once per server', async () => {
    const server = await fixtureServer();
    server.fixture('/atom.xml', 'atom.xml', 'application/atom+xml');
    const ctx = feedDeps();
    ctx.clock.set('2026-11-05T12:30:00Z');
    const url = `${server.base}/atom.xml`;
    addFeed(ctx.store, { url, guildId: '111', story: 'bridge', createdBy: 'a' }, LIMITS, ctx.clock.now());
    addFeed(ctx.store, { url, guildId: '222', story: 'bridge', createdBy: 'b' }, LIMITS, ctx.clock.now());
    const reports = await pollDueFeeds(ctx.deps);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ status: 'ok', new: 2 });
    expect(server.hits('/atom.xml')).toBe(1);
    expect(articleCount(ctx.deps)).toBe(2);
    const a = ctx.store.stories.bySlug('bridge', '111')!;
    const b = ctx.store.stories.bySlug('bridge', '222')!;
    expect(a.id).not.toBe(b.id);
    expect([a.guildId, b.guildId]).toEqual(['111', '222']);
  });

  it('shows a server its own stories and the shared ones, never another server’s', async () => {
    const server = await fixtureServer();
    server.fixture('/atom.xml', 'atom.xml', 'application/atom+xml');
    server.fixture('/rss1.rdf', 'rss1.rdf', 'application/rdf+xml');
    const ctx = feedDeps();
    ctx.clock.set('2026-11-05T12:30:00Z');
    addFeed(
      ctx.store,
      { url: `${server.base}/atom.xml`, guildId: '111', story: 'secret-a', createdBy: 'a' },
      LIMITS,
      ctx.clock.now(),
    );
    addFeed(
      ctx.store,
      { url: `${server.base}/rss1.rdf`, guildId: '', story: 'shared', createdBy: 'op' },
      LIMITS,
      ctx.clock.now(),
    );
    await pollDueFeeds(ctx.deps);
    const slugs = (guild: string | null) => ctx.store.stories.search('', 25, guild).map((s) => s.slug);
    expect(slugs('111')).toEqual(['secret-a', 'shared']);
    expect(slugs('222')).toEqual(['shared']);
    expect(slugs(null)).toEqual(['shared']);
    expect(ctx.store.stories.bySlug('secret-a', '222')).toBeUndefined();
    expect(ctx.store.stories.bySlug('secret-a')).toBeUndefined();
    // The atom item is newer, but only server 111 sees it as the latest story.
    expect(ctx.store.stories.latest('111')!.slug).toBe('secret-a');
    expect(ctx.store.stories.latest('222')!.slug).toBe('shared');
    expect(ctx.store.stories.latest()!.slug).toBe('shared');
    expect(ctx.store.stories.count('222')).toBe(1);
  });

  it('refuses more feeds than MAX_FEEDS_PER_GUILD, and the same feed twice, with a sentence', async () => {
    const ctx = feedDeps();
    const now = ctx.clock.now();
    addFeed(
      ctx.store,
      { url: 'https://news.example/a.xml', guildId: '111', createdBy: 'a' },
      { maxFeedsPerGuild: 2 },
      now,
    );
    expect(() =>
      addFeed(
        ctx.store,
        { url: 'https://news.example/a.xml#x', guildId: '111', createdBy: 'a' },
        { maxFeedsPerGuild: 2 },
        now,
      ),
    ).toThrow('https://news.example/a.xml is already followed in this server');
    addFeed(
      ctx.store,
      { url: 'https://news.example/b.xml', guildId: '111', createdBy: 'a' },
      { maxFeedsPerGuild: 2 },
      now,
    );
    expect(() =>
      addFeed(
        ctx.store,
        { url: 'https://news.example/c.xml', guildId: '111', createdBy: 'a' },
        { maxFeedsPerGuild: 2 },
        now,
      ),
    ).toThrow('this server follows 2 feeds already, the most it may (MAX_FEEDS_PER_GUILD); remove one first');
    expect(() =>
      addFeed(
        ctx.store,
        { url: 'ftp://news.example/c.xml', guildId: '111', createdBy: 'a' },
        { maxFeedsPerGuild: 9 },
        now,
      ),
    ).toThrow('only http and https feeds can be followed, not ftp');
    expect(ctx.store.feeds.countOfGuild('111')).toBe(2);
  });
});
