/**
 * Adding, removing, pausing and resuming feeds: the rules both front ends share (the operator's `npm run feeds`
 * and moderators' `/config feed`), so a URL is checked and a limit enforced in one place.
 */
import { storySlug, type Feed, type FeedWithSource, type Store } from '../store/index.ts';

/** A mistake in what was asked (a bad URL, a limit reached, no such feed), with the sentence to show. */
export class FeedRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedRequestError';
  }
}

/** The story a feed goes to when none is named. */
export const DEFAULT_FEED_STORY = 'news';

/** A feed URL as stored: http or https, without its fragment. Anything else is refused with the reason. */
export function normalizeFeedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new FeedRequestError(`"${text}" is not a URL; give the full address, starting with https://`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedRequestError(
      `only http and https feeds can be followed, not ${url.protocol.replace(':', '')}`,
    );
  }
  if (url.username || url.password)
    throw new FeedRequestError('a feed URL must not carry a user name or password');
  url.hash = '';
  return url.toString();
}

/** Follows a feed in a scope ('' for the operator). The first poll is due at once. */
export function addFeed(
  store: Store,
  input: { url: string; guildId: string; story?: string | null; name?: string | null; createdBy: string },
  limits: { maxFeedsPerGuild: number },
  now: Date,
): FeedWithSource {
  const url = normalizeFeedUrl(input.url);
  let story = DEFAULT_FEED_STORY;
  if (input.story) {
    const parsed = storySlug.safeParse(input.story);
    if (!parsed.success)
      throw new FeedRequestError(`story "${input.story}": ${parsed.error.issues[0]!.message}`);
    story = parsed.data;
  }
  return store.transaction(() => {
    const existing = store.feeds.sourceByUrl(url);
    if (existing && store.feeds.feedInScope(input.guildId, existing.id)) {
      throw new FeedRequestError(`${url} is already followed${input.guildId ? ' in this server' : ''}`);
    }
    if (input.guildId && store.feeds.countOfGuild(input.guildId) >= limits.maxFeedsPerGuild) {
      throw new FeedRequestError(
        `this server follows ${limits.maxFeedsPerGuild} feeds already, the most it may (MAX_FEEDS_PER_GUILD); remove one first`,
      );
    }
    const source = store.feeds.ensureSource(url, now, now);
    const feed = store.feeds.addFeed(
      {
        sourceId: source.id,
        guildId: input.guildId,
        storySlug: story,
        name: input.name?.trim() || null,
        createdBy: input.createdBy,
      },
      now,
    );
    return { ...feed, source: store.feeds.sourceById(source.id)! };
  });
}

/** A scope's feed by URL (as typed: normalised first), or a {@link FeedRequestError} saying it is not followed. */
export function feedByUrl(store: Store, guildId: string, text: string): FeedWithSource {
  const url = normalizeFeedUrl(text);
  const found = store.feeds.feedsOfGuild(guildId).find((f) => f.source.url === url);
  if (!found) throw new FeedRequestError(`${url} is not followed${guildId ? ' in this server' : ''}`);
  return found;
}

/** Stops following; the articles it brought stay. */
export function removeFeed(store: Store, feed: Feed): void {
  store.transaction(() => store.feeds.removeFeed(feed.id));
}

/** Pauses a feed for its scope only; other servers following the same URL are not affected. */
export function pauseFeed(store: Store, feed: Feed): void {
  store.feeds.setPaused(feed.id, true);
}

/**
 * Resumes a feed: unpaused for its scope, and if failures had paused its source, the source is cleared and due
 * at once (the caller may poll it right away), with the one-notice flag reset for next time.
 */
export function resumeFeed(store: Store, feed: FeedWithSource, now: Date): void {
  store.transaction(() => {
    store.feeds.setPaused(feed.id, false);
    store.feeds.setNoticeSent(feed.id, null);
    store.feeds.resumeSource(feed.source.id, now, now);
  });
}
