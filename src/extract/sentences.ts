/**
 * Splits an article body into paragraphs and sentences with their offsets. Sentence ends are found with rules a
 * copy editor would use rather than a statistical model: a full stop ends a sentence unless it closes an
 * abbreviation ("Gen.", "U.S.") or an initial, and never inside a quotation, so a quote of several sentences stays
 * in the one sentence that attributes it.
 */
import { findQuoteMarks, type MarkSpan } from './quotemarks.ts';
import type { Span } from './types.ts';

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
  /** Index of the sentence in the article. */
  index: number;
}

export interface Paragraph extends Span {
  text: string;
  index: number;
  /** The paragraph's quoted spans. */
  marks: MarkSpan[];
}

export interface Document {
  body: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr gen sen rep gov lt col maj capt sgt st jr sr no nos jan feb mar apr jun jul aug sep sept oct nov dec
  vs etc inc co corp prof adm brig cmdr gens sens reps ft mt approx est dept univ rev del hon pvt cpl det supt`
    .split(/\s+/)
    .filter(Boolean),
);

function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && /[A-Za-z.]/.test(text[start - 1]!)) start--;
  const word = text.slice(start, dot);
  if (word.length === 0) return false;
  if (/^[A-Z]$/.test(word)) return true; // an initial: "J. Smith"
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return true; // U.S, U.N
  return ABBREVIATIONS.has(word.toLowerCase());
}

const CLOSERS = /[”’"')\]]/;

function splitParagraph(paragraph: Paragraph, into: Sentence[]): void {
  const { text, start: base, marks } = paragraph;
  const insideQuote = (offset: number) =>
    marks.some((m) => offset > m.open && (m.close === null || offset < m.close));
  let sentenceStart = 0;
  const push = (end: number) => {
    let s = sentenceStart;
    while (s < end && /\s/.test(text[s]!)) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) {
      into.push({
        start: base + s,
        end: base + e,
        text: text.slice(s, e),
        paragraph: paragraph.index,
        index: into.length,
      });
    }
    sentenceStart = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    if (ch === '.' && isAbbreviation(text, i)) continue;
    if (ch === '.' && /\d/.test(text[i + 1] ?? '')) continue;
    let j = i + 1;
    while (j < text.length && (CLOSERS.test(text[j]!) || /[.!?]/.test(text[j]!))) j++;
    if (
      insideQuote(base + j - 1) &&
      !marks.some((m) => m.close !== null && m.close >= base + i && m.close < base + j)
    ) {
      continue;
    }
    if (j < text.length && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < text.length && /\s/.test(text[k]!)) k++;
    if (k < text.length && !/[A-Z0-9“"‘(`]/.test(text[k]!) && !text.startsWith("''", k)) continue;
    push(j);
  }
  push(text.length);
}

/** Parses a body into paragraphs (split on blank lines) and sentences. */
export function segment(body: string): Document {
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) continue;
    const start = m.index + lead;
    paragraphs.push({
      start,
      end: start + text.length,
      text,
      index: paragraphs.length,
      marks: findQuoteMarks(text, start),
    });
  }
  const sentences: Sentence[] = [];
  for (const p of paragraphs) splitParagraph(p, sentences);
  return { body, paragraphs, sentences };
}

/** The sentence that contains an offset (the last one starting at or before it). */
export function sentenceAt(doc: Document, offset: number): Sentence | undefined {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  let found: Sentence | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!;
    if (s.start <= offset) {
      found = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
