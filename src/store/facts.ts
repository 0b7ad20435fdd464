import type { DatePrecision, Facts, Figure, FigureState, Quote, Span } from '../extract/types.ts';
import type { Db } from './db.ts';
import { escapeLike } from './stories.ts';

/** Where a fact came from: shown next to every quote and figure so a reader can check it. */
export interface FactSource {
  articleId: number;
  articleTitle: string;
  articleUrl: string | null;
  articleSource: string | null;
  publishedAt: string | null;
}

/** A quote as stored: the extractor's {@link Quote} without its offsets, with where it came from. */
export interface StoredQuote extends FactSource, Omit<Quote, keyof Span> {
  id: number;
}

/**
 * A figure as stored: the extractor's {@link Figure} without its offsets or headline mark, with where it came
 * from. `counted` is always set here: false when the article gives no number (min and max are then 0), shown
 * as "number not given".
 */
export interface StoredFigure extends FactSource, Omit<Figure, keyof Span | 'counted' | 'headline'> {
  id: number;
  counted: boolean;
}

export interface StoredTimelineEvent extends FactSource {
  id: number;
  date: string;
  precision: DatePrecision;
  approximate: boolean;
  text: string;
}

/** An entity as a story knows it: merged over every article that names it. */
export interface StoredEntity {
  kind: 'person' | 'place' | 'organization';
  name: string;
  role: string | null;
  aliases: string[];
  /** How often the story refers to it: see {@link referenceCount}. Never fewer than the times it is quoted. */
  mentionCount: number;
  articleCount: number;
}

/**
 * How often one article refers to a person: each time it names them, and each quote or reported statement
 * it attributes to them, with a quote and a naming in the same sentence counted once (`"…," said Ozerov` is one
 * reference, not two). So a person quoted three times is mentioned at least three times, even when a quote is
 * attributed through a description ("the head of the defense committee") or a pronoun, which the entity table
 * does not list as a naming; and named twice in a sentence with one quote is mentioned twice.
 */
export function referenceCount(
  namings: Span[],
  quotes: Pick<Quote, 'start' | 'end' | 'text' | 'sentence'>[],
): number {
  // The sentence each quote sits in, as a span of the body: where the quote starts, less where it starts in its
  // sentence. A quote whose words cannot be found in its sentence (a quote over several paragraphs) stands alone.
  const sentences = new Map<string, { start: number; end: number; quotes: number }>();
  for (const quote of quotes) {
    // The whole quote first: two quotes of one sentence may open with the same words.
    const whole = quote.sentence.indexOf(quote.text);
    const at = whole >= 0 ? whole : quote.sentence.indexOf(quote.text.slice(0, 40));
    const start = at >= 0 ? quote.start - at : quote.start;
    const end = at >= 0 ? start + quote.sentence.length : quote.end;
    const key = `${start}:${end}`;
    const sentence = sentences.get(key) ?? { start, end, quotes: 0 };
    sentence.quotes += 1;
    sentences.set(key, sentence);
  }
  // Namings in a sentence by binary search over their sorted starts: a 1 MB article has thousands of both.
  const starts = namings.map((n) => n.start).sort((a, b) => a - b);
  const before = (offset: number) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  let count = namings.length;
  for (const sentence of sentences.values()) {
    const named = before(sentence.end) - before(sentence.start);
    count += Math.max(0, sentence.quotes - named);
  }
  return count;
}

const SOURCE_COLUMNS = `a.id AS articleId, a.title AS articleTitle, a.url AS articleUrl, a.source AS articleSource,
  a.published_at AS publishedAt`;

type QuoteRow = Omit<StoredQuote, never>;
type FigureRow = Omit<StoredFigure, 'min' | 'max' | 'where' | 'counted'> & {
  counted: number;
  min_value: number;
  max_value: number;
  place: string | null;
};
type TimelineRow = Omit<StoredTimelineEvent, 'approximate'> & { approximate: number };

/** Filters for quote lists; every field is optional. */
export interface QuoteFilter {
  speaker?: string | undefined;
  kind?: 'direct' | 'reported' | undefined;
}

/** The facts extracted from articles: written per article, read per story. */
export function factsRepo(db: Db) {
  const clear = {
    quotes: db.prepare<[number]>('DELETE FROM quotes WHERE article_id = ?'),
    figures: db.prepare<[number]>('DELETE FROM figures WHERE article_id = ?'),
    entities: db.prepare<[number]>('DELETE FROM entities WHERE article_id = ?'),
    timeline: db.prepare<[number]>('DELETE FROM timeline WHERE article_id = ?'),
  };
  // Quotes and figures carry their article's date and entities their mention count, written here once rather
  // than by a trigger per row (migration 008): a large article's write stays short.
  const articleDate = db.prepare<[number], { published_at: string | null }>(
    'SELECT published_at FROM articles WHERE id = ?',
  );
  const insertQuote = db.prepare(
    `INSERT INTO quotes (article_id, story_id, ordinal, kind, text, speaker, role, verb, sentence, start_at, end_at,
       published_at)
     VALUES (@articleId, @storyId, @ordinal, @kind, @text, @speaker, @role, @verb, @sentence, @start, @end,
       @publishedAt)`,
  );
  /** Indexes an article's quotes for search in one statement (the FTS table's content is the quotes table). */
  const indexQuotes = db.prepare<[number]>(
    `INSERT INTO quotes_fts (rowid, text, speaker)
     SELECT id, text, coalesce(speaker, '') FROM quotes WHERE article_id = ?`,
  );
  /** Adds an article's quotes to its story's per-speaker counts, one row per speaker (case-insensitive). */
  const countSpeakers = db.prepare<[number]>(
    `INSERT INTO quote_speakers (story_id, speaker, quotes)
       SELECT story_id, min(speaker), count(*) FROM quotes WHERE article_id = ? AND speaker IS NOT NULL
       GROUP BY speaker COLLATE NOCASE
     ON CONFLICT (story_id, speaker) DO UPDATE SET quotes = quotes + excluded.quotes`,
  );
  const insertFigure = db.prepare(
    `INSERT INTO figures (article_id, story_id, ordinal, min_value, max_value, counted, qualifier, unit, state, who,
       place, source, sentence, start_at, end_at, published_at)
     VALUES (@articleId, @storyId, @ordinal, @min, @max, @counted, @qualifier, @unit, @state, @who, @where, @source,
       @sentence, @start, @end, @publishedAt)`,
  );
  const insertEntity = db.prepare<[Record<string, unknown>], { id: number }>(
    `INSERT INTO entities (article_id, story_id, kind, name, role, aliases, mention_count)
     VALUES (@articleId, @storyId, @kind, @name, @role, @aliases, @mentionCount) RETURNING id`,
  );
  const insertMention = db.prepare<[number, number, number]>(
    'INSERT INTO mentions (entity_id, start_at, end_at) VALUES (?, ?, ?)',
  );
  const insertEvent = db.prepare(
    `INSERT INTO timeline (article_id, story_id, event_date, precision, approximate, text, start_at, end_at)
     VALUES (@articleId, @storyId, @date, @precision, @approximate, @text, @start, @end)`,
  );

  const quoteColumns = `q.id, q.kind, q.text, q.speaker, q.role, q.verb, q.sentence, ${SOURCE_COLUMNS}`;
  // Ordered by the quote's copy of its article's date (migration 003), which the index holds in this order.
  const quotesByStory = db.prepare<[number, number, number], QuoteRow>(
    `SELECT ${quoteColumns} FROM quotes q JOIN articles a ON a.id = q.article_id
     WHERE q.story_id = ? ORDER BY q.published_at IS NULL, q.published_at DESC, q.article_id DESC, q.ordinal
     LIMIT ? OFFSET ?`,
  );
  const quotesBySpeaker = db.prepare<[number, string, number, number], QuoteRow>(
    `SELECT ${quoteColumns} FROM quotes q JOIN articles a ON a.id = q.article_id
     WHERE q.story_id = ? AND q.speaker = ? COLLATE NOCASE
     ORDER BY q.published_at IS NULL, q.published_at DESC, q.article_id DESC, q.ordinal LIMIT ? OFFSET ?`,
  );
  const countQuotesUpTo = db.prepare<[number, number], { n: number }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM quotes WHERE story_id = ? LIMIT ?)',
  );
  const countSpeakerQuotesUpTo = db.prepare<[number, string, number], { n: number }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM quotes WHERE story_id = ? AND speaker = ? COLLATE NOCASE LIMIT ?)',
  );
  const quotesOfArticles = db.prepare<[string], QuoteRow>(
    `SELECT ${quoteColumns} FROM quotes q JOIN articles a ON a.id = q.article_id
     WHERE q.article_id IN (SELECT value FROM json_each(?)) ORDER BY q.article_id, q.ordinal`,
  );
  // The running totals of migration 003: a story's distinct speakers, not every quote.
  const speakers = db.prepare<[number, string, number], { speaker: string; n: number }>(
    `SELECT speaker, quotes AS n FROM quote_speakers
     WHERE story_id = ? AND speaker LIKE ? ESCAPE '\\'
     ORDER BY quotes DESC, speaker LIMIT ?`,
  );

  const figureColumns = `f.id, f.min_value, f.max_value, f.counted, f.qualifier, f.unit, f.state, f.who, f.place, f.source,
    f.sentence, ${SOURCE_COLUMNS}`;
  const figuresByStory = db.prepare<[number, number], FigureRow>(
    `SELECT ${figureColumns} FROM figures f JOIN articles a ON a.id = f.article_id
     WHERE f.story_id = ? ORDER BY a.published_at IS NULL, a.published_at DESC, f.article_id DESC, f.ordinal
     LIMIT ?`,
  );
  const figuresByState = db.prepare<[number, string, number], FigureRow>(
    `SELECT ${figureColumns} FROM figures f JOIN articles a ON a.id = f.article_id
     WHERE f.story_id = ? AND f.state = ?
     ORDER BY f.published_at IS NULL, f.published_at DESC, f.article_id DESC, f.ordinal LIMIT ?`,
  );
  const countFiguresUpTo = db.prepare<[number, string, number], { n: number }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM figures WHERE story_id = ? AND state = ? LIMIT ?)',
  );
  const figuresOfArticles = db.prepare<[string], FigureRow>(
    `SELECT ${figureColumns} FROM figures f JOIN articles a ON a.id = f.article_id
     WHERE f.article_id IN (SELECT value FROM json_each(?)) ORDER BY f.article_id, f.ordinal`,
  );

  const timelineColumns = `t.id, t.event_date AS date, t.precision, t.approximate, t.text, ${SOURCE_COLUMNS}`;
  const timelinePage = db.prepare<[number, number, number], TimelineRow>(
    `SELECT ${timelineColumns} FROM timeline t JOIN articles a ON a.id = t.article_id
     WHERE t.story_id = ? ORDER BY t.event_date, t.id LIMIT ? OFFSET ?`,
  );
  const countTimelineUpTo = db.prepare<[number, number], { n: number }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM timeline WHERE story_id = ? LIMIT ?)',
  );
  const timelineOfArticles = db.prepare<[string], TimelineRow>(
    `SELECT ${timelineColumns} FROM timeline t JOIN articles a ON a.id = t.article_id
     WHERE t.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.event_date, t.id`,
  );

  const entityTotals = db.prepare<
    [number, string, string, number],
    { name: string; role: string | null; articles: number; mentions: number }
  >(
    `SELECT name, role, articles, mentions FROM entity_totals
     WHERE story_id = ? AND kind = ? AND name LIKE ? ESCAPE '\\'
     ORDER BY articles DESC, mentions DESC, name LIMIT ?`,
  );
  const entityAliases = db.prepare<[number, string, string, number], { aliases: string }>(
    'SELECT aliases FROM entities WHERE story_id = ? AND kind = ? AND name = ? ORDER BY id DESC LIMIT ?',
  );

  const toFigure = (row: FigureRow): StoredFigure => {
    const { min_value, max_value, place, counted, ...rest } = row;
    return { ...rest, min: min_value, max: max_value, counted: counted !== 0, where: place };
  };
  const toEvent = (row: TimelineRow): StoredTimelineEvent => ({ ...row, approximate: row.approximate === 1 });

  return {
    /**
     * Replaces everything extracted from one article. Callers run it inside the transaction that writes the
     * article, so readers see the old facts or the new ones, never a mix.
     */
    replaceForArticle(articleId: number, storyId: number, facts: Facts): void {
      for (const statement of Object.values(clear)) statement.run(articleId);
      const publishedAt = articleDate.get(articleId)?.published_at ?? null;
      const base = { articleId, storyId, publishedAt };
      facts.quotes.forEach((q, ordinal) =>
        // The statement names its columns; fields of the quote it has none for are not bound.
        insertQuote.run({ ...q, ...base, ordinal }),
      );
      indexQuotes.run(articleId);
      countSpeakers.run(articleId);
      facts.figures.forEach((f, ordinal) =>
        insertFigure.run({ ...f, ...base, ordinal, counted: f.counted === false ? 0 : 1 }),
      );
      const entities = [
        ...facts.people.map((e) => ({ ...e, kind: 'person' as const })),
        ...facts.places.map((e) => ({ ...e, kind: 'place' as const, role: null })),
        ...facts.organizations.map((e) => ({ ...e, kind: 'organization' as const, role: null })),
      ];
      for (const entity of entities) {
        const { id } = insertEntity.get({
          ...base,
          kind: entity.kind,
          name: entity.name,
          role: entity.role,
          aliases: JSON.stringify(entity.aliases),
          mentionCount:
            entity.kind === 'person'
              ? referenceCount(
                  entity.mentions,
                  facts.quotes.filter((q) => q.speaker === entity.name),
                )
              : entity.mentions.length,
        })!;
        for (const mention of entity.mentions) insertMention.run(id, mention.start, mention.end);
      }
      for (const event of facts.timeline) {
        insertEvent.run({
          ...base,
          date: event.date,
          precision: event.precision,
          approximate: event.approximate ? 1 : 0,
          text: event.text,
          start: event.start,
          end: event.end,
        });
      }
    },

    /** A story's quotes, newest article first, optionally by one speaker. */
    quotes(storyId: number, filter: QuoteFilter = {}, limit = 25, offset = 0): StoredQuote[] {
      const rows = filter.speaker
        ? quotesBySpeaker.all(storyId, filter.speaker, limit, offset)
        : quotesByStory.all(storyId, limit, offset);
      return filter.kind ? rows.filter((q) => q.kind === filter.kind) : rows;
    },
    /** Quoted speakers of a story whose name contains `text`, most quoted first: for autocomplete. */
    speakers(storyId: number, text = '', limit = 25): { speaker: string; count: number }[] {
      return speakers
        .all(storyId, `%${escapeLike(text)}%`, limit)
        .map((r) => ({ speaker: r.speaker, count: r.n }));
    },
    figures(storyId: number, limit = 200): StoredFigure[] {
      return figuresByStory.all(storyId, limit).map(toFigure);
    },
    /**
     * How many quotes a story (or one speaker in it) has, counting no further than `cap`: enough to say
     * "page 2 of 40" or "1,000+" without walking every quote of a story that has hundreds of thousands.
     */
    countQuotesUpTo(storyId: number, speaker: string | undefined, cap: number): number {
      return (
        speaker ? countSpeakerQuotesUpTo.get(storyId, speaker, cap) : countQuotesUpTo.get(storyId, cap)
      )!.n;
    },
    /** A story's figures in one state, newest article first: what `/troops` lists under each state. */
    figuresByState(storyId: number, state: FigureState, limit = 10): StoredFigure[] {
      return figuresByState.all(storyId, state, limit).map(toFigure);
    },
    /** How many figures a story has in one state, counting no further than `cap`. */
    countFiguresUpTo(storyId: number, state: FigureState, cap: number): number {
      return countFiguresUpTo.get(storyId, state, cap)!.n;
    },
    /** One page of a story's timeline, in date order. */
    timelinePage(storyId: number, limit: number, offset: number): StoredTimelineEvent[] {
      return timelinePage.all(storyId, limit, offset).map(toEvent);
    },
    /** How many timeline events a story has, counting no further than `cap`. */
    countTimelineUpTo(storyId: number, cap: number): number {
      return countTimelineUpTo.get(storyId, cap)!.n;
    },
    /**
     * People, places or organisations of a story from the running totals of migration 003 (one row per name,
     * most reported first): the fast path behind `/who`. Aliases come from the latest articles naming each.
     */
    entityTotals(storyId: number, kind: StoredEntity['kind'], nameContains = '', limit = 25): StoredEntity[] {
      return entityTotals.all(storyId, kind, `%${escapeLike(nameContains)}%`, limit).map((row) => ({
        kind,
        name: row.name,
        role: row.role,
        aliases: [
          ...new Set(
            entityAliases.all(storyId, kind, row.name, 20).flatMap((r) => JSON.parse(r.aliases) as string[]),
          ),
        ].filter((alias) => alias !== row.name),
        mentionCount: row.mentions,
        articleCount: row.articles,
      }));
    },
    /** The facts of a set of articles, for digests that report what those articles added. */
    ofArticles(articleIds: number[]): {
      quotes: StoredQuote[];
      figures: StoredFigure[];
      timeline: StoredTimelineEvent[];
    } {
      const ids = JSON.stringify(articleIds);
      return {
        quotes: quotesOfArticles.all(ids),
        figures: figuresOfArticles.all(ids).map(toFigure),
        timeline: timelineOfArticles.all(ids).map(toEvent),
      };
    },
  };
}

export type FactsRepo = ReturnType<typeof factsRepo>;
