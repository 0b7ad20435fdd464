/**
 * A burst of 1,000 feed articles while members run commands: 100 feeds on a local HTTP server, each with ten
 * new ~5 KB articles (generated for this test), polled in one feed job by the real bot, whose worker pool
 * parses each feed and extracts and stores every item. Meanwhile a member runs /about through the real
 * discord.js client on the loopback Discord, 50 ms after each answer. It prints the command latencies (p50,
 * p99, max), how late the bot's gateway heartbeats came and the event-loop delay, and asserts what must hold
 * on any machine: every article stored once, every command answered within Discord's 3 s deadline, no
 * heartbeat a whole interval late, one gateway session throughout.
 *
 * "Late" is the loopback's measure: a heartbeat's delay past the announced interval since the previous one
 * arrived (discord.js sends them on a setInterval on the event loop, so anything that holds the loop delays
 * them). The target, p99 under 50 ms and no heartbeat late, is read from the output, which counts every
 * heartbeat more than 1 ms late (a timer's resolution) and gives the latest: on a two-core machine shared with
 * other work the target is not met, so asserting it would make this test fail by load, not by the bot (see the
 * README's Feeds section for the measured values and the load they were measured at).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot/index.ts';
import { addFeed } from '../../src/feeds/manage.ts';
import { startLoopback, type Loopback } from '../../src/sandbox/loopback.ts';
import { rss, syntheticBody, type TestItem } from '../feeds/helpers.ts';
import { startFixtureServer, type FixtureServer } from '../feeds/server.ts';
import { ManualClock } from '../support/clock.ts';
import { silentLogger } from '../support/log.ts';
import { sqlite } from '../support/sqlite.ts';
import { recordingCron } from './digest-harness.ts';

const FEEDS = 100;
const ITEMS_PER_FEED = 10;
const HEARTBEAT_MS = 1000;
/** Discord's deadline for answering an interaction. */
const DEADLINE_MS = 3000;

let loopback: Loopback;
let server: FixtureServer;
let bot: Bot;
let dir: string;
const clock = new ManualClock('2026-11-10T12:00:00.000Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-burst-'));
  server = await startFixtureServer();
  for (let f = 0; f < FEEDS; f++) {
    const items: TestItem[] = Array.from({ length: ITEMS_PER_FEED }, (_, i) => {
      const n = f * ITEMS_PER_FEED + i;
      return {
        guid: `burst-${n}`,
        // A hundred outlets, as a server following many sites has.
        link: `https://outlet${f}.example/news/${n}`,
        title: `Port Alder harbour report ${n}`,
        body: syntheticBody(10_000 + n, 5000),
        date: new Date(Date.parse('2026-11-10T11:00:00Z') + i * 60_000).toISOString(),
      };
    });
    const document = rss(`Outlet ${f}`, items);
    server.route(`/burst/${f}.xml`, (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(document),
    );
  }
  loopback = await startLoopback({ guildName: 'Burst', heartbeatIntervalMs: HEARTBEAT_MS });
  bot = await loopback.boot(
    {
      DATABASE_PATH: join(dir, 'dispatch.db'),
      ARTICLES_DIR: join(dir, 'articles'),
      FEEDS_ALLOW_PRIVATE: 'true',
      LOG_LEVEL: 'silent',
    },
    { log: silentLogger(), clock, scheduler: { cron: recordingCron(), rescan: false } },
  );
  for (let f = 0; f < FEEDS; f++) {
    addFeed(
      bot.ctx.store,
      { url: `${server.base}/burst/${f}.xml`, guildId: loopback.guild.id, story: 'burst', createdBy: 'test' },
      { maxFeedsPerGuild: FEEDS },
      clock.now(),
    );
  }
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await loopback?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a burst of 1,000 feed articles', () => {
  it('answers every command within the deadline and keeps the gateway session, and prints p99 and heartbeat lateness', async () => {
    const { discord, guild } = loopback;
    const since = performance.now();
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    let polling = true;
    const started = performance.now();
    const tick = bot.feeds.tick().finally(() => (polling = false));
    const latencies: number[] = [];
    // A member runs /about, reads the answer, and runs it again 50 ms later, for as long as the poll lasts.
    while (polling) {
      const sent = performance.now();
      const answered = await discord.interact({ guildId: guild.id, command: 'about', options: {} });
      latencies.push(performance.now() - sent);
      expect(answered.text).toContain('Articles stored');
      await delay(50);
    }
    const reports = await tick;
    const seconds = (performance.now() - started) / 1000;
    loopDelay.disable();

    const sorted = [...latencies].sort((a, b) => a - b);
    const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
    const beats = discord.gateway.heartbeats.filter((h) => h.at >= since);
    console.info(
      `burst of ${FEEDS * ITEMS_PER_FEED} articles stored in ${seconds.toFixed(1)} s ` +
        `(${((FEEDS * ITEMS_PER_FEED) / seconds).toFixed(1)}/s); /about ×${latencies.length}: ` +
        `p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; ` +
        `${beats.length} heartbeats, ${beats.filter((h) => h.lateMs > 1).length} more than 1 ms late, ` +
        `latest by ${Math.max(0, ...beats.map((h) => h.lateMs)).toFixed(1)} ms; ` +
        `event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`,
    );
    expect(reports).toHaveLength(FEEDS);
    expect(reports.reduce((n, r) => n + r.new, 0)).toBe(FEEDS * ITEMS_PER_FEED);
    expect(sqlite(bot.ctx.store).prepare('SELECT count(*) FROM articles').pluck().get()).toBe(
      FEEDS * ITEMS_PER_FEED,
    );
    expect(latencies.length).toBeGreaterThanOrEqual(20);
    expect(sorted.at(-1)!).toBeLessThan(DEADLINE_MS);
    expect(beats.length).toBeGreaterThan(0);
    expect(new Set(beats.map((h) => h.connectionId)).size).toBe(1);
    expect(discord.gateway.lateHeartbeats(HEARTBEAT_MS, since)).toEqual([]);
  }, 300_000);
});
