import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startScheduler, type CronBackend } from '../../src/scheduler/index.ts';
import {
  FakeDiscord,
  fakeSleep,
  secondArticle,
  seedStory,
  subscribe,
  testCtx,
  textOf,
} from '../support/digest.ts';

/** A cron backend that only records what is registered and lets the test fire a trigger by hand. */
function fakeCron() {
  const tasks = new Map<
    string,
    { expression: string; timezone: string | undefined; fire: () => Promise<void>; destroyed: boolean }
  >();
  const backend: CronBackend = {
    schedule(expression, fn, options) {
      const task = { expression, timezone: options.timezone, fire: fn, destroyed: false };
      tasks.set(options.name!, task);
      return { destroy: () => void (task.destroyed = true) };
    },
  };
  const live = () => new Map([...tasks].filter(([, t]) => !t.destroyed));
  return { backend, live };
}

describe('the scheduler', () => {
  it('registers one job per active subscription in its timezone, plus the rescan, and follows every change', async () => {
    const { ctx } = testCtx();
    seedStory(ctx);
    const a = subscribe(ctx, { timezone: 'Europe/Berlin' });
    const b = subscribe(ctx, {
      channelId: '200000000000000002',
      cron: '0 * * * *',
      timezone: 'America/New_York',
    });
    const cron = fakeCron();
    const { sleep } = fakeSleep();
    const scheduler = startScheduler(ctx, { sender: new FakeDiscord(), sleep, cron: cron.backend });
    await scheduler.ready;
    expect([...cron.live().keys()].sort()).toEqual([`digest:${a.id}`, `digest:${b.id}`, 'recover', 'rescan']);
    expect(cron.live().get(`digest:${a.id}`)).toMatchObject({
      expression: '0 9 * * *',
      timezone: 'Europe/Berlin',
    });
    expect(cron.live().get('rescan')!.expression).toBe('*/30 * * * * *');

    ctx.store.subscriptions.pause(a.id, null, ctx.clock.now());
    ctx.store.subscriptions.update(
      b.id,
      { ...b, schedule: 'daily 18:00', cron: '0 18 * * *' },
      ctx.clock.now(),
    );
    const c = subscribe(ctx, { channelId: '200000000000000003', timezone: 'Asia/Tokyo' });
    scheduler.reload();
    expect([...cron.live().keys()].sort()).toEqual([`digest:${b.id}`, `digest:${c.id}`, 'recover', 'rescan']);
    expect(cron.live().get(`digest:${b.id}`)!.expression).toBe('0 18 * * *');

    await scheduler.stop();
    expect(cron.live().size).toBe(0);
  });

  it('posts when a subscription job is triggered at its time, through the registered plain function', async () => {
    const { ctx, clock } = testCtx('2026-03-01T08:00:00.000Z');
    seedStory(ctx);
    const subscription = subscribe(ctx);
    clock.advance(60_000);
    secondArticle(ctx);
    const discord = new FakeDiscord();
    const cron = fakeCron();
    const scheduler = startScheduler(ctx, { sender: discord, cron: cron.backend, rescan: false });
    await scheduler.ready;
    clock.set('2026-03-01T09:00:00.000Z');
    await cron.live().get(`digest:${subscription.id}`)!.fire();
    expect(discord.posted).toHaveLength(1);
    await scheduler.stop();
  });

  it('resumes unsent runs and catches up missed ones at start, before the triggers run', async () => {
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

  it('resumes a run left unsent while the bot keeps running within a minute, and posts it once', async () => {
    const { ctx, clock } = testCtx('2026-03-01T08:00:00.000Z');
    seedStory(ctx);
    const subscription = subscribe(ctx);
    clock.advance(60_000);
    secondArticle(ctx);
    const discord = new FakeDiscord();
    const cron = fakeCron();
    let failures = 1;
    const hooks = {
      afterRecord() {
        if (failures-- > 0) throw new Error('disk full');
      },
    };
    const scheduler = startScheduler(ctx, { sender: discord, cron: cron.backend, rescan: false, hooks });
    await scheduler.ready;
    clock.set('2026-03-01T09:00:00.000Z');
    await cron.live().get(`digest:${subscription.id}`)!.fire();
    expect(discord.posted).toHaveLength(0);
    expect(ctx.store.digestRuns.pending().map((run) => run.state)).toEqual(['recorded']);

    clock.advance(60_000);
    await cron.live().get('recover')!.fire();
    expect(discord.posted).toHaveLength(1);
    expect(ctx.store.digestRuns.pending()).toEqual([]);
    await cron.live().get('recover')!.fire();
    await cron.live().get(`digest:${subscription.id}`)!.fire();
    expect(discord.posted).toHaveLength(1);
    expect(cron.live().get('recover')!.expression).toBe('* * * * *');
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

  it('sends now on request without waiting for the schedule, and says so even when nothing is new', async () => {
    const { ctx } = testCtx('2026-03-01T08:00:00.000Z');
    seedStory(ctx);
    const subscription = subscribe(ctx);
    const discord = new FakeDiscord();
    const scheduler = startScheduler(ctx, { sender: discord, cron: fakeCron().backend, rescan: false });
    await scheduler.ready;
    const outcome = await scheduler.sendNow(subscription.id);
    expect(outcome.status).toBe('sent');
    expect(textOf(discord.posted)).toContain('Nothing new since');
    expect(ctx.store.digestRuns.bySubscription(subscription.id)[0]).toMatchObject({
      kind: 'manual',
      state: 'sent',
    });
    await scheduler.stop();
  });
});
