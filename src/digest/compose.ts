/**
 * Composing a digest: what is new on a story since a subscription's previous digest, as Discord message
 * payloads that always fit Discord's limits. A subscription's first digest is its briefing instead: the story as
 * it stands ({@link gatherBriefing}), so a moderator who has just set one up sees what it brings at once. Reading the store ({@link gatherDigest}) is separate from rendering
 * (`renderDigest` in `src/render/digest.ts`, pure), so that when thousands of subscriptions of the same story are due at the same
 * minute the store is read once per story and window, not once per guild.
 */
import { renderDigest, type ComposedDigest, type DigestOptions } from '../render/digest.ts';
import { STATE_ORDER } from '../render/figures.ts';
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

/**
 * The story as it stands, for a subscription's first digest: the lead of its newest article, the latest figure
 * of each state with its source, a few key quotes and the newest timeline entries.
 */
export interface Briefing {
  /** The newest article, whose lead opens the briefing; null when the story has no article yet. */
  article: ArticleHeader | null;
  /** Its lead sentences (the extracted summary, else its first paragraph). */
  lead: string;
  /** How many articles the story has, counted up to a cap. */
  articleCount: number;
  /** Whether the count stopped at its cap (shown as "1,000+"). */
  articleCountCapped: boolean;
  figures: StoredFigure[];
  quotes: StoredQuote[];
  /** In date order, the newest last. */
  timeline: StoredTimelineEvent[];
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
  /** Set for a subscription's first digest: then the digest is this briefing, whatever is new. */
  briefing?: Briefing;
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
  return { ...base, quotes: facts.quotes.filter(isAttributed), figures, timeline: facts.timeline };
}

/**
 * Whether a quote names who said it. A digest tells a channel who said what, so it leaves out what nobody is named
 * for (a question put to someone, "Asked about the merger, …"; the writer's own "I argued that …"); `/quotes`
 * still lists them.
 */
function isAttributed(quote: StoredQuote): boolean {
  return quote.speaker !== null && quote.speaker !== '';
}

/** Key quotes in a briefing: the newest, direct quotes first, one per speaker. */
const BRIEFING_QUOTES = 3;
/** Timeline entries in a briefing: the newest by date. */
const BRIEFING_TIMELINE = 4;
/** Articles are counted up to this for a briefing's "from N articles". */
const BRIEFING_ARTICLE_CAP = 1000;
/** Rows read to find the few a briefing shows, skipping facts of articles changed after the window. */
const BRIEFING_SCAN = 50;

/** Whether a subscription's next digest is its briefing: no digest of it has been delivered yet. */
export function isFirstDigest(subscription: { lastDeliveryAt: string | null }): boolean {
  return subscription.lastDeliveryAt === null;
}

/**
 * Reads the story as it stands at the end of a window, for a subscription's first digest. Only articles
 * stored or changed up to `window.until` count, so recovery composing the same run again after a crash gets the
 * same briefing even if news came in meanwhile.
 */
export function gatherBriefing(store: Store, story: Story, window: DigestWindow): DigestContent {
  const inWindow = (article: { updatedAt: string }) => article.updatedAt <= window.until;
  const articles = store.articles.listByStory(story.id, BRIEFING_SCAN).filter(inWindow);
  const shown = new Set(articles.map((a) => a.id));
  const known = (fact: { articleId: number }) => shown.has(fact.articleId);
  const article = articles[0] ?? null;
  const lead = article ? store.articles.lead(article) : '';
  const figures = STATE_ORDER.flatMap((state) =>
    store.facts.figuresByState(story.id, state, BRIEFING_SCAN).filter(known).slice(0, 1),
  );
  const candidates = store.facts.quotes(story.id, {}, BRIEFING_SCAN).filter(known);
  const speakers = new Set<string>();
  const quotes: StoredQuote[] = [];
  for (const quote of [
    ...candidates.filter((q) => q.kind === 'direct'),
    ...candidates.filter((q) => q.kind !== 'direct'),
  ]) {
    if (!isAttributed(quote)) continue;
    const speaker = quote.speaker ?? '';
    if (speakers.has(speaker)) continue;
    speakers.add(speaker);
    quotes.push(quote);
    if (quotes.length === BRIEFING_QUOTES) break;
  }
  const events = store.facts.countTimelineUpTo(story.id, Number.MAX_SAFE_INTEGER);
  const timeline = store.facts
    .timelinePage(story.id, BRIEFING_SCAN, Math.max(0, events - BRIEFING_SCAN))
    .filter(known)
    .slice(-BRIEFING_TIMELINE);
  const articleCount = store.articles.countByStoryUpTo(story.id, BRIEFING_ARTICLE_CAP);
  return {
    story,
    window,
    countedUntil: window.until,
    more: 0,
    articles: [],
    quotes: [],
    figures: [],
    timeline: [],
    briefing: {
      article,
      lead,
      articleCount,
      articleCountCapped: articleCount >= BRIEFING_ARTICLE_CAP,
      figures,
      quotes,
      timeline,
    },
  };
}

/** Memoises {@link gatherDigest} per story and window, for one scheduler tick. */
export type DigestCache = Map<string, DigestContent>;

/**
 * Composes the digest of a subscription for a window: its briefing when `briefing` is set (its first digest:
 * see {@link isFirstDigest}), else what is new. With a cache, subscriptions of the same story due at the same
 * minute share one read of the store.
 */
export function composeDigest(
  store: Store,
  subscription: DigestOptions & { storyId: number },
  window: DigestWindow,
  cache?: DigestCache,
  briefing = false,
): ComposedDigest | undefined {
  const key = `${subscription.storyId}|${window.since}|${window.until}|${briefing ? 'briefing' : 'news'}`;
  let content = cache?.get(key);
  if (!content) {
    const story = store.stories.byId(subscription.storyId);
    if (!story) return undefined;
    content = briefing ? gatherBriefing(store, story, window) : gatherDigest(store, story, window);
    cache?.set(key, content);
  }
  return renderDigest(content, subscription);
}
