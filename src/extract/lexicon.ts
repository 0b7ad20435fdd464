/**
 * Word lists the extractor's rules are built on. Hand-written lists keep the rules fast and predictable (a lookup
 * in a Set), and the compromise lexicon fills in what a short list cannot: thousands of first names, countries and
 * cities, and which capitalised words are just ordinary English words at the start of a sentence.
 */
import nlp from 'compromise';

/**
 * compromise's built-in lexicon: lower-cased word → its tags, read once into a Map of tag lists. A Map lookup does
 * not have to intern the word first as a property access does, and the lists are built once instead of at each
 * lookup; the extractor looks words up thousands of times per article.
 */
const LEXICON: ReadonlyMap<string, readonly string[]> = withIrregularPasts(
  new Map(
    Object.entries((nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon).map(
      ([word, tags]) => [word, typeof tags === 'string' ? [tags] : tags],
    ),
  ),
);

/**
 * Adds the past tense to irregular pasts compromise lists only as a participle or an adjective ("sought", "built",
 * "left"), so that "The senator sought to calm the crowd, saying …" reads its verb as the others' ("backed",
 * "took") are read.
 */
function withIrregularPasts(lexicon: Map<string, readonly string[]>): Map<string, readonly string[]> {
  for (const w of ['sought', 'built', 'left', 'lost', 'understood', 'clung', 'shone', 'wrung', 'bound'])
    lexicon.set(w, [...(lexicon.get(w) ?? []), 'PastTense']);
  return lexicon;
}
const NO_TAGS: readonly string[] = [];

/**
 * The lower-cased words of compromise's lexicon whose tags pass `test`, read once when a module builds a word set
 * from them (a Set lookup instead of a lookup and a walk over the tags for each word asked).
 */
export function lexiconWordsWhere(test: (tags: readonly string[]) => boolean): ReadonlySet<string> {
  const words = new Set<string>();
  for (const [word, tags] of LEXICON) if (test(tags)) words.add(word);
  return words;
}

/** compromise's conjugator: "mused" → "muse", "quipped" → "quip", "replies" → "reply", "went" → "go". */
const toInfinitive = (
  nlp.methods() as unknown as {
    two: { transform: { verb: { toInfinitive: (word: string, model: unknown, tense: string) => string } } };
  }
).two.transform.verb.toInfinitive;

/**
 * The base form of a verb in the past tense or the third person, regular or not ("mused" → "muse", "surmised" →
 * "surmise", "pushes" → "push", "shot" → "shoot"): what a quote's `verb` holds for a verb no list names. Stripping
 * the ending by hand broke the stem ("mus", "elaborat").
 */
export function verbBaseForm(word: string): string {
  const w = lowerCased(word);
  const tense = w.endsWith('s') && !w.endsWith('ss') ? 'PresentTense' : 'PastTense';
  return toInfinitive(w, nlp.model(), tense) || w;
}

/**
 * `answer` behind a small table of the words asked lately. An article asks about a few dozen words again and again
 * (some 300 lookups of 70 words for a real-size one), while the big word sets behind the answers (LEXICON has some
 * 25,000 entries) sit in memory the rest of the extraction has long evicted from the cache; the small table stays
 * in it. Emptied past 4,096 entries, so it never holds more than a few articles' words.
 */
export function recentlyAsked<T>(answer: (word: string) => T): (word: string) => T {
  const recent = new Map<string, T>();
  return (word) => {
    let known = recent.get(word);
    if (known === undefined) {
      known = answer(word);
      if (recent.size >= 4096) recent.clear();
      recent.set(word, known);
    }
    return known;
  };
}

/**
 * `answer(key)`, kept in `memo` the first time it is asked: for what rules ask again and again within one article,
 * with a table that lives only as long as that article's reading (unlike {@link recentlyAsked}'s, across articles).
 */
export function answeredOnce<K, V>(memo: Map<K, V>, key: K, answer: (key: K) => V): V {
  let known = memo.get(key);
  if (known === undefined) {
    known = answer(key);
    memo.set(key, known);
  }
  return known;
}

/** The compromise tags of a word (lower-cased lookup), or an empty list. */
export const lexiconTags: (word: string) => readonly string[] = recentlyAsked(
  (word) => LEXICON.get(lowerCased(word)) ?? NO_TAGS,
);

/**
 * `word.toLowerCase()`, without the copy when the word is lower-case ASCII already (most words of an article): the
 * rules lower-case words sliced from the article thousands of times per article, and each copy is hashed anew when
 * it is looked up.
 */
export function lowerCased(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return word.toLowerCase();
  }
  return word;
}

/** True when compromise knows the word with one of the given tags. */
export function hasTag(word: string, ...wanted: string[]): boolean {
  const tags = lexiconTags(word);
  for (const t of tags) if (wanted.includes(t)) return true;
  return false;
}

/**
 * A first name compromise knows, with the gender its list implies. Its lists are English: a French given name is
 * read without its accents ("Mélanie" as "Melanie") and a compound one by its parts ("Jean-Yves", "Marie-Claude",
 * both parts given names, so "Al-Assad" is none), with the French names the English lists lack or give the other
 * gender ("Stéphane" is a man).
 */
export function firstNameGender(word: string): 'male' | 'female' | 'unknown' | null {
  const listed = listedGender(word);
  if (listed || !/[^\p{ASCII}]|-/u.test(word)) return listed;
  const parts = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split('-')
    .map((part) => FRENCH_GIVEN_NAMES.get(part) ?? listedGender(part));
  return parts.every((g) => g !== null) ? parts[0]! : null;
}

function listedGender(word: string): 'male' | 'female' | 'unknown' | null {
  const tags = lexiconTags(word);
  if (tags.includes('MaleName')) return 'male';
  if (tags.includes('FemaleName')) return 'female';
  if (tags.includes('FirstName')) return 'unknown';
  return null;
}

/** French given names, without accents, that compromise lacks or lists as the other gender. */
const FRENCH_GIVEN_NAMES: ReadonlyMap<string, 'male' | 'female'> = new Map<string, 'male' | 'female'>([
  ['Jean', 'male'],
  ['Yves', 'male'],
  ['Benoit', 'male'],
  ['Francois', 'male'],
  ['Stephane', 'male'],
  ['Rene', 'male'],
  ['Andree', 'female'],
  ['Noemie', 'female'],
  ['Marie', 'female'],
  ['Eve', 'female'],
  ['Francoise', 'female'],
  ['Josee', 'female'],
]);

/**
 * Given names that are also ordinary words, which compromise lists only as the word ("bill", "hope"), with the
 * gender they carry: a person's first name when a surname follows ("Bill Clinton", "Hope Hicks"). Names that are
 * also modals, months or titles (Will, May, June, Dean, Earl) are left out: "Will Trump win?" is no person.
 */
export const WORD_GIVEN_NAMES: ReadonlyMap<string, 'male' | 'female'> = new Map<string, 'male' | 'female'>([
  ['Bill', 'male'],
  ['Rush', 'male'],
  ['Gene', 'male'],
  ['Dick', 'male'],
  ['Cliff', 'male'],
  ['Ray', 'male'],
  ['Jay', 'male'],
  ['Hunter', 'male'],
  ['Max', 'male'],
  ['Reed', 'male'],
  ['Hope', 'female'],
  ['Faith', 'female'],
  ['Joy', 'female'],
  ['Dawn', 'female'],
  ['Lily', 'female'],
  ['Rose', 'female'],
  ['Holly', 'female'],
  ['Daisy', 'female'],
  ['Violet', 'female'],
  ['Pearl', 'female'],
  ['Ruby', 'female'],
  ['Jade', 'female'],
  ['Robin', 'female'],
  ['Penny', 'female'],
  ['Hazel', 'female'],
  ['Melody', 'female'],
  ['Guy', 'male'],
  ['Miles', 'male'],
]);

/** Inflects a base verb into the forms news copy uses: says, said/added, saying. */
function forms(base: string, past?: string): string[] {
  const out = [base];
  const third = /(?:s|sh|ch|x|z)$/.test(base)
    ? `${base}es`
    : /[^aeiou]y$/.test(base)
      ? `${base.slice(0, -1)}ies`
      : `${base}s`;
  out.push(third);
  if (past) out.push(past);
  else if (base.endsWith('e')) out.push(`${base}d`);
  else if (/[^aeiou]y$/.test(base)) out.push(`${base.slice(0, -1)}ied`);
  else out.push(`${base}ed`);
  return out;
}

function verbMap(entries: Array<string | [string, string]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const [base, past] = typeof entry === 'string' ? [entry, undefined] : entry;
    for (const form of forms(base, past)) map.set(form, base);
  }
  return map;
}

/**
 * Speech verbs that also take plain objects ("suggested a compromise", "denied the report", "recalled his youth"):
 * reported speech reads them only before "that" or a clause with a finite verb. Listed once here, they go into
 * both CLAUSE_SPEECH_VERBS and CLAUSE_ONLY_VERBS.
 */
const CLAUSE_ONLY_ENTRIES: Array<string | [string, string]> = [
  'suggest',
  // "maintains that …" is speech; "maintains 28,500 soldiers in South Korea" is a garrison.
  'maintain',
  'recall',
  'repeat',
  'reiterate',
  'indicate',
  ['deny', 'denied'],
  'assure',
  'observe',
  'remark',
  'mention',
  'conclude',
  'speculate',
  'boast',
  'respond',
  'joke',
  // "threatened to veto the bill", "threatened that …": a threat made, read as "vowed to …" is (not "threatened
  // his rivals").
  'threaten',
];

/**
 * Verbs that report what someone said and can take the said thing as a clause ("Ozerov says Russia would need …").
 * These make reported speech. Belief and perception verbs (think, believe, expect, fear, hope) are deliberately
 * absent: "Lindqvist thinks the public knows too little" is an opinion the reporter attributes, not speech.
 */
export const CLAUSE_SPEECH_VERBS = verbMap([
  ['say', 'said'],
  ['tell', 'told'],
  'add',
  'state',
  'announce',
  'claim',
  'warn',
  'insist',
  'note',
  'estimate',
  'confirm',
  'explain',
  'argue',
  'concede',
  'acknowledge',
  ['admit', 'admitted'],
  'predict',
  'reply',
  'declare',
  'assert',
  'stress',
  'emphasise',
  'emphasize',
  ['write', 'wrote'],
  'tweet',
  'reveal',
  'promise',
  'vow',
  'pledge',
  'report',
  'describe',
  'allege',
  'contend',
  'counter',
  'testify',
  'disclose',
  'caution',
  'complain',
  // Added for published news (issue 14): verbs that also take plain objects, read only before a clause.
  ...CLAUSE_ONLY_ENTRIES,
  ['ask', 'asked'],
  // "wondered whether the plan would work": an indirect question, read only before its "whether", "if" or "why".
  'wonder',
]);

/** Base forms of CLAUSE_SPEECH_VERBS that make reported speech only before "that" or a finite clause. */
export const CLAUSE_ONLY_VERBS = new Set(CLAUSE_ONLY_ENTRIES.map((e) => (typeof e === 'string' ? e : e[0])));

/**
 * More verbs news copy puts around a quote ('…," mused Jane Smith', 'Clinton proclaimed at a press conference, "…"',
 * '…," opined Cleveland's Plain Dealer'), by the forms that attribute: the past tense, and the present where it is
 * no plural noun. Their base forms are nouns as often ("a snappy retort:", "a lament"), so they are not listed;
 * nor are "agreed" ("agreed to …", "the leaders agreed "…"" is a partial quote) and "elaborated" ("The campaign
 * did not elaborate.").
 */
const ATTRIBUTION_FORMS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['muse', 'mused', 'muses'],
      ['opine', 'opined', 'opines'],
      ['proclaim', 'proclaimed', 'proclaims'],
      ['retort', 'retorted'],
      ['lament', 'lamented'],
      ['brag', 'bragged', 'brags'],
      ['scoff', 'scoffed', 'scoffs'],
      ['exhort', 'exhorted'],
      ['gush', 'gushed', 'gushes'],
      ['marvel', 'marveled', 'marvelled', 'marvels'],
      ['chide', 'chided', 'chides'],
      ['fume', 'fumed'],
      ['sniff', 'sniffed'],
      ['thunder', 'thundered'],
      ['wonder', 'wondered', 'wonders'],
      ['tease', 'teased'],
      ['gripe', 'griped'],
      ['grumble', 'grumbled', 'grumbles'],
      ['mumble', 'mumbled'],
      ['mutter', 'muttered', 'mutters'],
      ['posit', 'posited', 'posits'],
      ['confide', 'confided'],
      ['intone', 'intoned', 'intones'],
      ['reflect', 'reflected'],
      ['protest', 'protested'],
      ['snap', 'snapped'],
    ] as const
  ).flatMap(([base, ...written]) => written.map((form): [string, string] => [form, base])),
);

/** Verbs that attribute a direct quote ("…," she remembers). A superset of the clause-taking speech verbs. */
export const QUOTE_VERBS = new Map<string, string>([
  ...CLAUSE_SPEECH_VERBS,
  ...verbMap([
    'ask',
    'remember',
    'recall',
    'continue',
    'joke',
    'laugh',
    'shout',
    'yell',
    'chant',
    'scream',
    'answer',
    'respond',
    'remark',
    'comment',
    'observe',
    'conclude',
    ['quip', 'quipped'],
    'interject',
    'recount',
    'plead',
    'urge',
    ['tell', 'told'],
    ['write', 'wrote'],
    'exclaim',
    'whisper',
    'sigh',
    'demand',
    'post',
  ]),
  ...ATTRIBUTION_FORMS,
  // "“Nooooo!” the crowd cried out": only the finite forms, since a bare "cry" before a quote is mostly someone
  // imagined saying it ("can't just point their fingers and cry “…”").
  ['cried', 'cry'],
  ['cries', 'cry'],
]);

/*
 * The word tables below are Maps, not object literals: a word looked up in an object must be interned first and,
 * when absent, is searched for on Object.prototype too, so "constructor" or "valueOf" in an article was found in
 * every table (a force figure's owner came out as Object's constructor function).
 */

/** Pronouns that can stand for a speaker, with the gender they require. */
export const PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'plural'> = new Map<
  string,
  'male' | 'female' | 'plural'
>([
  ['he', 'male'],
  ['she', 'female'],
  ['they', 'plural'],
]);

/** Possessive pronouns by the pronoun that stands for their owner: "her claim" is what "she" claimed. */
export const POSSESSIVE_PRONOUNS: ReadonlyMap<string, string> = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['their', 'they'],
  ['its', 'it'],
  ['my', 'I'],
  ['our', 'we'],
]);

/** Words that make a noun phrase a role ("the Russian President", "a navy spokeswoman"), lower-case. */
export const ROLE_NOUNS = new Set(
  `president minister secretary secretary-general spokesman spokeswoman spokesperson head chief director leader
  ambassador general commander governor mayor senator member analyst adviser advisor official officials officer
  chancellor candidate counterpart teacher operator democrat republican envoy chairman chairwoman chair king queen
  premier judge professor researcher expert correspondent editor founder executive admiral captain colonel
  lieutenant sergeant veteran lawmaker deputy negotiator diplomat economist representative prosecutor
  commissioner ministry agency spokespeople administrator coordinator dean rapporteur observer monitor ceo councillor
  councilor columnist commentator pundit strategist pollster`
    .split(/\s+/)
    .filter(Boolean),
);

/** Gender a role noun implies, for pronoun resolution. */
export const ROLE_GENDER: ReadonlyMap<string, 'male' | 'female'> = new Map<string, 'male' | 'female'>([
  ['spokesman', 'male'],
  ['spokeswoman', 'female'],
  ['chairman', 'male'],
  ['chairwoman', 'female'],
  ['king', 'male'],
  ['queen', 'female'],
]);

/**
 * Titles that come before a name ("President Assad", "Gen. Kenneth McKenzie"). They are role words, never part of
 * the name itself, so "President Assad" and "Bashar al-Assad" are the same person.
 */
export const TITLE_WORDS = new Set(
  `president vice prime minister foreign defense defence interior finance deputy secretary general gen. gen sen.
  sen senator rep. rep representative dr. dr mr. mr mrs. mrs ms. ms admiral adm. captain capt. col. colonel lt.
  lieutenant major maj. sgt. sergeant chancellor king queen prince princess pope chief governor gov. mayor
  ambassador commander judge justice speaker professor prof. sheikh ayatollah brig. brigadier cmdr. field marshal
  marshal premier state council member spokesman spokeswoman emir crown minister-president private corporal
  lord lady sir dame father rabbi imam cardinal archbishop bishop envoy special first sec. former attorney leader
  majority minority senate house congressman congresswoman assemblyman assemblywoman treasury circuit district
  pastor reverend rev. chairman chairwoman superintendent sheriff commissioner inspector whip counsel mp mpp mla
  mna mep councillor councilor coun. constable const. cst. det. detective insp. supt. cpl. senators
  representatives governors sens. reps. ceo`
    .split(/\s+/)
    .filter(Boolean),
);

/** Titles that show the next name is a person (not merely a role word such as "State" or "Foreign"). */
export const PERSON_TITLES = new Set(
  `president minister secretary general gen. gen sen. sen senator rep. dr. dr mr. mr mrs. mrs ms. ms admiral adm.
  captain capt. col. colonel lt. lieutenant maj. sgt. sergeant chancellor king queen prince princess pope governor
  gov. mayor ambassador commander judge professor prof. sheikh ayatollah brig. brigadier cmdr. marshal premier
  spokesman spokeswoman emir lord lady sir dame rabbi imam cardinal archbishop bishop envoy corporal private`
    .split(/\s+/)
    .filter(Boolean),
);

/** Gender a title implies. */
export const TITLE_GENDER: ReadonlyMap<string, 'male' | 'female'> = new Map<string, 'male' | 'female'>([
  ['mr.', 'male'],
  ['mr', 'male'],
  ['mrs.', 'female'],
  ['mrs', 'female'],
  ['ms.', 'female'],
  ['ms', 'female'],
  ['king', 'male'],
  ['queen', 'female'],
  ['prince', 'male'],
  ['princess', 'female'],
  ['lord', 'male'],
  ['lady', 'female'],
  ['sir', 'male'],
  ['dame', 'female'],
]);

/** Words that end an organisation's name and so mark a capitalised run as an organisation. */
export const ORG_HEADS = new Set(
  `ministry committee council agency army navy fund bank nations union organization organisation observatory party
  department pentagon kremlin parliament senate congress commission court corporation corp. inc. institute
  university office service alliance assembly authority police guard front movement coalition group company
  federation association network brigade brigades command force forces board bureau cabinet duma knesset
  government times post news press unit centre center foundation society tribunal ltd inc corp llc plc companies
  hospital system convention`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that end the name of a place ("Wall Street", "Hofstra Hall", "Orange County"), never a person's name. */
export const PLACE_HEADS = new Set(
  `street avenue road boulevard square mall plaza hall bridge county valley river lake island islands beach heights
  hill hills mountains airport harbor harbour station stadium arena`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that open the name of a place ("Fort Bragg", "Port Alder", "Camp Lejeune"), never a person's name. */
export const PLACE_LEADS = new Set(['fort', 'port', 'mount', 'lake', 'cape', 'camp']);

/** Single-word organisations news copy names without a telling head word. */
export const KNOWN_ORGS = new Set(
  `NATO UN EU BBC CNN Reuters AFP AP OPEC IMF SANA Hezbollah Hamas Pentagon Kremlin Taliban WHO UNICEF UNHCR ISIS
  ISIL Interfax TASS RIA Xinhua`
    .split(/\s+/)
    .filter(Boolean),
);

/** Places compromise does not know, and regions named by several words. */
export const EXTRA_PLACES = new Set(
  `Middle East|Gulf|Baltic|Baltics|Balkans|Crimea|Donbas|Donbass|Idlib|Latakia|Tartus|Raqqa|Homs|Palmyra|Hama|Deir ez-Zor|Kiev|Kyiv|Minsk|Debaltseve|Donetsk|Luhansk|Mosul|Fallujah|Gaza|West Bank|Golan Heights|Nevada|Oregon|Virginia|Lithuania|Estonia|Latvia|Beirut|Baghdad|Tehran|Brussels|Washington|Kabul|Kandahar|Tripoli|Benghazi|Sanaa|Aden|Kharkiv|Odesa|Odessa|Mariupol|Sevastopol|Europe|Asia|Africa|Caucasus|Black Sea|Mediterranean|Persian Gulf|Red Sea|Strait of Hormuz|United States|United Kingdom|Soviet Union`.split(
    '|',
  ),
);

/** Other names of a place, mapped to the name the article set should use. */
export const PLACE_ALIASES: ReadonlyMap<string, string> = new Map<string, string>([
  ['Syrian Arab Republic', 'Syria'],
  ['US', 'United States'],
  ['U.S.', 'United States'],
  ['USA', 'United States'],
  ['U.S.A.', 'United States'],
  ['America', 'United States'],
  ['UK', 'United Kingdom'],
  ['U.K.', 'United Kingdom'],
  ['Britain', 'United Kingdom'],
  ['Great Britain', 'United Kingdom'],
  ['Russian Federation', 'Russia'],
  ['Kyiv', 'Kiev'],
]);

/** Country → demonym for "whose forces": "Russia's two bases" are Russian bases. */
export const DEMONYMS: ReadonlyMap<string, string> = new Map<string, string>([
  ['Russia', 'Russian'],
  ['Syria', 'Syrian'],
  ['United States', 'U.S.'],
  ['US', 'U.S.'],
  ['U.S.', 'U.S.'],
  ['America', 'U.S.'],
  ['Iran', 'Iranian'],
  ['Iraq', 'Iraqi'],
  ['Turkey', 'Turkish'],
  ['Israel', 'Israeli'],
  ['Ukraine', 'Ukrainian'],
  ['Germany', 'German'],
  ['France', 'French'],
  ['Britain', 'British'],
  ['United Kingdom', 'British'],
  ['UK', 'British'],
  ['U.K.', 'British'],
  ['Canada', 'Canadian'],
  ['China', 'Chinese'],
  ['NATO', 'NATO'],
  ['Afghanistan', 'Afghan'],
  ['Poland', 'Polish'],
]);

/** Demonyms and nationality words used before nouns ("Russian military personnel", "U.S. troops"). */
export function isDemonym(word: string): boolean {
  if (/^(?:U\.S\.|US|UK|U\.K\.|NATO|Western|Allied|Coalition|Government|Rebel|Iraqi|Afghan)$/.test(word))
    return true;
  return hasTag(word, 'Demonym');
}

/** Month names for the timeline's own rules (chrono-node parses the rest). */
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Holidays, which compromise's word list does not tag as dates, so "Christmas Day" or "Easter Monday" would
 * otherwise read as a person's two-word name and could become a speaker. Named days ("Canada Day", "Boxing Day")
 * are told by their last word instead.
 */
export const HOLIDAYS = new Set(
  `christmas easter thanksgiving halloween hanukkah chanukah passover ramadan diwali kwanzaa yom kippur rosh
  hashanah`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that look capitalised at the start of a sentence but never begin a name. */
export const FUNCTION_WORDS = new Set(
  `the a an and but or so yet though although however also then when while after before as at by for from in into
  of on to with without this that these those there here it its his her their our my your we they he she i you
  many most some several each every one two three four five six seven eight nine ten no not all both either
  neither if because since until unless whether which who whom whose what where why how now today yesterday
  tomorrow later earlier meanwhile still even only just speaking asked critics polls analysts officials according
  nobody everyone someone people rebel government political`
    .split(/\s+/)
    .filter(Boolean),
);

/** Numbers news copy spells out ("two battalions", "a dozen jets", "five years"), by their words. */
export const WORD_NUMBERS: ReadonlyMap<string, number> = new Map<string, number>([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['fifteen', 15],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['hundred', 100],
  ['dozen', 12],
  ['a dozen', 12],
  ['a hundred', 100],
  ['a thousand', 1000],
  ['a', 1],
]);
