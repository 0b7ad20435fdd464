import { existsSync } from 'node:fs';
import type { Ctx } from '../bot/context.ts';
import { formatSummary, ingestPaths } from '../ingest/ingest.ts';

/**
 * Ingests ARTICLES_DIR again: files added or changed since the last scan are stored (unchanged ones are
 * recognised by their hash and left alone), so the next digest carries them. A missing folder is not an error.
 */
export async function rescanArticles(ctx: Ctx): Promise<void> {
  if (!existsSync(ctx.config.ARTICLES_DIR)) {
    ctx.log.debug({ dir: ctx.config.ARTICLES_DIR }, 'ARTICLES_DIR does not exist; nothing to rescan');
    return;
  }
  const report = await ingestPaths(
    { store: ctx.db, clock: ctx.clock, log: ctx.log, maxArticleBytes: ctx.config.MAX_ARTICLE_BYTES },
    [ctx.config.ARTICLES_DIR],
  );
  const { added, updated } = report.counts;
  const level = added + updated > 0 ? 'info' : 'debug';
  ctx.log[level]({ ...report.counts }, `rescanned ${ctx.config.ARTICLES_DIR}: ${formatSummary(report)}`);
}
