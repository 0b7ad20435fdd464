/**
 * Reading a feed with feedsmith (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 1.0, JSON Feed 1.x, with the content, Dublin
 * Core and Media RSS namespaces), then mapping its four shapes onto one {@link FeedItem}. No XML is handled
 * here by hand: this module only chooses, per format, which of the parser's fields an item's guid, link, title,
 * text, author and date come from.
 */
import { createRequire } from 'node:module';
import type * as Feedsmith from 'feedsmith';
import { htmlToText, readableText, type ReadablePage } from './text.ts';

/**
 * feedsmith is loaded when a feed is first parsed here, not with this module: the bot's main thread imports it
 * (the feed's types, decoding, the error a worker's parse throws) but parses feeds in the extraction workers.
 */
const require = createRequire(import.meta.url);
const feedsmith = () => require('feedsmith') as typeof Feedsmith;

/** One item of a feed, whatever its format. */
export interface FeedItem {
  /** The item's own id (guid, Atom id, JSON id), else its link: what identifies it within its feed. */
  guid: string;
  link: string | null;
  title: string;
  /** The item's text as plain paragraphs (from content:encoded, Atom content, content_html…), or its summary. */
  text: string;
  /** The item's short description when the feed gives one apart from the text. */
  summary: string;
  author: string | null;
  published: Date | null;
  /** The outlet when the item names one (RSS `<source>`), else null (the feed's title is used). */
  outlet: string | null;
}

/** A parsed feed. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  items: FeedItem[];
}

/** A feed that cannot be read, with the reason in words. */
export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A string field, or an Atom/feedsmith text construct `{ value }`. */
function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (isObject(v)) return str(v.value) ?? str(v.name);
  return null;
}
const first = (...values: unknown[]): string | null => {
  for (const value of values) {
    const s = str(value);
    if (s) return s;
  }
  return null;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
function date(...values: unknown[]): Date | null {
  for (const value of values) {
    const s = str(value);
    if (!s) continue;
    const parsed = new Date(s);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return null;
}

function rssItem(item: Loose): Omit<FeedItem, 'guid'> & { guid: string | null } {
  const content = isObject(item.content) ? item.content : {};
  const dc = isObject(item.dc) ? item.dc : {};
  const media = isObject(item.media) ? item.media : {};
  const html = first(content.encoded) ?? first(item.description) ?? '';
  const description = first(item.description, media.description, media.title) ?? '';
  const source = isObject(item.source) ? item.source : {};
  return {
    guid: first(item.guid),
    link: first(item.link, isObject(item.guid) && item.guid.isPermaLink !== false ? item.guid.value : null),
    title: first(item.title, dc.title, ...list(dc.titles)) ?? '',
    text: htmlToText(html),
    summary: htmlToText(description),
    author: first(item.author, ...list(dc.creators), dc.creator, ...list(item.authors)),
    published: date(item.pubDate, ...list(dc.dates), dc.date),
    outlet: first(source.title, source.value),
  };
}

function rdfItem(item: Loose): Omit<FeedItem, 'guid'> & { guid: string | null } {
  const rdf = isObject(item.rdf) ? item.rdf : {};
  return { ...rssItem(item), guid: first(rdf.about) };
}

function atomEntry(entry: Loose): Omit<FeedItem, 'guid'> & { guid: string | null } {
  const links = list(entry.links).filter(isObject);
  const alternate =
    links.find((l) => l.rel === 'alternate' || l.rel === undefined) ?? links.find((l) => l.rel !== 'self');
  const content = first(entry.content);
  const summary = first(entry.summary) ?? '';
  const authors = list(entry.authors).filter(isObject);
  return {
    guid: first(entry.id),
    link: alternate ? first(alternate.href) : null,
    title: first(entry.title) ?? '',
    text: htmlToText(content ?? summary),
    summary: htmlToText(summary),
    author: first(...authors.map((a) => a.name)),
    published: date(entry.published, entry.updated),
    outlet: isObject(entry.source) ? first(entry.source.title) : null,
  };
}

function jsonItem(item: Loose): Omit<FeedItem, 'guid'> & { guid: string | null } {
  const authors = [...list(item.authors), ...list(item.author)].filter(isObject);
  const html = first(item.content_html);
  return {
    guid: first(item.id),
    link: first(item.url, item.external_url),
    title: first(item.title) ?? '',
    text: html ? htmlToText(html) : (first(item.content_text) ?? first(item.summary) ?? ''),
    summary: first(item.summary) ?? '',
    author: first(...authors.map((a) => a.name)),
    published: date(item.date_published, item.date_modified),
    outlet: null,
  };
}

/** The text of the body, without a byte-order mark; a feed must be text. */
export function decodeBody(body: Uint8Array, contentType: string | null): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('utf-8').decode(body).replace(/^\uFEFF/, '');
  }
}

/**
 * A fetched article page's main text (a teaser's full text): its bytes decoded by the response's charset, then
 * Readability on linkedom ({@link readableText}); null when the page has no readable article.
 */
export function readPageBody(body: Uint8Array, contentType: string | null, url: string): ReadablePage | null {
  return readableText(decodeBody(body, contentType), url);
}

/** Reads a fetched page somewhere else (the bot's extraction pool), as {@link readPageBody} does here. */
export type PageReader = (
  body: Uint8Array,
  contentType: string | null,
  url: string,
) => Promise<ReadablePage | null>;

/** Parses a fetched feed somewhere else (the bot's extraction pool), as {@link parseFeedBody} does here. */
export type FeedParser = (body: Uint8Array, contentType: string | null) => Promise<ParsedFeed>;

/** Parses a fetched feed: its bytes decoded by the response's charset, then {@link parseFeedDocument}. */
export function parseFeedBody(body: Uint8Array, contentType: string | null): ParsedFeed {
  return parseFeedDocument(decodeBody(body, contentType), contentType);
}

/**
 * Parses a feed document. Anything that is not a feed — an HTML page, broken XML, a JSON document that is not a
 * JSON Feed — is a {@link FeedParseError} saying so; nothing here throws anything else for bad input.
 */
export function parseFeedDocument(text: string, contentType: string | null = null): ParsedFeed {
  // A type no feed is ever served as (an image, a PDF, an archive) says what the address is. Servers label real
  // feeds loosely (text/plain, application/octet-stream, text/xml), so any other type is left to the parser.
  const type = /^\s*([\w.+-]+\/[\w.+-]+)/.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (type && /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-tar|msword)/.test(type)) {
    throw new FeedParseError(`the address serves ${type}, not a feed`);
  }
  const head = text.trimStart().slice(0, 512).toLowerCase();
  if (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    /^text\/html/i.test(contentType ?? '')
  ) {
    if (!/<(rss|feed|rdf:rdf)[\s>]/i.test(text.slice(0, 4096))) {
      throw new FeedParseError('the address serves a web page (HTML), not a feed');
    }
  }
  const { DetectError, MalformedError, parseFeed } = feedsmith();
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(text) as { format: string; feed: unknown };
  } catch (error) {
    if (error instanceof MalformedError) throw new FeedParseError('the feed is not well-formed XML or JSON');
    if (error instanceof DetectError) {
      throw new FeedParseError('the document is not an RSS, Atom or JSON feed');
    }
    throw new FeedParseError(`the feed could not be read (${(error as Error).message})`);
  }
  const feed = isObject(parsed.feed) ? parsed.feed : {};
  const format = parsed.format as ParsedFeed['format'];
  const raw = format === 'atom' ? list(feed.entries) : list(feed.items);
  const map =
    format === 'atom' ? atomEntry : format === 'json' ? jsonItem : format === 'rdf' ? rdfItem : rssItem;
  const items: FeedItem[] = [];
  for (const entry of raw) {
    if (!isObject(entry)) continue;
    const item = map(entry);
    const guid = item.guid ?? item.link ?? (item.title ? `title:${item.title}` : null);
    if (!guid || (!item.title && !item.text)) continue;
    items.push({ ...item, guid });
  }
  return { format, title: first(feed.title), items };
}
