import type { Db } from './db.ts';
import { fromRow, type RowOf } from './rows.ts';

/** A feed URL and what fetching it needs; shared by every server that follows it. */
export interface FeedSource {
  id: number;
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  nextPollAt: string;
  failures: number;
  firstFailureAt: string | null;
  lastPollAt: string | null;
  lastStatus: 'ok' | 'not-modified' | 'error' | null;
  lastError: string | null;
  lastOkAt: string | null;
  pausedReason: string | null;
  pausedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A server (guildId) or the operator (guildId '') following a feed into a story. */
export interface Feed {
  id: number;
  sourceId: number;
  guildId: string;
  storySlug: string;
  name: string | null;
  paused: boolean;
  baselineDone: boolean;
  lastNewItemAt: string | null;
  noticeSentAt: string | null;
  createdBy: string;
  createdAt: string;
}

/** A feed with its source's URL and health, as lists and `feed status` show it. */
export type FeedWithSource = Feed & { source: FeedSource };

type SourceRow = RowOf<FeedSource>;
type FeedRow = RowOf<Feed>;

const toSource = (r: SourceRow): FeedSource => fromRow<FeedSource>(r);
const toFeed = (r: FeedRow): Feed => fromRow<Feed>(r, ['paused', 'baselineDone']);

/** An article as dedupe compares it: enough to decide "same" and "changed" without reading every column. */
export interface DedupeCandidate {
  id: number;
  title: string;
  body: string;
  bodyHash: string | null;
  source: string | null;
  publishedAt: string | null;
}

/** What a poll writes when the fetch succeeded. */
export interface PollSuccess {
  status: 'ok' | 'not-modified';
  etag: string | null;
  lastModified: string | null;
  title: string | null;
  nextPollAt: string;
}

/** What a poll writes when the fetch failed. */
export interface PollFailure {
  error: string;
  failures: number;
  firstFailureAt: string;
  nextPollAt: string;
  pausedReason: string | null;
}

/** Feeds, the sources they read, and the items seen in them. */
export function feedsRepo(db: Db) {
  const s = {
    insertSource: db.prepare<[string, string, string, string], SourceRow>(
      `INSERT INTO feed_sources (url, next_poll_at, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (url) DO NOTHING RETURNING *`,
    ),
    sourceByUrl: db.prepare<[string], SourceRow>('SELECT * FROM feed_sources WHERE url = ?'),
    sourceById: db.prepare<[number], SourceRow>('SELECT * FROM feed_sources WHERE id = ?'),
    due: db.prepare<[string, number], SourceRow>(
      `SELECT * FROM feed_sources s WHERE paused_reason IS NULL AND next_poll_at <= ?
         AND EXISTS (SELECT 1 FROM feeds f WHERE f.source_id = s.id AND f.paused = 0)
       ORDER BY next_poll_at, id LIMIT ?`,
    ),
    success: db.prepare<[Record<string, unknown>]>(
      `UPDATE feed_sources SET etag = @etag, last_modified = @lastModified, title = coalesce(@title, title),
         next_poll_at = @nextPollAt, failures = 0, first_failure_at = NULL, last_poll_at = @now,
         last_status = @status, last_error = NULL, last_ok_at = @now, updated_at = @now
       WHERE id = @id`,
    ),
    failure: db.prepare<[Record<string, unknown>]>(
      `UPDATE feed_sources SET failures = @failures, first_failure_at = @firstFailureAt, next_poll_at = @nextPollAt,
         last_poll_at = @now, last_status = 'error', last_error = @error,
         paused_reason = @pausedReason, paused_at = CASE WHEN @pausedReason IS NULL THEN NULL ELSE @now END,
         updated_at = @now
       WHERE id = @id`,
    ),
    resumeSource: db.prepare<[string, string, number]>(
      `UPDATE feed_sources SET paused_reason = NULL, paused_at = NULL, failures = 0, first_failure_at = NULL,
         next_poll_at = ?, updated_at = ? WHERE id = ?`,
    ),
    deleteOrphanSource: db.prepare<[{ id: number }]>(
      'DELETE FROM feed_sources WHERE id = @id AND NOT EXISTS (SELECT 1 FROM feeds WHERE source_id = @id)',
    ),
    insertFeed: db.prepare<[Record<string, unknown>], FeedRow>(
      `INSERT INTO feeds (source_id, guild_id, story_slug, name, created_by, created_at)
       VALUES (@sourceId, @guildId, @storySlug, @name, @createdBy, @now) RETURNING *`,
    ),
    feedById: db.prepare<[number], FeedRow>('SELECT * FROM feeds WHERE id = ?'),
    feedInScope: db.prepare<[string, number], FeedRow>(
      'SELECT * FROM feeds WHERE guild_id = ? AND source_id = ?',
    ),
    feedsOfGuild: db.prepare<[string], FeedRow>('SELECT * FROM feeds WHERE guild_id = ? ORDER BY id'),
    feedsOfSource: db.prepare<[number], FeedRow>('SELECT * FROM feeds WHERE source_id = ? ORDER BY id'),
    allFeeds: db.prepare<[], FeedRow>('SELECT * FROM feeds ORDER BY guild_id, id'),
    countOfGuild: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM feeds WHERE guild_id = ?'),
    deleteFeed: db.prepare<[number]>('DELETE FROM feeds WHERE id = ?'),
    setPaused: db.prepare<[number, number]>('UPDATE feeds SET paused = ? WHERE id = ?'),
    baseline: db.prepare<[number]>('UPDATE feeds SET baseline_done = 1 WHERE id = ?'),
    newItem: db.prepare<[string, number]>(
      "UPDATE feeds SET last_new_item_at = max(coalesce(last_new_item_at, ''), ?) WHERE id = ?",
    ),
    notice: db.prepare<[string | null, number]>('UPDATE feeds SET notice_sent_at = ? WHERE id = ?'),
    item: db.prepare<[number, string], { article_id: number; item_hash: string }>(
      'SELECT article_id, item_hash FROM feed_items WHERE feed_id = ? AND guid = ?',
    ),
    addItem: db.prepare<[number, string, number, string, string]>(
      `INSERT INTO feed_items (feed_id, guid, article_id, item_hash, first_seen_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (feed_id, guid) DO UPDATE SET article_id = excluded.article_id, item_hash = excluded.item_hash`,
    ),
    byCanonical: db.prepare<[string, string], DedupeRow>(
      `SELECT id, title, body, body_hash, source, published_at FROM articles
       WHERE guild_id = ? AND canonical_url = ? LIMIT 1`,
    ),
    candidate: db.prepare<[number], DedupeRow>(
      'SELECT id, title, body, body_hash, source, published_at FROM articles WHERE id = ?',
    ),
    bySourceKey: db.prepare<[string], DedupeRow>(
      'SELECT id, title, body, body_hash, source, published_at FROM articles WHERE source_key = ?',
    ),
    byBody: db.prepare<[string, string], DedupeRow>(
      `SELECT id, title, body, body_hash, source, published_at FROM articles
       WHERE guild_id = ? AND body_hash = ? LIMIT 1`,
    ),
    recentOfSite: db.prepare<[string, string, string, string, number], DedupeRow>(
      `SELECT id, title, substr(body, 1, 1200) AS body, body_hash, source, published_at FROM articles
       WHERE guild_id = ? AND canonical_url >= ? AND canonical_url < ? AND ingested_at >= ?
       ORDER BY ingested_at DESC LIMIT ?`,
    ),
    feedColumns: db.prepare<[Record<string, unknown>]>(
      `UPDATE articles SET guild_id = @guildId, canonical_url = @canonicalUrl, body_hash = @bodyHash,
         announce = @announce WHERE id = @id`,
    ),
    revised: db.prepare<[string, number]>(
      'UPDATE articles SET revision = revision + 1, revision_note = ? WHERE id = ?',
    ),
    articleCount: db.prepare<[number], { n: number }>(
      'SELECT count(DISTINCT article_id) AS n FROM feed_items WHERE feed_id = ?',
    ),
  };

  return {
    /** The source for a URL, created (due at `nextPollAt`) if no one followed it yet. */
    ensureSource(url: string, nextPollAt: Date, now: Date): FeedSource {
      const row = s.insertSource.get(url, nextPollAt.toISOString(), now.toISOString(), now.toISOString());
      return toSource(row ?? s.sourceByUrl.get(url)!);
    },
    sourceByUrl(url: string): FeedSource | undefined {
      const row = s.sourceByUrl.get(url);
      return row && toSource(row);
    },
    sourceById(id: number): FeedSource | undefined {
      const row = s.sourceById.get(id);
      return row && toSource(row);
    },
    /** Sources due at `now` that someone still follows unpaused, longest-waiting first. */
    dueSources(now: Date, limit = 10_000): FeedSource[] {
      return s.due.all(now.toISOString(), limit).map(toSource);
    },
    recordSuccess(id: number, result: PollSuccess, now: Date): void {
      s.success.run({ ...result, id, now: now.toISOString() });
    },
    recordFailure(id: number, result: PollFailure, now: Date): void {
      s.failure.run({ ...result, id, now: now.toISOString() });
    },
    /** Clears a health pause and failures, and makes the source due at `at`. */
    resumeSource(id: number, at: Date, now: Date): void {
      s.resumeSource.run(at.toISOString(), now.toISOString(), id);
    },
    addFeed(
      input: { sourceId: number; guildId: string; storySlug: string; name: string | null; createdBy: string },
      now: Date,
    ): Feed {
      return toFeed(s.insertFeed.get({ ...input, now: now.toISOString() })!);
    },
    feedById(id: number): Feed | undefined {
      const row = s.feedById.get(id);
      return row && toFeed(row);
    },
    /** A scope's feed of a source: '' for the operator's. */
    feedInScope(guildId: string, sourceId: number): Feed | undefined {
      const row = s.feedInScope.get(guildId, sourceId);
      return row && toFeed(row);
    },
    /** A scope's feeds with their sources, oldest first. */
    feedsOfGuild(guildId: string): FeedWithSource[] {
      return s.feedsOfGuild.all(guildId).map((row) => ({
        ...toFeed(row),
        source: toSource(s.sourceById.get(row.source_id)!),
      }));
    },
    allFeeds(): FeedWithSource[] {
      return s.allFeeds
        .all()
        .map((row) => ({ ...toFeed(row), source: toSource(s.sourceById.get(row.source_id)!) }));
    },
    feedsOfSource(sourceId: number): Feed[] {
      return s.feedsOfSource.all(sourceId).map(toFeed);
    },
    countOfGuild(guildId: string): number {
      return s.countOfGuild.get(guildId)!.n;
    },
    /** Removes a feed; its source goes too when no one else follows it. Stored articles stay. */
    removeFeed(id: number): void {
      const feed = s.feedById.get(id);
      if (!feed) return;
      s.deleteFeed.run(id);
      s.deleteOrphanSource.run({ id: feed.source_id });
    },
    setPaused(id: number, paused: boolean): void {
      s.setPaused.run(paused ? 1 : 0, id);
    },
    markBaselineDone(id: number): void {
      s.baseline.run(id);
    },
    markNewItem(id: number, at: Date): void {
      s.newItem.run(at.toISOString(), id);
    },
    setNoticeSent(id: number, at: Date | null): void {
      s.notice.run(at ? at.toISOString() : null, id);
    },
    /** The article an item of a feed was stored as, and the item's hash then, if it was seen before. */
    item(feedId: number, guid: string): { articleId: number; itemHash: string } | undefined {
      const row = s.item.get(feedId, guid);
      return row && { articleId: row.article_id, itemHash: row.item_hash };
    },
    /** Records (or moves) an item of a feed to the article it is. */
    addItem(feedId: number, guid: string, articleId: number, itemHash: string, now: Date): void {
      s.addItem.run(feedId, guid, articleId, itemHash, now.toISOString());
    },
    articlesOfFeed(feedId: number): number {
      return s.articleCount.get(feedId)!.n;
    },
    byCanonicalUrl(guildId: string, url: string): DedupeCandidate | undefined {
      return toCandidate(s.byCanonical.get(guildId, url));
    },
    /** An article as dedupe compares it. */
    candidate(id: number): DedupeCandidate | undefined {
      return toCandidate(s.candidate.get(id));
    },
    bySourceKey(key: string): DedupeCandidate | undefined {
      return toCandidate(s.bySourceKey.get(key));
    },
    byBodyHash(guildId: string, hash: string): DedupeCandidate | undefined {
      return toCandidate(s.byBody.get(guildId, hash));
    },
    /**
     * A scope's articles from one site (`https://host/`, the canonical origin) stored since `since`, newest
     * first, with the start of their body: the candidates for a near-duplicate from the same outlet.
     */
    recentOfSite(guildId: string, origin: string, since: Date, limit = 200): DedupeCandidate[] {
      // Canonical URLs of the site sort between "https://host/" and "https://host0" ('0' follows '/').
      const upper = `${origin.replace(/\/$/, '')}0`;
      return s.recentOfSite
        .all(guildId, origin, upper, since.toISOString(), limit)
        .map((row) => toCandidate(row)!);
    },
    /** Sets what dedupe needs on an article the feeds stored. */
    setFeedColumns(
      id: number,
      columns: { guildId: string; canonicalUrl: string | null; bodyHash: string; announce: boolean },
    ): void {
      s.feedColumns.run({ ...columns, announce: columns.announce ? 1 : 0, id });
    },
    /** Counts a revision of an article and says what changed. */
    markRevised(id: number, note: string): void {
      s.revised.run(note, id);
    },
  };
}

interface DedupeRow {
  id: number;
  title: string;
  body: string;
  body_hash: string | null;
  source: string | null;
  published_at: string | null;
}

const toCandidate = (row: DedupeRow | undefined): DedupeCandidate | undefined =>
  row && {
    id: row.id,
    title: row.title,
    body: row.body,
    bodyHash: row.body_hash,
    source: row.source,
    publishedAt: row.published_at,
  };

export type FeedsRepo = ReturnType<typeof feedsRepo>;
