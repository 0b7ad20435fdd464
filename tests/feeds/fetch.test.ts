import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkAddress, refusedAddress } from '../../src/feeds/guard.ts';
import { FetchError } from '../../src/feeds/http.ts';
import { addFeed } from '../../src/feeds/manage.ts';
import { pollDueFeeds } from '../../src/feeds/poll.ts';
import { articleCount, feedDeps, fixtureServer, testFetcher } from './helpers.ts';
import { readFixture } from './server.ts';

const LIMITS = { maxFeedsPerGuild: 20 };
const MiB = 1024 * 1024;

describe('fetching feeds safely', () => {
  it('stops reading a 20 MB feed at FEED_MAX_BYTES and stores nothing from it', async () => {
    const server = await fixtureServer();
    const item = readFixture('rss2-namespaces.xml', server.base);
    let sent = 0;
    server.route('/huge.xml', (_req, res) => {
      // Streamed without a Content-Length, so only counting while reading can stop it.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const filler = `<!-- ${'x'.repeat(64 * 1024 - 9)} -->`;
      const write = () => {
        while (sent < 20 * MiB) {
          sent += filler.length;
          if (!res.write(filler)) return void res.once('drain', write);
        }
        res.end(item);
      };
      res.on('close', () => res.destroy());
      write();
    });
    const ctx = feedDeps();
    addFeed(
      ctx.store,
      { url: `${server.base}/huge.xml`, guildId: '', createdBy: 't' },
      LIMITS,
      ctx.clock.now(),
    );
    const [report] = await pollDueFeeds(ctx.deps);
    expect(report).toMatchObject({
      status: 'error',
      new: 0,
      error: `the response is larger than FEED_MAX_BYTES (${5 * MiB} bytes); it was not read further`,
    });
    expect(articleCount(ctx.deps)).toBe(0);
    expect(sent).toBeLessThan(20 * MiB);
  });

  it('refuses a feed whose Content-Length is over the limit without reading it', async () => {
    const server = await fixtureServer();
    server.text('/big.xml', 'x'.repeat(2048), 'application/rss+xml');
    const fetcher = testFetcher({ maxBytes: 1024 });
    await expect(fetcher.fetch({ url: `${server.base}/big.xml`, accept: '*/*' })).rejects.toThrow(
      'the response is larger than FEED_MAX_BYTES (1024 bytes)',
    );
  });

  it('stops a gzip bomb at the limit after decompression', async () => {
    const server = await fixtureServer();
    const bomb = gzipSync(Buffer.alloc(200 * MiB, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(MiB);
    server.route('/bomb.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb);
    });
    const ctx = feedDeps();
    addFeed(
      ctx.store,
      { url: `${server.base}/bomb.xml`, guildId: '', createdBy: 't' },
      LIMITS,
      ctx.clock.now(),
    );
    const [report] = await pollDueFeeds(ctx.deps);
    expect(report!.status).toBe('error');
    expect(report!.error).toBe(
      `the response is larger than FEED_MAX_BYTES (${5 * MiB} bytes); it was not read further`,
    );
    expect(articleCount(ctx.deps)).toBe(0);
  });

  it('reads a gzip-compressed feed under the limit', async () => {
    const server = await fixtureServer();
    const body = gzipSync(readFixture('atom.xml', server.base));
    server.route('/atom.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/atom+xml', 'content-encoding': 'gzip' }).end(body);
    });
    const ctx = feedDeps();
    addFeed(
      ctx.store,
      { url: `${server.base}/atom.xml`, guildId: '', createdBy: 't' },
      LIMITS,
      ctx.clock.now(),
    );
    const [report] = await pollDueFeeds(ctx.deps);
    expect(report).toMatchObject({ status: 'ok', new: 1 });
    expect(articleCount(ctx.deps)).toBe(1);
  });

  it('gives up on a server that drips bytes, at the total timeout', async () => {
    const server = await fixtureServer();
    const timers: NodeJS.Timeout[] = [];
    server.route('/drip.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<');
      const timer = setInterval(() => res.write(' '), 50);
      timers.push(timer);
      res.on('close', () => clearInterval(timer));
    });
    const ctx = feedDeps({ fetcher: testFetcher({ totalTimeoutMs: 600 }) });
    addFeed(
      ctx.store,
      { url: `${server.base}/drip.xml`, guildId: '', createdBy: 't' },
      LIMITS,
      ctx.clock.now(),
    );
    const [report] = await pollDueFeeds(ctx.deps);
    for (const timer of timers) clearInterval(timer);
    expect(report).toMatchObject({
      status: 'error',
      error: 'the server did not finish answering within 1 s',
    });
    expect(articleCount(ctx.deps)).toBe(0);
  });

  it('sends ETag and Last-Modified back and stores nothing on 304', async () => {
    const server = await fixtureServer();
    let conditional: Record<string, unknown> = {};
    const body = readFixture('atom.xml', server.base);
    server.route('/atom.xml', (req, res) => {
      conditional = {
        etag: req.headers['if-none-match'],
        since: req.headers['if-modified-since'],
        ua: req.headers['user-agent'],
      };
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res
        .writeHead(200, {
          'content-type': 'application/atom+xml',
          etag: '"v1"',
          'last-modified': 'Thu, 05 Nov 2026 12:00:00 GMT',
        })
        .end(body);
    });
    const ctx = feedDeps();
    ctx.clock.set('2026-11-05T12:30:00Z');
    addFeed(
      ctx.store,
      { url: `${server.base}/atom.xml`, guildId: '', createdBy: 't' },
      LIMITS,
      ctx.clock.now(),
    );
    expect((await pollDueFeeds(ctx.deps))[0]).toMatchObject({ status: 'ok', new: 1 });
    expect(conditional).toEqual({
      etag: undefined,
      since: undefined,
      ua: 'Dispatch/test (+https://example.invalid/contact)',
    });
    ctx.clock.advance(60 * 60_000);
    expect((await pollDueFeeds(ctx.deps))[0]).toMatchObject({
      status: 'not-modified',
      new: 0,
      updated: 0,
      unchanged: 0,
    });
    expect(conditional).toMatchObject({ etag: '"v1"', since: 'Thu, 05 Nov 2026 12:00:00 GMT' });
    expect(articleCount(ctx.deps)).toBe(1);
    expect(ctx.store.feeds.allFeeds()[0]!.source).toMatchObject({
      lastStatus: 'not-modified',
      etag: '"v1"',
      failures: 0,
    });
  });

  it('waits as long as Cache-Control max-age says before polling again', async () => {
    const server = await fixtureServer();
    server.fixture('/atom.xml', 'atom.xml', 'application/atom+xml');
    server.text('/atom.xml', readFixture('atom.xml', server.base), 'application/atom+xml', {
      headers: { 'cache-control': 'public, max-age=7200' },
    });
    const ctx = feedDeps();
    ctx.clock.set('2026-11-05T12:00:00Z');
    addFeed(
      ctx.store,
      { url: `${server.base}/atom.xml`, guildId: '', createdBy: 't' },
      LIMITS,
      ctx.clock.now(),
    );
    await pollDueFeeds(ctx.deps);
    expect(ctx.store.feeds.allFeeds()[0]!.source.nextPollAt).toBe('2026-11-05T14:00:00.000Z');
  });

  it('honours Retry-After on a 503 when it asks for longer than the backoff', async () => {
    const server = await fixtureServer();
    server.route('/busy.xml', (_req, res) => res.writeHead(503, { 'retry-after': '3600' }).end());
    const ctx = feedDeps();
    ctx.clock.set('2026-11-05T12:00:00Z');
    addFeed(
      ctx.store,
      { url: `${server.base}/busy.xml`, guildId: '', createdBy: 't' },
      LIMITS,
      ctx.clock.now(),
    );
    const [report] = await pollDueFeeds(ctx.deps);
    expect(report).toMatchObject({ status: 'error', error: 'the server had an error (HTTP 503)' });
    expect(ctx.store.feeds.allFeeds()[0]!.source.nextPollAt).toBe('2026-11-05T13:00:00.000Z');
  });

  it('follows a chain of five redirects, and refuses a sixth', async () => {
    const server = await fixtureServer();
    for (let i = 1; i <= 6; i++) {
      server.route(`/hop${i}`, (_req, res) =>
        res.writeHead(i % 2 ? 301 : 302, { location: `/hop${i + 1}` }).end(),
      );
    }
    server.fixture('/hop7', 'atom.xml', 'application/atom+xml');
    server.route('/start', (_req, res) => res.writeHead(307, { location: `${server.base}/hop3` }).end());
    const ctx = feedDeps();
    addFeed(ctx.store, { url: `${server.base}/start`, guildId: '', createdBy: 't' }, LIMITS, ctx.clock.now());
    addFeed(
      ctx.store,
      { url: `${server.base}/hop1`, guildId: '', story: 'other', createdBy: 't' },
      LIMITS,
      ctx.clock.now(),
    );
    const reports = await pollDueFeeds(ctx.deps);
    const byUrl = Object.fromEntries(reports.map((r) => [r.url.replace(server.base, ''), r]));
    // /start -> hop3 -> hop4 -> hop5 -> hop6 -> hop7: five redirects.
    expect(byUrl['/start']).toMatchObject({ status: 'ok', new: 1 });
    // /hop1 ... -> hop7: six redirects.
    expect(byUrl['/hop1']).toMatchObject({ status: 'error', error: 'more than 5 redirects' });
    expect(articleCount(ctx.deps)).toBe(1);
  });

  it('refuses a redirect to a private address with the guard on, and stores nothing', async () => {
    const server = await fixtureServer();
    server.route('/feed.xml', (_req, res) =>
      res.writeHead(302, { location: `http://127.0.0.2:${server.port}/internal.xml` }).end(),
    );
    server.fixture('/internal.xml', 'atom.xml', 'application/atom+xml');
    // The guard on, with only the fixture server's own address let through.
    const fetcher = testFetcher({ policy: { allowPrivate: false, allowAddresses: ['127.0.0.1'] } });
    const ctx = feedDeps({ fetcher });
    addFeed(
      ctx.store,
      { url: `${server.base}/feed.xml`, guildId: '', createdBy: 't' },
      LIMITS,
      ctx.clock.now(),
    );
    const [report] = await pollDueFeeds(ctx.deps);
    expect(report).toMatchObject({
      status: 'error',
      error:
        'refused: 127.0.0.2 resolves to 127.0.0.2, a loopback address; Dispatch does not fetch from such addresses (the operator can allow it by listing it in FEEDS_ALLOW_ADDRESSES)',
    });
    expect(server.hits('/internal.xml')).toBe(0);
    expect(articleCount(ctx.deps)).toBe(0);
  });

  it('checks the address a name resolves to at connect time, for every hop', async () => {
    const server = await fixtureServer();
    server.route('/feed.xml', (_req, res) =>
      res.writeHead(302, { location: `http://metadata.test:${server.port}/latest` }).end(),
    );
    server.fixture('/latest', 'atom.xml', 'application/atom+xml');
    const fetcher = testFetcher({
      policy: { allowPrivate: false, allowAddresses: ['127.0.0.1'] },
      // news.test is the fixture server; metadata.test resolves to an IPv4-mapped loopback address.
      resolver: (host, cb) =>
        host === 'news.test'
          ? cb(null, [{ address: '127.0.0.1', family: 4 }])
          : cb(null, [{ address: '::ffff:127.0.0.9', family: 6 }]),
    });
    const error = await fetcher
      .fetch({ url: `http://news.test:${server.port}/feed.xml`, accept: '*/*' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as Error).message).toBe(
      'refused: metadata.test resolves to ::ffff:127.0.0.9, a loopback address; Dispatch does not fetch from such addresses (the operator can allow it by listing it in FEEDS_ALLOW_ADDRESSES)',
    );
    expect(server.hits('/feed.xml')).toBe(1);
    expect(server.hits('/latest')).toBe(0);
  });

  it('keeps at most two requests at a time in flight to one host, without holding up another host', async () => {
    const server = await fixtureServer();
    const other = await fixtureServer();
    const TOTAL = 7;
    let arrived = 0;
    let maxActive = 0;
    const held: (() => void)[] = [];
    let otherDone = false;
    // Requests are held until a second one is in flight (or none more can come), so a third in flight would be
    // seen; the first ones also until the other host has answered, which a limit shared by all hosts would block.
    const release = () => {
      if (otherDone && (held.length === 2 || arrived === TOTAL))
        for (const answer of held.splice(0)) answer();
    };
    server.route('/feed.xml', (_req, res) => {
      arrived++;
      held.push(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
      maxActive = Math.max(maxActive, held.length);
      release();
    });
    other.text('/feed.xml', 'ok', 'text/plain');
    const fetcher = testFetcher();
    const sameHost = Array.from({ length: TOTAL }, (_, i) =>
      fetcher.fetch({ url: `${server.base}/feed.xml?n=${i}`, accept: '*/*' }),
    );
    const elsewhere = await fetcher.fetch({ url: `${other.base}/feed.xml`, accept: '*/*' });
    expect(elsewhere.status).toBe('ok');
    otherDone = true;
    release();
    const results = await Promise.all(sameHost);
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: TOTAL }, () => 'ok'));
    expect(maxActive).toBe(2);
    expect(server.hits('/feed.xml')).toBe(TOTAL);
  });

  it('only fetches http and https', async () => {
    const fetcher = testFetcher();
    await expect(fetcher.fetch({ url: 'file:///etc/passwd', accept: '*/*' })).rejects.toThrow(
      'only http and https URLs are fetched, not file',
    );
  });

  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['10.0.0.8', 'a private network address'],
    ['172.16.5.4', 'a private network address'],
    ['192.168.1.1', 'a private network address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['169.254.169.254', 'a link-local address (this includes cloud metadata services)'],
    ['224.0.0.251', 'a multicast address'],
    ['0.0.0.0', 'an unspecified address'],
    ['::1', 'a loopback address'],
    ['::ffff:10.0.0.1', 'a private network address'],
    ['::ffff:169.254.169.254', 'a link-local address (this includes cloud metadata services)'],
    ['fe80::1', 'a link-local address (this includes cloud metadata services)'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['fc00::5', 'a private network address'],
    ['ff02::1', 'a multicast address'],
    ['64:ff9b::a00:1', 'an IPv4-translated address'],
    ['8.8.8.8', null],
    ['2606:4700:4700::1111', null],
  ])('the guard judges %s as %s', (address, expected) => {
    expect(refusedAddress(address)).toBe(expected);
  });

  it.each([
    ['10.0.0.5', null],
    ['10.20.3.4', null],
    ['::ffff:10.20.3.4', null],
    ['10.0.0.6', 'a private network address'],
    ['10.21.0.1', 'a private network address'],
    ['127.0.0.1', 'a loopback address'],
    ['169.254.169.254', 'a link-local address (this includes cloud metadata services)'],
  ])(
    'with FEEDS_ALLOW_ADDRESSES=10.0.0.5,10.20.0.0/16 the guard judges %s as %s: only what is listed opens',
    (address, expected) => {
      const policy = { allowPrivate: false, allowAddresses: ['10.0.0.5', '10.20.0.0/16'] };
      expect(checkAddress(policy, address)).toBe(expected);
    },
  );
});
