/**
 * The summary `/summary` shows: the lead. News is written in inverted-pyramid order, so the first sentences carry
 * the story; a model would add cost without beating the reporter's own ordering. Datelines are dropped and the
 * lead stops before it grows past a few lines. A photo caption is no part of it.
 */
import { type Document, collapseSpaces } from './sentences.ts';
import { DATELINE } from './tokens.ts';

const MAX_WORDS = 75;
const MAX_SENTENCES = 3;

/** The lead sentences of an article, in order. */
export function summarize(doc: Document): string[] {
  const out: string[] = [];
  let words = 0;
  for (const sentence of doc.sentences) {
    if (doc.paragraphs[sentence.paragraph]!.caption) continue;
    const text = collapseSpaces(sentence.text.replace(DATELINE, '')).trim();
    const count = text.split(' ').length;
    if (count < 5) continue;
    if (out.length > 0 && words + count > MAX_WORDS) break;
    out.push(text);
    words += count;
    if (out.length >= MAX_SENTENCES) break;
  }
  return out;
}
