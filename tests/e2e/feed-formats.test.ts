/**
 * Each feed format end to end, with one bot boot for all: a server's moderator follows the fixture feed with
 * `/config feed add`, the feed job polls it, and `/config digest send-now` posts its story's digest through the
 * real discord.js client on the loopback Discord. Each format asserts exact counts: articles stored, revisions,
 * and digest posts (one with every item; after a second poll that brings nothing, one that says nothing is new).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../feeds/server.ts';
import { sqlite } from '../support/sqlite.ts';
import { expectCleanTraffic, posts, startDigestHarness, type DigestHarness } from './digest-harness.ts';

let h: DigestHarness;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  server.fixture('/rss2.xml', 'rss2-namespaces.xml', 'application/rss+xml', { etag: '"rss2"' });
  server.fixture('/rss1.rdf', 'rss1.rdf', 'application/rdf+xml', { etag: '"rss1"' });
  server.fixture('/atom.xml', 'atom.xml', 'application/atom+xml', { etag: '"atom"' });
  server.fixture('/feed.json', 'feed.json', 'application/feed+json', { etag: '"json"' });
  server.fixture('/briefs.xml', 'teasers.xml', 'application/rss+xml', { etag: '"teasers"' });
  server.fixture('/briefs/help-for-shops', 'teaser-page.html', 'text/html; charset=utf-8');
  h = await startDigestHarness({
    start: '2026-11-07T12:00:00.000Z',
    // The fixtures' items are days old: announce them on the first poll, so the digest has them to post.
    config: { FEEDS_ALLOW_PRIVATE: 'true', FEED_FIRST_POLL_HOURS: '720' },
  });
});
afterAll(async () => {
  expectCleanTraffic(h.discord);
  await h.close();
  await server.close();
});

/** Moves the clock to the feed's next poll and runs the feed job, as the minute tick would; its report. */
async function poll(url: string) {
  const source = h.store.feeds.sourceByUrl(url)!;
  h.clock.set(Math.max(h.clock.now().getTime() + 60_000, Date.parse(source.nextPollAt)));
  const reports = await h.bot.feeds.tick();
  return reports.find((r) => r.url === url);
}

/** Articles of a story of the seeded server, and the revisions they had. */
function stored(story: string): { titles: string[]; revisions: number } {
  const rows = sqlite(h.store)
    .prepare(
      `SELECT a.title, a.revision FROM articles a JOIN stories s ON s.id = a.story_id
       WHERE s.slug = ? AND s.guild_id = ? ORDER BY a.title`,
    )
    .all(story, h.guild.id) as { title: string; revision: number }[];
  return { titles: rows.map((r) => r.title), revisions: rows.reduce((n, r) => n + r.revision, 0) };
}

const FORMATS = [
  {
    format: 'RSS 2.0 with content:encoded, dc:creator and media',
    path: '/rss2.xml',
    story: 'format-rss2',
    titles: [
      'Ferry timetable doubles while the bridge is shut',
      'Port Alder closes the Harbor Bridge for repairs',
    ],
  },
  {
    format: 'RSS 1.0 (RDF)',
    path: '/rss1.rdf',
    story: 'format-rss1',
    titles: ['Council votes to fund the bridge repairs'],
  },
  {
    format: 'Atom 1.0',
    path: '/atom.xml',
    story: 'format-atom',
    titles: ['Engineers find more cracks under the Harbor Bridge'],
  },
  {
    format: 'JSON Feed 1.1',
    path: '/feed.json',
    story: 'format-json',
    titles: ['Ferries carry a record number of passengers'],
  },
  {
    format: 'a teaser-only feed whose page is fetched for the full text',
    path: '/briefs.xml',
    story: 'format-teasers',
    titles: ['Mayor promises help for harbor shops'],
  },
];

describe('each feed format, end to end through the real client', () => {
  it.each(FORMATS)('$format: exact articles, revisions and digest posts', async ({ path, story, titles }) => {
    const url = `${server.base}${path}`;
    // The story exists before its first article (a digest can only be set on a story the server has), so the
    // digest's window opens before the feed's items arrive.
    h.store.stories.ensure(story, story, h.clock.now(), h.guild.id);
    const followed = await h.asModerator(`/config feed add url:${url} story:${story}`);
    expect(followed.text).toContain(`into the story \`${story}\``);
    const subscribed = await h.asModerator(`/config digest set channel:#news schedule:hourly story:${story}`);
    expect(subscribed.text).toContain('Created the digest');
    // Its first digest, the briefing, is behind it: this is about the digests that carry the feed's items.
    h.pastBriefing();

    const before = posts(h.discord, h.guild.news.id).length;
    expect(await poll(url)).toEqual({
      url,
      status: 'ok',
      new: titles.length,
      updated: 0,
      unchanged: 0,
      error: null,
    });
    expect(stored(story)).toEqual({ titles, revisions: 0 });
    h.clock.advance(60_000);
    await h.asModerator(`/config digest send-now channel:#news story:${story}`);
    const posted = posts(h.discord, h.guild.news.id).slice(before);
    expect(posted).toHaveLength(1);
    for (const title of titles) expect(posted[0]).toContain(title);
    expect(posted[0]).toContain('New articles');
    expect(posted[0]).not.toContain('Updated articles');

    // The next poll is a 304: nothing new, nothing revised, no item posted twice.
    expect(await poll(url)).toEqual({
      url,
      status: 'not-modified',
      new: 0,
      updated: 0,
      unchanged: 0,
      error: null,
    });
    expect(stored(story)).toEqual({ titles, revisions: 0 });
    h.clock.advance(60_000);
    await h.asModerator(`/config digest send-now channel:#news story:${story}`);
    // Sent by hand, a digest with nothing new still posts, saying so; no item appears a second time.
    const later = posts(h.discord, h.guild.news.id).slice(before);
    expect(later).toHaveLength(2);
    expect(later[1]).toContain('Nothing new since');
    for (const title of titles) expect(later[1]).not.toContain(title);
  });

  it('fetched the teaser item’s page once, and no other page', () => {
    expect(server.hits('/briefs/help-for-shops')).toBe(1);
  });
});
