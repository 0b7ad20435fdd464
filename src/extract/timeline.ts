/**
 * The timeline: dated events, with relative dates resolved against the published date. chrono-node does the
 * parsing of date expressions ("on Tuesday", "tomorrow", "March 3", "last week"), which is what it is good at and
 * fast at (under a millisecond for an article). What it cannot know is news convention, so the choice of year or
 * week is ours: a bare month or weekday in past-tense copy is the most recent one up to the published date ("in
 * September" in March 2016 is September 2015), and the future only when the clause is in the future tense.
 * Durations ("nearly five years old") become approximate start dates.
 *
 * A relative date inside a direct quote is the speaker's, not the reporter's: "start tomorrow" means the day
 * after the speaker said it, which is not the published day unless the article says so. It is resolved from
 * when the quote was said where the attribution dates it (`…,” Putin said on Monday`); otherwise it keeps the
 * published day as its reference but is marked approximate, since the speech may be days older than the article.
 * Reported speech is the reporter's paraphrase, written in the article's own time, so it is read as the rest.
 */
import * as chrono from 'chrono-node';
import { describeEvent, type DatedSpan, type DateKind } from './eventtext.ts';
import { MONTHS, WORD_NUMBERS } from './lexicon.ts';
import type { Document, Sentence } from './sentences.ts';
import type { DatePrecision, Quote, TimelineEvent } from './types.ts';
import { allMatches } from './matches.ts';

const FUTURE =
  /\b(?:will|would|shall|next|plans? to|is to|are to|expected to|going to|scheduled|tomorrow|upcoming|by the end of)\b/i;
const DATE_WORD = new RegExp(
  `\\b(?:${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|tomorrow|week|month|year|ago|\\d{4})\\b`,
  'i',
);
const EVENT_NOUNS =
  /\b(?:talks|negotiations|war|withdrawal|offensive|operation|ceasefire|truce|campaign|strikes|airstrikes|fighting|conflict|siege|summit|meeting|process|pullout|drawdown|deployment|evacuation|election|trial|inquiry|investigation)\b/i;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What each of chrono's casual English parsers needs in a text before its pattern can match at all, read off the
 * parsers' own patterns and dictionaries (chrono-node 2.10): a digit for clock times, a digit and a separator for the
 * numeric formats (see below), a month's first three letters for the month-name parsers, a weekday's at a word start
 * (or after "on", "this", "last", "past", "next", which the weekday pattern allows with no space) for the weekday
 * parser, and the fixed words of the others. Each cue is a superset of its parser's matches, so a parser whose cue is
 * absent would return nothing, and leaving it out gives exactly chrono's result: parsers only add results, and the
 * refiners run unchanged. Running all 18 parsers' patterns over every dated sentence was about 40% of the timeline's
 * time; a sentence usually holds the cues of only a few. A parser not named here always runs: the "within / in / for"
 * parser (its units include single letters, so no cheap cue rules it out) and any a chrono upgrade adds. Check the cues
 * against the parsers' patterns when upgrading chrono; tests/extract/timeline.test.ts compares the result with
 * chrono.parse on every kind of expression.
 */
const DIGIT_CUE = /\d/;
const MONTH_CUE = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
/**
 * The numeric date formats need more than a digit: a digit, their separator and a digit ("3/14", "14.3.2016",
 * "2016-03-14"), or a year and its separator ("2016 March"). Most dated sentences hold a number (a count, a
 * percentage, a year) but none of these, and the slash formats' patterns, tried at every position, were the dearest
 * of the parsers that a bare digit let run.
 */
const YEAR_FIRST_CUE = /\d{4}[-./\s]/;
const NUMERIC_DATE_CUE = /\d[-./]\d/;
const ISO_CUE = /\d-\d/;
const SLASH_MONTH_CUE = /\d\/\d/;
/** The words the relative parsers start from ("this", "last", "next" …). */
const RELATIVE_CUE = /this|last|past|next|after/i;
/**
 * A parser runs when any of its cues (one, or a list) is in the text. The relative-unit parser's are the relative
 * words and a sign ("+2 days"), so that the words' cue is shared with the relative-date parser's.
 */
const PARSER_CUES: Readonly<Record<string, RegExp | RegExp[]>> = {
  ENYearMonthDayParser: YEAR_FIRST_CUE,
  ISOFormatParser: ISO_CUE,
  SlashDateFormatParser: NUMERIC_DATE_CUE,
  ENSlashMonthFormatParser: SLASH_MONTH_CUE,
  ENTimeExpressionParser: DIGIT_CUE,
  ENYearMonthNameParser: DIGIT_CUE,
  ENMonthNameLittleEndianParser: MONTH_CUE,
  ENMonthNameMiddleEndianParser: MONTH_CUE,
  ENMonthNameParser: MONTH_CUE,
  ENWeekdayParser: /(?:\b|on|this|last|past|next)(?:sun|mon|tue|wed|thu|fri|sat)|weekend|weekday/i,
  ENCasualDateParser: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|last\s*night/i,
  ENCasualTimeParser: /morning|afternoon|evening|night|midday|noon/i,
  ENEndOfCurrentMonthParser: /month/i,
  ENRelativeDateFormatParser: RELATIVE_CUE,
  ENTimeUnitCasualRelativeFormatParser: [RELATIVE_CUE, /[+-]/],
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  // Its pattern ends in a time unit ("s", "sec", "days", "mo", "yr" …), up to five spaces and the word: the cue is the
  // unit's last letter before it, which keeps out the "out" of "about" and the "after" of most sentences. (The letter
  // is looked behind for, so that the scan is for the words rather than for any of a dozen letters.)
  ENTimeUnitLaterFormatParser:
    /(?<=[cdehkmnorswy]\s{0,5})(?:later|after|from now|henceforth|forward|out)(?=\W|$)/i,
};
/**
 * For a cue, one that every text holding it holds too (each of its matches holds a match of the broader one): where
 * the broader cue is absent, the narrower is not tested. Most dated sentences hold a number but no numeric date.
 */
const BROADER = new Map<RegExp, RegExp>([
  [YEAR_FIRST_CUE, DIGIT_CUE],
  [NUMERIC_DATE_CUE, DIGIT_CUE],
  [ISO_CUE, NUMERIC_DATE_CUE],
  [SLASH_MONTH_CUE, NUMERIC_DATE_CUE],
]);
/** The distinct cues, each tested at most once per text (two parsers share the digit cue, three the month's). */
const CUES = [...new Set(Object.values(PARSER_CUES).flat())];
const BROADER_CUE = CUES.map((cue) => {
  const broader = BROADER.get(cue);
  return broader === undefined ? -1 : CUES.indexOf(broader);
});
const CASUAL_PARSERS = chrono.casual.parsers.map((parser) => {
  const cues = PARSER_CUES[parser.constructor.name];
  return { parser, cues: cues === undefined ? null : [cues].flat().map((cue) => CUES.indexOf(cue)) };
});

/** chrono's casual parse of `text`, running only the parsers whose cue the text holds (see PARSER_CUES). */
export function parseDates(text: string, reference: Date | undefined): chrono.ParsedResult[] {
  // By cue, whether the text holds it, once tested.
  const held: boolean[] = [];
  const holds = (i: number): boolean =>
    (held[i] ??= (BROADER_CUE[i] === -1 || holds(BROADER_CUE[i]!)) && CUES[i]!.test(text));
  const parsers = CASUAL_PARSERS.filter((p) => p.cues === null || p.cues.some(holds)).map((p) => p.parser);
  return new chrono.Chrono({ parsers, refiners: chrono.casual.refiners }).parse(text, reference);
}

/** What every duration the timeline reads holds: "years old", "months ago", "years after ". */
const DURATION_CUE = /(?:year|month)s?\s+(?:old|ago|after )/iu;

/** What stands before "last" when it is the verb ("will last", "expected to last", "could not last"). */
const LAST_AS_VERB = /(?:\b(?:will|would|could|can|may|might|should|must|to|did|does|do|not)|n[’']t)\s+$/i;

/** Words that make a date expression relative to the moment it was written or said. */
const RELATIVE = /\b(?:today|tonight|yesterday|tomorrow|ago|last|next|this)\b/i;

/** The day a bare weekday names: the latest up to `reference`, or the next from it when the clause looks ahead. */
function weekdayFrom(reference: Date, weekday: number, future: boolean): Date {
  const day = reference.getUTCDay();
  const delta = future ? (weekday - day + 7) % 7 : -((day - weekday + 7) % 7);
  return new Date(
    Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate() + delta),
  );
}

/**
 * When a direct quote was said, if its attribution says (`…,” Putin said on Monday` / `… said on 14 March`):
 * a date in the sentences carrying the quote, outside the quoted words, resolved against the published date as
 * a past day. Null when the article does not say.
 */
function whenSaid(doc: Document, quote: Quote, published: Date): Date | null {
  const around = doc.sentences.filter((s) => s.start < quote.end && quote.start < s.end);
  if (around.length === 0) return null;
  const from = around[0]!.start;
  const text = doc.body.slice(from, around.at(-1)!.end);
  const outside =
    text.slice(0, quote.start - from) + ' '.repeat(quote.end - quote.start) + text.slice(quote.end - from);
  for (const r of parseDates(outside, published)) {
    const known = r.start;
    if (known.isCertain('day') && known.isCertain('month')) {
      const said = known.date();
      // A day and month without a year in past-tense attribution: the latest such day up to publication.
      if (!known.isCertain('year') && said > published) said.setUTCFullYear(said.getUTCFullYear() - 1);
      return said;
    }
    if (known.isCertain('weekday')) return weekdayFrom(published, known.get('weekday') ?? 0, false);
    if (/\b(?:today|tonight|yesterday)\b/i.test(r.text)) return known.date();
  }
  return null;
}

function iso(year: number, month: number | null, day: number | null): string {
  if (month === null) return String(year);
  if (day === null) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Whether the clause around a date looks ahead. The words of a direct quote the date is not in are not its
 * clause: `“… start tomorrow,” Putin said on Monday` speaks of last Monday.
 */
function futureClause(sentence: Sentence, offset: number, direct: readonly Quote[] = []): boolean {
  const from = Math.max(sentence.start, offset - 50);
  let clause = sentence.text.slice(from - sentence.start, offset - sentence.start + 12);
  for (const q of direct) {
    if (q.start <= offset && offset < q.end) continue;
    const qs = Math.max(q.start, from) - from;
    const qe = Math.min(q.end, from + clause.length) - from;
    if (qs < qe) clause = clause.slice(0, qs) + ' '.repeat(qe - qs) + clause.slice(qe);
  }
  return FUTURE.test(clause);
}

/**
 * Finds the dated events of an article published at `published`. `quotes` (the article's direct quotes and
 * reported speech) let an event that is a statement say who made it.
 */
export function findTimeline(
  doc: Document,
  published: Date | null,
  quotes: readonly Quote[] = [],
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  // The sentence's events and every date span in it: texts are written once the whole sentence has been read.
  let pending: Array<{ event: TimelineEvent; kind: DateKind }> = [];
  let spans: DatedSpan[] = [];
  const add = (
    sentence: Sentence,
    start: number,
    end: number,
    date: string,
    precision: DatePrecision,
    approximate: boolean,
    kind: DateKind = 'date',
  ) => {
    if (kind !== 'started') spans.push({ start, end, kind });
    if (events.some((e) => e.date === date && sentence.start <= e.start && e.start < sentence.end)) return;
    const event = { date, precision, approximate, text: '', start, end };
    events.push(event);
    pending.push({ event, kind });
  };
  const direct = quotes.filter((q) => q.kind === 'direct');
  const pubYear = published?.getUTCFullYear() ?? null;
  const pubMonth = published ? published.getUTCMonth() + 1 : null;

  // chrono's parse of every dated sentence, all run together before the rules below read them. The parse is pure, so
  // the results are the same; run one sentence at a time between the rules' own work, each parse found chrono's
  // code and patterns cold and took several times as long (50–90 µs a sentence against 12 µs back to back), a
  // tenth of the whole extraction of a real-size article. A sentence with no date word has null.
  const parsed = doc.sentences.map((sentence) =>
    !doc.paragraphs[sentence.paragraph]!.caption && DATE_WORD.test(sentence.text)
      ? parseDates(sentence.text, published ?? undefined)
      : null,
  );
  for (const sentence of doc.sentences) {
    if (doc.paragraphs[sentence.paragraph]!.caption) continue;
    pending = [];
    spans = [];
    findInSentence(sentence);
    for (const { event, kind } of pending) {
      event.text = describeEvent(doc, sentence, { start: event.start, end: event.end, kind }, spans, quotes);
    }
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start);

  function findInSentence(sentence: Sentence): void {
    const dated = parsed[sentence.index];
    if (!dated && !EVENT_NOUNS.test(sentence.text)) return;
    const results = dated ?? [];
    for (const r of results) {
      if (!/[a-z]/i.test(r.text) && !/^\d{4}$/.test(r.text.trim())) continue;
      if (/^(?:now|right now|at the moment|currently)$/i.test(r.text.trim())) continue;
      // "would last two years", "is expected to last six months": the verb "last", a length of time, no date.
      if (/^last\b/i.test(r.text) && LAST_AS_VERB.test(sentence.text.slice(0, r.index))) continue;
      const start = sentence.start + r.index;
      const end = start + r.text.length;
      let known = r.start;
      const hasYear = known.isCertain('year');
      const hasMonth = known.isCertain('month');
      const hasDay = known.isCertain('day');
      const weekday = known.isCertain('weekday');
      const relative = RELATIVE.test(r.text);
      if (!published && !hasYear) continue; // nothing to resolve a relative date against
      // Relative to the speaker's day when inside a direct quote: that day if the article gives it, else the
      // published day, marked approximate.
      let reference = published;
      let unsure = false;
      const quote =
        published && (relative || (weekday && !hasDay))
          ? direct.find((q) => q.start <= start && end <= q.end)
          : undefined;
      if (quote && published) {
        const said = whenSaid(doc, quote, published);
        if (said) {
          reference = said;
          known = parseDates(r.text, said)[0]?.start ?? known;
        } else unsure = true;
      }
      const date = known.date();
      if (relative || (hasDay && hasMonth && hasYear)) {
        const week = /\bweek\b/i.test(r.text);
        if (/\bmonth\b/i.test(r.text))
          add(
            sentence,
            start,
            end,
            iso(date.getUTCFullYear(), date.getUTCMonth() + 1, null),
            'month',
            unsure,
          );
        else if (/\byear\b/i.test(r.text))
          add(sentence, start, end, iso(date.getUTCFullYear(), null, null), 'year', unsure);
        else
          add(
            sentence,
            start,
            end,
            iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()),
            'day',
            week || unsure,
          );
        continue;
      }
      if (weekday && !hasDay && reference) {
        // A bare weekday: the latest one up to the published (or spoken) day, unless the clause looks ahead.
        const d = weekdayFrom(reference, known.get('weekday') ?? 0, futureClause(sentence, start, direct));
        add(
          sentence,
          start,
          end,
          iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
          'day',
          unsure,
        );
        continue;
      }
      if (hasMonth) {
        const month = known.get('month')!;
        let year = hasYear ? known.get('year')! : pubYear!;
        if (!hasYear && pubMonth !== null) {
          const future = futureClause(sentence, start, direct);
          if (!future && month > pubMonth) year -= 1;
          if (future && month < pubMonth) year += 1;
        }
        add(
          sentence,
          start,
          end,
          iso(year, month, hasDay ? known.get('day')! : null),
          hasDay ? 'day' : 'month',
          false,
        );
        continue;
      }
      if (hasYear) add(sentence, start, end, iso(known.get('year')!, null, null), 'year', false);
    }
    // Years on their own ("in 2011", "by 2022"), which chrono leaves alone. Such a year is a DATE_WORD, so an
    // undated sentence (one read only for its event nouns) has none.
    for (const m of dated
      ? allMatches(/\b(?:in|since|by|until|from|before|after|of)\s+((?:19|20)\d{2})\b/g, sentence.text)
      : []) {
      const start = sentence.start + m.index + m[0].length - 4;
      add(sentence, start, start + 4, m[1]!, 'year', false);
    }
    if (!published) return;
    // Durations: "nearly five years old", "two years ago", "ten months after the fighting began". The cue (the
    // unit and the word after it, with the pattern's own flags) rules out most sentences before the long pattern.
    for (const m of DURATION_CUE.test(sentence.text)
      ? allMatches(
          /\b(nearly|almost|about|around|more than|over|some|roughly)?\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a)\s+(years?|months?)\s+(old|ago|after (?:the )?[\p{L} ]{3,40}? (?:began|started))\b/giu,
          sentence.text,
        )
      : []) {
      const n = /^\d+$/.test(m[2]!) ? Number(m[2]) : WORD_NUMBERS.get(m[2]!.toLowerCase())!;
      const years = /^year/i.test(m[3]!);
      const d = new Date(
        Date.UTC(published.getUTCFullYear() - (years ? n : 0), published.getUTCMonth() - (years ? 0 : n), 1),
      );
      const start = sentence.start + m.index;
      const approximate = Boolean(m[1]) || /^old|^after/i.test(m[4]!);
      add(
        sentence,
        start,
        start + m[0].length,
        years ? iso(d.getUTCFullYear(), null, null) : iso(d.getUTCFullYear(), d.getUTCMonth() + 1, null),
        years ? 'year' : 'month',
        approximate,
        'duration',
      );
    }
    // "the talks which has started in Geneva": begun by the published date, month unknown beyond that.
    for (const m of allMatches(
      /\b(?:has|have|had)\s+(?:already\s+)?(?:started|begun|opened|resumed)\b/gi,
      sentence.text,
    )) {
      const before = sentence.text.slice(Math.max(0, m.index - 60), m.index);
      if (!EVENT_NOUNS.test(before.split(/[,;]/).pop() ?? '')) continue;
      const start = sentence.start + m.index;
      if (m[0].toLowerCase().startsWith('had')) continue;
      add(sentence, start, start + m[0].length, iso(pubYear!, pubMonth, null), 'month', true, 'started');
    }
  }
}
