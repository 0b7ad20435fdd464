/**
 * Splits an article body into paragraphs and sentences with their offsets. Sentence ends are found with rules a
 * copy editor would use rather than a statistical model: a full stop ends a sentence unless it closes an
 * abbreviation ("Gen.", "U.S.") or an initial, and never inside a quotation, so a quote of several sentences stays
 * in the one sentence that attributes it. A single line break ends a line with no stop (a heading, a caption) when
 * the next line starts a sentence and the copy is not wrapped at a fixed width.
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
  /** A photo caption kept by the page's text extraction (see CAPTION): no event or lead of the story. */
  caption: boolean;
}

export interface Document {
  body: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

/**
 * Abbreviations that stand before a name or a number ("Maj. Gen.", "No. 5"): a line ending with one runs on into
 * the next (see lineEndsSentence).
 */
const TITLE_ABBREVIATIONS = new Set(
  `mr mrs ms dr gen sen rep gov lt col maj capt sgt st prof adm brig cmdr rev hon pvt cpl det supt const cst coun
  insp no nos`
    .split(/\s+/)
    .filter(Boolean),
);
const ABBREVIATIONS = new Set([
  ...TITLE_ABBREVIATIONS,
  ...`jr sr jan feb mar apr jun jul aug sep sept oct nov dec vs etc inc co corp gens sens reps ft mt approx est dept
  univ del`
    .split(/\s+/)
    .filter(Boolean),
]);

/** What `/\s/` matches, by character code: the scans below read codes instead of one-character strings. */
export function isSpaceCode(c: number): boolean {
  // Letters, digits and ASCII punctuation are answered first, with one comparison each: they are most of what the
  // scans read, and nothing from "!" up to the no-break space is white space.
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The first `limit` words of `text` split at white space (`text.split(/\s+/).filter(Boolean)`, cut short). */
export function firstWords(text: string, limit: number): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length && words.length < limit; i++) {
    const space = i === text.length || isSpaceCode(text.charCodeAt(i));
    if (!space && start < 0) start = i;
    else if (space && start >= 0) {
      words.push(text.slice(start, i));
      start = -1;
    }
  }
  return words;
}

/**
 * `text.split(/\s+/)`, read off character codes: splitting at a pattern makes a sticky copy of it at every call
 * (about 0.7 µs for a short phrase against 0.05 µs for this), and the rules split phrases into words a few hundred
 * times per article. Like the pattern, white space at either end gives an empty first or last part.
 */
export function splitSpaces(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpaceCode(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && isSpaceCode(text.charCodeAt(end))) end++;
    parts.push(text.slice(start, i));
    start = end;
    i = end - 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * `text.replace(/\s+/g, ' ')`, without building a new string when every run of white space is already one plain
 * space (most phrases the rules tidy): the global replace rebuilds the string at each space even then.
 */
export function collapseSpaces(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? text.charCodeAt(i + 1) === 32 : isSpaceCode(c)) return text.replace(/\s+/g, ' ');
  }
  return text;
}

/** An ASCII letter or a full stop: what an abbreviation before a dot is made of. */
function isAbbreviationCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && isAbbreviationCode(text.charCodeAt(start - 1))) start--;
  const word = text.slice(start, dot);
  if (word.length === 0) return false;
  // A code of letters and digits ("the group E3G.", "the G20.") ends in a capital that is no initial.
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  if (before >= 48 && before <= 57) return false;
  if (/^[A-Z]$/.test(word)) return true; // an initial: "J. Smith"
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return true; // U.S, U.N
  const lower = word.toLowerCase();
  if (lower === 'no' || lower === 'nos') return NUMBER_AFTER.test(text.slice(dot + 1, dot + 4));
  return ABBREVIATIONS.has(lower);
}

/**
 * "No." and "Nos." abbreviate "number" only before one ("No. 10", "No. #5"); otherwise the word is "no" ending a
 * sentence ("… said no. The minister …").
 */
const NUMBER_AFTER = /^\s*[\d#]/;

/**
 * Abbreviations that can end a sentence as well as sit inside one: "U.S.", "D.C.", "Inc.", "Jr.", "etc.", and the
 * "a.m." and "p.m." of a time ("… called to the scene around 9 p.m. Police said").
 */
const ENDING_ABBREVIATION =
  /(?:^|[^A-Za-z.])(?:(?:[A-Z]\.){2,}|[ap]\.m\.|Inc\.|Co\.|Corp\.|Ltd\.|Jr\.|Sr\.|etc\.)$/;
/**
 * What opens a sentence and never follows such an abbreviation inside one: a pronoun or function word ("… in the
 * U.S. He said", "… at 9 p.m. There were"), or an opening quotation mark before a capital ('… 9 p.m. “We are …').
 * A name may follow inside the sentence ("U.S. Army", "9 p.m. Monday"), so a capital alone is not enough.
 */
const OPENS_SENTENCE =
  /^(?:(?:He|She|They|We|It|I|The|A|An|But|This|These|That|Those|There|His|Her|Their|Our|Its|In|On|At|After|When|While|Still|However|Police|Officers)\b(?![.'’-])|[“"]\p{Lu})/u;

/**
 * A full stop after "U.S.", "Inc." or "p.m." ends the sentence too when the next word can only open one ("… moved to
 * Washington, D.C. She said"); otherwise the abbreviation sits inside the sentence ("U.S. Army", "Acme Inc. shares").
 */
function abbreviationEndsSentence(text: string, dot: number): boolean {
  if (!ENDING_ABBREVIATION.test(text.slice(Math.max(0, dot - 12), dot + 1))) return false;
  let k = dot + 1;
  if (k >= text.length || !isSpaceCode(text.charCodeAt(k))) return false;
  while (k < text.length && isSpaceCode(text.charCodeAt(k))) k++;
  return OPENS_SENTENCE.test(text.slice(k, k + 12));
}

/** Closing marks and brackets that belong to the sentence before a break: ” ’ " ' ) ]. */
function isCloserCode(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 34 || c === 39 || c === 41 || c === 93;
}

/** What may start the next sentence after a break: A–Z, a digit, an opening mark or bracket. */
function startsSentenceCode(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 0x201c ||
    c === 34 ||
    c === 0x2018 ||
    c === 40 ||
    c === 96
  );
}

/** The characters that can end a sentence, found with one scan instead of a test at every character. */
const SENTENCE_END = /[.!?…]|\n/g;

/**
 * A line that ends with one of these runs on into the next one: a clause or list going on (",", ";", "&"), a
 * colon that introduces what follows (`quotes Alfred Kahn:` then the quote), a dash after a dateline
 * ("PORT ALDER —"), an opening bracket.
 */
const RUNS_ON = /[,;:&([{/\u2010-\u2015-]$/;

/**
 * A line ending with a title or an initial, before a name on the next line ("Maj. Gen.", "John F."), runs on. Any
 * other abbreviation at a line's end ("… flew on to the U.S.") may end the sentence at the line break: the rules
 * for stops leave it open because it may equally sit inside one. LAST_ABBREVIATED_WORD finds the line's last word
 * before its full stop, to look up in TITLE_ABBREVIATIONS.
 */
const LAST_ABBREVIATED_WORD = /(?:^|[^\p{L}.])(\p{L}+)\.$/u;
const ENDS_WITH_INITIAL = /(?:^|[^\p{L}.])[A-Z]\.$/u;

/** Words that cannot end a heading or a caption: a line that ends with one breaks inside a sentence. */
const LINKING_WORDS = new Set(
  `a an the of and or but nor to in on at by for from with into onto as that than who whom whose which
  is are was were be been has have had will would said says told`.split(/\s+/),
);

/**
 * Whether a single line break ends a sentence although the line has no full stop: a live blog's or a list's
 * heading ("Chris Christie Says He Would Quarantine Travellers"), a caption ("Jane Doe, 62"), a time stamp, each
 * followed by a line that starts a sentence. Copy wrapped at a fixed width also breaks lines without a stop, in
 * the middle of sentences, so a break counts only where the next line's first word would have fitted on the line
 * before within the paragraph's longest line: a wrapping tool would have put it there, a writer ending a line
 * did not.
 */
function lineEndsSentence(text: string, at: number, longestLine: number): boolean {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = at;
  while (lineStart < lineEnd && isSpaceCode(text.charCodeAt(lineStart))) lineStart++;
  while (lineEnd > lineStart && isSpaceCode(text.charCodeAt(lineEnd - 1))) lineEnd--;
  if (lineEnd === lineStart) return false;
  const line = text.slice(lineStart, lineEnd);
  const abbreviated = LAST_ABBREVIATED_WORD.exec(line)?.[1];
  if (abbreviated !== undefined && TITLE_ABBREVIATIONS.has(abbreviated.toLowerCase())) return false;
  if (RUNS_ON.test(line) || ENDS_WITH_INITIAL.test(line)) return false;
  const lastWord = /[\p{L}']+$/u.exec(line)?.[0];
  if (lastWord !== undefined && LINKING_WORDS.has(lastWord)) return false;
  let next = at + 1;
  while (next < text.length && isSpaceCode(text.charCodeAt(next))) next++;
  if (next >= text.length || !startsSentenceCode(text.charCodeAt(next))) return false;
  let wordEnd = next;
  while (wordEnd < text.length && !isSpaceCode(text.charCodeAt(wordEnd))) wordEnd++;
  return line.length + 1 + (wordEnd - next) <= longestLine;
}

/** The length of a paragraph's longest line, leading and trailing spaces left out. */
function longestLineOf(text: string): number {
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, line.trim().length);
  return longest;
}

/** Whether an offset lies inside one of a paragraph's quotation marks (after the opening one, before any closing). */
function insideQuote(marks: MarkSpan[], offset: number): boolean {
  return marks.some((m) => offset > m.open && (m.close === null || offset < m.close));
}

/** Adds the sentence `paragraph.text[from, end)` holds, without its surrounding white space, if any is left. */
function pushSentence(paragraph: Paragraph, into: Sentence[], from: number, end: number): void {
  const text = paragraph.text;
  let s = from;
  while (s < end && isSpaceCode(text.charCodeAt(s))) s++;
  let e = end;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) {
    into.push({
      start: paragraph.start + s,
      end: paragraph.start + e,
      text: text.slice(s, e),
      paragraph: paragraph.index,
      index: into.length,
    });
  }
}

function splitParagraph(paragraph: Paragraph, into: Sentence[]): void {
  const { text, start: base, marks } = paragraph;
  // Where the sentence being read starts (plain functions rather than closures below: this runs for every
  // paragraph of every article).
  let sentenceStart = 0;
  const longestLine = text.includes('\n') ? longestLineOf(text) : 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const i = m.index;
    if (text.charCodeAt(i) === 10) {
      if (!insideQuote(marks, base + i) && lineEndsSentence(text, i, longestLine)) {
        pushSentence(paragraph, into, sentenceStart, i);
        sentenceStart = i;
      }
      continue;
    }
    const dot = text.charCodeAt(i) === 46;
    if (dot && isAbbreviation(text, i) && !abbreviationEndsSentence(text, i)) continue;
    if (dot) {
      const next = text.charCodeAt(i + 1);
      if (next >= 48 && next <= 57) continue;
    }
    let j = i + 1;
    // A straight mark that opens the next quote with no space before it ('a shopkeeper."We were …') is not a closer.
    let opensNext = false;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 34 && marks.some((m) => m.open === base + j)) {
        opensNext = true;
        break;
      }
      if (!isCloserCode(c) && c !== 46 && c !== 33 && c !== 63) break;
    }
    if (
      insideQuote(marks, base + j - 1) &&
      !marks.some((m) => m.close !== null && m.close >= base + i && m.close < base + j)
    ) {
      continue;
    }
    if (j < text.length && !opensNext && !isSpaceCode(text.charCodeAt(j))) continue;
    let k = j;
    while (k < text.length && isSpaceCode(text.charCodeAt(k))) k++;
    if (k < text.length && !startsSentenceCode(text.charCodeAt(k)) && !text.startsWith("''", k)) continue;
    pushSentence(paragraph, into, sentenceStart, j);
    sentenceStart = j;
  }
  pushSentence(paragraph, into, sentenceStart, text.length);
}

/**
 * A photo caption that a page's text extraction kept as a paragraph: one that opens with "FILE -" or "FILE PHOTO:",
 * or ends with a credit: a name and an outlet joined by a slash ("(Sean Kilpatrick/The Canadian Press)", "THE
 * CANADIAN PRESS/Chris Young", "(AP Photo/Evan Vucci)"), "(Photo: …)" or an agency in brackets ("(Getty
 * Images)"). Its "speaks during a news conference on Jan. 22" is when the picture was taken, not news.
 */
const CAPTION =
  /^(?:FILE|File)(?: PHOTO| [Pp]hoto)?\s*[-—–:]\s|(?:\((?:\p{Lu}[^()\n]*\/\s*\p{Lu}[^()\n]*|(?:Photo(?:graph)?|Image|Credit)s?\s*(?::|by\b)[^()\n]*|(?:Getty Images|AFP|Reuters|AP|The Canadian Press)\b[^()\n]*)\)|\b(?:THE CANADIAN PRESS|AP PHOTO|REUTERS|AFP|GETTY IMAGES)\s*\/\s*\p{Lu}[\p{L}.’' -]*)$/u;

/**
 * Page furniture a news site's text extraction keeps between paragraphs: links to other stories ("READ MORE: Trudeau
 * says …", "RELATED: …", "WATCH: …", "Also on HuffPost:"), a video player's label ("Click to play video: 'Ford vows
 * to …'"), the video's length and title printed under it, "Story continues below advertisement". None of
 * it is the story: a linked headline's "Trudeau says …" is another story's quote, and a paragraph of it between two
 * paragraphs of one quote must not end the quote.
 */
const FURNITURE =
  /^(?:(?:READ MORE|Read more|RELATED|Related|MORE|WATCH|Watch|LISTEN|Listen|ALSO READ|SEE ALSO|Also on HuffPost|Click to play video)\s*:|Story continues below(?: advertisement)?$|Advertisement$)/;

/**
 * A video's length above its title ("2:01\nFord vows to …"), furniture only when the title is one a player's label
 * gave: a live blog's entry also opens with a time.
 */
const VIDEO_LENGTH = /^\d{1,2}:\d{2}(?:\n|$)/;

/** Whether a paragraph is a video's length, its title, or both, under a label that gave that title. */
function isVideoCaption(text: string, titles: readonly string[]): boolean {
  if (!VIDEO_LENGTH.test(text)) return titles.includes(text);
  const title = text.replace(VIDEO_LENGTH, '').trim();
  return title === '' || titles.includes(title);
}

/** The title of a video in its player's label: "Click to play video: 'Ford vows to fight carbon tax in court'". */
const VIDEO_TITLE = /^Click to play video:\s*['‘“"](.+)['’”"]$/;

/** Parses a body into paragraphs (split on blank lines) and sentences; page furniture (FURNITURE) is left out. */
export function segment(body: string): Document {
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  // The titles of videos whose label went by: the title printed again under the player is furniture too.
  let videoTitles: string[] | undefined;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) continue;
    if (FURNITURE.test(text)) {
      const title = VIDEO_TITLE.exec(text)?.[1];
      if (title) (videoTitles ??= []).push(title);
      continue;
    }
    if (videoTitles && isVideoCaption(text, videoTitles)) continue;
    const start = m.index + lead;
    paragraphs.push({
      start,
      end: start + text.length,
      text,
      index: paragraphs.length,
      marks: findQuoteMarks(text, start),
      caption: CAPTION.test(text),
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
