/**
 * A DATABASE_PATH Dispatch cannot use is refused with a sentence for the operator — naming DATABASE_PATH, what is
 * wrong and what to do — never a stack trace or raw SQLite text alone, and the file is left byte for byte as it
 * was. Each case is one an operator meets: a folder that is missing or read-only, a file that is not a database,
 * is damaged, is empty, or was written by a newer release.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseError, loadMigrations } from '../../src/store/db.ts';
import { openStore } from '../../src/store/index.ts';
import { runTs, tempDir } from '../support/helpers.ts';

const LATEST = loadMigrations().at(-1)!.version;

/** What openStore throws for `path`, which must be a DatabaseError. */
function refusal(path: string): DatabaseError {
  let caught: unknown;
  try {
    openStore(path).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DatabaseError);
  return caught as DatabaseError;
}

/** A database Dispatch made and closed, at `path`. */
function dispatchDatabase(path: string): void {
  openStore(path).close();
}

describe('opening DATABASE_PATH', () => {
  it('refuses a folder that does not exist and cannot be created, saying which and why', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'backup'), 'a file where a folder was meant');
    const folder = join(dir, 'backup', '2026');
    const path = join(folder, 'dispatch.db');
    const error = refusal(path);
    expect(error.message).toBe(
      `DATABASE_PATH (${path}) is in a folder that does not exist and cannot be created (${folder}: ` +
        'part of the path is a file, not a folder, ENOTDIR). Create the folder yourself (mkdir -p ' +
        `${folder}) as a user allowed to, or correct DATABASE_PATH. Dispatch did not change the file.`,
    );
    expect(refusal(join(dir, 'backup', 'dispatch.db')).message).toBe(
      `DATABASE_PATH (${join(dir, 'backup', 'dispatch.db')}) is in ${join(dir, 'backup')}, which is a file, ` +
        'not a folder. Correct DATABASE_PATH. Dispatch did not change the file.',
    );
    expect(readFileSync(join(dir, 'backup'), 'utf8')).toBe('a file where a folder was meant');
  });

  it('refuses a file that is not a database, quoting SQLite, and leaves it byte for byte as it was', () => {
    const path = join(tempDir(), 'dispatch.db');
    writeFileSync(path, 'These are the minutes of the March meeting.\n'.repeat(200));
    const before = readFileSync(path);
    const error = refusal(path);
    expect(error.message).toContain(`DATABASE_PATH (${path}) is not a SQLite database`);
    expect(error.message).toContain('SQLite says: file is not a database');
    expect(error.message).toMatch(/restore it from a backup; otherwise correct DATABASE_PATH/);
    expect(error.message).toMatch(/Dispatch did not change the file\.$/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a database whose full-text index is damaged, says what is lost if it is rebuilt, and leaves it as it was', () => {
    const path = join(tempDir(), 'dispatch.db');
    dispatchDatabase(path);
    // Damage the index as a bad copy or a disk error would: the table that holds its settings disappears.
    const raw = new Database(path);
    raw.unsafeMode(true);
    raw.exec("PRAGMA writable_schema = ON; DELETE FROM sqlite_schema WHERE name = 'articles_fts_config'");
    raw.close();
    const before = readFileSync(path);
    const error = refusal(path);
    expect(error.message).toContain(`DATABASE_PATH (${path}) has a damaged full-text search index`);
    expect(error.message).toContain('SQLite says: vtable constructor failed: articles_fts');
    expect(error.message).toContain('Restore the file from a backup');
    expect(error.message).toContain('digest subscriptions must be set up again');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses an empty file it did not create, and says to delete it for a new database', () => {
    const path = join(tempDir(), 'dispatch.db');
    writeFileSync(path, '');
    const error = refusal(path);
    expect(error.message).toContain(`DATABASE_PATH (${path}) is an empty file (0 bytes)`);
    expect(error.message).toContain('delete the empty file to start a new database');
    expect(readFileSync(path).length).toBe(0);
  });

  it('creates a new database where no file exists, and opens it again afterwards', () => {
    const path = join(tempDir(), 'dispatch.db');
    dispatchDatabase(path);
    expect(readFileSync(path).length).toBeGreaterThan(0);
    const store = openStore(path);
    expect(store.articles.stats().count).toBe(0);
    store.close();
  });

  it('refuses a database from a newer release, naming DATABASE_PATH, and leaves it as it was', () => {
    const path = join(tempDir(), 'dispatch.db');
    const newer = new Database(path);
    newer.pragma(`user_version = ${LATEST + 1}`);
    newer.close();
    const before = readFileSync(path);
    const error = refusal(path);
    expect(error.message).toBe(
      `DATABASE_PATH (${path}) is at schema version ${LATEST + 1}, but this Dispatch only knows versions up to ` +
        `${LATEST}: it was written by a newer release. Upgrade Dispatch, or point DATABASE_PATH at another ` +
        'file. Dispatch did not change the file.',
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

/** Root may write anywhere: run the child as an ordinary user (nobody) so a folder's mode means what it says. */
function asOrdinaryUser(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
}

describe('the operator’s terminal', () => {
  it('`npm start` on a file that is not a database prints the sentence, no stack, and exits 1', async () => {
    const dir = tempDir();
    const path = join(dir, 'dispatch.db');
    writeFileSync(path, 'not a database at all\n'.repeat(100));
    const before = readFileSync(path);
    const result = await runTs('src/main.ts', [], {
      DATABASE_PATH: path,
      DISCORD_TOKEN: 'a'.repeat(24) + '.bbbbbb.' + 'c'.repeat(27),
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      ARTICLES_DIR: join(dir, 'articles'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      new RegExp(`^DATABASE_PATH \\(${path.replaceAll('.', '\\.')}\\) is not a SQLite database`),
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).not.toMatch(/"stack"/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('`npm run ingest` with DATABASE_PATH in a missing folder under a read-only one says it cannot create it, and exits 2', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o555);
    const path = join(dir, 'data', 'dispatch.db');
    const result = await runTs('src/cli/ingest.ts', [], { DATABASE_PATH: path }, undefined, asOrdinaryUser());
    chmodSync(dir, 0o700);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      `DATABASE_PATH (${path}) is in a folder that does not exist and cannot be created (${join(dir, 'data')}: ` +
        `permission denied, EACCES). Create the folder yourself (mkdir -p ${join(dir, 'data')}) as a user ` +
        'allowed to, or correct DATABASE_PATH. Dispatch did not change the file.',
    );
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('`npm run ingest` in a read-only folder says the folder is not writable, and exits 2', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const folder = join(dir, 'readonly');
    mkdirSync(folder);
    dispatchDatabase(join(folder, 'dispatch.db'));
    const before = readFileSync(join(folder, 'dispatch.db'));
    chmodSync(folder, 0o555);
    writeFileSync(join(dir, 'one.md'), '# One\nBody.\n');
    const result = await runTs(
      'src/cli/ingest.ts',
      [join(dir, 'one.md')],
      { DATABASE_PATH: join(folder, 'dispatch.db') },
      undefined,
      asOrdinaryUser(),
    );
    chmodSync(folder, 0o755);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      `DATABASE_PATH (${join(folder, 'dispatch.db')}) is in a folder Dispatch cannot write to (${folder}: ` +
        'permission denied, EACCES). SQLite writes the database and its -wal and -shm files in that folder: ' +
        `make ${folder} writable for the user running Dispatch, or point DATABASE_PATH at a writable folder. ` +
        'Dispatch did not change the file.',
    );
    expect(readFileSync(join(folder, 'dispatch.db')).equals(before)).toBe(true);
  });
});
