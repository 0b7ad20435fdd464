import Database from 'better-sqlite3';
import {
  accessSync,
  constants,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from '../errors.ts';

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

/**
 * DATABASE_PATH cannot be used. The message is for the operator's terminal, whole: it names DATABASE_PATH and
 * the file, says what is wrong and what to do, and whether the file was left as it was.
 */
export class DatabaseError extends StartupError {
  constructor(
    readonly path: string,
    problem: string,
    remedy: string,
    unchanged = true,
  ) {
    super(
      `DATABASE_PATH (${describePath(path)}) ${problem}. ${remedy}` +
        (unchanged ? ' Dispatch did not change the file.' : ''),
    );
    this.name = 'DatabaseError';
  }
}

/** `data/dispatch.db`, or `data/dispatch.db, that is /srv/dispatch/data/dispatch.db` for a relative path. */
function describePath(path: string): string {
  return isAbsolute(path) ? path : `${path}, that is ${resolve(path)}`;
}

/** Raised when the database file was written by a newer Dispatch than the one running. */
export class SchemaTooNewError extends DatabaseError {
  constructor(
    readonly found: number,
    readonly supported: number,
    path: string,
  ) {
    super(
      path,
      `is at schema version ${found}, but this Dispatch only knows versions up to ${supported}: it was written ` +
        'by a newer release',
      'Upgrade Dispatch, or point DATABASE_PATH at another file.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Returns the database's schema version, or throws {@link SchemaTooNewError} if these migrations predate it. */
function assertNotTooNew(db: Db, migrations: Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new SchemaTooNewError(current, latest, db.name);
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

const RESTORE =
  'If it is Dispatch’s database, restore it from a backup; otherwise correct DATABASE_PATH, or point it at a ' +
  'path where no file exists yet to start a new database.';

/** Turns what SQLite or the file system threw while opening `path` into a {@link DatabaseError}. */
function explain(error: unknown, path: string, unchanged: boolean): Error {
  if (error instanceof DatabaseError) return error;
  const code = (error as { code?: unknown }).code;
  const said = `SQLite says: ${(error as Error).message}`;
  const folder = dirname(resolve(path));
  // SQLite's extended codes (SQLITE_CORRUPT_VTAB, SQLITE_READONLY_DBMOVED …) mean what their primary code means.
  const primary = typeof code === 'string' ? code.split('_').slice(0, 2).join('_') : code;
  switch (primary) {
    case 'SQLITE_NOTADB':
      return new DatabaseError(path, `is not a SQLite database (${said})`, RESTORE, unchanged);
    case 'SQLITE_CORRUPT':
      return new DatabaseError(path, `is damaged (${said})`, RESTORE, unchanged);
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return new DatabaseError(
        path,
        `cannot be opened for writing (${said})`,
        `Dispatch needs to write the file and its -wal and -shm files in ${folder}: make both writable for the ` +
          'user running Dispatch, or point DATABASE_PATH at a writable place.',
        unchanged,
      );
    case 'SQLITE_FULL':
      return new DatabaseError(
        path,
        `cannot be written: the disk is full (${said})`,
        'Free some space.',
        unchanged,
      );
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new DatabaseError(
        path,
        `is locked by another process (${said})`,
        'Stop the other process using it (another Dispatch, an open sqlite3 shell), then start again.',
        unchanged,
      );
    default:
      if (/vtable constructor failed|no such module: fts5/.test((error as Error).message ?? '')) {
        return new DatabaseError(
          path,
          `has a damaged full-text search index (${said})`,
          'Restore the file from a backup. Failing that, move it aside and start with a new one: the articles ' +
            'come back from ARTICLES_DIR (npm run ingest), but digest subscriptions must be set up again.',
          unchanged,
        );
      }
      return error as Error;
  }
}

/** What the file-system errors met on the way to the database mean, in words. */
const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'a read-only file system',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

const FOLDER_REMEDY = (folder: string) =>
  `SQLite writes the database and its -wal and -shm files in that folder: make ${folder} writable for the ` +
  'user running Dispatch, or point DATABASE_PATH at a writable folder.';

/**
 * Checks the place DATABASE_PATH names before SQLite opens it, so that what is wrong is said plainly: the folder
 * must exist (it is created if it can be) and be writable (SQLite keeps the -wal and -shm files next to the
 * database), and an existing file must be a non-empty, readable and writable regular file. Returns whether the
 * file existed already.
 */
function checkPlace(path: string): boolean {
  const folder = dirname(resolve(path));
  let info: Stats | undefined;
  try {
    info = statSync(folder, { throwIfNoEntry: false });
    // A missing folder is created, as a new database file is.
    if (!info) {
      mkdirSync(folder, { recursive: true });
      info = statSync(folder);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatabaseError(
      path,
      `is in a folder that does not exist and cannot be created (${folder}: ${CAUSES[code ?? ''] ?? 'error'}, ${code})`,
      `Create the folder yourself (mkdir -p ${folder}) as a user allowed to, or correct DATABASE_PATH.`,
    );
  }
  if (!info.isDirectory())
    throw new DatabaseError(path, `is in ${folder}, which is a file, not a folder`, 'Correct DATABASE_PATH.');
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = CAUSES[code ?? ''] ?? 'error';
    throw new DatabaseError(
      path,
      `is in a folder Dispatch cannot write to (${folder}: ${why}, ${code})`,
      FOLDER_REMEDY(folder),
    );
  }
  let file: Stats;
  try {
    file = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!file.isFile())
    throw new DatabaseError(path, 'is not a regular file', 'Point DATABASE_PATH at a file.');
  if (file.size === 0)
    throw new DatabaseError(
      path,
      'is an empty file (0 bytes)',
      'Dispatch never leaves its database empty, so an empty file there usually means a copy or a restore ' +
        'went wrong: restore the database from a backup, or delete the empty file to start a new database.',
    );
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatabaseError(
      path,
      `cannot be read and written by this user (${code})`,
      'Make it readable and writable for the user running Dispatch (chown or chmod).',
    );
  }
  return true;
}

/**
 * Reads an existing file without writing to it, so that a file Dispatch cannot use is refused exactly as it was:
 * it must be a SQLite database, not newer than these migrations, with full-text indexes SQLite can load.
 */
function inspect(path: string, migrations: Migration[] | null): void {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('schema_version');
    if (migrations) assertNotTooNew(db, migrations);
    const virtual = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'",
      )
      .all();
    // Loading each full-text table runs its constructor, which fails on a damaged index.
    for (const { name } of virtual) db.prepare(`SELECT 1 FROM "${name.replaceAll('"', '""')}" WHERE 0`).all();
  } catch (error) {
    throw explain(error, path, true);
  } finally {
    db?.close();
  }
}

/**
 * Opens the SQLite file with the settings Dispatch relies on: WAL so readers (commands) never wait on the writer
 * (ingest), foreign keys so deleting an article deletes its facts, and a busy timeout so a second process (the
 * ingest CLI next to a running bot) waits instead of failing. A file that is not there yet is created; one that
 * is there is first checked without writing to it, so a file Dispatch refuses ({@link DatabaseError}) is left
 * byte for byte as it was.
 */
export function openDatabase(path: string, options: { migrate?: boolean } = {}): Db {
  const migrations = options.migrate !== false ? loadMigrations() : null;
  const inMemory = path === ':memory:';
  const existed = !inMemory && checkPlace(path);
  if (existed) inspect(path, migrations);
  let db: Db;
  try {
    db = new Database(path);
  } catch (error) {
    throw explain(error, path, true);
  }
  try {
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
    // A file this process created and could not finish is removed, so the next start does not find it empty.
    if (!existed && !inMemory)
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw explain(error, path, false);
  }
}
