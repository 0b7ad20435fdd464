/**
 * What goes wrong with a feed, end to end through the real client, with the SSRF guard on (only the fixture
 * server's own address, 127.0.0.1, let through by FEEDS_ALLOW_ADDRESSES, as an operator would for a feed server on
 * their network): broken XML, an HTML page, a 20 MB feed, a gzip bomb, a server that drips bytes, a chain of five
 * redirects (followed), six (refused), and a redirect to another loopback address (refused by the guard). A
 * server's moderator follows each with `/config feed add`, one feed job polls them all, and each asserts exact
 * counts: articles stored, revisions, and what the story's digest posts through the loopback Discord.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollReport } from '../../src/feeds/poll.ts';
import { readFixture, startFixtureServer, type FixtureServer } from '../feeds/server.ts';
import { sqlite } from '../support/sqlite.ts';
import { expectCleanTraffic, posts, startDigestHarness, type DigestHarness } from './digest-harness.ts';

const MiB = 1024 * 1024;
const TOO_LARGE = `the response is larger than FEED_MAX_BYTES (${5 * MiB} bytes); it was not read further`;

let h: DigestHarness;
let server: FixtureServer;
let reports: PollReport[];
const drips: NodeJS.Timeout[] = [];
let hugeSent = 0;

const CASES = [
  {
    name: 'broken XML',
    path: '/broken.xml',
    story: 'fail-broken',
    report: { status: 'error', new: 0, error: 'the feed is not well-formed XML or JSON' },
    titles: [] as string[],
  },
  {
    name: 'an HTML page',
    path: '/index.html',
    story: 'fail-html',
    report: { status: 'error', new: 0, error: 'the address serves a web page (HTML), not a feed' },
    titles: [],
  },
  {
    name: 'a 20 MB feed',
    path: '/huge.xml',
    story: 'fail-huge',
    report: { status: 'error', new: 0, error: TOO_LARGE },
    titles: [],
  },
  {
    name: 'a gzip bomb',
    path: '/bomb.xml',
    story: 'fail-bomb',
    report: { status: 'error', new: 0, error: TOO_LARGE },
    titles: [],
  },
  {
    name: 'a server that drips bytes',
    path: '/drip.xml',
    story: 'fail-drip',
    report: { status: 'error', new: 0, error: 'the server did not finish answering within 30 s' },
    titles: [],
  },
  {
    name: 'a chain of five redirects',
    path: '/start',
    story: 'fail-chain',
    report: { status: 'ok', new: 1, error: null },
    titles: ['Engineers find more cracks under the Harbor Bridge'],
  },
  {
    name: 'a chain of six redirects',
    path: '/hop1',
    story: 'fail-six',
    report: { status: 'error', new: 0, error: 'more than 5 redirects' },
    titles: [],
  },
  {
    name: 'a redirect to another loopback address',
    path: '/to-private.xml',
    story: 'fail-private',
    report: {
      status: 'error',
      new: 0,
      error:
        'refused: 127.0.0.2 resolves to 127.0.0.2, a loopback address; Dispatch does not fetch from such addresses (the operator can allow it by listing it in FEEDS_ALLOW_ADDRESSES)',
    },
    titles: [],
  },
];

beforeAll(async () => {
  server = await startFixtureServer();
  server.fixture('/broken.xml', 'broken.xml', 'application/rss+xml');
  server.fixture('/index.html', 'page.html', 'text/html');
  const item = readFixture('rss2-namespaces.xml', server.base);
  server.route('/huge.xml', (_req, res) => {
    // Streamed without a Content-Length, so only counting while reading can stop it.
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const filler = `<!-- ${'x'.repeat(64 * 1024 - 9)} -->`;
    const write = () => {
      while (hugeSent < 20 * MiB) {
        hugeSent += filler.length;
        if (!res.write(filler)) return void res.once('drain', write);
      }
      res.end(item);
    };
    res.on('close', () => res.destroy());
    write();
  });
  const bomb = gzipSync(Buffer.alloc(200 * MiB, 0x20), { level: 9 });
  server.route('/bomb.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb);
  });
  server.route('/drip.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<');
    const timer = setInterval(() => res.write(' '), 200);
    drips.push(timer);
    res.on('close', () => clearInterval(timer));
  });
  for (let i = 1; i <= 6; i++) {
    server.route(`/hop${i}`, (_req, res) =>
      res.writeHead(i % 2 ? 301 : 302, { location: `/hop${i + 1}` }).end(),
    );
  }
  server.fixture('/hop7', 'atom.xml', 'application/atom+xml');
  server.route('/start', (_req, res) => res.writeHead(307, { location: `${server.base}/hop3` }).end());
  server.route('/to-private.xml', (_req, res) =>
    res.writeHead(302, { location: `http://127.0.0.2:${server.port}/internal.xml` }).end(),
  );
  server.fixture('/internal.xml', 'atom.xml', 'application/atom+xml');
  h = await startDigestHarness({
    start: '2026-11-07T12:00:00.000Z',
    // The guard on: the fixture server's own address is allowed, every other private one refused.
    config: { FEEDS_ALLOW_ADDRESSES: '127.0.0.1', FEED_FIRST_POLL_HOURS: '720' },
  });
  for (const { path, story } of CASES) {
    h.store.stories.ensure(story, story, h.clock.now(), h.guild.id);
    const followed = await h.asModerator(`/config feed add url:${server.base}${path} story:${story}`);
    expect(followed.text).toContain(`into the story \`${story}\``);
    await h.asModerator(`/config digest set channel:#news schedule:hourly story:${story}`);
  }
  h.pastBriefing();
  h.clock.advance(60_000);
  // One feed job polls every feed, as the minute tick does.
  reports = await h.bot.feeds.tick();
  for (const timer of drips) clearInterval(timer);
}, 120_000);
afterAll(async () => {
  for (const timer of drips) clearInterval(timer);
  expectCleanTraffic(h.discord);
  await h.close();
  await server.close();
});

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

describe('a failing feed, end to end through the real client with the guard on', () => {
  it('polled every feed once', () => {
    expect(reports.map((r) => r.url).sort()).toEqual(CASES.map((c) => `${server.base}${c.path}`).sort());
  });

  it.each(CASES)('$name: exact report, articles, revisions and digest post', async (c) => {
    const url = `${server.base}${c.path}`;
    expect(reports.find((r) => r.url === url)).toEqual({
      url,
      updated: 0,
      unchanged: 0,
      ...c.report,
    });
    expect(stored(c.story)).toEqual({ titles: c.titles, revisions: 0 });
    const before = posts(h.discord, h.guild.news.id).length;
    await h.asModerator(`/config digest send-now channel:#news story:${c.story}`);
    const posted = posts(h.discord, h.guild.news.id).slice(before);
    expect(posted).toHaveLength(1);
    if (c.titles.length === 0) expect(posted[0]).toContain('Nothing new since');
    for (const title of c.titles) expect(posted[0]).toContain(title);
    if (c.report.error) {
      // The moderators see the reason in plain words.
      const status = await h.asModerator(`/config feed status url:${url}`);
      // (Markdown in it is escaped: FEED\_MAX\_BYTES.)
      expect(status.text.replaceAll('\\', '')).toContain(c.report.error);
      // And the rest of the feed's health: the failed poll, no new item, one failure, the retry after backoff.
      expect(status.text).toMatch(/Last poll:\n│ {3}.+: it failed\n/);
      expect(status.text).toMatch(/Last new item:\n│ {3}none yet\n/);
      expect(status.text).toMatch(/Failures in a row:\n│ {3}1\n/);
      expect(status.text).toMatch(/Next poll:\n│ {3}\S/);
    }
  });

  it('read less than the 20 MB feed, and never asked the address the guard refused', () => {
    expect(hugeSent).toBeLessThan(20 * MiB);
    expect(server.hits('/internal.xml')).toBe(0);
    expect(server.hits('/hop7')).toBe(1);
  });
});
