/**
 * The feeds as the running bot has them: one fetcher (its connection pool and per-host limits) for the process,
 * and the one job the scheduler's minute tick calls — poll what is due, then send pause notices. `/config feed
 * resume` uses {@link FeedService.pollNow} to try a feed at once.
 */
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { MessageSender } from '../digest/deliver.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import type { Fetcher } from './http.ts';
import type { Extractor, ItemWriter } from './items.ts';
import type { FeedParser, PageReader } from './parse.ts';
import { sendPauseNotices } from './notices.ts';
import { pollDueFeeds, pollSource, type FeedDeps, type PollReport } from './poll.ts';

export interface FeedService {
  /** Polls every due feed and sends pending pause notices; a tick still running makes the next one a no-op. */
  tick(): Promise<PollReport[]>;
  /** Polls one source now, whatever its schedule (a moderator's resume). */
  pollNow(sourceId: number): Promise<PollReport | null>;
  /** Waits for a running tick and closes the fetcher's connections. */
  close(): Promise<void>;
}

export function createFeedService(deps: {
  store: Store;
  clock: Clock;
  log: Logger;
  config: Config;
  fetcher: Fetcher;
  extract: Extractor;
  write?: ItemWriter | undefined;
  parse?: FeedParser | undefined;
  readPage?: PageReader | undefined;
  sender: MessageSender;
}): FeedService {
  const log = deps.log.child({ component: 'feeds' });
  const feedDeps: FeedDeps = { ...deps, log };
  let running: Promise<PollReport[]> | null = null;
  let closed = false;
  return {
    tick() {
      if (closed) return Promise.resolve([]);
      // A slow poll (many feeds, slow servers) must not start a second one over the same feeds.
      if (running) return running.then(() => []);
      running = (async () => {
        try {
          const reports = await pollDueFeeds(feedDeps);
          await sendPauseNotices({ ...deps, log });
          return reports;
        } finally {
          running = null;
        }
      })();
      return running;
    },
    async pollNow(sourceId) {
      const source = deps.store.feeds.sourceById(sourceId);
      if (!source || closed) return null;
      return pollSource(feedDeps, source);
    },
    async close() {
      closed = true;
      await running?.catch(() => {});
      await deps.fetcher.close();
    },
  };
}
