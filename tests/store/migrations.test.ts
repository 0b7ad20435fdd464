import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openDatabase, SchemaTooNewError, type Db } from '../../src/store/db.ts';
import { openStore } from '../../src/store/index.ts';
import { ROOT, SEED_TIME, count, onCleanup, snapshot, tableNames, tempDir } from '../support/helpers.ts';
import { sqlite } from '../support/sqlite.ts';

const MIGRATIONS = join(ROOT, 'src/store/migrations');
const LATEST = loadMigrations().at(-1)!.version;

/** A migrations folder in tmp holding the real 001 and the given extra files. */
function migrationsDir(extra: Record<string, string> = {}): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(dir);
  copyFileSync(join(MIGRATIONS, '001_init.sql'), join(dir, '001_init.sql'));
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(dir, name), sql);
  return dir;
}

function open(path: string) {
  const db = openDatabase(path, { migrate: false });
  onCleanup(() => {
    if (db.open) db.close();
  });
  return db;
}

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('migrations', () => {
  it('bring an empty database to the latest version with every table, FTS, WAL and foreign keys', () => {
    const path = join(tempDir(), 'nested', 'dispatch.db');
    const store = openStore(path);
    onCleanup(() => store.open && store.close());
    expect(LATEST).toBeGreaterThanOrEqual(1);
    expect(sqlite(store).pragma('user_version', { simple: true })).toBe(LATEST);
    const tables = tableNames(sqlite(store));
    for (const table of ['stories', 'articles', 'quotes', 'figures', 'entities', 'mentions', 'timeline']) {
      expect(tables).toContain(table);
    }
    const virtual = sqlite(store)
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE sql LIKE '%USING fts5%'",
      )
      .all();
    expect(virtual.map((v) => v.name)).toEqual(expect.arrayContaining(['articles_fts', 'quotes_fts']));
    expect(sqlite(store).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite(store).pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();

    // WAL is a property of the file: a plain connection sees it too, and the version persisted.
    const plain = new Database(path, { readonly: true });
    expect(plain.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(plain.pragma('user_version', { simple: true })).toBe(LATEST);
    plain.close();
  });

  it('migrating an up-to-date database again applies nothing and changes nothing', () => {
    const path = join(tempDir(), 'dispatch.db');
    const db = open(path);
    expect(migrate(db)).toEqual(loadMigrations().map((m) => m.version));
    const before = snapshot(db);
    expect(migrate(db)).toEqual([]);
    expect(snapshot(db)).toEqual(before);
  });

  /**
   * A database written by an "older release" that only knew 001, holding a story, an article, a quote and a
   * person with two mentions. Written in plain SQL against 001: today's repositories may use later columns.
   */
  function olderDatabase(): { path: string; before: Record<string, string> } {
    const path = join(tempDir(), 'dispatch.db');
    const db = open(path);
    expect(migrate(db, loadMigrations(migrationsDir()))).toEqual([1]);
    db.exec(`
      INSERT INTO stories (id, slug, title, created_at)
        VALUES (1, 'russia-syria-withdrawal', 'Russia Syria Withdrawal', '${SEED_TIME}');
      INSERT INTO articles (id, story_id, source_key, title, body, published_at, content_hash, extractor_version,
          ingested_at, updated_at)
        VALUES (1, 1, 'data/articles/old.txt', 'Russia withdraws its troop from Syria',
          'Ozerov says Russia would need a minimum of two battalions.', '2016-03-15T00:00:00.000Z', 'old-hash', 1,
          '${SEED_TIME}', '${SEED_TIME}');
      INSERT INTO quotes (article_id, story_id, ordinal, kind, text, speaker, sentence, start_at, end_at)
        VALUES (1, 1, 0, 'reported', 'Russia would need a minimum of two battalions', 'Viktor Ozerov',
          'Ozerov says Russia would need a minimum of two battalions.', 0, 58);
      INSERT INTO entities (id, article_id, story_id, kind, name, aliases)
        VALUES (1, 1, 1, 'person', 'Viktor Ozerov', '["Ozerov"]');
      INSERT INTO mentions (entity_id, start_at, end_at) VALUES (1, 0, 6), (1, 7, 9);
    `);
    const before = snapshot(db);
    db.close();
    return { path, before };
  }

  /** The rowids the full-text indexes return for a word, straight from FTS5. */
  function ftsHits(db: Db, word: string): { articles: number[]; quotes: number[] } {
    const match = (table: string) =>
      db
        .prepare<[string], { rowid: number }>(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`)
        .all(word)
        .map((r) => r.rowid);
    return { articles: match('articles_fts'), quotes: match('quotes_fts') };
  }

  /** Every table of `before` (but `except`) holds exactly the same rows in `after`. */
  function expectSameRows(
    before: Record<string, string>,
    after: Record<string, string>,
    except: string[] = [],
  ) {
    for (const table of Object.keys(before)) {
      if (table === 'user_version' || except.includes(table)) continue;
      expect(after[table], table).toBe(before[table]);
    }
  }

  it('upgrade a database at an older version to the current one, keeping its articles and facts', () => {
    const { path, before } = olderDatabase();
    const store = openStore(path);
    onCleanup(() => store.open && store.close());
    expect(sqlite(store).pragma('user_version', { simple: true })).toBe(LATEST);
    // Later migrations may add columns (so rows hash differently), but every row is still there.
    const after = snapshot(sqlite(store));
    for (const table of Object.keys(before).filter((t) => t !== 'user_version')) {
      expect(after[table]?.split(' ')[0], table).toBe(before[table]!.split(' ')[0]);
    }
    const article = store.articles.bySourceKey('data/articles/old.txt')!;
    expect(article).toMatchObject({
      id: 1,
      title: 'Russia withdraws its troop from Syria',
      contentHash: 'old-hash',
    });
    expect(store.stories.bySlug('russia-syria-withdrawal')!.id).toBe(article.storyId);
    expect(ftsHits(sqlite(store), 'battalions')).toEqual({ articles: [1], quotes: [1] });
    expect(count(sqlite(store), 'mentions')).toBe(2);
  });

  it('apply a newer migration that changes a table, keeping every row (a test-only 002)', () => {
    const { path, before } = olderDatabase();
    const newer = migrationsDir({
      '002_test_notes.sql': `
        ALTER TABLE articles ADD COLUMN note TEXT NOT NULL DEFAULT 'none';
        CREATE TABLE notes (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id));
        INSERT INTO notes (article_id) SELECT id FROM articles;`,
    });
    const db = open(path);
    expect(migrate(db, loadMigrations(newer))).toEqual([2]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expectSameRows(before, snapshot(db), ['articles']);
    const articles = db
      .prepare<[], { title: string; note: string; story: string }>(
        'SELECT a.title, a.note, s.slug AS story FROM articles a JOIN stories s ON s.id = a.story_id',
      )
      .all();
    expect(articles).toEqual([
      { title: 'Russia withdraws its troop from Syria', note: 'none', story: 'russia-syria-withdrawal' },
    ]);
    expect(count(db, 'notes')).toBe(1);
    // The full-text indexes still answer for the old rows.
    expect(ftsHits(db, 'battalions')).toEqual({ articles: [1], quotes: [1] });
  });

  it('refuse a database newer than the code with SchemaTooNewError and leave the file untouched', () => {
    const dir = tempDir();
    const path = join(dir, 'dispatch.db');
    const newer = new Database(path);
    newer.exec("CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('kept');");
    newer.pragma(`user_version = ${LATEST + 5}`);
    newer.close();
    const before = fileHash(path);

    let caught: unknown;
    try {
      openStore(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SchemaTooNewError);
    const error = caught as SchemaTooNewError;
    expect(error.found).toBe(LATEST + 5);
    expect(error.supported).toBe(LATEST);
    expect(error.message).toContain(`schema version ${LATEST + 5}`);
    expect(error.message).toContain(`up to ${LATEST}`);
    expect(error.message).toMatch(/newer release/);

    expect(fileHash(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST + 5);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('migrate() itself refuses a newer database without applying anything', () => {
    const db = open(join(tempDir(), 'dispatch.db'));
    db.pragma('user_version = 3');
    const before = snapshot(db);
    expect(() => migrate(db, loadMigrations(migrationsDir()))).toThrow(SchemaTooNewError);
    expect(snapshot(db)).toEqual(before);
  });

  it('roll back a failing migration: the version and schema stay where they were', () => {
    const path = join(tempDir(), 'dispatch.db');
    const broken = migrationsDir({
      '002_broken.sql': `
        CREATE TABLE half_done (x TEXT);
        ALTER TABLE articles ADD COLUMN half TEXT;
        INSERT INTO no_such_table VALUES (1);`,
    });
    const db = open(path);
    expect(() => migrate(db, loadMigrations(broken))).toThrow(/no_such_table/);
    // 001 was committed on its own; 002 left no trace.
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tableNames(db)).not.toContain('half_done');
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('articles')").all();
    expect(columns.map((c) => c.name)).not.toContain('half');
    const before = snapshot(db);
    expect(() => migrate(db, loadMigrations(broken))).toThrow(/no_such_table/);
    expect(snapshot(db)).toEqual(before);
  });

  it('refuse a migrations folder with a gap in its numbering', () => {
    const dir = migrationsDir({ '003_skipped.sql': 'SELECT 1;' });
    expect(() => loadMigrations(dir)).toThrow(/numbered 1, 2, 3/);
  });
});
