/**
 * Scores the extractor's quotes against PolNeAR (Newell, Margolin & Ruths 2018: 1,008 US political news articles
 * from 2016 by seven outlets, every attribution annotated by others as source / cue / content spans). The corpus is
 * not part of this repository: give the path of a fetched copy (the folder holding `data/`; see
 * scripts/eval-rebuild.ts), e.g. `npm run eval -- --polnear /work/corpora/polnear --split dev`.
 *
 * How PolNeAR's attributions map to what the extractor returns:
 * - Each article file is `title\n\nbody`; annotation offsets count Unicode code points over the whole file. They are
 *   converted to UTF-16 offsets into the body. Attributions in the title are dropped (the extractor reads quotes from
 *   the body only). Where an article was annotated by several annotators, the first annotation file by name is used.
 * - The content of an attribution (all its discontinuous pieces) is split into words inside and outside quotation
 *   marks (“…”, "…", ''…'', paired within a paragraph).
 *   - **direct**: every content word is inside quotation marks. 'conceded that "…"' is partial, as in
 *     the project's own evaluation set (tests/fixtures/eval). Found when the
 *     extractor's `direct` quotes cover at least 60% of its words; an extracted direct quote is right when at least
 *     60% of its words sit in gold direct quotes (span overlap, so PolNeAR's one attribution over several quoted
 *     sentences and the extractor's one quote per pair of marks still meet).
 *   - **partial**: some content words are quoted and some are not (said there was "no collusion"), with a cue of
 *     saying. Found when the extractor's `reported` quotes cover at least half of the content's words.
 *   - An attribution mixing quoted and unquoted words is read sentence by sentence, because PolNeAR often makes one
 *     attribution of a paraphrase and the quoted sentences around it ('Sanders "has a real position," Sroka said.
 *     "This movement now…"'), while the classes are per sentence: a reader of `/quotes` sees the first as a
 *     partial quote and the second as a direct one. So each sentence of its content with every word quoted is a
 *     direct quote, each with no word quoted is reported speech, and only a sentence that mixes the two is a partial
 *     quote. A wholly quoted sentence is direct whatever the cue, as a wholly quoted attribution is: 'continued his
 *     remarks. "…"' or 'delivered a retort: "…"' holds a direct quote even though "continued" and "retort" are not
 *     verbs of saying (until 2026-11-30 such an attribution was kept whole as "other", and a direct quote found on
 *     it counted as a false alarm); its unquoted or mixed sentences follow the cue as below. Sentences
 *     end at ".", "?" or "!" outside quotation marks before a capital or an opening mark (not after "Mr." or an
 *     initial), at a colon before a quoted sentence, and at line breaks; the scorer splits them itself rather than with the extractor's splitter.
 *     Until 2026-11-29 the scorer kept the whole attribution as one partial quote; that stricter reading is in git
 *     history, and the project's notes give both figures for the commit measured.
 *   - **reported**: no content word is quoted and the cue is a verb of saying that reports a proposition (say, tell,
 *     claim, suggest, ask, according to …; the list is below and independent of the extractor's lexicon). Found
 *     when the extractor's `reported` quotes cover at least half of its words.
 *   - **other**: every other attribution: cues of belief, intention or perception (think, want, believe, know …),
 *     of evaluation or action (accuse, criticize, praise, urge, call for, propose, describe …) and sourceless
 *     "reportedly". The extractor deliberately does not report these; an extracted quote that falls on one is
 *     neither a hit nor a false alarm.
 *   Reported precision counts as false alarms the extracted `reported` quotes that match no gold attribution.
 * - Two more figures, printed in brackets, are looser still and are not what the targets are checked against.
 *   Direct precision is also given leaving out the extracted direct quotes that still fall on a partial sentence
 *   (one that follows the reporter's framing, 'warned that "…"', or a quote the annotators took together with the
 *   paraphrase of it). And partial quotes found by direct and reported quotes together, for a partial sentence whose
 *   quoted part the extractor returns as a direct quote.
 * - **Speakers** are scored only where the gold source carries a name (a capitalised name ending the source or its
 *   first comma part: "Trump", "Sen. Tim Kaine", "Kellyanne Conway, Trump's campaign manager", "The New York Post").
 *   The name is expanded to the fullest form the article writes that ends in the same word ("Trump" → "Donald J.
 *   Trump"), which is what `/quotes speaker:` should show. Pronoun and description sources ("he", "a source",
 *   "officials") are not scored because PolNeAR does not link them to an entity. "Full name right" compares the
 *   whole name (middle initials ignored), "surname right" only its last word. A transcript label in capitals
 *   ("PENCE") is expanded as the name it spells; a possessor ending in a bare apostrophe ("Fox News’ Sean Hannity")
 *   is not part of the name, nor is a hyphenated title ("Post Editor-in-Chief Martin Baron" → "Martin Baron").
 *   Where the expansion stops at the surname because the given name is also an English word ("Frank Nervo", "Gene
 *   Sperling"), an extracted full name counts as right when its other words are the only capitalised words the
 *   article writes right before that surname.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extract, type Quote } from '../src/extract/index.ts';
import { lexiconTags } from '../src/extract/lexicon.ts';
import { fmt, normSpeaker, pct } from './eval-score.ts';

interface Span {
  start: number;
  end: number;
}
interface GoldAttribution {
  kind: 'direct' | 'partial' | 'reported' | 'other';
  content: Span[];
  text: string;
  source: string | null;
  sourceStart: number;
  cue: string;
  /** The name a speaker should carry, or null when the source is not named. */
  fullName: string | null;
  surname: string | null;
  /**
   * The capitalised words the article writes right before the surname (titles left out): {"Frank"} for "Justice
   * Frank Nervo … Nervo said". A given name the lexicon also knows as a word ("Frank", "Gene") is not in `nameRuns`,
   * so the expansion stops at the surname; an extracted "Frank Nervo" is still the article's one full form of it.
   */
  givenBefore: Set<string>;
}

/** Cue words that make an unquoted attribution reported speech (stems, matched at a word start). */
const SPEECH_CUES =
  /\b(?:say|said|tell|told|add|state[sd]?\b|stating|announc|claim|warn|insist|not(?:e|ed|es|ing)\b|explain|argu|conced|acknowledg|admit|predict|report(?:s|ed|ing)?\b|writ|wrote|tweet|declar|den(?:y|ied|ies)|assert|contend|suggest|complain|point(?:ed|s|ing)? out|recall|repl|respond|ask|promis|pledg|vow|confirm|alleg|estimat|maintain|testif|according|indicat|reveal|disclos|repeat|reiterat|emphasi|stress|mention|remark|observ|boast|jok|quip|caution|threaten|post(?:s|ed|ing)?\b|counter|conclud|assur|acknowledg|specul|reason|wonder)/i;

const TITLES = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'dr',
    'sen',
    'senator',
    'rep',
    'representative',
    'gov',
    'governor',
    'president',
    'vice',
    'secretary',
    'gen',
    'general',
    'lt',
    'col',
    'adm',
    'admiral',
    'judge',
    'justice',
    'mayor',
    'speaker',
    'chairman',
    'chief',
    'former',
    'attorney',
    'prime',
    'minister',
    'candidate',
    'nominee',
    'sgt',
    'capt',
    'rev',
    'pope',
    'king',
    'queen',
    'prince',
    'leader',
    'majority',
    'minority',
    'democratic',
    'republican',
    'gop',
    'presidential',
    'white',
    'house',
    'press',
    'campaign',
    'manager',
    'spokesman',
    'spokeswoman',
    'democrat',
    'del',
    'assemblyman',
    'assemblywoman',
    'founder',
    'whip',
    'senators',
    'u.s',
    'us',
  ].map((t) => t.toLowerCase()),
);

/** Maps code-point offsets of `text` to UTF-16 offsets. */
function codePointMap(text: string): number[] {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

/** Spans of the body that sit inside quotation marks, paired within each paragraph. */
function quotedRegions(body: string): Span[] {
  const out: Span[] = [];
  let paraStart = 0;
  for (const para of body.split('\n')) {
    const marks = [...para.matchAll(/“|”|''|``|"/g)];
    let open: number | null = null;
    let openKind = '';
    for (const m of marks) {
      const at = paraStart + m.index;
      const k = m[0];
      if (open === null) {
        if (k === '”') continue;
        open = at + k.length;
        openKind = k;
      } else if (
        (openKind === '“' && (k === '”' || k === '"')) ||
        (openKind === '"' && (k === '"' || k === '”')) ||
        ((openKind === "''" || openKind === '``') && k === "''")
      ) {
        out.push({ start: open, end: at });
        open = null;
      } else if (k === '“' || k === '``') {
        open = at + k.length;
        openKind = k;
      }
    }
    if (open !== null) out.push({ start: open, end: paraStart + para.length });
    paraStart += para.length + 1;
  }
  return out;
}

/** "Ki-moon", "Geun-hye": the given name of an East Asian name, so the word before it ("Ban", "Park") is the surname. */
const HYPHENATED_GIVEN = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;

const NAME_WORD = /^(?:\p{Lu}[\p{L}’'.-]*|al|el|de|van|von|bin|der|la|le|du|da|di)$/u;

/** A trailing capitalised name in `text` with its title words stripped ("Sen. Tim Kaine" → "Tim Kaine"). */
function trailingName(text: string): string | null {
  const ws = text
    .trim()
    .replace(/[,.;:]+$/, '')
    .split(/\s+/);
  let i = ws.length;
  while (
    i > 0 &&
    NAME_WORD.test(ws[i - 1]!) &&
    (nameWord(ws[i - 1]!) || i === ws.length || /^\p{Ll}/u.test(ws[i - 1]!))
  ) {
    if (
      !nameWord(ws[i - 1]!) &&
      /^\p{Lu}/u.test(ws[i - 1]!) &&
      i < ws.length &&
      !(i === ws.length - 1 && HYPHENATED_GIVEN.test(ws[i]!))
    )
      break;
    i--;
  }
  let name = ws.slice(i);
  while (name.length > 0 && !/^\p{Lu}/u.test(name[0]!)) name = name.slice(1);
  while (name.length > 0 && TITLES.has(name[0]!.toLowerCase().replace(/\.$/, ''))) name = name.slice(1);
  if (name.length === 0) return null;
  const lowerFirst = name[0]!.toLowerCase();
  if (/^(?:the|a|an|he|she|they|it|i|we|you|this|that|his|her|their|its|one|some|many)$/.test(lowerFirst))
    name = name.slice(1);
  if (name.length === 0) return null;
  return name.join(' ').replace(/[’']s$/, '');
}

/** The named part of a gold source, or null for pronouns and descriptions. */
function sourceName(raw: string): string | null {
  // "Gov. Terry E. Branstad of Iowa, who …": the name is before "of"; "HuffPo's Sam Stein": after the possessive.
  // "Rep. G.K. Butterfield (D-N.C.), head of …": a parenthetical party and state is not part of the name.
  const source = raw
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/^(.*?\p{Lu}[\p{L}.’'-]*)\s+(?:of|from|in|at)\s+\p{Lu}.*$/u, '$1');
  for (const part of source.split(/\s*,\s*/)) {
    const name = trailingName(part);
    // "a longtime adviser to Trump", "26 percent of Democrats": a name after a preposition is not the source.
    const head = name ? part.slice(0, part.lastIndexOf(name.split(' ')[0]!)) : '';
    if (name && /\b(?:to|of|for|with|by|at|from|in|on|about|among|who|that)\s/.test(head)) return null;
    if (name) return name;
    break;
  }
  const parts = source.split(/\s*,\s*/);
  if (parts.length > 1) return trailingName(parts[1]!);
  return null;
}

const STOP =
  /^(?:the|a|an|and|but|or|as|at|in|on|by|for|of|to|with|from|when|while|after|before|if|so|then|yet|said|says|told|according|mr|mrs|ms|dr|via|photo|credit|reuters|ap)$/i;

/** True for a word that can be part of a person's or outlet's name ("Ted", "J.", "O'Rourke"), not a place or title. */
function nameWord(w: string): boolean {
  if (!/^\p{Lu}/u.test(w) || /[’']s?$/.test(w)) return false;
  const bare = w.replace(/\.$/, '').toLowerCase();
  if (TITLES.has(bare) || STOP.test(bare)) return false;
  // A hyphenated title ("Editor-in-Chief", "Secretary-Treasurer") is a title by its parts, not a name.
  if (bare.includes('-') && bare.split('-').some((part) => TITLES.has(part))) return false;
  if (/^\p{Lu}\.?$/u.test(w)) return true;
  if (/^(?:bill|will|pat|rush|chuck|hope|grace|joy|rand|newt|mitt|jeb|ben|tim)$/.test(bare)) return true;
  const tags = lexiconTags(bare);
  // A first or last name, or a word the lexicon does not know; "Billionaire", "Pastor", "Continued" are not names.
  return tags.length === 0 || tags.some((t) => /Name$|^Person$/.test(t));
}

/** Capitalised runs of the body with their positions, cut to their trailing name words, for full-name expansion. */
function nameRuns(body: string): Array<{ name: string; start: number }> {
  const out: Array<{ name: string; start: number }> = [];
  for (const m of body.matchAll(
    /\p{Lu}[\p{L}’'.-]*(?:[ ]+(?:(?:al|el|de|van|von|bin|der|la|le|du|da|di)[ ]+)?\p{Lu}[\p{L}’'.-]*)*/gu,
  )) {
    // A run never crosses a sentence end: "State. Clinton" is two runs.
    for (const piece of m[0].split(/(?<=[\p{Ll}\p{Lu}]{2}\.)\s+/u)) {
      let ws = piece.split(/\s+/).map((w) => w.replace(/(?<=\p{L}{2})\.$/u, ''));
      // "Donald Trump’s campaign": a possessive ends the name ("Donald Trump").
      const owner = ws.findIndex((w) => /\p{L}[’']s$|s[’']$/u.test(w));
      if (owner >= 0) ws = [...ws.slice(0, owner), ws[owner]!.replace(/[’']s$|(?<=s)[’']$/, '')];
      // The last word is the surname whatever the lexicon says of it ("Cook", "Young", "Cuban"); the words before
      // it must look like given names or initials.
      const lastWord = ws[ws.length - 1]!;
      if (!/^\p{Lu}/u.test(lastWord) || STOP.test(lastWord) || TITLES.has(lastWord.toLowerCase())) continue;
      let i = ws.length - 1;
      while (
        i > 0 &&
        (nameWord(ws[i - 1]!) ||
          /^(?:al|el|de|van|von|bin|der|la|le|du|da|di)$/.test(ws[i - 1]!) ||
          (i === ws.length - 1 && HYPHENATED_GIVEN.test(lastWord) && /^\p{Lu}\p{Ll}+$/u.test(ws[i - 1]!)))
      )
        i--;
      const name = ws.slice(i);
      if (name.length > 0 && name.length <= 4)
        out.push({ name: name.join(' '), start: m.index + m[0].indexOf(piece) + piece.indexOf(name[0]!) });
    }
  }
  return out;
}

/** "Trump" → the fullest name in the article that ends in "Trump" and contains every word of it. */
function expandName(name: string, runs: Array<{ name: string; start: number }>, at: number): string {
  const want = name.split(' ');
  const surname = want[want.length - 1]!;
  let best = name;
  let bestLen = want.length;
  let bestDist = Infinity;
  for (const r of runs) {
    const ws = r.name.split(' ');
    if (ws[ws.length - 1] !== surname || !want.every((w) => ws.includes(w))) continue;
    const dist = r.start <= at ? at - r.start : 1e9 + r.start - at;
    if (ws.length > bestLen || (ws.length === bestLen && dist < bestDist && ws.length > want.length)) {
      best = r.name;
      bestLen = ws.length;
      bestDist = dist;
    }
  }
  return best;
}

function givenBefore(text: string, surname: string): Set<string> {
  const out = new Set<string>();
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Up to two words, then any middle initials: "Kathleen Hall Jamieson", "Robert A. Pruzan".
  const pattern = new RegExp(`((?:\\p{Lu}[\\p{L}’'.-]* ){1,2})(?:\\p{Lu}\\. )*${escaped}\\b`, 'gu');
  for (const m of text.matchAll(pattern)) {
    const ws = m[1]!.trim().split(' ');
    // Words before a possessor ("Reagan's Gallup") are not part of the name.
    const owner = ws.findLastIndex((w) => /[’']s?$/.test(w));
    for (const [i, w] of ws.slice(owner + 1).entries()) {
      const bare = w.toLowerCase().replace(/\.$/, '');
      // Of two words, the first is a given name only when the lexicon says so ("Kathleen Hall Jamieson"), not a
      // title it does not know ("Counsel James A. Baker", "Officer Joseph Beinlich").
      if (i === 0 && ws.length - owner - 1 === 2 && !lexiconTags(bare).some((t) => /Name$/.test(t))) continue;
      // Titles, initials and the function words that open a sentence ("But Nervo said") are not given names.
      if (TITLES.has(bare) || STOP.test(bare) || /^\p{Lu}\.?$/u.test(w)) continue;
      if (
        lexiconTags(bare).some((t) =>
          /^(?:Conjunction|Preposition|Determiner|Pronoun|Adverb|QuestionWord|Verb|PastTense)$/.test(t),
        )
      )
        continue;
      out.add(w);
    }
  }
  return out;
}

function withoutInitials(name: string): string {
  return normSpeaker(name)
    .split(' ')
    .filter((w) => !/^\p{L}\.?$/u.test(w))
    .join(' ');
}

function parseAnn(ann: string): Array<{ content: Span[]; source: Span[]; cue: Span[] }> {
  const spans = new Map<string, { type: string; spans: Span[] }>();
  const out: Array<{ content: Span[]; source: Span[]; cue: Span[] }> = [];
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const [id, info] = line.split('\t');
    if (!id || !info) continue;
    if (id.startsWith('T')) {
      const sp = info.indexOf(' ');
      const type = info.slice(0, sp);
      const ranges = info
        .slice(sp + 1)
        .split(';')
        .map((r) => {
          const [a, b] = r.trim().split(' ').map(Number);
          return { start: a!, end: b! };
        });
      spans.set(id, { type, spans: ranges });
    } else if (id.startsWith('E')) events.push(info);
  }
  for (const info of events) {
    const [head, ...args] = info.split(' ');
    if (!head || !/^Attribution/.test(head)) continue;
    const a = { content: [] as Span[], source: [] as Span[], cue: [] as Span[] };
    for (const arg of args) {
      const [role, ref] = arg.split(':');
      const t = ref ? spans.get(ref) : undefined;
      if (!role || !t) continue;
      if (role.startsWith('Content')) a.content.push(...t.spans);
      else if (role.startsWith('Source')) a.source.push(...t.spans);
      else if (role.startsWith('Cue')) a.cue.push(...t.spans);
    }
    if (a.content.length > 0) out.push(a);
  }
  return out;
}

/** Words of `content` inside and outside quotation marks. */
function quotedShare(
  body: string,
  content: Span[],
  inQuote: (o: number) => boolean,
): { inside: number; outside: number } {
  let inside = 0;
  let outside = 0;
  for (const s of content)
    for (const m of body.slice(s.start, s.end).matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu)) {
      if (inQuote(s.start + m.index)) inside++;
      else outside++;
    }
  return { inside, outside };
}

/** Abbreviations a full stop follows without ending the sentence ("Mr. Trump", "Sen. Kaine", "U.S. troops"). */
const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Rev|St|Jr|Sr|No|Inc|Corp|Co|Ltd|Ft|Mt|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|vs|\p{L}|(?:\p{L}\.)+\p{L})$/u;

/**
 * Offsets where a sentence of the body ends: after ".", "?" or "!" (and any closing marks) outside quotation marks,
 * before a capital or an opening mark, after a colon that introduces a quoted sentence ('two choices: "You…"'), and
 * at every line break. A full stop inside a quotation does not end the
 * sentence the quotation sits in. Written here, not taken from the extractor, so the scorer does not grade the
 * extractor's own sentence splitting.
 */
function sentenceEnds(body: string, inQuote: (o: number) => boolean): number[] {
  const out: number[] = [];
  for (const m of body.matchAll(
    /[.?!]+[”"’']*(?=[ \t]+(?:''|``|[“"‘'])?\p{Lu})|:(?=[ \t]+(?:''|``|[“"‘'])\p{Lu})|\n/gu,
  )) {
    const end = m.index + m[0].length;
    if (
      m[0] !== '\n' &&
      (inQuote(end) ||
        (m[0].startsWith('.') && ABBREVIATION.test(body.slice(Math.max(0, m.index - 12), m.index))))
    )
      continue;
    out.push(end);
  }
  return out;
}

/** `content` cut at sentence ends: one list of spans per sentence it touches. */
function bySentence(content: Span[], ends: number[]): Span[][] {
  const out: Span[][] = [];
  let current: Span[] = [];
  let e = 0;
  for (const s of content) {
    let start = s.start;
    while (e < ends.length && ends[e]! <= start) {
      if (current.length > 0) out.push(current);
      current = [];
      e++;
    }
    while (e < ends.length && ends[e]! < s.end) {
      if (ends[e]! > start) current.push({ start, end: ends[e]! });
      out.push(current);
      current = [];
      start = ends[e]!;
      e++;
    }
    if (s.end > start) current.push({ start, end: s.end });
  }
  if (current.length > 0) out.push(current);
  return out.filter((c) => c.length > 0);
}

/** Reads one article and its gold attributions, in body offsets. */
export async function readPolnearArticle(
  root: string,
  split: string,
  name: string,
  annFile: string,
): Promise<{ title: string; body: string; published: Date | null; gold: GoldAttribution[] }> {
  const raw = await readFile(join(root, 'data', split, 'text', `${name}.txt`), 'utf8');
  const ann = await readFile(join(root, 'data', split, 'attributions', annFile), 'utf8');
  const cp = codePointMap(raw);
  const cut = raw.indexOf('\n\n');
  const title = raw.slice(0, cut).trim();
  const bodyStart = cut + 2;
  const body = raw.slice(bodyStart);
  const date = /_(\d{4}-\d{2}-\d{2})_/.exec(name)?.[1];
  const quoted = quotedRegions(body);
  const inQuote = (o: number) => quoted.some((q) => o >= q.start && o < q.end);
  const runs = nameRuns(`${title}.\n\n${body}`).map((r) => ({ ...r, start: r.start - title.length - 3 }));
  const gold: GoldAttribution[] = [];
  const toBody = (s: Span): Span => ({ start: cp[s.start]! - bodyStart, end: cp[s.end]! - bodyStart });
  const ends = sentenceEnds(body, inQuote);
  for (const a of parseAnn(ann)) {
    const content = a.content.map(toBody).sort((x, y) => x.start - y.start);
    if (content.some((s) => s.start < 0)) continue;
    const cue = a.cue
      .map(toBody)
      .map((s) => body.slice(Math.max(0, s.start), s.end))
      .join(' ');
    const src = a.source.map(toBody).filter((s) => s.start >= 0);
    const source = src.length > 0 ? src.map((s) => body.slice(s.start, s.end)).join(' ') : null;
    const sourceStart = src[0]?.start ?? content[0]!.start;
    const speech = SPEECH_CUES.test(cue) && !/^reportedly$/i.test(cue.trim());
    const kindOf = ({ inside, outside }: { inside: number; outside: number }): GoldAttribution['kind'] =>
      inside > 0 ? (outside === 0 ? 'direct' : speech ? 'partial' : 'other') : speech ? 'reported' : 'other';
    const named = source ? sourceName(source) : null;
    // A transcript's label ("PENCE") names the person the article writes as "Mike Pence"; an acronym ("CNN") that
    // no name in the article ends in stays as it is.
    const titled = named?.replace(/\p{Lu}+/gu, (w) => w[0]! + w.slice(1).toLowerCase());
    const fromLabel =
      named && titled && /^[\p{Lu}\s.’'-]+$/u.test(named) && /\p{Lu}{2}/u.test(named)
        ? expandName(titled, runs, sourceStart)
        : null;
    const fullName = named
      ? fromLabel && fromLabel !== titled
        ? fromLabel
        : expandName(named, runs, sourceStart)
      : null;
    const speaker = {
      source,
      sourceStart,
      cue,
      fullName,
      surname: fullName ? fullName.split(' ').pop()!.toLowerCase() : null,
      givenBefore: fullName
        ? givenBefore(`${title}\n\n${body}`, fullName.split(' ').pop()!)
        : new Set<string>(),
    };
    // An attribution mixing quoted and unquoted words is scored sentence by sentence, whatever its cue: its wholly
    // quoted sentences are direct quotes, its sentences with no quoted word reported speech (or "other" for a cue
    // that is not saying), and only a sentence that mixes the two is a partial quote.
    const share = quotedShare(body, content, inQuote);
    const mixed = share.inside > 0 && share.outside > 0;
    const parts = mixed ? bySentence(content, ends) : [content];
    for (const part of parts)
      gold.push({
        kind: mixed ? kindOf(quotedShare(body, part, inQuote)) : kindOf(share),
        content: part,
        text: part
          .map((s) => body.slice(s.start, s.end))
          .join(' ')
          .replace(/[“”"]|''|``/g, ''),
        ...speaker,
      });
  }
  return { title, body, published: date ? new Date(`${date}T12:00:00Z`) : null, gold };
}

interface Tally {
  gold: number;
  predicted: number;
  matched: number;
  named: number;
  fullRight: number;
  surnameRight: number;
  /** Extracted items that are right (for precision). */
  right: number;
}
const tally = (): Tally => ({
  gold: 0,
  predicted: 0,
  matched: 0,
  named: 0,
  fullRight: 0,
  surnameRight: 0,
  right: 0,
});

/** Lower-case words (and an article) before a capitalised name in a source: "the nonpartisan ", "conservative-leaning ". */
const DESCRIBED_NAME = /^(?:(?:the|a|an)\s+)?(?:\p{Ll}[\p{L}-]*\s+){1,2}(?=\p{Lu})/u;

function scoreSpeaker(t: Tally, g: GoldAttribution, q: Quote, log: (s: string) => void): void {
  if (!g.fullName) return;
  t.named++;
  const got = q.speaker;
  // The gold name stopped short of a given name the scorer could not read as one ("Nervo" for "Frank Nervo"): the
  // extracted name is right when it is that surname with the only given name the article writes before it.
  const gotWords = got === null ? [] : withoutInitials(got).split(' ');
  const goldWords = withoutInitials(g.fullName).split(' ');
  const given = [...g.givenBefore].map((w) => withoutInitials(w));
  const onlyForm =
    got !== null &&
    gotWords[gotWords.length - 1] === goldWords[goldWords.length - 1] &&
    goldWords.every((w) => gotWords.includes(w)) &&
    given.length > 0 &&
    given.every((w) => gotWords.includes(w)) &&
    gotWords.every((w) => goldWords.includes(w) || given.includes(w));
  const full =
    got !== null &&
    (withoutInitials(got) === withoutInitials(g.fullName) ||
      onlyForm ||
      (g.source !== null &&
        (normSpeaker(got) === normSpeaker(g.source) ||
          // "the nonpartisan Congressional Budget Office": the name without the words that describe it.
          normSpeaker(got) === normSpeaker(g.source.replace(DESCRIBED_NAME, '')))));
  const last = got
    ?.replace(/[’']s$/, '')
    .split(/\s+/)
    .pop()
    ?.toLowerCase();
  if (full) t.fullRight++;
  else
    log(
      `wrong speaker: ${JSON.stringify(got)} (gold ${JSON.stringify(g.fullName)} from "${g.source}") in: ${q.sentence.slice(0, 220).replace(/\s+/g, ' ')}`,
    );
  if (full || last === g.surname) t.surnameRight++;
}

export interface PolnearResult {
  articles: number;
  direct: Tally;
  reported: Tally;
  partial: Tally;
  /** Extracted reported quotes that matched an excluded (belief) attribution. */
  neutral: number;
  /** Extracted direct quotes that fall on a partial attribution's content (false alarms in `direct`). */
  directOnPartial: number;
  /** Partial attributions covered by the extractor's direct and reported quotes taken together. */
  partialByAnyQuote: number;
}

/** Word positions of the body, for span overlap. */
function wordStarts(body: string): number[] {
  return [...body.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu)].map((m) => m.index);
}

/** Indexes (into `starts`) of the words that begin inside any of `spans`. */
function wordsIn(starts: number[], spans: Span[]): number[] {
  const out: number[] = [];
  for (const s of spans) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < starts.length && starts[i]! < s.end; i++) out.push(i);
  }
  return out;
}

/**
 * Scores one class by word overlap of spans, so a gold quote that PolNeAR keeps as one attribution over several
 * sentences and the extractor returns as two (or the reverse) is still a hit: a gold item is found when the extracted
 * spans cover at least `cover` of its words (its speaker is the one of the extracted quote covering most of them); an
 * extracted item is right when at least `cover` of its words sit in gold content of an accepted kind.
 */
function scoreClass(
  starts: number[],
  gold: GoldAttribution[],
  goldIdx: number[],
  pred: Quote[],
  owner: Int32Array,
  accept: (g: GoldAttribution) => boolean,
  neutralKind: (g: GoldAttribution) => boolean,
  cover: number,
  log: (s: string) => void,
): { found: Map<number, Quote>; right: number; neutral: number } {
  const predWords = pred.map((q) => wordsIn(starts, [q]));
  const covered = new Map<number, number>();
  predWords.forEach((ws, pi) => ws.forEach((w) => covered.set(w, pi)));
  const found = new Map<number, Quote>();
  for (const gi of goldIdx) {
    const ws = wordsIn(starts, gold[gi]!.content);
    if (ws.length === 0) continue;
    const byPred = new Map<number, number>();
    for (const w of ws) {
      const pi = covered.get(w);
      if (pi !== undefined) byPred.set(pi, (byPred.get(pi) ?? 0) + 1);
    }
    const total = [...byPred.values()].reduce((a, b) => a + b, 0);
    if (total / ws.length >= cover) {
      const best = [...byPred.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      found.set(gi, pred[best]!);
    } else
      log(
        `${gold[gi]!.kind} missed: [${gold[gi]!.source}] (${gold[gi]!.cue}) ${gold[gi]!.text.slice(0, 140)}`,
      );
  }
  let right = 0;
  let neutral = 0;
  pred.forEach((q, pi) => {
    const ws = predWords[pi]!;
    if (ws.length === 0) return;
    let ok = 0;
    let neu = 0;
    for (const w of ws) {
      const o = owner[w]!;
      if (o < 0) continue;
      if (accept(gold[o]!)) ok++;
      else if (neutralKind(gold[o]!)) neu++;
    }
    if (ok / ws.length >= cover) right++;
    else if (neu / ws.length >= cover) {
      neutral++;
      const g = gold[ws.map((w) => owner[w]!).find((o) => o >= 0 && neutralKind(gold[o]!))!]!;
      log(`on ${g.kind}: [${q.speaker}] ${q.text.slice(0, 100)} || gold (${g.cue}) ${g.text.slice(0, 160)}`);
    } else log(`false alarm: [${q.speaker}] ${q.text.slice(0, 140)}`);
  });
  return { found, right, neutral };
}

/** Scores the extractor on one or more PolNeAR splits. */
export async function evalPolnear(
  root: string,
  splits: string[],
  verbose: boolean,
  only?: string,
): Promise<PolnearResult> {
  const result: PolnearResult = {
    articles: 0,
    direct: tally(),
    reported: tally(),
    partial: tally(),
    neutral: 0,
    directOnPartial: 0,
    partialByAnyQuote: 0,
  };
  for (const split of splits) {
    const annFiles = (await readdir(join(root, 'data', split, 'attributions'))).sort();
    const chosen = new Map<string, string>();
    for (const f of annFiles) {
      const name = f.replace(/_[0-9a-f]{4}\.ann$/, '');
      if (!chosen.has(name)) chosen.set(name, f);
    }
    for (const [name, annFile] of chosen) {
      if (only && !name.includes(only)) continue;
      const art = await readPolnearArticle(root, split, name, annFile);
      result.articles++;
      const facts = extract({ title: art.title, body: art.body, published: art.published });
      const starts = wordStarts(art.body);
      const owner = new Int32Array(starts.length).fill(-1);
      art.gold.forEach((g, gi) => wordsIn(starts, g.content).forEach((w) => (owner[w] = gi)));
      const idx = (k: GoldAttribution['kind']) => art.gold.flatMap((g, gi) => (g.kind === k ? [gi] : []));
      const log = (kind: string) => (s: string) => {
        if (verbose) console.log(`  ${name} ${kind} ${s}`);
      };

      const predDirect = facts.quotes.filter((q) => q.kind === 'direct');
      const goldDirect = idx('direct');
      const d = scoreClass(
        starts,
        art.gold,
        goldDirect,
        predDirect,
        owner,
        (g) => g.kind === 'direct',
        (g) => g.kind === 'partial',
        0.6,
        log('direct'),
      );
      result.direct.gold += goldDirect.length;
      result.direct.predicted += predDirect.length;
      result.direct.matched += d.found.size;
      result.direct.right += d.right;
      result.directOnPartial += d.neutral;
      for (const [gi, q] of d.found) scoreSpeaker(result.direct, art.gold[gi]!, q, log('direct'));

      const predRep = facts.quotes.filter((q) => q.kind === 'reported');
      const goldRep = [...idx('reported'), ...idx('partial')];
      const r = scoreClass(
        starts,
        art.gold,
        goldRep,
        predRep,
        owner,
        (g) => g.kind === 'reported' || g.kind === 'partial',
        (g) => g.kind === 'other',
        0.5,
        log('reported'),
      );
      result.neutral += r.neutral;
      result.partialByAnyQuote += scoreClass(
        starts,
        art.gold,
        idx('partial'),
        facts.quotes,
        owner,
        () => true,
        () => false,
        0.5,
        () => {},
      ).found.size;
      result.reported.predicted += predRep.length - r.neutral;
      result.reported.right += r.right;
      for (const gi of goldRep) {
        const g = art.gold[gi]!;
        const t = g.kind === 'reported' ? result.reported : result.partial;
        t.gold++;
        const q = r.found.get(gi);
        if (!q) continue;
        t.matched++;
        scoreSpeaker(t, g, q, log(g.kind));
      }
    }
  }
  return result;
}

/** Prints the quote rows of the table for one PolNeAR result. */
export function printPolnear(label: string, r: PolnearResult): void {
  const d = r.direct;
  const rep = r.reported;
  const par = r.partial;
  const speakerPart = (t: Tally) =>
    `speaker full name ${fmt(pct(t.fullRight, t.named))} surname ${fmt(pct(t.surnameRight, t.named))} (of ${t.named} named)`;
  console.log(`PolNeAR ${label}: ${r.articles} articles`);
  console.log(
    `  direct quotes     gold ${d.gold}  found ${d.predicted}  matched ${d.matched}  recall ${fmt(pct(d.matched, d.gold))}  precision ${fmt(pct(d.right, d.predicted))} (${fmt(pct(d.right, d.predicted - r.directOnPartial))} leaving out the ${r.directOnPartial} on partial attributions)  ${speakerPart(d)}`,
  );
  const repPrecision = pct(rep.right, rep.predicted);
  console.log(
    `  reported speech   gold ${rep.gold}  found ${rep.predicted}  matched ${rep.matched}  recall ${fmt(pct(rep.matched, rep.gold))}  precision ${fmt(repPrecision)}  ${speakerPart(rep)}  (${r.neutral} matched belief/intent attributions, not counted)`,
  );
  console.log(
    `  partial quotes    gold ${par.gold}  found ${par.matched}  recall ${fmt(pct(par.matched, par.gold))} (${fmt(pct(r.partialByAnyQuote, par.gold))} by direct and reported quotes together)  ${speakerPart(par)}`,
  );
  const both = {
    named: rep.named + par.named,
    fullRight: rep.fullRight + par.fullRight,
    surnameRight: rep.surnameRight + par.surnameRight,
  };
  console.log(
    `  reported + partial speaker full name ${fmt(pct(both.fullRight, both.named))} surname ${fmt(pct(both.surnameRight, both.named))} (of ${both.named} named)`,
  );
}
