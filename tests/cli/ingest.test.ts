import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_FILE, runTs, snapshot, tempDir } from '../support/helpers.ts';

const CLI = 'src/cli/ingest.ts';

function dbSnapshot(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return snapshot(db);
  } finally {
    db.close();
  }
}

describe('the ingest CLI', () => {
  it('prints a line per file and a summary, exits 1 when a file was rejected and 0 on a clean re-run', async () => {
    const dir = tempDir();
    const articles = join(dir, 'articles');
    mkdirSync(articles);
    const dbPath = join(dir, 'db', 'dispatch.db');
    const seed = join(articles, 'seed.txt');
    copyFileSync(SEED_FILE, seed);
    writeFileSync(join(articles, 'plain.txt'), 'Plain title\nPlain body.\n');
    writeFileSync(join(articles, 'zz-bad.json'), '{"title": "No body"}');
    const env = { DATABASE_PATH: dbPath };

    const first = await runTs(CLI, ['--', articles], env, dir);
    expect(first.stderr).toBe('');
    expect(first.stdout.trimEnd().split('\n')).toEqual([
      `${join(articles, 'plain.txt')}: added: "Plain title" [general]`,
      `${seed}: added: "Russia withdraws its troop from Syria" [russia-syria-withdrawal]`,
      `${join(articles, 'zz-bad.json')}: rejected: body: is required`,
      '2 added, 0 updated, 0 unchanged, 1 rejected',
    ]);
    expect(first.code).toBe(1);
    const stored = dbSnapshot(dbPath);

    rmSync(join(articles, 'zz-bad.json'));
    const second = await runTs(CLI, [articles], env, dir);
    expect(second.stdout.trimEnd().split('\n')).toEqual([
      `${join(articles, 'plain.txt')}: unchanged: "Plain title" [general]`,
      `${seed}: unchanged: "Russia withdraws its troop from Syria" [russia-syria-withdrawal]`,
      '0 added, 0 updated, 2 unchanged, 0 rejected',
    ]);
    expect(second.code).toBe(0);
    expect(dbSnapshot(dbPath)).toEqual(stored);
  });

  // Three runs of the CLI as real processes: over 20 s when the two shared cores are busy.
  it('--remove PATH|URL removes an article and its facts, and says when nothing matched', async () => {
    const dir = tempDir();
    const articles = join(dir, 'articles');
    mkdirSync(articles);
    const dbPath = join(dir, 'dispatch.db');
    const seed = join(articles, 'seed.txt');
    copyFileSync(SEED_FILE, seed);
    writeFileSync(join(articles, 'web.md'), '---\nurl: https://example.com/a\n---\n# From the web\nBody.\n');
    writeFileSync(join(articles, 'plain.txt'), 'Plain title\nPlain body.\n');
    const env = { DATABASE_PATH: dbPath };
    expect((await runTs(CLI, [articles], env, dir)).code).toBe(0);

    const removed = await runTs(CLI, ['--remove', seed, '--remove', 'https://example.com/a'], env, dir);
    expect(removed.stdout.trimEnd().split('\n')).toEqual([
      `${seed}: removed: "Russia withdraws its troop from Syria" [russia-syria-withdrawal]`,
      'https://example.com/a: removed: "From the web" [general]',
      '0 added, 0 updated, 0 unchanged, 0 rejected, 2 removed',
    ]);
    expect(removed.code).toBe(0);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT title FROM articles').pluck().all()).toEqual(['Plain title']);
    expect(db.prepare('SELECT count(*) FROM quotes').pluck().get()).toBe(0);
    db.close();

    const stored = dbSnapshot(dbPath);
    const missing = await runTs(CLI, ['--remove', 'nothing.txt'], env, dir);
    expect(missing.stdout.trimEnd().split('\n')).toEqual([
      'nothing.txt: rejected: no stored article has this path or URL',
      '0 added, 0 updated, 0 unchanged, 1 rejected',
    ]);
    expect(missing.code).toBe(1);
    expect(dbSnapshot(dbPath)).toEqual(stored);
  }, 60_000);

  it('ingests ARTICLES_DIR when given no path', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'dispatch.db');
    writeFileSync(join(dir, 'one.md'), '# One\nBody.\n');
    const result = await runTs(CLI, [], { DATABASE_PATH: dbPath, ARTICLES_DIR: dir }, dir);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      `${join(dir, 'one.md')}: added: "One" [general]`,
      '1 added, 0 updated, 0 unchanged, 0 rejected',
    ]);
    expect(result.code).toBe(0);
  });

  it('refuses to start with a bad configuration, naming the key, and touches no database', async () => {
    const dir = tempDir();
    const result = await runTs(
      CLI,
      [dir],
      {
        DATABASE_PATH: join(dir, 'dispatch.db'),
        MAX_ARTICLE_BYTES: 'lots',
      },
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/MAX_ARTICLE_BYTES/);
    expect(existsSync(join(dir, 'dispatch.db'))).toBe(false);
  });

  it('refuses a database written by a newer release with a clear message, leaving it as it was', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'dispatch.db');
    const newer = new Database(dbPath);
    newer.pragma('user_version = 999');
    newer.close();
    const before = readFileSync(dbPath);
    writeFileSync(join(dir, 'one.md'), '# One\nBody.\n');
    const result = await runTs(CLI, [dir], { DATABASE_PATH: dbPath }, dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/schema version 999, but this Dispatch only knows versions up to \d+/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });
});
