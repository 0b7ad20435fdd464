import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Clock } from '../clock.ts';
import { extract, EXTRACTOR_VERSION } from '../extract/index.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import { ARTICLE_EXTENSIONS, readArticleFile, type ParsedArticle } from './parse.ts';

/** The story an article joins when its file names none. */
export const DEFAULT_STORY = 'general';

/** What happened to one article (or one refused file). */
export interface IngestOutcome {
  file: string;
  status: 'added' | 'updated' | 'unchanged' | 'rejected';
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
}

/** The content hash: what makes an article "unchanged" on the next run. */
export function contentHash(article: ParsedArticle): string {
  const { title, body, url, source, story, published } = article;
  const canonical = JSON.stringify([title, body, url, source, story, published?.toISOString() ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

function humanize(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
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
      else if (child.isFile() && ARTICLE_EXTENSIONS.has(extname(child.name).toLowerCase())) {
        entries.push({ file: full });
      }
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) await walk(path);
    else entries.push({ file: path });
  }
  return entries;
}

/**
 * Stores one parsed article with its facts, in one transaction: a crash leaves it fully stored or absent.
 * Same source and hash: unchanged. Same source, new hash: the article and all its facts are replaced. An
 * article stored by an older extractor is extracted again even when its text is unchanged.
 */
export function storeArticle(ctx: IngestContext, article: ParsedArticle): Omit<IngestOutcome, 'file'> {
  const { store, clock } = ctx;
  const hash = contentHash(article);
  const storySlug = article.story ?? DEFAULT_STORY;
  const existing = store.articles.bySourceKey(article.sourceKey);
  const described = { title: article.title, story: storySlug };
  if (existing?.contentHash === hash && existing.extractorVersion === EXTRACTOR_VERSION) {
    return { status: 'unchanged', articleId: existing.id, ...described };
  }
  const duplicate = store.articles.byHash(hash);
  if (duplicate && duplicate.id !== existing?.id) {
    if (!existing) {
      return {
        status: 'unchanged',
        articleId: duplicate.id,
        reason: `same text as ${duplicate.sourceKey}`,
        ...described,
      };
    }
    // Content hashes are unique: say so plainly rather than let the update fail on the constraint.
    return {
      status: 'rejected',
      reason: `now has the same text as ${duplicate.sourceKey}, which is stored already`,
    };
  }
  const facts = extract({
    title: article.title,
    body: article.body,
    published: article.published ?? clock.now(),
  });
  return store.transaction(() => {
    const now = clock.now();
    const story = store.stories.ensure(storySlug, humanize(storySlug), now);
    const input = {
      storyId: story.id,
      sourceKey: article.sourceKey,
      url: article.url,
      source: article.source,
      title: article.title,
      body: article.body,
      publishedAt: article.published?.toISOString() ?? null,
      contentHash: hash,
      summary: facts.summary,
      extractorVersion: EXTRACTOR_VERSION,
    };
    let articleId: number;
    if (existing) {
      articleId = existing.id;
      store.articles.update(articleId, input, now);
    } else {
      articleId = store.articles.insert(input, now);
    }
    store.facts.replaceForArticle(articleId, story.id, facts);
    return { status: existing ? ('updated' as const) : ('added' as const), articleId, ...described };
  });
}

/**
 * Ingests files and folders: reads and validates each file, extracts its facts and stores it. One bad file is
 * reported and skipped; it never stops the others and never touches what is stored.
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
  for (const { file, error } of await expandPaths(paths)) {
    if (error) {
      record({ file, status: 'rejected', reason: error });
      continue;
    }
    const read = await readArticleFile(file, { maxBytes: ctx.maxArticleBytes });
    if (!read.ok) {
      record({ file, status: 'rejected', reason: read.error });
      continue;
    }
    for (const article of read.articles) {
      try {
        record({ file, ...storeArticle(ctx, article) });
      } catch (error) {
        ctx.log.error({ err: error, file }, 'ingest failed');
        record({ file, status: 'rejected', reason: `could not be stored: ${(error as Error).message}` });
      }
    }
  }
  const counts = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const outcome of outcomes) counts[outcome.status] += 1;
  return { outcomes, counts };
}

/** One line per outcome, as the CLI prints it: `added  data/articles/a.txt  "Title"`. */
export function formatOutcome(outcome: IngestOutcome): string {
  const detail =
    outcome.status === 'rejected'
      ? `rejected: ${outcome.reason}`
      : `${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ''}: "${outcome.title}" [${outcome.story}]`;
  return `${outcome.file}: ${detail}`;
}

/** The closing line of a run. */
export function formatSummary(report: IngestReport): string {
  const { added, updated, unchanged, rejected } = report.counts;
  return `${added} added, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected`;
}
