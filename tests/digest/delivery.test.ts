import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/bot/context.ts';
import { classifyError, partNonce, runNonce, type DigestSender } from '../../src/digest/deliver.ts';
import { digestJobDeps, recoverRuns, runDueDigests, runSubscription } from '../../src/digest/jobs.ts';
import { nextRun } from '../../src/digest/schedule.ts';
import {
  addArticle,
  apiError,
  droppedConnection,
  FakeDiscord,
  httpError,
  reopen,
  secondArticle,
  seedStory,
  subscribe,
  testCtx,
  textOf,
} from '../support/digest.ts';
import { openStore } from '../../src/store/index.ts';
import { digestRuns } from '../support/sqlite.ts';
import type { ManualClock } from '../support/clock.ts';
import { Crash, withCrashPoints, type CrashPoints } from '../support/crash.ts';

const HOUR = 3_600_000;

/** A process: the job dependencies over a context, its store with crash points when given. */
function boot(
  ctx: Ctx,
  discord: DigestSender,
  crash?: CrashPoints,
  canReadHistory?: (channelId: string) => boolean,
) {
  return {
    deps: digestJobDeps({
      ctx: crash ? { ...ctx, store: withCrashPoints(ctx.store, crash) } : ctx,
      sender: discord,
      ...(canReadHistory ? { canReadHistory } : {}),
    }),
    // The retries' waits, asked of the test's manual clock.
    delays: (ctx.clock as ManualClock).slept,
  };
}

/** A subscription at 09:00 UTC daily, set up the day before, with a second article waiting. */
function setup() {
  const env = testCtx('2026-03-01T08:00:00.000Z');
  seedStory(env.ctx);
  const subscription = subscribe(env.ctx);
  env.clock.advance(HOUR / 2);
  secondArticle(env.ctx);
  return { ...env, subscription, discord: new FakeDiscord() };
}

describe('digest delivery', () => {
  it('records the run before sending it, with a nonce derived from the subscription and the scheduled time', async () => {
    const { ctx, clock, subscription, discord } = setup();
    let seen: unknown;
    const { deps } = boot(ctx, discord, {
      afterRecord: (run) => {
        seen = { state: run.state, posted: discord.posted.length };
      },
    });
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(deps);
    expect(seen).toEqual({ state: 'recorded', posted: 0 });
    const run = ctx.store.digestRuns.byOccurrence(subscription.id, '2026-03-01T09:00:00.000Z')!;
    expect(run).toMatchObject({ state: 'sent', messageId: discord.posted[0]!.id });
    expect(run.nonce).toBe(runNonce(subscription.id, '2026-03-01T09:00:00.000Z'));
    expect(discord.posted[0]!.nonce).toBe(partNonce(run.nonce, 0));
    expect(discord.posted[0]!.nonce!.length).toBeLessThanOrEqual(25);
    expect(discord.posted[0]!.body.enforce_nonce).toBe(true);
    expect(ctx.store.subscriptions.byId(subscription.id)).toMatchObject({
      lastMessageId: discord.posted[0]!.id,
      digestSince: run.contentUntil,
    });
  });

  it('posts nothing before the scheduled minute and exactly once at and after it', async () => {
    const { ctx, clock, discord } = setup();
    const { deps } = boot(ctx, discord);
    clock.set('2026-03-01T08:59:59.999Z');
    await runDueDigests(deps);
    expect(discord.posted).toHaveLength(0);
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(deps);
    clock.set('2026-03-01T09:00:30.000Z');
    await runDueDigests(deps);
    await runSubscription(deps, 1);
    expect(discord.posted).toHaveLength(1);
    expect(textOf(discord.posted)).toContain('4,000 → **about 1,000**');
  });

  it('after a crash between "recorded" and "sent", a restart posts the digest exactly once', async () => {
    const { ctx, clock, dbPath, subscription, discord } = setup();
    const { deps } = boot(ctx, discord, {
      afterRecord: () => {
        throw new Crash('killed after recording');
      },
    });
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(deps);
    expect(discord.posted).toHaveLength(0);
    expect(ctx.store.digestRuns.pending()).toHaveLength(1);

    clock.advance(5 * 60_000);
    const restarted = boot(reopen(ctx, dbPath), discord);
    await recoverRuns(restarted.deps);
    await runDueDigests(restarted.deps);
    expect(discord.posted).toHaveLength(1);
    const store = restarted.deps.ctx.store;
    expect(store.digestRuns.pending()).toHaveLength(0);
    expect(store.digestRuns.byOccurrence(subscription.id, '2026-03-01T09:00:00.000Z')).toMatchObject({
      state: 'sent',
    });
  });

  it('a briefing (a subscription’s first digest) is delivered exactly once across a crash after Discord accepted it, and the next digest carries only news', async () => {
    const env = testCtx('2026-03-01T08:00:00.000Z');
    const { ctx, clock, dbPath } = env;
    seedStory(ctx);
    const subscription = subscribe(ctx, { briefed: false });
    const discord = new FakeDiscord();
    const { deps } = boot(ctx, discord, {
      afterAccepted: () => {
        throw new Crash('killed after Discord accepted the briefing');
      },
    });
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(deps);
    expect(discord.posted).toHaveLength(1);
    expect(textOf(discord.posted)).toContain('Briefing: ');

    // News arrives while the bot is down; recovery composes the same briefing (up to its window) and finds it in
    // the channel, so nothing is posted twice and the news waits for the next digest.
    discord.nonceExpired = true;
    clock.advance(HOUR);
    const restarted = boot(reopen(ctx, dbPath), discord);
    secondArticle(restarted.deps.ctx);
    await recoverRuns(restarted.deps);
    expect(discord.posted).toHaveLength(1);
    const store = restarted.deps.ctx.store;
    expect(store.digestRuns.byOccurrence(subscription.id, '2026-03-01T09:00:00.000Z')).toMatchObject({
      state: 'sent',
      messageIds: [discord.posted[0]!.id],
    });
    expect(store.subscriptions.byId(subscription.id)!.lastDeliveryAt).not.toBeNull();

    clock.set('2026-03-02T09:00:00.000Z');
    await runDueDigests(restarted.deps);
    expect(discord.posted).toHaveLength(2);
    const next = textOf([discord.posted[1]!]);
    expect(next).toContain('Digest: ');
    expect(next).toContain('What is new since');
    expect(next).not.toContain('Briefing: ');
  });

  it('after a crash between Discord accepting and the store knowing, recovery finds the message in the channel long after the nonce expired', async () => {
    const { ctx, clock, dbPath, subscription, discord } = setup();
    const { deps } = boot(ctx, discord, {
      afterAccepted: () => {
        throw new Crash('killed after Discord accepted');
      },
    });
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(deps);
    expect(discord.posted).toHaveLength(1);
    expect(ctx.store.digestRuns.pending()).toHaveLength(1);

    // Down for a day: Discord forgot the nonce long ago.
    discord.nonceExpired = true;
    clock.advance(24 * HOUR);
    const restarted = boot(reopen(ctx, dbPath), discord);
    await recoverRuns(restarted.deps);
    await runDueDigests(restarted.deps);
    expect(discord.historyReads).toBe(1);
    expect(discord.requests).toHaveLength(1);
    expect(discord.posted).toHaveLength(1);
    const run = restarted.deps.ctx.store.digestRuns.byOccurrence(
      subscription.id,
      '2026-03-01T09:00:00.000Z',
    )!;
    expect(run).toMatchObject({ state: 'sent', messageIds: [discord.posted[0]!.id] });
    expect(discord.markers()).toEqual([partNonce(run.nonce, 0)]);
  });

  it('resends only the parts of a long digest that the channel does not have, each once', async () => {
    const { ctx, clock, dbPath, subscription, discord } = setup();
    for (let i = 0; i < 60; i += 1)
      addArticle(ctx, { title: `Report ${i}: ${'a long headline '.repeat(12)}` });
    let accepted = 0;
    const { deps } = boot(ctx, discord, {
      afterAccepted: () => {
        accepted += 1;
        if (accepted === 2) throw new Crash('killed after the second part was accepted');
      },
    });
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(deps);
    const before = ctx.store.digestRuns.pending()[0]!;
    expect(before.messageIds).toHaveLength(1);
    expect(discord.posted).toHaveLength(2);

    discord.nonceExpired = true;
    clock.advance(HOUR);
    const restarted = boot(reopen(ctx, dbPath), discord);
    await recoverRuns(restarted.deps);
    const run = restarted.deps.ctx.store.digestRuns.byOccurrence(
      subscription.id,
      '2026-03-01T09:00:00.000Z',
    )!;
    expect(run.state).toBe('sent');
    expect(run.messageIds.length).toBeGreaterThanOrEqual(3);
    expect(run.messageIds).toEqual(discord.posted.map((m) => m.id));
    expect(discord.markers()).toEqual(run.messageIds.map((_, part) => partNonce(run.nonce, part)));
  });

  it('falls back to the nonce where it may not read the channel history', async () => {
    const { ctx, clock, dbPath, subscription, discord } = setup();
    const { deps } = boot(ctx, discord, {
      afterAccepted: () => {
        throw new Crash('killed after Discord accepted');
      },
    });
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(deps);
    discord.historyHidden.add(subscription.channelId);
    clock.advance(60_000);
    const restarted = boot(reopen(ctx, dbPath), discord, undefined, () => false);
    await recoverRuns(restarted.deps);
    expect(discord.historyReads).toBe(0);
    expect(discord.requests).toHaveLength(2);
    expect(discord.requests[1]!.nonce).toBe(discord.requests[0]!.nonce);
    expect(discord.posted).toHaveLength(1);
    expect(
      restarted.deps.ctx.store.digestRuns.byOccurrence(subscription.id, '2026-03-01T09:00:00.000Z'),
    ).toMatchObject({ state: 'sent', messageId: discord.posted[0]!.id });
  });

  it('after a crash once "sent" is stored, a restart posts nothing more', async () => {
    const { ctx, clock, dbPath, discord } = setup();
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(boot(ctx, discord).deps);
    clock.advance(60_000);
    const restarted = boot(reopen(ctx, dbPath), discord);
    await recoverRuns(restarted.deps);
    await runDueDigests(restarted.deps);
    expect(discord.requests).toHaveLength(1);
  });

  it('catches up a run missed while offline once, when it is less than DIGEST_CATCHUP_HOURS old', async () => {
    const { ctx, clock, subscription, discord } = setup();
    clock.set('2026-03-01T12:00:00.000Z');
    const { deps } = boot(ctx, discord);
    await recoverRuns(deps);
    await runDueDigests(deps);
    await runDueDigests(deps);
    expect(discord.posted).toHaveLength(1);
    expect(ctx.store.digestRuns.byOccurrence(subscription.id, '2026-03-01T09:00:00.000Z')!.state).toBe(
      'sent',
    );
  });

  it('records runs missed longer ago than DIGEST_CATCHUP_HOURS as skipped, and posts the latest recent one once', async () => {
    const { ctx, clock, subscription, discord } = setup();
    ctx.store.subscriptions.update(
      subscription.id,
      {
        ...subscription,
        schedule: 'hourly',
        cron: '0 * * * *',
        nextRunAt: nextRun('0 * * * *', 'UTC', new Date('2026-03-01T08:30:00.000Z')),
      },
      new Date('2026-03-01T08:30:00.000Z'),
    );
    clock.set('2026-03-01T18:30:00.000Z');
    const { deps } = boot(ctx, discord);
    await runDueDigests(deps);
    const runs = digestRuns(ctx.store, subscription.id, 50);
    expect(runs).toHaveLength(10);
    expect(runs.filter((r) => r.state === 'sent').map((r) => r.scheduledFor)).toEqual([
      '2026-03-01T18:00:00.000Z',
    ]);
    const old = runs.find((r) => r.scheduledFor === '2026-03-01T09:00:00.000Z')!;
    expect(old).toMatchObject({ state: 'skipped' });
    expect(old.error).toContain('more than 6 h ago');
    expect(discord.posted).toHaveLength(1);
  });

  it('skips a missed run entirely when even the latest is older than DIGEST_CATCHUP_HOURS', async () => {
    const { ctx, clock, subscription, discord } = setup();
    clock.set('2026-03-01T16:00:00.000Z');
    await runDueDigests(boot(ctx, discord).deps);
    expect(discord.posted).toHaveLength(0);
    expect(ctx.store.digestRuns.byOccurrence(subscription.id, '2026-03-01T09:00:00.000Z')).toMatchObject({
      state: 'skipped',
    });
    // What it would have carried is not lost: the next digest reports it.
    clock.set('2026-03-02T09:00:00.000Z');
    await runDueDigests(boot(ctx, discord).deps);
    expect(textOf(discord.posted)).toContain('About 1,000 Russian troops to stay in Syria');
  });

  it('retries a dropped connection, which @discordjs/rest does not, with backoff, then posts once', async () => {
    const { ctx, clock, discord } = setup();
    discord.failWith(droppedConnection(), droppedConnection(), droppedConnection());
    const { deps, delays } = boot(ctx, discord);
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(deps);
    expect(discord.requests).toHaveLength(4);
    expect(delays).toEqual([2000, 4000, 8000]);
    expect(discord.posted).toHaveLength(1);
    expect(digestRuns(ctx.store, 1)[0]).toMatchObject({ state: 'sent', attempts: 4 });
  });

  it('does not retry a 5xx or 429 again, since @discordjs/rest already did: the run fails, unpaused, at once', async () => {
    for (const error of [httpError(502), apiError(0, 429, 'You are being rate limited.')]) {
      const { ctx, clock, subscription, discord } = setup();
      discord.failWith(error);
      const { deps, delays } = boot(ctx, discord);
      clock.set('2026-03-01T09:00:00.000Z');
      await runDueDigests(deps);
      expect(discord.requests).toHaveLength(1);
      expect(delays).toEqual([]);
      expect(ctx.store.subscriptions.byId(subscription.id)).toMatchObject({ paused: false });
      expect(digestRuns(ctx.store, subscription.id)[0]).toMatchObject({
        state: 'failed',
        attempts: 1,
      });
    }
  });

  it('gives up after the retries without pausing, and the next digest carries what this one would have', async () => {
    const { ctx, clock, subscription, discord } = setup();
    discord.failWith(droppedConnection(), droppedConnection(), droppedConnection(), droppedConnection());
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(boot(ctx, discord).deps);
    const failed = ctx.store.subscriptions.byId(subscription.id)!;
    expect(failed.paused).toBe(false);
    expect(failed.lastError).toContain('UND_ERR_SOCKET');
    expect(digestRuns(ctx.store, subscription.id)[0]).toMatchObject({
      state: 'failed',
      attempts: 4,
    });
    clock.set('2026-03-02T09:00:00.000Z');
    await runDueDigests(boot(ctx, discord).deps);
    expect(discord.posted).toHaveLength(1);
    expect(textOf(discord.posted)).toContain('About 1,000 Russian troops to stay in Syria');
    expect(ctx.store.subscriptions.byId(subscription.id)!.lastError).toBeNull();
  });

  it.each([
    [10003, 404, 'Unknown Channel', 'the channel no longer exists'],
    [50001, 403, 'Missing Access', 'Missing Access'],
    [50013, 403, 'Missing Permissions', 'Send Messages'],
    [10004, 404, 'Unknown Guild', 'no longer in this server'],
  ])(
    'pauses only the subscription whose channel answers %i, with the reason',
    async (code, status, message, reason) => {
      const { ctx, clock, subscription, discord } = setup();
      const other = subscribe(ctx, { channelId: '200000000000000002', quiet: false });
      discord.broken.set(subscription.channelId, apiError(code, status, message));
      clock.set('2026-03-01T09:00:00.000Z');
      await runDueDigests(boot(ctx, discord).deps);
      const paused = ctx.store.subscriptions.byId(subscription.id)!;
      expect(paused.paused).toBe(true);
      expect(paused.pauseReason).toContain(reason);
      expect(ctx.store.subscriptions.byId(other.id)!.paused).toBe(false);
      expect(discord.in('200000000000000002')).toHaveLength(1);
      expect(ctx.store.audit.byGuild(subscription.guildId)[0]).toMatchObject({
        actorId: 'dispatch',
        action: 'digest.auto-pause',
        after: { paused: true, pauseReason: paused.pauseReason },
      });
      // A paused subscription is not run again.
      clock.set('2026-03-02T09:00:00.000Z');
      await runDueDigests(boot(ctx, discord).deps);
      expect(discord.requests.filter((r) => r.channelId === subscription.channelId)).toHaveLength(1);
    },
  );

  it('fires in a non-UTC timezone at 09:00 local on both sides of a DST change', async () => {
    const { ctx, clock } = testCtx('2026-03-06T12:00:00.000Z');
    const sink = new FakeDiscord();
    seedStory(ctx);
    subscribe(ctx, { timezone: 'America/New_York', quiet: false });
    const { deps } = boot(ctx, sink);
    const fired: string[] = [];
    for (
      let t = new Date('2026-03-07T12:00:00.000Z').getTime();
      t <= new Date('2026-03-08T15:00:00.000Z').getTime();
      t += 15 * 60_000
    ) {
      clock.set(t);
      const before = sink.posted.length;
      await runDueDigests(deps);
      if (sink.posted.length > before) fired.push(clock.now().toISOString());
    }
    expect(fired).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z']);
  });

  it('a process that stalled past its lease stops sending a run another process took over, and each part is posted once', async () => {
    const { ctx, clock, dbPath, subscription, discord } = setup();
    for (let i = 0; i < 60; i += 1)
      addArticle(ctx, { title: `Report ${i}: ${'a long headline '.repeat(12)}` });
    // A second process on the same database file, with its own connection and instance.
    const other: Ctx = { ...ctx, store: openStore(dbPath), instanceId: 'other-process' };
    const leaseMs = ctx.config.SCHEDULER_LEASE_SECONDS * 1000;
    const { deps } = boot(ctx, discord, {
      // After Discord accepted the first part, this process stalls past its lease, and the other one takes the
      // run over (as its recovery does once the lease has expired) before this one sends the second part.
      afterAccepted: () => {
        if (discord.posted.length !== 1) return;
        clock.advance(leaseMs + 1000);
        const now = clock.now();
        other.store.leases.take(
          'instance:other-process',
          'other-process',
          now,
          new Date(now.getTime() + leaseMs),
        );
        expect(other.store.digestRuns.claim(1, 'other-process', now)).toBeDefined();
      },
    });
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(deps);
    expect(discord.posted).toHaveLength(1);
    expect(ctx.store.digestRuns.pending()[0]).toMatchObject({ owner: 'other-process', state: 'recorded' });

    // The other process finishes it from the channel once its own lease has gone, without the first part again.
    discord.nonceExpired = true;
    clock.advance(2 * leaseMs);
    await recoverRuns(boot(other, discord).deps);
    const run = other.store.digestRuns.byOccurrence(subscription.id, '2026-03-01T09:00:00.000Z')!;
    expect(run.state).toBe('sent');
    expect(run.messageIds.length).toBeGreaterThanOrEqual(3);
    expect(run.messageIds).toEqual(discord.posted.map((m) => m.id));
    expect(discord.markers()).toEqual(run.messageIds.map((_, part) => partNonce(run.nonce, part)));
    other.store.close();
  });

  it('never runs one subscription twice at once', async () => {
    const { ctx, clock, discord } = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The first run is held after it is recorded, before its message goes out.
    const held: DigestSender = {
      post: (route, options) => gate.then(() => discord.post(route, options)),
      get: (route, options) => discord.get(route, options),
    };
    const { deps } = boot(ctx, held);
    clock.set('2026-03-01T09:00:00.000Z');
    const first = runSubscription(deps, 1);
    const second = runDueDigests(deps);
    await second;
    release();
    await first;
    expect(discord.requests).toHaveLength(1);
  });

  it('waits at least the Retry-After of a 429, and while stopping gives up a wait past the deadline, leaving the run to recovery', async () => {
    const { ctx, clock, subscription, discord } = setup();
    const rateLimited = () =>
      Object.assign(new Error('rate limited'), { name: 'RateLimitError', retryAfter: 60_000 });
    discord.failWith(rateLimited());
    const delays = clock.slept;
    const running = digestJobDeps({ ctx, sender: discord });
    clock.set('2026-03-01T09:00:00.000Z');
    await runDueDigests(running);
    expect(delays).toEqual([60_000]);
    expect(discord.posted).toHaveLength(1);

    // Stopping with 5 s left: a second 60 s Retry-After is not waited out.
    clock.set('2026-03-02T08:00:00.000Z');
    addArticle(ctx, { title: 'Jets leave Hmeimim' });
    discord.failWith(rateLimited());
    const stop = new AbortController();
    stop.abort();
    const stopping = digestJobDeps({
      ctx,
      sender: discord,
      stopping: { signal: stop.signal, deadline: () => Date.now() + 5_000 },
    });
    clock.set('2026-03-02T09:00:00.000Z');
    await runDueDigests(stopping);
    expect(delays).toEqual([60_000]);
    expect(discord.posted).toHaveLength(1);
    const run = ctx.store.digestRuns.byOccurrence(subscription.id, '2026-03-02T09:00:00.000Z')!;
    expect(run).toMatchObject({ state: 'recorded', owner: null, messageIds: [] });
    expect(ctx.store.digestRuns.orphaned(clock.now()).map((r) => r.id)).toEqual([run.id]);
  });

  it('sorts errors into temporary, permanent and rejected, and retries only what @discordjs/rest did not', () => {
    const sorted = (error: unknown) => {
      const { kind, retry } = classifyError(error);
      return [kind, retry];
    };
    expect(sorted(apiError(10003, 404, 'Unknown Channel'))).toEqual(['permanent', false]);
    expect(sorted(apiError(50013, 403, 'Missing Permissions'))).toEqual(['permanent', false]);
    expect(sorted(httpError(503))).toEqual(['temporary', false]);
    expect(sorted(apiError(0, 429, 'rate limited'))).toEqual(['temporary', false]);
    expect(sorted(droppedConnection())).toEqual(['temporary', true]);
    expect(sorted(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toEqual([
      'temporary',
      false,
    ]);
    expect(sorted(apiError(50035, 400, 'Invalid Form Body'))).toEqual(['rejected', false]);
    expect(classifyError(apiError(10003, 404, 'Unknown Channel')).reason).toBe(
      'the channel no longer exists (Discord: Unknown Channel)',
    );
  });
});
