/**
 * A test's own connection to a store's SQLite file, for what no repository offers and the bot never needs:
 * pragmas, row counts and snapshots across every table, rows rigged by hand, every run of a subscription. The
 * Store keeps its connection private; this one opens the same file beside it (WAL lets both read and write),
 * with foreign keys on as the Store has them, so a delete cascades the same way. Tests and benchmarks share it.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { runFromRow, type DigestRun } from '../../src/store/digestRuns.ts';
import type { Db, Store } from '../../src/store/index.ts';

/** Open connections by file path, with the file they opened (a test may replace the file at a path). */
const connections = new Map<string, { db: Db; inode: number }>();

/**
 * A connection to the store's file (or the file at `path`), opened on first use and reused while the same file
 * is there, until {@link closeSqlite}.
 */
export function sqlite(store: Pick<Store, 'path'> | string): Db {
  const path = typeof store === 'string' ? store : store.path;
  if (path === ':memory:') throw new Error('an in-memory store has no file for a second connection');
  const inode = statSync(path).ino;
  const open = connections.get(path);
  if (open?.db.open && open.inode === inode) return open.db;
  open?.db.close();
  const db = new Database(path, { fileMustExist: true });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  connections.set(path, { db, inode });
  return db;
}

/** Closes every connection {@link sqlite} opened (the test helpers do after each test, before removing files). */
export function closeSqlite(): void {
  for (const { db } of connections.values()) if (db.open) db.close();
  connections.clear();
}

/** A subscription's digest runs, newest scheduled first, as the store's repository reads them. */
export function digestRuns(
  store: Pick<Store, 'path'> | string,
  subscriptionId: number,
  limit = 20,
): DigestRun[] {
  return sqlite(store)
    .prepare<[number, number], Parameters<typeof runFromRow>[0]>(
      'SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY scheduled_for DESC, id DESC LIMIT ?',
    )
    .all(subscriptionId, limit)
    .map(runFromRow);
}
