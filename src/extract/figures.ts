/**
 * Figures about forces: "about 1,000 Russian military personnel will remain in Syria". A number (or range, or a
 * number written as a word) is a figure only when a force noun follows it within a few modifiers, so years,
 * percentages and casualty-free counts ("three villages") are left alone. The state comes from the verbs of the
 * figure's own clause, and the source from the quote or reported speech the figure sits in.
 */
import { isCommonWord } from './entities.ts';
import { DEMONYMS, hasTag, isDemonym, WORD_NUMBERS } from './lexicon.ts';
import { type Document, collapseSpaces, segment, splitSpaces } from './sentences.ts';
import type { Entity, Figure, FigureState, Quote } from './types.ts';
import { allMatches } from './matches.ts';

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
  // Added for published news (issue 14).
  [/^bombers?$/i, 'bomber'],
  [/^frigates?$/i, 'frigate'],
  [/^vessels?$/i, 'vessel'],
  [/^cruisers?$/i, 'cruiser'],
  [/^divisions?$/i, 'division'],
  [/^reservists?$/i, 'reservist'],
  [/^peshmerga$/i, 'peshmerga'],
  [/^paratroopers?$/i, 'paratrooper'],
  [/^commandos?$/i, 'commando'],
  [/^peacekeepers?$/i, 'peacekeeper'],
  [/^aviators?$/i, 'aviator'],
  [/^airmen$|^airman$/i, 'airman'],
  [/^crew$|^crewmen$/i, 'crew'],
  [/^servicemembers?$/i, 'service member'],
  [/^gurkhas?$/i, 'gurkha'],
  [/^interceptors?$/i, 'interceptor'],
  // "four B-52s", "two F-16s": a plural model designation counts aircraft.
  [/^[A-Z]{1,3}-\d{1,3}[A-Z]?s$/, 'aircraft'],
];
/**
 * Any of UNITS' patterns, case-insensitive: one test that rules out the ordinary words after a number before the
 * list is searched for the unit (a superset, since the model pattern is the only case-sensitive one).
 */
const ANY_UNIT = new RegExp(UNITS.map(([re]) => `(?:${re.source})`).join('|'), 'i');

/** The UNITS entry a word is, if any. */
function unitEntry(word: string): [RegExp, string] | undefined {
  return ANY_UNIT.test(word) ? UNITS.find(([re]) => re.test(word)) : undefined;
}

/** Units that count forces only with a qualifier before them: "service members", "crew members". */
const MEMBERS = /^members?$/i;
const MEMBER_KINDS = /^(?:service|crew|active-duty|military|guard|forces|caf|army|navy|reserve|rcaf|rcn)$/i;
const SYSTEMS = /^systems?$/i;

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:thousand|million|hundred))?|(?:a\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen|thousand)(?:\s+(?:thousand|hundred|dozen))?`;
const QUALIFIERS = String.raw`about|around|approximately|roughly|some|nearly|almost|more than|over|at least|at most|a minimum of|a maximum of|a total of|up to|fewer than|less than|an estimated|as many as|as few as|between|only|just|another|an additional|an extra|estimated`;
/**
 * A model number after a name, read as part of the name and never as a count: the "2" of "14 Challenger 2 tanks",
 * the "737-800" of "30 Boeing 737-800 planes". FIGURE ignores case, so the name's capital is checked where the
 * modifiers are read.
 */
const MODEL_NUMBER = String.raw`(?<=\p{Lu}[\p{L}\d-]*\s+)\d[\dA-Z]{0,4}(?:-[\dA-Z]{1,4})?(?=\s+\p{L})`;
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\d-])(?:(${QUALIFIERS})\s+)?(${NUM})(?:\s*(?:to|-|–|and)\s*(${NUM}))?[”"]?(?:\s+or\s+so)?((?:\s+(?:\p{L}[\p{L}\d.’'-]*|${MODEL_NUMBER})){1,5})`,
  'giu',
);
/** A number among the words after a figure's unit: "500 troops and 2 tanks", "six tanks and two frigates". */
const NEXT_COUNT = new RegExp(String.raw`\s(?=(?:${NUM})\b)`, 'iu');
const MODIFIER_STOP =
  /^(?:of|to|in|at|and|or|was|were|will|would|have|has|had|are|is|the|a|an|for|from|by|with|on|that|who|which|percent|per|years?|months?|days?|weeks?|hours?|people|civilians|villages)$/i;

const NUMBER_WORD =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen|thousand)\b/i;
/**
 * Whether `text` holds a number, in digits or words. A digit is looked for on its own first: a sentence with a number
 * mostly has one, and the words' pattern, tried at each position before it, is the dearer scan.
 */
function hasNumber(text: string): boolean {
  return /\d/.test(text) || NUMBER_WORD.test(text);
}
const EQUIPMENT_HINT = /-\d\d|Patriot|THAAD|Iskander|Pantsir|Buk/;

function parseNumber(text: string): number {
  const t = collapseSpaces(text.toLowerCase()).trim();
  const scale = / (thousand|million|hundred|dozen)$/.exec(t);
  const head = scale ? t.slice(0, scale.index) : t;
  let value = WORD_NUMBERS.get(head) ?? Number(head.replace(/,/g, '').replace(/^a /, ''));
  value = WORD_NUMBERS.get(head.replace(/^a /, '')) ?? value;
  if (scale)
    value *=
      scale[1] === 'thousand' ? 1000 : scale[1] === 'million' ? 1_000_000 : scale[1] === 'dozen' ? 12 : 100;
  return value;
}

/** Words that start a new clause for the purpose of reading a figure's state. */
const CLAUSE_BREAK =
  /[.;:!?]|\b(?:as|which|while|because|though|although|but|whereas|after|before|when|where|so that|to (?=[a-z]+\b(?! [0-9])))\b/gi;

const STATES: Array<[RegExp, FigureState]> = [
  [/\b(?:leave|leaves|leaving|left)\b[^.;]*\b(?:in place|behind)\b/i, 'remaining'],
  [
    /\b(?:remain|remains|remained|remaining|stay|stays|stayed|staying|keep|keeps|kept|keeping|retain|retains|retained|retaining)\b/i,
    'remaining',
  ],
  [/\b(?:need|needs|needed|require|requires|required|necessary|must)\b/i, 'required'],
  [
    /\b(?:withdraw|withdraws|withdrew|withdrawn|withdrawing|pull(?:ed|ing|s)? (?:out|back)|return(?:ed|ing|s)? home|(?:fl(?:ew|own|y|ies|ying)|went|gone|go(?:es|ing)?|c(?:ame|ome|omes|oming)|head(?:ed|s|ing)?|sail(?:ed|s|ing)?)(?: back)? home|brought home|leave|leaves|left|leaving|drawdown|exit|extricat\w*|remov(?:e|es|ed|ing)|bring(?:s|ing)? (?:home|back)|evacuat(?:e|es|ed|ing))\b/i,
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
    const w = words[i]!.endsWith('s') ? words[i]!.replace(/[’']s$/, '') : words[i]!;
    const who = DEMONYMS.get(w) ?? (/^\p{Lu}/u.test(w) && isDemonym(w) ? w : undefined);
    // (The word before is read only for a word that would be the answer.)
    if (who === undefined || /^(?:in|into|to|from|at|near|across|of|inside)$/i.test(words[i - 1] ?? ''))
      continue;
    return who;
  }
  const m = /\b(United States|United Kingdom)\b/.exec(text);
  return m ? DEMONYMS.get(m[1]!)! : null;
}

/**
 * Counts of people or equipment that are not a force's strength: casualties, people captured or diagnosed, troops
 * counted by a trait (a survey, an assault report), munitions fired in an attack. Read from the figure's clause.
 */
const NOT_FORCES =
  /\b(?:kill(?:ed|ing|s)?|died|dead|deaths?|wounded|wounding|injur(?:ed|ies|y|ing)|hurt|casualt(?:y|ies)|captured|capturing|missing|hostage|kidnapped|diagnosed|suffered|bodies|fallen|sacrifice|executed|beheaded|arrested|detained|defected|transgender|sexual assaults?|assaulted|surveyed|polled|treatment|hospitali[sz]ed|can (?:support|carry|hold|accommodate)|capacity)\b/i;
/** Munitions in an attack: missiles launched, fired, shot down. */
const MUNITIONS_USED =
  /\b(?:launch(?:ed|es|ing)?|fired|fire|shot down|intercepted|struck|hit|rained|volley|barrage|destroyed with|malfunction\w*|targeted|attacked)\b/i;
/** Units that an attack uses up or targets rather than deploys. */
const ATTACK_UNITS = new Set(['missile', 'base']);
/** Civilian aviation: airline orders and fleets are not forces unless the sentence is about a military. */
const CIVIL_AVIATION =
  /\b(?:airlines?|airways|airliners?|Boeing|Airbus|passengers?|orders?|order book|deliver(?:y|ies|ed))\b/;
const MILITARY_CUE =
  /\b(?:military|air force|navy|naval|army|defen[cs]e|troops|forces|marines|war|combat|fighter|warplanes?)\b/i;
const AIRCRAFT_UNITS = new Set(['aircraft', 'jet', 'plane', 'helicopter', 'carrier', 'drone']);
/** Forces placed somewhere: "troops in Syria", "3,000 now on the ground", "based in", "off the coast". */
const LOCATED =
  /^\s*(?:[\p{L}-]+\s+){0,3}?(?:(?:currently|now|still|already)\s+)?(?:(?:in|inside|into|at)\s+(?:the\s+)?(?:\p{Lu}|country\b|region\b)|(?:off|over|near|along|across)\s|to\s+(?:the\s+)?\p{Lu}|on the ground|stationed|based|deployed|there\b)/u;
const MOVED =
  /\b(?:moved|moves|moving|dispatch(?:ed|es|ing)?|flew|flown|flies|flying|rushed|headed|heading|taking part|took part|participat\w*|station(?:s|ed)?|sent|send(?:s|ing)?|deploy(?:s|ed|ing)?|launched|attack(?:ed|ing)|advanc(?:ed|ing)|fighting|fought)\b/i;
/** A verb that puts forces on offer, right before the figure: "announced 900 more troops". */
const PLEDGED =
  /\b(?:announc(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|commit(?:s|ted|ting)?|offer(?:s|ed|ing)?)\s+(?:a\s+(?:further|new)\s+)?$/i;
/** Words that make a figure an addition: "900 more troops", "an additional 300 soldiers". */
const ADDED = /^(?:more|additional|extra|further|new|fresh)$/i;
const STAY_AFTER = /^\s*(?:[\p{L}-]+\s+){0,4}?to\s+(?:remain|stay)\b/u;
const NEGATED_WITHDRAWAL =
  /\b(?:not|never|won[’']t|wouldn[’']t|refus\w+ to)\s+(?:\w+\s+)?(?:withdraw|pull out|remove)\b/i;
const CUT =
  /\b(?:cut|cuts|reduc\w+|shrink\w*|declin\w+|drawdown|draw down|withdraw\w*|lower\w*|trim\w*|slash\w*|fall|fell|drop\w*)\b/i;

/**
 * Whether a counted unit in this clause is a force's strength: not casualties or people counted by a trait, not
 * munitions an attack used or bases it hit, not an airline's fleet.
 */
function countsForces(unit: string, clause: string, sentence: string): boolean {
  if (NOT_FORCES.test(clause)) return false;
  if (ATTACK_UNITS.has(unit) && MUNITIONS_USED.test(clause)) return false;
  return !(AIRCRAFT_UNITS.has(unit) && CIVIL_AVIATION.test(sentence) && !MILITARY_CUE.test(sentence));
}

/** A number right after a capitalised name is a model ("Challenger 2 tanks", "Boeing 737-800 planes"). */
function isModelNumber(textBefore: string, matched: string): boolean {
  const prev = /(\p{Lu}[\p{L}-]*)\s+$/u.exec(textBefore)?.[1];
  if (!prev) return false;
  if (/^\d{2,4}-\d{2,4}$/.test(matched.trim())) return true;
  if (/^(?:The|A|An|About|Some|Nearly|Only|Just|And|But|In|On|At|By|Of|For|With|To)$/.test(prev))
    return false;
  if (
    hasTag(
      prev,
      'Month',
      'WeekDay',
      'Demonym',
      'Country',
      'PresentTense',
      'PastTense',
      'Verb',
      'Determiner',
      'Preposition',
    )
  )
    return false;
  return !isDemonym(prev);
}

const TRANSITION_FROM_TO = new RegExp(
  String.raw`\bfrom\s+(?:(?:a|an|the|its|their)\s+(?:[\p{L}-]+\s+){0,3}?(?:high|peak|level|total|strength|force)\s+of\s+)?(?:(?:${QUALIFIERS})\s+)?(${NUM})((?:\s+[\p{L}\d-]+){0,3}?)\s+to\s+(?:(?:${QUALIFIERS})\s+)?(${NUM})`,
  'giu',
);
const TRANSITION_TO_FROM = new RegExp(
  String.raw`\bto\s+(?:(?:${QUALIFIERS})\s+)?(${NUM})((?:\s+[\p{L}\d-]+){0,4}?)\s+from\s+(?:(?:a|an|the|its|their)\s+(?:[\p{L}-]+\s+){0,3}?(?:high|peak|level|total|strength|force)\s+of\s+)?(?:(?:${QUALIFIERS})\s+)?(${NUM})`,
  'giu',
);
/**
 * The level a figure was at before, after it: "about 2,200 troops are expected by 2026, up from roughly 1,000
 * today", "3,000 troops, down from 5,200". The number takes the unit of the figure before it.
 */
const UP_DOWN_FROM = new RegExp(
  String.raw`,\s+(?:up|down)\s+from\s+(?:(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:high|peak|low|level|total)\s+of\s+)?(?:(${QUALIFIERS})\s+)?(\d{1,3}(?:,\d{3})+|\d{3,})(?![\d,]*\s*(?:%|percent|per cent))`,
  'giu',
);
/** A bare number that restates the unit of a figure before it: "500 troops in Syria and 5,000 in Iraq". */
const ELLIPTICAL = new RegExp(
  String.raw`(?<![\p{L}\d$£€.,-])(?:(${QUALIFIERS})\s+)?(\d{1,3}(?:,\d{3})+|\d{3,})(?=\s+(?:in\s+\p{Lu}|now\b|on the ground|there\b|at\s+\p{Lu}))`,
  'gu',
);
const PARTITIVE = new RegExp(
  String.raw`(?<![\p{L}\d-])(?:(${QUALIFIERS})\s+)?(${NUM})\s+of\s+(?:its|the|their|our|his|her)\s+(?:\d[\d,]*\s+)?((?:[\p{L}-]+\s+(?:\d[\dA-Z]{0,4}\s+)?){0,2})([\p{L}-]+)\b`,
  'giu',
);
/**
 * A force counted by its strength: "the 1,000-strong battle group", "a 10,000-strong residual force". The count is
 * of troops; the head must be a military body, so "an 8,000-strong demonstration" or "a 15-strong team" are none.
 */
const STRENGTH = new RegExp(
  String.raw`(?<![\p{L}\d$£€.,-])(?:(${QUALIFIERS})\s+)?(\d{1,3}(?:,\d{3})+|\d+)-strong\s+(?:[\p{L}-]+\s+){0,2}?(?:force|contingent|battle ?group|battlegroup|battalion|brigade|garrison|army|regiment|division|task force|militia|peacekeeping (?:force|mission)|national guard|deployment|expeditionary force|detachment|flotilla|fleet)s?\b`,
  'giu',
);
/** A count written in digits, the only kind the rules for numbers without their unit take. */
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
/**
 * What may follow a number that has no unit of its own: the end of the clause, or a preposition, time or place, never
 * a noun ("to 3,000 by May", "withdraw 2,200 from Iraq", not "to 3,000 jobs", "20 percent"). Case-sensitive.
 */
const BARE_END = String.raw`(?=\s*(?:[.,;:!?)”"]|$)|\s+(?:into|at|by|over|within|under|this|next|last|since|before|after|as|and|or|from|during|on|to|for|more|additional|others|home|back|out|immediately|soon|later|of them|in\s+(?:the\s+)?(?:\p{Lu}|coming|next|region|country|spring|summer|autumn|fall|winter|early|late|mid))\b)`;
/** "from a wartime peak of", "from its current strength of": the earlier level of a transition. */
const PEAK_OF = String.raw`(?:(?:a|an|the|its|their)\s+(?:[\p{L}-]+\s+){0,3}?(?:high|peak|level|total|strength|force)\s+of\s+)?`;
/**
 * "reduce the number of troops in Iraq from about 5,200 to 3,000" and "cut troops in Iraq to 3,000 from 5,200":
 * a transition whose unit comes before it.
 */
const BARE_FROM_TO = new RegExp(
  String.raw`\bfrom\s+${PEAK_OF}(?:(${QUALIFIERS})\s+)?(${DIGITS})\s+to\s+(?:(${QUALIFIERS})\s+)?(${DIGITS})${BARE_END}`,
  'gu',
);
/** "cut troops in Afghanistan by 4,000 to 8,600": the change and the level after it. */
const BARE_BY_TO = new RegExp(
  String.raw`\bby\s+(?:(${QUALIFIERS})\s+)?(${DIGITS})\s+to\s+(?:(${QUALIFIERS})\s+)?(${DIGITS})${BARE_END}`,
  'gu',
);
const BARE_TO_FROM = new RegExp(
  String.raw`\bto\s+(?:(${QUALIFIERS})\s+)?(${DIGITS})\s+from\s+${PEAK_OF}(?:(${QUALIFIERS})\s+)?(${DIGITS})${BARE_END}`,
  'gu',
);
/**
 * "reduce the number of troops in Iraq to 3,000", "Troop levels will fall to 3,000": the level a force is changed to,
 * with neither a unit after the number nor an earlier level (see BARE_FROM_TO for those with one).
 */
const BARE_TO = new RegExp(String.raw`\bto\s+(?:(${QUALIFIERS})\s+)?(${DIGITS})${BARE_END}`, 'gu');
/** "cut its force of 5,200 troops to 3,000": the level a figure is changed to, right after it. */
const CHANGED_TO = new RegExp(
  String.raw`^\s+(?:(?:in|from)\s+(?:the\s+)?\p{Lu}[\p{L}-]*\s+)?to\s+(?:(${QUALIFIERS})\s+)?(${DIGITS})${BARE_END}`,
  'u',
);
/** A verb that changes a force's level: a cut (see CUT), a rise, or only a change ("went from … to …"). */
const CHANGE =
  /\b(?:cut|cuts|reduc\w+|shrink\w*|shrank|shrunk|drawdown|draw down|withdraw\w*|lower\w*|trim\w*|slash\w*|fall|falls|fell|falling|fallen|drop\w*|declin\w+|increas\w*|rais(?:e|es|ed|ing)|boost\w*|expand\w*|bolster\w*|doubl(?:e|es|ed|ing)|grow|grows|grew|growing|grown|rose|rise|rises|rising|risen|go|goes|going|went|gone)\b/i;
/**
 * What a number between "from" and "to" must not be about even when a force noun is near: shares, money, ages,
 * opinion ("support for sending troops rose from 30 to 40").
 */
const NOT_A_LEVEL =
  /\b(?:percent|per cent|share|proportion|rate|ratio|age|aged|ages|budget|cost|costs|spending|salary|pay|billion|million|years?|months?|support|approval|oppos\w+|polls?|polling|surveys?|votes?|voters|points?|seats?|ratings?|score|index)\b|[$£€%]/i;
/**
 * A force noun before a transition with no unit of its own: "Troop levels were reduced", "reduce its forces", "its
 * contingent", "the military presence" (presence only after military, troop or ground).
 */
const FORCE_BEFORE = /^(?:forces?|troops?|contingents?|garrisons?|deployments?)$/i;
const PRESENCE = /^presence$/i;
const PRESENCE_KIND = /^(?:military|troop|ground)$/i;
/**
 * A verb of sending, withdrawing or keeping followed by a bare number: "The US has 5,200 troops in Iraq. The
 * Pentagon said it would withdraw 2,200", "withdraw 2,200 troops, leaving about 3,000". The number counts the unit of
 * a figure in the same or the two sentences before.
 */
const VERB_BARE = new RegExp(
  String.raw`\b(?:(withdraw|withdraws|withdrawing|withdrew|pull(?:s|ed|ing)? (?:out|back)|bring(?:s|ing)? (?:home|back)|brought (?:home|back))|(send|sends|sending|sent|deploy|deploys|deploying|deployed|dispatch|dispatches|dispatching|dispatched)|(keep|keeps|keeping|kept|retain|retains|retaining|retained|leave|leaves|leaving))\s+(?:all\s+|the\s+(?:remaining|last|other)\s+)?(?:(${QUALIFIERS})\s+)?(\d{1,3}(?:,\d{3})+|\d{3,})${BARE_END}`,
  'gu',
);
/**
 * A bare number as the subject of a verb of leaving, going or staying: "The US has 5,200 troops in Iraq. Officials
 * said 2,200 would be withdrawn", "About 3,000 will remain". Like VERB_BARE, it counts the unit of a figure before.
 */
const SUBJECT_BARE = new RegExp(
  String.raw`(?<![\p{L}\d$£€.,-])(?:(${QUALIFIERS})\s+)?(\d{1,3}(?:,\d{3})+|\d{3,})(?:\s+(?:more|others|of them|of those))?\s+(?:(?:will|would|could|are to|were to|are expected to|are set to|are due to|are going to|have|had)\s+)?(?:(be withdrawn|be pulled out|be brought home|leave|return home|come home|go home|withdraw)|(be sent|be deployed|deploy|arrive)|(remain|stay|be kept|be left))(?=\s*[.,;:!?]|\s+(?:in|at|on|behind|there|until|through|after|beyond|as|to|for|by|from|over|within|next|this|early|later|soon|before|when|under|immediately)\b)`,
  'giu',
);
/**
 * The level a figure just given is changed to: "The US has 5,200 troops in Iraq; that number will drop to 3,000".
 * Remaining after a fall, deployed after a rise; the unit is the figure's before it, like VERB_BARE's.
 */
const THAT_NUMBER = new RegExp(
  String.raw`\b[Tt](?:hat|his|he) (?:number|figure|total|force|level|presence|contingent)\s+(?:(?!of\b)[\p{L}’'-]+\s+){0,3}?(?:(drop|drops|dropping|dropped|fall|falls|fell|falling|shrink|shrinks|shrank|decline|declines|declined|be cut|be reduced|be lowered|be trimmed)|(rise|rises|rose|grow|grows|grew|increase|increases|increased|be raised|be increased|be boosted))\s+to\s+(?:(${QUALIFIERS})\s+)?(\d{1,3}(?:,\d{3})+|\d{3,})${BARE_END}`,
  'gu',
);
/** Units counting people, the only ones a bare number after a verb of sending or withdrawing takes over. */
const PEOPLE = new Set([
  'personnel',
  'troop',
  'soldier',
  'serviceman',
  'marine',
  'sailor',
  'adviser',
  'reservist',
  'paratrooper',
  'commando',
  'peacekeeper',
  'airman',
  'service member',
  'gurkha',
]);
/** Verbs whose subject gives a figure that is their object: "the Ministry of Defence announced 900 more troops". */
const SOURCE_VERB =
  /\b(?:said|says|say|announced|announces|estimated|estimates|assessed|assesses|reported|reports|confirmed|confirms|told|disclosed|revealed|claimed|claims)\b/gi;

/** Finds the force figures of an article. `quotes` give each figure its source. */
export function findFigures(
  doc: Document,
  quotes: Quote[],
  places: Entity[],
  nameSource?: (prefix: string, start: number) => string | null,
): Figure[] {
  const figures: Figure[] = [];
  const placeAt = (start: number, end: number, afterOnly: boolean): string | null => {
    let best: { name: string; distance: number } | null = null;
    for (const p of places) {
      for (const m of p.mentions) {
        if (m.start < start || m.end > end) continue;
        const prep = doc.body.slice(Math.max(0, m.start - 10), m.start);
        if (!/\b(?:in|into|at|to|for|from|inside|across|near)\s+(?:the\s+)?$/i.test(prep)) continue;
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

  for (const [index, sentence] of doc.sentences.entries()) {
    const text = sentence.text;
    FIGURE.lastIndex = 0;
    const numbers = hasNumber(text);
    for (let m = numbers ? FIGURE.exec(text) : null; m; m = FIGURE.exec(text)) {
      const mods = splitSpaces(m[4]!.trim());
      let unit: string | null = null;
      let unitWords = 0;
      const modifiers: string[] = [];
      for (let i = 0; i < mods.length; i++) {
        const w = mods[i]!.replace(/[.,]$/, '');
        const found = unitEntry(w);
        if (found) {
          // The head noun is the last of two unit words: "aircraft carriers" are carriers.
          const head = unitEntry((mods[i + 1] ?? '').replace(/[.,]$/, ''));
          unit = head ? head[1] : found[1];
          unitWords = head ? i + 2 : i + 1;
          break;
        }
        if (SYSTEMS.test(w) && modifiers.some((x) => /missile|defen[cs]e/i.test(x))) {
          unit = 'missile system';
          unitWords = i + 1;
          break;
        }
        if (MEMBERS.test(w) && MEMBER_KINDS.test(modifiers[modifiers.length - 1] ?? '')) {
          unit = 'service member';
          unitWords = i + 1;
          break;
        }
        if (/^men$/i.test(w) && MILITARY_CUE.test(text)) {
          unit = 'soldier';
          unitWords = i + 1;
          break;
        }
        if (MODIFIER_STOP.test(w) || /[,;]$/.test(mods[i]!)) break;
        // A number is a model's only right after its name ("Challenger 2"); anywhere else it starts a new count.
        if (/^\d/.test(w) && !/^[A-Z]/.test(mods[i - 1] ?? '')) break;
        // An initialism keeps its full stop ("2,500 U.S. troops"): it is part of the word, not punctuation.
        modifiers.push(/^(?:\p{Lu}\.)+$/u.test(mods[i]!) ? mods[i]! : w);
      }
      if (!unit) {
        FIGURE.lastIndex = m.index + (m[1]?.length ?? 0) + m[2]!.length + 1;
        continue;
      }
      // m[4] up to the unit: its split keeps the leading space as an empty first word.
      const unitText = m[4]!
        .split(/\s+/)
        .slice(0, unitWords + 1)
        .join(' ');
      const unitEnd = m.index + m[0].length - m[4]!.length + unitText.length;
      // "500 troops and 2 tanks", "six tanks and two frigates": a number after the unit is read again as a count.
      const nextCount = NEXT_COUNT.exec(m[4]!.slice(unitText.length));
      if (nextCount) FIGURE.lastIndex = unitEnd + nextCount.index;
      const lead = m[0].length - m[0].trimStart().length;
      const start = sentence.start + m.index + lead;
      const end = sentence.start + unitEnd;
      let min = parseNumber(m[2]!);
      const max = m[3] ? parseNumber(m[3]) : min;
      // "Challenger 2 tanks", "Boeing 737-800 planes": a model, not a count.
      const numText = m[3] ? m[0].slice(lead, m[0].indexOf(m[3], lead + m[2]!.length) + m[3].length) : m[2]!;
      if (!m[1] && isModelNumber(text.slice(0, m.index + lead), numText)) continue;
      // "between 8-10,000 troops": the lower bound shares the upper bound's thousands.
      if (m[3] && /,\d{3}$/.test(m[3]) && min < 100 && min * 1000 <= max) min *= 1000;
      if (
        !Number.isFinite(min) ||
        !Number.isFinite(max) ||
        (max < min && !/\bfrom\s+(?:\w+\s+)?$/i.test(text.slice(0, m.index)))
      ) {
        if (!(m[3] && /\bfrom\s+(?:\w+\s+)?$/i.test(text.slice(0, m.index + lead)))) continue;
      }
      const { before, after } = clauseAround(text, m.index + lead, unitEnd);
      if (!countsForces(unit, `${before} ${text.slice(m.index + lead, unitEnd)} ${after}`, text)) continue;
      // A four-digit year is not a count ("in 2007 troops …").
      if (!m[1] && !m[3] && /^(?:19|20)\d\d$/.test(m[2]!)) continue;
      let state = stateOf(after);
      if (state === 'unknown') state = stateOf(before);
      const added =
        modifiers.some((w) => ADDED.test(w)) || /^(?:another|an additional|an extra)$/i.test(m[1] ?? '');
      state = refineState(state, before, after, text.slice(unitEnd), added);
      // "withdraw 2,200 of its 5,200 troops": the whole is the force there before the change, not what changes.
      if (
        state !== 'unknown' &&
        /\d\s+of\s+(?:its|the|their|our|his|her)\s+$/i.test(text.slice(0, m.index + lead))
      )
        state = 'deployed';
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
    if (
      numbers &&
      (figures.length > 0 ||
        / of (?:its|the|their|our|his|her) |\b(?:from|by)\b|\bto\s+(?:[a-z]+\s+){0,3}\d|\d-strong\s/.test(
          text,
        ))
    )
      extraFigures(text, sentence.start, figures, placeAt, sourceAt);
    const since = doc.sentences[Math.max(0, index - 2)]!.start;
    // Only a figure in this sentence or the two before can lend its unit, so the patterns are not run otherwise.
    if (numbers && figures.some((f) => f.start >= since)) {
      carriedFigures(text, sentence.start, since, figures, placeAt, sourceAt);
    }
    // Named equipment with no count: "its powerful S-400 surface-to-air missile systems".
    if (!EQUIPMENT_HINT.test(text)) continue;
    for (const e of allMatches(
      /\b((?:S|SA|Su|MiG)-\d{2,3}|Patriot|THAAD|Iskander|Pantsir|Buk)\b((?:\s+[\p{L}-]+){0,3}?)\s+(missile systems?|systems?|batteries|missiles)\b/gu,
      text,
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
  for (const f of figures) if (f.source === null) f.source = sourceOfSentence(f, doc.body, nameSource);
  return dedupe(inheritBounds(figures, doc.body));
}

/**
 * The state when the verbs alone say nothing or too little: a withdrawal that is refused keeps the forces where
 * they are; forces "to remain" or "to stay" remain; forces announced or pledged as more ("announced 900 more troops",
 * "pledged 300 troops for Estonia") are being sent, so deployed; forces placed somewhere ("in Syria", "on the
 * ground") or moved there are deployed. `added` says the figure is more of something ("more", "additional").
 */
function refineState(
  state: FigureState,
  before: string,
  after: string,
  rawAfter: string,
  added = false,
): FigureState {
  if (NEGATED_WITHDRAWAL.test(`${before} ${after}`)) return 'remaining';
  if (state !== 'unknown') return state;
  if (STAY_AFTER.test(rawAfter)) return 'remaining';
  const pledged = PLEDGED.exec(before);
  if (
    pledged &&
    (added || pledged[0].includes(' a ') || /^\s*(?:for|to)\s+(?:the\s+)?\p{Lu}/u.test(rawAfter))
  )
    return 'deployed';
  if (LOCATED.test(rawAfter) || MOVED.test(before) || MOVED.test(after)) return 'deployed';
  return state;
}

/**
 * Figures the main pattern cannot see: partitives ("all 11 of its aircraft carriers"), a force counted by its
 * strength ("the 1,000-strong battle group"), a bare number that
 * restates the unit of a figure before it ("500 troops in Syria and 5,000 in Iraq") and the other end of a
 * transition ("shrink to 490,000 … from a wartime peak of 570,000", "from a high of 566,000 … to some 440,000
 * troops", "cut its force of 5,200 troops to 3,000"), whose earlier level is deployed and later level remaining after
 * a cut, and a transition with no unit after its numbers whose force noun comes before it ("reduce its forces in
 * Iraq from about 5,200 to 3,000").
 */
function extraFigures(
  text: string,
  base: number,
  figures: Figure[],
  placeAt: (start: number, end: number, afterOnly: boolean) => string | null,
  sourceAt: (offset: number) => string | null,
): void {
  const here: Figure[] = [];
  for (let i = figures.length - 1; i >= 0 && figures[i]!.start >= base; i--)
    if (figures[i]!.start < base + text.length) here.unshift(figures[i]!);
  const covered = (at: number) => here.some((f) => at >= f.start - base && at < f.end - base);
  const add = (
    at: number,
    len: number,
    value: number,
    qualifier: string | null,
    unit: string,
    state: FigureState,
    like?: Pick<Figure, 'who' | 'where'>,
  ) => {
    const f: Figure = {
      min: value,
      max: value,
      qualifier,
      unit,
      state,
      who: like?.who ?? whoFrom(text.slice(0, at)),
      where:
        placeAt(base + at + len, base + Math.min(text.length, at + len + 40), true) ?? like?.where ?? null,
      source: sourceAt(base + at),
      sentence: text,
      start: base + at,
      end: base + at + len,
    };
    figures.push(f);
    here.push(f);
    return f;
  };
  /**
   * The state of a figure a pattern matched at `numAt`, read from its clause, or null when the clause does not
   * count forces ("one of the vessels was sold", munitions used, airliners).
   */
  const forcesState = (unit: string, numAt: number, m: RegExpExecArray): FigureState | null => {
    const end = m.index + m[0].length;
    const { before, after } = clauseAround(text, numAt, end);
    if (!countsForces(unit, `${before} ${m[0]} ${after}`, text)) return null;
    return refineState(stateOf(`${before} ${after}`), before, after, text.slice(end));
  };
  for (const m of / of (?:its|the|their|our|his|her) /.test(text) ? allMatches(PARTITIVE, text) : []) {
    const numAt = m.index + (m[0].length - m[0].trimStart().length);
    if (covered(numAt)) continue;
    const words = splitSpaces(`${m[3] ?? ''}${m[4]}`.trim());
    const heads = words.map((w) => UNITS.find(([re]) => re.test(w))?.[1]);
    const unit = [...heads].reverse().find(Boolean);
    // "one of the vessels" is one thing, not a count.
    if (!unit || /^(?:one|a)$/i.test(m[2]!)) continue;
    const state = forcesState(unit, numAt, m);
    if (!state) continue;
    add(numAt, m[0].length, parseNumber(m[2]!), m[1]?.toLowerCase() ?? null, unit, state);
  }
  for (const m of text.includes('-strong') ? allMatches(STRENGTH, text) : []) {
    const numAt = m.index + (m[1] ? m[0].indexOf(m[2]!) : 0);
    if (covered(numAt)) continue;
    const state = forcesState('troop', numAt, m);
    if (!state) continue;
    add(
      numAt,
      m.index + m[0].length - numAt,
      parseNumber(m[2]!),
      m[1]?.toLowerCase() ?? null,
      'troop',
      state,
    );
  }
  for (const m of here.length > 0 ? allMatches(ELLIPTICAL, text) : []) {
    const numAt = m.index + (m[1] ? m[0].indexOf(m[2]!) : 0);
    const value = parseNumber(m[2]!);
    if (covered(numAt) || /^(?:19|20)\d\d$/.test(m[2]!)) continue;
    const like = [...here].reverse().find((f) => f.start - base < numAt && f.counted !== false);
    if (!like) continue;
    const { before, after } = clauseAround(text, numAt, numAt + m[2]!.length);
    const state = refineState(stateOf(after), before, after, text.slice(numAt + m[2]!.length));
    add(
      numAt,
      m[2]!.length,
      value,
      m[1]?.toLowerCase() ?? null,
      like.unit,
      state === 'unknown' ? like.state : state,
      like,
    );
  }
  for (const m of here.length > 0 && / from /.test(text) ? allMatches(UP_DOWN_FROM, text) : []) {
    const numAt = m.index + m[0].length - m[2]!.length;
    if (covered(numAt) || /^(?:19|20)\d\d$/.test(m[2]!)) continue;
    const like = [...here].reverse().find((f) => f.end - base <= m.index && f.counted !== false);
    // Only right after the figure it restates: no other number between but a year.
    if (!like || /\d/.test(text.slice(like.end - base, m.index).replace(/\b(?:19|20)\d\d\b/g, ''))) continue;
    add(numAt, m[2]!.length, parseNumber(m[2]!), m[1]?.toLowerCase() ?? null, like.unit, 'deployed', like);
  }
  if (!/\bto\b/.test(text)) return;
  const cut = CUT.test(text);
  // "cut its force of 5,200 troops to 3,000": the figure is the level before, the bare number the level after.
  for (const known of [...here]) {
    if (known.counted === false || known.min !== known.max) continue;
    const to = CHANGED_TO.exec(text.slice(known.end - base));
    if (!to) continue;
    const { before } = clauseAround(text, known.start - base, known.end - base);
    if (!CHANGE.test(before) || /\bfrom\s+(?:[\p{L}-]+\s+)?$/iu.test(before)) continue;
    if (NOT_A_LEVEL.test(before) || /^(?:19|20)\d\d$/.test(to[2]!)) continue;
    const at = known.end - base + to[0].length - to[2]!.length;
    const later = parseNumber(to[2]!);
    // "cut … by 4,000 troops to 8,600": the figure is the change, withdrawn in a cut and sent in a rise.
    const by = /\bby\s+(?:[\p{L}-]+\s+)?$/iu.test(before);
    const down = CUT.test(before);
    known.state = by ? (down ? 'withdrawn' : 'deployed') : 'deployed';
    const laterState = by ? (down ? 'remaining' : 'deployed') : levelAfter(known.min, later);
    add(at, to[2]!.length, later, to[1] ?? null, known.unit, laterState, known);
  }
  for (const [re, fromFirst] of /\bfrom\b/.test(text)
    ? ([
        [TRANSITION_FROM_TO, true],
        [TRANSITION_TO_FROM, false],
      ] as const)
    : []) {
    re.lastIndex = 0;
    for (const m of allMatches(re, text)) {
      const firstAt = m.index + m[0].indexOf(m[1]!);
      const secondAt = m.index + m[0].lastIndexOf(m[3]!);
      const first = here.find(
        (f) => f.start - base <= firstAt && f.end - base > firstAt && f.counted !== false,
      );
      const second = here.find(
        (f) => f.start - base <= secondAt && f.end - base > secondAt && f.counted !== false,
      );
      const known = first ?? second;
      if (!known || (first && second)) continue;
      const [earlierAt, earlierText, laterAt, laterText] = fromFirst
        ? [firstAt, m[1]!, secondAt, m[3]!]
        : [secondAt, m[3]!, firstAt, m[1]!];
      const laterState: FigureState = cut ? 'remaining' : 'deployed';
      const missingAt = first ? secondAt : firstAt;
      const missingText = first ? m[3]! : m[1]!;
      if (/^(?:19|20)\d\d$/.test(missingText)) continue;
      const made = add(
        missingAt,
        missingText.length,
        parseNumber(missingText),
        null,
        known.unit,
        'unknown',
        known,
      );
      for (const [f, at] of [
        [made, missingAt],
        [known, known === first ? firstAt : secondAt],
      ] as const) {
        f.state = at === earlierAt ? 'deployed' : laterState;
      }
      void earlierText;
      void laterAt;
      void laterText;
    }
  }
  /**
   * The force a transition with no unit of its own is about: a force noun in the clause before it, after a verb of
   * change in the twelve words before it (the verb may sit before a clause break the noun is after: "ordered a cut
   * to the military presence"), and not a share, sum or opinion. Whose forces and where come from that clause.
   */
  const forceBefore = (m: RegExpMatchArray) => {
    const { before, after } = clauseAround(text, m.index!, m.index! + m[0].length);
    const unit = forceNounBefore(before);
    const approach = /(?:\S+\s+){0,12}$/u.exec(text.slice(0, m.index))![0];
    if (!unit || !CHANGE.test(approach) || NOT_A_LEVEL.test(approach)) return null;
    if (!countsForces(unit, `${before} ${m[0]} ${after}`, text)) return null;
    const like = {
      who: whoFrom(before),
      where: placeAt(base + m.index! - before.length, base + m.index!, false),
    };
    return { unit, approach, like };
  };
  // "Troop levels were reduced from about 5,200 to 3,000": no unit after the numbers, a force noun before them.
  // Each pattern spells its "from" or "by" in lower case (they are case-sensitive): a sentence without the word is
  // not scanned for it.
  const hasFrom = text.includes('from');
  const hasBy = text.includes('by');
  for (const [re, order] of [
    [BARE_FROM_TO, 'from'],
    [BARE_TO_FROM, 'to'],
    [BARE_BY_TO, 'by'],
  ] as const) {
    if (!(order === 'by' ? hasBy : hasFrom)) continue;
    for (const m of allMatches(re, text)) {
      const firstAt = m.index + m[0].indexOf(m[2]!, m[0].indexOf(' ') + (m[1]?.length ?? 0));
      const secondAt = m.index + m[0].length - m[4]!.length;
      if (covered(firstAt) || covered(secondAt)) continue;
      if ([m[2]!, m[4]!].some((n) => /^(?:19|20)\d\d$/.test(n))) continue;
      const force = forceBefore(m);
      if (!force) continue;
      const { unit, approach, like } = force;
      const [first, second] = [parseNumber(m[2]!), parseNumber(m[4]!)];
      const down = CUT.test(approach);
      const [firstState, secondState]: [FigureState, FigureState] =
        order === 'from'
          ? ['deployed', levelAfter(first, second)]
          : order === 'to'
            ? [levelAfter(second, first), 'deployed']
            : down
              ? ['withdrawn', 'remaining']
              : ['deployed', 'deployed'];
      add(firstAt, m[2]!.length, first, m[1] ?? null, unit, firstState, like);
      add(secondAt, m[4]!.length, second, m[3] ?? null, unit, secondState, like);
    }
  }
  // "The number of American troops in Iraq will drop to 3,000": only the level after the change, which is what
  // remains after a cut and what is deployed after a rise.
  for (const m of allMatches(BARE_TO, text)) {
    const at = m.index + m[0].length - m[2]!.length;
    if (covered(at) || /^(?:19|20)\d\d$/.test(m[2]!)) continue;
    const force = forceBefore(m);
    if (!force) continue;
    const { unit, approach, like } = force;
    add(
      at,
      m[2]!.length,
      parseNumber(m[2]!),
      m[1] ?? null,
      unit,
      CUT.test(approach) ? 'remaining' : 'deployed',
      like,
    );
  }
}

/**
 * The unit a force noun in the last words of a clause gives a transition with no unit of its own: "troops",
 * "forces", "its contingent" and "the military presence" count troops; a unit word counts itself.
 */
function forceNounBefore(before: string): string | null {
  const words = splitSpaces(before.trim()).slice(-8);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (FORCE_BEFORE.test(w)) return 'troop';
    if (PRESENCE.test(w) && PRESENCE_KIND.test(words[i - 1] ?? '')) return 'troop';
    const entry = unitEntry(w);
    if (entry) return entry[1];
  }
  return null;
}

/**
 * The state of the level a force is changed to: what is left after a cut is remaining, a larger force is deployed.
 * Read from the numbers, since "went from 100,000 to 8,400" says which way only through them.
 */
function levelAfter(earlier: number, later: number): FigureState {
  return later < earlier ? 'remaining' : 'deployed';
}

/**
 * A bare number after a verb of sending, withdrawing or keeping takes the unit of the last figure about people in
 * its own sentence or the two before: "The US has 5,200 troops in Iraq. The Pentagon said it would withdraw
 * 2,200." Only digits of at least three figures, so a verb's ordinary objects ("sent 12 letters" has its own noun
 * and never matches) and small counts are left alone; money, percentages and years never follow the verb bare.
 */
function carriedFigures(
  text: string,
  base: number,
  since: number,
  figures: Figure[],
  placeAt: (start: number, end: number, afterOnly: boolean) => string | null,
  sourceAt: (offset: number) => string | null,
): void {
  // Each of the three patterns takes a number of three digits or more ("2,200", "500"): a text without three digits in
  // a row has no match.
  if (!/\d{3}/.test(text)) return;
  const found = [
    ...allMatches(VERB_BARE, text).map((m) => ({
      value: m[5]!,
      at: m.index + m[0].length - m[5]!.length,
      qualifier: m[4] ?? null,
      state: (m[1] ? 'withdrawn' : m[2] ? 'deployed' : 'remaining') as FigureState,
    })),
    ...allMatches(SUBJECT_BARE, text).map((m) => ({
      value: m[2]!,
      at: m.index + m[0].indexOf(m[2]!, m[1]?.length ?? 0),
      qualifier: m[1]?.toLowerCase() ?? null,
      state: (m[3] ? 'withdrawn' : m[4] ? 'deployed' : 'remaining') as FigureState,
    })),
    // A number a survey or a poll gave is not a force's level, even right after one ("the survey found that number
    // had dropped to …").
    ...allMatches(THAT_NUMBER, text)
      .filter((m) => !NOT_A_LEVEL.test(text.slice(0, m.index)))
      .map((m) => ({
        value: m[4]!,
        at: m.index + m[0].length - m[4]!.length,
        qualifier: m[3] ?? null,
        state: (m[1] ? 'remaining' : 'deployed') as FigureState,
      })),
  ].sort((a, b) => a.at - b.at);
  for (const { value, at, qualifier, state } of found) {
    if (/^(?:19|20)\d\d$/.test(value)) continue;
    if (figures.some((f) => f.start <= base + at && f.end > base + at)) continue;
    const like = figures.findLast(
      (f) =>
        f.start >= since && f.start < base + at && f.counted !== false && !f.headline && PEOPLE.has(f.unit),
    );
    if (!like) continue;
    const { before, after } = clauseAround(text, at, at + value.length);
    if (NOT_FORCES.test(`${before} ${after}`)) continue;
    figures.push({
      min: parseNumber(value),
      max: parseNumber(value),
      qualifier,
      unit: like.unit,
      state: refineState(state, before, after, text.slice(at + value.length)),
      who: like.who,
      where:
        placeAt(base + at + value.length, base + Math.min(text.length, at + value.length + 40), true) ??
        like.where,
      source: sourceAt(base + at),
      sentence: text,
      start: base + at,
      end: base + at + value.length,
    });
  }
}

/**
 * The source of a figure no quote covers: the subject of a verb of saying before it in its sentence ("the Ministry
 * of Defence announced 900 more troops", "the Pentagon assessed there were as many as 14,500 fighters").
 */
function sourceOfSentence(
  f: Figure,
  body: string,
  nameSource: ((np: string, start: number) => string | null) | undefined,
): string | null {
  if (!nameSource) return null;
  const sentenceStart = f.start - f.sentence.indexOf(body.slice(f.start, f.end));
  const prefix = body.slice(sentenceStart, f.start);
  let verb: RegExpExecArray | null = null;
  SOURCE_VERB.lastIndex = 0;
  for (let m = SOURCE_VERB.exec(prefix); m; m = SOURCE_VERB.exec(prefix)) verb = m;
  if (!verb) return null;
  return nameSource(prefix.slice(0, verb.index), sentenceStart);
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

/**
 * "US To Withdraw 2,200 Troops From Iraq" → "US to withdraw 2,200 troops from Iraq": a headline in title case has
 * its ordinary words lower-cased (names, places and acronyms kept), so the body's rules read it. Same length, so
 * offsets hold.
 */
function sentenceCase(title: string): string {
  const words = title.match(/\p{L}[\p{L}’'-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  if (long.length === 0 || long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length < 0.6) return title;
  return title.replace(/\p{L}[\p{L}’'-]*/gu, (w, offset: number) =>
    offset > 0 && /^\p{Lu}\p{Ll}/u.test(w) && isCommonWord(w) ? w.toLowerCase() : w,
  );
}

/**
 * Figures the headline gives that the body does not restate ("US to withdraw 2,200 troops from Iraq" over a body
 * that only says "the drawdown"). The headline is read as one more sentence with the same rules; places are the
 * body's, found again by name in the headline. Nobody is quoted in a headline, so the source is null.
 */
export function findHeadlineFigures(
  title: string,
  body: readonly Figure[],
  places: readonly Entity[],
): Figure[] {
  if (!hasNumber(title)) return [];
  const titlePlaces = places.flatMap((p) => {
    const mentions: Entity['mentions'] = [];
    for (let at = title.indexOf(p.name); at >= 0; at = title.indexOf(p.name, at + 1))
      mentions.push({ start: at, end: at + p.name.length });
    return mentions.length > 0 ? [{ ...p, mentions }] : [];
  });
  return findFigures(segment(sentenceCase(title)), [], titlePlaces)
    .filter((f) => !body.some((b) => b.min === f.min && b.max === f.max && b.unit === f.unit))
    .map((f) => ({ ...f, source: null, sentence: title, headline: true as const }));
}
