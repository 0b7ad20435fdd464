/**
 * Live news from feeds and article links. The parts: `http` (guarded, limited fetching), `parse` (feedsmith to
 * one item shape), `text` (HTML to paragraphs, Readability for full text), `canonical` and `items` (no reposts,
 * revisions), `poll` (schedule and health), `manage` (add, remove, pause, resume), `notices`, `article`.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Config } from '../config.ts';
import { createFetcher, userAgent, type Fetcher } from './http.ts';

/** Dispatch's version, for the User-Agent (read once per process). */
function dispatchVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    const url = new URL(up, import.meta.url);
    if (existsSync(url)) {
      const { version } = JSON.parse(readFileSync(url, 'utf8')) as { version?: string };
      if (version) return version;
    }
  }
  return 'unknown';
}

/** The fetcher a process uses, configured from the environment: guard, size limit, User-Agent. */
export function createFeedFetcher(
  config: Pick<Config, 'FEEDS_ALLOW_PRIVATE' | 'FEED_MAX_BYTES' | 'OPERATOR_CONTACT_URL'>,
): Fetcher {
  return createFetcher({
    policy: { allowPrivate: config.FEEDS_ALLOW_PRIVATE },
    userAgent: userAgent(dispatchVersion(), config.OPERATOR_CONTACT_URL),
    maxBytes: config.FEED_MAX_BYTES,
  });
}
