/**
 * Polling feeds: each due source is fetched once (however many servers follow it), its items stored for every
 * follower, and its health kept in the database: failures back off 5 min × 2^n up to 24 h, and after 10
 * consecutive failures spanning at least 24 h the source pauses with its reason. Plain functions of their
 * dependencies and an injected clock: the scheduler's tick calls {@link pollDueFeeds}; tests call it directly.
 */
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Feed, FeedSource, Store } from '../store/index.ts';
import { FEED_ACCEPT, FetchError, PAGE_ACCEPT, type Fetcher } from './http.ts';
import {
  feedTarget,
  itemHash,
  oversizeReason,
  seenUnchanged,
  storeItem,
  type ArticleCandidate,
  type Extractor,
  type ItemWriter,
} from './items.ts';
import {
  FeedParseError,
  parseFeedBody,
  readPageBody,
  type FeedItem,
  type FeedParser,
  type PageReader,
} from './parse.ts';
import { TEASER_WORDS, wordCount } from './text.ts';

/** What polling needs. */
export interface FeedDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  config: Pick<
    Config,
    | 'FEED_POLL_MINUTES'
    | 'FEED_FIRST_POLL_HOURS'
    | 'FEED_MAX_ITEMS_PER_POLL'
    | 'FEED_MAX_BYTES'
    | 'MAX_ARTICLE_BYTES'
  >;
  fetcher: Fetcher;
  extract: Extractor;
  /** Where items are extracted and written when not on this thread: the bot's pool (see ItemContext.write). */
  write?: ItemWriter | undefined;
  /**
   * Where a fetched feed is parsed when not on this thread: the bot's pool. Parsing a feed of ten 5 KB items
   * (the XML, then each item's HTML to text) takes tens of milliseconds, which a command or a heartbeat would
   * wait for. It throws {@link FeedParseError} for what is not a feed, as {@link parseFeedBody} does.
   */
  parse?: FeedParser | undefined;
  /**
   * Where a teaser's page is read when not on this thread: the bot's pool. Readability on a light DOM of a whole
   * article page takes milliseconds to tens of milliseconds per page (more for a large one), which a command or
   * a heartbeat would wait for, and a poll of a teaser-only feed reads one page per item.
   */
  readPage?: PageReader | undefined;
}

/** One source's poll, as `npm run feeds -- poll --json` prints it. */
export interface PollReport {
  url: string;
  status: 'ok' | 'not-modified' | 'error';
  new: number;
  updated: number;
  unchanged: number;
  /**
   * A sentence, or null. With status `ok`, the items that were not stored (one too large, say), each with its
   * reason: the feed's other items were stored.
   */
  error: string | null;
}

const MINUTE = 60_000;
/** The first retry after a failure; doubled per consecutive failure. */
export const BACKOFF_BASE_MS = 5 * MINUTE;
/** The longest wait between retries. */
export const BACKOFF_MAX_MS = 24 * 60 * MINUTE;
/** Failures in a row (spanning {@link PAUSE_AFTER_MS}) that pause a source. */
export const PAUSE_AFTER_FAILURES = 10;
export const PAUSE_AFTER_MS = 24 * 60 * MINUTE;
/** Sources polled at the same time; the fetcher also limits requests per host. */
const CONCURRENCY = 16;

/** The wait before retrying after `failures` consecutive failures. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);
}

/**
 * The next poll of a source after one at `now`: the first instant at least half an interval away that falls on
 * the source's own offset within the interval. Offsets come from the URL's hash, so a thousand feeds added at
 * once are polled spread evenly over the interval, not all at the same minute, and each keeps its slot.
 */
export function nextSlot(url: string, now: Date, intervalMinutes: number): Date {
  const interval = intervalMinutes * MINUTE;
  const offset = createHash('sha256').update(url).digest().readUInt32BE(0) % interval;
  const earliest = now.getTime() + interval / 2;
  const base = Math.floor(earliest / interval) * interval + offset;
  return new Date(base >= earliest ? base : base + interval);
}

/** The feed's text for an item, with the page's full text fetched when the feed only gives a teaser. */
async function candidateOf(deps: FeedDeps, item: FeedItem, outlet: string | null): Promise<ArticleCandidate> {
  let body = item.text;
  let title = item.title;
  let author = item.author;
  if (wordCount(body) < TEASER_WORDS && item.link) {
    try {
      const page = await deps.fetcher.fetch({ url: item.link, accept: PAGE_ACCEPT });
      if (page.status === 'ok') {
        const readable = deps.readPage
          ? await deps.readPage(page.body, page.contentType, page.url)
          : readPageBody(page.body, page.contentType, page.url);
        if (readable && wordCount(readable.text) > wordCount(body)) body = readable.text;
        if (!title && readable?.title) title = readable.title;
        if (!author && readable?.byline) author = readable.byline;
      }
    } catch (error) {
      // The teaser is still news: store it, and say why the full text is missing.
      deps.log.warn(
        { url: item.link, err: (error as Error).message },
        'full text not fetched; keeping the teaser',
      );
    }
  }
  if (!body) body = item.summary || title;
  if (!title) title = body.split(/\s+/).slice(0, 12).join(' ');
  return {
    guid: item.guid,
    link: item.link,
    title,
    body,
    published: item.published,
    outlet: item.outlet ?? outlet,
    author,
  };
}

/** Newest first; undated items last, in feed order. */
function newestFirst(items: FeedItem[]): FeedItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const ta = a.item.published?.getTime() ?? -Infinity;
      const tb = b.item.published?.getTime() ?? -Infinity;
      return tb - ta || a.index - b.index;
    })
    .map(({ item }) => item);
}

/** Records a failed poll: backoff, and a pause once failures have lasted long enough. */
async function recordFailure(
  deps: FeedDeps,
  source: FeedSource,
  error: FetchError | Error,
): Promise<PollReport> {
  const now = deps.clock.now();
  const failures = source.failures + 1;
  const firstFailureAt = source.firstFailureAt ?? now.toISOString();
  const retryAfterMs =
    error instanceof FetchError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : 0;
  const wait = Math.min(Math.max(backoffMs(failures), retryAfterMs), BACKOFF_MAX_MS);
  const failingFor = now.getTime() - Date.parse(firstFailureAt);
  const pause = failures >= PAUSE_AFTER_FAILURES && failingFor >= PAUSE_AFTER_MS;
  const pausedReason = pause
    ? `paused after ${failures} failed polls in a row since ${firstFailureAt.slice(0, 16).replace('T', ' ')} UTC; the last one: ${error.message}`
    : null;
  // Like every write of a poll's outcome: taken when the write lock is free, never waited for on this thread.
  await deps.store.writeWhenFree(() =>
    deps.store.feeds.recordFailure(
      source.id,
      {
        error: error.message,
        failures,
        firstFailureAt,
        nextPollAt: new Date(now.getTime() + wait).toISOString(),
        pausedReason,
      },
      now,
    ),
  );
  deps.log[pause ? 'warn' : 'info'](
    { url: source.url, failures, error: error.message, paused: pause },
    pause ? 'feed paused after repeated failures' : 'feed poll failed',
  );
  return { url: source.url, status: 'error', new: 0, updated: 0, unchanged: 0, error: error.message };
}

/**
 * Polls one source now: fetch (conditionally, unless a follower still needs its baseline), parse, and store
 * the items for every unpaused follower. The source's ETag and next poll are written last, so a crash before
 * then makes the next poll fetch the whole feed again, and items already stored are recognised, not doubled.
 */
export async function pollSource(deps: FeedDeps, source: FeedSource): Promise<PollReport> {
  const { store, clock, config } = deps;
  const followers = store.feeds.feedsOfSource(source.id).filter((f) => !f.paused);
  const report: PollReport = { url: source.url, status: 'ok', new: 0, updated: 0, unchanged: 0, error: null };
  const needsBaseline = followers.some((f) => !f.baselineDone);
  let response;
  try {
    response = await deps.fetcher.fetch({
      url: source.url,
      accept: FEED_ACCEPT,
      ...(needsBaseline ? {} : { etag: source.etag, lastModified: source.lastModified }),
    });
  } catch (error) {
    return recordFailure(deps, source, error as Error);
  }
  const next = (maxAgeSeconds: number | null) => {
    const slot = nextSlot(source.url, clock.now(), config.FEED_POLL_MINUTES);
    const fresh = clock.now().getTime() + (maxAgeSeconds ?? 0) * 1000;
    return new Date(Math.max(slot.getTime(), Math.min(fresh, clock.now().getTime() + BACKOFF_MAX_MS)));
  };
  if (response.status === 'not-modified') {
    await store.writeWhenFree(() =>
      store.feeds.recordSuccess(
        source.id,
        {
          status: 'not-modified',
          etag: response.etag ?? source.etag,
          lastModified: response.lastModified ?? source.lastModified,
          title: null,
          nextPollAt: next(response.maxAgeSeconds).toISOString(),
        },
        clock.now(),
      ),
    );
    return { ...report, status: 'not-modified' };
  }
  let parsed;
  try {
    parsed = deps.parse
      ? await deps.parse(response.body, response.contentType)
      : parseFeedBody(response.body, response.contentType);
  } catch (error) {
    if (error instanceof FeedParseError) return recordFailure(deps, source, error);
    throw error;
  }
  const outlet = parsed.title ?? new URL(response.url).hostname;
  const items = newestFirst(parsed.items);
  let truncated = false;
  const baselined: number[] = [];
  // Items refused on their own (too large): said in the report, and the feed's other items still stored.
  const refused = new Set<string>();
  for (const feed of followers) {
    const cutoff = clock.now().getTime() - config.FEED_FIRST_POLL_HOURS * 3_600_000;
    let taken = 0;
    for (const item of items) {
      if (seenUnchanged(store, feed, item) !== null) {
        report.unchanged++;
        continue;
      }
      if (taken >= config.FEED_MAX_ITEMS_PER_POLL) {
        truncated = true;
        break;
      }
      taken++;
      const baselineOld = !feed.baselineDone && (item.published?.getTime() ?? 0) < cutoff;
      const candidate = await candidateOf(deps, item, outlet);
      const tooLarge = oversizeReason(candidate, config.MAX_ARTICLE_BYTES);
      if (tooLarge) {
        if (!refused.has(tooLarge)) deps.log.warn({ url: source.url, reason: tooLarge }, 'feed item refused');
        refused.add(tooLarge);
        continue;
      }
      const outcome = await storeItem(deps, feedTarget(feed), candidate, {
        announce: !baselineOld,
        itemHash: itemHash(item),
      });
      report[outcome.status]++;
      // Each item is written in its own short transaction (in a worker, in the bot); between items the event
      // loop serves what waits (a command, a gateway heartbeat), even when the item was stored at once.
      await nextTurn();
    }
    if (!truncated && !feed.baselineDone) baselined.push(feed.id);
  }
  // One transaction for the source's state, taken when the write lock is free: while workers write items, a
  // blocking write here would hold the event loop (commands, gateway heartbeats) for as long as a worker's
  // transaction lasts (see Store.writeWhenFree).
  await store.writeWhenFree(() => {
    for (const id of baselined) store.feeds.markBaselineDone(id);
    store.feeds.recordSuccess(
      source.id,
      {
        status: 'ok',
        // When items were left for later, the next poll must get the whole feed again, not a 304.
        etag: truncated ? null : response.etag,
        lastModified: truncated ? null : response.lastModified,
        title: parsed.title,
        nextPollAt: next(response.maxAgeSeconds).toISOString(),
      },
      clock.now(),
    );
  });
  deps.log[report.new + report.updated > 0 ? 'info' : 'debug'](
    { url: source.url, new: report.new, updated: report.updated, unchanged: report.unchanged },
    'feed polled',
  );
  return { ...report, error: refused.size > 0 ? [...refused].join('; ') : null };
}

/**
 * Polls every source due now, a few at a time. One source's failure is recorded for it and never stops the
 * others. Returns one report per source polled.
 */
export async function pollDueFeeds(deps: FeedDeps): Promise<PollReport[]> {
  const due = deps.store.feeds.dueSources(deps.clock.now());
  const reports: PollReport[] = [];
  let index = 0;
  const worker = async () => {
    while (index < due.length) {
      const source = due[index++]!;
      try {
        reports.push(await pollSource(deps, source));
      } catch (error) {
        deps.log.error({ err: error, url: source.url }, 'feed poll crashed');
        reports.push(
          await recordFailure(deps, source, new Error('Dispatch could not store what the feed sent')),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
  return reports;
}

/** The feeds of a guild that were paused by failures and whose moderators have not been told yet. */
export function pendingPauseNotices(store: Store): { feed: Feed; source: FeedSource }[] {
  const out: { feed: Feed; source: FeedSource }[] = [];
  for (const feed of store.feeds.allFeeds()) {
    if (feed.guildId && feed.source.pausedReason && !feed.noticeSentAt)
      out.push({ feed, source: feed.source });
  }
  return out;
}
