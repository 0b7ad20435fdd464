/**
 * What makes two links, two texts or two headlines "the same article", the heart of never posting twice.
 */
import { createHash } from 'node:crypto';

/** Query parameters that only track who clicked, never choose the page. */
const TRACKING = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|ref_src)$/i,
  /^xtor$/i,
  /^at_/i,
  /^(cmpid|ncid|ocid|sr_share|smid|taid)$/i,
];

/**
 * A link in its canonical form: https, no `www.`, no tracking parameters or fragment, no trailing slash, the
 * remaining parameters sorted. Two links that differ only in these lead to the same article. Returns null for
 * what is not an http(s) URL.
 */
export function canonicalUrl(link: string | null | undefined): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.protocol = 'https:';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  url.port = url.port === '80' || url.port === '443' ? '' : url.port;
  url.hash = '';
  const kept = [...url.searchParams.entries()]
    .filter(([key]) => !TRACKING.some((pattern) => pattern.test(key)))
    .sort(([a], [b]) => a.localeCompare(b));
  url.search = '';
  for (const [key, value] of kept) url.searchParams.append(key, value);
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  let text = url.toString();
  if (url.pathname === '/' && !url.search) text = text.slice(0, -1);
  return text;
}

/** Text reduced to lowercase words, so spacing, punctuation and case changes are not revisions. */
export function normalizeWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The hash of an article's body: the same body under another link or guid is the same article. */
export function bodyHash(body: string): string {
  return createHash('sha256').update(normalizeWords(body)).digest('hex');
}

/** The headline and the first paragraphs of an article: what near-duplicates are compared by. */
function headlineAndLead(title: string, body: string): string[] {
  const lead = body
    .split(/\n\s*\n/)
    .slice(0, 2)
    .join(' ')
    .slice(0, 600);
  return normalizeWords(`${title} ${lead}`).split(' ').filter(Boolean);
}

function trigramsOf(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (words.length < 3 && words.length > 0) out.add(words.join(' '));
  return out;
}

const numbersOf = (words: string[]): string =>
  [...new Set(words.filter((word) => /\d/.test(word)))].sort().join(' ');

/** Word trigrams of a headline and lead, the fingerprint near-duplicates are compared by. */
export function shingles(title: string, body: string): Set<string> {
  return trigramsOf(headlineAndLead(title, body));
}

/** Jaccard similarity of two fingerprints. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Headline-and-lead similarity at or above this, from the same outlet within days, is the same story. */
export const NEAR_DUPLICATE = 0.6;

/** What two articles are compared by to tell a lightly edited copy from another article. */
export interface Fingerprint {
  trigrams: Set<string>;
  /** The numbers of the headline and lead, sorted and joined. */
  numbers: string;
}

export function fingerprint(title: string, body: string): Fingerprint {
  const words = headlineAndLead(title, body);
  return { trigrams: trigramsOf(words), numbers: numbersOf(words) };
}

/**
 * Whether an article (its headline and body) is a near-duplicate of the one fingerprinted: their headlines and
 * leads share most word trigrams AND give the same numbers. Outlets publish templated reports (scores, tallies,
 * daily figures) whose sentences are nearly identical and whose numbers are the news; a copy of the same story
 * keeps its numbers, so an article whose figures differ is another article (or new figures), never silently
 * dropped as a repost. The numbers are compared first: most articles of a site differ there, and their
 * trigrams (a few hundred strings each) are then never built.
 */
export function isNearDuplicate(mine: Fingerprint, title: string, body: string): boolean {
  const words = headlineAndLead(title, body);
  return numbersOf(words) === mine.numbers && similarity(mine.trigrams, trigramsOf(words)) >= NEAR_DUPLICATE;
}
