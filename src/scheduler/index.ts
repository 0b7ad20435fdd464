/**
 * The one scheduler of the bot: node-cron fires one tick every few seconds, and the tick runs what is due.
 * On each tick the process renews its leases (./lease.ts); only the holder of the scheduler lease goes on to
 * run, as plain async functions of the context, the digests whose `next_run_at` has come, the recovery of runs
 * nobody is sending, the ARTICLES_DIR rescan every RESCAN_INTERVAL_SECONDS, and the feed polls every minute.
 * Each job never overlaps itself, and the tick never waits for one, so a long delivery cannot stall the lease. `/config` only writes rows; nothing here has to be told about a change.
 */
import { Events, RESTEvents, type Client, type Guild, type RateLimitData } from 'discord.js';
import nodeCron from 'node-cron';
import type { Ctx } from '../bot/context.ts';
import { digestStopBudgetMs } from '../bot/shutdown.ts';
import { pauseForError, type DigestSender } from '../digest/deliver.ts';
import {
  digestJobDeps,
  recoverRuns,
  runDueDigests,
  scheduleUnscheduled,
  type DigestJobDeps,
} from '../digest/jobs.ts';
import type { FeedService } from '../feeds/service.ts';
import { createLease, type Lease } from './lease.ts';
import { createRescanJob } from './rescan.ts';

/** A job as the tick runs it: a plain function of the context. */
type Job = (ctx: Ctx) => Promise<void>;

/** A job the tick runs every `everyMs` (by the context's clock) while this process is the scheduler. */
interface PeriodicJob {
  name: string;
  everyMs: number;
  run: Job;
}

/** The part of node-cron the scheduler uses: one task, the tick. Tests pass a fake and call `tick()`. */
export interface CronBackend {
  schedule(
    expression: string,
    fn: () => void,
    options: { name?: string; noOverlap?: boolean },
  ): { destroy(): void | Promise<void> };
}

export interface SchedulerOptions {
  /** The logged-in client: digests are posted through `client.rest`, and leaving a guild pauses its digests. */
  client?: Client;
  /** Posts messages and reads channels; defaults to `client.rest`. */
  sender?: DigestSender;
  /** Defaults to node-cron. */
  cron?: CronBackend;
  /** Run the ARTICLES_DIR rescan (default true). */
  rescan?: boolean;
  /** The rescan job that already ingested ARTICLES_DIR at boot, so the first periodic scan reads only changes. */
  rescanJob?: (ctx: Ctx) => Promise<void>;
  /** The feed service: its poll runs every minute in the scheduler process; none without it. */
  feeds?: FeedService;
  /** The leases; created from the context when not given (the bot creates them first, to decide boot ingest). */
  lease?: Lease;
}

/** The running scheduler. */
export interface Scheduler {
  /** Resolves when the first tick's work is done: unsent runs resumed, missed runs caught up or skipped. */
  ready: Promise<void>;
  /** One tick at `ctx.clock.now()`: renews the leases and, as the scheduler, runs what is due; waits for it. */
  tick(): Promise<void>;
  /** Rescans ARTICLES_DIR now. */
  rescan(): Promise<void>;
  /** Whether this process holds the scheduler lease. */
  isLeader(): boolean;
  /**
   * Stops the tick and gives the leases up. Digests in flight get `budgetMs` to finish; one that would wait
   * longer (a Retry-After beyond the budget) is left recorded, and recovery finishes it.
   */
  stop(budgetMs?: number): Promise<void>;
}

/** The node-cron expression of a tick every `seconds` seconds (at most a minute). */
export function tickExpression(seconds: number): string {
  return seconds >= 60 ? '0 * * * * *' : `*/${Math.max(1, Math.floor(seconds))} * * * * *`;
}

/**
 * Starts the scheduler for a running bot. Its first tick (`ready`) resumes runs a crash left "recorded" and
 * catches up missed ones, if this process is the scheduler.
 */
export function startScheduler(ctx: Ctx, options: SchedulerOptions = {}): Scheduler {
  const sender = options.sender ?? options.client?.rest;
  if (!sender) throw new Error('startScheduler needs a client or a sender to post digests with');
  const cron: CronBackend = options.cron ?? nodeCron;
  const log = ctx.log.child({ component: 'scheduler' });
  const lease = options.lease ?? createLease(ctx);
  const client = options.client;
  let stopped = false;
  const stopping = new AbortController();
  // When the process must be gone, once stop() has begun.
  let deadline = Infinity;

  const deps: DigestJobDeps = digestJobDeps({
    ctx,
    sender,
    stopping: { signal: stopping.signal, deadline: () => deadline },
    ...(client ? { canReadHistory: (channelId: string) => canReadHistory(client, channelId) } : {}),
  });

  const rescanJob = options.rescanJob ?? createRescanJob();
  const feeds = options.feeds;
  const periodic: PeriodicJob[] = [
    ...(options.rescan !== false
      ? [{ name: 'rescan', everyMs: ctx.config.RESCAN_INTERVAL_SECONDS * 1000, run: rescanJob }]
      : []),
    // Feeds: every minute, poll what is due (each feed's own slot spreads them over FEED_POLL_MINUTES).
    ...(feeds ? [{ name: 'feeds', everyMs: 60_000, run: () => feeds.tick().then(() => {}) }] : []),
  ];
  const lastRun = new Map<string, number>();
  const running = new Map<string, Promise<void>>();

  /** Starts `job` unless it is still running from an earlier tick; never throws. */
  const run = (name: string, job: Job): Promise<void> => {
    const existing = running.get(name);
    if (existing) return existing;
    const task = job(ctx)
      .catch((error: unknown) => log.error({ err: error, job: name }, 'job failed'))
      .finally(() => running.delete(name));
    running.set(name, task);
    return task;
  };

  const tick = async (): Promise<void> => {
    if (stopped) return;
    const wasLeader = lease.held;
    if (!lease.renew()) {
      if (wasLeader) log.warn('another process took the scheduler lease; serving commands only');
      return;
    }
    if (!wasLeader) {
      log.info({ instanceId: ctx.instanceId }, 'this process is the scheduler');
      lastRun.clear();
      scheduleUnscheduled(ctx);
    }
    const now = ctx.clock.now().getTime();
    const started = [run('recover', () => recoverRuns(deps)), run('digests', () => runDueDigests(deps))];
    for (const job of periodic) {
      const last = lastRun.get(job.name);
      if (last !== undefined && now - last < job.everyMs && now >= last) continue;
      lastRun.set(job.name, now);
      started.push(run(job.name, job.run));
    }
    await Promise.all(started);
  };

  const task = cron.schedule(tickExpression(ctx.config.SCHEDULER_LEASE_SECONDS / 3), () => void tick(), {
    name: 'tick',
    noOverlap: false,
  });

  const onGuildDelete = (guild: Guild) => {
    if (!lease.held) return;
    for (const subscription of ctx.store.subscriptions.byGuild(guild.id)) {
      if (!subscription.paused) pauseForError(ctx, subscription, 'Dispatch was removed from this server');
    }
  };
  client?.on(Events.GuildDelete, onGuildDelete);

  // A Retry-After that outlasts the shutdown budget is not waited out. discord.js sleeps on a 429 itself, out
  // of reach of the stop: so for a 429 on a channel's messages (a digest) it throws instead, and delivery
  // waits the Retry-After in its own retry loop, which the stop can cut short. Any other wait discord.js
  // announces (a bucket or global limit) that ends past the deadline ends the wait for the runs in flight.
  let giveUp = () => {};
  let rateLimitedUntil = 0;
  const beyondDeadline = (info: RateLimitData) => stopped && Date.now() + info.retryAfter > deadline;
  const onRateLimited = (info: RateLimitData) => {
    rateLimitedUntil = Math.max(rateLimitedUntil, Date.now() + info.retryAfter);
    if (beyondDeadline(info)) giveUp();
  };
  if (client) {
    client.rest.options.rejectOnRateLimit = (info) =>
      beyondDeadline(info) || (info.sublimitTimeout > 0 && info.route === '/channels/:id/messages');
    client.rest.on(RESTEvents.RateLimited, onRateLimited);
  }

  const ready = tick().catch((error: unknown) => log.error({ err: error }, 'first tick failed'));

  return {
    ready,
    tick,
    rescan: () => run('rescan', rescanJob),
    isLeader: () => lease.held,
    async stop(budgetMs = digestStopBudgetMs(ctx.config)) {
      if (stopped) return;
      stopped = true;
      deadline = Date.now() + budgetMs;
      client?.off(Events.GuildDelete, onGuildDelete);
      await task.destroy();
      stopping.abort();
      const inFlight = [...running.values(), ...deps.inFlight.values()];
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        Promise.allSettled([ready, ...inFlight]).then(() => 'finished' as const),
        new Promise<'gave up'>((resolve) => {
          giveUp = () => resolve('gave up');
          timer = setTimeout(giveUp, budgetMs);
          // discord.js is already sleeping on a Retry-After that ends past the deadline.
          if (inFlight.length > 0 && rateLimitedUntil > deadline) giveUp();
        }),
      ]);
      clearTimeout(timer);
      client?.rest.off(RESTEvents.RateLimited, onRateLimited);
      if (outcome === 'gave up') {
        log.warn(
          { budgetMs },
          'stopped before every digest in flight finished; the next start finishes them',
        );
      }
      lease.release();
    },
  };
}

/** Whether the bot may read a channel's history, from the client's cache; undefined when it does not know. */
function canReadHistory(client: Client, channelId: string): boolean | undefined {
  const channel = client.channels.cache.get(channelId);
  if (!channel || !('permissionsFor' in channel) || !client.user) return undefined;
  return channel.permissionsFor(client.user)?.has('ReadMessageHistory');
}
