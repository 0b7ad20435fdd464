/**
 * Word tokens with their offsets. Every rule after segmentation works on these, so the article is tokenised once.
 * A token keeps its internal apostrophes and hyphens ("Russia’s", "Bashar-Al-Assad", "S-400") and the full stop of
 * an abbreviation ("Gen.", "U.S."), because those belong to the word.
 */
import { type Document, isSpaceCode } from './sentences.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Index of the token's sentence in `Document.sentences`. */
  sentence: number;
  /** First word of its sentence, or first word inside an opening quotation mark. */
  initial: boolean;
}

/**
 * A word is a run of letters and digits (`[\p{L}\p{N}]+`), joined to more by single apostrophes, hyphens, full stops,
 * commas or slashes: the matches of `/[\p{L}\p{N}]+(?:[’'\-.,/][\p{L}\p{N}]+)*\/gu`, read by {@link wordEnd} off
 * character codes, since tokenising builds a match for every word of every article.
 */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** How many code units the letter or digit at `i` takes (2 for one outside the BMP), or 0 if there is none. */
function wordCharLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return WORD_CHAR.test(text[i]!) ? 1 : 0;
}

/** ’ ' - . , /: what may join two runs of letters and digits into one word. */
function isJoinerCode(c: number): boolean {
  return c === 0x2019 || c === 39 || c === 45 || c === 46 || c === 44 || c === 47;
}

/** Where the word starting at `start` (a letter or digit) ends. */
function wordEnd(text: string, start: number): number {
  let i = start;
  for (let n = wordCharLength(text, i); n > 0; n = wordCharLength(text, i)) i += n;
  while (isJoinerCode(text.charCodeAt(i)) && wordCharLength(text, i + 1) > 0) {
    i++;
    for (let n = wordCharLength(text, i); n > 0; n = wordCharLength(text, i)) i += n;
  }
  return i;
}
/**
 * The abbreviated titles written before a name ("Mr.", "Sgt.", "Coun.", "Const."), as one alternation for the patterns
 * that read a name after one: one list, so a title read in one place is read in all.
 */
export const TITLE_ABBREVIATION = String.raw`Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Sgt|St|Prof|Adm|Brig|Cmdr|Cpl|Pvt|Const|Cst|Coun|Det|Insp|Supt|Hon|Rev`;
const ABBREV_DOT = new RegExp(String.raw`^(?:(?:[A-Za-z]\.)*[A-Za-z]|${TITLE_ABBREVIATION}|Jr|Sr)$`);

/** The first character at or after `from` that is not white space ('' at the end): no copy of the rest of the body. */
function firstAfterSpace(body: string, from: number): string {
  let i = from;
  while (i < body.length && isSpaceCode(body.charCodeAt(i))) i++;
  return body[i] ?? '';
}

/** Whether `body[from, to)` ends in an opening quotation mark and white space (`/[“"‘]\s*$/`), without a copy. */
function opensQuote(body: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && isSpaceCode(body.charCodeAt(i))) i--;
  if (i < from) return false;
  const c = body.charCodeAt(i);
  return c === 0x201c || c === 34 || c === 0x2018;
}

/** Tokenises every sentence of a document. Commas inside numbers ("1,000") stay in the token. */
export function tokenize(doc: Document): Token[] {
  const tokens: Token[] = [];
  const body = doc.body;
  for (const sentence of doc.sentences) {
    const words = sentence.text;
    let first = true;
    for (let at = 0; at < words.length;) {
      const n = wordCharLength(words, at);
      if (n === 0) {
        at++;
        continue;
      }
      let text = words.slice(at, wordEnd(words, at));
      // A comma only belongs inside a number ("1,000"); "Syria,Turkey" is two words.
      if (text.includes(',') && !/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) text = text.split(',')[0]!;
      const start = sentence.start + at;
      at += text.length;
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
      const initial = first || opensQuote(body, Math.max(sentence.start, start - 2), start);
      tokens.push({ text, start, end, sentence: sentence.index, initial });
      first = false;
    }
  }
  return tokens;
}

/** Removes a possessive ending: "Russia’s" → "Russia". */
export function stripPossessive(word: string): string {
  // The two replaces `/[’']s$/ → ''` then `/s[’']$/ → 's'`, read off the last characters without a regex.
  let out = word;
  const n = out.length;
  if (n >= 2 && out.charCodeAt(n - 1) === 115 && isApostrophe(out.charCodeAt(n - 2)))
    out = out.slice(0, n - 2);
  const m = out.length;
  if (m >= 2 && isApostrophe(out.charCodeAt(m - 1)) && out.charCodeAt(m - 2) === 115)
    out = out.slice(0, m - 1);
  return out;
}

/** ’ or '. */
export function isApostrophe(c: number): boolean {
  return c === 0x2019 || c === 39;
}

/**
 * A dateline in capitals that opens a story ("PORT ALDER —", "LOS ANGELES (AP) -- ", "WINSTON-SALEM, N.C. —"):
 * a place and an agency, never a speaker or part of the lead.
 */
export const DATELINE = /^\p{Lu}[\p{Lu}\s.,'’-]+(?:\([^)]*\))?\s*[-—–]\s*/u;

/** True for a word that starts with a capital letter (or "al-Kadhimi", an Arabic name with its particle). */
export function isCapitalised(word: string): boolean {
  // A–Z and a–z are told apart by their code; any other first character by lower-casing it.
  const code = word.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if (!(code >= 97 && code <= 122)) {
    const c = word[0];
    if (c === undefined) return false;
    if (c !== c.toLowerCase()) return true;
  }
  return word.includes('-') && /^(?:al|el|ul|bin|ibn|abu)-\p{Lu}/u.test(word);
}
