import { z } from 'zod';
import type { Db } from './db.ts';

/** What a story slug is: lowercase letters and digits in words joined by single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A story slug as a member or operator types it (`Russia-Syria-Withdrawal ` reads as `russia-syria-withdrawal`):
 * lowercase letters and digits in words joined by single dashes. The one rule `story:` and `/config feed add`
 * check against.
 */
export const storySlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SLUG_PATTERN, 'a story slug is lowercase letters, digits and dashes');

/** A news story: the thread that articles, facts and digest subscriptions hang from. */
export interface Story {
  id: number;
  slug: string;
  title: string;
  createdAt: string;
  /** '' when every server sees the story; else the one server whose feeds brought it. */
  guildId: string;
}

interface StoryRow {
  id: number;
  guild_id: string;
  slug: string;
  title: string;
  created_at: string;
}

const toStory = (row: StoryRow): Story => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  createdAt: row.created_at,
  guildId: row.guild_id,
});

/**
 * Stories by slug, within scopes. Every reader takes the guild it answers for: a server sees the shared stories
 * ('' scope) and its own, never another server's. Without a guild (tools, DMs) only shared stories are seen. A
 * server's own story shadows a shared one with the same slug.
 */
export function storiesRepo(db: Db) {
  const insert = db.prepare<[string, string, string, string], StoryRow>(
    `INSERT INTO stories (guild_id, slug, title, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (guild_id, slug) DO NOTHING RETURNING *`,
  );
  const inScope = db.prepare<[string, string], StoryRow>(
    'SELECT * FROM stories WHERE guild_id = ? AND slug = ?',
  );
  const byId = db.prepare<[number], StoryRow>('SELECT * FROM stories WHERE id = ?');
  // The newest article of each scope the guild sees (shared, then its own) is the first entry of the
  // articles_scope_newest index (migration 013) for that guild_id; the newer of the two names the story. Asked as
  // one `guild_id IN ('', ?) ORDER BY … LIMIT 1`, SQLite cannot merge two index ranges and sorts every article of
  // both scopes instead. A subquery, not a join: as a join the planner may scan stories.
  const newestOf = (scope: string) =>
    `SELECT * FROM (SELECT story_id, published_at, id FROM articles WHERE guild_id = ${scope}
       ORDER BY published_at IS NULL, published_at DESC, id DESC LIMIT 1)`;
  const latest = db.prepare<{ guild: string }, StoryRow>(
    `SELECT * FROM stories WHERE id =
       (SELECT story_id FROM (${newestOf("''")} UNION ALL ${newestOf('@guild')})
        ORDER BY published_at IS NULL, published_at DESC, id DESC LIMIT 1)`,
  );
  const search = db.prepare<[string, string, string, number], StoryRow>(
    `SELECT * FROM stories WHERE guild_id IN ('', ?) AND (slug LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')
     ORDER BY slug, guild_id DESC LIMIT ?`,
  );
  const count = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM stories WHERE guild_id IN ('', ?)",
  );

  // '' never matches a guild id, so `IN ('', '')` is "shared only".
  const scope = (guildId: string | null | undefined) => guildId ?? '';
  const setDefault = db.prepare<[string, string, number, string, string]>(
    `INSERT INTO story_defaults (guild_id, channel_id, story_id, set_by, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (guild_id, channel_id) DO UPDATE SET story_id = excluded.story_id, set_by = excluded.set_by,
       set_at = excluded.set_at`,
  );
  // The channel's own default first, then the server's: ORDER BY channel_id DESC puts '' last.
  const defaultFor = db.prepare<[string, string], StoryRow & { channel_id: string }>(
    `SELECT s.*, d.channel_id FROM story_defaults d JOIN stories s ON s.id = d.story_id
     WHERE d.guild_id = ? AND d.channel_id IN ('', ?) ORDER BY d.channel_id DESC LIMIT 1`,
  );
  const rename = db.prepare<[string, number], StoryRow>(
    'UPDATE stories SET title = ? WHERE id = ? RETURNING *',
  );

  return {
    /**
     * Returns the story with this slug in the scope (`guildId`, '' for shared), creating it (titled after its
     * first article) if it is new.
     */
    ensure(slug: string, title: string, now: Date, guildId = ''): Story {
      const created = insert.get(guildId, slug, title, now.toISOString());
      return toStory(created ?? inScope.get(guildId, slug)!);
    },
    /** The story a guild means by `slug`: its own if it has one, else the shared one. */
    bySlug(slug: string, guildId?: string | null): Story | undefined {
      const row = (guildId ? inScope.get(guildId, slug) : undefined) ?? inScope.get('', slug);
      return row && toStory(row);
    },
    byId(id: number): Story | undefined {
      const row = byId.get(id);
      return row && toStory(row);
    },
    /** Whether a guild may see a story: shared ones, and its own. */
    visibleTo(story: Story, guildId: string | null | undefined): boolean {
      return story.guildId === '' || story.guildId === scope(guildId);
    },
    /** The story of the most recently published article the guild may see: what commands show by default. */
    latest(guildId?: string | null): Story | undefined {
      const row = latest.get({ guild: scope(guildId) });
      return row && toStory(row);
    },
    /** Stories the guild may see whose slug or title contains `text`, for autocomplete. */
    search(text: string, limit = 25, guildId?: string | null): Story[] {
      const pattern = `%${escapeLike(text)}%`;
      return search.all(scope(guildId), pattern, pattern, limit).map(toStory);
    },
    /** Makes `storyId` what the server's commands answer by default, in one channel or (null) everywhere. */
    setDefault(guildId: string, channelId: string | null, storyId: number, userId: string, now: Date): void {
      setDefault.run(guildId, channelId ?? '', storyId, userId, now.toISOString());
    },
    /** The default a moderator set for this channel, else for the server; undefined when none was set. */
    defaultFor(guildId: string, channelId: string | null): (Story & { forChannel: boolean }) | undefined {
      const row = defaultFor.get(guildId, channelId ?? '');
      return row && { ...toStory(row), forChannel: row.channel_id !== '' };
    },
    /** Gives a story a new title (its slug, which files and subscriptions use, stays). */
    rename(id: number, title: string): Story {
      return toStory(rename.get(title, id)!);
    },
    count(guildId?: string | null): number {
      return count.get(scope(guildId))!.n;
    },
  };
}

export type StoriesRepo = ReturnType<typeof storiesRepo>;

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
