import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { addFeed } from '../../src/feeds/manage.ts';
import { pollDueFeeds } from '../../src/feeds/poll.ts';
import { articleCount, feedDeps, fixtureServer, rss, syntheticBody, type TestItem } from './helpers.ts';

describe('a feed poll shares the event loop', () => {
  it('lets other work run between two items even when extraction answers at once', async () => {
    const server = await fixtureServer();
    const items: TestItem[] = Array.from({ length: 5 }, (_, i) => ({
      guid: `yield-${i}`,
      link: `https://yield.example/news/${i}`,
      title: `Port Alder ferry report ${i}`,
      body: syntheticBody(500 + i, 2000),
      date: `2026-11-01T0${i}:00:00Z`,
    }));
    server.route('/yield.xml', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Yield', items)),
    );
    const ctx = feedDeps({ config: { FEED_FIRST_POLL_HOURS: 100_000 } });
    addFeed(
      ctx.store,
      { url: `${server.base}/yield.xml`, guildId: '', createdBy: 'op' },
      { maxFeedsPerGuild: 20 },
      ctx.clock.now(),
    );
    // What the poll does, in order, interleaved with turns of the event loop (a command or a heartbeat waits
    // for one): extraction resolves at once here, as the pool's inline path or a cached result would.
    const events: string[] = [];
    ctx.deps.extract = (input) => {
      events.push('extract');
      return Promise.resolve(extract(input));
    };
    let polling = true;
    const turn = () => {
      events.push('turn');
      if (polling) setImmediate(turn);
    };
    setImmediate(turn);
    const [report] = await pollDueFeeds(ctx.deps).finally(() => (polling = false));

    expect(report).toMatchObject({ status: 'ok', new: 5 });
    expect(articleCount(ctx.deps)).toBe(5);
    const extractions = events.flatMap((e, i) => (e === 'extract' ? [i] : []));
    expect(extractions).toHaveLength(5);
    for (let k = 1; k < extractions.length; k++) {
      expect(events.slice(extractions[k - 1]! + 1, extractions[k]!)).toContain('turn');
    }
  });
});
