/**
 * From HTML to the plain paragraphs the extractor reads: item content with linkedom (a light, fast DOM), and
 * full article pages with Mozilla's Readability (Firefox Reader View's extractor) on that DOM.
 */
import { createRequire } from 'node:module';
import type * as ReadabilityModule from '@mozilla/readability';
import type * as Linkedom from 'linkedom';

/**
 * linkedom and Readability are loaded when HTML is first parsed, not with this module: the bot's main thread
 * imports it (word counts, through the poll) but its feeds are parsed in the extraction workers, and loaded
 * there the two would cost it about 5 MB of heap and 12 MB of RSS for nothing. `require` keeps them once loaded.
 */
const require = createRequire(import.meta.url);
const linkedom = () => require('linkedom') as typeof Linkedom;
const readability = () => require('@mozilla/readability') as typeof ReadabilityModule;

const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'TABLE',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'FIGURE',
  'BR',
  'HR',
  'DL',
  'DT',
  'DD',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'FIGCAPTION']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Collects text, starting a new paragraph at every block element. */
function walk(node: DomNode, out: string[]): void {
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i]!;
    if (child.nodeType === 3) {
      out[out.length - 1] += child.textContent ?? '';
    } else if (child.nodeType === 1) {
      const name = child.nodeName.toUpperCase();
      if (SKIP.has(name)) continue;
      const block = BLOCK.has(name);
      if (block) out.push('');
      walk(child, out);
      if (block) out.push('');
    }
  }
}

/** Paragraphs of plain text, one blank line between them, white space collapsed. */
function paragraphs(parts: string[]): string {
  return parts
    .map((p) => p.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Plain text from an HTML fragment (or plain text, returned tidied). */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return paragraphs(html.split(/\n\s*\n/));
  const { document } = linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out = [''];
  walk(document.body as unknown as DomNode, out);
  return paragraphs(out);
}

/** Words in a text: what decides whether an item carries the article or only a teaser. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Items with fewer words than this are teasers: their page is fetched for the full text. */
export const TEASER_WORDS = 80;

/** An article page's main text, and its title and byline when Readability found them. */
export interface ReadablePage {
  title: string | null;
  /** The page's byline (its author meta tag, `rel="author"`, a "byline" element), as Readability found it. */
  byline: string | null;
  text: string;
}

/** An article page's main text by Readability, or null when the page has no readable article. */
export function readableText(html: string, url: string): ReadablePage | null {
  const { document } = linkedom().parseHTML(html);
  try {
    // Readability resolves relative links against the document's URL; linkedom has none unless a base says so.
    const base = document.createElement('base');
    base.setAttribute('href', url);
    document.head?.appendChild(base);
  } catch {
    // A page without a head still parses; links stay relative, which the text does not need.
  }
  const { Readability } = readability();
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  if (!article?.content) return null;
  const text = htmlToText(article.content);
  return text ? { title: article.title?.trim() || null, byline: article.byline?.trim() || null, text } : null;
}
