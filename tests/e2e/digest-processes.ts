/**
 * Real bot processes for the crash and two-process tests: `src/main.ts`, the entry point `npm start` runs, on
 * the Node running the tests, against a loopback Discord and a shared database file. The tests kill them with
 * SIGKILL, as a crash or an OOM killer would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../support/clock.ts';
import { defaultConfig } from '../../src/config.ts';
import type { Ctx } from '../../src/bot/context.ts';
import { nextRun } from '../../src/digest/schedule.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { silentLogger } from '../support/log.ts';
import { markerOf } from '../../src/digest/deliver.ts';
import type { LoopbackDiscord, LoopbackMessage } from '@dispatch/loopback-discord';
import { openStore, type Store } from '../../src/store/index.ts';
import { addArticle, pastBriefing } from '../support/digest.ts';
import { ROOT, SEED_FILE } from '../support/helpers.ts';
import { digestRuns } from '../support/sqlite.ts';

/** A bot process: its log lines as they come, and how it ended. */
export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  /** Parsed JSON log lines so far. */
  logs: { msg?: string; level?: number }[];
  /** Resolves when the bot logged "ready" (connected and serving). */
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Log lines whose message is `msg`. */
  count(msg: string): number;
  /** Resolves once `check()` holds, evaluated now and after each log line the bot writes. */
  until(check: () => boolean): Promise<void>;
}

/**
 * Starts `src/main.ts` with this environment (and nothing else from the test's), and `nodeFlags` before the
 * script (a test that measures the bot's process passes `npm start`'s).
 */
export function spawnBot(env: Record<string, string>, nodeFlags: string[] = []): BotProcess {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const logs: BotProcess['logs'] = [];
  const watchers = new Set<() => void>();
  let pending = '';
  let stderr = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as { msg?: string };
        logs.push(entry);
        if (entry.msg === 'ready') onReady();
      } catch {
        // Not a log line.
      }
    }
    for (const watcher of watchers) watcher();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const readyOrExit = Promise.race([
    ready,
    exited.then(({ code, signal }) => {
      throw new Error(`the bot exited (${code ?? signal}) before it was ready:\n${stderr}`);
    }),
  ]);
  readyOrExit.catch(() => {});
  return {
    child,
    logs,
    ready: readyOrExit,
    exited,
    count: (msg) => logs.filter((entry) => entry.msg === msg).length,
    until: (check) =>
      new Promise<void>((resolve) => {
        const watcher = () => {
          if (!check()) return;
          watchers.delete(watcher);
          resolve();
        };
        watchers.add(watcher);
        watcher();
      }),
  };
}

/** A temporary folder with a database holding the seed story, and an empty ARTICLES_DIR. */
export async function sharedDatabase(): Promise<{
  dir: string;
  dbPath: string;
  articlesDir: string;
  store: Store;
  cleanup(): void;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-processes-'));
  const dbPath = join(dir, 'dispatch.db');
  const articlesDir = join(dir, 'articles');
  mkdirSync(articlesDir);
  const store = openStore(dbPath);
  await ingestPaths(
    { store, clock: new ManualClock(Date.now() - 3_600_000), log: silentLogger(), maxArticleBytes: 1 << 20 },
    [SEED_FILE],
  );
  return {
    dir,
    dbPath,
    articlesDir,
    store,
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The environment of a bot process on `dbPath` against `discord`. */
export function botEnv(
  discord: LoopbackDiscord,
  dbPath: string,
  articlesDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    DATABASE_PATH: dbPath,
    ARTICLES_DIR: articlesDir,
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.restUrl,
    SCHEDULER_LEASE_SECONDS: '2',
    RESCAN_INTERVAL_SECONDS: '1',
    ...extra,
  };
}

/**
 * Subscribes each channel to the seed story every minute, as of `since`, with `articles` new articles after it
 * (long titles, so a digest takes two or three messages), and due now. Each subscription's first digest, its
 * briefing, is put behind it, so its runs carry those articles and take several messages each.
 */
export function subscribeDue(store: Store, guildId: string, channelIds: string[], since: Date): void {
  const story = store.stories.latest()!;
  for (const channelId of channelIds) {
    const subscription = store.subscriptions.create(
      {
        guildId,
        channelId,
        storyId: story.id,
        schedule: '* * * * *',
        cron: '* * * * *',
        timezone: 'UTC',
        mentionRoleId: null,
        quiet: false,
        nextRunAt: nextRun('* * * * *', 'UTC', since),
      },
      '300000000000000001',
      since,
    );
    pastBriefing(store, subscription.id, since);
  }
}

/** Stores `count` articles with long headlines at `at`, so that digests since before it take several messages. */
export function addArticles(store: Store, count: number, at: Date): void {
  const ctx = {
    store,
    clock: new ManualClock(at),
    log: silentLogger(),
    config: defaultConfig(),
    instanceId: 'test',
  } satisfies Ctx;
  for (let i = 0; i < count; i += 1) {
    addArticle(ctx, {
      title: `Report ${at.getTime()}-${i}: ${'a long headline about the withdrawal '.repeat(6)}`,
    });
  }
}

/**
 * Checks every digest run against the channels: each part of each sent run posted exactly once, with the
 * message ids the run recorded, in order. Returns the counts the tests assert and report.
 */
export function auditRuns(
  store: Store,
  guildId: string,
  messages: LoopbackMessage[],
): {
  runs: number;
  sent: number;
  unfinished: number;
  posted: number;
  duplicates: number;
  lost: number;
  idMismatches: number;
} {
  const byMarker = new Map<string, LoopbackMessage[]>();
  for (const message of messages) {
    const marker = markerOf(message) ?? `unmarked:${message.id}`;
    byMarker.set(marker, [...(byMarker.get(marker) ?? []), message]);
  }
  const duplicates = [...byMarker.values()].reduce((n, list) => n + list.length - 1, 0);
  const rows = store.subscriptions
    .byGuild(guildId)
    .flatMap((s) => digestRuns(store, s.id, 10_000))
    .filter((run) => run.state !== 'skipped');
  let lost = 0;
  let idMismatches = 0;
  let sent = 0;
  let unfinished = 0;
  const claimed = new Set<string>();
  for (const run of rows) {
    if (run.state !== 'sent') {
      unfinished += 1;
      continue;
    }
    sent += 1;
    run.messageIds.forEach((messageId, part) => {
      const marker = `${run.nonce}.${part.toString(36)}`;
      claimed.add(marker);
      const found = byMarker.get(marker);
      if (!found) lost += 1;
      else if (found[0]!.id !== messageId) idMismatches += 1;
    });
  }
  // A posted part no sent run accounts for was posted for a run the store lost track of.
  lost += [...byMarker.keys()].filter((marker) => !claimed.has(marker)).length;
  return { runs: rows.length, sent, unfinished, posted: messages.length, duplicates, lost, idMismatches };
}
