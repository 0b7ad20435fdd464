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
import type { Logger } from '../log.ts';
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
  try {
    if (options.copyFrom && existsSync(options.copyFrom)) copyDatabase(options.copyFrom, databasePath);
    loopback = await startLoopback({ guildName: 'Dispatch Sandbox' });
    const { discord, guild } = loopback;
    const settings = Object.fromEntries(
      Object.entries(options.base).map(([key, value]) => [key, String(value)]),
    );
    const failures = new Map<string, 'user-error' | 'bug'>();
    const bot = await loopback.boot(
      { ...settings, DATABASE_PATH: databasePath },
      {
        log: options.log,
        clock: options.clock ?? systemClock,
        onInteractionFailure: (id, failure) => failures.set(id, failure),
      },
    );
    const running = loopback;
    let stopped = false;
    return {
      discord,
      guild,
      bot,
      failures,
      dir,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await bot.stop();
        } finally {
          await running.close();
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await loopback?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
