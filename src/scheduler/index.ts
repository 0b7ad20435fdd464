/**
 * The one scheduler of the bot. It registers plain async functions of the context — one digest job per
 * subscription, in that subscription's timezone, and the ARTICLES_DIR rescan — with node-cron, which only
 * decides when to call them. Jobs are built from the store at boot and rebuilt by {@link Scheduler.reload}
 * whenever `/config` changes a subscription.
 */
import { Events, type Client, type Guild } from 'discord.js';
import nodeCron from 'node-cron';
import type { Ctx } from '../bot/context.ts';
import { pauseForError, type DeliveryHooks, type MessageSender, type RunOutcome } from '../digest/deliver.ts';
import {
  digestJobDeps,
  digestTick,
  recoverRuns,
  runSubscription,
  sendNow,
  type DigestJobDeps,
} from './digests.ts';
import type { FeedService } from '../feeds/service.ts';
import { createRescanJob } from './rescan.ts';
import { everySeconds } from './schedule.ts';

export { digestTick, recoverRuns, runDueOccurrences, runSubscription, digestJobDeps } from './digests.ts';
export { createRescanJob } from './rescan.ts';

/** A job as the scheduler registers it: a plain function of the context. */
export type Job = (ctx: Ctx) => Promise<void>;

/** The part of node-cron the scheduler uses; tests may pass a fake to see which jobs exist. */
export interface CronBackend {
  schedule(
    expression: string,
    fn: () => Promise<void>,
    options: { timezone?: string; name?: string; noOverlap?: boolean },
  ): { destroy(): void | Promise<void> };
}

export interface SchedulerOptions {
  /** The logged-in client: digests are posted through `client.rest`, and leaving a guild pauses its digests. */
  client?: Client;
  /** Posts messages; defaults to `client.rest`. */
  sender?: MessageSender;
  /** Waits between delivery retries (tests: resolve at once). */
  sleep?: (ms: number) => Promise<void>;
  backoffMs?: number;
  hooks?: DeliveryHooks;
  /** Defaults to node-cron. */
  cron?: CronBackend;
  /** Register the ARTICLES_DIR rescan job (default true). */
  rescan?: boolean;
  /** The feed service whose poll runs every minute; none registered without it. */
  feeds?: FeedService;
}

/** The running scheduler. */
export interface Scheduler {
  /** Resolves when the boot work is done: unsent runs resumed and missed runs caught up or skipped. */
  ready: Promise<void>;
  /** Rebuilds the digest jobs from the store (added, removed, paused, rescheduled subscriptions). */
  reload(): void;
  /** Runs every due digest at `ctx.clock.now()` now. */
  tick(): Promise<void>;
  /** Rescans ARTICLES_DIR now. */
  rescan(): Promise<void>;
  sendNow(subscriptionId: number): Promise<RunOutcome>;
  /** The registered job names, e.g. `digest:3 (0 9 * * * America/New_York)`, `recover`, `rescan`. */
  jobs(): string[];
  /** Stops every trigger and waits for the runs in flight. */
  stop(): Promise<void>;
}

/**
 * Starts the scheduler for a running bot. At boot it first resumes runs a crash left "recorded" (same nonces,
 * so nothing is posted twice), then catches up missed runs, then lets node-cron trigger the jobs.
 */
export function startScheduler(ctx: Ctx, options: SchedulerOptions = {}): Scheduler {
  const sender = options.sender ?? options.client?.rest;
  if (!sender) throw new Error('startScheduler needs a client or a sender to post digests with');
  const cron: CronBackend = options.cron ?? nodeCron;
  const log = ctx.log.child({ component: 'scheduler' });
  let stopped = false;
  const jobs = new Map<string, { key: string; task: { destroy(): void | Promise<void> } }>();
  let reloadLater = () => {};

  const deps: DigestJobDeps = digestJobDeps({
    ctx,
    sender,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.backoffMs !== undefined ? { backoffMs: options.backoffMs } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
    onPaused: () => reloadLater(),
  });
  const running = new Set<Promise<void>>();
  const track = (name: string, job: Job): Promise<void> => {
    if (stopped) return Promise.resolve();
    const task = job(ctx)
      .catch((error: unknown) => log.error({ err: error, job: name }, 'job failed'))
      .finally(() => running.delete(task));
    running.add(task);
    return task;
  };

  /** Registers a plain job with node-cron, once per key; no overlapping runs of the same job. */
  const register = (
    name: string,
    key: string,
    expression: string,
    timezone: string | undefined,
    job: Job,
  ) => {
    const existing = jobs.get(name);
    if (existing?.key === key) return;
    if (existing) void existing.task.destroy();
    const task = cron.schedule(expression, () => track(name, job), {
      name,
      noOverlap: true,
      ...(timezone ? { timezone } : {}),
    });
    jobs.set(name, { key, task });
  };

  const reload = () => {
    if (stopped) return;
    const wanted = new Set<string>();
    for (const subscription of ctx.store.subscriptions.active()) {
      const name = `digest:${subscription.id}`;
      wanted.add(name);
      const job: Job = () => runSubscription(deps, subscription.id);
      register(
        name,
        `${subscription.cron}|${subscription.timezone}`,
        subscription.cron,
        subscription.timezone,
        job,
      );
    }
    for (const [name, { task }] of jobs) {
      if (name.startsWith('digest:') && !wanted.has(name)) {
        void task.destroy();
        jobs.delete(name);
      }
    }
    log.debug({ jobs: jobs.size }, 'digest jobs rebuilt');
  };
  reloadLater = () => queueMicrotask(reload);

  // A run recorded but left unsent while the bot keeps running (an error between "recorded" and "sent") is
  // resumed within a minute with its nonce, instead of waiting for the next restart. Runs being sent are in
  // flight for their subscription, so this never sends one twice.
  register('recover', 'every minute', '* * * * *', undefined, () => recoverRuns(deps));

  // Feeds: every minute, poll what is due (each feed's own slot spreads them over FEED_POLL_MINUTES).
  const feeds = options.feeds;
  if (feeds) register('feeds', 'every minute', '* * * * *', undefined, () => feeds.tick().then(() => {}));

  const rescan = createRescanJob();
  if (options.rescan !== false) {
    const seconds = ctx.config.RESCAN_INTERVAL_SECONDS;
    register('rescan', String(seconds), everySeconds(seconds), undefined, rescan);
  }

  const onGuildDelete = (guild: Guild) => {
    for (const subscription of ctx.store.subscriptions.byGuild(guild.id)) {
      if (!subscription.paused) pauseForError(ctx, subscription, 'Dispatch was removed from this server');
    }
    reload();
  };
  options.client?.on(Events.GuildDelete, onGuildDelete);

  const ready = (async () => {
    await recoverRuns(deps);
    await digestTick(deps);
  })().catch((error: unknown) => log.error({ err: error }, 'digest catch-up failed'));
  reload();

  const scheduler: Scheduler = {
    ready,
    reload,
    tick: () => track('tick', () => digestTick(deps)),
    rescan: () => track('rescan', rescan),
    sendNow: async (subscriptionId) => {
      const subscription = ctx.store.subscriptions.byId(subscriptionId);
      if (!subscription) return { status: 'skipped', reason: 'no such subscription' };
      return sendNow(deps, subscription);
    },
    jobs: () =>
      [...jobs.entries()].map(([name, { key }]) =>
        name.startsWith('digest:') ? `${name} (${key.replace('|', ' ')})` : name,
      ),
    async stop() {
      if (stopped) return;
      stopped = true;
      options.client?.off(Events.GuildDelete, onGuildDelete);
      await Promise.all([...jobs.values()].map(({ task }) => task.destroy()));
      jobs.clear();
      await ready;
      await Promise.allSettled([...running, ...deps.inFlight.values()]);
    },
  };
  return scheduler;
}
