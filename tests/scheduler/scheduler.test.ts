import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextRun } from '../../src/digest/schedule.ts';
import { openStore } from '../../src/store/index.ts';
import { startScheduler, tickExpression, type CronBackend } from '../../src/scheduler/index.ts';
import { FakeDiscord, secondArticle, seedStory, subscribe, testCtx, textOf } from '../support/digest.ts';
import { withCrashPoints } from '../support/crash.ts';

/** A cron backend that only records what is registered and lets the test fire a trigger by hand. */
function fakeCron() {
  const tasks: { expression: string; fire: () => void; destroyed: boolean }[] = [];
  const backend: CronBackend = {
    schedule(expression, fn) {
      const task = { expression, fire: fn, destroyed: false };
      tasks.push(task);
      return { destroy: () => void (task.destroyed = true) };
    },
  };
  return { backend, live: () => tasks.filter((t) => !t.destroyed) };
}

describe('the scheduler', () => {
  it('registers one node-cron task, the tick, a third of the lease apart, and runs no per-subscription job', async () => {
    const { ctx } = testCtx();
    seedStory(ctx);
    subscribe(ctx, { timezone: 'Europe/Berlin' });
    subscribe(ctx, { channelId: '200000000000000002', cron: '0 * * * *', timezone: 'America/New_York' });
    const cron = fakeCron();
    const scheduler = startScheduler(ctx, {
      sender: new FakeDiscord(),
      cron: cron.backend,
    });
    await scheduler.ready;
    expect(cron.live().map((t) => t.expression)).toEqual(['*/10 * * * * *']);
    expect(tickExpression(2)).toBe('*/2 * * * * *');
    expect(tickExpression(300)).toBe('0 * * * * *');
    await scheduler.stop();
    expect(cron.live()).toEqual([]);
  });

  it('runs what is due by next_run_at: a /config change only writes the row, and the next tick follows it', async () => {
    const { ctx, clock } = testCtx('2026-03-01T08:00:00.000Z');
    seedStory(ctx);
    const subscription = subscribe(ctx, { quiet: false });
    expect(subscription.nextRunAt).toBe('2026-03-01T09:00:00.000Z');
    const discord = new FakeDiscord();
    const scheduler = startScheduler(ctx, { sender: discord, cron: fakeCron().backend, rescan: false });
    await scheduler.ready;
    clock.set('2026-03-01T08:59:50.000Z');
    await scheduler.tick();
    expect(discord.posted).toHaveLength(0);
    clock.set('2026-03-01T09:00:00.000Z');
    await scheduler.tick();
    expect(discord.posted).toHaveLength(1);
    expect(ctx.store.subscriptions.byId(subscription.id)!.nextRunAt).toBe('2026-03-02T09:00:00.000Z');

    // Rescheduled to 18:00 the same day, as /config digest set does: no reload, the row is the schedule.
    const now = clock.now();
    ctx.store.subscriptions.update(
      subscription.id,
      {
        ...subscription,
        schedule: 'daily 18:00',
        cron: '0 18 * * *',
        nextRunAt: nextRun('0 18 * * *', 'UTC', now),
      },
      now,
    );
    clock.set('2026-03-01T18:00:00.000Z');
    await scheduler.tick();
    expect(discord.posted).toHaveLength(2);
    ctx.store.subscriptions.pause(subscription.id, null, clock.now());
    clock.set('2026-03-02T18:00:00.000Z');
    await scheduler.tick();
    expect(discord.posted).toHaveLength(2);
    await scheduler.stop();
  });

  it('resumes unsent runs and catches up missed ones in its first tick', async () => {
    const { ctx, clock } = testCtx('2026-03-01T08:00:00.000Z');
    seedStory(ctx);
    subscribe(ctx);
    clock.advance(60_000);
    secondArticle(ctx);
    clock.set('2026-03-01T10:30:00.000Z');
    const discord = new FakeDiscord();
    const scheduler = startScheduler(ctx, { sender: discord, cron: fakeCron().backend, rescan: false });
    await scheduler.ready;
    expect(discord.posted).toHaveLength(1);
    await scheduler.tick();
    expect(discord.posted).toHaveLength(1);
    await scheduler.stop();
  });

  it('resumes a run left unsent while the bot keeps running at the next tick, and posts it once', async () => {
    const { ctx, clock } = testCtx('2026-03-01T08:00:00.000Z');
    seedStory(ctx);
    subscribe(ctx);
    clock.advance(60_000);
    secondArticle(ctx);
    const discord = new FakeDiscord();
    // The store fails once, right after Discord accepted the digest: the run stops before it is marked sent.
    let failures = 1;
    const failing = withCrashPoints(ctx.store, {
      afterAccepted() {
        if (failures-- > 0) throw new Error('disk full');
      },
    });
    const scheduler = startScheduler(
      { ...ctx, store: failing },
      { sender: discord, cron: fakeCron().backend, rescan: false },
    );
    await scheduler.ready;
    clock.set('2026-03-01T09:00:00.000Z');
    await scheduler.tick();
    expect(discord.posted).toHaveLength(1);
    expect(ctx.store.digestRuns.pending().map((run) => [run.state, run.owner])).toEqual([['recorded', null]]);

    clock.advance(10_000);
    await scheduler.tick();
    expect(discord.posted).toHaveLength(1);
    expect(ctx.store.digestRuns.pending()).toEqual([]);
    await scheduler.tick();
    expect(discord.posted).toHaveLength(1);
    await scheduler.stop();
  });

  it('rescans ARTICLES_DIR so a new file is in the next digest', async () => {
    const { ctx, clock } = testCtx('2026-03-01T08:00:00.000Z');
    seedStory(ctx);
    subscribe(ctx);
    const discord = new FakeDiscord();
    const scheduler = startScheduler(ctx, { sender: discord, cron: fakeCron().backend });
    await scheduler.ready;
    mkdirSync(ctx.config.ARTICLES_DIR, { recursive: true });
    clock.advance(60_000);
    writeFileSync(
      join(ctx.config.ARTICLES_DIR, 'second.txt'),
      '---\ntitle: Last Russian jets leave Hmeimim\nstory: russia-syria-withdrawal\npublished: 2016-03-16\n---\n\nThe last group of jets left the base.\n',
    );
    await scheduler.rescan();
    clock.set('2026-03-01T09:00:00.000Z');
    await scheduler.tick();
    expect(textOf(discord.posted)).toContain('Last Russian jets leave Hmeimim');
    await scheduler.stop();
  });

  it('runs a periodic job (the rescan here) once per its interval, however often the tick comes', async () => {
    const { ctx, clock } = testCtx('2026-03-01T08:00:00.000Z', { RESCAN_INTERVAL_SECONDS: 60 });
    const calls: string[] = [];
    const scheduler = startScheduler(ctx, {
      sender: new FakeDiscord(),
      cron: fakeCron().backend,
      rescanJob: async (c) => void calls.push(c.clock.now().toISOString()),
    });
    await scheduler.ready;
    for (let i = 0; i < 12; i += 1) {
      clock.advance(10_000);
      await scheduler.tick();
    }
    expect(calls).toEqual([
      '2026-03-01T08:00:00.000Z',
      '2026-03-01T08:01:00.000Z',
      '2026-03-01T08:02:00.000Z',
    ]);
    await scheduler.stop();
  });

  it('lets one process of two on the same database schedule; the other takes over when its lease expires', async () => {
    const { ctx, clock, dbPath } = testCtx('2026-03-01T08:00:00.000Z', { SCHEDULER_LEASE_SECONDS: 30 });
    seedStory(ctx);
    subscribe(ctx, { quiet: false });
    const first = ctx;
    const other = { ...ctx, store: openStore(dbPath), instanceId: 'second-process' };
    const discord = new FakeDiscord();
    const a = startScheduler(first, { sender: discord, cron: fakeCron().backend, rescan: false });
    const b = startScheduler(other, { sender: discord, cron: fakeCron().backend, rescan: false });
    await Promise.all([a.ready, b.ready]);
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    clock.set('2026-03-01T09:00:00.000Z');
    await Promise.all([a.tick(), b.tick()]);
    expect(discord.posted).toHaveLength(1);

    // The first process stops renewing (it hangs or was killed): within the lease, the second waits.
    clock.advance(29_000);
    await b.tick();
    expect(b.isLeader()).toBe(false);
    clock.advance(1_000);
    await b.tick();
    expect(b.isLeader()).toBe(true);
    // The first notices at its next tick that it lost the lease, and runs nothing more.
    await a.tick();
    expect(a.isLeader()).toBe(false);
    clock.set('2026-03-02T09:00:00.000Z');
    await Promise.all([a.tick(), b.tick()]);
    expect(discord.posted).toHaveLength(2);
    await Promise.all([a.stop(), b.stop()]);
    other.store.close();
  });

  it('gives the lease up on a clean stop, so another process takes over at its next tick', async () => {
    const { ctx, dbPath } = testCtx('2026-03-01T08:00:00.000Z');
    const first = ctx;
    const other = { ...ctx, store: openStore(dbPath), instanceId: 'second-process' };
    const a = startScheduler(first, { sender: new FakeDiscord(), cron: fakeCron().backend, rescan: false });
    const b = startScheduler(other, { sender: new FakeDiscord(), cron: fakeCron().backend, rescan: false });
    await Promise.all([a.ready, b.ready]);
    expect(b.isLeader()).toBe(false);
    await a.stop();
    await b.tick();
    expect(b.isLeader()).toBe(true);
    await b.stop();
    other.store.close();
  });
});
