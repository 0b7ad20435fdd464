/**
 * Composing a digest: what is new on a story since a subscription's previous digest, as Discord message
 * payloads that always fit Discord's limits. Reading the store ({@link gatherDigest}) is separate from rendering
 * (`renderDigest` in `src/render/digest.ts`, pure), so that when thousands of subscriptions of the same story are due at the same
 * minute the store is read once per story and window, not once per guild.
 */
import { renderDigest, type ComposedDigest, type DigestOptions } from '../render/digest.ts';
import type {
  ArticleHeader,
  Store,
  StoredFigure,
  StoredQuote,
  StoredTimelineEvent,
  Story,
} from '../store/index.ts';

/** The content boundaries of one digest: changes after `since`, up to and including `until` (ISO instants). */
export interface DigestWindow {
  since: string;
  until: string;
}

/** A figure that appeared or changed, with the value it had before (null when it is new). */
export interface FigureChange {
  figure: StoredFigure;
  previous: StoredFigure | null;
}

/** Everything new on a story in a window. */
export interface DigestContent {
  story: Story;
  window: DigestWindow;
  /**
   * Where this digest stops counting: the window's end, or, when more articles are new than one digest shows,
   * the time of the last article it shows. The subscription's "new since" moves here and no further, so the
   * articles after it open the next digest instead of being lost.
   */
  countedUntil: string;
  /** New articles in the window after {@link countedUntil}: announced now, shown by the next digest. */
  more: number;
  articles: ArticleHeader[];
  quotes: StoredQuote[];
  figures: FigureChange[];
  timeline: StoredTimelineEvent[];
}

/** At most this many articles are shown per digest; the rest are counted and open the next one. */
export const MAX_ARTICLES = 100;

/** Identifies a figure across articles: the same kind of number about the same forces in the same place. */
function figureKey(figure: StoredFigure): string {
  return [figure.state, figure.unit, figure.who ?? '', figure.where ?? '']
    .map((p) => p.toLowerCase())
    .join('|');
}

/**
 * Reads what is new on a story in a window: articles added or changed, their quotes and timeline entries, and
 * their figures that are new or differ from the latest earlier figure with the same key.
 */
export function gatherDigest(store: Store, story: Story, window: DigestWindow): DigestContent {
  let articles = store.articles.changedBetween(story.id, window.since, window.until, MAX_ARTICLES + 1);
  let countedUntil = window.until;
  let more = 0;
  if (articles.length > MAX_ARTICLES) {
    const firstLeft = articles[MAX_ARTICLES]!;
    articles = articles.slice(0, MAX_ARTICLES);
    // The next digest starts after the last instant this one counts, so no instant is split between two.
    while (articles.length > 0 && articles.at(-1)!.updatedAt === firstLeft.updatedAt) articles.pop();
    // More than MAX_ARTICLES stored at one instant: show them all rather than skip any.
    if (articles.length === 0) {
      articles = store.articles.changedBetween(
        story.id,
        window.since,
        firstLeft.updatedAt,
        Number.MAX_SAFE_INTEGER,
      );
    }
    countedUntil = articles.at(-1)!.updatedAt;
    more = store.articles.countChangedBetween(story.id, countedUntil, window.until);
  }
  const base = { story, window, countedUntil, more, articles };
  if (articles.length === 0) return { ...base, quotes: [], figures: [], timeline: [] };
  const ids = new Set(articles.map((a) => a.id));
  const facts = store.facts.ofArticles([...ids]);
  const earlier = new Map<string, StoredFigure>();
  for (const figure of store.facts.figures(story.id, 1000)) {
    // Newest article first: the first figure per key is the value readers last saw.
    if (ids.has(figure.articleId)) continue;
    const key = figureKey(figure);
    if (!earlier.has(key)) earlier.set(key, figure);
  }
  const seen = new Set<string>();
  const figures: FigureChange[] = [];
  for (const figure of facts.figures) {
    const key = figureKey(figure);
    const previous = earlier.get(key) ?? null;
    const dedupe = `${key}|${figure.min}|${figure.max}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    if (previous && previous.min === figure.min && previous.max === figure.max) continue;
    figures.push({ figure, previous });
  }
  return { ...base, quotes: facts.quotes, figures, timeline: facts.timeline };
}

/** Memoises {@link gatherDigest} per story and window, for one scheduler tick. */
export type DigestCache = Map<string, DigestContent>;

/**
 * Composes the digest of a subscription for a window. With a cache, subscriptions of the same story due at
 * the same minute share one read of the store.
 */
export function composeDigest(
  store: Store,
  subscription: DigestOptions & { storyId: number },
  window: DigestWindow,
  cache?: DigestCache,
): ComposedDigest | undefined {
  const key = `${subscription.storyId}|${window.since}|${window.until}`;
  let content = cache?.get(key);
  if (!content) {
    const story = store.stories.byId(subscription.storyId);
    if (!story) return undefined;
    content = gatherDigest(store, story, window);
    cache?.set(key, content);
  }
  return renderDigest(content, subscription);
}
