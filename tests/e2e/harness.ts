import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import type { Bot } from '../../src/bot/index.ts';
import { ManualClock } from '../support/clock.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { createLogger } from '../../src/log.ts';
import { silentLogger } from '../support/log.ts';
import type { LoopbackDiscord, SeededGuild } from '@dispatch/loopback-discord';
import { startLoopback } from '../../src/sandbox/loopback.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { SEED_FILE } from '../support/helpers.ts';

/** A loopback Discord, a guild with #news, a real SQLite file holding the seed article, and the real bot. */
export interface Harness {
  discord: LoopbackDiscord;
  guild: SeededGuild;
  bot: Bot;
  store: Store;
  dbPath: string;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Stops the bot and starts a new one on the same database file (a restart). */
  restart(): Promise<Bot>;
  close(): Promise<void>;
}

/** Starts everything; `prepare` may change the store (e.g. break a repository) before the bot boots. */
export async function startHarness(prepare?: (store: Store) => void): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-e2e-'));
  const dbPath = join(dir, 'dispatch.db');
  const clock = new ManualClock('2024-05-01T12:00:00Z');
  let store = openStore(dbPath);
  await ingestPaths({ store, clock, log: silentLogger(), maxArticleBytes: 1 << 20 }, [SEED_FILE]);
  prepare?.(store);
  const loopback = await startLoopback({ guildName: 'E2E', heartbeatIntervalMs: 500 });
  const { discord, guild } = loopback;
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = createLogger('info', sink);
  // The member commands need no scheduler; the digest end-to-end tests run it with an injected clock.
  const boot = () => loopback.boot({ DATABASE_PATH: dbPath }, { log, clock, store, scheduler: false });
  const harness: Harness = {
    discord,
    guild,
    bot: await boot(),
    get store() {
      return store;
    },
    dbPath,
    logs,
    async restart() {
      await loopback.stopBot();
      store.close();
      store = openStore(dbPath);
      harness.bot = await boot();
      return harness.bot;
    },
    async close() {
      await loopback.close();
      if (store.open) store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** What every test ends with: Discord accepted every body, and every message set allowed_mentions to ping nobody. */
export function expectCleanTraffic(discord: LoopbackDiscord): void {
  expect(discord.violations).toEqual([]);
  expect(discord.mentionViolations).toEqual([]);
  expect(discord.requests.filter((r) => r.lacksAllowedMentions).map((r) => r.route)).toEqual([]);
  const messages = discord.requests.filter((r) => {
    const type = (r.body as { type?: number } | undefined)?.type;
    return r.route.includes('callback') && (type === 4 || type === 7);
  });
  for (const request of messages) {
    const data = (request.body as { data?: { allowed_mentions?: unknown } }).data;
    expect(data?.allowed_mentions, `${request.route} sets allowed_mentions`).toEqual({ parse: [] });
  }
  discord.assertNoViolations();
}
