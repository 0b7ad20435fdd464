import { randomUUID } from 'node:crypto';
import { Events, type Client } from 'discord.js';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { describeNetworkError, StartupError } from '../errors.ts';
import { createFeedFetcher } from '../feeds/index.ts';
import { createFeedService, type FeedService } from '../feeds/service.ts';
import { createRescanJob } from '../scheduler/rescan.ts';
import { createExtractionPool } from '../ingest/pool.ts';
import type { Logger } from '../log.ts';
import { startScheduler, type Scheduler, type SchedulerOptions } from '../scheduler/index.ts';
import { createLease } from '../scheduler/lease.ts';
import { openStore, type Store } from '../store/index.ts';
import { createClient } from './client.ts';
import type { LoadedCommand } from './command.ts';
import type { Ctx } from './context.ts';
import { loadCommands } from './loader.ts';
import { createRouter, type InteractionFailureListener, type Router } from './router.ts';

/** A running bot: what tests, the sandbox and `npm start` hold on to. */
export interface Bot {
  client: Client;
  ctx: Ctx;
  commands: Map<string, LoadedCommand>;
  router: Router;
  /** Digests and the ARTICLES_DIR rescan, or null when started with `scheduler: false`. */
  scheduler: Scheduler | null;
  /** Feed polling (its job runs on the scheduler's tick; tests call `tick()` with their clock). */
  feeds: FeedService;
  /** Stops taking interactions, finishes those in flight, closes the gateway and the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  log: Logger;
  clock: Clock;
  /**
   * An open store, already filled, to serve from (tests that prepare the store themselves): the bot neither
   * ingests ARTICLES_DIR into it at boot nor closes it on stop. By default the bot opens `DATABASE_PATH`,
   * ingests ARTICLES_DIR and closes the store on stop.
   */
  store?: Store;
  /** Options for the scheduler (its cron backend, whether it rescans ARTICLES_DIR), or false to run none. */
  scheduler?: Omit<SchedulerOptions, 'client' | 'lease'> | false;
  /** Hears of interactions that ended in an error (the sandbox's scripted mode). */
  onInteractionFailure?: InteractionFailureListener;
}

/** Raised when Discord refuses the token; the message says how to get a good one. */
export class TokenError extends Error {}

/**
 * Boots Dispatch: opens the store, ingests ARTICLES_DIR, loads and validates every command, connects to the
 * gateway, starts the scheduler (digests, rescans) and serves. The same function runs the real bot, the sandbox and the end-to-end tests.
 */
export async function startBot(options: StartOptions): Promise<Bot> {
  const { config, log, clock } = options;
  if (!config.DISCORD_TOKEN) {
    throw new TokenError(
      'DISCORD_TOKEN is not set. Create an application at https://discord.com/developers/applications, ' +
        'open Bot > Reset Token, and put the token in DISCORD_TOKEN (see .env.example and the README). ' +
        'To try Dispatch without a token, run `npm run sandbox`.',
    );
  }
  const store = options.store ?? openStore(config.DATABASE_PATH);
  const ownsStore = !options.store;
  // Extraction runs in worker threads, started on first use, so ingesting never stalls the gateway; they write
  // what they extract through connections of their own (an in-memory store has none to share: it writes here).
  const extractor = createExtractionPool({
    log,
    size: config.EXTRACTION_WORKERS,
    ...(store.path === ':memory:' ? {} : { database: { path: store.path, clock } }),
  });
  const ctx: Ctx = { store, config, log, clock, extractor, instanceId: randomUUID() };
  try {
    // Only the scheduler process ingests, so two processes on one database never store the same file twice;
    // another one serves commands from what the scheduler stored, and takes over if it dies.
    const lease = options.scheduler === false ? null : createLease(ctx);
    const scheduling = lease?.renew() ?? true;
    if (!scheduling) {
      log.info('another process is the scheduler and ingester; serving commands, ready to take over');
    }
    const commands = await loadCommands();
    const client = createClient(config);
    const router = createRouter(commands, ctx, options.onInteractionFailure);
    client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
    client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
    client.on(Events.ShardResume, () => log.info('gateway session resumed'));
    client.on(Events.ShardDisconnect, (event) => log.warn({ code: event.code }, 'gateway disconnected'));

    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    try {
      await client.login(config.DISCORD_TOKEN);
    } catch (error) {
      await client.destroy();
      if (
        (error as { code?: string }).code === 'TokenInvalid' ||
        (error as { status?: number }).status === 401
      ) {
        throw new TokenError(
          'Discord refused DISCORD_TOKEN (401 Unauthorized). Copy a fresh token from the developer portal ' +
            '(Bot > Reset Token); to try Dispatch without one, run `npm run sandbox`.',
        );
      }
      const network = describeNetworkError(
        error,
        'Dispatch could not connect to Discord',
        config.DISCORD_API_URL,
      );
      if (network) throw new StartupError(network);
      throw error;
    }
    await ready;
    log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected');
    // Ingest after connecting: commands are answered while a large folder is extracted, and the scheduler
    // starts after it, so the first digests already carry the new articles.
    const rescanJob = createRescanJob();
    if (ownsStore && scheduling) await rescanJob(ctx);
    log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, commands: commands.size }, 'ready');
    const feeds = createFeedService({
      store,
      clock,
      log,
      config,
      fetcher: createFeedFetcher(config),
      // A poll can bring hundreds of short articles at once: all of them go to the workers (see ExtractOptions).
      extract: (input) => extractor.extract(input, { offThread: true }),
      write: extractor.storeItem,
      parse: extractor.parseFeed,
      readPage: extractor.readPage,
      sender: client.rest,
    });
    ctx.feeds = feeds;
    const scheduler = lease
      ? startScheduler(ctx, { ...options.scheduler, client, lease, feeds, rescanJob })
      : null;

    let stopped = false;
    return {
      client,
      ctx,
      commands,
      router,
      scheduler,
      feeds,
      async stop() {
        if (stopped) return;
        stopped = true;
        // Interactions and digests in flight finish first (digests within all but the last second of
        // SHUTDOWN_TIMEOUT_SECONDS, see ./shutdown.ts), so nothing is cut off mid-send that recovery would
        // not finish.
        await Promise.allSettled([router.drain(), scheduler?.stop()]);
        await feeds.close();
        await client.destroy();
        await extractor.close();
        if (ownsStore) store.close();
        log.info('stopped');
      },
    };
  } catch (error) {
    await extractor.close();
    if (ownsStore) store.close();
    throw error;
  }
}
