/**
 * Exactly once beyond Discord's nonce window (issue 11, item 1). A real bot process is killed with SIGKILL the
 * moment the loopback Discord accepts one of its digest messages (whether the reply reached the bot is left to
 * chance), 25 times at a random message each time, and restarted after the loopback's nonce window (50 ms here,
 * a few minutes on Discord) has passed, so the nonce cannot save a resend. Recovery must learn from the channel
 * which parts Discord already has: 0 duplicates, 0 lost, and every run's message ids exactly the posted ones.
 * The kills run in two independent chains (a database and a server each) side by side, to keep the test short.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackDiscord, type LoopbackDiscord, type LoopbackMessage } from '@dispatch/loopback-discord';
import {
  addArticles,
  auditRuns,
  botEnv,
  sharedDatabase,
  spawnBot,
  subscribeDue,
} from './digest-processes.ts';

const KILLS = [13, 12];
const NONCE_WINDOW_MS = 50;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A seeded random number generator, so a failure can be replayed with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One chain: a bot on its own database and server, killed `kills` times, then left to finish. */
async function chain(discord: LoopbackDiscord, kills: number, next: () => number) {
  const db = await sharedDatabase();
  cleanups.push(() => db.cleanup());
  const guild = discord.state.createGuild({ name: 'Crash' });
  const channels = Array.from({ length: kills + 1 }, (_, i) =>
    discord.state.createChannel(guild.id, { name: `digest-${i}` }),
  );
  const ours = new Set(channels.map((c) => c.id));
  // Every run reports what arrived since an hour ago: articles enough for two or three messages each.
  const since = new Date(Date.now() - 3_600_000);
  addArticles(db.store, 40, new Date(since.getTime() + 60_000));
  const env = botEnv(discord, db.dbPath, db.articlesDir);
  let killedAt = 0;
  let recoveryReads = 0;
  let resumed = 0;
  for (let life = 0; ; life += 1) {
    // A new subscription due now each life, besides what earlier lives left to finish.
    subscribeDue(db.store, guild.id, [channels[life]!.id], since);
    // The loopback forgets a nonce NONCE_WINDOW_MS after it saw it (real time): restart only past that, so the
    // nonce cannot stop a resend and only reading the channel can.
    // (A timer may fire a millisecond early against Date.now(), so check again until it has passed.)
    while (Date.now() - killedAt <= NONCE_WINDOW_MS) {
      const rest = Math.max(1, killedAt + NONCE_WINDOW_MS + 1 - Date.now());
      await new Promise((resolve) => setTimeout(resolve, rest));
    }
    expect(Date.now() - killedAt).toBeGreaterThan(NONCE_WINDOW_MS);
    const bot = spawnBot(env);
    cleanups.push(() => void bot.child.kill('SIGKILL'));
    if (life === kills) {
      // The last life finishes everything: no run left recorded, every subscription delivered.
      await bot.until(
        () =>
          db.store.digestRuns.pending().length === 0 &&
          db.store.subscriptions.byGuild(guild.id).every((s) => s.lastDeliveryAt !== null),
      );
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      recoveryReads += bot.count('recovery read the channel');
      resumed += bot.count('resuming digest');
      break;
    }
    const killAfter = 1 + Math.floor(next() * 3);
    let accepted = 0;
    const onMessage = (message: LoopbackMessage) => {
      if (!ours.has(message.channel_id) || (accepted += 1) !== killAfter) return;
      bot.child.kill('SIGKILL');
      killedAt = Date.now();
    };
    discord.on('message', onMessage);
    const { signal } = await bot.exited;
    discord.off('message', onMessage);
    expect(signal).toBe('SIGKILL');
    recoveryReads += bot.count('recovery read the channel');
    resumed += bot.count('resuming digest');
  }
  const messages = channels.flatMap((c) => discord.channelMessages(c.id));
  return { ...auditRuns(db.store, guild.id, messages), recoveryReads, resumed };
}

describe('a bot killed right after Discord accepted a digest message, restarted after the nonce window', () => {
  it('posts every digest part exactly once over 25 kills at random messages, reading the channel to recover', async () => {
    const seed = Date.now() % 100_000;
    const next = random(seed);
    const discord = await startLoopbackDiscord({ heartbeatIntervalMs: 500, nonceWindowMs: NONCE_WINDOW_MS });
    cleanups.push(() => discord.close());
    const started = Date.now();
    const results = await Promise.all(KILLS.map((kills) => chain(discord, kills, next)));
    const total = (key: keyof (typeof results)[number]) => results.reduce((n, r) => n + r[key], 0);
    process.stdout.write(
      `crash test (seed ${seed}): ${KILLS.reduce((a, b) => a + b)} kills in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
        `${total('runs')} runs (${total('sent')} sent), ${total('posted')} messages; ${total('duplicates')} duplicates, ` +
        `${total('lost')} lost, ${total('idMismatches')} id mismatches; runs resumed ${total('resumed')}, ` +
        `recovery read the channel ${total('recoveryReads')} times, nonce deduplications ` +
        `${discord.stats.nonceDeduplicated}\n`,
    );
    for (const result of results) {
      expect(result).toMatchObject({ duplicates: 0, lost: 0, idMismatches: 0, unfinished: 0 });
    }
    expect(total('sent')).toBeGreaterThanOrEqual(27);
    expect(total('recoveryReads')).toBeGreaterThan(0);
    expect(discord.violations).toEqual([]);
  }, 600_000);
});
