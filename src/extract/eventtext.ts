/**
 * The text of a timeline event: a short description an editor would write ("Russia began the airstrikes in support
 * of the Syrian government"), not the sentence the date was found in. Plain string rules, no parsing:
 *
 * - the clause that holds the date is picked (clause boundaries: `;`, dashes, `, which`, `, as`, `, though`,
 *   coordinating `and`/`but`, subordinators such as `when`/`whether`; bare commas and `which`/`that` only where
 *   they separate the event's date from another date);
 * - the date expressions themselves are removed with their preposition ("in September", "on Tuesday", "today");
 * - a statement is attributed from the quotes and reported speech already extracted: "Speaker: what was said" when
 *   the date is on the statement ("Ozerov said today that …") or inside it after its attribution, "what happened
 *   (Source)" for a fact with its source after it ("…, as stated by the Defense Ministry"); a direct quote is
 *   trimmed and its first person made readable ("I order the defense minister to …" → "defense minister to …");
 * - durations become "<noun> began" ("a civil war which is now nearly five years old" → "Civil war began");
 * - leading connectives ("and so", "though") and "also" go, a past perfect becomes a simple past ("had begun" →
 *   "began"), and the text is capped at {@link MAX_EVENT_TEXT} characters, cut at a word.
 */
import { CLAUSE_SPEECH_VERBS, firstNameGender, FUNCTION_WORDS, QUOTE_VERBS } from './lexicon.ts';
import { type Document, type Sentence, collapseSpaces, isSpaceCode, splitSpaces } from './sentences.ts';
import type { Quote, Span } from './types.ts';
import { allMatches } from './matches.ts';

/** The longest event text, in characters. */
export const MAX_EVENT_TEXT = 120;

/**
 * How a date was found: a date expression (removed from the text), a duration ("nearly five years old"; removed
 * from other events' texts, described as "<noun> began" for its own), or a verb that dates its subject ("the talks
 * which has started").
 */
export type DateKind = 'date' | 'duration' | 'started';

export interface DatedSpan extends Span {
  kind: DateKind;
}

type Mode = 'plain' | 'speaker' | 'source';

interface Frame {
  start: number;
  end: number;
  mode: Mode;
  speaker: string | null;
  /** The date is on the attribution: the statement is the event and is shown whole. */
  statement: Quote | null;
  direct: boolean;
}

interface Cut {
  start: number;
  end: number;
}

/** Always a clause boundary. */
const STRONG =
  /\s*;\s*|\s+[—–-]+\s+|[.!?][”"’]?\s+(?=[“"‘]?[A-Z])|[,.?!][”"]\s+|,\s+(?=[“"])|,\s+(?:which|who|whom|whose|where|though|although|while|whereas|because)\s+|,\s+as\s+(?!(?:stated|reported|announced|confirmed|said|claimed|noted|estimated)\s+by\b)|\s+which means(?:\s+that)?\s+/g;
/** Coordination between two clauses: a boundary when the date sits in one of them. */
const COORD =
  /,\s+(?:and|but|or|so|yet)\s+|\s+(?:and|but)\s+(?=(?:so|then|I|we|he|she|they|it|that)\b)|\s+(?:when|whether|if|unless|until|after|before|because|while|although|though)\s+/g;
/** Weaker boundaries, used only to separate the event's date from another date in the same clause. */
const WEAK = /,\s+|\s+(?:which|that|who)\s+/g;
/** Where a relative clause gives way to its sentence's main verb. */
const RELATIVE_END = /\s+(?=(?:is|are|was|were|has|have|had|will|would|could|may|might|can|must)\b)/g;
/** What an attribution between a quote and a date must not contain to be the quote's attribution. */
const ATTRIBUTION_BREAK =
  /[;—–]|\b(?:when|whether|if|after|before|because|while|although|though|which|who|where|and|but|so)\b/i;
const CONNECTIVES =
  /^(?:(?:and|but|or|so|yet|then|also|though|although|however|still|meanwhile|moreover|furthermore|thus|hence|while|whereas|as|because|that|which|who|now|well)\b[,\s]*)+/i;
const DATE_PREFIX =
  /(?:\b(?:in|on|at|by|since|until|till|from|during|before|after|within|through|throughout|as of|for|over|of)\s+)?(?:the\s+)?$/i;
const DURATION_PREFIX =
  /(?:,\s*)?(?:\b(?:which|that|who)\s+)?(?:\b(?:is|are|was|were|has been|have been)\s+)?(?:now\s+)?$/i;
const STOP = new Set(
  `the a an its their his her our my your this that these those of in on at for with by from to into and or but
  which who whom whose is are was were has have had be been now also then so as it they he she we i`.split(
    /\s+/,
  ),
);
const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  begun: 'began',
  arisen: 'arose',
  become: 'became',
  come: 'came',
  run: 'ran',
  taken: 'took',
  given: 'gave',
  gone: 'went',
  seen: 'saw',
  done: 'did',
  broken: 'broke',
  chosen: 'chose',
  driven: 'drove',
  fallen: 'fell',
  flown: 'flew',
  drawn: 'drew',
  withdrawn: 'withdrew',
  risen: 'rose',
  spoken: 'spoke',
  stolen: 'stole',
  thrown: 'threw',
  written: 'wrote',
  shaken: 'shook',
  sworn: 'swore',
  torn: 'tore',
  beaten: 'beat',
  hidden: 'hid',
  forgotten: 'forgot',
  frozen: 'froze',
  left: 'left',
  held: 'held',
  fled: 'fled',
  won: 'won',
  lost: 'lost',
  sent: 'sent',
  spent: 'spent',
  built: 'built',
  put: 'put',
  set: 'set',
  cut: 'cut',
  hit: 'hit',
  led: 'led',
  met: 'met',
  paid: 'paid',
  said: 'said',
  told: 'told',
  brought: 'brought',
  fought: 'fought',
  bought: 'bought',
  caught: 'caught',
  kept: 'kept',
  struck: 'struck',
  shot: 'shot',
  got: 'got',
  found: 'found',
  heard: 'heard',
  sold: 'sold',
  stood: 'stood',
  made: 'made',
  launched: 'launched',
};
/** Words a statement can start with that are written lower-case after "Speaker: ". */
const LOWER_STARTS = new Set([
  'about',
  'around',
  'up',
  'some',
  'between',
  'nearly',
  'almost',
  'roughly',
  'more',
  'only',
]);

function cutsOf(text: string, re: RegExp): Cut[] {
  const cuts: Cut[] = [];
  for (const m of allMatches(re, text)) cuts.push({ start: m.index, end: m.index + m[0].length });
  return cuts;
}

/** The clause of `text` around [from, to), between the nearest cuts that do not overlap the date. */
function between(cuts: Cut[], from: number, to: number, length: number): [number, number] {
  let s = 0;
  let e = length;
  for (const c of cuts) {
    if (c.end <= from) s = Math.max(s, c.end);
    else if (c.start >= to) e = Math.min(e, c.start);
  }
  return [s, e];
}

/** The date expression as it should be removed: chrono keeps a trailing comma, and sometimes a pronoun. */
function trimDate(body: string, span: DatedSpan): DatedSpan {
  const text = body.slice(span.start, span.end);
  // Tried from every position of the text, the pattern removes something only where it does from the text's last
  // ten characters (longer than any of its pronouns with a space).
  const trimmed = AFTER_DATE.exec(text.slice(-10))![0] === '' ? text : text.replace(AFTER_DATE, '');
  return { start: span.start, end: span.start + Math.max(trimmed.length, 1), kind: span.kind };
}

/**
 * `span` moved `by` characters to the left. Spelt out rather than spread: a span has no other fields, and an object
 * spread costs several times as much in these per-event loops.
 */
function shifted(span: DatedSpan, by: number): DatedSpan {
  return { start: span.start - by, end: span.end - by, kind: span.kind };
}

/** `spans` in order of their start: the spans themselves when they already are (a stable sort would keep them so). */
function byStart(spans: DatedSpan[]): DatedSpan[] {
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.start) return [...spans].sort((a, b) => a.start - b.start);
  }
  return spans;
}

/** What chrono keeps after a date expression: a trailing comma or full stop, sometimes a pronoun. */
const AFTER_DATE = /(?:\s+(?:they|he|she|we|it|i|you))?[\s,.;:]*$/i;

/** Removes the date spans (relative to `text`) with their prepositions ("in September", "by the end of June"). */
function removeDates(text: string, spans: DatedSpan[]): string {
  const merged: DatedSpan[] = [];
  for (const span of byStart(spans)) {
    const last = merged.at(-1); // (not merged[-1], a slow lookup, while it is empty)
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (span.kind === 'duration') last.kind = 'duration';
    } else merged.push(shifted(span, 0)); // (a copy: a merged span is widened in place)
  }
  let out = text;
  for (const span of merged.reverse()) {
    if (span.start < 0 || span.end > out.length) continue;
    const before = out
      .slice(0, span.start)
      .replace(span.kind === 'duration' ? DURATION_PREFIX : DATE_PREFIX, '');
    out = `${before} ${out.slice(span.end)}`;
  }
  return out;
}

/**
 * How many runs of non-space characters hold a letter or digit (what a global match of a letter or digit with the
 * non-space characters around it finds), counted without building them: ASCII letters and digits by their codes, a
 * run with other characters by a pattern.
 */
function words(text: string): number {
  let count = 0;
  let start = -1;
  let found = false;
  let other = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (isSpaceCode(c)) {
      if (start >= 0 && (found || (other && LETTER.test(text.slice(start, i))))) count++;
      start = -1;
      found = false;
      other = false;
    } else {
      if (start < 0) start = i;
      if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) found = true;
      else if (c > 127) other = true;
    }
  }
  return count;
}
const LETTER = /\p{L}/u;

/** Collapses spacing and punctuation left by cutting, and drops unbalanced quotation marks. */
function tidy(text: string): string {
  let out = collapseSpaces(text);
  // The passes below run only on a text that holds what they change: every event text goes through here two or
  // three times, and a global replace that finds nothing costs about twice a test that finds nothing. Once white
  // space before a comma is gone, a run of commas with spaces between is ",,".
  if (SPACE_BEFORE_MARK.test(out)) out = out.replace(/\s+([,.;:!?”’])/g, '$1');
  if (out.includes('“') || out.includes('‘')) out = out.replace(/([“‘])\s+/g, '$1');
  if (out.includes(',,')) out = out.replace(/,(?:\s*,)+/g, ',');
  if (DOUBLED_ARTICLE.test(out)) out = out.replace(/\b(the|a|an)\s+(?:the|a|an)\b/gi, '$1');
  out = trimMarks(out, ',.;:—–-', ',;:—–-');
  if (out.endsWith('.')) out = out.slice(0, -1);
  if (countOf(out, '“') !== countOf(out, '”')) out = out.replace(/[“”]/g, '');
  if (countOf(out, '"') % 2 === 1) out = out.replace(/"/g, '');
  return trimMarks(out, ',.;:', ',;:');
}

/** What every match of tidy's first pass holds: white space before a mark. */
const SPACE_BEFORE_MARK = /\s[,.;:!?”’]/;
/** Tidy's doubled-article pass, as a test. */
const DOUBLED_ARTICLE = /\b(?:the|a|an)\s+(?:the|a|an)\b/i;

/**
 * `text` without its leading run of white space and `lead` marks and then its trailing run of white space and
 * `trail` marks: what a global replace of `^[\s<lead>]+|[\s<trail>]+$` by nothing leaves, read from the two ends
 * instead of trying the trailing pattern at every position of the text.
 */
function trimMarks(text: string, lead: string, trail: string): string {
  let s = 0;
  while (s < text.length && isSpaceOrMark(text, s, lead)) s++;
  let e = text.length;
  while (e > s && isSpaceOrMark(text, e - 1, trail)) e--;
  return s === 0 && e === text.length ? text : text.slice(s, e);
}

function isSpaceOrMark(text: string, i: number, marks: string): boolean {
  return isSpaceCode(text.charCodeAt(i)) || marks.includes(text[i]!);
}

/** How many times `mark` (one character) occurs in `text`, without the array a global match builds. */
function countOf(text: string, mark: string): number {
  let n = 0;
  for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) n++;
  return n;
}

function dropConnectives(text: string): string {
  const out = text.replace(CONNECTIVES, '');
  // (Tested first, as in tidy: most texts have no "also".)
  return ALSO.test(out) ? out.replace(/\s+also\b/gi, '') : out;
}
/** What every "also" dropConnectives drops holds. */
const ALSO = /\salso\b/i;

/** "had begun" → "began", "have left" → "left": a timeline is told in the simple past. */
function simplePast(text: string): string {
  return text.replace(
    /\b(?:has|have|had)\s+((?:already|just)\s+)?([a-z]+)\b/g,
    (whole, adverb: string | undefined, verb: string) => {
      const past = IRREGULAR_PAST[verb] ?? (/[^e]ed$|ied$/.test(verb) && verb !== 'need' ? verb : null);
      return past ? `${adverb ?? ''}${past}` : whole;
    },
  );
}

/** A direct quote's first person, made readable after "Speaker: ". */
function firstPerson(text: string): string {
  return text
    .replace(
      /^(?:I|we)\s+(?:(?:do|really|still)\s+)?(?:think|believe|hope|expect|know|am sure|are sure|am confident|are confident)\s+(?:that\s+)?/i,
      '',
    )
    .replace(
      /^(?:I|we)\s+(?:(?:have|will|would|must|hereby|now)\s+)?(?:order(?:ed)?|ask(?:ed)?|instruct(?:ed)?|direct(?:ed)?|urge[ds]?|call(?:ed)? on|want(?:ed)?|told|tell)\s+(?=.+?\bto\s)/i,
      '',
    );
}

function dropArticle(text: string): string {
  return text.replace(/^(?:the|a|an)\s+(?=\S)/i, '');
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Lower-cases a statement's first word when it is a capitalised function word ("Every district …"). */
function lowerStart(text: string): string {
  const first = /^[A-Z][a-z]+\b/.exec(text)?.[0];
  if (!first) return text;
  const lower = first.toLowerCase();
  return FUNCTION_WORDS.has(lower) || LOWER_STARTS.has(lower) ? lower + text.slice(first.length) : text;
}

/**
 * Cuts at a word so that the text fits in `budget` characters, ending in "…" (and a closing mark when the cut falls
 * inside a quotation the reported clause keeps: '… will be “through our trademark…”').
 */
function fit(text: string, budget: number): string {
  if (text.length <= budget) return text;
  const cutTo = (room: number) => {
    let cut = text.slice(0, Math.max(1, room - 1));
    const space = cut.lastIndexOf(' ');
    if (space > room / 3) cut = cut.slice(0, space);
    return cut.replace(
      /(?:[\s,;:—–-]+|\s+(?:the|a|an|of|to|in|on|at|and|or|but|for|with|by|from|that|which|its|their))+$/i,
      '',
    );
  };
  const cut = cutTo(budget);
  const unclosed = (s: string) => (s.match(/“/g)?.length ?? 0) > (s.match(/”/g)?.length ?? 0);
  if (!unclosed(cut)) return `${cut}…`;
  const shorter = cutTo(budget - 1);
  return unclosed(shorter) ? `${shorter}…”` : `${shorter}…`;
}

function hasSpeechVerb(text: string): boolean {
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (CLAUSE_SPEECH_VERBS.has(w) || QUOTE_VERBS.has(w) || w === 'according') return true;
  }
  return false;
}

/** Where the event's words are: inside a quote, on a quote's attribution, or in the reporter's own sentence. */
function frameOf(doc: Document, sentence: Sentence, date: DatedSpan, quotes: readonly Quote[]): Frame {
  const body = doc.body;
  // A topic put to someone ("asked about their case during an interview published Monday") says nothing happened:
  // the sentence tells the event.
  const near = quotes.filter(
    (q) =>
      q.start < sentence.end && q.end > sentence.start && !(q.verb === 'ask' && q.text.startsWith('about ')),
  );
  const inside = near
    .filter((q) => q.start <= date.start && date.end <= q.end)
    .sort((a, b) =>
      a.kind === b.kind ? a.end - a.start - (b.end - b.start) : a.kind === 'direct' ? -1 : 1,
    )[0];
  if (inside) {
    const speaker = inside.speaker;
    if (inside.kind === 'direct') {
      const paragraph = doc.paragraphs[sentence.paragraph];
      const mark = paragraph?.marks
        .filter((m) => m.contentStart <= date.start && date.end <= m.contentEnd)
        .sort((a, b) => a.contentEnd - a.contentStart - (b.contentEnd - b.contentStart))[0];
      return {
        start: Math.max(mark?.contentStart ?? inside.start, sentence.start),
        end: Math.min(mark?.contentEnd ?? inside.end, sentence.end),
        mode: speaker ? 'speaker' : 'plain',
        speaker,
        statement: null,
        direct: true,
      };
    }
    const after = /\p{L}/u.test(body.slice(inside.end, sentence.end));
    const source = after || inside.verb === 'according to' || inside.verb === 'state';
    return {
      start: Math.max(inside.start, sentence.start),
      end: Math.min(inside.end, sentence.end),
      mode: speaker ? (source ? 'source' : 'speaker') : 'plain',
      speaker,
      statement: null,
      direct: false,
    };
  }
  let statement: Quote | null = null;
  let best = Infinity;
  for (const q of near) {
    if (!q.speaker) continue;
    const dateFirst = date.end <= q.start;
    const gap = dateFirst ? body.slice(date.end, q.start) : body.slice(q.end, date.start);
    if (gap.length > 80 || gap.length >= best || ATTRIBUTION_BREAK.test(gap)) continue;
    const attribution = dateFirst ? body.slice(Math.max(sentence.start, date.start - 60), q.start) : gap;
    if (!hasSpeechVerb(attribution)) continue;
    statement = q;
    best = gap.length;
  }
  if (statement) {
    return {
      start: statement.start,
      end: statement.end,
      mode: 'speaker',
      speaker: statement.speaker,
      statement,
      direct: statement.kind === 'direct',
    };
  }
  return {
    start: sentence.start,
    end: sentence.end,
    mode: 'plain',
    speaker: null,
    statement: null,
    direct: false,
  };
}

/** "a civil war which is now nearly five years old" → "civil war began"; "after the fighting began" → "fighting began". */
function durationText(body: string, sentence: Sentence, date: DatedSpan): string | null {
  const phrase = body.slice(date.start, date.end);
  const after = /\bafter\s+(?:the\s+)?(.+?)\s+(began|started)$/i.exec(phrase);
  if (after) return `${after[1]} ${after[2]!.toLowerCase() === 'started' ? 'started' : 'began'}`;
  if (!/\bold$/i.test(phrase)) return null;
  const np = nounPhraseBefore(body.slice(sentence.start, date.start).replace(DURATION_PREFIX, ''), 4);
  return np ? `${np} began` : null;
}

/** The noun phrase that ends `text`, without its determiner ("in a civil war" → "civil war"). */
function nounPhraseBefore(text: string, max: number): string | null {
  const parts = splitSpaces(text.trimEnd());
  const out: string[] = [];
  while (parts.length > 0 && out.length < max) {
    const w = parts[parts.length - 1]!;
    if (!/^[\p{L}][\p{L}’'-]*$/u.test(w) || STOP.has(w.toLowerCase())) break;
    out.unshift(w);
    parts.pop();
  }
  return out.length > 0 ? out.join(' ') : null;
}

/** "the Syrian Peace Talks which has started in Geneva" → "Syrian Peace Talks started in Geneva". */
function startedText(body: string, sentence: Sentence, date: DatedSpan): string | null {
  const verb = splitSpaces(body.slice(date.start, date.end)).pop()!.toLowerCase();
  const lead = body.slice(sentence.start, date.start);
  const before = lead.replace(/(?:,\s*)?(?:\b(?:which|that)\s+)?$/i, '');
  const np = nounPhraseBefore(before, 6);
  if (!np) return null;
  const rest = sentence.text.slice(date.end - sentence.start);
  const cuts = [...cutsOf(rest, STRONG), ...cutsOf(rest, COORD)];
  // "the talks which have started in Geneva are the first …": the relative clause ends at the main verb.
  if (before.length < lead.length) cuts.push(...cutsOf(rest, RELATIVE_END));
  const [, end] = between(cuts, 0, 0, rest.length);
  return `${np} ${verb === 'begun' ? 'began' : verb} ${rest.slice(0, end)}`;
}

/** In an appositive, the noun phrase the date belongs to: "the first full day of the truce agreed in Minsk" → "the truce agreed in Minsk". */
function reducedRelative(text: string): string {
  const m =
    /^(?:the|a|an)\s+(?:[\p{L}’'-]+\s+){0,4}?(?:of|for)\s+((?:the|a|an|its|their)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:[a-z]+ed|held|made|built|won|struck|signed|set|reached|brokered)\s+(?!that\b|to\b|the\b|a\b|an\b).*)$/iu.exec(
      text,
    );
  return m ? m[1]! : text;
}

/** Optional attributions the quote finder did not take: "…, as stated by X", "…, X said", "X said that …". */
function looseAttribution(text: string): { text: string; speaker: string; mode: Mode } | null {
  const tail =
    /,?\s*\b(?:as\s+)?(?:stated|reported|announced|confirmed)\s+by\s+(?:the\s+)?([^,]{2,60}?)$/i.exec(text) ??
    /,?\s*\baccording to\s+(?:the\s+)?([^,]{2,60}?)$/i.exec(text) ??
    /,\s*(?:the\s+)?((?:[\p{L}’'.-]+\s+){0,5}[\p{L}’'.-]+)\s+(?:said|says|told\s+\p{L}+|added|stated|announced|reported|confirmed)$/iu.exec(
      text,
    );
  if (tail) return { text: text.slice(0, tail.index), speaker: tail[1]!, mode: 'source' };
  const lead =
    /^(?:the\s+)?((?:[\p{L}’'.-]+\s+){0,5}?[\p{L}’'.-]+)(?:,[^,]{1,60},)?\s+(?:said|says|told\s+(?:\p{L}+\s+){0,3}?|announced|stated|added|warned)\s*that\s+/iu.exec(
      text,
    );
  if (lead && words(text.slice(lead[0].length)) >= 3) {
    return { text: text.slice(lead[0].length), speaker: lead[1]!, mode: 'speaker' };
  }
  return null;
}

/** `region[s, e)` without the date spans (relative to `region`) that lie wholly inside it. */
function regionWithoutDates(region: string, dates: DatedSpan[], s: number, e: number): string {
  return removeDates(
    region.slice(s, e),
    dates.filter((d) => d.start >= s && d.end <= e).map((d) => shifted(d, s)),
  );
}

/** The clause of the frame that carries the date, with every date expression in it removed. */
function clauseText(body: string, frame: Frame, date: DatedSpan, dates: DatedSpan[]): string {
  const region = body.slice(frame.start, frame.end);
  const from = date.start - frame.start;
  const to = date.end - frame.start;
  const cuts = [...cutsOf(region, STRONG), ...cutsOf(region, COORD)]
    .filter((c) => c.end <= from || c.start >= to)
    .sort((a, b) => a.start - b.start);
  const removable = dates
    .filter((d) => d.kind !== 'started' && d.start >= frame.start && d.end <= frame.end)
    .map((d) => shifted(d, frame.start));
  const own = date.kind === 'started' ? [] : [shifted(date, frame.start)];
  const all = [...removable, ...own];
  let [s, e] = between(cuts, from, to, region.length);
  // Too little left once the date is gone ("On Monday, …"): take in the next clause, then the one before.
  for (const widen of ['right', 'left'] as const) {
    if (words(dropConnectives(regionWithoutDates(region, all, s, e))) >= 3) break;
    const rest = cuts.filter((c) => (widen === 'right' ? c.start >= e : c.end <= s));
    if (widen === 'right') [, e] = between(rest.slice(1), from, to, region.length);
    else [s] = between(rest.slice(0, -1), from, to, region.length);
  }
  // Another date in the clause: the weak boundary nearest to it separates the two events.
  const weak = cutsOf(region, WEAK);
  for (const other of removable) {
    if (other.start < s || other.end > e || (other.start < to && other.end > from)) continue;
    if (other.start >= to) {
      const c = weak.filter((w) => w.start >= to && w.end <= other.start).pop();
      if (c) e = c.start;
    } else {
      const c = weak.find((w) => w.start >= other.end && w.end <= from);
      if (c) s = c.end;
    }
  }
  // A relative clause ("the war, which began in 2011, …"): it ends at the next comma, and its subject is the noun
  // before it ("war began").
  const opener = cuts.find((c) => c.end === s);
  let subject = '';
  if (opener && /^,\s+(?:which|who)\s+$/i.test(region.slice(opener.start, opener.end))) {
    const comma = region.indexOf(',', to);
    if (comma !== -1 && comma < e) e = comma;
    subject = nounPhraseBefore(region.slice(0, opener.start), 4) ?? '';
  }
  return reducedRelative(tidy(`${subject} ${regionWithoutDates(region, all, s, e)}`));
}

/**
 * The text of the event dated by `date` in `sentence`. `dates` are all the date spans found in the sentence
 * (removed from the text), `quotes` the article's direct quotes and reported speech.
 */
export function describeEvent(
  doc: Document,
  sentence: Sentence,
  date: DatedSpan,
  dates: readonly DatedSpan[],
  quotes: readonly Quote[],
): string {
  const body = doc.body;
  const trimmed = dates.map((d) => (d.kind === 'date' ? trimDate(body, d) : d));
  const own = date.kind === 'date' ? trimDate(body, date) : date;
  const special =
    date.kind === 'duration'
      ? durationText(body, sentence, own)
      : date.kind === 'started'
        ? startedText(body, sentence, own)
        : null;
  if (special) return compose(simplePast(dropArticle(tidy(special))), 'plain', null, false);

  const frame = frameOf(doc, sentence, own, quotes);
  if (frame.statement) {
    const q = frame.statement;
    if (q.kind === 'direct') {
      return compose(tidy(collapseSpaces(q.text)), 'speaker', q.speaker, true);
    }
    const [, end] = between(cutsOf(q.text, STRONG), 0, 0, q.text.length);
    return compose(dropArticle(dropConnectives(tidy(q.text.slice(0, end)))), 'speaker', q.speaker, false);
  }

  let text = dropConnectives(clauseText(body, frame, own, trimmed));
  let mode = frame.mode;
  let speaker = frame.speaker;
  if (mode === 'plain') {
    const loose = looseAttribution(text);
    if (loose) ({ text, speaker, mode } = loose);
  }
  if (frame.direct) text = firstPerson(text);
  text = dropArticle(dropConnectives(tidy(text)));
  if (mode !== 'speaker') text = simplePast(text);
  if (words(text) === 0) text = dropArticle(tidy(sentence.text));
  return compose(text, mode, speaker, false);
}

/** Puts the speaker in ("Speaker: …" or "… (Source)") and caps the length. */
function compose(text: string, mode: Mode, speaker: string | null, quoted: boolean): string {
  if (!speaker || mode === 'plain') return fit(capitalise(text), MAX_EVENT_TEXT);
  const who = fit(capitalise(dropArticle(speaker.trim())), 60);
  if (mode === 'source') {
    const source = fit(dropArticle(speaker.trim()), 60);
    return `${fit(capitalise(text), MAX_EVENT_TEXT - source.length - 3)} (${source})`;
  }
  if (quoted) {
    const name = shortName(who, text.length + 4);
    return `${name}: “${fit(text, MAX_EVENT_TEXT - name.length - 4)}”`;
  }
  const statement = lowerStart(text);
  const name = shortName(who, statement.length + 2);
  return `${name}: ${fit(statement, MAX_EVENT_TEXT - name.length - 2)}`;
}

/** A person's surname instead of the full name when that lets the statement fit ("Putin" for "Vladimir Putin"). */
function shortName(name: string, needed: number): string {
  if (name.length + needed <= MAX_EVENT_TEXT) return name;
  const parts = name.split(' ');
  if (parts.length < 2 || parts.length > 3 || firstNameGender(parts[0]!) === null) return name;
  const surname = parts[parts.length - 1]!;
  return surname.length + needed <= MAX_EVENT_TEXT ? surname : name;
}
