/**
 * Live news from feeds and article links. The parts: `http` (guarded, limited fetching), `parse` (feedsmith to
 * one item shape), `text` (HTML to paragraphs, Readability for full text), `canonical` and `items` (no reposts,
 * revisions), `poll` (schedule and health), `manage` (add, remove, pause, resume), `notices`, `article`.
 */
import type { Config } from '../config.ts';
import { packageVersion } from '../version.ts';
import { createFetcher, userAgent, type Fetcher } from './http.ts';

/** The fetcher a process uses, configured from the environment: guard, size limit, User-Agent. */
export function createFeedFetcher(
  config: Pick<
    Config,
    'FEEDS_ALLOW_PRIVATE' | 'FEEDS_ALLOW_ADDRESSES' | 'FEED_MAX_BYTES' | 'OPERATOR_CONTACT_URL'
  >,
): Fetcher {
  return createFetcher({
    policy: { allowPrivate: config.FEEDS_ALLOW_PRIVATE, allowAddresses: config.FEEDS_ALLOW_ADDRESSES },
    userAgent: userAgent(packageVersion(), config.OPERATOR_CONTACT_URL),
    maxBytes: config.FEED_MAX_BYTES,
  });
}
