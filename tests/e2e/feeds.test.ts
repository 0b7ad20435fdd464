/**
 * Feeds end to end: the real bot and discord.js client on the loopback Discord, a feed served from 127.0.0.1,
 * moderators configuring it with `/config feed`, polls driven by the injected clock, and digests posted through
 * the real client. Two servers: what one server's feed brings is never shown to the other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeededGuild } from '@dispatch/loopback-discord';
import { fixtureServer, rss, syntheticBody, type TestItem } from '../feeds/helpers.ts';
import type { FixtureServer } from '../feeds/server.ts';
import { expectCleanTraffic, posts, startDigestHarness, type DigestHarness } from './digest-harness.ts';

let h: DigestHarness;
let server: FixtureServer;
let items: TestItem[];
let other: SeededGuild;

const item = (n: number, date: string): TestItem => ({
  guid: `courier-${n}`,
  link: `${server.base}/news/${n}`,
  title: `Harbor report number ${n}`,
  body: syntheticBody(n),
  date,
});

beforeEach(async () => {
  server = await fixtureServer();
  items = [];
  server.route('/feed.xml', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('The Alder Courier', items)),
  );
  h = await startDigestHarness({
    start: '2026-11-10T12:00:00.000Z',
    config: { FEEDS_ALLOW_PRIVATE: 'true' },
  });
  other = await h.addGuild('Other server');
});
afterEach(async () => {
  expectCleanTraffic(h.discord);
  await h.close();
});

/** Moves the clock past the feed's next poll and runs the feed job, as the minute tick would. */
async function pollFeeds() {
  const next = h.store.feeds.allFeeds().map((f) => Date.parse(f.source.nextPollAt));
  h.clock.set(Math.max(h.clock.now().getTime(), ...next));
  return h.bot.feeds.tick();
}

describe('feeds end to end', () => {
  it('a feed added with /config feed reaches that server’s digest once, and a revision is posted as updated', async () => {
    const url = `${server.base}/feed.xml`;
    items = [item(1, '2026-11-10T11:00:00Z')];
    const added = await h.asModerator(`/config feed add url:${url} story:harbor name:Courier`);
    expect(added.text).toBe(
      `(only you can see this)\nFollowing Courier (<${url}>) into the story \`harbor\`. Its first poll is within a minute; \`/config feed status\` shows how it went.`,
    );
    expect(await pollFeeds()).toEqual([{ url, status: 'ok', new: 1, updated: 0, unchanged: 0, error: null }]);
    const digest = await h.asModerator('/config digest set channel:#news schedule:hourly story:harbor');
    expect(digest.text).toMatch(/Harbor/);
    // Its first digest, the briefing, is behind it: this is about what the feed brings to later ones.
    h.pastBriefing();

    items = [item(2, '2026-11-10T12:30:00Z'), ...items];
    h.clock.advance(30 * 60_000);
    expect(await pollFeeds()).toMatchObject([{ status: 'ok', new: 1, unchanged: 1 }]);
    await h.asModerator('/config digest send-now channel:#news');
    // The story is titled by its first article (item 1), so its title stands in every header: the articles
    // a digest lists are what follows it.
    const listed = (text: string) => text.replaceAll('Digest: Harbor report number 1**', '');
    let posted = posts(h.discord, h.guild.news.id);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('Digest: Harbor report number 1**');
    expect(posted[0]).toContain('Harbor report number 2');
    expect(listed(posted[0]!)).not.toContain('Harbor report number 1');
    expect(posted[0]).toContain('New articles');

    // The feed edits item 2's headline; the same poll sees nothing else new.
    items = [{ ...items[0]!, title: 'Harbor report number 2, revised' }, items[1]!];
    h.clock.advance(15 * 60_000);
    expect(await pollFeeds()).toMatchObject([{ status: 'ok', new: 0, updated: 1, unchanged: 1 }]);
    h.clock.advance(60_000);
    await h.asModerator('/config digest send-now channel:#news');
    posted = posts(h.discord, h.guild.news.id);
    expect(posted).toHaveLength(2);
    expect(posted[1]).toContain('Updated articles');
    expect(posted[1]).toContain('Harbor report number 2, revised');
    expect(posted[1]).toContain('headline was "Harbor report number 2"');
    expect(posted[1]).not.toContain('New articles');

    // Polled again unchanged: a digest sent now has nothing new to say, and repeats nothing.
    h.clock.advance(15 * 60_000);
    expect(await pollFeeds()).toMatchObject([{ status: 'ok', new: 0, updated: 0, unchanged: 2 }]);
    h.clock.advance(60_000);
    await h.asModerator('/config digest send-now channel:#news');
    posted = posts(h.discord, h.guild.news.id);
    expect(posted).toHaveLength(3);
    expect(posted[2]).toMatch(/Nothing new since/);
    expect(listed(posted[2]!)).not.toContain('Harbor report');
    expect(server.hits('/feed.xml')).toBe(4);

    const status = await h.asModerator(`/config feed status url:${url}`);
    expect(status.text).toMatch(/Articles from this feed:\n│ {3}2\n/);
    expect(status.text).toMatch(/Failures in a row:\n│ {3}0\n/);
    expect(status.text).toMatch(/State:\n│ {3}ok\n/);
    const audit = h.store.audit.byGuild(h.guild.id, 10, 0).map((e) => e.action);
    expect(audit).toContain('feed.add');
  });

  it('another server never sees a server’s feed, its story or its articles', async () => {
    const url = `${server.base}/feed.xml`;
    items = [item(7, '2026-11-10T11:30:00Z')];
    await h.asModerator(`/config feed add url:${url} story:harbor`);
    await pollFeeds();
    const asOther = (line: string) =>
      h.discord.interactText(line, { guildId: other.id, channelId: other.news.id, user: other.moderator });
    expect((await asOther('/summary story:harbor')).text).toMatch(/No story called "harbor"/);
    expect((await asOther('/search query:harbor')).text).not.toContain('Harbor report number 7');
    const about = (await asOther('/about')).text;
    expect(about).not.toContain('harbor');
    expect((await asOther('/config feed list')).text).toContain('This server follows no feeds yet');
    expect((await asOther(`/config feed status url:${url}`)).text).toContain(
      `${url} is not followed in this server`,
    );
    expect((await asOther('/config digest set channel:#news schedule:hourly story:harbor')).text).toMatch(
      /No story called "harbor"/,
    );
    const choices = await h.discord.autocomplete({
      command: 'summary',
      options: { story: 'har' },
      focused: 'story',
      guildId: other.id,
      channelId: other.news.id,
      user: other.member,
    });
    expect(choices).toEqual([]);
    // The server that follows it sees it.
    expect((await h.asModerator('/summary story:harbor')).text).toContain('Harbor report number 7');
  });
});
