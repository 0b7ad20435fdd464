import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { readArticleFile } from '../../src/ingest/parse.ts';
import { count, expectedCounts, factCounts, runTs, SEED_FILE, spawnTs, tempDir } from '../support/helpers.ts';

const CLI = 'src/cli/ingest.ts';
/** How many stored articles the child reports before it is killed: well into the batch, far from its end. */
const KILL_AFTER = 25;

interface Generated {
  file: string;
  title: string;
  body: string;
  published: Date;
  marker: string;
}

/** Writes `total` distinct articles (the seed's text with its own figures and a marker word) into `dir`. */
async function generate(dir: string, total: number): Promise<Generated[]> {
  const seed = await readArticleFile(SEED_FILE, { maxBytes: 1 << 20 });
  if (!seed.ok) throw new Error(seed.error);
  const seedBody = seed.articles[0]!.body;
  const articles: Generated[] = [];
  for (let i = 0; i < total; i += 1) {
    const marker = `uniq${i}q`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const title = `Dispatch ${i}: Russian jets leave Syria`;
    const body = `${seedBody.replaceAll('1,000', (1000 + i).toLocaleString('en-US'))}\n\nFiled as ${marker}.`;
    const file = join(dir, `article-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(
      file,
      `---\ntitle: "${title}"\nstory: crash-test\npublished: 2016-03-${day}\n---\n${body}\n`,
    );
    articles.push({ file, title, body, published: new Date(`2016-03-${day}`), marker });
  }
  return articles;
}

/**
 * Runs the ingest CLI and kills it with SIGKILL once it has reported KILL_AFTER stored articles. Resolves with
 * the signal that ended it (null if it finished first) and the files it reported stored before dying.
 */
function ingestAndKill(
  dir: string,
  dbPath: string,
): Promise<{ signal: NodeJS.Signals | null; reported: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(CLI, [dir], { DATABASE_PATH: dbPath }, dirname(dir));
    const reported: string[] = [];
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const match = /^(.*): added: /.exec(line);
        if (match) reported.push(match[1]!);
      }
      if (reported.length >= KILL_AFTER && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      // Finishing early is retried with more articles; failing is a bug to show, not to retry.
      if (signal === null && code !== 0) reject(new Error(`ingest exited ${code}: ${stderr}`));
      else resolve({ signal, reported });
    });
  });
}

describe('a crash mid-ingest (kill -9)', () => {
  it('leaves every article fully stored or absent, and the next run stores the rest exactly once', async () => {
    let total = 300;
    let attempt = 0;
    let setup:
      { root: string; dir: string; dbPath: string; articles: Generated[]; reported: string[] } | undefined;
    // If the child finished before the kill landed, try again with more articles.
    while (!setup) {
      attempt += 1;
      const root = tempDir();
      const dir = join(root, 'articles');
      mkdirSync(dir);
      const dbPath = join(root, 'dispatch.db');
      const articles = await generate(dir, total);
      const { signal, reported } = await ingestAndKill(dir, dbPath);
      if (signal === 'SIGKILL') setup = { root, dir, dbPath, articles, reported };
      else if (attempt >= 3)
        throw new Error(`the ingest finished ${attempt} times before it could be killed`);
      else total *= 2;
    }
    const { root, dir, dbPath, articles, reported } = setup;

    // The state at the moment of the kill (a read-only look: nothing is repaired or written).
    const byFile = new Map(articles.map((a) => [a.file, a]));
    const readonly = new Database(dbPath, { readonly: true });
    const stored = readonly
      .prepare<[], { id: number; source_key: string; title: string; body: string; summary: string }>(
        'SELECT id, source_key, title, body, summary FROM articles ORDER BY id',
      )
      .all();
    readonly.close();
    // The kill landed mid-batch: some articles were stored, not all.
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(articles.length);
    // Everything the CLI reported as added before it died is there (each line is printed after its commit).
    const storedFiles = new Set(stored.map((row) => resolve(root, row.source_key)));
    for (const file of reported) expect(storedFiles.has(file), file).toBe(true);

    // Every stored article is complete: its text, its summary, every fact row, and its full-text entry.
    const db = new Database(dbPath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')");
      db.exec("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')");
      const findMarker = db.prepare<[string], { rowid: number }>(
        'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?',
      );
      for (const row of stored) {
        const article = byFile.get(resolve(root, row.source_key));
        expect(article, row.source_key).toBeDefined();
        expect(row.title).toBe(article!.title);
        expect(row.body).toBe(article!.body);
        const facts = extract({ title: article!.title, body: article!.body, published: article!.published });
        expect(factCounts(db, row.id), row.source_key).toEqual(expectedCounts(facts));
        expect(JSON.parse(row.summary)).toEqual(facts.summary);
        expect(findMarker.all(`"${article!.marker}"`)).toEqual([{ rowid: row.id }]);
      }
      // No fact outlived (or was written without) its article.
      for (const table of ['quotes', 'figures', 'entities', 'timeline']) {
        expect(count(db, table, 'article_id NOT IN (SELECT id FROM articles)'), table).toBe(0);
      }
      expect(count(db, 'mentions', 'entity_id NOT IN (SELECT id FROM entities)')).toBe(0);
    } finally {
      db.close();
    }

    // The next run finishes the job: the earlier articles unchanged, the rest added, each exactly once.
    const rerun = await runTs(CLI, [dir], { DATABASE_PATH: dbPath }, root);
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    const lines = rerun.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(
      `${articles.length - stored.length} added, 0 updated, ${stored.length} unchanged, 0 rejected`,
    );
    const statusOf = new Map(
      lines.slice(0, -1).map((line) => {
        const match = /^(.*): (added|unchanged): /.exec(line);
        expect(match, line).not.toBeNull();
        return [match![1]!, match![2]!];
      }),
    );
    expect(statusOf.size).toBe(articles.length);
    for (const article of articles) {
      expect(statusOf.get(article.file), article.file).toBe(
        storedFiles.has(article.file) ? 'unchanged' : 'added',
      );
    }

    const after = new Database(dbPath, { readonly: true });
    try {
      expect(count(after, 'articles')).toBe(articles.length);
      const titles = after.prepare<[], { title: string }>('SELECT title FROM articles ORDER BY title').all();
      expect(titles.map((t) => t.title)).toEqual(articles.map((a) => a.title).sort());
      // The articles stored before the crash kept their ids: they were not stored a second time.
      const ids = after.prepare<[], { id: number }>('SELECT id FROM articles ORDER BY id').all();
      expect(ids.slice(0, stored.length)).toEqual(stored.map((row) => ({ id: row.id })));
    } finally {
      after.close();
    }
  }, 300_000);
});
