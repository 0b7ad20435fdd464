/**
 * The digest work of the scheduler's tick as plain async functions of an injected clock: which subscriptions
 * are due at `clock.now()` (their stored `next_run_at` has come), which occurrences are caught up and which
 * skipped, and the recovery of runs a crash left unsent. node-cron only decides when the tick runs; tests call
 * these directly with a manual clock.
 */
import type { DigestCache } from './compose.ts';
import { resumeRun, runOccurrence, type DeliveryDeps, type RunOutcome } from './deliver.ts';
import type { Subscription } from '../store/index.ts';
import { nextRun, occurrencesBetween } from './schedule.ts';

/** Delivery plus what keeps runs of one subscription from overlapping in this process. */
export interface DigestJobDeps extends DeliveryDeps {
  /** Subscriptions with a run in progress here; a tick leaves them for the next tick. */
  inFlight: Map<number, Promise<unknown>>;
  /** How many subscriptions a tick processes at once. Default 64. */
  concurrency?: number;
}

/** The shared state of the digest jobs of one process. */
export function digestJobDeps(deps: DeliveryDeps & { concurrency?: number }): DigestJobDeps {
  return { ...deps, inFlight: new Map() };
}

/** Runs `fn` for each item with at most `limit` at once. */
async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Runs `fn` for a subscription unless a run of it is in progress (no overlapping runs); never throws. */
async function exclusive(
  deps: DigestJobDeps,
  subscription: Pick<Subscription, 'id' | 'guildId'>,
  fn: () => Promise<unknown>,
): Promise<void> {
  if (deps.inFlight.has(subscription.id)) return;
  const task = fn().catch((error: unknown) => {
    deps.ctx.log.error(
      { err: error, subscriptionId: subscription.id, guildId: subscription.guildId },
      'digest run failed',
    );
  });
  deps.inFlight.set(subscription.id, task);
  try {
    await task;
  } finally {
    deps.inFlight.delete(subscription.id);
  }
}

/**
 * What is due for one subscription at `now`: the occurrences since its last recorded one (or since it was set
 * or resumed). The newest is posted if it is at most DIGEST_CATCHUP_HOURS old — carrying everything new since
 * the previous digest — and every older one is recorded as skipped, so a restart posts a missed digest once.
 */
export async function runDueOccurrences(
  deps: DeliveryDeps,
  subscription: Subscription,
): Promise<RunOutcome[]> {
  const { ctx } = deps;
  if (subscription.paused) return [];
  const now = ctx.clock.now();
  const last = ctx.store.digestRuns.lastScheduled(subscription.id);
  const after = last && last > subscription.scheduleAnchor ? last : subscription.scheduleAnchor;
  const { dates, truncated } = occurrencesBetween(
    subscription.cron,
    subscription.timezone,
    new Date(after),
    now,
    200,
  );
  const latest = dates.at(-1);
  if (!latest) return [];
  const catchupMs = ctx.config.DIGEST_CATCHUP_HOURS * 3_600_000;
  const skip = (date: Date, reason: string): RunOutcome => {
    const iso = date.toISOString();
    const run = ctx.store.digestRuns.skip(
      {
        subscriptionId: subscription.id,
        scheduledFor: iso,
        kind: 'scheduled',
        nonce: '',
        contentSince: subscription.digestSince,
        contentUntil: subscription.digestSince,
      },
      reason,
      now,
    );
    return { status: 'skipped', reason, ...(run ? { runId: run.id } : {}) };
  };
  const outcomes: RunOutcome[] = [];
  const tooOld = now.getTime() - latest.getTime() > catchupMs;
  const olderNote = truncated ? ' (only the latest 200 missed runs are listed)' : '';
  for (const date of dates.slice(0, -1)) {
    outcomes.push(
      now.getTime() - date.getTime() > catchupMs
        ? skip(
            date,
            `missed while Dispatch was offline, more than ${ctx.config.DIGEST_CATCHUP_HOURS} h ago${olderNote}`,
          )
        : skip(date, `missed while Dispatch was offline; included in the digest of ${latest.toISOString()}`),
    );
  }
  if (tooOld) {
    outcomes.push(
      skip(latest, `missed while Dispatch was offline, more than ${ctx.config.DIGEST_CATCHUP_HOURS} h ago`),
    );
    ctx.log.warn(
      { subscriptionId: subscription.id, guildId: subscription.guildId, missed: dates.length },
      'missed digests skipped',
    );
    return outcomes;
  }
  if (dates.length > 1 || now.getTime() - latest.getTime() > 120_000) {
    ctx.log.info(
      { subscriptionId: subscription.id, guildId: subscription.guildId, scheduledFor: latest },
      'catching up a missed digest',
    );
  }
  outcomes.push(await runOccurrence(deps, subscription, latest, 'scheduled'));
  return outcomes;
}

/**
 * Runs what is due for one subscription and stores its next occurrence, counted from the instant the
 * occurrences were counted up to: a run that takes minutes (Discord's pace, a Retry-After) cannot hide an
 * occurrence that came meanwhile. A subscription whose previous run is still recorded (being sent, or waiting
 * for recovery) keeps its `next_run_at`, so the next tick tries again once that run is finished.
 */
async function runDue(deps: DeliveryDeps, subscription: Subscription): Promise<void> {
  const { ctx } = deps;
  if (ctx.store.digestRuns.inProgress(subscription.id)) return;
  const now = ctx.clock.now();
  try {
    await runDueOccurrences(deps, subscription);
  } finally {
    const fresh = ctx.store.subscriptions.byId(subscription.id);
    if (fresh && !fresh.paused && !ctx.store.digestRuns.inProgress(subscription.id)) {
      ctx.store.subscriptions.setNextRun(fresh.id, nextRun(fresh.cron, fresh.timezone, now));
    }
  }
}

/** Runs one subscription if it is due at `clock.now()`; never throws. */
export async function runSubscription(deps: DigestJobDeps, subscriptionId: number): Promise<void> {
  const subscription = deps.ctx.store.subscriptions.byId(subscriptionId);
  if (!subscription || subscription.paused) return;
  await exclusive(deps, subscription, () => runDue(deps, subscription));
}

/**
 * The digest part of a tick: every subscription whose `next_run_at` has come at `clock.now()`, through the
 * indexed column, so a tick with nothing due is one query. Subscriptions due in the same tick share reads of
 * the store through a cache that lives for this tick only.
 */
export async function runDueDigests(deps: DigestJobDeps): Promise<void> {
  const { ctx } = deps;
  const now = ctx.clock.now();
  const tickDeps: DigestJobDeps = { ...deps, cache: new Map() satisfies DigestCache };
  await eachLimit(ctx.store.subscriptions.due(now), deps.concurrency ?? 64, (subscription) =>
    exclusive(deps, subscription, () => runDue(tickDeps, subscription)),
  );
}

/**
 * Gives rows stored before `next_run_at` existed their next run, from the schedule they already had (after
 * their latest recorded occurrence, so one missed during the upgrade is caught up as usual). The scheduler
 * calls it once when it starts.
 */
export function scheduleUnscheduled(ctx: DeliveryDeps['ctx']): void {
  for (const subscription of ctx.store.subscriptions.unscheduled()) {
    const after = ctx.store.digestRuns.lastScheduled(subscription.id) ?? subscription.scheduleAnchor;
    ctx.store.subscriptions.setNextRun(
      subscription.id,
      nextRun(subscription.cron, subscription.timezone, new Date(after)),
    );
  }
}

/**
 * Finishes every run that nobody alive is sending: left "recorded" by a crash (its process's lease expired)
 * or by an error in this process. Each is claimed first, so two processes never finish the same run.
 */
export async function recoverRuns(deps: DigestJobDeps): Promise<void> {
  const { ctx } = deps;
  const orphaned = ctx.store.digestRuns
    .orphaned(ctx.clock.now())
    .filter((run) => !deps.inFlight.has(run.subscriptionId));
  if (orphaned.length > 0) ctx.log.info({ runs: orphaned.length }, 'resuming digests left unsent');
  await eachLimit(orphaned, deps.concurrency ?? 64, async (run) => {
    const subscription = ctx.store.subscriptions.byId(run.subscriptionId);
    await exclusive(deps, subscription ?? { id: run.subscriptionId, guildId: '' }, async () => {
      const claimed = ctx.store.digestRuns.claim(run.id, ctx.instanceId, ctx.clock.now());
      if (claimed) await resumeRun(deps, claimed);
    });
  });
}

/** Sends a subscription's digest now (`/config digest send-now`), outside its schedule. */
export async function sendNow(deps: DigestJobDeps, subscription: Subscription): Promise<RunOutcome> {
  let outcome: RunOutcome = { status: 'duplicate', reason: 'a digest of this subscription is being sent' };
  await exclusive(deps, subscription, async () => {
    const fresh = deps.ctx.store.subscriptions.byId(subscription.id) ?? subscription;
    outcome = await runOccurrence(deps, fresh, deps.ctx.clock.now(), 'manual');
  });
  return outcome;
}
