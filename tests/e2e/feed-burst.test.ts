/**
 * A burst of 1,000 feed articles while members run commands: 100 feeds on a local HTTP server, each with ten
 * new ~5 KB articles (generated for this test), followed by the bot in its own process (`src/main.ts`, with
 * `npm start`'s Node flags and environment), whose worker pool parses each feed and extracts and stores every
 * item. A member runs /about through the loopback Discord, 50 ms after each answer: from the moment the bot is
 * ready until its minute feed job starts fetching (the baseline: the same member and commands, the feeds paused
 * for eight heartbeats, then resumed, and no feed polled until the next run of the job), then for as long as the
 * burst lasts. It prints, for each phase, the command latencies (p50, p99, max) and how
 * late the bot's gateway heartbeats came, and asserts what must hold on any machine: every article stored once,
 * every command answered within Discord's 3 s deadline, no heartbeat a whole interval late, one gateway session
 * throughout.
 *
 * The bot runs in a process of its own so that what is measured is the bot's event loop, as in production: the
 * loopback Discord (which checks every request against the API schemas) and the fixture server stay in the
 * test's process. "Late" is the loopback's measure: a heartbeat's delay past the announced interval since the
 * previous one arrived. The issue's target, p99 under 50 ms and no heartbeat late, is read from the output beside
 * the baseline (see the README's Feeds section for the values measured and the load they were measured at): a
 * bound stricter than a whole interval would make this test fail by the machine's load, not by the bot.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFeed } from '../../src/feeds/manage.ts';
import { startLoopback, type Loopback } from '../../src/sandbox/loopback.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { rss, syntheticBody, type TestItem } from '../feeds/helpers.ts';
import { startFixtureServer, type FixtureServer } from '../feeds/server.ts';
import { sqlite } from '../support/sqlite.ts';
import { botEnv, spawnBot, type BotProcess } from './digest-processes.ts';

const FEEDS = 100;
const ITEMS_PER_FEED = 10;
const HEARTBEAT_MS = 1000;
/** Discord's deadline for answering an interaction. */
const DEADLINE_MS = 3000;
/** A heartbeat later than this past its interval counts as late in the output: a timer's resolution. */
const TIMER_RESOLUTION_MS = 1;
/** How many heartbeats the baseline lasts at least; it goes on until the feed job starts fetching. */
const BASELINE_BEATS = 8;
/** The Node flags and environment `npm start` runs the bot with (package.json). */
const START_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=512'];

let loopback: Loopback;
let server: FixtureServer;
let store: Store;
let bot: BotProcess;
let dir: string;
/** When the fixture server received the first request for a burst feed: the burst's start. */
let firstFetchAt: number | undefined;
/** The hundred feeds, paused until the baseline is measured. */
const feedIds: number[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-burst-'));
  const articlesDir = join(dir, 'articles');
  mkdirSync(articlesDir);
  const dbPath = join(dir, 'dispatch.db');
  store = openStore(dbPath);
  server = await startFixtureServer();
  const now = Date.now();
  for (let f = 0; f < FEEDS; f++) {
    const items: TestItem[] = Array.from({ length: ITEMS_PER_FEED }, (_, i) => {
      const n = f * ITEMS_PER_FEED + i;
      return {
        guid: `burst-${n}`,
        // A hundred outlets, as a server following many sites has.
        link: `https://outlet${f}.example/news/${n}`,
        title: `Port Alder harbour report ${n}`,
        body: syntheticBody(10_000 + n, 5000),
        date: new Date(now - (i + 1) * 60_000).toISOString(),
      };
    });
    const document = rss(`Outlet ${f}`, items);
    server.route(`/burst/${f}.xml`, (_req, res) => {
      firstFetchAt ??= performance.now();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(document);
    });
  }
  loopback = await startLoopback({ guildName: 'Burst', heartbeatIntervalMs: HEARTBEAT_MS });
  for (let f = 0; f < FEEDS; f++) {
    const feed = addFeed(
      store,
      { url: `${server.base}/burst/${f}.xml`, guildId: loopback.guild.id, story: 'burst', createdBy: 'test' },
      { maxFeedsPerGuild: FEEDS },
      new Date(now),
    );
    // Paused through the baseline: the bot's feed job at boot finds nothing, the first one after the baseline
    // (the job runs every minute) polls all hundred at once.
    store.feeds.setPaused(feed.id, true);
    feedIds.push(feed.id);
  }
  bot = spawnBot(
    botEnv(loopback.discord, dbPath, articlesDir, {
      FEEDS_ALLOW_PRIVATE: 'true',
      MALLOC_ARENA_MAX: '2',
      // The lease renewal's default pace, not the digest tests' fast one: a bot as an operator runs it.
      SCHEDULER_LEASE_SECONDS: '30',
    }),
    START_FLAGS,
  );
  await bot.ready;
}, 120_000);
afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await bot?.exited;
  store?.close();
  await loopback?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const stored = () => sqlite(store).prepare('SELECT count(*) FROM articles').pluck().get() as number;

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

/** One phase as the output prints it: reply latencies and heartbeat lateness. */
function describePhase(latencies: number[], from: number, to: number): { line: string; beats: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const beats = loopback.discord.gateway.heartbeats.filter((h) => h.at >= from && h.at < to);
  const latest = Math.max(0, ...beats.map((h) => h.lateMs));
  const line =
    `/about ×${latencies.length}: p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms, ` +
    `max ${sorted.at(-1)!.toFixed(1)} ms; ${beats.length} heartbeats, ` +
    `${beats.filter((h) => h.lateMs > TIMER_RESOLUTION_MS).length} more than ${TIMER_RESOLUTION_MS} ms late, ` +
    `latest by ${latest.toFixed(1)} ms (${beats.map((h) => h.lateMs.toFixed(1)).join(' ')})`;
  return { line, beats: beats.length };
}

describe('a burst of 1,000 feed articles in the bot’s own process', () => {
  it('answers every command within the deadline and keeps the gateway session, and prints p99 and heartbeat lateness beside a baseline without the burst', async () => {
    const { discord } = loopback;
    const baselineFrom = performance.now();
    const beatsSince = (from: number) => discord.gateway.heartbeats.filter((h) => h.at >= from).length;
    let resumed = false;
    const baselineLatencies = await memberRunsAbout(() => {
      if (!resumed && beatsSince(baselineFrom) >= BASELINE_BEATS) {
        for (const id of feedIds) store.feeds.setPaused(id, false);
        resumed = true;
      }
      return firstFetchAt !== undefined;
    });
    const since = firstFetchAt!;
    const latencies = await memberRunsAbout(() => stored() >= FEEDS * ITEMS_PER_FEED);
    const until = performance.now();
    const seconds = (until - since) / 1000;

    const baseline = describePhase(baselineLatencies, baselineFrom, since);
    const burst = describePhase(latencies, since, until);
    console.info(
      `baseline, no feed polled: ${baseline.line}\n` +
        `burst of ${FEEDS * ITEMS_PER_FEED} articles stored in ${seconds.toFixed(1)} s ` +
        `(${((FEEDS * ITEMS_PER_FEED) / seconds).toFixed(1)}/s): ${burst.line}`,
    );
    expect(stored()).toBe(FEEDS * ITEMS_PER_FEED);
    expect(sqlite(store).prepare('SELECT count(DISTINCT title) FROM articles').pluck().get()).toBe(
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
