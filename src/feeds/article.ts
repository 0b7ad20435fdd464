/**
 * A single article link (`npm run ingest -- https://…/article`): fetched with the same limits and guard as
 * feeds, its text extracted by Readability, and stored through the same dedupe and revision rules, so the same
 * link ingested twice is one article, and a changed page is a revision.
 */
import { parseHTML } from 'linkedom';
import type { Config } from '../config.ts';
import { extract } from '../extract/index.ts';
import { DEFAULT_STORY, type IngestOutcome, type IngestReport } from '../ingest/ingest.ts';
import { createFeedFetcher } from './index.ts';
import { canonicalUrl } from './canonical.ts';
import { FetchError, PAGE_ACCEPT, type Fetcher } from './http.ts';
import { itemHash, oversizeReason, storeItem, type ItemContext, type ItemOutcome } from './items.ts';
import { decodeBody } from './parse.ts';
import { htmlToText, readableText, wordCount } from './text.ts';

/** Fewer words than this on a page is not an article. */
const MIN_ARTICLE_WORDS = 50;

/** A page that has no readable article, with the reason. */
export class ArticlePageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArticlePageError';
  }
}

/** What the page's metadata says: publication date and outlet (Open Graph and article meta tags). */
function pageMeta(html: string): { published: Date | null; site: string | null } {
  const { document } = parseHTML(html);
  const meta = (selector: string) =>
    document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const date =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    meta('meta[itemprop="datePublished"]') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const published = date && !Number.isNaN(Date.parse(date)) ? new Date(date) : null;
  return { published, site: meta('meta[property="og:site_name"]') };
}

/** Fetches and stores one article page as a shared (operator) article of `story`. */
export async function ingestArticleUrl(
  ctx: ItemContext & { fetcher: Fetcher; maxArticleBytes: number },
  url: string,
  story: string,
): Promise<ItemOutcome & { title: string }> {
  const page = await ctx.fetcher.fetch({ url, accept: PAGE_ACCEPT });
  if (page.status !== 'ok')
    throw new ArticlePageError('the server answered 304 to a request that asked for none');
  if (!/html/i.test(page.contentType ?? 'text/html')) {
    throw new ArticlePageError(`the address serves ${page.contentType}, not a web page`);
  }
  const html = decodeBody(page.body, page.contentType);
  const readable = readableText(html, page.url);
  // Readability returns its best guess even for a home page; a few dozen words are a page, not an article.
  if (!readable || wordCount(readable.text) < MIN_ARTICLE_WORDS) {
    throw new ArticlePageError('the page has no readable article text');
  }
  const { published, site } = pageMeta(html);
  const title = readable.title ?? htmlToText(readable.text).split('\n')[0]!.slice(0, 200);
  const candidate = {
    guid: canonicalUrl(page.url) ?? page.url,
    link: page.url,
    title,
    body: readable.text,
    published,
    outlet: site ?? new URL(page.url).hostname.replace(/^www\./, ''),
    author: readable.byline,
  };
  const tooLarge = oversizeReason(candidate, ctx.maxArticleBytes);
  if (tooLarge) throw new ArticlePageError(tooLarge);
  const outcome = await storeItem(ctx, { feedId: null, guildId: '', storySlug: story }, candidate, {
    announce: true,
    itemHash: itemHash({ ...candidate, text: candidate.body, summary: '', author: null }),
  });
  return { ...outcome, title };
}

/** Fetches and stores article links for `npm run ingest`, one outcome per link, in the ingest report's shape. */
export async function ingestLinks(
  ctx: Pick<ItemContext, 'store' | 'clock' | 'log'> & {
    config: Pick<
      Config,
      | 'FEEDS_ALLOW_PRIVATE'
      | 'FEEDS_ALLOW_ADDRESSES'
      | 'FEED_MAX_BYTES'
      | 'OPERATOR_CONTACT_URL'
      | 'MAX_ARTICLE_BYTES'
    >;
  },
  links: string[],
): Promise<IngestReport> {
  const fetcher = createFeedFetcher(ctx.config);
  const outcomes: IngestOutcome[] = [];
  try {
    for (const link of links) {
      try {
        const result = await ingestArticleUrl(
          {
            ...ctx,
            fetcher,
            extract: async (input) => extract(input),
            maxArticleBytes: ctx.config.MAX_ARTICLE_BYTES,
          },
          link,
          DEFAULT_STORY,
        );
        const status = result.status === 'new' ? 'added' : result.status;
        outcomes.push({
          file: link,
          status,
          title: result.title,
          story: DEFAULT_STORY,
          articleId: result.articleId,
        });
      } catch (error) {
        if (!(error instanceof FetchError || error instanceof ArticlePageError)) throw error;
        outcomes.push({ file: link, status: 'rejected', reason: error.message });
      }
    }
  } finally {
    await fetcher.close();
  }
  const counts = { added: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, removed: 0 };
  for (const outcome of outcomes) counts[outcome.status] += 1;
  return { outcomes, counts };
}
