/**
 * A burst of 1,000 feed articles while members run commands: 100 feeds on a local HTTP server, each with ten
 * new ~5 KB articles (generated for this test), polled in one feed job by the real bot, whose worker pool
 * parses each feed and extracts and stores every item. A member runs /about through the real discord.js client
 * on the loopback Discord, 50 ms after each answer: first for eight heartbeats with no feed polled (the
 * baseline), then for as long as the poll lasts. It prints, for each phase, the command latencies (p50, p99,
 * max), how late the bot's gateway heartbeats came, and the main thread's garbage-collection pauses, and asserts
 * what must hold on any machine: every article stored once, every command answered within Discord's 3 s
 * deadline, no heartbeat a whole interval late, one gateway session throughout.
 *
 * "Late" is the loopback's measure: a heartbeat's delay past the announced interval since the previous one
 * arrived (discord.js sends them on a setInterval on the event loop, which the loopback and the test share, so
 * anything that holds the loop delays them). The target, p99 under 50 ms and no heartbeat late, is read
 * from the output beside the baseline: on this two-core machine shared with other work the baseline itself has
 * heartbeats tens of milliseconds late (a garbage collection, other processes on the cores), so a bound
 * stricter than a whole interval would make this test fail by load, not by the bot (see the README's Feeds
 * section for the measured values and the load they were measured at).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
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
/** How many heartbeats the baseline lasts: the same member and commands before the burst, no feed polled. */
const BASELINE_BEATS = 8;
/** A heartbeat later than this past its interval counts as late in the output: a timer's resolution. */
const TIMER_RESOLUTION_MS = 1;

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

/** A member runs /about, reads the answer, and runs it again 50 ms later, until `done()`; each reply's latency. */
async function memberRunsAbout(done: () => boolean): Promise<number[]> {
  const { discord, guild } = loopback;
  const latencies: number[] = [];
  while (!done()) {
    const sent = performance.now();
    const answered = await discord.interact({ guildId: guild.id, command: 'about', options: {} });
    latencies.push(performance.now() - sent);
    expect(answered.text).toContain('Articles stored');
    await delay(50);
  }
  return latencies;
}

/** One phase as the output prints it: reply latencies, heartbeat lateness, and the main thread's GC pauses. */
function describePhase(
  latencies: number[],
  from: number,
  to: number,
  gcPauses: { at: number; ms: number }[],
): { line: string; latest: number; beats: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const beats = loopback.discord.gateway.heartbeats.filter((h) => h.at >= from && h.at < to);
  const latest = Math.max(0, ...beats.map((h) => h.lateMs));
  const pauses = gcPauses.filter((g) => g.at >= from && g.at < to);
  const line =
    `/about ×${latencies.length}: p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms, ` +
    `max ${sorted.at(-1)!.toFixed(1)} ms; ${beats.length} heartbeats, ` +
    `${beats.filter((h) => h.lateMs > TIMER_RESOLUTION_MS).length} more than ${TIMER_RESOLUTION_MS} ms late, ` +
    `latest by ${latest.toFixed(1)} ms (${beats.map((h) => h.lateMs.toFixed(1)).join(' ')}); ` +
    `${pauses.length} GC pauses, ${pauses.reduce((n, g) => n + g.ms, 0).toFixed(0)} ms in all, ` +
    `the longest ${Math.max(0, ...pauses.map((g) => g.ms)).toFixed(1)} ms`;
  return { line, latest, beats: beats.length };
}

describe('a burst of 1,000 feed articles', () => {
  it('answers every command within the deadline and keeps the gateway session, and prints p99 and heartbeat lateness beside a baseline without the burst', async () => {
    const { discord } = loopback;
    // The main thread's garbage collections, to tell a heartbeat that waited for one from one that waited for
    // the bot's own work.
    const gcPauses: { at: number; ms: number }[] = [];
    const gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcPauses.push({ at: entry.startTime, ms: entry.duration });
    });
    gcObserver.observe({ entryTypes: ['gc'] });

    // The baseline: the same member and commands, no feed polled. Its heartbeats are as late as this machine
    // and this process make them without the burst: the timer's resolution, the loopback and the client on the
    // same event loop, a garbage collection, other processes on the cores.
    const baselineFrom = performance.now();
    const baselineLatencies = await memberRunsAbout(
      () => discord.gateway.heartbeats.filter((h) => h.at >= baselineFrom).length >= BASELINE_BEATS,
    );
    const since = performance.now();

    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    let polling = true;
    const tick = bot.feeds.tick().finally(() => (polling = false));
    const latencies = await memberRunsAbout(() => !polling);
    const reports = await tick;
    const until = performance.now();
    const seconds = (until - since) / 1000;
    loopDelay.disable();
    gcObserver.disconnect();

    const baseline = describePhase(baselineLatencies, baselineFrom, since, gcPauses);
    const burst = describePhase(latencies, since, until, gcPauses);
    console.info(
      `baseline, no feed polled: ${baseline.line}\n` +
        `burst of ${FEEDS * ITEMS_PER_FEED} articles stored in ${seconds.toFixed(1)} s ` +
        `(${((FEEDS * ITEMS_PER_FEED) / seconds).toFixed(1)}/s): ${burst.line}; ` +
        `event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`,
    );
    expect(reports).toHaveLength(FEEDS);
    expect(reports.reduce((n, r) => n + r.new, 0)).toBe(FEEDS * ITEMS_PER_FEED);
    expect(sqlite(bot.ctx.store).prepare('SELECT count(*) FROM articles').pluck().get()).toBe(
      FEEDS * ITEMS_PER_FEED,
    );
    expect(latencies.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...baselineLatencies, ...latencies)).toBeLessThan(DEADLINE_MS);
    expect(burst.beats).toBeGreaterThan(0);
    const beats = discord.gateway.heartbeats.filter((h) => h.at >= baselineFrom);
    expect(new Set(beats.map((h) => h.connectionId)).size).toBe(1);
    expect(discord.gateway.lateHeartbeats(HEARTBEAT_MS, baselineFrom)).toEqual([]);
  }, 300_000);
});
