/**
 * Word tokens with their offsets. Every rule after segmentation works on these, so the article is tokenised once.
 * A token keeps its internal apostrophes and hyphens ("Russia’s", "Bashar-Al-Assad", "S-400") and the full stop of
 * an abbreviation ("Gen.", "U.S."), because those belong to the word.
 */
import type { Document } from './sentences.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Index of the token's sentence in `Document.sentences`. */
  sentence: number;
  /** First word of its sentence, or first word inside an opening quotation mark. */
  initial: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[’'\-.,/][\p{L}\p{N}]+)*/gu;
const ABBREV_DOT =
  /^(?:(?:[A-Za-z]\.)*[A-Za-z]|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Sgt|St|Jr|Sr|Prof|Adm|Brig|Cmdr)$/;

/** The first character at or after `from` that is not white space ('' at the end): no copy of the rest of the body. */
function firstAfterSpace(body: string, from: number): string {
  let i = from;
  while (i < body.length && /\s/.test(body[i]!)) i++;
  return body[i] ?? '';
}

/** Tokenises every sentence of a document. Commas inside numbers ("1,000") stay in the token. */
export function tokenize(doc: Document): Token[] {
  const tokens: Token[] = [];
  const body = doc.body;
  for (const sentence of doc.sentences) {
    WORD.lastIndex = 0;
    let first = true;
    for (let m = WORD.exec(sentence.text); m; m = WORD.exec(sentence.text)) {
      let text = m[0];
      // A comma only belongs inside a number ("1,000"); "Syria,Turkey" is two words.
      if (text.includes(',') && !/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) {
        text = text.split(',')[0]!;
        WORD.lastIndex = m.index + text.length;
      }
      const start = sentence.start + m.index;
      let end = start + text.length;
      if (body[end] === '.' && ABBREV_DOT.test(text) && text.length <= 5) {
        const next = body[end + 1] ?? ' ';
        const single = /^[A-Z]$/.test(text);
        // "U.S." or "Gen." keep their dot; a sentence-final "Putin said." does not match ABBREV_DOT at all.
        if (!single || /[A-Z]/.test(firstAfterSpace(body, end + 1)) || next !== ' ') {
          text += '.';
          end += 1;
        }
      }
      const prev = body.slice(Math.max(sentence.start, start - 2), start);
      const initial = first || /[“"‘]\s*$/.test(prev);
      tokens.push({ text, start, end, sentence: sentence.index, initial });
      first = false;
    }
  }
  return tokens;
}

/** Removes a possessive ending: "Russia’s" → "Russia". */
export function stripPossessive(word: string): string {
  return word.replace(/[’']s$/, '').replace(/s[’']$/, 's');
}

/** True for a word that starts with a capital letter (or "al-Kadhimi", an Arabic name with its particle). */
export function isCapitalised(word: string): boolean {
  const c = word[0];
  if (c === undefined) return false;
  if (c !== c.toLowerCase()) return true;
  return word.includes('-') && /^(?:al|el|ul|bin|ibn|abu)-\p{Lu}/u.test(word);
}
