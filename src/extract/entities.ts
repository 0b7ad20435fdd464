/**
 * People, places and organisations. Candidate names are runs of capitalised words, found by our own rules; the
 * compromise lexicon then says which words are first names, countries, cities or plain English, so no sentence is
 * ever run through a full NLP parse. Each name is split into the title written before it ("Iranian Foreign
 * Minister") and the name itself, and the mentions of one person ("Bashar-Al-Assad", "President Assad") are merged
 * under the fullest name.
 */
import {
  EXTRA_PLACES,
  FUNCTION_WORDS,
  KNOWN_ORGS,
  ORG_HEADS,
  PLACE_HEADS,
  PLACE_LEADS,
  PERSON_TITLES,
  PLACE_ALIASES,
  QUOTE_VERBS,
  ROLE_NOUNS,
  TITLE_GENDER,
  TITLE_WORDS,
  WORD_GIVEN_NAMES,
  firstNameGender,
  HOLIDAYS,
  hasTag,
  isDemonym,
  answeredOnce,
  lexiconTags,
  recentlyAsked,
  lexiconWordsWhere,
} from './lexicon.ts';
import { type Document, collapseSpaces, splitSpaces } from './sentences.ts';
import { DATELINE, isApostrophe, isCapitalised, stripPossessive, type Token } from './tokens.ts';
import type { Entity, Person, Span } from './types.ts';
import { allMatches } from './matches.ts';

export type Gender = 'male' | 'female' | 'unknown';

/** A person as the extractor builds it up; `toPerson` turns it into the public shape. */
export interface PersonRecord {
  name: string;
  aliases: Set<string>;
  mentions: Span[];
  /** Role candidates with how many words they carry; the most informative wins. */
  roles: string[];
  gender: Gender;
  /** Last name, lower-case, without "al-" or a possessive: what "Putin" or "President Assad" are matched on. */
  key: string;
  /** Where the article writes the person's full name (two words or more), to tell apart people sharing a surname. */
  full: number[];
}

interface EntityRecord {
  name: string;
  aliases: Set<string>;
  mentions: Span[];
}

/** Everything `findEntities` learns about an article's names, with resolvers for the speaker rules. */
export interface EntityIndex {
  people: PersonRecord[];
  places: EntityRecord[];
  organizations: EntityRecord[];
  /** Every person mention in article order, for pronoun resolution. */
  personMentions: Array<{ person: PersonRecord; start: number }>;
  /** The article body, for the pronoun after a bare surname (see `pronounAfter`). */
  body: string;
  /** By surname key, the gender the pronouns after its bare mentions mostly have (see `pickPerson`). */
  surnameGender: Map<string, Gender>;
  /**
   * Each name `resolveName` was asked about, as read (see `readName`): the speaker rules ask about the same few names
   * again and again in an article.
   */
  writtenNames: Map<string, WrittenName | null>;
  /** Each role `resolveDescription` compared, as read (see `readRole`): every role of every person, at each call. */
  roleReadings: Map<string, RoleReading>;
}

/**
 * What a role phrase says for `resolveDescription`: its head, and (read when the head matches) its words and its
 * cleaned lower-case text.
 */
interface RoleReading {
  head: string | null;
  words?: string[];
  cleaned?: string;
}

/** What a written name says by itself: its title words, the name normalised, and that name's person key. */
interface WrittenName {
  title: string[];
  normalised: string;
  key: string;
}

const PARTICLES = new Set([
  'al',
  'el',
  'ul',
  'bin',
  'ibn',
  'abu',
  'von',
  'van',
  'der',
  'den',
  'de',
  'da',
  'di',
  'du',
  'la',
  'le',
  'del',
]);
const CONNECTORS = new Set(['of', 'for', 'and', 'on']);
/** A month or weekday, whole or shortened, after which "on" is a date's, not part of a name. */
const CALENDAR_WORD =
  /^(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?|January|February|March|April|May|June|July|August|September|October|November|December|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)$/;
const LOCATIVE = new Set([
  'in',
  'near',
  'from',
  'to',
  'at',
  'outside',
  'across',
  'into',
  'inside',
  'around',
  'toward',
  'towards',
]);
const NON_NAME_TAGS = [
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'Adjective',
  'Verb',
  'Modal',
  'Copula',
  'PastTense',
  'Infinitive',
  'Gerund',
  'Plural',
  'Singular',
  'Noun',
  'Month',
  'WeekDay',
  'Actor',
  'Demonym',
  'Cardinal',
  'Ordinal',
  'Value',
  'Date',
  'Uncountable',
  'QuestionWord',
  'Possessive',
];

/**
 * The words compromise knows only as ordinary English: a tag of {@link NON_NAME_TAGS} and none of a name, country,
 * city, place, region or organisation. Built once from the lexicon: the rules ask it of words many times per article.
 */
const COMMON_WORDS = lexiconWordsWhere(
  (tags) =>
    !tags.some((t) => /Name$|Country|City|Place|Region|Organization/.test(t)) &&
    tags.some((t) => NON_NAME_TAGS.includes(t)),
);

/**
 * True for a capitalised word that is really an ordinary English word (a sentence-initial "Rebel", "Political"). Asked
 * of the same few dozen words again and again, so answered from a table of the words asked lately (see recentlyAsked).
 */
export const isCommonWord: (word: string) => boolean = recentlyAsked((word) => {
  const lower = stripPossessive(word).toLowerCase();
  return FUNCTION_WORDS.has(lower) || COMMON_WORDS.has(lower);
});

export function isPlaceName(name: string): boolean {
  if (EXTRA_PLACES.has(name) || PLACE_ALIASES.has(name)) return true;
  if (name.includes(' '))
    return (
      PLACE_HEADS.has(name.slice(name.lastIndexOf(' ') + 1).toLowerCase()) ||
      PLACE_LEADS.has(name.slice(0, name.indexOf(' ')).toLowerCase()) ||
      hasTag(name, 'Country', 'City', 'Region')
    );
  return hasTag(name, 'Country', 'City', 'Region', 'Place', 'Continent', 'Island');
}

/** Heads that also name ordinary things ("Russian Forces", "First Group"): they need a proper name beside them. */
const WEAK_ORG_HEADS = new Set([
  'forces',
  'force',
  'group',
  'army',
  'navy',
  'guard',
  'front',
  'movement',
  'government',
  'command',
  'brigade',
  'brigades',
  'service',
  'office',
  'police',
  'times',
  'post',
  'news',
  'press',
  'board',
  'cabinet',
  'network',
  'alliance',
  'coalition',
  'system',
  'society',
]);

function isOrgName(tokens: string[]): boolean {
  const last = tokens[tokens.length - 1]!;
  if (tokens.length === 1) return KNOWN_ORGS.has(last) || hasTag(last, 'Organization');
  // A public body named for its country ("Statistics Canada", "Health Canada", "Sport England"), by the words
  // before the country: others ("Atlantic Canada", "Morning America", "Nazi Germany") are no organisation.
  if (
    tokens.length <= 3 &&
    hasTag(last, 'Country') &&
    tokens.slice(0, -1).every((t) => PUBLIC_BODY_WORDS.test(t))
  )
    return true;
  return tokens.some((t, i) => {
    const lower = t.toLowerCase();
    if (!ORG_HEADS.has(lower) || !(i === tokens.length - 1 || CONNECTORS.has(tokens[i + 1]!))) return false;
    if (!WEAK_ORG_HEADS.has(lower)) return true;
    return tokens.some((o, j) => j !== i && !CONNECTORS.has(o) && !isCommonWord(o) && !isDemonym(o));
  });
}

/**
 * Writes a name the way the article set should show it: "Bashar-Al-Assad" becomes "Bashar al-Assad" (the Arabic
 * article is lower-case and joined to the family name), possessives are dropped.
 */
export function normaliseName(name: string): string {
  const bare = stripPossessive(name);
  // The particle pattern needs a hyphen; most names have none.
  return collapseSpaces(
    bare.includes('-') ? bare.replace(/\b(\p{Lu}\p{L}+)-(?:Al|El|al|el)-(\p{Lu}\p{L}+)/u, '$1 al-$2') : bare,
  ).trim();
}

/** The key two mentions of one person share: the family name without "al-". */
export function personKey(name: string): string {
  const last = stripPossessive(name.split(' ').pop() ?? name);
  return (last.includes('-') ? last.replace(/^(?:al|el)-/i, '') : last).toLowerCase();
}

/** Strips a leading article or possessive pronoun and collapses doubled articles ("the The head"). */
export function cleanDescription(text: string): string {
  let out = collapseSpaces(text.trim());
  for (;;) {
    const next = out.replace(/^(?:the|a|an|also|but|and|though|however|then)\b[\s,]*/i, '');
    if (next === out) break;
    out = next;
  }
  out = out.replace(/[,;:]+$/, '');
  // The full stop of an abbreviation in initials is part of it ("the U.S.", "D.C."); any other is punctuation.
  return (out.endsWith('.') && /(?:^|[\s.])\p{Lu}\.$/u.test(out) ? out : out.replace(/[,.;:]+$/, '')).trim();
}

/** The words of a role phrase worth comparing: lower-case, no articles or prepositions, stemmed to six letters. */
function roleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z’'-]+/)
    .map((w) => stripPossessive(w))
    .filter(
      (w) =>
        w.length > 2 &&
        !FUNCTION_WORDS.has(w) &&
        !['upper', 'lower', 'house', 'parliament', 'parliamentary'].includes(w),
    )
    .map((w) => w.slice(0, 6));
}

/**
 * The first role noun among the words of `text` (its lower-case runs of a–z and hyphens), read off character codes:
 * it is asked of every role of every person each time a description is resolved.
 */
function roleHead(text: string): string | null {
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    if ((c >= 97 && c <= 122) || c === 45) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const word = lower.slice(start, i);
      if (ROLE_NOUNS.has(word)) return word;
      start = -1;
    }
  }
  return null;
}

/** Cuts an appositive down to its role: "the Russian President ordered the …" → "Russian President". */
export function roleFromPhrase(phrase: string, endsAtComma: boolean): string | null {
  const cleaned = cleanDescription(phrase.split(/\s+(?:who|which|whose|that)\s+/)[0] ?? '');
  if (!cleaned) return null;
  const words = cleaned.split(' ');
  const headIndex = words.findIndex((w) => ROLE_NOUNS.has(w.toLowerCase()));
  if (headIndex < 0 || headIndex > 5) return null;
  if (endsAtComma && words.length <= 10) return words.join(' ');
  // Keep a short prepositional tail ("President of Syria") but stop before what reads like the main verb.
  const out = words.slice(0, headIndex + 1);
  let i = headIndex + 1;
  if (
    i < words.length &&
    /^(?:of|for|to|from|in)$/.test(words[i]!) &&
    i + 1 < words.length &&
    isCapitalised(words[i + 1]!)
  ) {
    out.push(words[i]!, words[i + 1]!);
    i += 2;
  }
  return out.join(' ');
}

interface Run {
  tokens: Token[];
  start: number;
  end: number;
}

/**
 * Whether token `i` goes on an organisation's name after a plural possessive: "the Alberta Teachers' Association",
 * "Ontario Nurses’ Association" (the tokeniser leaves the closing apostrophe out of "Teachers"). Only before a
 * capitalised run holding an organisation's head word: "the Leafs' Auston Matthews" stays two names.
 */
function pluralPossessiveInName(tokens: Token[], capitalised: boolean[], i: number, body: string): boolean {
  const prev = tokens[i - 1]!;
  const t = tokens[i]!;
  if (t.start - prev.end !== 2 || !capitalised[i - 1] || !capitalised[i]) return false;
  if (prev.text.charCodeAt(prev.text.length - 1) !== 115 || !isApostrophe(body.charCodeAt(prev.end)))
    return false;
  if (body.charCodeAt(prev.end + 1) !== 32) return false;
  for (
    let k = i;
    k < i + 3 && k < tokens.length && capitalised[k] && tokens[k]!.sentence === t.sentence;
    k++
  ) {
    if (ORG_HEADS.has(tokens[k]!.text.toLowerCase())) return true;
    if (k + 1 < tokens.length && tokens[k + 1]!.start - tokens[k]!.end !== 1) break;
  }
  return false;
}

/**
 * Where the title opens in a run that names an organisation and then one of its people by title and full name
 * ("Assembly of First Nations National Chief Cindy Woodhouse", "Canadian Nurses Association President Jane Roe"),
 * or 0. The name after the title starts with a known given name and has two or three words, so an organisation
 * named after a person ("Office of the Chief Coroner", "Bill and Melinda Gates Foundation") is left whole.
 */
function personAfterOrgTitle(words: string[]): number {
  if (words.length < 4) return 0;
  for (let j = words.length - 3; j >= 1; j--) {
    if (!isTitleOrRole(words[j]!) || firstNameGender(words[j + 1]!) === null) continue;
    const name = words.slice(j + 1).map(stripPossessive);
    if (name.length > 3 || name.some((w) => ORG_HEADS.has(w.toLowerCase()) || CONNECTORS.has(w))) return 0;
    // The title may have words of its own before it ("National Chief", "Deputy Minister"): the organisation ends
    // where its last head word or country ends.
    let start = j;
    while (start > 1 && (isTitleOrRole(words[start - 1]!) || TITLE_QUALIFIERS.test(words[start - 1]!)))
      start--;
    return isOrgName(words.slice(0, start).map(stripPossessive)) ? start : 0;
  }
  return 0;
}

/** Words that qualify a title inside an organisation's run: "National Chief", "Grand Chief", "Regional Chief". */
const TITLE_QUALIFIERS =
  /^(?:National|Grand|Regional|Executive|Interim|Acting|Vice|Deputy|Associate|Assistant)$/;

/** Groups tokens into runs of capitalised words separated only by single spaces. */
function capitalisedRuns(tokens: Token[], body: string): Run[] {
  const runs: Run[] = [];
  let current: Token[] = [];
  // Whether each token is capitalised, read once: the loop asks it of a token as the next one and again as its own.
  const capitalised = tokens.map((t) => isCapitalised(t.text));
  const flush = () => {
    // Most tokens end no run: only a run that holds words is closed (and a new array begun).
    if (current.length === 0) return;
    // A run never ends on a connector or particle.
    while (current.length > 0 && !isCapitalised(current[current.length - 1]!.text)) current.pop();
    if (current.length > 0)
      runs.push({ tokens: current, start: current[0]!.start, end: current[current.length - 1]!.end });
    current = [];
  };
  // Set after a nickname in quotation marks ("Juan “Chico” Manriquez"): the word after it carries the name on.
  let afterNickname = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // (`at`, not `current[current.length - 1]`: the run is empty at most tokens, and an array read at index -1 is a
    // property lookup by name, many times slower.)
    const prev = current.at(-1);
    // Joined by exactly one space, read without copying the gap; a no-break space ("Sean\u00A0Fraser", which
    // copy uses to keep a name on one line) joins too.
    const gap = body.charCodeAt(prev?.end ?? 0);
    const joined =
      prev !== undefined &&
      prev.sentence === t.sentence &&
      ((t.start - prev.end === 1 && (gap === 32 || gap === 0xa0 || gap === 0x202f)) ||
        afterNickname ||
        pluralPossessiveInName(tokens, capitalised, i, body));
    afterNickname = false;
    if (
      prev !== undefined &&
      capitalised[i]! &&
      capitalised[i + 1] === true &&
      nicknameAt(body, prev, t, tokens[i + 1]!)
    ) {
      // The nickname is no word of the name: the run skips it and the surname joins the given name.
      afterNickname = true;
      continue;
    }
    if (!joined) flush();
    if (capitalised[i]!) {
      current.push(t);
      continue;
    }
    // A lower-case word carries a run on only to a capitalised word after it (past any particles), which is looked
    // for only where there is a run to carry on: most words are lower-case words with none.
    const next = current.length > 0 && joined ? capitalisedAfter(tokens, capitalised, i) : undefined;
    if (next && PARTICLES.has(t.text)) {
      current.push(t);
    } else if (
      next &&
      CONNECTORS.has(t.text) &&
      current.some((c) => ORG_HEADS.has(c.text.toLowerCase())) &&
      // "the Council on Foreign Relations", not "the University of Toronto on Sept. 5" or "the Senate on Monday".
      !(t.text === 'on' && CALENDAR_WORD.test(next.text))
    ) {
      current.push(t);
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

/** The first token after token `i` and the particles after it, when it is capitalised and in `i`'s sentence. */
function capitalisedAfter(tokens: Token[], capitalised: boolean[], i: number): Token | undefined {
  const sentence = tokens[i]!.sentence;
  let k = i + 1;
  while (k < tokens.length && PARTICLES.has(tokens[k]!.text) && tokens[k]!.sentence === sentence) k++;
  const next = tokens[k];
  return next !== undefined && next.sentence === sentence && capitalised[k]! ? next : undefined;
}

/**
 * Whether `t` is a one-word nickname in quotation marks between a given name and a surname, all in one sentence:
 * `prev “t” next` or `prev "t" next`.
 */
function nicknameAt(body: string, prev: Token, t: Token, next: Token): boolean {
  if (prev.sentence !== t.sentence || next.sentence !== t.sentence) return false;
  const before = body.slice(prev.end, t.start);
  const after = body.slice(t.end, next.start);
  return (before === ' “' && after === '” ') || (before === ' "' && after === '" ');
}

/** A party's adjective: "Democratic", "Republican". */
const PARTY_ADJECTIVE = /^(?:Republican|Democratic|Libertarian)$/;

/** Armed services and parties written before a title or name. */
export const SERVICES = new Set([
  'Navy',
  'Army',
  'Marine',
  'Marines',
  'Air',
  'Force',
  'Republican',
  'Democratic',
  'Democrat',
  'Conservative',
  'Liberal',
  'Tory',
  'Labour',
  'Libertarian',
]);

/**
 * A title or role word, as written before a name: "Officer", "Whip", "Sen.", and a hyphenated title by any of its
 * parts ("Editor-in-Chief", "Co-Chair"), so "Post Editor-in-Chief Martin Baron" is Martin Baron.
 */
export function isTitleOrRole(word: string): boolean {
  const lower = word.toLowerCase();
  const bare = lower.replace(/\.$/, '');
  if (TITLE_WORDS.has(lower) || ROLE_NOUNS.has(bare)) return true;
  return bare.includes('-') && bare.split('-').some((part) => TITLE_WORDS.has(part) || ROLE_NOUNS.has(part));
}

/** The lower-case word right before a name, after one space: "critic " in "health critic France Gélinas". */
const LAST_LOWER_WORD = /(?:^|\s)(\p{Ll}+) $/u;

/**
 * A role noun, or "critic" (an opposition party's spokesperson for a portfolio, in Canadian and British copy): not
 * among the role nouns, since "a fierce critic of the deal" describes rather than names a role.
 */
function isRoleWordBefore(word: string): boolean {
  return ROLE_NOUNS.has(word) || word === 'critic';
}

/** Splits a run into its title ("US President") and the name after it. */
function splitTitle(words: string[]): { title: string[]; name: string[] } {
  let i = 0;
  while (i < words.length - 0) {
    const w = words[i]!;
    const lower = w.toLowerCase();
    const nextIsTitle = i + 1 < words.length && TITLE_WORDS.has(words[i + 1]!.toLowerCase());
    // An outlet, party or service before a title or a first name: "GOP Sen. John McCain", "CNN Gloria Borger",
    // "Navy Capt. Jeff Davis". (The word lookups are made only where their answer counts: this runs for every word
    // of every name.)
    const affiliation = /^\p{Lu}{2,5}$/u.test(w) || SERVICES.has(w);
    const nextIsName =
      affiliation &&
      i + 2 < words.length &&
      firstNameGender(words[i + 1]!) !== null &&
      /^\p{Lu}/u.test(words[i + 2]!);
    if (
      TITLE_WORDS.has(lower) ||
      (nextIsTitle && (isDemonym(w) || isPlaceName(stripPossessive(w)))) ||
      (affiliation && (nextIsTitle || nextIsName))
    )
      i++;
    else break;
  }
  // A title written after an affiliation ("FBI Director James Comey", "NEA President Lily García") or a portfolio
  // ("Foreign Affairs Minister Mélanie Joly", "Veterans Affairs Minister …"): the name starts after the last title
  // or role word, as long as at least one word is left (after a title, only words that are no ordinary English).
  const titled = words.slice(0, i).some((w) => TITLE_WORDS.has(w.toLowerCase()));
  if (i < words.length - 1) {
    for (let j = words.length - 2; j >= i; j--) {
      // A hyphenated title is a title by any of its parts: "Post Editor-in-Chief Martin Baron".
      const role = isTitleOrRole(words[j]!);
      // A role word opening the run is a title only before a given name ("Officer Joseph Beinlich"), so a name
      // such as "Judge Rotenberg" or an organisation is left whole.
      const opensBeforeName = j === i && firstNameGender(words[j + 1]!) !== null && j + 2 < words.length;
      if (role && (j > i || opensBeforeName)) {
        if (titled && words.slice(j + 1).some((w) => isCommonWord(w))) break;
        i = j + 1;
        break;
      }
    }
  }
  return { title: words.slice(0, i), name: words.slice(i) };
}

function addEntity(map: Map<string, EntityRecord>, name: string, surface: string, span: Span): void {
  let record = map.get(name);
  if (!record) {
    record = { name, aliases: new Set(), mentions: [] };
    map.set(name, record);
  }
  if (surface !== name) record.aliases.add(surface);
  record.mentions.push(span);
}

/** The words of a public body named for its country: "Statistics Canada", "Global Affairs Canada", "Sport England". */
const PUBLIC_BODY_WORDS =
  /^(?:Statistics|Health|Transport|Environment|Elections|Parks|Immigration|Fisheries|Employment|Justice|Finance|Heritage|Sport|Public|Global|Affairs|Veterans|Indigenous|Services|Natural|Resources|Infrastructure|Innovation|Agriculture|Housing|Revenue|Border|Historic|Visit|Team|Air|Safety|Destination|Trade|Export|Investment|Security|Intelligence|Police|Crown)$/;

/** Orders the key of an organisation so "Defense Ministry" and "Ministry of Defense" meet. */
function orgKey(name: string): string {
  const m = /^(Ministry|Department|Office) of (?:the )?(.+)$/i.exec(name);
  const key = m ? `${m[2]} ${m[1]}` : name;
  return key.toLowerCase();
}

/**
 * "Photo: ", "(Photograph by ", "Photo courtesy of ", "Credit: " before a name; and a byline's "By " opening a
 * paragraph, "With files from " (and "With files from Global News' ").
 */
const CREDIT_LEAD =
  /(?:\b(?:photo(?:graph)?s?|image|illustration)(?:\s+(?:by|courtesy(?:\s+of)?))?|\bcredits?\s*:|\n\s*by|\bwith files from(?:\s+[\p{L}.’' ]+?(?:\s+and|[’']s?))?)\s*:?\s*$/iu;

/**
 * A credit names who took a picture or wrote the story, not anyone in it: words joined by a slash ("Jane Doe/CBC",
 * "Instagram/Mark Smith", "Getty Images/AFP"), a name after "Photo:", "Photo by", a byline ("By Jane Doe", "Jane
 * Doe · CBC News · Posted: …") or "With files from". Taken for a person, a caption or a byline would become the
 * speaker of a "she said" after it.
 */
function isCredit(words: string[], body: string, start: number, end: number): boolean {
  return (
    words.some((w) => /\p{L}\/\p{L}/u.test(w)) ||
    // The article's start counts as a paragraph break.
    CREDIT_LEAD.test(start <= 40 ? `\n${body.slice(0, start)}` : body.slice(start - 40, start)) ||
    /^\s*[·|•]\s/.test(body.slice(end, end + 4))
  );
}

/** A holiday or a named day ("Christmas Day", "Canada Day", "New Year's Eve"), not a person ("Doris Day" is). */
function isNamedDay(words: string[]): boolean {
  if (words.some((w) => HOLIDAYS.has(w.toLowerCase()))) return true;
  const last = words[words.length - 1]!;
  return words.length >= 2 && (last === 'Day' || last === 'Eve') && firstNameGender(words[0]!) === null;
}

/** What comes right before a word that opens a sentence: nothing, an end stop, a line break, an opening quote. */
const AT_SENTENCE_START = /(?:^|[.!?]["”’]?\s+|\n\s*|[“"]\s*)$/u;
/** A comma before a word, as in "The tax will go, Poilievre said". */
const AFTER_COMMA = /,["”’]?\s+$/u;
/**
 * What makes a lone unknown word a person: a verb of saying right after it, perhaps past an aside where the word
 * opens its sentence ("Poilievre said", "Poilievre, speaking in Regina, told reporters", "…, Poilievre said").
 * Without it a surname the article never gives in full is no one, and a later "he said" goes to whoever was named
 * before. Not a word inside a phrase ("those Democrats said", "a pitch on Kickstarter said"), nor one in an
 * aside of someone else's ("Mr. Slinker, whose start-up, Paradata, uses big data, said"), nor an acronym ("KCNA
 * said"), nor the end of a longer name the article writes ("Helen Purcell", whom the speaker rules find whole).
 */
const SAYING =
  'said|says|told|tells|added|adds|wrote|writes|argued|argues|insisted|insists|explained|explains|noted|notes|warned|warns|' +
  // What a person does in reply: "Poilievre also weighed in.", "Stiles pushed back."
  'agreed|agrees|disagreed|disagrees|responded|responds|replied|replies|countered|counters|conceded|concedes|' +
  'weighed in|weighs in|pushed back|pushes back|fired back|fires back|shot back|shoots back';
const SPEAKS_NEXT = new RegExp(
  `^(?:,\\s+[^,.;:“”"()]{1,60},)?\\s+(?:(?:also|later|then|quickly|again|too)\\s+)?(?:${SAYING})\\b`,
);
/** SPEAKS_NEXT without the aside: "…, Poilievre said". */
const SAYS_NEXT = new RegExp(`^\\s+(?:${SAYING})\\b`);

/** Whether the article writes `word` after another capitalised word anywhere ("Helen Purcell" for "Purcell"). */
function endsLongerName(body: string, word: string): boolean {
  for (let at = body.indexOf(word); at >= 0; at = body.indexOf(word, at + word.length))
    if (NAME_BEFORE.test(body.slice(Math.max(0, at - 40), at))) return true;
  return false;
}
/** A capitalised word or an initial right before, on the same line ("April.\n\nPoilievre" is no name). */
const NAME_BEFORE = /(?:\p{Lu}[\p{L}’'-]*|\p{Lu}\.)[ \t\u00a0]+$/u;

/**
 * Whether the ordinary word opening a run of capitalised words (`words`) stays although only its place capitalises
 * it: a title, a given name that is also a word before a surname ("Bill Clinton said …"), the first word of a public
 * body's name, a demonym before a title.
 */
function keepsInitial(words: string[]): boolean {
  const w = words[0]!;
  const next = words[1];
  return (
    TITLE_WORDS.has(w.toLowerCase()) ||
    (WORD_GIVEN_NAMES.has(w) && next !== undefined && /^\p{Lu}/u.test(next) && !isCommonWord(next)) ||
    (PUBLIC_BODY_WORDS.test(w) && isOrgName(words.map(stripPossessive))) ||
    (isDemonym(w) && next !== undefined && TITLE_WORDS.has(next.toLowerCase()))
  );
}

/**
 * Two to four words none of which is an ordinary word, a demonym or a place: a name, if of no one known. A place the
 * word list also knows as a person's name may open one ("Virginia Giuffre").
 */
function unknownWords(name: string[]): boolean {
  return (
    name.length >= 2 &&
    name.length <= 4 &&
    name.every(
      (w, i) => !isCommonWord(w) && !isDemonym(w) && (!isPlaceName(w) || (i === 0 && hasTag(w, 'Person'))),
    )
  );
}

/**
 * "health critic France Gélinas", "party leader Georgia Lind": two or three words right after a lower-case role
 * noun (the end of `before`) name a person even where the first is also a place.
 */
function namedAfterRole(name: string[], title: string[], before: string): boolean {
  return (
    name.length >= 2 &&
    name.length <= 3 &&
    title.length === 0 &&
    /^\p{Lu}\p{Ll}/u.test(name[name.length - 1]!) &&
    !isCommonWord(name[name.length - 1]!) &&
    !isPlaceName(name[name.length - 1]!) &&
    !ORG_HEADS.has(name[name.length - 1]!.toLowerCase()) &&
    isRoleWordBefore(LAST_LOWER_WORD.exec(before)?.[1] ?? '')
  );
}

/** Finds an article's people, places and organisations. */
export function findEntities(doc: Document, tokens: Token[]): EntityIndex {
  const body = doc.body;
  const runs = capitalisedRuns(tokens, body);
  const places = new Map<string, EntityRecord>();
  const orgsByKey = new Map<string, EntityRecord>();
  const addOrg = (name: string, span: Span): void => {
    const existing = orgsByKey.get(orgKey(name));
    if (existing) {
      if (name !== existing.name) existing.aliases.add(name);
      existing.mentions.push(span);
    } else orgsByKey.set(orgKey(name), { name, aliases: new Set(), mentions: [span] });
  };
  const loneOrgs: Array<{ name: string; span: Span }> = [];
  const candidates: Array<{
    name: string[];
    title: string[];
    run: Run;
    person: boolean;
    /** A lone unknown word that a verb of saying follows ("Poilievre said"): a person without a title. */
    speaks?: true;
    /**
     * A lone name set off after a relative ("Patel's daughter, Priya, …"): a person without a title, of the gender
     * the relative's noun gives ("daughter"), else of the one the given name has, else unknown.
     */
    kin?: Gender;
    raw: string;
    titleStart: number;
    /** One word the word list knows as a company ("Ford"): a person's only when it is a named person's surname. */
    company?: true;
  }> = [];

  for (let run of runs) {
    let words = run.tokens.map((t) => t.text);
    // "Smith's Facebook post", "Lind's Ohio director": a possessive before an organisation or a place names its owner,
    // who is no part of that organisation's or place's name.
    const owner = words.findLastIndex((w) => /[’']s$/.test(w));
    let ownerCut = false;
    if (owner >= 0 && owner < words.length - 1 && words.length - owner <= 3) {
      const owned = words.slice(owner + 1);
      const ownedText = owned.join(' ');
      const ownedSpan = { start: run.tokens[owner + 1]!.start, end: run.end };
      const place = isPlaceName(ownedText);
      if (place || (!/[’']/.test(ownedText) && isOrgName(owned))) {
        if (place) addEntity(places, PLACE_ALIASES.get(ownedText) ?? ownedText, ownedText, ownedSpan);
        else addOrg(ownedText, ownedSpan);
        run = { ...run, tokens: run.tokens.slice(0, owner + 1), end: run.tokens[owner]!.end };
        words = words.slice(0, owner + 1);
        ownerCut = true;
      }
    }
    let offset = 0;
    // Drop ordinary words that are only capitalised because they start a sentence or follow a quote mark.
    while (
      words.length > 0 &&
      (FUNCTION_WORDS.has(words[0]!.toLowerCase()) ||
        (run.tokens[offset]!.initial && isCommonWord(words[0]!) && !keepsInitial(words)))
    ) {
      words = words.slice(1);
      offset++;
    }
    // "Florida’s Rick Wilson", "Gallup’s Jeffrey M. Jones": a possessor before a name of two or more words is not
    // part of it (a possessive before a single word, "Russia’s Defense", is left to the rules below).
    const possessor = words.slice(0, -2).findLastIndex((w) => /[’']s$/.test(w));
    if (possessor >= 0 && words.slice(possessor + 1).every((w) => /^\p{Lu}/u.test(w))) {
      words = words.slice(possessor + 1);
      offset += possessor + 1;
    }
    if (words.length === 0) continue;
    // "Assembly of First Nations National Chief Cindy Woodhouse": an organisation, a title and a person's full name
    // written as one run. The organisation is kept as one; the rest is read from its title as a run of its own.
    // (personAfterOrgTitle finds none in fewer than four words, so shorter runs are not read as organisations here.)
    const titled =
      words.length >= 4 && isOrgName(words.map(stripPossessive)) ? personAfterOrgTitle(words) : 0;
    if (titled > 0) {
      const org = words.slice(0, titled).map(stripPossessive);
      while (org.length > 1 && !isOrgName(org)) org.pop();
      if (isOrgName(org))
        addOrg(org.join(' '), {
          start: run.tokens[offset]!.start,
          end: run.tokens[offset + org.length - 1]!.end,
        });
      words = words.slice(titled);
      offset += titled;
    }
    const startToken = run.tokens[offset]!;
    const span = { start: startToken.start, end: run.end };
    const surface = body.slice(span.start, span.end);
    // A plural possessive inside an organisation's name keeps its apostrophe ("Alberta Teachers' Association").
    const plain = words.map((w, k) =>
      k < words.length - 1 && isApostrophe(body.charCodeAt(run.tokens[offset + k]!.end))
        ? w + body[run.tokens[offset + k]!.end]!
        : stripPossessive(w),
    );
    const joined = plain.join(' ');
    // A credit names no one in the story, nor any body or place in it ("Sean Kilpatrick/The Canadian Press").
    if (isCredit(plain, body, span.start, span.end)) continue;
    // (An owner cut off so is a place only by a country's, a city's or a region's name: "Bush's" is no place.)
    if (
      isPlaceName(joined) &&
      !(ownerCut && plain.length === 1 && !hasTag(joined, 'Country', 'City', 'Region'))
    ) {
      const canonical = PLACE_ALIASES.get(joined) ?? joined;
      // "Hmeimim air base": an unknown name followed by a lower-case facility noun is the facility.
      addEntity(places, canonical, joined, span);
      continue;
    }
    if (isOrgName(plain)) {
      // "Ford", "Dell", "Marriott": one word the word list knows as a company is also a surname. It is weighed
      // once every person is known (below): the surname of one of them, else the company.
      if (plain.length === 1 && !KNOWN_ORGS.has(joined)) {
        loneOrgs.push({ name: joined, span });
        const tokens = run.tokens.slice(offset);
        candidates.push({
          name: plain,
          title: [],
          run: { ...run, start: span.start, tokens },
          person: false,
          raw: surface,
          titleStart: span.start,
          company: true,
        });
      } else addOrg(joined, span);
      continue;
    }
    if (isNamedDay(plain)) continue;
    // "Presumptive Democratic presidential nominee …": a party's adjective ending the run before a lower-case word
    // describes the noun after it; the capitalised words are that description's, no one's name.
    if (
      PARTY_ADJECTIVE.test(plain[plain.length - 1]!) &&
      /^\s+\p{Ll}/u.test(body.slice(run.end, run.end + 3))
    )
      continue;
    const { title, name } = splitTitle(plain);
    if (name.length === 0) {
      // "Pope said" after "Doug Pope", "Bishop told" after "Grant Bishop": a surname that is also a title word is a
      // mention of the person the article named in full with it, and of no one else.
      // Only a bare one: "Dr. King" may well be someone the article never names in full.
      const last = plain[0]!;
      if (plain.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(last))
        candidates.push({
          name: [last],
          title: [],
          run: { ...run, start: span.start, tokens: run.tokens.slice(offset) },
          person: false,
          raw: surface,
          titleStart: span.start,
        });
      continue;
    }
    // "the Prime Minister's Office", "the Premier's Office": a title owning an organisation's head word names a
    // body, not a person called "Office".
    const owned = name.length === 1 && title.length > 0 ? stripPossessive(surface) : '';
    if (owned && /[’']s\s+\S+$/.test(owned) && ORG_HEADS.has(name[0]!.toLowerCase())) {
      addOrg(owned, span);
      continue;
    }
    const nameSpan = { start: run.tokens[offset + title.length]!.start, end: run.end };
    const nameText = name.join(' ');
    if (name.length === 1 && isPlaceName(nameText)) {
      addEntity(places, PLACE_ALIASES.get(nameText) ?? nameText, nameText, nameSpan);
      continue;
    }
    if (name.every((w) => isDemonym(w) || isCommonWord(w) || /^\d/.test(w))) continue;
    const hasPersonTitle = title.some((t) => PERSON_TITLES.has(t.toLowerCase()));
    const firstName =
      name.length >= 2 &&
      (firstNameGender(name[0]!) !== null ||
        (WORD_GIVEN_NAMES.has(name[0]!) && !isCommonWord(name[name.length - 1]!)));
    const before = body.slice(Math.max(0, span.start - 60), span.start);
    const after = body.slice(nameSpan.end, nameSpan.end + 80);
    const appositive = /^,\s+(?:the|a|an)\s/i.test(after) || /^,\s+\p{Lu}\p{Ll}+ (?:of|to)\s/u.test(after);
    const preAppositive =
      /,\s*$/.test(before) && roleHead(before.split(/[.,;:]/).slice(-2, -1)[0] ?? '') !== null;
    // (The word lookups of the last two are made only when nothing before has made a person of the name.)
    const person =
      hasPersonTitle ||
      firstName ||
      ((appositive || preAppositive) && name.length >= 1) ||
      unknownWords(name) ||
      namedAfterRole(name, title, before);
    const speaks =
      name.length === 1 &&
      title.length === 0 &&
      !/^\p{Lu}+$/u.test(nameText) &&
      lexiconTags(nameText).length === 0 &&
      !isCommonWord(nameText) &&
      !/[’'](?:re|ve|ll|d|m|s|t)$/i.test(nameText) &&
      (AT_SENTENCE_START.test(before)
        ? SPEAKS_NEXT.test(after)
        : AFTER_COMMA.test(before) && SAYS_NEXT.test(after)) &&
      !endsLongerName(body, nameText);
    const relative =
      name.length === 1 &&
      title.length === 0 &&
      /^,/.test(after) &&
      (firstNameGender(nameText) !== null || (lexiconTags(nameText).length === 0 && !isCommonWord(nameText)))
        ? KIN_BEFORE.exec(before)?.[1]
        : undefined;
    const kin: Gender | undefined = relative
      ? (KIN_GENDER.get(relative.toLowerCase()) ?? firstNameGender(nameText) ?? 'unknown')
      : undefined;
    candidates.push({
      name,
      title,
      run: { ...run, start: nameSpan.start, tokens: run.tokens.slice(offset) },
      person: person || speaks || kin !== undefined,
      ...(speaks ? { speaks } : {}),
      ...(kin ? { kin } : {}),
      raw: surface,
      titleStart: span.start,
    });
    if (!person && name.length === 1) {
      // A lone unknown capitalised word after "in", "from", "near" is a place ("in Latakia").
      const prevToken =
        body
          .slice(Math.max(0, span.start - 12), span.start)
          .trim()
          .split(/\s+/)
          .pop() ?? '';
      // (Not one that owns what follows: "from Lind's post".)
      if (!ownerCut && LOCATIVE.has(prevToken.toLowerCase()) && lexiconTags(nameText).length === 0) {
        addEntity(places, nameText, nameText, nameSpan);
        candidates.pop();
        continue;
      }
      if (
        /^\p{Lu}{2,6}$/u.test(nameText) &&
        /\b(?:agency|group|organi[sz]ation|network|party|militia)\s+$/i.test(before)
      ) {
        orgsByKey.set(nameText.toLowerCase(), { name: nameText, aliases: new Set(), mentions: [nameSpan] });
        candidates.pop();
      }
    }
  }

  // Facilities: "Hmeimim air base" is a place even though "Hmeimim" alone is unknown.
  for (const m of allMatches(
    /\b(\p{Lu}[\p{L}-]+) (air ?base|airbase|naval base|airport|military base)\b/gu,
    body,
  )) {
    if (isCommonWord(m[1]!)) continue;
    const name = `${m[1]} ${m[2]}`;
    addEntity(places, name, name, { start: m.index, end: m.index + name.length });
    const i = candidates.findIndex((c) => c.run.start === m.index);
    if (i >= 0) candidates.splice(i, 1);
  }

  // "PORT ALDER (Reuters) - …": a dateline in capitals names a place, not a person.
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    // "ORLANDO MOURNS", "PLEDGED DELEGATES": a heading in capitals is a person only when it opens with a first
    // name ("JAKE TAPPER:" in a transcript).
    const heading = c.name.length >= 2 && firstNameGender(c.name[0]!.toLowerCase()) === null;
    if (
      c.name.every((w) => w === w.toUpperCase()) &&
      (heading || DATELINE.test(body.slice(c.run.start, c.run.start + 80)))
    )
      candidates.splice(i, 1);
  }

  // People: full names first, then single-word mentions matched on the family name. Two full names that share a
  // surname but not a given name ("Bill Clinton", "Hillary Clinton") are two people; a bare surname is then
  // resolved by `pickPerson` from where it stands.
  const people: PersonRecord[] = [];
  const byKey = new Map<string, PersonRecord[]>();
  // The gender of the pronouns that follow each bare surname ("Clinton says she …"), counted over the article: whom
  // a bare "Clinton" usually means when two Clintons are named and nothing near tells them apart.
  const votes = new Map<string, number>();
  for (const c of candidates) {
    if (c.name.length !== 1 || titleGender(c.title)) continue;
    const g = pronounAfter(body, c.run.end);
    if (!g) continue;
    const key = personKey(normaliseName(c.name[0]!));
    votes.set(key, (votes.get(key) ?? 0) + (g === 'male' ? 1 : -1));
  }
  const surnameGender = new Map<string, Gender>();
  for (const [key, v] of votes) if (v !== 0) surnameGender.set(key, v > 0 ? 'male' : 'female');
  const personMentions: Array<{ person: PersonRecord; start: number }> = [];
  // Each candidate's word count is worked out once, not again at every comparison of the sort.
  const words = new Map(candidates.map((c) => [c, normaliseName(c.name.join(' ')).split(' ').length]));
  const ordered = [...candidates].sort((a, b) => words.get(b)! - words.get(a)! || a.run.start - b.run.start);
  for (const c of ordered) {
    const normalised = normaliseName(c.name.join(' '));
    const key = personKey(normalised);
    const sharing = byKey.get(key) ?? [];
    let isFull = normalised.split(' ').length >= 2;
    let person = isFull ? sharing.find((p) => sameGivenName(p.name, normalised)) : undefined;
    // "Team Trump", "Injecting Clinton": words that do not make a person of their own before a known surname are
    // a mention of that surname, not someone new.
    if (!person && isFull && !c.person && sharing.length > 0) isFull = false;
    // "his wife, Jane, …" in an article that also writes "Jane Sanders": the relative is that person, by given name.
    if (!person && c.kin && sharing.length === 0) {
      const given = people.filter((p) => p.name.startsWith(`${normalised} `));
      if (given.length === 1) person = given[0];
    }
    if (!person && !isFull && sharing.length > 0)
      person = pickPerson(sharing, c.run.start, titleGender(c.title), {
        pronoun: pronounAfter(body, c.run.end),
        usual: surnameGender.get(key) ?? null,
        body,
      });
    if (!c.person && sharing.length === 0) continue;
    // "Wilayat Twitter" is no reason to read "Twitter" as a person; "Doug Ford" is, for "Ford".
    if (c.company && !sharing.some((p) => firstNameGender(p.name.split(' ')[0]!) !== null)) continue;
    if (!person && !isFull) {
      // A single unknown word becomes a person only with a title ("Captain Reyes") or a verb of saying after it
      // ("Poilievre said"); other rules may add it later.
      if (!c.speaks && !c.kin && !c.title.some((t) => PERSON_TITLES.has(t.toLowerCase()))) continue;
    }
    if (!person) {
      person = {
        name: normalised,
        aliases: new Set(),
        mentions: [],
        roles: [],
        gender: 'unknown',
        key,
        full: [],
      };
      byKey.set(key, [...sharing, person]);
      people.push(person);
    }
    if (isFull) person.full.push(c.run.start);
    const writtenName = stripPossessive(c.name.join(' '));
    if (writtenName !== person.name) person.aliases.add(writtenName);
    if (c.name.length === 1 && c.title.length > 0) person.aliases.add(`${c.title.join(' ')} ${c.name[0]}`);
    person.mentions.push({ start: c.run.start, end: c.run.end });
    personMentions.push({ person, start: c.run.start });
    collectRoles(body, c, person);
    const first =
      c.name.length >= 2 ? (firstNameGender(c.name[0]!) ?? WORD_GIVEN_NAMES.get(c.name[0]!) ?? null) : null;
    if (first && first !== 'unknown') person.gender = first;
    if (c.kin && c.kin !== 'unknown' && person.gender === 'unknown') person.gender = c.kin;
    const g = titleGender(c.title);
    if (g && (sharing.length <= 1 || person.gender === 'unknown')) person.gender = g;
  }
  // A person whose given name and titles tell no gender ("Raj Patel", "Priya") takes the one the subject pronouns
  // right after their mentions agree on ("Raj Patel said he …"), so a later "she said" does not fall to him. A first
  // pronoun that is an object or possessive ("Patel thanked her") may be someone else's, and counts for neither.
  for (const person of people) {
    if (person.gender !== 'unknown' || byKey.get(person.key)!.length > 1) continue;
    let he = 0;
    let she = 0;
    for (const m of person.mentions) {
      const subject = PRONOUN_AFTER.exec(body.slice(m.end, m.end + 120))?.[1];
      if (subject === 'he') he++;
      else if (subject === 'she') she++;
    }
    if (he > 0 && she === 0) person.gender = 'male';
    else if (she > 0 && he === 0) person.gender = 'female';
  }
  for (const org of loneOrgs) {
    const named = byKey
      .get(personKey(org.name))
      ?.some((p) => firstNameGender(p.name.split(' ')[0]!) !== null);
    if (!named) addOrg(org.name, org.span);
  }
  personMentions.sort((a, b) => a.start - b.start);
  for (const p of people) p.mentions.sort((a, b) => a.start - b.start);
  people.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  // In order of first mention, as found (a lone company word is only added once the people are known).
  const organizations = [...orgsByKey.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  return {
    people,
    places: [...places.values()],
    organizations,
    personMentions,
    body,
    surnameGender,
    writtenNames: new Map(),
    roleReadings: new Map(),
  };
}

function collectRoles(
  body: string,
  c: { title: string[]; run: Run; name: string[]; titleStart: number },
  person: PersonRecord,
): void {
  const titleRole = c.title.filter((t) => !/^(?:mr|mrs|ms|dr)\.?$/i.test(t)).join(' ');
  if (titleRole) person.roles.push(titleRole);
  const after = body.slice(c.run.end, c.run.end + 160);
  const m = /^,\s+((?:the|a|an)\s+)?([^,.;:!?]+)([,.;:!?]|$)/i.exec(after);
  // ", speaking outside the agency's office" is what the person was doing, not a role; "After meeting Jens
  // Stoltenberg, the spokesman said …" is a new clause's subject and its verb (an inflected verb of saying; "state"
  // is a noun as often), not his role. Where the name opens its sentence, the verb is its own ("Sam Lau, the
  // communications director for the party said …", a comma left out).
  if (
    m &&
    !/^\p{Ll}+ing\b/u.test(m[2]!) &&
    !(
      !AT_SENTENCE_START.test(body.slice(Math.max(0, c.titleStart - 4), c.titleStart)) &&
      m[2]!
        .split(/\s+(?:who|which|whose|that)\s+/)[0]!
        .split(/\s+/)
        .some((w) => QUOTE_VERBS.has(w) && QUOTE_VERBS.get(w) !== w)
    ) &&
    (m[1] || /^\p{Lu}\p{Ll}+ (?:of|to)\s/u.test(m[2]!) || roleHead(m[2]!) !== null)
  ) {
    const role = roleFromPhrase(m[2]!, m[3] === ',' || m[3] === '.');
    if (role && roleHead(role)) person.roles.push(role);
  }
  const before = body.slice(Math.max(0, c.titleStart - 120), c.titleStart);
  // A role before the name ends in a comma: the pattern, tried from every position, runs only when one is there. It
  // starts no earlier than the name's paragraph: a photo credit or byline line above ("Instagram/Sarah Lee") is none
  // of it.
  const commaBefore = before.trimEnd().endsWith(',');
  const pre = commaBefore
    ? /(?:^|[.;:!?]\s+|,\s+|\b(?:to|by)\s+)((?:the|a|an|her|his|their|its|our)\s+)?([^,.;:!?\n]+),\s*$/i.exec(
        before,
      )
    : null;
  const prePhrase = pre ? (pre[2]!.split(/\s+and\s+/).pop() ?? '') : '';
  if (pre && roleHead(prePhrase) !== null) {
    const role = cleanDescription(prePhrase.replace(/^(?:according to|her|his|their|its|our)\s+/i, ''));
    if (role && role.split(' ').length <= 8) person.roles.push(role);
  }
  // Lower-case role words written straight before the name: "Military spokesman Andriy Lysenko".
  const window = body.slice(Math.max(0, c.titleStart - 60), c.titleStart);
  // Only words of the same sentence: not the "Kinew" of "Wab Kinew spoke.\n\nOpposition leader Heather Stefanson".
  // An initialism's stops ("former U.N. secretary general") end nothing.
  let cut = 0;
  for (const m of allMatches(SENTENCE_BREAK, window)) cut = m.index + 1;
  const clause = window.slice(cut);
  const leadWords = /\s$/.test(clause) ? splitSpaces(clause.trim()) : [];
  const roleWord = leadWords.pop() ?? '';
  if (/^\p{L}+$/u.test(roleWord) && isRoleWordBefore(roleWord.toLowerCase()) && !commaBefore) {
    const words = leadWords.slice(-3).filter((w) => /^\p{L}[\p{L}’'-]*$/u.test(w));
    let keep = words.length;
    while (
      keep > 0 &&
      !FUNCTION_WORDS.has(words[keep - 1]!.toLowerCase()) &&
      !hasTag(
        words[keep - 1]!,
        'Verb',
        'Modal',
        'PastTense',
        'Infinitive',
        'Copula',
        'Adverb',
        'Preposition',
        'Determiner',
        'Conjunction',
      ) &&
      // "inviting Trump critic", "backing former Florida governor": a participle's object, not the role; one
      // right before the role noun is part of it ("organizing director").
      (keep === words.length || !hasTag(words[keep - 1]!, 'Gerund'))
    )
      keep--;
    person.roles.push([...words.slice(keep), roleWord].join(' '));
  }
}

/** Where a sentence or a quote ends, for the role words before a name (a stop after an initial is no end). */
const SENTENCE_BREAK = /[!?;:\n“”"]|(?<!(?:^|[\s.])\p{Lu})\./gu;

/** The role to show: the most informative one the article gives. */
export function bestRole(person: PersonRecord): string | null {
  let best: string | null = null;
  for (const role of person.roles) {
    if (!best || role.split(' ').length > best.split(' ').length) best = role;
  }
  return best;
}

/**
 * Matches a description ("The head of the defense committee in Russia’s upper house of parliament") to the person
 * whose role it restates ("head of the parliamentary defense committee"): same head noun and at least one more
 * content word in common, so "the Russian President" finds Putin but "a navy spokeswoman" finds no one.
 */
/** Role words that news uses for people it does not name ("a senior official", "one analyst"). */
const ANONYMOUS_ROLES = new Set([
  'official',
  'officials',
  'officer',
  'analyst',
  'expert',
  'member',
  'representative',
  'observer',
  'monitor',
  'researcher',
  'adviser',
  'advisor',
  'diplomat',
  'veteran',
  'candidate',
]);

export function resolveDescription(
  index: EntityIndex,
  description: string,
  definiteAt?: number,
): PersonRecord | null {
  const head = roleHead(description);
  if (!head) return null;
  const words = new Set(roleWords(description));

  let best: PersonRecord | null = null;
  let bestScore = 0;
  let cleaned: string | undefined;
  for (const person of index.people) {
    for (const role of person.roles) {
      const reading = readRole(index, role);
      if (reading.head !== head) continue;
      reading.words ??= roleWords(role);
      reading.cleaned ??= cleanDescription(role).toLowerCase();
      const shared = reading.words.filter((w) => words.has(w) && w !== head.slice(0, 6)).length;
      cleaned ??= cleanDescription(description).toLowerCase();
      const score = shared + (reading.cleaned === cleaned ? 10 : 0);
      if (score > bestScore) {
        best = person;
        bestScore = score;
      }
    }
  }
  if (bestScore >= 1) return best;
  // "the minister", "the premier": a definite role word alone restates the person the article has just named with
  // that role ("Immigration Minister Sean Fraser", "Gov. Tim Houston"). "The official" or "the analyst" mostly restates an unnamed one ("A senior official said
  // …. …, the official said"), and "the candidate" the article's subject, so those are left alone.
  if (
    definiteAt === undefined ||
    ANONYMOUS_ROLES.has(head) ||
    stripPossessive(cleanDescription(description)).toLowerCase() !== head
  )
    return null;
  // The person mentioned last before the description, if that is the role's holder: "Rubio sought …. …, the senator
  // said" is not the Sen. Sanders of three paragraphs up.
  let last: PersonRecord | null = null;
  for (const m of index.personMentions) {
    if (m.start >= definiteAt) break;
    if (m.start >= definiteAt - RECENT_ROLE_HOLDER) last = m.person;
  }
  return last && last.roles.some((r) => readRole(index, r).head === head || titleHead(r) === head)
    ? last
    : null;
}

/** `role` as read for `resolveDescription`, from the article's table of roles read (the reading is the role's own). */
function readRole(index: EntityIndex, role: string): RoleReading {
  return answeredOnce(index.roleReadings, role, (r) => ({ head: roleHead(r) }));
}

/** How far back (characters: three or four paragraphs) "the minister" looks for the minister it restates. */
const RECENT_ROLE_HOLDER = 1500;

/** The role word an abbreviated title stands for: "Gov." is a governor, "Florida Sen." a senator. */
function titleHead(title: string): string | null {
  for (const word of title.toLowerCase().split(/[^a-z]+/)) {
    const head = TITLE_HEADS.get(word);
    if (head) return head;
  }
  return null;
}
const TITLE_HEADS: ReadonlyMap<string, string> = new Map([
  ['gov', 'governor'],
  ['sen', 'senator'],
  ['gen', 'general'],
  ['adm', 'admiral'],
  ['capt', 'captain'],
  ['col', 'colonel'],
  ['lt', 'lieutenant'],
  ['sgt', 'sergeant'],
  ['prof', 'professor'],
]);

/** The gender a title gives ("Mrs." female, "Mr." male), or null. */
function titleGender(title: string[]): Gender | null {
  let gender: Gender | null = null;
  for (const t of title) gender = TITLE_GENDER.get(t.toLowerCase()) ?? gender;
  return gender;
}

/**
 * Whether two full names can be one person: "Donald Trump" and "Donald J. Trump", "Hillary Clinton" and "Hillary
 * Rodham Clinton", but not "Bill Clinton" and "Hillary Clinton".
 */
function sameGivenName(a: string, b: string): boolean {
  const wa = a.toLowerCase().split(' ').slice(0, -1);
  const wb = b.toLowerCase().split(' ').slice(0, -1);
  if (wa.length === 0 || wb.length === 0 || wa[0] === wb[0]) return true;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.every((w) => long.includes(w));
}

/**
 * Which of several people sharing a surname a bare "Clinton" or "Mrs. Clinton" at `at` means: one whose gender
 * fits the title; then the one whose full name was written just before it; else the one the article writes in full
 * most often.
 */
export function pickPerson(
  sharing: PersonRecord[],
  at: number,
  gender: Gender | null,
  hint: { pronoun: Gender | null; usual: Gender | null; body?: string } | null = null,
): PersonRecord {
  if (sharing.length === 1) return sharing[0]!;
  let pool = sharing;
  if (gender) {
    const fits = pool.filter((p) => p.gender === gender);
    const open = pool.filter((p) => p.gender === 'unknown');
    pool = fits.length > 0 ? fits : open.length > 0 ? open : pool;
  }
  // A pronoun is a weaker sign than a title: it only tells a man from a woman ("Clinton says she …" is not Bill
  // Clinton); a person whose gender is unknown stays ("Jeb Bush … he").
  const unlike = (g: Gender | null) => {
    const other = g === 'male' ? 'female' : g === 'female' ? 'male' : null;
    if (other && pool.some((p) => p.gender === g)) pool = pool.filter((p) => p.gender !== other);
  };
  if (!gender) unlike(hint?.pronoun ?? null);
  let best: PersonRecord | null = null;
  let bestAt = -1;
  for (const p of pool) {
    for (const s of p.full)
      if (s < at && s > bestAt && at - s <= NEAR_FULL_NAME && !namedInRelative(hint?.body, s))
        [best, bestAt] = [p, s];
  }
  if (best) return best;
  // Further away, the article's main bearer of the surname: one of the gender the pronouns after the bare surname
  // usually have, then the one it writes in full most often, then the one it introduced first.
  if (!gender) unlike(hint?.usual ?? null);
  const first = (p: PersonRecord) => p.full[0] ?? p.mentions[0]?.start ?? Infinity;
  return pool.reduce((a, b) =>
    b.full.length > a.full.length || (b.full.length === a.full.length && first(b) < first(a)) ? b : a,
  );
}

/**
 * Whether the full name at `start` is named inside a relative clause about someone else: "Cambria Harris, whose
 * mother Morgan Harris is missing, spoke next. … Harris said" is Cambria Harris, the sentence's subject, though her
 * mother's name is nearer.
 */
function namedInRelative(body: string | undefined, start: number): boolean {
  return body !== undefined && WHOSE_BEFORE.test(body.slice(Math.max(0, start - 40), start));
}
const WHOSE_BEFORE = /,\s+whose\s+(?:[\p{Ll}-]+\s+){1,3}$/u;

/** How far back (characters: the sentence before or so) a full name decides whom a shared bare surname means. */
const NEAR_FULL_NAME = 400;

/**
 * Finds the person a written name refers to: "Putin", "Mr. Holloway", "Sen. Rachel Dunn". `at` is where the name
 * is written, which decides between people sharing a surname.
 */
export function resolveName(index: EntityIndex, text: string, at: number): PersonRecord | null {
  const read = answeredOnce(index.writtenNames, text, readName);
  if (read === null) return null;
  const { title, normalised, key } = read;
  const sharing = index.people.filter((p) => p.key === key);
  if (sharing.length === 0) return null;
  // Only a written given name ("Eric Trump") tells people apart; "Team Trump" or "in a Bloomberg interview Trump"
  // is the bare surname with other words before it.
  const given = normalised.split(' ').slice(0, -1);
  const named =
    given.length > 0 &&
    given.every(
      (w) =>
        /^\p{Lu}/u.test(w) &&
        (firstNameGender(w) !== null ||
          WORD_GIVEN_NAMES.has(w) ||
          /^\p{Lu}\.?$/u.test(w) ||
          !isCommonWord(w)),
    );
  if (named) {
    const same = sharing.find((p) => sameGivenName(p.name, normalised));
    // "Eric Trump" when the article only knew "Donald Trump" is someone else.
    if (same || sharing.every((p) => p.name.split(' ').length < 2)) return same ?? sharing[0]!;
    return null;
  }
  const written = text.trim();
  return pickPerson(sharing, at, titleGender(title), {
    pronoun:
      at >= 0 && index.body.startsWith(written, at) ? pronounAfter(index.body, at + written.length) : null,
    usual: index.surnameGender.get(key) ?? null,
    body: index.body,
  });
}

/** Reads a written name ("Sen. Rachel Dunn") into its title and name; null for a title alone. */
function readName(text: string): WrittenName | null {
  const words = splitSpaces(stripPossessive(text.trim()));
  const split = splitTitle(words);
  // A bare surname that is also a title word ("Pope" for Doug Pope) names only someone the article calls so.
  const name = split.name.length > 0 || words.length > 1 ? split.name : words;
  if (name.length === 0) return null;
  const normalised = normaliseName(name.join(' '));
  return { title: split.title, normalised, key: personKey(normalised) };
}

/**
 * The gender of the first personal pronoun after a bare surname, within its clause and outside quotes: "Clinton
 * says she respects Sanders" is the woman of two Clintons. Stops at a sentence's end, a quotation mark, a line
 * break or another capitalised word ("Clinton thanked Sanders for his support"), after which a pronoun may be
 * anyone's.
 */
function pronounAfter(body: string, from: number): Gender | null {
  const m = PRONOUN_AFTER.exec(body.slice(from, from + 120));
  if (!m) return null;
  return /^(?:he|him|his)$/.test(m[1]!) ? 'male' : 'female';
}

const PRONOUN_AFTER = /^(?:[^.!?“”"‘\n\p{Lu}]|\B\p{Lu})*?\b(he|him|his|she|her|hers)\b/u;

/** Adds an organisation the speaker rules found ("Manitoba Hydro said") when the name rules had not. */
export function addSpeakerOrganization(index: EntityIndex, name: string, span: Span): void {
  const known = index.organizations.find((o) => o.name === name);
  if (known) known.mentions.push(span);
  else index.organizations.push({ name, aliases: new Set(), mentions: [span] });
}

/** Adds a person the speaker rules found ("Jens Stoltenberg told reporters") when the name rules had not. */
export function addSpeakerPerson(index: EntityIndex, name: string, span: Span): PersonRecord {
  const normalised = normaliseName(name);
  const person: PersonRecord = {
    name: normalised,
    aliases: new Set(),
    mentions: [span],
    roles: [],
    gender:
      firstNameGender(normalised.split(' ')[0]!) === 'female'
        ? 'female'
        : firstNameGender(normalised.split(' ')[0]!) === 'male'
          ? 'male'
          : 'unknown',
    key: personKey(normalised),
    full: normalised.includes(' ') ? [span.start] : [],
  };
  index.people.push(person);
  index.personMentions.push({ person, start: span.start });
  index.personMentions.sort((a, b) => a.start - b.start);
  return person;
}

/** A relative named after a comma: "Patel's daughter, Priya, …", "his wife, Anne, …". */
const KIN_BEFORE =
  /\b(wife|husband|partner|widow|widower|son|daughter|mother|father|sister|brother|niece|nephew|cousin|aunt|uncle|grandson|granddaughter|grandmother|grandfather|fianc[ée]e?)\s*,\s*$/i;
/** The gender a relative's noun gives; "partner", "cousin" and "fiancé(e)" give none. */
const KIN_GENDER: ReadonlyMap<string, Gender> = new Map(
  Object.entries({
    wife: 'female',
    widow: 'female',
    daughter: 'female',
    mother: 'female',
    sister: 'female',
    niece: 'female',
    aunt: 'female',
    granddaughter: 'female',
    grandmother: 'female',
    husband: 'male',
    widower: 'male',
    son: 'male',
    father: 'male',
    brother: 'male',
    nephew: 'male',
    uncle: 'male',
    grandson: 'male',
    grandfather: 'male',
  }),
);

/** Finds the organisation a phrase names ("the Defense Ministry", "Iran’s foreign ministry"). */
export function resolveOrganization(index: EntityIndex, text: string): EntityRecord | null {
  const cleaned = cleanDescription(text);
  const key = orgKey(cleaned);
  return (
    index.organizations.find(
      (o) => orgKey(o.name) === key || [...o.aliases].some((a) => orgKey(a) === key),
    ) ?? null
  );
}

export function toPerson(p: PersonRecord): Person {
  return { name: p.name, aliases: [...p.aliases], mentions: p.mentions, role: bestRole(p) };
}

export function toEntity(e: EntityRecord): Entity {
  return { name: e.name, aliases: [...e.aliases], mentions: e.mentions.sort((a, b) => a.start - b.start) };
}
