import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Clock } from '../clock.ts';
import type { Facts } from '../extract/index.ts';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import { readArticleFile, type ParsedArticle } from './parse.ts';
import { cleanAuthor } from './author.ts';
import { withoutInvisibles } from './invisible.ts';
import { inlineExtractor, type Extractor } from './pool.ts';

/** The story an article joins when its file names none. */
export const DEFAULT_STORY = 'general';

/** What happened to one article (or one refused file). */
export interface IngestOutcome {
  file: string;
  /** `skipped`: a file in a folder that is not an article (`.pdf`, an image), left alone and said so. */
  status: 'added' | 'updated' | 'unchanged' | 'rejected' | 'skipped' | 'removed';
  title?: string;
  story?: string;
  articleId?: number;
  reason?: string;
}

/** The outcome of a run, file by file, with counts for the summary line. */
export interface IngestReport {
  outcomes: IngestOutcome[];
  counts: Record<IngestOutcome['status'], number>;
}

/** What ingest needs: the store to write to, the size limit, a clock for timestamps, a logger. */
export interface IngestContext {
  store: Store;
  clock: Clock;
  log: Logger;
  maxArticleBytes: number;
  /**
   * Where extraction runs. The bot and `npm run ingest` pass their worker pool, so a large article never blocks
   * the event loop; without one (tests and tools that serve nothing meanwhile) it runs inline.
   */
  extractor?: Extractor;
}

/** The content hash: what makes an article "unchanged" on the next run. */
export function contentHash(article: ParsedArticle): string {
  const { title, body, url, source, author, story, storyTitle, published } = article;
  const canonical = JSON.stringify([
    title,
    body,
    url,
    source,
    story,
    published?.toISOString() ?? null,
    // Only when given, so the hashes of articles stored before `story_title` existed do not change.
    ...(storyTitle ? [storyTitle] : []),
    // Likewise for `author`: adding it to a file is a change (the article is updated), files without it keep
    // their hashes.
    ...(author ? [{ author }] : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** An article file to read, or a folder that could not be listed (reported, never fatal). */
export type PathEntry = { file: string; error?: undefined } | { file: string; error: string };

/**
 * Expands files and folders (recursively, hidden entries skipped) into article files in a stable order. A path
 * named explicitly is always returned, so that a missing or unsupported one is reported rather than ignored; a
 * folder that cannot be listed comes back with its error, so it is reported and the rest still ingested.
 */
export async function expandPaths(paths: string[]): Promise<PathEntry[]> {
  const entries: PathEntry[] = [];
  const walk = async (dir: string): Promise<void> => {
    let children;
    try {
      children = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      entries.push({ file: dir, error: `folder cannot be read (${code})` });
      return;
    }
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) {
      if (child.name.startsWith('.')) continue;
      const full = join(dir, child.name);
      if (child.isDirectory()) await walk(full);
      // Every file is returned, articles or not, so one that is not an article is reported as skipped.
      else if (child.isFile()) entries.push({ file: full });
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) await walk(path);
    else entries.push({ file: path });
  }
  return entries;
}

/** What happened to one article, without the file it came from. */
export type ArticleOutcome = Omit<IngestOutcome, 'file'>;

/** What storing one article needs. */
type StoreContext = Pick<IngestContext, 'store' | 'clock' | 'extractor'>;

/**
 * What the store says about an article before it is extracted: an outcome already (unchanged, or refused as a
 * duplicate), or the row it will replace (undefined for a new article).
 */
function decide(
  store: Store,
  article: ParsedArticle,
  hash: string,
): { outcome: ArticleOutcome } | { outcome?: undefined; existingId: number | undefined } {
  const existing = store.articles.bySourceKey(article.sourceKey);
  const described = { title: article.title, story: article.story ?? DEFAULT_STORY };
  if (existing?.contentHash === hash && existing.extractorVersion === EXTRACTOR_VERSION) {
    return { outcome: { status: 'unchanged', articleId: existing.id, ...described } };
  }
  const duplicate = store.articles.byHash(hash);
  if (duplicate && duplicate.id !== existing?.id) {
    if (!existing) {
      return {
        outcome: {
          status: 'unchanged',
          articleId: duplicate.id,
          reason: `same text as ${duplicate.sourceKey}`,
          ...described,
        },
      };
    }
    // Content hashes are unique: say so plainly rather than let the update fail on the constraint.
    return {
      outcome: {
        status: 'rejected',
        reason: `now has the same text as ${duplicate.sourceKey}, which is stored already`,
      },
    };
  }
  return { existingId: existing?.id };
}

/** Writes an extracted article and its facts in one transaction: a crash leaves it fully stored or absent. */
function write(
  ctx: StoreContext,
  article: ParsedArticle,
  hash: string,
  facts: Facts,
  file: string | null,
): ArticleOutcome {
  const { store, clock } = ctx;
  return store.transaction(() => {
    // Extraction ran off the main thread, so another ingest (the rescan, the CLI) may have stored this article
    // meanwhile: decide again, inside the transaction, from what is stored now.
    const decision = decide(store, article, hash);
    if (decision.outcome) return decision.outcome;
    const storySlug = article.story ?? DEFAULT_STORY;
    const now = clock.now();
    // A new story is titled by its file's `story_title`, else by its first article; `story_title` in a later
    // article renames it.
    let story = store.stories.ensure(storySlug, article.storyTitle ?? article.title, now);
    if (article.storyTitle && story.title !== article.storyTitle) {
      story = store.stories.rename(story.id, article.storyTitle);
    }
    const input = {
      storyId: story.id,
      sourceKey: article.sourceKey,
      url: article.url,
      source: article.source,
      author: article.author,
      title: article.title,
      body: article.body,
      publishedAt: article.published?.toISOString() ?? null,
      contentHash: hash,
      summary: facts.summary,
      extractorVersion: EXTRACTOR_VERSION,
      file: file === null ? null : resolve(file),
    };
    const existingId = decision.existingId;
    let articleId: number;
    if (existingId !== undefined) {
      articleId = existingId;
      store.articles.update(articleId, input, now);
    } else {
      articleId = store.articles.insert(input, now);
    }
    store.facts.replaceForArticle(articleId, story.id, facts);
    return {
      status: existingId !== undefined ? ('updated' as const) : ('added' as const),
      articleId,
      title: article.title,
      story: storySlug,
    };
  });
}

/**
 * Stores one parsed article with its facts. Same source and hash: unchanged. Same source, new hash: the article
 * and all its facts are replaced. An article stored by an older extractor is extracted again even when its text
 * is unchanged. An article `ctx.extractor` (the worker pool) takes off this thread is extracted and written by
 * the worker, through its own connection; a short one is extracted and written here. Either way the write is
 * one transaction.
 */
export async function storeArticle(
  ctx: StoreContext,
  article: ParsedArticle,
  file: string | null = null,
): Promise<ArticleOutcome> {
  article = {
    ...withoutInvisibles(article, ['title', 'body', 'source', 'storyTitle']),
    author: cleanAuthor(article.author),
  };
  const hash = contentHash(article);
  const before = decide(ctx.store, article, hash);
  if (before.outcome) return before.outcome;
  const elsewhere = ctx.extractor?.storeArticle?.(article, file);
  if (elsewhere) return elsewhere;
  const facts = await (ctx.extractor ?? inlineExtractor).extract({
    title: article.title,
    body: article.body,
    published: article.published ?? ctx.clock.now(),
  });
  return write(ctx, article, hash, facts, file);
}

/**
 * Ingests files and folders: reads and validates each file, extracts its facts and stores it. One bad file is
 * reported and skipped; it never stops the others and never touches what is stored. Outcomes are reported in
 * file order.
 */
export async function ingestPaths(
  ctx: IngestContext,
  paths: string[],
  onOutcome: (outcome: IngestOutcome) => void = () => {},
): Promise<IngestReport> {
  const outcomes: IngestOutcome[] = [];
  const record = (outcome: IngestOutcome) => {
    outcomes.push(outcome);
    onOutcome(outcome);
    const level = outcome.status === 'rejected' ? 'warn' : outcome.status === 'unchanged' ? 'debug' : 'info';
    ctx.log[level]({ file: outcome.file, status: outcome.status, reason: outcome.reason }, 'ingest');
  };
  // The store's own files (a database kept beside the articles) are not articles to report on.
  const storeFiles = new Set(
    ['', '-wal', '-shm', '-journal'].map((suffix) => resolve(`${ctx.store.path}${suffix}`)),
  );
  /** Reads one file and stores its articles in order; never throws. */
  const ingestFile = async (file: string): Promise<IngestOutcome[]> => {
    const read = await readArticleFile(file, { maxBytes: ctx.maxArticleBytes });
    if (!read.ok) {
      return read.notAnArticle
        ? [{ file, status: 'skipped', reason: `not an article (${read.notAnArticle})` }]
        : [{ file, status: 'rejected', reason: read.error }];
    }
    const done: IngestOutcome[] = [];
    for (const article of read.articles) {
      try {
        done.push({ file, ...(await storeArticle(ctx, article, file)) });
      } catch (error) {
        ctx.log.error({ err: error, file }, 'ingest failed');
        done.push({ file, status: 'rejected', reason: `could not be stored: ${(error as Error).message}` });
      }
    }
    return done;
  };
  // As many files are in flight as the extractor has workers, so every core extracts; outcomes are still
  // reported in file order.
  const extractor = ctx.extractor ?? inlineExtractor;
  const window: Promise<IngestOutcome[]>[] = [];
  const flush = async () => {
    for (const outcome of await window.shift()!) record(outcome);
  };
  for (const { file, error } of await expandPaths(paths)) {
    if (storeFiles.has(resolve(file))) continue;
    window.push(error ? Promise.resolve([{ file, status: 'rejected', reason: error }]) : ingestFile(file));
    if (window.length >= extractor.concurrency) await flush();
  }
  while (window.length > 0) await flush();
  return { outcomes, counts: countOutcomes(outcomes) };
}

function countOutcomes(outcomes: IngestOutcome[]): IngestReport['counts'] {
  const counts = { added: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, removed: 0 };
  for (const outcome of outcomes) counts[outcome.status] += 1;
  return counts;
}

/**
 * Removes articles, with all their facts, by what identifies them: a URL, or a path (as given, or the file it
 * was read from). One outcome per target: `removed` for each article found, `rejected` when nothing matched.
 */
export function removeArticles(ctx: IngestContext, targets: string[]): IngestReport {
  const outcomes: IngestOutcome[] = [];
  for (const target of targets) {
    const found = ctx.store.articles.findForRemoval(target, resolve(target));
    if (found.length === 0) {
      outcomes.push({ file: target, status: 'rejected', reason: 'no stored article has this path or URL' });
      continue;
    }
    for (const article of found) {
      const story = ctx.store.stories.byId(article.storyId);
      ctx.store.articles.delete(article.id);
      const outcome: IngestOutcome = {
        file: target,
        status: 'removed',
        title: article.title,
        articleId: article.id,
        ...(story ? { story: story.slug } : {}),
      };
      ctx.log.info({ file: target, articleId: article.id, title: article.title }, 'article removed');
      outcomes.push(outcome);
    }
  }
  return { outcomes, counts: countOutcomes(outcomes) };
}

/**
 * Removes the articles read from files under `dir` that no longer exist (deleted or moved away), with their
 * facts; `present` is every file the scan found there. Articles from elsewhere (a feed, another folder) stay.
 */
export function removeDeletedFiles(ctx: IngestContext, dir: string, present: Iterable<string>): IngestReport {
  const root = resolve(dir);
  const still = new Set([...present].map((file) => resolve(file)));
  const gone = ctx.store.articles
    .files()
    .filter((file) => (file === root || file.startsWith(`${root}/`)) && !still.has(file));
  const report = removeArticles(ctx, gone);
  for (const outcome of report.outcomes) {
    ctx.log.info(
      { file: outcome.file, title: outcome.title },
      `${outcome.file} was deleted: removed "${outcome.title ?? ''}" and its facts`,
    );
  }
  return report;
}

/** One line per outcome, as the CLI prints it: `added  data/articles/a.txt  "Title"`. */
export function formatOutcome(outcome: IngestOutcome): string {
  const detail =
    outcome.status === 'rejected' || outcome.status === 'skipped'
      ? `${outcome.status}: ${outcome.reason}`
      : `${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ''}: "${outcome.title}" [${outcome.story}]`;
  return `${outcome.file}: ${detail}`;
}

/** The closing line of a run. */
export function formatSummary(report: IngestReport): string {
  const { added, updated, unchanged, rejected, skipped, removed } = report.counts;
  // Skipped and removed files are rare: named only when there are some, so the usual line stays short.
  return [
    `${added} added, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected`,
    ...(skipped > 0 ? [`${skipped} skipped`] : []),
    ...(removed > 0 ? [`${removed} removed`] : []),
  ].join(', ');
}
