/**
 * Figures about forces: "about 1,000 Russian military personnel will remain in Syria". A number (or range, or a
 * number written as a word) is a figure only when a force noun follows it within a few modifiers, so years,
 * percentages and casualty-free counts ("three villages") are left alone. The state comes from the verbs of the
 * figure's own clause, and the source from the quote or reported speech the figure sits in.
 */
import { DEMONYMS, isDemonym, WORD_NUMBERS } from './lexicon.ts';
import type { Document } from './sentences.ts';
import type { Entity, Figure, FigureState, Quote } from './types.ts';

const UNITS: Array<[RegExp, string]> = [
  [/^personnel$/i, 'personnel'],
  [/^troops?$/i, 'troop'],
  [/^soldiers?$/i, 'soldier'],
  [/^servicem[ae]n$/i, 'serviceman'],
  [/^marines?$/i, 'marine'],
  [/^sailors?$/i, 'sailor'],
  [/^guards?$/i, 'guard'],
  [/^fighters?$/i, 'fighter'],
  [/^advisers?$|^advisors?$/i, 'adviser'],
  [/^battalions?$/i, 'battalion'],
  [/^brigades?$/i, 'brigade'],
  [/^regiments?$/i, 'regiment'],
  [/^aircraft$/i, 'aircraft'],
  [/^jets?$/i, 'jet'],
  [/^planes?$|^warplanes?$/i, 'plane'],
  [/^helicopters?$/i, 'helicopter'],
  [/^drones?$/i, 'drone'],
  [/^bases?$/i, 'base'],
  [/^tanks?$/i, 'tank'],
  [/^warships?$|^ships?$/i, 'ship'],
  [/^destroyers?$/i, 'destroyer'],
  [/^carriers?$/i, 'carrier'],
  [/^submarines?$/i, 'submarine'],
  [/^missiles?$/i, 'missile'],
  [/^batteries$|^battery$/i, 'battery'],
];
const SYSTEMS = /^systems?$/i;

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:thousand|million|hundred))?|(?:a\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen|thousand)(?:\s+(?:thousand|hundred))?`;
const QUALIFIERS = String.raw`about|around|approximately|roughly|some|nearly|almost|more than|over|at least|at most|a minimum of|a maximum of|a total of|up to|fewer than|less than|an estimated|as many as|as few as|between|only|just|another|an additional|an extra|estimated`;
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\d-])(?:(${QUALIFIERS})\s+)?(${NUM})(?:\s*(?:to|-|–|and)\s*(${NUM}))?((?:\s+[\p{L}.’'-]+){1,5})`,
  'giu',
);
const MODIFIER_STOP =
  /^(?:of|to|in|at|and|or|was|were|will|would|have|has|had|are|is|the|a|an|for|from|by|with|on|that|who|which|percent|per|years?|months?|days?|weeks?|hours?|people|civilians|villages)$/i;

const HAS_NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen|thousand)\b/i;
const EQUIPMENT_HINT = /-\d\d|Patriot|THAAD|Iskander|Pantsir|Buk/;

function parseNumber(text: string): number {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const scale = / (thousand|million|hundred)$/.exec(t);
  const head = scale ? t.slice(0, scale.index) : t;
  let value = head in WORD_NUMBERS ? WORD_NUMBERS[head]! : Number(head.replace(/,/g, '').replace(/^a /, ''));
  if (head.replace(/^a /, '') in WORD_NUMBERS) value = WORD_NUMBERS[head.replace(/^a /, '')]!;
  if (scale) value *= scale[1] === 'thousand' ? 1000 : scale[1] === 'million' ? 1_000_000 : 100;
  return value;
}

/** Words that start a new clause for the purpose of reading a figure's state. */
const CLAUSE_BREAK =
  /[.;:!?]|\b(?:as|which|while|because|though|although|but|whereas|after|before|when|where|so that|to (?=[a-z]+\b(?! [0-9])))\b/gi;

const STATES: Array<[RegExp, FigureState]> = [
  [/\b(?:leave|leaves|leaving|left)\b[^.;]*\b(?:in place|behind)\b/i, 'remaining'],
  [/\b(?:remain|remains|remained|remaining|stay|stays|stayed|staying|keep|keeps|kept)\b/i, 'remaining'],
  [/\b(?:need|needs|needed|require|requires|required|necessary|must)\b/i, 'required'],
  [
    /\b(?:withdraw|withdraws|withdrew|withdrawn|withdrawing|pull(?:ed|ing|s)? (?:out|back)|return(?:ed|ing|s)? home|brought home|leave|leaves|left|leaving|drawdown|exit)\b/i,
    'withdrawn',
  ],
  [
    /\b(?:deploy|deploys|deployed|deploying|station(?:ed|s)?|sent|send|sending|there (?:are|were|is)|based|arrived?|posted|in place)\b/i,
    'deployed',
  ],
];

function stateOf(clause: string): FigureState {
  let best: { index: number; state: FigureState } | null = null;
  for (const [re, state] of STATES) {
    const m = re.exec(clause);
    if (m && (!best || m.index < best.index)) best = { index: m.index, state };
  }
  return best?.state ?? 'unknown';
}

/** The clause around a figure: from the last clause break before it to the next one after it. */
function clauseAround(sentence: string, start: number, end: number): { before: string; after: string } {
  let from = 0;
  let to = sentence.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(sentence); m; m = CLAUSE_BREAK.exec(sentence)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return { before: sentence.slice(from, start), after: sentence.slice(end, to) };
}

/** Whose forces: the first demonym or country in the text that is not the object of "in", "to", "from"… */
function whoFrom(text: string): string | null {
  const words = text.match(/[\p{L}.’'-]+/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/[’']s$/, '');
    if (/^(?:in|into|to|from|at|near|across|of|inside)$/i.test(words[i - 1] ?? '')) continue;
    if (w in DEMONYMS) return DEMONYMS[w]!;
    if (/^\p{Lu}/u.test(w) && isDemonym(w)) return w;
  }
  const m = /\b(United States|United Kingdom)\b/.exec(text);
  return m ? DEMONYMS[m[1]!]! : null;
}

/** Finds the force figures of an article. `quotes` give each figure its source. */
export function findFigures(doc: Document, quotes: Quote[], places: Entity[]): Figure[] {
  const figures: Figure[] = [];
  const placeAt = (start: number, end: number, afterOnly: boolean): string | null => {
    let best: { name: string; distance: number } | null = null;
    for (const p of places) {
      for (const m of p.mentions) {
        if (m.start < start || m.end > end) continue;
        const prep = doc.body.slice(Math.max(0, m.start - 10), m.start);
        if (!/\b(?:in|into|at|to|from|inside|across|near)\s+(?:the\s+)?$/i.test(prep)) continue;
        if (/[’']s$/.test(doc.body.slice(m.start, m.end)) || /^[’']s/.test(doc.body.slice(m.end, m.end + 2)))
          continue;
        const distance = afterOnly ? m.start - start : Math.abs(end - m.start);
        if (!best || distance < best.distance) best = { name: p.name, distance };
      }
    }
    return best?.name ?? null;
  };
  const sourceAt = (offset: number): string | null => {
    const q = quotes.find((x) => offset >= x.start && offset < x.end && x.speaker);
    return q?.speaker ?? null;
  };

  for (const sentence of doc.sentences) {
    const text = sentence.text;
    FIGURE.lastIndex = 0;
    const numbers = HAS_NUMBER.test(text);
    for (let m = numbers ? FIGURE.exec(text) : null; m; m = FIGURE.exec(text)) {
      const mods = m[4]!.trim().split(/\s+/);
      let unit: string | null = null;
      let unitWords = 0;
      const modifiers: string[] = [];
      for (let i = 0; i < mods.length; i++) {
        const w = mods[i]!.replace(/[.,]$/, '');
        const found = UNITS.find(([re]) => re.test(w));
        if (found) {
          unit = found[1];
          unitWords = i + 1;
          break;
        }
        if (SYSTEMS.test(w) && modifiers.some((x) => /missile|defen[cs]e/i.test(x))) {
          unit = 'missile system';
          unitWords = i + 1;
          break;
        }
        if (MODIFIER_STOP.test(w) || /[,;]$/.test(mods[i]!)) break;
        modifiers.push(w);
      }
      if (!unit) {
        FIGURE.lastIndex = m.index + (m[1]?.length ?? 0) + m[2]!.length + 1;
        continue;
      }
      const lead = m[0].length - m[0].trimStart().length;
      const start = sentence.start + m.index + lead;
      const unitEnd =
        m.index +
        m[0].length -
        m[4]!.length +
        m[4]!
          .split(/\s+/)
          .slice(0, unitWords + 1)
          .join(' ').length;
      const end = sentence.start + unitEnd;
      const min = parseNumber(m[2]!);
      const max = m[3] ? parseNumber(m[3]) : min;
      if (
        !Number.isFinite(min) ||
        !Number.isFinite(max) ||
        (max < min && !/\bfrom\s+(?:\w+\s+)?$/i.test(text.slice(0, m.index)))
      ) {
        if (!(m[3] && /\bfrom\s+(?:\w+\s+)?$/i.test(text.slice(0, m.index + lead)))) continue;
      }
      const { before, after } = clauseAround(text, m.index + lead, unitEnd);
      let state = stateOf(after);
      if (state === 'unknown') state = stateOf(before);
      const who =
        whoFrom(modifiers.join(' ')) ??
        whoFrom(/(\p{Lu}[\p{L}.]*[’']s)\s+$/u.exec(text.slice(0, m.index))?.[1] ?? '') ??
        whoFrom(before) ??
        whoFrom(text.slice(0, m.index));
      const where =
        placeAt(end, sentence.start + unitEnd + after.length, true) ??
        placeAt(sentence.start + m.index - before.length, start, false);
      const base = {
        qualifier: m[1]?.toLowerCase() ?? null,
        unit,
        who,
        where,
        source: sourceAt(start),
        sentence: text,
      };
      const fromTo =
        m[3] &&
        /\bfrom\s+$/i.test(
          text.slice(0, m.index + lead).replace(/(?:about|around|roughly|some|nearly)\s+$/i, ''),
        );
      if (fromTo || (m[3] && max < min)) {
        // "cut its force from about 5,200 to 3,000 troops": two figures, before and after.
        const cut = /\b(?:cut|reduce|reduced|lower|drawdown|withdraw)/i.test(text);
        figures.push({ ...base, min, max: min, state: 'deployed', start, end });
        figures.push({
          ...base,
          qualifier: null,
          min: max,
          max,
          state: cut ? 'remaining' : state,
          start,
          end,
        });
        continue;
      }
      figures.push({ ...base, min, max, state, start, end });
    }
    // Named equipment with no count: "its powerful S-400 surface-to-air missile systems".
    if (!EQUIPMENT_HINT.test(text)) continue;
    for (const e of text.matchAll(
      /\b((?:S|SA|Su|MiG)-\d{2,3}|Patriot|THAAD|Iskander|Pantsir|Buk)\b((?:\s+[\p{L}-]+){0,3}?)\s+(missile systems?|systems?|batteries|missiles)\b/gu,
    )) {
      const before = text.slice(Math.max(0, e.index - 30), e.index);
      if (/\d\s+(?:\p{L}+\s+)?$/u.test(before)) continue;
      const start = sentence.start + e.index;
      const end = start + e[0].length;
      const { before: b, after } = clauseAround(text, e.index, e.index + e[0].length);
      let state = stateOf(b + ' ' + e[0] + after);
      if (state === 'unknown') state = stateOf(b);
      figures.push({
        min: 0,
        max: 0,
        counted: false,
        qualifier: null,
        unit: `${e[1]} missile system`,
        state,
        who: whoFrom(text.slice(0, e.index)),
        where: placeAt(end, sentence.start + e.index + e[0].length + after.length, true),
        source: sourceAt(start),
        sentence: text,
        start,
        end,
      });
    }
  }
  return dedupe(inheritBounds(figures, doc.body));
}

/** Qualifiers that bound a figure: they say what is at least or at most needed, not only how it was counted. */
const BOUNDS = /^(?:a minimum of|at least|a maximum of|at most|up to|more than|fewer than|less than|over)$/;

/**
 * A figure in apposition to the one before it restates it in other units: "a minimum of two battalions, a total
 * of 800 troops". The bound of the first ("a minimum of") is what the second means too, so it carries over;
 * "a total of" only says the battalions add up to 800.
 */
function inheritBounds(figures: Figure[], body: string): Figure[] {
  figures.forEach((figure, i) => {
    const previous = figures[i - 1];
    if (!previous?.qualifier || !BOUNDS.test(previous.qualifier) || previous.end > figure.start) return;
    if (figure.qualifier && BOUNDS.test(figure.qualifier)) return;
    if (/^\s*,\s*$/.test(body.slice(previous.end, figure.start))) figure.qualifier = previous.qualifier;
  });
  return figures;
}

/** The same fact restated ("about 1,000 … at the two bases" twice) is kept once, with the fullest details. */
function dedupe(figures: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (const f of figures) {
    const same = out.find(
      (g) =>
        g.min === f.min &&
        g.max === f.max &&
        g.unit === f.unit &&
        g.source === f.source &&
        (g.state === f.state || g.state === 'unknown' || f.state === 'unknown') &&
        (g.where === f.where || g.where === null || f.where === null),
    );
    if (!same) {
      out.push(f);
      continue;
    }
    if (same.state === 'unknown') same.state = f.state;
    same.where ??= f.where;
    same.who ??= f.who;
    same.qualifier ??= f.qualifier;
  }
  return out;
}
