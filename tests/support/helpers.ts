import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach } from 'vitest';
import { ManualClock } from './clock.ts';
import { configSchema } from '../../src/config.ts';
import type { Facts } from '../../src/extract/index.ts';
import type { IngestContext } from '../../src/ingest/ingest.ts';
import { silentLogger } from './log.ts';
import type { Db, SearchHit, Store } from '../../src/store/index.ts';
import { openStore } from '../../src/store/index.ts';
import { closeSqlite } from './sqlite.ts';

/** The repository root: child processes run from here, as `npm run ingest` would. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SEED_FILE = join(ROOT, 'data/articles/2016-03-15-russia-withdraws-from-syria.txt');
export const SEED_TIME = '2024-05-01T12:00:00.000Z';

const cleanups: (() => void)[] = [];
afterEach(() => {
  // A test's own SQLite connections close before the files they opened are removed.
  closeSqlite();
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A fresh temporary folder, removed after the test (with whatever store was opened in it). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs `fn` after the current test (stores are closed before their folder is removed). */
export function onCleanup(fn: () => void): void {
  cleanups.push(fn);
}

/** A real SQLite store in a fresh temporary folder, with a manual clock and a silent logger. */
export function testStore(options: { maxArticleBytes?: number } = {}): {
  dir: string;
  dbPath: string;
  store: Store;
  clock: ManualClock;
  ctx: IngestContext;
} {
  const dir = tempDir();
  const dbPath = join(dir, 'dispatch.db');
  const store = openStore(dbPath);
  onCleanup(() => {
    if (store.open) store.close();
  });
  const clock = new ManualClock(SEED_TIME);
  const ctx: IngestContext = {
    store,
    clock,
    log: silentLogger(),
    maxArticleBytes: options.maxArticleBytes ?? 1024 * 1024,
  };
  return { dir, dbPath, store, clock, ctx };
}

/** Every real table of the database (FTS shadow tables included), by name. */
export function tableNames(db: Db): string[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((r) => r.name);
}

/** Row count and a hash of every row of every table, plus the schema version: equal snapshots, equal stores. */
export function snapshot(db: Db): Record<string, string> {
  const result: Record<string, string> = {
    user_version: String(db.pragma('user_version', { simple: true })),
  };
  for (const name of tableNames(db)) {
    const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all();
    const hash = createHash('sha256')
      .update(JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
      .digest('hex');
    result[name] = `${rows.length} rows ${hash.slice(0, 16)}`;
  }
  return result;
}

/** How many rows a table holds. */
export function count(db: Db, table: string, where = '1', ...params: unknown[]): number {
  return (db.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`).get(...params) as { n: number })
    .n;
}

/** The fact rows stored for one article, table by table. */
export function factCounts(db: Db, articleId: number): Record<string, number> {
  return {
    quotes: count(db, 'quotes', 'article_id = ?', articleId),
    figures: count(db, 'figures', 'article_id = ?', articleId),
    entities: count(db, 'entities', 'article_id = ?', articleId),
    mentions: count(db, 'mentions', 'entity_id IN (SELECT id FROM entities WHERE article_id = ?)', articleId),
    timeline: count(db, 'timeline', 'article_id = ?', articleId),
  };
}

/** The fact rows that storing `facts` must produce. */
export function expectedCounts(facts: Facts): Record<string, number> {
  const entities = [...facts.people, ...facts.places, ...facts.organizations];
  return {
    quotes: facts.quotes.length,
    figures: facts.figures.length,
    entities: entities.length,
    mentions: entities.reduce((n, e) => n + e.mentions.length, 0),
    timeline: facts.timeline.length,
  };
}

/** The environment for a child process: the parent's, without any Dispatch setting, plus `overrides`. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(configSchema.shape)) delete env[key];
  return { ...env, ...overrides };
}

/** tsx's loader by URL, so a child started in another folder still finds it. */
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/**
 * Starts a TypeScript entry point as one Node process (`node --import tsx`), by default from the repository
 * root. One process rather than the `tsx` wrapper, which runs the script in a grandchild: `kill -9` must hit
 * the writer.
 */
export function spawnTs(
  script: string,
  args: string[],
  env: Record<string, string>,
  cwd: string = ROOT,
  user: { uid?: number; gid?: number } = {},
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', TSX_LOADER, resolve(ROOT, script), ...args], {
    cwd,
    env: childEnv(env),
    ...user,
  });
}

/** Runs a TypeScript entry point to the end and returns its exit status and output. */
export function runTs(
  script: string,
  args: string[],
  env: Record<string, string>,
  cwd: string = ROOT,
  user: { uid?: number; gid?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnTs(script, args, env, cwd, user);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Every full-text hit for `text` across stories, quotes first: what `/search` runs, without its per-kind cap. */
export function searchHits(store: Store, text: string): SearchHit[] {
  const { quotes, articles } = store.search.recent(text, null, 100);
  return [...quotes, ...articles];
}
