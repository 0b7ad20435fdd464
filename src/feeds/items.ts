/**
 * Storing feed items as articles, with no reposts: an item is matched to what is stored by (feed, guid), then
 * its canonical link, then its body's hash, then a near-duplicate headline and lead from the same site in the
 * last days. A match whose text changed is a revision (facts replaced in one transaction, the digest says
 * "updated"); a moved date alone changes nothing.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Facts } from '../extract/index.ts';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import { cleanAuthor } from '../ingest/author.ts';
import { withoutInvisibles } from '../ingest/invisible.ts';
import type { Logger } from '../log.ts';
import { counted } from '../render/count.ts';
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
  /**
   * Where the whole of {@link storeItem} runs instead of here, when given: the bot's extraction pool, whose
   * worker extracts the item and writes it through its own connection, so the event loop that serves Discord
   * neither extracts nor waits for the write (see src/ingest/pool.ts). Without it (tools, most tests), the item
   * is stored on this thread.
   */
  write?: ItemWriter | undefined;
}

/** One item to store, as {@link storeItem} is given it: what a worker of the pool receives. */
export interface ItemJob {
  target: ItemTarget;
  candidate: ArticleCandidate;
  options: { announce: boolean; itemHash: string };
}

/** Stores an item elsewhere (a worker with its own connection to the database) and says what happened. */
export type ItemWriter = (job: ItemJob) => Promise<ItemOutcome>;

/** An item ready to store: its text is the article's (full text fetched for teasers). */
export interface ArticleCandidate {
  guid: string;
  link: string | null;
  title: string;
  body: string;
  published: Date | null;
  /** The outlet: the item's own source, else the feed's title. */
  outlet: string | null;
  /** Who wrote it: the item's author, else (a teaser read in full) the page's byline; null when unknown. */
  author: string | null;
}

/**
 * Why an article is too large to store, or null. A feed item (or an article page) is held to MAX_ARTICLE_BYTES
 * like an article file: its title and text, counted in UTF-8. A feed may be up to FEED_MAX_BYTES (5 MiB) and one
 * item may be nearly all of it, far more than extraction is sized for (a 1 MB article takes 48 MB of a worker's
 * heap), so it is refused with this sentence instead, and only that item.
 */
export function oversizeReason(candidate: ArticleCandidate, maxBytes: number): string | null {
  const bytes = Buffer.byteLength(candidate.title) + Buffer.byteLength(candidate.body);
  if (bytes <= maxBytes) return null;
  const title = candidate.title.length > 80 ? `${candidate.title.slice(0, 79)}…` : candidate.title;
  return `"${title}" (${candidate.link ?? candidate.guid}) is ${bytes} bytes, over MAX_ARTICLE_BYTES (${maxBytes}); it was not stored`;
}

/** How long a near-duplicate from the same site is looked for. */
export const NEAR_DUPLICATE_DAYS = 3;

/** What happened to one item. */
export interface ItemOutcome {
  status: 'new' | 'updated' | 'unchanged';
  articleId: number;
  /** How a stored article was recognised. */
  matchedBy?: 'guid' | 'link' | 'body' | 'near-duplicate';
  /** What a revision changed, for the log (see {@link describeRevision}). */
  note?: string;
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
        : `text revised (${counted(Math.abs(delta), 'word')} ${delta > 0 ? 'added' : 'removed'})`,
    );
  }
  return parts.join('; ') || 'revised';
}

/**
 * Stores one item of a feed: new, a revision of what is stored, or the same article again (then only the
 * item's (feed, guid) is remembered), on this thread or, given {@link ItemContext.write}, in a worker.
 */
export async function storeItem(
  ctx: ItemContext,
  target: ItemTarget,
  candidate: ArticleCandidate,
  options: ItemJob['options'],
): Promise<ItemOutcome> {
  const outcome = ctx.write
    ? await ctx.write({ target, candidate, options })
    : await storeItemHere(ctx, { target, candidate, options });
  if (outcome.status === 'updated') {
    ctx.log.info(
      { feedId: target.feedId, articleId: outcome.articleId, note: outcome.note },
      'article revised',
    );
  }
  return outcome;
}

/** How often an item is decided again when what is stored changed while it was extracted. */
const ATTEMPTS = 3;

/**
 * The work of {@link storeItem} on the thread that calls it: the bot's pool worker runs it with its own
 * connection, tools and tests on the main thread. The item is matched to what is stored, extracted outside any
 * transaction, then written in one transaction (a crash leaves it fully stored or not at all) that first checks
 * the match still holds: another writer (a second worker, another process) may have stored or revised the same
 * article meanwhile, and then the item is decided again from what is stored now, never written twice.
 */
export async function storeItemHere(
  ctx: Pick<ItemContext, 'store' | 'clock' | 'extract'>,
  job: ItemJob,
): Promise<ItemOutcome> {
  // Stored text has no bidi controls or zero-width characters, whichever way it came in (src/ingest/invisible.ts).
  const candidate = {
    ...withoutInvisibles(job.candidate, ['title', 'body', 'outlet']),
    author: cleanAuthor(job.candidate.author),
  };
  for (let attempt = 1; ; attempt++) {
    const outcome = await storeOnce(ctx, job.target, candidate, job.options);
    if (outcome) return outcome;
    if (attempt >= ATTEMPTS) {
      throw new Error(
        `the article changed ${ATTEMPTS} times while it was being stored; it is left for the next poll`,
      );
    }
  }
}

/** Whether a match is a revision: matched by GUID or link, with another headline or text. */
function isRevision(found: ReturnType<typeof findStored>, candidate: ArticleCandidate): boolean {
  if (!found || (found.by !== 'guid' && found.by !== 'link')) return false;
  const { article } = found;
  return (
    normalizeWords(article.title) !== normalizeWords(candidate.title) ||
    (article.bodyHash ?? bodyHash(article.body)) !== bodyHash(candidate.body)
  );
}

/** Whether what is stored now calls for what was decided before extraction: the same article, the same change. */
function sameDecision(
  before: ReturnType<typeof findStored>,
  now: ReturnType<typeof findStored>,
  candidate: ArticleCandidate,
): boolean {
  return (
    before?.article.id === now?.article.id && isRevision(before, candidate) === isRevision(now, candidate)
  );
}

/** One attempt of {@link storeItemHere}; null when what is stored changed under it. */
async function storeOnce(
  ctx: Pick<ItemContext, 'store' | 'clock' | 'extract'>,
  target: ItemTarget,
  candidate: ArticleCandidate,
  options: ItemJob['options'],
): Promise<ItemOutcome | null> {
  const { store, clock } = ctx;
  const hash = options.itemHash;
  const remember = (articleId: number, now: Date) => {
    if (target.feedId !== null) store.feeds.addItem(target.feedId, candidate.guid, articleId, hash, now);
  };
  const found = findStored(store, target, candidate, clock.now());
  if (found && !isRevision(found, candidate)) {
    remember(found.article.id, clock.now());
    return { status: 'unchanged', articleId: found.article.id, matchedBy: found.by };
  }
  if (found) {
    const { article, by } = found;
    const stored = store.articles.byId(article.id);
    if (!stored) return null;
    // A revision keeps the article's first known date: a moved date alone is not news.
    const published = stored.publishedAt ? new Date(stored.publishedAt) : candidate.published;
    const facts = await ctx.extract({
      title: candidate.title,
      body: candidate.body,
      published: published ?? clock.now(),
    });
    return store.transaction(() => {
      const now = clock.now();
      const again = findStored(store, target, candidate, now);
      const current = store.articles.byId(article.id);
      if (!current || !sameDecision(found, again, candidate)) return null;
      const note = describeRevision(again!.article, candidate);
      store.articles.update(
        article.id,
        {
          storyId: current.storyId,
          sourceKey: current.sourceKey,
          url: current.url ?? candidate.link,
          source: current.source ?? candidate.outlet,
          // The revised item's author when it names one (a correction to the byline), else the one stored.
          author: candidate.author ?? current.author ?? null,
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
      return { status: 'updated' as const, articleId: article.id, matchedBy: by, note };
    });
  }

  const facts = await ctx.extract({
    title: candidate.title,
    body: candidate.body,
    published: candidate.published ?? clock.now(),
  });
  const canonical = canonicalUrl(candidate.link);
  const sourceKey = sourceKeyOf(target.guildId, canonical, target.feedId ?? 0, candidate.guid);
  return store.transaction(() => {
    const now = clock.now();
    if (findStored(store, target, candidate, now)) return null;
    // A story a feed starts is titled by its first article, as one a file starts is (src/ingest/ingest.ts).
    const story = store.stories.ensure(target.storySlug, candidate.title, now, target.guildId);
    const id = store.articles.insert(
      {
        storyId: story.id,
        sourceKey,
        url: candidate.link,
        source: candidate.outlet,
        author: candidate.author,
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
    return { status: 'new' as const, articleId: id };
  });
}

/** The stored content hash (unique per article): its key and text. */
function contentHashOf(sourceKey: string, candidate: ArticleCandidate): string {
  return createHash('sha256')
    .update(JSON.stringify([sourceKey, candidate.title, candidate.body]))
    .digest('hex');
}
