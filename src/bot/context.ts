import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { FeedService } from '../feeds/service.ts';
import type { Extractor } from '../ingest/pool.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';

/**
 * Everything a command handler or scheduled job may use, passed explicitly: no module globals, so a test builds
 * its own context around a temporary database and a manual clock.
 */
export interface Ctx {
  store: Store;
  config: Config;
  log: Logger;
  clock: Clock;
  /**
   * Where ingest extracts articles: the bot's worker pool, so a large article never blocks the event loop.
   * Absent in unit tests and tools, where extraction runs inline.
   */
  extractor?: Extractor;
  /**
   * This process among those sharing the database: the owner of the scheduler lease when it holds it, and of
   * the digest runs it is sending, so that another process finishes them only once this one is gone.
   */
  /**
   * This process among those sharing the database: the owner of the scheduler lease when it holds it, and of
   * the digest runs it is sending, so that another process finishes them only once this one is gone.
   */
  instanceId: string;
  /** The running feed service, so `/config feed resume` can try a feed at once. Absent in tools and unit tests. */
  feeds?: FeedControl;
}

/** What `/config feed` needs from the running feed service. */
export type FeedControl = Pick<FeedService, 'pollNow'>;
