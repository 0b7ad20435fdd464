/**
 * One scheduler per database (issue 11, item 7): two real bot processes on one database file. The first to
 * start holds the scheduler lease and is the only one that posts digests and ingests ARTICLES_DIR; the other
 * serves commands only. The holder is killed with SIGKILL in the middle of delivering; the other takes over
 * once the lease expires, finishes what was in flight by reading the channel, and goes on. Every run is
 * posted once with exact `message_ids`, every article file is stored once, and neither process logs an error.
 */
import { startLoopbackDiscord, type LoopbackMessage } from '@dispatch/loopback-discord';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addArticles,
  auditRuns,
  botEnv,
  sharedDatabase,
  spawnBot,
  subscribeDue,
} from './digest-processes.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An article file for ARTICLES_DIR. */
function article(dir: string, name: string): void {
  writeFileSync(
    join(dir, `${name}.txt`),
    `---\ntitle: "${name}, Russian jets leave Hmeimim"\nstory: russia-syria-withdrawal\npublished: 2016-03-16\n---\n\nThe group of jets called ${name} left the base on Wednesday.\n`,
  );
}

describe('two bot processes on one database', () => {
  it('one schedules and ingests; after a kill -9 the other takes over; each run posted once, no ingest errors', async () => {
    const discord = await startLoopbackDiscord({ nonceWindowMs: 50 });
    cleanups.push(() => discord.close());
    const db = await sharedDatabase();
    cleanups.push(() => db.cleanup());
    const guild = discord.state.createGuild({ name: 'Two processes' });
    const channels = Array.from({ length: 16 }, (_, i) =>
      discord.state.createChannel(guild.id, { name: `digest-${i}` }),
    );
    const since = new Date(Date.now() - 3_600_000);
    addArticles(db.store, 30, new Date(since.getTime() + 60_000));
    const env = botEnv(discord, db.dbPath, db.articlesDir);

    const first = spawnBot(env);
    cleanups.push(() => void first.child.kill('SIGKILL'));
    await first.ready;
    const second = spawnBot(env);
    cleanups.push(() => void second.child.kill('SIGKILL'));
    await second.ready;
    expect(
      second.count('another process is the scheduler and ingester; serving commands, ready to take over'),
    ).toBe(1);
    // The second is frozen (SIGSTOP) until the first is killed, so it takes over after the crash and not earlier:
    // on a loaded machine the first may stall past its 2-second lease, and a takeover then, while its runs are
    // still its own, would leave this test nothing in flight to recover. Discord's own heartbeat interval
    // (the default here) bears the silence.
    second.child.kill('SIGSTOP');

    // While the first leads: eight digests due, and three new article files.
    const stored = () => db.store.articles.stats().count;
    const before = stored();
    for (let i = 0; i < 3; i += 1) article(db.articlesDir, `first-${i}`);
    subscribeDue(
      db.store,
      guild.id,
      channels.slice(0, 8).map((c) => c.id),
      since,
    );
    await first.until(() => stored() === before + 3);
    // Kill it in the middle of the next batch: right after Discord accepted the third of its messages.
    const ours = new Set(channels.map((c) => c.id));
    let accepted = 0;
    const killAtThird = (message: LoopbackMessage) => {
      if (ours.has(message.channel_id) && (accepted += 1) === 3) first.child.kill('SIGKILL');
    };
    discord.on('message', killAtThird);
    subscribeDue(
      db.store,
      guild.id,
      channels.slice(8, 12).map((c) => c.id),
      since,
    );
    await first.exited;
    discord.off('message', killAtThird);
    second.child.kill('SIGCONT');

    // The second takes over when the lease expires, finishes the runs in flight and goes on.
    await second.until(() => second.count('this process is the scheduler') > 0);
    for (let i = 0; i < 3; i += 1) article(db.articlesDir, `second-${i}`);
    subscribeDue(
      db.store,
      guild.id,
      channels.slice(12).map((c) => c.id),
      since,
    );
    await second.until(
      () =>
        db.store.digestRuns.pending().length === 0 &&
        db.store.subscriptions.byGuild(guild.id).every((s) => s.lastDeliveryAt !== null) &&
        stored() === before + 6,
    );
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    const messages = channels.flatMap((c) => discord.channelMessages(c.id));
    const audit = auditRuns(db.store, guild.id, messages);
    const errors = [...first.logs, ...second.logs].filter((l) => (l.level ?? 0) >= 50);
    process.stdout.write(
      `two processes: ${audit.runs} runs (${audit.sent} sent), ${audit.posted} messages; ${audit.duplicates} duplicates, ` +
        `${audit.lost} lost, ${audit.idMismatches} id mismatches; recovery read the channel ` +
        `${second.count('recovery read the channel')} times after the takeover; ${errors.length} errors logged\n`,
    );
    expect(audit).toMatchObject({ duplicates: 0, lost: 0, idMismatches: 0, unfinished: 0 });
    expect(audit.sent).toBeGreaterThanOrEqual(16);
    expect(errors).toEqual([]);
    // Only the scheduler ingested: the first stored the first three files, the second never scanned before it
    // took over, and each file is stored once.
    const rescans = (bot: typeof first) => bot.logs.filter((l) => String(l.msg).startsWith('rescanned'));
    expect(rescans(first).length).toBeGreaterThan(0);
    const tookOver = second.logs.findIndex((l) => l.msg === 'this process is the scheduler');
    expect(second.logs.slice(0, tookOver).filter((l) => String(l.msg).startsWith('rescanned'))).toEqual([]);
    expect(stored()).toBe(before + 6);
    expect(second.count('recovery read the channel')).toBeGreaterThan(0);
    expect(discord.violations).toEqual([]);
  }, 300_000);
});
