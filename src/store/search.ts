import type { Db } from './db.ts';

/** A full-text hit with a short highlighted excerpt. */
export interface SearchHit {
  kind: 'article' | 'quote';
  articleId: number;
  title: string;
  url: string | null;
  publishedAt: string | null;
  /** The matching passage; matched words are wrapped in `\u0001…\u0002` for the renderer to emphasise. */
  excerpt: string;
  speaker: string | null;
  /** The story it is in (`recent` only), for a search across stories. */
  storyTitle?: string;
}

/**
 * Turns what a user typed into an FTS5 query that cannot be a syntax error: every word becomes a quoted term
 * (so `AND`, `*`, `"` or `-` are searched for, not interpreted), and all terms must match.
 */
export function toFtsQuery(text: string): string | null {
  const terms = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

/** Full-text search over articles and quotes (FTS5, porter stemming). */
export function searchRepo(db: Db) {
  const articles = db.prepare<[string, number], Omit<SearchHit, 'kind' | 'speaker'>>(
    `SELECT a.id AS articleId, a.title, a.url, a.published_at AS publishedAt,
       snippet(articles_fts, 1, char(1), char(2), '…', 24) AS excerpt
     FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
     WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
  );
  const quotes = db.prepare<[string, number], Omit<SearchHit, 'kind'>>(
    `SELECT a.id AS articleId, a.title, a.url, a.published_at AS publishedAt, q.speaker,
       snippet(quotes_fts, 0, char(1), char(2), '…', 24) AS excerpt
     FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article_id
     WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?`,
  );

  // Newest first (rowid order, which FTS5 walks backwards for free) rather than by rank: ranking scores every
  // match, which takes a word found in 100,000 articles far past the 10 ms a command may take.
  // Across stories, only those the server may see: shared ones ('') and its own.
  const recentArticles = db.prepare<
    [string, number | null, number | null, string, number],
    Omit<SearchHit, 'kind' | 'speaker'>
  >(
    `SELECT a.id AS articleId, a.title, a.url, a.published_at AS publishedAt, s.title AS storyTitle,
       snippet(articles_fts, -1, char(1), char(2), '…', 16) AS excerpt
     FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid JOIN stories s ON s.id = a.story_id
     WHERE articles_fts MATCH ? AND (? IS NULL OR a.story_id = ?) AND s.guild_id IN ('', ?)
     ORDER BY articles_fts.rowid DESC LIMIT ?`,
  );
  const recentQuotes = db.prepare<
    [string, number | null, number | null, string, number],
    Omit<SearchHit, 'kind'>
  >(
    `SELECT a.id AS articleId, a.title, a.url, a.published_at AS publishedAt, q.speaker, s.title AS storyTitle,
       snippet(quotes_fts, 0, char(1), char(2), '…', 16) AS excerpt
     FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article_id
       JOIN stories s ON s.id = q.story_id
     WHERE quotes_fts MATCH ? AND (? IS NULL OR q.story_id = ?) AND s.guild_id IN ('', ?)
     ORDER BY quotes_fts.rowid DESC LIMIT ?`,
  );

  return {
    /**
     * `/search`: the newest matching quotes and the newest matching articles, at most `limit` of each,
     * optionally within one story. Text that holds no word finds nothing.
     */
    recent(
      text: string,
      storyId: number | null,
      limit = 5,
      guildId: string | null = null,
    ): { quotes: SearchHit[]; articles: SearchHit[] } {
      const query = toFtsQuery(text);
      if (!query) return { quotes: [], articles: [] };
      const scope = guildId ?? '';
      return {
        quotes: recentQuotes
          .all(query, storyId, storyId, scope, limit)
          .map((h) => ({ ...h, kind: 'quote' as const })),
        articles: recentArticles
          .all(query, storyId, storyId, scope, limit)
          .map((h) => ({ ...h, kind: 'article' as const, speaker: null })),
      };
    },
    /** Quotes first (they answer "who said …"), then articles; null query text finds nothing. */
    search(text: string, limit = 10): SearchHit[] {
      const query = toFtsQuery(text);
      if (!query) return [];
      const quoteHits = quotes.all(query, limit).map((h) => ({ ...h, kind: 'quote' as const }));
      const articleHits = articles
        .all(query, limit)
        .map((h) => ({ ...h, kind: 'article' as const, speaker: null }));
      return [...quoteHits, ...articleHits].slice(0, limit);
    },
  };
}

export type SearchRepo = ReturnType<typeof searchRepo>;
