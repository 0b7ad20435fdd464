/**
 * The end-to-end harness for digests: the real bot (`startBot`, the real discord.js client) against the loopback
 * Discord, on a real SQLite file in a temporary folder that holds the seed article, with an injected
 * {@link ManualClock}. Schedules never wait on real time: node-cron is replaced by a backend that only records
 * the jobs, the rescan job is off, retries do not sleep, and tests move the clock and call `scheduler.tick()`.
 *
 * Unlike `tests/e2e/harness.ts` (the member commands), it can restart the bot on the same database file and
 * loopback, with crash points in its store or none, which the crash and catch-up tests need.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Bot } from '../../src/bot/index.ts';
import { ManualClock } from '../support/clock.ts';
import { withCrashPoints, type CrashPoints } from '../support/crash.ts';
import type { Config } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { silentLogger } from '../support/log.ts';
import type { CronBackend, Scheduler } from '../../src/scheduler/index.ts';
import {
  renderMessageAsText,
  type InteractionResult,
  type LoopbackDiscord,
  type LoopbackMessage,
  type SeededGuild,
} from '@dispatch/loopback-discord';
import { startLoopback, type Loopback } from '../../src/sandbox/loopback.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { pastBriefing } from '../support/digest.ts';
import { SEED_FILE } from '../support/helpers.ts';

export const STORY = 'russia-syria-withdrawal';

/** A second article on the seed story: Ozerov's "about 1,000 remaining" becomes "about 1,500". */
export const SECOND_ARTICLE = `---
title: Russia to keep 1,500 troops in Syria, Ozerov says
story: ${STORY}
published: 2016-03-17
source: Reuters
url: https://example.com/syria-1500
---

Viktor Ozerov, the head of the parliamentary defense committee, said on Thursday that about 1,500 Russian military personnel would remain in Syria at the two bases.

“The contingent will stay at the bases as long as it is needed,” Ozerov said.
`;

/** A cron backend that registers nothing with real time: the tick exists, only `tick()` runs it. */
export function recordingCron(): CronBackend & { names(): string[] } {
  const live = new Map<string, { expression: string }>();
  let next = 0;
  return {
    schedule(expression, _fn, options) {
      const name = options.name ?? `job-${(next += 1)}`;
      live.set(name, { expression });
      return {
        destroy() {
          live.delete(name);
        },
      };
    },
    names: () => [...live.keys()].sort(),
  };
}

export interface DigestHarness {
  discord: LoopbackDiscord;
  guild: SeededGuild;
  clock: ManualClock;
  config: Config;
  dir: string;
  dbPath: string;
  /** The store of the bot running now (a restart opens a new one on the same file). */
  readonly store: Store;
  /** The bot running now. */
  readonly bot: Bot;
  readonly scheduler: Scheduler;
  /** The digests the tick runs, each with the schedule and timezone its `next_run_at` is computed in. */
  digestJobs(): string[];
  /** Stops the bot and boots a new one on the same database file and loopback, as a new process would. */
  restart(options?: { crash?: CrashPoints }): Promise<Bot>;
  /** Stops the bot (the "bot down" part of a restart); `start` boots it again. */
  stopBot(): Promise<void>;
  start(options?: { crash?: CrashPoints }): Promise<Bot>;
  /** Writes an article file into the temporary folder and ingests it at the clock's time. */
  ingestArticle(name: string, text: string): Promise<void>;
  /** Registers the commands in a guild (`body` instead of the command modules' registration JSON when given). */
  register: Loopback['register'];
  /** Invites the bot to one more guild (with #news, a moderator and a member) and registers the commands there. */
  addGuild(name: string): Promise<SeededGuild>;
  /**
   * Puts every subscription's first digest, its briefing, behind it (as if delivered now), for tests about the
   * digests that carry what is new; their "new since" does not move.
   */
  pastBriefing(): void;
  /** Runs a command as the guild's moderator in #news unless told otherwise. */
  asModerator(line: string, channelId?: string): Promise<InteractionResult>;
  close(): Promise<void>;
}

/** When the harness starts, settings for the bot beside the harness's own, and crash points. */
export interface DigestHarnessOptions {
  start?: string;
  config?: Record<string, string>;
  /** Crash points of the first boot's store (tests/support/crash.ts). */
  crash?: CrashPoints;
}

/**
 * For a file whose tests each start their own harness: returns the function to start it with, and after each
 * test checks that the harness it started sent only clean traffic, then closes it.
 */
export function harnessPerTest(): (options?: DigestHarnessOptions) => Promise<DigestHarness> {
  let current: DigestHarness | undefined;
  afterEach(async () => {
    const harness = current;
    current = undefined;
    if (!harness) return;
    expectCleanTraffic(harness.discord);
    await harness.close();
  });
  return async (options) => (current = await startDigestHarness(options));
}

/** Starts the loopback Discord, seeds the store and boots the bot at `start` on the manual clock. */
export async function startDigestHarness(options: DigestHarnessOptions = {}): Promise<DigestHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-e2e-digest-'));
  const dbPath = join(dir, 'dispatch.db');
  const clock = new ManualClock(options.start ?? '2026-03-02T12:00:00.000Z');
  const log = silentLogger();
  let store = openStore(dbPath);
  await ingestPaths({ store, clock, log, maxArticleBytes: 1 << 20 }, [SEED_FILE]);
  const loopback = await startLoopback({ guildName: 'Digest E2E', heartbeatIntervalMs: 500 });
  const { discord, guild } = loopback;
  const settings = {
    DATABASE_PATH: dbPath,
    ARTICLES_DIR: join(dir, 'articles'),
    LOG_LEVEL: 'silent',
    ...options.config,
  };
  const config = loopback.config(settings);
  /** Boots the bot through the shared loopback helper, on a store of its own, as a new process would. */
  const boot = async (crash?: CrashPoints) => {
    if (!store.open) store = openStore(dbPath);
    const bot = await loopback.boot(settings, {
      log,
      clock,
      store: crash ? withCrashPoints(store, crash) : store,
      scheduler: { cron: recordingCron(), rescan: false },
    });
    await bot.scheduler!.ready;
    return bot;
  };
  const stopBot = async () => {
    await loopback.stopBot();
    // A new process opens its own connection: nothing cached in this one survives a restart.
    if (store.open) store.close();
  };
  await boot(options.crash);
  const harness: DigestHarness = {
    discord,
    guild,
    clock,
    config,
    dir,
    dbPath,
    get store() {
      return store;
    },
    get bot() {
      if (!loopback.bot) throw new Error('the bot is stopped');
      return loopback.bot;
    },
    get scheduler() {
      return harness.bot.scheduler!;
    },
    digestJobs() {
      return store.subscriptions.active().map((s) => `digest:${s.id} (${s.cron} ${s.timezone})`);
    },
    async restart(restartOptions = {}) {
      await stopBot();
      return boot(restartOptions.crash);
    },
    stopBot,
    register: loopback.register,
    start: (startOptions = {}) => boot(startOptions.crash),
    async ingestArticle(name, text) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const report = await ingestPaths({ store, clock, log, maxArticleBytes: 1 << 20 }, [file]);
      expect(report.counts.added + report.counts.updated).toBe(1);
    },
    async addGuild(name) {
      const added = discord.state.createGuild({ name });
      await loopback.register(added.id);
      await expect.poll(() => harness.bot.client.guilds.cache.has(added.id)).toBe(true);
      return added;
    },
    pastBriefing() {
      for (const subscription of store.subscriptions.active())
        if (subscription.lastDeliveryAt === null) pastBriefing(store, subscription.id, clock.now());
    },
    asModerator: (line, channelId) =>
      discord.interactText(line, { user: guild.moderator, channelId: channelId ?? guild.news.id }),
    async close() {
      await stopBot();
      await loopback.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The digests the bot posted to a channel (not replies to commands), as text. */
export function posts(discord: LoopbackDiscord, channelId: string): string[] {
  return discord.channelMessages(channelId).map((m) => renderMessageAsText(m));
}

/** The full text of a posted message: content and every embed's title and description. */
export function messageText(message: LoopbackMessage): string {
  return renderMessageAsText(message);
}

/** What every test ends with: every body fit Discord's schema, and none could ping anyone unasked. */
export function expectCleanTraffic(discord: LoopbackDiscord): void {
  expect(discord.violations).toEqual([]);
  expect(discord.mentionViolations).toEqual([]);
  discord.assertNoViolations();
}
