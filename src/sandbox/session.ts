/**
 * The sandbox: the real bot, on a temporary copy of the store, against a loopback Discord with one guild
 * (a `#news` channel, a moderator, a member). `npm run sandbox` and its `--run` mode drive it; so can tests.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoopbackDiscord, SeededGuild } from '@dispatch/loopback-discord';
import type { Bot } from '../bot/index.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { addFeed } from '../feeds/manage.ts';
import type { PollReport } from '../feeds/poll.ts';
import type { Logger } from '../log.ts';
import { startDemoFeed, type DemoFeed } from './demo-feed.ts';
import { startLoopback, type Loopback } from './loopback.ts';

/** What the sandbox starts from. */
export interface SandboxOptions {
  /** Settings other than Discord's and the database path (articles folder, size limits, digest settings). */
  base: Config;
  log: Logger;
  clock?: Clock;
  /**
   * A database to start from (the operator's `DATABASE_PATH`): it is copied, never opened, so the sandbox
   * cannot change it. Missing or undefined: an empty store, filled from ARTICLES_DIR.
   */
  copyFrom?: string | undefined;
}

/** A running sandbox. */
export interface Sandbox {
  discord: LoopbackDiscord;
  guild: SeededGuild;
  bot: Bot;
  /** Interactions that ended in an error, by interaction id: a UserError or a bug. */
  failures: Map<string, 'user-error' | 'bug'>;
  /** The temporary folder holding the sandbox's database; removed on stop. */
  dir: string;
  /** The demo feed the sandbox's server follows (see `publish`). */
  demoFeed: DemoFeed;
  /**
   * Publishes the demo feed's next item and has the bot poll the feed at once, as its schedule would within
   * `FEED_POLL_MINUTES`: the item is stored (and announced to digests) before this resolves. Null when every
   * demo item is out.
   */
  publish(): Promise<{ title: string; link: string; report: PollReport | null } | null>;
  stop(): Promise<void>;
}

/** Copies a SQLite file with its write-ahead log, if it has one, so the copy holds every committed change. */
function copyDatabase(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

/**
 * Starts the loopback Discord, seeds its guild, registers the commands in that guild (as `npm run register
 * -- --guild` would), and boots the real bot with `startBot` — the one function that starts everything the
 * bot runs, so whatever it starts (the digest scheduler included) runs in the sandbox too. The end-to-end
 * tests set up the same way (`startLoopback`).
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-sandbox-'));
  const databasePath = join(dir, 'dispatch.db');
  let loopback: Loopback | undefined;
  let demoFeed: DemoFeed | undefined;
  const clock = options.clock ?? systemClock;
  try {
    demoFeed = await startDemoFeed(clock);
    if (options.copyFrom && existsSync(options.copyFrom)) copyDatabase(options.copyFrom, databasePath);
    loopback = await startLoopback({ guildName: 'Dispatch Sandbox' });
    const { discord, guild } = loopback;
    const settings = Object.fromEntries(
      Object.entries(options.base).map(([key, value]) => [key, String(value)]),
    );
    const failures = new Map<string, 'user-error' | 'bug'>();
    const bot = await loopback.boot(
      // The demo feed is on 127.0.0.1, which the SSRF guard refuses unless private hosts are allowed.
      { ...settings, DATABASE_PATH: databasePath, FEEDS_ALLOW_PRIVATE: 'true' },
      {
        log: options.log,
        clock,
        onInteractionFailure: (id, failure) => failures.set(id, failure),
      },
    );
    const feed = await followDemoFeed(bot, discord, guild, demoFeed, clock);
    const running = loopback;
    const demo = demoFeed;
    let stopped = false;
    return {
      discord,
      guild,
      bot,
      failures,
      dir,
      demoFeed: demo,
      async publish() {
        const item = demo.publish();
        if (!item) return null;
        const report = await bot.feeds.pollNow(feed.source.id);
        return { ...item, report };
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await bot.stop();
        } finally {
          await running.close();
          await demo.close();
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await loopback?.close();
    await demoFeed?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The sandbox server follows the demo feed, as a moderator's `/config feed add` would, and polls it once (its
 * baseline: the items already out are days old, so they are stored but not announced). The moderator then sets
 * an hourly digest of its story in #news with the real command, so what `publish` adds reaches a digest at the
 * next `/config digest send-now`. The story the server answered by default before (the shipped one) becomes
 * its default, so `/troops` and the README's examples keep answering it once a demo item is the latest article.
 */
async function followDemoFeed(
  bot: Bot,
  discord: LoopbackDiscord,
  guild: SeededGuild,
  demo: DemoFeed,
  clock: Clock,
) {
  const { store, config } = bot.ctx;
  const previous = store.stories.latest(guild.id);
  if (previous && !store.stories.defaultFor(guild.id, null)) {
    store.stories.setDefault(guild.id, null, previous.id, guild.moderator.id, clock.now());
  }
  const feed = addFeed(
    store,
    { url: demo.url, guildId: guild.id, story: demo.story, name: demo.title, createdBy: guild.moderator.id },
    { maxFeedsPerGuild: config.MAX_FEEDS_PER_GUILD },
    clock.now(),
  );
  await bot.feeds.pollNow(feed.source.id);
  await discord.interactText(
    `/config digest set channel:#${guild.news.name} schedule:hourly story:${demo.story}`,
    { channelId: guild.news.id, user: guild.moderator },
  );
  return feed;
}
