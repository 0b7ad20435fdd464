import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Ctx } from '../bot/context.ts';
import { expandPaths, formatSummary, ingestPaths, removeDeletedFiles } from '../ingest/ingest.ts';

/**
 * Makes the ARTICLES_DIR rescan job: files added or changed since the last scan are ingested, so the next
 * digest carries them. The job remembers each file's size and modification time, so a scan of a folder of
 * thousands of articles costs a stat per file, and a rejected file is reported once when it appears or
 * changes, not on every scan. A file deleted from the folder takes its article and facts out of the store,
 * with a log line saying so. A missing folder is not an error.
 *
 * The bot runs the job's first scan itself at boot (the boot ingest) and hands the job to the scheduler, so the
 * periodic scans that follow read only what changed since: a folder is read once at boot, and a refused file
 * is reported once, not by the boot ingest and again by the first rescan.
 */
export function createRescanJob(): (ctx: Ctx) => Promise<void> {
  /** File path → `size:mtime` when it was last read. */
  const seen = new Map<string, string>();
  let first = true;
  let missingSaid = false;
  return async (ctx) => {
    const dir = ctx.config.ARTICLES_DIR;
    if (!existsSync(dir)) {
      const level = missingSaid ? 'debug' : 'warn';
      ctx.log[level]({ dir }, 'ARTICLES_DIR does not exist; nothing to ingest until it does');
      missingSaid = true;
      return;
    }
    missingSaid = false;
    // The first scan of the folder is the boot ingest: every file is read, and the summary is always logged.
    const boot = first;
    first = false;
    const stamps = new Map<string, string>();
    for (const { file, error } of await expandPaths([dir])) {
      const info = error ? null : await stat(file).catch(() => null);
      stamps.set(file, info ? `${info.size}:${info.mtimeMs}` : (error ?? 'unreadable'));
    }
    const ingest = {
      store: ctx.store,
      clock: ctx.clock,
      log: ctx.log,
      maxArticleBytes: ctx.config.MAX_ARTICLE_BYTES,
      ...(ctx.extractor ? { extractor: ctx.extractor } : {}),
    };
    // The store is asked which files it knows only when one may have gone: on the first scan (a file deleted
    // while the bot was down) and when a file seen before is missing.
    const vanished = [...seen.keys()].filter((file) => !stamps.has(file));
    if (boot || vanished.length > 0) removeDeletedFiles(ingest, dir, stamps.keys());
    for (const file of vanished) seen.delete(file);
    const changed = [...stamps.keys()].filter((file) => seen.get(file) !== stamps.get(file));
    if (changed.length === 0 && !boot) return;
    const report = await ingestPaths(ingest, changed);
    for (const file of changed) seen.set(file, stamps.get(file)!);
    // A file the store could not take (a locked database, say) is tried again on the next scan.
    for (const outcome of report.outcomes) {
      if (outcome.reason?.startsWith('could not be stored')) seen.delete(outcome.file);
    }
    const { added, updated } = report.counts;
    const level = boot || added + updated > 0 ? 'info' : 'debug';
    ctx.log[level](
      { ...report.counts },
      `${boot ? 'ingested' : 'rescanned'} ${dir}: ${formatSummary(report)}`,
    );
  };
}
