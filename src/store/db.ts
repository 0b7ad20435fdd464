import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

/** One numbered migration: `NNN_name.sql` in `src/store/migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Reads the numbered SQL migrations in order; a gap or a duplicate number is a packaging bug, so it throws. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d+_[\w-]+\.sql$/.test(file))
    .map((file) => ({
      version: Number.parseInt(file, 10),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migrations must be numbered 1, 2, 3…; found ${m.name} at ${i + 1}`);
  });
  return migrations;
}

/** Raised when the database file was written by a newer Dispatch than the one running. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database is at schema version ${found}, but this Dispatch only knows versions up to ${supported}. ` +
        'It was written by a newer release: upgrade Dispatch, or point DATABASE_PATH at another file.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Returns the database's schema version, or throws {@link SchemaTooNewError} if these migrations predate it. */
function assertNotTooNew(db: Db, migrations: Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  return current;
}

/**
 * Applies every migration newer than the database's `user_version`, each in its own transaction together with
 * the version bump, so a crash leaves the schema at a clean step. Returns the versions applied.
 */
export function migrate(db: Db, migrations: Migration[] = loadMigrations()): number[] {
  const current = assertNotTooNew(db, migrations);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    // A migration that rebuilds a table others reference (SQLite's documented 12-step procedure) says so in a
    // `-- migrate: foreign-keys-off` line: the pragma cannot change inside a transaction, and with it on,
    // dropping the old table would cascade-delete every row that references it. The check afterwards proves
    // the rebuilt table still satisfies every reference before the migration commits.
    const keysOff = /^--\s*migrate:\s*foreign-keys-off\s*$/m.test(migration.sql);
    const keysWere = db.pragma('foreign_keys', { simple: true }) as number;
    if (keysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (keysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`Migration ${migration.name} broke a foreign key; nothing was changed`);
        }
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (keysOff) db.pragma(`foreign_keys = ${keysWere ? 'ON' : 'OFF'}`);
    }
    applied.push(migration.version);
  }
  return applied;
}

/**
 * Opens (creating if needed) the SQLite file with the settings Dispatch relies on: WAL so readers (commands)
 * never wait on the writer (ingest), foreign keys so deleting an article deletes its facts, and a busy timeout
 * so a second process (the ingest CLI next to a running bot) waits instead of failing.
 */
export function openDatabase(path: string, options: { migrate?: boolean } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    const migrations = options.migrate !== false ? loadMigrations() : null;
    // Refuse a newer file before touching it: switching it to WAL would already rewrite its header.
    if (migrations) assertNotTooNew(db, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    if (migrations) migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
