import type { Db } from './db.ts';

/** A news story: the thread that articles, facts and digest subscriptions hang from. */
export interface Story {
  id: number;
  slug: string;
  title: string;
  createdAt: string;
}

interface StoryRow {
  id: number;
  slug: string;
  title: string;
  created_at: string;
}

const toStory = (row: StoryRow): Story => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  createdAt: row.created_at,
});

/** Stories by slug. */
export function storiesRepo(db: Db) {
  const insert = db.prepare<[string, string, string], StoryRow>(
    'INSERT INTO stories (slug, title, created_at) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING RETURNING *',
  );
  const bySlug = db.prepare<[string], StoryRow>('SELECT * FROM stories WHERE slug = ?');
  const byId = db.prepare<[number], StoryRow>('SELECT * FROM stories WHERE id = ?');
  // A subquery, not a join: as a join the planner may scan stories and sort every article (ms at 100k); the
  // subquery is one step down the articles_newest index (migration 003).
  const latest = db.prepare<[], StoryRow>(
    `SELECT * FROM stories WHERE id =
       (SELECT story_id FROM articles ORDER BY published_at IS NULL, published_at DESC, id DESC LIMIT 1)`,
  );
  const search = db.prepare<[string, string, number], StoryRow>(
    `SELECT * FROM stories WHERE slug LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\' ORDER BY slug LIMIT ?`,
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM stories');

  return {
    /** Returns the story with this slug, creating it (titled after its first article) if it is new. */
    ensure(slug: string, title: string, now: Date): Story {
      const created = insert.get(slug, title, now.toISOString());
      return toStory(created ?? bySlug.get(slug)!);
    },
    bySlug(slug: string): Story | undefined {
      const row = bySlug.get(slug);
      return row && toStory(row);
    },
    byId(id: number): Story | undefined {
      const row = byId.get(id);
      return row && toStory(row);
    },
    /** The story of the most recently published article: what commands show when no story is named. */
    latest(): Story | undefined {
      const row = latest.get();
      return row && toStory(row);
    },
    /** Stories whose slug or title contains `text`, for autocomplete. */
    search(text: string, limit = 25): Story[] {
      const pattern = `%${escapeLike(text)}%`;
      return search.all(pattern, pattern, limit).map(toStory);
    },
    count(): number {
      return count.get()!.n;
    },
  };
}

export type StoriesRepo = ReturnType<typeof storiesRepo>;

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
