/**
 * Storing feed items as articles, with no reposts: an item is matched to what is stored by (feed, guid), then
 * its canonical link, then its body's hash, then a near-duplicate headline and lead from the same site in the
 * last days. A match whose text changed is a revision (facts replaced in one transaction, the digest says
 * "updated"); a moved date alone changes nothing.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { EXTRACTOR_VERSION, type Facts } from '../extract/index.ts';
import { withoutInvisibles } from '../ingest/invisible.ts';
import type { Logger } from '../log.ts';
import type { DedupeCandidate, Feed, Store } from '../store/index.ts';
import { bodyHash, canonicalUrl, fingerprint, isNearDuplicate, normalizeWords } from './canonical.ts';
import type { FeedItem } from './parse.ts';

/** Runs the extractor on one article; off the event loop in the bot, inline in tools and tests. */
export type Extractor = (input: { title: string; body: string; published: Date }) => Promise<Facts>;

/** What storing an item needs. */
export interface ItemContext {
  store: Store;
  clock: Clock;
  log: Logger;
  extract: Extractor;
}

/** An item ready to store: its text is the article's (full text fetched for teasers). */
export interface ArticleCandidate {
  guid: string;
  link: string | null;
  title: string;
  body: string;
  published: Date | null;
  /** The outlet: the item's own source, else the feed's title. */
  outlet: string | null;
}

/** How long a near-duplicate from the same site is looked for. */
export const NEAR_DUPLICATE_DAYS = 3;

/** What happened to one item. */
export interface ItemOutcome {
  status: 'new' | 'updated' | 'unchanged';
  articleId: number;
  /** How a stored article was recognised. */
  matchedBy?: 'guid' | 'link' | 'body' | 'near-duplicate';
}

/**
 * Where an article goes: a feed's scope and story (with the feed, so its (feed, guid) is remembered), or, for a
 * single article link (`npm run ingest -- URL`), a scope and story with no feed.
 */
export interface ItemTarget {
  feedId: number | null;
  guildId: string;
  storySlug: string;
}

/** The target of a feed's items. */
export const feedTarget = (feed: Feed): ItemTarget => ({
  feedId: feed.id,
  guildId: feed.guildId,
  storySlug: feed.storySlug,
});

/** The hash of an item as the feed gives it: when it has not changed, there is nothing to fetch or compare. */
export function itemHash(item: FeedItem): string {
  return createHash('sha256')
    .update(JSON.stringify([normalizeWords(item.title), normalizeWords(item.text), item.link ?? '']))
    .digest('hex');
}

/** Whether a seen item needs no work: its (feed, guid) is stored and the feed gives it exactly as before. */
export function seenUnchanged(store: Store, feed: Feed, item: FeedItem): number | null {
  const seen = store.feeds.item(feed.id, item.guid);
  return seen && seen.itemHash === itemHash(item) ? seen.articleId : null;
}

/** The stored article an item is, and how it was recognised; null for a new article. */
export function findStored(
  store: Store,
  target: ItemTarget,
  candidate: ArticleCandidate,
  now: Date,
): { article: DedupeCandidate; by: NonNullable<ItemOutcome['matchedBy']> } | null {
  const scope = target.guildId;
  const seen = target.feedId === null ? undefined : store.feeds.item(target.feedId, candidate.guid);
  if (seen) {
    const article = store.feeds.candidate(seen.articleId);
    if (article) return { article, by: 'guid' };
  }
  const canonical = canonicalUrl(candidate.link);
  if (canonical) {
    const article =
      store.feeds.byCanonicalUrl(scope, canonical) ??
      store.feeds.bySourceKey(sourceKeyOf(scope, canonical, 0));
    if (article) return { article, by: 'link' };
  }
  const byBody = store.feeds.byBodyHash(scope, bodyHash(candidate.body));
  if (byBody) return { article: byBody, by: 'body' };
  if (canonical) {
    const origin = `${new URL(canonical).origin}/`;
    const since = new Date(now.getTime() - NEAR_DUPLICATE_DAYS * 86_400_000);
    const mine = fingerprint(candidate.title, candidate.body);
    for (const article of store.feeds.recentOfSite(scope, origin, since)) {
      if (isNearDuplicate(mine, article.title, article.body)) {
        return { article, by: 'near-duplicate' };
      }
    }
  }
  return null;
}

/**
 * What identifies a feed article across runs: its canonical link (or, without one, its feed and guid), prefixed
 * with the server it belongs to, so the same article followed by two servers is two rows, one per scope.
 */
export function sourceKeyOf(guildId: string, canonical: string | null, feedId: number, guid = ''): string {
  const key = canonical ?? `feed:${feedId}:${guid}`;
  return guildId ? `guild:${guildId}:${key}` : key;
}

/** What a revision changed, in a few words for the digest. */
export function describeRevision(before: DedupeCandidate, after: ArticleCandidate): string {
  const parts: string[] = [];
  if (normalizeWords(before.title) !== normalizeWords(after.title)) {
    parts.push(`headline was "${before.title}"`);
  }
  if (bodyHash(before.body) !== bodyHash(after.body)) {
    const was = before.body.split(/\s+/).filter(Boolean).length;
    const now = after.body.split(/\s+/).filter(Boolean).length;
    const delta = now - was;
    parts.push(
      delta === 0
        ? 'text revised'
        : `text revised (${Math.abs(delta)} word${Math.abs(delta) === 1 ? '' : 's'} ${delta > 0 ? 'added' : 'removed'})`,
    );
  }
  return parts.join('; ') || 'revised';
}

/**
 * Stores one item of a feed: new, a revision of what is stored, or the same article again (then only the
 * item's (feed, guid) is remembered). Extraction runs before the transaction; the article, its facts and the
 * item's mapping are written in one, so a crash leaves the item fully stored or not at all.
 */
export async function storeItem(
  ctx: ItemContext,
  target: ItemTarget,
  candidate: ArticleCandidate,
  options: { announce: boolean; itemHash: string },
): Promise<ItemOutcome> {
  const { store, clock } = ctx;
  // Stored text has no bidi controls or zero-width characters, whichever way it came in (src/ingest/invisible.ts).
  candidate = withoutInvisibles(candidate, ['title', 'body', 'outlet']);
  const hash = options.itemHash;
  const remember = (articleId: number, now: Date) => {
    if (target.feedId !== null) store.feeds.addItem(target.feedId, candidate.guid, articleId, hash, now);
  };
  const found = findStored(store, target, candidate, clock.now());
  if (found) {
    const { article, by } = found;
    const changed =
      (by === 'guid' || by === 'link') &&
      (normalizeWords(article.title) !== normalizeWords(candidate.title) ||
        (article.bodyHash ?? bodyHash(article.body)) !== bodyHash(candidate.body));
    if (!changed) {
      remember(article.id, clock.now());
      return { status: 'unchanged', articleId: article.id, matchedBy: by };
    }
    const stored = store.articles.byId(article.id)!;
    // A revision keeps the article's first known date: a moved date alone is not news.
    const published = stored.publishedAt ? new Date(stored.publishedAt) : candidate.published;
    const facts = await ctx.extract({
      title: candidate.title,
      body: candidate.body,
      published: published ?? clock.now(),
    });
    const note = describeRevision(article, candidate);
    store.transaction(() => {
      const now = clock.now();
      const current = store.articles.byId(article.id);
      if (!current) return;
      store.articles.update(
        article.id,
        {
          storyId: current.storyId,
          sourceKey: current.sourceKey,
          url: current.url ?? candidate.link,
          source: current.source ?? candidate.outlet,
          title: candidate.title,
          body: candidate.body,
          publishedAt: current.publishedAt,
          contentHash: contentHashOf(current.sourceKey, candidate),
          summary: facts.summary,
          extractorVersion: EXTRACTOR_VERSION,
        },
        now,
      );
      store.facts.replaceForArticle(article.id, current.storyId, facts);
      store.feeds.setFeedColumns(article.id, {
        guildId: target.guildId,
        canonicalUrl: canonicalUrl(current.url ?? candidate.link),
        bodyHash: bodyHash(candidate.body),
        announce: true,
      });
      store.feeds.markRevised(article.id, note);
      remember(article.id, now);
    });
    ctx.log.info({ feedId: target.feedId, articleId: article.id, note }, 'article revised');
    return { status: 'updated', articleId: article.id, matchedBy: by };
  }

  const facts = await ctx.extract({
    title: candidate.title,
    body: candidate.body,
    published: candidate.published ?? clock.now(),
  });
  const canonical = canonicalUrl(candidate.link);
  const sourceKey = sourceKeyOf(target.guildId, canonical, target.feedId ?? 0, candidate.guid);
  const articleId = store.transaction(() => {
    const now = clock.now();
    // A story a feed starts is titled by its first article, as one a file starts is (src/ingest/ingest.ts).
    const story = store.stories.ensure(target.storySlug, candidate.title, now, target.guildId);
    const id = store.articles.insert(
      {
        storyId: story.id,
        sourceKey,
        url: candidate.link,
        source: candidate.outlet,
        title: candidate.title,
        body: candidate.body,
        publishedAt: candidate.published?.toISOString() ?? null,
        contentHash: contentHashOf(sourceKey, candidate),
        summary: facts.summary,
        extractorVersion: EXTRACTOR_VERSION,
      },
      now,
    );
    store.facts.replaceForArticle(id, story.id, facts);
    store.feeds.setFeedColumns(id, {
      guildId: target.guildId,
      canonicalUrl: canonical,
      bodyHash: bodyHash(candidate.body),
      announce: options.announce,
    });
    remember(id, now);
    if (options.announce && target.feedId !== null) store.feeds.markNewItem(target.feedId, now);
    return id;
  });
  return { status: 'new', articleId };
}

/** The stored content hash (unique per article): its key and text. */
function contentHashOf(sourceKey: string, candidate: ArticleCandidate): string {
  return createHash('sha256')
    .update(JSON.stringify([sourceKey, candidate.title, candidate.body]))
    .digest('hex');
}
