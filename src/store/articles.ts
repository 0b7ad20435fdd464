import type { Db } from './db.ts';

/** What ingest writes for an article. */
export interface ArticleInput {
  storyId: number;
  /** The URL if the article has one, else its path: what identifies it across runs. */
  sourceKey: string;
  url: string | null;
  source: string | null;
  /** Who wrote it (front matter `author:`, the feed item's author, the page's byline); null when unknown. */
  author?: string | null;
  title: string;
  body: string;
  publishedAt: string | null;
  contentHash: string;
  summary: string[];
  extractorVersion: number;
  /** The file it was read from (absolute), if any: deleting that file removes the article. */
  file?: string | null;
}

/** An article as stored. */
export interface Article extends ArticleInput {
  id: number;
  ingestedAt: string;
  updatedAt: string;
  /** How many times a feed revised its text after it was first stored (0 for most). */
  revision: number;
  /** What the last revision changed, in a few words for digests; null if never revised. */
  revisionNote: string | null;
}

/** An article without its body: what lists and digests show. */
export type ArticleHeader = Omit<Article, 'body'>;

interface ArticleRow {
  id: number;
  story_id: number;
  source_key: string;
  url: string | null;
  source: string | null;
  author: string | null;
  title: string;
  body: string;
  published_at: string | null;
  content_hash: string;
  summary: string;
  extractor_version: number;
  ingested_at: string;
  updated_at: string;
  revision: number;
  revision_note: string | null;
  file: string | null;
}

const toArticle = (row: ArticleRow): Article => ({
  id: row.id,
  storyId: row.story_id,
  sourceKey: row.source_key,
  url: row.url,
  source: row.source,
  author: row.author,
  title: row.title,
  body: row.body,
  publishedAt: row.published_at,
  contentHash: row.content_hash,
  summary: JSON.parse(row.summary) as string[],
  extractorVersion: row.extractor_version,
  ingestedAt: row.ingested_at,
  updatedAt: row.updated_at,
  revision: row.revision,
  revisionNote: row.revision_note,
  file: row.file,
});

const toHeader = (row: Omit<ArticleRow, 'body'>): ArticleHeader => {
  const { body: _body, ...rest } = toArticle({ ...row, body: '' });
  return rest;
};

const HEADER_COLUMNS = `id, story_id, source_key, url, source, author, title, published_at, content_hash, summary,
  extractor_version, ingested_at, updated_at, revision, revision_note, file`;

/** Articles: one row per source (path or URL), unique by content hash. */
export function articlesRepo(db: Db) {
  const bySourceKey = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE source_key = ?');
  const byHash = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE content_hash = ?');
  const byId = db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE id = ?');
  const insert = db.prepare<[Record<string, unknown>], { id: number }>(
    `INSERT INTO articles (story_id, source_key, url, source, author, title, body, published_at, content_hash,
       summary, extractor_version, ingested_at, updated_at, file)
     VALUES (@storyId, @sourceKey, @url, @source, @author, @title, @body, @publishedAt, @contentHash, @summary,
       @extractorVersion, @now, @now, @file)
     RETURNING id`,
  );
  const update = db.prepare<[Record<string, unknown>]>(
    `UPDATE articles SET story_id = @storyId, url = @url, source = @source, author = @author, title = @title,
       body = @body,
       published_at = @publishedAt, content_hash = @contentHash, summary = @summary,
       extractor_version = @extractorVersion, updated_at = @now, file = coalesce(@file, file)
     WHERE id = @id`,
  );
  const files = db.prepare<[], { file: string }>(
    'SELECT DISTINCT file FROM articles WHERE file IS NOT NULL ORDER BY file',
  );
  const forRemoval = db.prepare<[string, string, string], ArticleRow>(
    'SELECT * FROM articles WHERE source_key = ? OR source_key = ? OR file = ? ORDER BY id',
  );
  const remove = db.prepare<[number]>('DELETE FROM articles WHERE id = ?');
  const byStory = db.prepare<[number, number, number], Omit<ArticleRow, 'body'>>(
    `SELECT ${HEADER_COLUMNS} FROM articles WHERE story_id = ?
     ORDER BY published_at IS NULL, published_at DESC, id DESC LIMIT ? OFFSET ?`,
  );
  const changedBetween = db.prepare<[number, string, string, number], Omit<ArticleRow, 'body'>>(
    `SELECT ${HEADER_COLUMNS} FROM articles WHERE story_id = ? AND updated_at > ? AND updated_at <= ?
       AND announce = 1
     ORDER BY updated_at, id LIMIT ?`,
  );
  const countChangedBetween = db.prepare<[number, string, string], { n: number }>(
    `SELECT count(*) AS n FROM articles
     WHERE story_id = ? AND updated_at > ? AND updated_at <= ? AND announce = 1`,
  );
  // Two statements: alone, max() is one step down the updated_at index (migration 003); next to count() it
  // would scan it.
  const countAll = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM articles WHERE guild_id IN ('', ?)",
  );
  // One step down articles_scope_updated (migration 006) per scope.
  const lastUpdated = db.prepare<[string], { last: string | null }>(
    `SELECT max(last) AS last FROM (
       SELECT max(updated_at) AS last FROM articles WHERE guild_id = ''
       UNION ALL SELECT max(updated_at) FROM articles WHERE guild_id = ?)`,
  );
  const countByStoryUpTo = db.prepare<[number, number], { n: number }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM articles WHERE story_id = ? LIMIT ?)',
  );
  const countByStory = db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM articles WHERE story_id = ?',
  );

  const params = (input: ArticleInput, now: Date) => ({
    ...input,
    summary: JSON.stringify(input.summary),
    author: input.author ?? null,
    file: input.file ?? null,
    now: now.toISOString(),
  });

  return {
    bySourceKey(key: string): Article | undefined {
      const row = bySourceKey.get(key);
      return row && toArticle(row);
    },
    byHash(hash: string): Article | undefined {
      const row = byHash.get(hash);
      return row && toArticle(row);
    },
    byId(id: number): Article | undefined {
      const row = byId.get(id);
      return row && toArticle(row);
    },
    insert(input: ArticleInput, now: Date): number {
      return insert.get(params(input, now))!.id;
    },
    update(id: number, input: ArticleInput, now: Date): void {
      update.run({ ...params(input, now), id });
    },
    /** Deletes an article; its facts go with it (ON DELETE CASCADE). */
    delete(id: number): void {
      remove.run(id);
    },
    /** Every file articles were read from (absolute paths), for noticing deleted ones. */
    files(): string[] {
      return files.all().map((row) => row.file);
    },
    /** The articles `target` names: a URL or path as stored (`source_key`), or the file they were read from. */
    findForRemoval(target: string, absolute: string): Article[] {
      return forRemoval.all(target, absolute, absolute).map(toArticle);
    },
    /**
     * An article's lead, as `/summary` and a briefing open with it: its extracted lead sentences, else the first
     * paragraph of its body (read only then).
     */
    lead(article: Pick<ArticleHeader, 'id' | 'summary'>): string {
      if (article.summary.length > 0) return article.summary.join(' ');
      const row = byId.get(article.id);
      return row
        ? (toArticle(row)
            .body.trim()
            .split(/\n\s*\n/)[0] ?? '')
        : '';
    },
    /** A story's articles, newest first. */
    listByStory(storyId: number, limit = 25, offset = 0): ArticleHeader[] {
      return byStory.all(storyId, limit, offset).map(toHeader);
    },
    /** A story's article count, counting no further than `cap` (for "10,000+" without walking 100,000 rows). */
    countByStoryUpTo(storyId: number, cap: number): number {
      return countByStoryUpTo.get(storyId, cap)!.n;
    },
    countByStory(storyId: number): number {
      return countByStory.get(storyId)!.n;
    },
    /**
     * Articles of a story added or changed after `since` (exclusive) up to `until` (inclusive), oldest first:
     * what a digest reports. Articles a feed's first poll stored as its baseline (older than
     * FEED_FIRST_POLL_HOURS) are not news.
     */
    changedBetween(storyId: number, since: string, until: string, limit: number): ArticleHeader[] {
      return changedBetween.all(storyId, since, until, limit).map(toHeader);
    },
    /** How many articles {@link changedBetween} would return without a limit. */
    countChangedBetween(storyId: number, since: string, until: string): number {
      return countChangedBetween.get(storyId, since, until)!.n;
    },
    /**
     * How many articles a server sees (the shared ones and its own feeds'; without a guild, the shared ones)
     * and when the last of them was added or changed, for `/about`.
     */
    stats(guildId?: string | null): { count: number; lastIngestedAt: string | null } {
      const scope = guildId ?? '';
      return { count: countAll.get(scope)!.n, lastIngestedAt: lastUpdated.get(scope)!.last };
    },
  };
}

export type ArticlesRepo = ReturnType<typeof articlesRepo>;
