/**
 * The digest jobs as plain async functions of an injected clock: which occurrences are due at `clock.now()`,
 * which are caught up and which skipped, and the recovery of runs a crash left unsent. node-cron only decides
 * when to call them; tests call them directly with a manual clock.
 */
import type { DigestCache } from '../digest/compose.ts';
import { resumeRun, runOccurrence, type DeliveryDeps, type RunOutcome } from '../digest/deliver.ts';
import type { Subscription } from '../store/index.ts';
import { occurrencesBetween } from './schedule.ts';

/** Delivery plus what keeps runs of one subscription from overlapping. */
export interface DigestJobDeps extends DeliveryDeps {
  /** Subscriptions with a run in progress; a trigger for one of them waits for the next trigger. */
  inFlight: Map<number, Promise<unknown>>;
  /** How many subscriptions a tick processes at once. Default 64. */
  concurrency?: number;
}

/**
 * Creates the shared state of a set of digest jobs. The read cache is shared by every job and emptied when the
 * minute changes, so the thousands of per-subscription triggers of one minute read each story once.
 */
export function digestJobDeps(deps: DeliveryDeps & { concurrency?: number }): DigestJobDeps {
  const cache: DigestCache = new Map();
  let minute = -1;
  const get = cache.get.bind(cache);
  cache.get = (key: string) => {
    const current = Math.floor(deps.ctx.clock.now().getTime() / 60_000);
    if (current !== minute || cache.size > 10_000) {
      cache.clear();
      minute = current;
    }
    return get(key);
  };
  return { cache, ...deps, inFlight: new Map() };
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
  deps: DigestJobDeps,
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

/** The job of one subscription: what its cron trigger calls. Reads the subscription fresh; never throws. */
export async function runSubscription(deps: DigestJobDeps, subscriptionId: number): Promise<void> {
  const subscription = deps.ctx.store.subscriptions.byId(subscriptionId);
  if (!subscription || subscription.paused) return;
  await exclusive(deps, subscription, () => runDueOccurrences(deps, subscription));
}

/**
 * Every active subscription's due occurrences at `clock.now()`: the catch-up at boot, and what tests call after
 * moving the clock. Subscriptions due at the same minute share reads of the store.
 */
export async function digestTick(deps: DigestJobDeps): Promise<void> {
  const subscriptions = deps.ctx.store.subscriptions.active();
  await eachLimit(subscriptions, deps.concurrency ?? 64, (subscription) =>
    exclusive(deps, subscription, () => runDueOccurrences(deps, subscription)),
  );
}

/** Finishes every run a crash or restart left "recorded", with the nonces it was first sent with. */
export async function recoverRuns(deps: DigestJobDeps): Promise<void> {
  const pending = deps.ctx.store.digestRuns.pending();
  if (pending.length > 0) deps.ctx.log.info({ runs: pending.length }, 'resuming digests left unsent');
  await eachLimit(pending, deps.concurrency ?? 64, async (run) => {
    const subscription = deps.ctx.store.subscriptions.byId(run.subscriptionId);
    await exclusive(deps, subscription ?? { id: run.subscriptionId, guildId: '' }, () =>
      resumeRun(deps, run),
    );
  });
}

/** Sends a subscription's digest now (`/config digest send-now`), outside its schedule, waiting its turn. */
export async function sendNow(deps: DigestJobDeps, subscription: Subscription): Promise<RunOutcome> {
  const running = deps.inFlight.get(subscription.id);
  if (running) await running;
  let outcome: RunOutcome = { status: 'duplicate', reason: 'a digest of this subscription is being sent' };
  await exclusive(deps, subscription, async () => {
    const fresh = deps.ctx.store.subscriptions.byId(subscription.id) ?? subscription;
    outcome = await runOccurrence(deps, fresh, deps.ctx.clock.now(), 'manual');
  });
  return outcome;
}
