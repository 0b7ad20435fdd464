import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { FeedService } from '../feeds/service.ts';
import type { Extractor } from '../ingest/pool.ts';
import type { Logger } from '../log.ts';
import type { Scheduler } from '../scheduler/index.ts';
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
   * The running scheduler, so `/config` can rebuild the digest jobs after a change and send a digest without
   * overlapping a scheduled run of it. Absent where no scheduler runs (unit tests, tools).
   */
  digests?: DigestControl;
  /** The running feed service, so `/config feed resume` can try a feed at once. Absent in tools and unit tests. */
  feeds?: FeedControl;
}

/** What `/config feed` needs from the running feed service. */
export type FeedControl = Pick<FeedService, 'pollNow'>;

/** What `/config` needs from the running scheduler. */
export type DigestControl = Pick<Scheduler, 'reload' | 'sendNow'>;
