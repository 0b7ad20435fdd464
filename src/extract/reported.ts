/**
 * Reported speech: "Ozerov says Russia would need …", "X has estimated that …", "…, according to Y", "…, as stated
 * by the Defense Ministry", and the wire form "…, officials said." Only speech verbs count; belief verbs (think,
 * believe, expect, fear) are opinions the reporter describes, and "is reported to" / "it is estimated" have no
 * speaker, so none of them become reported speech.
 */
import {
  answeredOnce,
  CLAUSE_ONLY_VERBS,
  CLAUSE_SPEECH_VERBS,
  FUNCTION_WORDS,
  POSSESSIVE_PRONOUNS,
  hasTag,
  lexiconTags,
  lowerCased,
} from './lexicon.ts';
import { isPlaceName, resolveOrganization } from './entities.ts';
import { CONJUNCTION_LEAD, type DirectQuotes, clauseSubject, cannotBeClauseVerb } from './quotes.ts';
import { type Document, type Sentence, collapseSpaces, isSpaceCode, splitSpaces } from './sentences.ts';
import {
  type Speaker,
  type SpeakerContext,
  PLACE_RELATIVE_BEFORE,
  agreeWithPronoun,
  remember,
  resolveSpeaker,
  subjectBefore,
} from './speakers.ts';
import { DATELINE, TITLE_ABBREVIATION, type Token } from './tokens.ts';
import type { Quote } from './types.ts';
import { allMatches } from './matches.ts';

const PASSIVE = /^(?:is|was|are|were|be|been|being|to)$/i;
/** Words before an -ing form that make it a finite verb: "is saying", "were warning", "keeps insisting". */
const PROGRESSIVE_AUX =
  /^(?:is|are|was|were|been|isn[’']t|aren[’']t|wasn[’']t|weren[’']t|keeps|kept|also|now|still|repeatedly)$/i;
/** A plural progressive's auxiliary, perhaps before an adverb, ending the words before its participle. */
const PLURAL_PROGRESSIVE =
  /\s+(?:are|were|aren[’']t|weren[’']t)(?:\s+(?:\p{Ll}+ly|not|already|just|even|also|now|still))?\s*$/u;
/** What follows "asked" set off after a comma when the question was put to the subject: "…, asked about …". */
const ASKED_OF_SUBJECT = /^\s+(?:\p{Ll}+ly\s+)?(?:about|whether|if|by)\s/u;
/** Verbs of commitment whose "to"-infinitive is what was said: "vowed to punish …", "is promising to cut …". */
const COMMITMENTS = new Set(['promise', 'vow', 'pledge', 'threaten']);

/**
 * True for reported speech that is a commitment ("vowed to punish …"): its text is a "to"-infinitive, which reads
 * as the reporter's own sentence in a timeline rather than as "Speaker: what was said".
 */
export function isCommitment(q: Quote): boolean {
  return q.kind === 'reported' && q.verb !== null && COMMITMENTS.has(q.verb) && /^to\s/.test(q.text);
}
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const ADVERBIALS = new RegExp(
  `^(?:\\s*,?\\s*(?:today|yesterday|tonight|also|later|earlier|again|publicly|privately|openly|flatly|bluntly|frequently|often|repeatedly|separately|recently|previously|further|` +
    `for (?:weeks|months|years|days|decades|some time|a (?:long )?(?:time|while))|in recent (?:days|weeks|months|years)|at the time|` +
    `on ${WEEKDAY}(?: (?:morning|afternoon|evening|night))?|${WEEKDAY}(?: (?:morning|afternoon|evening|night))?|in (?:a|an|his|her|their|its) (?:statement|interview|briefing|post|tweet|letter|speech|report|op-ed|column|editorial|essay|article|e-?mail|memo|video|podcast|blog post|press release)(?!\\s+to\\s)|on (?:twitter|facebook|instagram|social media)|` +
    `at (?:a|the) (?:press|news) conference|at a briefing|last (?:week|month|year|night)|this (?:week|month|morning|year)|on (?:state )?(?:television|tv|radio)|` +
    `(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|(?:a )?few|\\d+) (?:hours?|days?|weeks?|months?|years?) ago|` +
    `in (?:a|an) [a-z]+ (?:interview|statement)|on \\w+ \\d{1,2})\\b)*\\s*,?`,
  'i',
);
/**
 * What after a verb of saying starts a topic or an object rather than a clause: "said of the plan", "told to",
 * "said nothing". "About" before a quantity opens a clause's subject ("said about half of the cost was …").
 */
/** ("said no" is an answer; "said no matter what …" and "said no one …" open a clause.) */
const PREPOSITION_START =
  /^(?:(?:to|about(?!\s+(?:\d|half|a\s+(?:third|quarter|dozen|fifth|tenth)|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a\s+hundred|a\s+thousand|\$))|of|in|on|at|for|with|by|from|into)\b|it\b[.,]?$|nothing|so\b|goodbye|yes|no\b(?!\s+(?:matter|one)\b))/i;
const SOURCE_PHRASE =
  /\b(according to|as (stated|reported|announced|confirmed|said|claimed|noted|estimated) by)\s+/gi;
/** What every match of SOURCE_PHRASE holds once lower-cased. */
const SOURCE_PHRASE_WORDS = /according to| by/;
const SOURCE_VERBS: Record<string, string> = {
  stated: 'state',
  reported: 'report',
  announced: 'announce',
  confirmed: 'confirm',
  said: 'say',
  claimed: 'claim',
  noted: 'note',
  estimated: 'estimate',
};
/**
 * The speaker after an inverted verb to the sentence end: "…, said Mr. Burman, an economist.", "…, said Sen. Ana Ruiz
 * (D-Ore.)." (a bracket after the name is not part of it).
 */
const INVERTED_NP = new RegExp(
  String.raw`^\s*((?:[^,.;:“"()]|(?<=\b(?:${TITLE_ABBREVIATION}|Del|\p{Lu}))\.)+?)\s*(?:\([^()]{1,60}\)\s*)?(?:,[^;:“"]*)?[.!?]?\s*$`,
  'u',
);
/**
 * A role written in lower case before the name it describes, after an inverted verb: "…, says political scientist
 * Dossym Satpayev", "…, said former ambassador Ana Lind", "…, said lobbyist and GOP strategist Charlie Black".
 */
const LOWER_ROLE_BEFORE_NAME =
  /^((?!(?:in|on|at|to|by|for|from|with|of|about|into|after|before|during|under|over|through|than|as|that|which)\s)\p{Ll}[\p{Ll}-]*\s+(?:(?!(?:in|on|at|to|by|for|from|with|of|about|into|after|before|during|under|over|through|than|as|that|which)\s)[\p{L}’'-]+\s+){0,4}?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)+)(?:\s+(?:in|of|from|at)\s+\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*)?$/u;
/**
 * After an inverted verb set into a clause: the speaker, up to two appositives, and the comma before the clause's own
 * verb ("…, say experts like Paul Bauman, a Canadian geophysicist, is …", "…, said Sunshine, who …, doesn't …").
 */
const SPLIT_INVERTED = new RegExp(
  String.raw`^\s+([^,.;:“”"]+?)((?:,\s+[^,.;:“”"]+?){0,2}),\s+(?=(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had|does|do|did|doesn[’']t|don[’']t|didn[’']t|won[’']t|isn[’']t|wasn[’']t|remains?|seems?)\s|(${CONJUNCTION_LEAD}(?:[“"]|'')\p{Ll}))`,
  'u',
);
/**
 * The comma and "as" before an attribution that points back to the clause before it ('…, as Cruz said'); a quote
 * may close on that comma ('…,” as Cruz said').
 */
const AS_AFTER_CLAUSE = /(,\s*(?:(?:[”"’]|'')\s*)*|(?:[”"’]|'')\s*,\s*)as\s+$/i;
/**
 * The words after the last comma, "that", "and" or "but" outside quotation marks: the last clause or phrase of a
 * sentence so far.
 */
function lastSegment(text: string): string {
  let open = false;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '“' || c === '”' || c === '"') open = c === '”' || (c === '"' && !open);
    else if (c === "'" && text[i - 1] === "'") {
      open = !open;
      i--;
    } else if (!open && (c === ',' || (c === ' ' && /^ (?:that|and|but) /i.test(text.slice(i, i + 6)))))
      return text.slice(i + 1);
  }
  return text;
}

/**
 * What follows the verb of such an attribution: nothing of its own to report, only where or when it was said up to
 * the next comma ('as Cruz said on a radio program on Monday, only magnifies …', 'as aides suggested after the vote').
 */
const AS_GAP =
  /^\s*(?:(?:on|in|at|to|during|after|before|when|while|last|this|earlier|later|again|often|repeatedly)\s[^,;:“”"]*?)?(?:[,;.!?]|$)/i;
/**
 * A clause ending in a comma, perhaps inside a closing quotation mark (”, ", ’ or the archive form ''), or inside
 * two, a quote closing inside another ('…was ‘helping my husband,’” Anthony says').
 */
const CLOSED_CLAUSE = /,\s*(?:[”"’']\s*){0,3}$/;
const CLAUSE_TAIL = /(?:[\s,”"’]|'')+$/;
/** A finite verb early in a clause: what tells "suggested Trump was wrong" from "suggested a compromise". */
const FINITE_CLAUSE =
  /^(?:\S+\s+){0,8}?(?:[“"]|'')?(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do|won’t|won't|wouldn’t|wouldn't|isn’t|isn't|wasn’t|wasn't|doesn’t|doesn't|don’t|don't|didn’t|didn't|can’t|can't|cannot|(?:has|have|had|are|were|could|should|must|might)n[’']t)\b/i;
/**
 * A finite clause the auxiliary list misses: a nominative pronoun before a word ("he planned to stay", "she thinks
 * the House is within reach") or a pronoun's contraction ("he’s not planning", "they’re running"), which only a
 * finite verb can follow.
 */
const PRONOUN_CLAUSE =
  /^(?:\S+\s+){0,4}?(?:(?:he|she|they|we|I)\s+(?:\p{Ll}+ly\s+)?\p{Ll}|(?:he|she|it|they|we|I|there|that)[’'](?:s|re|ve|ll|d|m)\s)/u;

/**
 * Whether a clause follows: an auxiliary, a modal or a pronoun subject with its verb (in its first five words). A
 * verb inside a relative clause is not the clause's own ("maintains 2,400 soldiers there, which it has held").
 */
function finiteClause(text: string): boolean {
  const head = RELATIVE_CLAUSE.exec(text);
  const own = head ? text.slice(0, head.index) : text;
  return FINITE_CLAUSE.test(own) || PRONOUN_CLAUSE.test(own);
}
const RELATIVE_CLAUSE = /,\s*(?:which|who|whom|whose|where)\b/i;
/**
 * A text of nothing but spaces and punctuation (or empty): what is left when a verb closes its sentence. Tested in
 * place of removing those characters and comparing with '', which built a string for every candidate verb.
 */
const ONLY_PUNCTUATION = /^[\s.,;:!?”"]*$/;
/**
 * The object of "tell" before its clause: "told CNN", "told reporters on Monday", "told The Huffington Post", "told
 * a news conference", "told a Planned Parenthood gathering in Washington", "told host Sean Hannity", "told the House
 * of Commons" (a name's "of", "for" or "and" before a capital), a programme named in quotation marks ("told CBC’s
 * “The House” on Saturday"), a plural ("told pollsters", "told his colleagues"). Where it was said may follow: a named
 * place read whole ("told reporters at Queen’s Park the bill …"), "this" or "last" only with a time ("told reporters
 * this was …" is a clause).
 */
const TELL_OBJECT =
  /^\s*(?:(?:the\s+)?(?:(?:\p{Lu}[\p{L}.’'-]*|[“"]\p{Lu}[^“”",.]{1,40}[”"])\s+(?:(?:of|for|and)\s+(?=\p{Lu}))?)+|(?:him|her|them|us|me|reporters|journalists|supporters|voters|(?:the|his|her|their)\s+(?:crowd|audience|supporters|newspaper|paper|magazine|station|network|committee|council|board|panel|court|jury|host|moderator|interviewer|reporter|rally|conference|gathering)|an?\s+(?:crowd|audience|interviewer)|[\p{L}-]+\s+reporters|(?:a|an|the)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:conference|gathering|forum|meeting|rally|crowd|audience|group|luncheon|dinner|breakfast|summit|convention|hearing|session|town\s+hall)(?:\s+(?:in|at)\s+\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*)?|(?:host|anchor|moderator|interviewer)(?:\s+\p{Lu}[\p{L}.’'-]*)+|(?:(?:the|his|her|their|its|our)\s+)?(?!(?:stories|tales|jokes|lies|truths|anecdotes|details|things)\s)\p{Ll}{3,}s)\s+)(?:(?:(?:at|in)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+)*\p{Lu}[\p{L}.’'-]*(?<![’']s)\s+(?!\p{Lu})|(?:on|in|during|at)\s+[^,.;“"]{0,40}?\s+|(?:last|this)\s+(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter)\s+))?(?:that\s+)?(?=\p{L})/u;
/** A full stop inside a phrase, as an abbreviation writes it: "Moncton, N.B., on Monday", "St. John’s". */
const ABBREVIATION_STOP = String.raw`(?:\.(?=\p{L}|,)|(?<=\b(?:St|Ste|Mt|Ft))\.)`;
/** The comma closing a place's state or country after its town: the second of "in Windham, New Hampshire, on …". */
const PLACE_CLOSE = String.raw`(?<=,\s(?:\p{Lu}[\p{L}.’'-]*\s){0,2}\p{Lu}[\p{L}.’'-]*),\s`;
/**
 * Up to two time or place phrases between a verb and its "that": "said in April that", "said Sunday in Madison,
 * Wisconsin, that" (a comma only before a capitalised word, as in a place's state or country).
 */
// A programme's name in quotation marks may sit in the phrase: 'said on CBC’s “The House” that'.
// (An abbreviation's full stops may sit in the phrase: "said in Moncton, N.B., on Monday that …".)
const THAT_AFTER_PHRASE = new RegExp(
  String.raw`^\s*(?:(?:(?:in|on|at|during|after|before|last|this|earlier|over|from|of|via|through|under|about|for|with)\s(?:[^,.;:“”"]|,\s(?=\p{Lu})|${ABBREVIATION_STOP}|[“"](?=[\p{Lu}\d])[^“”",.]{1,40}[”"])*?|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s(?:morning|afternoon|evening|night))?),?\s+){0,2}?that,?\s+`,
  'iu',
);
/**
 * What "told" reports up to its "that": whom, where and when ("told a town hall in Salem, New Hampshire on Monday
 * that …", a comma before a capitalised word being a place's, as is one closing its state: "told a crowd in Windham,
 * New Hampshire, on Monday that …"), a programme's name in quotation marks ('told MSNBC's
 * "Morning Joe" that'), a sentence adverb between commas ("told POLITICO, however, that …"), an abbreviation's
 * stops ("told reporters in Moncton, N.B., on Monday that …").
 */
const TOLD_THAT = new RegExp(
  String.raw`^\s*(?:[^,.;“"]|,\s(?=\p{Lu})|${PLACE_CLOSE}|${ABBREVIATION_STOP}|(?<=\.),\s(?=\p{Ll})|,\s(?:however|though|too|also),\s(?=that\b)|[“"](?=\p{Lu})[^“”",.]{1,40}[”"]){0,100}?\bthat\s+`,
  'u',
);
/** A year or an occasion of speaking before "that": "in 2008 that", "in a recent debate that", "at a rally that". */
const SAID_WHEN_THAT =
  /^\s*(?:in|at|during)\s+(?:[^\s,.;:“”"]+\s+){0,3}?(?:\d{4}|interview|debate|speech|statement|letter|op-ed|column|rally|hearing|conference|briefing|e-?mail|post|tweet|memo|video|appearance|testimony|remarks|book|memoir)\s+that,?\s+/iu;
const THAT_AFTER_WORDS = /^\s*(?:[\p{L}’'-]+\s+){0,3}?that,?\s+/u;
const RELATIVE_THAT =
  /^(?:is|was|were|are|has|had|have|will|would|could|can|should|may|might|did|does|do|'s|’s)\b/i;
/** The words between a verb and its clause end on "that": "said that ", "told reporters on Monday that, ". */
const ENDS_ON_THAT = /\bthat,?\s*$/;
/** A relative pronoun for people or things right after the one told: "told the mayors who …". */
const RELATIVE_OF_TOLD = /^(?:who|which)\s+/i;

/** Whether a clause opens with a verb of its own, past or present and no auxiliary: "gathered …", "run the towns". */
function relativeVerb(rest: string): boolean {
  const w = FIRST_WORD.exec(rest)?.[1];
  if (!w || RELATIVE_THAT.test(w) || hasTag(w, 'Modal', 'Copula')) return false;
  return hasTag(w, 'PastTense', 'PresentTense') || /^\p{Ll}{3,}ed$/u.test(w);
}

/** Past forms with which a report, a study or a claim tells what it says ("a report that found …"). */
const REPORTING_PAST =
  /^(?:cited|found|showed|shown|concluded|called|accused|blamed|criticized|criticised|described|detailed|outlined|estimated|predicted|questioned|raised|listed|quoted|named|labeled|labelled)$/;
/** The first word after a "that", to read whether it is a verb. */
const FIRST_WORD = /^\s*(\p{Ll}[\p{L}’'-]*)/u;

/**
 * Whether "that" opens a relative clause: an auxiliary follows it ("the claims that were made"), or a verb in the
 * past tense ("a report from the agency that cited rising costs", "a rally that drew thousands"), which a clause
 * of what was said would open with its subject instead.
 */
function relativeThat(rest: string): boolean {
  if (RELATIVE_THAT.test(rest)) return true;
  const w = FIRST_WORD.exec(rest)?.[1];
  if (!w) return false;
  const tags = lexiconTags(w);
  if (!tags.includes('PastTense') && !(tags.length === 0 && /^\p{Ll}{3,}ed$/u.test(w))) return false;
  // ("a report that cited …", "a claim that warned …": what a document or a word did in speaking is what it said.)
  if (CLAUSE_SPEECH_VERBS.has(w) || REPORTING_PAST.test(w)) return false;
  // ("the opinion that paid speeches would …": a past form before its noun and the clause's own verb describes.)
  const next = splitSpaces(rest.trim()).slice(1, 4);
  return !next.some((x) => RELATIVE_THAT.test(x) || hasTag(x, 'Modal'));
}
const WH = /^\s*(?:[^,.;“"?]{0,60}?\s)?(?=(?:whether|if|why|how|what|when|where|who|which)\s)/i;
/** The question "wonder" reports, right after it: "wondered whether …", "wonders aloud if …", "wondered why …". */
const WONDER_QUESTION =
  /^\s*(?:(?:aloud|openly|publicly)\s+)?(?=(?:whether|if|why|how|what|when|where|who)\s)/i;

/**
 * How a present participle of saying is tied to its speaker: as a progressive ("Trump is warning that …", "is
 * already claiming …"), after a comma or a dash ("Bolton spoke on Monday, saying …", "…, falsely suggesting …"),
 * after a preposition ("responded by saying …", "before adding that …") or after a document ("issued a statement
 * saying …"), which three report for the main clause's subject; in an absolute phrase ("with 30 percent of voters
 * saying …"), for the words between "with" and it; or opening the sentence ("After saying he was nervous, the man
 * …"), for the subject of the main clause after its comma.
 */
type ParticipleLead = 'progressive' | 'comma' | 'preposition' | 'document' | 'absolute' | 'opening';
/** What opens a sentence before a participle whose speaker is the main clause's subject: "After saying …, the man". */
const OPENING_PARTICIPLE = /^(?:after|while|before|since|despite|by|upon|when|in addition to)\s+$/i;
/** An auxiliary or a modal in a clause's first five words: what a participle read from further off must report. */
const EARLY_FINITE =
  /^\s*(?:\S+\s+){0,4}?(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do)\b/i;
/** Adverbs between a progressive's auxiliary and its participle: "is already claiming", "’s not saying". */
const PROGRESSIVE_ADVERB = /^(?:not|already|just|even|\p{Ll}+ly)$/u;
const PARTICIPLE_PREPOSITION = /^(?:by|after|before|while|when|in|from|despite|upon|since)$/i;
/** A phrase of time or place opening a sentence, which is no subject: "In 2010", "On Monday". */
const OPENING_PREPOSITION =
  /^(?:in|on|at|during|after|before|since|by|for|from|with|under|over|as|when|while|if|last|this)\b/i;
/** The sentence's subject, then a preposition set off after it before a participle: "Ana Lind, despite ". */
const PREPOSITION_AFTER_SUBJECT =
  /^(.*?,\s+)(?:despite|after|before|while|since|upon|when)\s+(?:(?:\p{Ll}+ly|also|even|first)\s+)?$/su;
/** "He’s claiming …", "she’s saying …": a contracted "is" before a progressive. */
const CONTRACTED_IS = /^(?:he|she|it|who|that|there)[’']s$/i;
/** Words of time between a document and its participle: "a statement on Friday saying", "an email late Monday alleging". */
const TIME_WORD = new RegExp(
  `^(?:${WEEKDAY}|on|last|this|early|late|morning|afternoon|evening|night|today|yesterday)$`,
  'i',
);
const PARTICIPLE_ADVERB = /^(?:\p{Ll}+ly|even|also|then|later|again|now|still|eventually|only)$/u;
/** Documents whose issuer says what a participle after them reports: "a statement saying", "an email alleging". */
const DOCUMENT_NOUN =
  /^(?:statement|release|letter|e-?mail|tweet|post|memo|ad|message|note|video|op-ed|column|article|filing|complaint|lawsuit|response|notice|brief|motion|petition|editorial|piece)s?$/i;

/**
 * A present participle that reports speech, with how it is tied to its speaker. Returns the verb's base form
 * ("saying" → "say", "arguing" → "argue", "admitting" → "admit").
 */
function participle(
  tokens: Token[],
  i: number,
  body: string,
  phrasal?: string,
):
  | { verb: string; lead: ParticipleLead; joinedTo?: Token; subject?: { np: string; start: number } }
  | undefined {
  const t = tokens[i]!;
  const w = t.text.toLowerCase();
  if (!w.endsWith('ing')) return undefined;
  // The verb first: most -ing forms are no verb of saying, and how one is tied to its subject is read only for
  // those that are (the lookups below are the ones the result is built from).
  const verb = phrasal ?? speechVerbOfParticiple(w);
  if (verb === undefined) return undefined;
  const prevWord = tokens[i - 1]?.text ?? '';
  // The comma may sit inside a closing mark: 'called the plan “reckless,” saying …'.
  const commaBefore = (x: Token) =>
    /,\s*(?:[”"’]|'')?\s*$/.test(body.slice(Math.max(0, x.start - 5), x.start));
  // "Trump is warning that …", "isn’t saying if …", "keeps saying": the progressive is a finite verb of saying.
  let lead: ParticipleLead | undefined;
  let joinedTo: Token | undefined;
  const dashBefore = (x: Token) => /\s(?:--?|[—–])\s*$/.test(body.slice(Math.max(0, x.start - 4), x.start));
  // "while also saying …", "by essentially telling …": an adverb between a preposition and its participle (before
  // the progressive, whose "also saying" has no auxiliary here).
  if (i > 2 && PARTICIPLE_ADVERB.test(prevWord) && PARTICIPLE_PREPOSITION.test(tokens[i - 2]!.text))
    lead = 'preposition';
  else if (PROGRESSIVE_AUX.test(prevWord) || CONTRACTED_IS.test(prevWord)) lead = 'progressive';
  else if (
    i > 1 &&
    PROGRESSIVE_ADVERB.test(prevWord) &&
    (PROGRESSIVE_AUX.test(tokens[i - 2]!.text) || CONTRACTED_IS.test(tokens[i - 2]!.text))
  )
    lead = 'progressive';
  else if (
    commaBefore(t) ||
    dashBefore(t) ||
    (i > 0 && PARTICIPLE_ADVERB.test(prevWord) && (commaBefore(tokens[i - 1]!) || dashBefore(tokens[i - 1]!)))
  )
    lead = 'comma';
  else if (
    (joinedTo = coordinatedParticiple(
      tokens,
      i,
      (x) => commaBefore(x) || dashBefore(x),
      (x) => body.slice(Math.max(0, x.start - 1), x.start),
    ))
  )
    lead = 'comma';
  else if (absoluteSubject(tokens, i, body)) lead = 'absolute';
  else if (i === 0 || OPENING_PARTICIPLE.test(body.slice(tokens[0]!.start, t.start))) lead = 'opening';
  else if (i > 1 && PARTICIPLE_PREPOSITION.test(prevWord)) lead = 'preposition';
  // "Lind was quoted as saying …": the subject of the passive said it (what closes a direct quote, '“…,” she was
  // quoted as saying.', is that quote's attribution).
  else if (
    i > 2 &&
    /^as$/i.test(prevWord) &&
    /^quoted$/i.test(tokens[i - 2]!.text) &&
    /^\s+\p{L}/u.test(body.slice(t.end, t.end + 2))
  )
    lead = 'preposition';
  else if (
    i > 1 &&
    (DOCUMENT_NOUN.test(prevWord) ||
      (TIME_WORD.test(prevWord) &&
        (DOCUMENT_NOUN.test(tokens[i - 2]!.text) ||
          (i > 2 && TIME_WORD.test(tokens[i - 2]!.text) && DOCUMENT_NOUN.test(tokens[i - 3]!.text)))))
  )
    lead = 'document';
  // "voters saying they want a ban", "911 calls saying shots had been fired": a participle right after a plural
  // noun is a relative clause without its "who" or "that", and reports for that noun's phrase, as "with" does.
  let subject: { np: string; start: number } | null = null;
  if (!lead && (subject = reducedRelativeSubject(tokens, i, body))) lead = 'absolute';
  if (!lead) return undefined;
  return joinedTo ? { verb, lead, joinedTo } : subject ? { verb, lead, subject } : { verb, lead };
}

/**
 * Words that end the noun phrase of a reduced relative clause, read back from its participle: a preposition other
 * than "of", a conjunction, a pronoun or a relative ("rallied with voters saying" reports for no one named there).
 */
const NOT_IN_REDUCED_PHRASE =
  /^(?:to|in|on|at|for|from|by|with|about|into|after|before|during|over|under|than|as|and|or|but|that|which|who|whom|whose|he|she|it|we|they|i|you|him|her|them|us|me|his|its|their|our|my|your|this|these|those|there|here|not|no)$/i;
/** A determiner or an owner, after which a verb form is a noun: "the share", "a call", "their report". */
const NOUN_BEFORE_VERB_FORM = /^(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)$/i;
/** Words before a head the lexicon knows as a verb form that make it the noun: "some polls", "the reports". */
const NOUN_MAKER = /^(?:the|some|many|most|several|new|recent|other|\d[\d,.]*)$/i;

/**
 * The noun phrase a participle of saying follows with no comma between, when its head is a plural noun: "the share
 * of Republican voters saying …" → "the share of Republican voters", "received 911 calls saying …" → "911 calls".
 * Not a span of time ("spent weeks saying"), nor a document (its issuer speaks: "a statement saying"), nor a head
 * that reads as a verb ("he polls saying") unless a determiner makes it a noun.
 */
function reducedRelativeSubject(
  tokens: Token[],
  i: number,
  body: string,
): { np: string; start: number } | null {
  if (i < 1 || !/^\s+$/.test(body.slice(tokens[i - 1]!.end, tokens[i]!.start))) return null;
  const head = tokens[i - 1]!.text;
  if (!/^\p{Ll}{2,}[^s’'\P{L}]s$/u.test(head) || DOCUMENT_NOUN.test(head) || NOT_IN_REDUCED_PHRASE.test(head))
    return null;
  if (hasTag(head, 'Duration', 'Adverb', 'Copula', 'Modal', 'PastTense')) return null;
  if (hasTag(head, 'PresentTense', 'Infinitive') && !(i > 1 && NOUN_MAKER.test(tokens[i - 2]!.text)))
    return null;
  // A verb form, unless a determiner or an owner before it makes it a noun ("the share of voters").
  const verbAt = (j: number): boolean => {
    const w = tokens[j]!.text;
    return (
      /^\p{Ll}/u.test(w) &&
      (hasClauseVerb([w]) || hasTag(w, 'Infinitive', 'Gerund') || /ing$/.test(w)) &&
      !(j > 0 && (NOUN_BEFORE_VERB_FORM.test(tokens[j - 1]!.text) || /[’']s$/.test(tokens[j - 1]!.text)))
    );
  };
  let k = i - 1;
  while (k > 0 && k > i - 7) {
    const x = tokens[k - 1]!;
    if (!/^\s+$/.test(body.slice(x.end, tokens[k]!.start))) break;
    if (NOT_IN_REDUCED_PHRASE.test(x.text) || FUNCTION_WORDS.has(x.text.toLowerCase())) {
      if (!/^(?:of|the|a|an|both|all|some|many|most|several)$/i.test(x.text)) break;
    } else if (verbAt(k - 1)) break;
    k--;
  }
  // ("of" cannot open the phrase.)
  while (k < i - 1 && /^(?:of)$/i.test(tokens[k]!.text)) k++;
  // Only a phrase after the sentence's verb, an object ("left 62 percent of voters saying …") or set off after its
  // clause ("…, both candidates acknowledging …"): one in the subject ("Voters saying … are …") leaves no way to tell
  // where what they said ends and the main clause resumes.
  if (!tokens.slice(0, k).some((_, j) => verbAt(j))) return null;
  const start = tokens[k]!.start;
  return { np: body.slice(start, tokens[i - 1]!.end), start };
}

/**
 * The document noun a relative "that" at token `k + 1` follows, past words of time and a "from" phrase of up to three
 * words: "a letter from his doctor Friday afternoon that", "a piece that", "a memo on Monday that".
 */
function issuedDocument(tokens: Token[], k: number): Token | undefined {
  while (k >= 0 && TIME_WORD.test(tokens[k]!.text)) k--;
  for (let j = k; j >= Math.max(0, k - 3); j--) {
    if (j > 0 && /^from$/i.test(tokens[j]!.text) && DOCUMENT_NOUN.test(tokens[j - 1]!.text))
      return tokens[j - 1];
  }
  return k >= 0 && DOCUMENT_NOUN.test(tokens[k]!.text) ? tokens[k] : undefined;
}

/** The base form of a verb of saying whose -ing form `w` is (lower-case): "saying" → "say", "arguing" → "argue". */
function speechVerbOfParticiple(w: string): string | undefined {
  const stem = w.slice(0, -3);
  for (const base of [stem, `${stem}e`, stem.slice(0, -1)]) {
    const found = CLAUSE_SPEECH_VERBS.get(base);
    if (found === base) return found;
  }
  return undefined;
}

/**
 * "…, calling it “disqualifying” and asserting that …", "…, shifting his focus … and admitting that …": an -ing form
 * after "and" (perhaps with an adverb between) is a participle joined to one before it that a comma or a dash sets off,
 * and hangs on the same clause ("shifting" there, not "defeating"). (Not "challenging the policy and alleging …"
 * with no comma before the first: there "and" may join anything.)
 */
function coordinatedParticiple(
  tokens: Token[],
  i: number,
  setOff: (t: Token) => boolean,
  quoteBefore: (t: Token) => string,
): Token | undefined {
  let and = i - 1;
  if (and > 0 && PARTICIPLE_ADVERB.test(tokens[and]!.text)) and--;
  if (and < 1 || tokens[and]!.text.toLowerCase() !== 'and') return undefined;
  for (let j = and - 1; j >= 0; j--) {
    // A verb's participle, not a quoted word ('calling it “disqualifying” and asserting …') or a noun ("morning").
    const w = tokens[j]!.text;
    if (
      w.length > 4 &&
      /^\p{Ll}+ing$/u.test(w) &&
      hasTag(w, 'Gerund') &&
      !/[“"‘']$/.test(quoteBefore(tokens[j]!)) &&
      setOff(tokens[j]!)
    )
      return tokens[j];
  }
  return undefined;
}

/**
 * The speaker of an absolute construction with "with": "with 30 percent of voters saying …", "with some polls
 * indicating that …": the noun phrase between "with" and the participle, when it has no verb of its own.
 */
function absoluteSubject(tokens: Token[], i: number, body: string): { np: string; start: number } | null {
  // "…, both men upbeat – Ryan saying he was …": a name alone after a dash or a comma is such a subject too.
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const x = tokens[k]!;
    if (!/^\p{Lu}[\p{L}’'.-]*$/u.test(x.text) || FUNCTION_WORDS.has(x.text.toLowerCase())) break;
    if (k < i - 1 && !/^\s+$/.test(body.slice(x.end, tokens[k + 1]!.start))) break;
    if (k > 0 && /(?:,|\s(?:--?|[—–]))\s+$/.test(body.slice(tokens[k - 1]!.end, x.start))) {
      const np = body.slice(x.start, tokens[i - 1]!.end);
      return { np, start: x.start };
    }
  }
  for (let k = i - 1; k >= Math.max(0, i - 9); k--) {
    const x = tokens[k]!;
    if (!/^\s+$/.test(body.slice(x.end, tokens[k + 1]!.start))) return null;
    if (x.text.toLowerCase() !== 'with') continue;
    if (k === i - 1) return null;
    const first = tokens[k + 1]!;
    // "with Cruz recently promising …": an adverb before the participle is not part of the subject.
    const np = body
      .slice(first.start, tokens[i]!.start)
      .trim()
      .replace(/(?:\s+(?:\p{Ll}+ly|already|now|also|still|even|just))+$/u, '');
    const ws = splitSpaces(np);
    if (hasClauseVerb(ws) || ws.some((w) => HEAD_VERB.test(w)) || FUNCTION_WORDS.has(ws[ws.length - 1]!))
      return null;
    return { np, start: first.start };
  }
  return null;
}

/** "and" before a name and a participle: a second absolute phrase ("… and Trump calling it …"). */
const NEXT_ABSOLUTE = /,?\s+and\s+(?:\p{Lu}[\p{L}’'.-]*\s+){1,4}\p{Ll}+ing\b/u;

/**
 * The subject of the main clause after a participle that opens the sentence ("After saying he was nervous, the man
 * ended up …", "Promising that …, Bolton said …"), and where the participle's clause ends (the comma before it).
 */
function subjectAfterOpening(
  sentence: Sentence,
  tokens: Token[],
  from: number,
): { np: string; start: number; clauseEnd: number } | null {
  const comma = /,(?:[”"’]|'')?\s+/.exec(sentence.text.slice(from - sentence.start));
  if (!comma) return null;
  const clauseEnd = from + comma.index;
  const mainStart = clauseEnd + comma[0].length;
  for (const x of tokens) {
    if (x.start < mainStart || !/^\p{Ll}/u.test(x.text)) continue;
    if (
      /^\p{Ll}{3,}ed$/u.test(x.text) ||
      CLAUSE_SPEECH_VERBS.has(x.text) ||
      hasTag(x.text, 'PastTense', 'PresentTense', 'Copula', 'Modal')
    ) {
      const subject = subjectBefore(
        sentence.text.slice(mainStart - sentence.start, x.start - sentence.start),
        mainStart,
      );
      return subject && subject.start === mainStart ? { ...subject, clauseEnd } : null;
    }
  }
  return null;
}

/**
 * The speaker of a direct quote attributed earlier in the same sentence: '"…," Rubio said, adding that …' — the
 * participle reports for the quote's speaker, whose verb the direct-quote rules have already used.
 */
function directSpeakerBefore(direct: DirectQuotes, sentence: Sentence, at: number): Speaker | undefined {
  let attributed = false;
  for (const v of direct.usedVerbs) if (v >= sentence.start && v < at) attributed = true;
  if (!attributed) return undefined;
  let last: Quote | undefined;
  for (const q of direct.quotes) if (q.end > sentence.start && q.end <= at && q.speaker) last = q;
  return last ? { speaker: last.speaker!, role: last.role, gender: 'unknown' } : undefined;
}

/**
 * The subject of a sentence's main clause: the words before its first verb ("Bolton spoke on Monday, saying …",
 * "The spokesman refused to answer … but said …").
 */
function mainSubject(
  sentence: Sentence,
  tokens: Token[],
  before: number,
  singular = false,
): { np: string; start: number } | null {
  for (const x of tokens) {
    if (x.start >= before) break;
    if (!/^\p{Ll}/u.test(x.text) || x.start === sentence.start) continue;
    if (cannotBeClauseVerb(sentence.text, x.start - sentence.start)) continue;
    // A regular past tense the lexicon does not list counts after a name or pronoun ("Kai Lind apologized …"), and
    // so does a present in "-s" where the verb of saying is a singular present too ("CITIC runs an oil field … and
    // says …"; not "the GOP candidates oppose it and have pledged …").
    const regularPast =
      (/^\p{Ll}{3,}ed$/u.test(x.text) || (singular && /^\p{Ll}{2,}[^su’'s]s$/u.test(x.text))) &&
      /(?:^|\s)(?:\p{Lu}[\p{L}’'.-]*|he|she|they|we|I)\s+$/u.test(
        sentence.text.slice(0, x.start - sentence.start),
      );
    // "Ana Lind used to back the plan, but said …": "used to" is the main clause's verb.
    const usedTo = x.text === 'used' && /^\s+to\s/.test(sentence.text.slice(x.end - sentence.start));
    if (
      regularPast ||
      usedTo ||
      CLAUSE_SPEECH_VERBS.has(x.text) ||
      hasTag(x.text, 'PastTense', 'PresentTense', 'Copula', 'Modal')
    ) {
      return subjectBefore(sentence.text.slice(0, x.start - sentence.start), sentence.start);
    }
  }
  return null;
}

/**
 * "and" before a verb coordinated with the main clause's, perhaps with an adverb or a perfect's auxiliary between:
 * "and said", "and then tweeted", "and later added", "and has since said".
 */
const AND_BEFORE_VERB =
  /\band(?:\s+(?:then|later|also|again|subsequently|eventually|\p{Ll}+ly)|\s+(?:has|have|had)(?:\s+(?:since|also|repeatedly|long|already|\p{Ll}+ly))?)?\s*$/u;
/**
 * A sentence opening on its subject, a pronoun or a name of at least `fewestWords` and at most three words, right
 * before a lower-case word: "He rails", "Ana Lind left", "Sanders hit back" (not "Does the candidate …").
 */
function openingNamePattern(fewestWords: 1 | 2): RegExp {
  return new RegExp(
    String.raw`^(?:(?:But|And|Yet|So)\s+)?(?!(?:The|A|An|This|That|These|Those|It|In|On|At|For|After|When|While|If|As|Its|His|Her|Their|Does|Do|Did|Is|Are|Was|Were|Has|Have|Can|Will|Would)\s)(?:He|She|They|We|(?:\p{Lu}[\p{L}’'.-]*\s+){${fewestWords - 1},2}\p{Lu}[\p{L}’'-]*)(?=\s+\p{Ll})`,
    'u',
  );
}
/** A pronoun or a name of two or three words: "He rails", "Ana Lind left". */
const OPENING_NAME_OR_PRONOUN = openingNamePattern(2);
/** A name of one word as well ("Sanders hit back", "Ottawa fired back"). */
const OPENING_NAME = openingNamePattern(1);
/** A poll's share written with a percent sign: "47%", "12.5%". */
const POLL_SHARE = /^\d{1,3}(?:\.\d+)?%$/;

/** Stands for a speaker the article implies but the rules cannot name; shown as null. */
const UNKNOWN_SPEAKER: Speaker = { speaker: '', role: null, gender: 'unknown' };

/** Verbs whose subject "it" is an organisation or a document speaking: "It said …", "It added that …". */
const IT_VERBS = new Set([
  'say',
  'add',
  'state',
  'report',
  'announce',
  'warn',
  'note',
  'claim',
  'write',
  'allege',
  'point out',
  'explain',
]);

/**
 * Who "it" is when it speaks: an organisation that spoke in the last two sentences ("In a blog post, Twitter said
 * … It added that …"), else a document or body the rules cannot name ("The city sent a letter Thursday. It says
 * …"), shown as null.
 */
function itSpeaker(ctx: SpeakerContext, sentence: Sentence): Speaker {
  const organisations = new Set(ctx.index.organizations.map((o) => o.name));
  for (let k = ctx.referents.length - 1; k >= Math.max(0, ctx.referents.length - 8); k--) {
    const r = ctx.referents[k]!;
    if (r.sentence <= sentence.index && r.sentence >= sentence.index - 2 && organisations.has(r.speaker))
      return r;
  }
  return UNKNOWN_SPEAKER;
}

interface Found {
  npStart: number;
  /** Where the verb of saying starts (a coordinated verb's subject sits before the clause before it). */
  verbStart: number;
  clauseStart: number;
  clauseEnd: number;
  verb: string;
  speaker: Speaker;
  /** The clause ends at the next attribution's subject rather than at the sentence end. */
  open: boolean;
  /** An attribution set inside the clause ("The museum, Mr. Obama said, would …"), left out of its text. */
  cut?: { start: number; end: number };
  /** A proposition named as the verb's object ("denied the allegations"), which may be two words long. */
  object?: true;
  /** Said inside a restrictive relative clause ("critics who say …"), whose speaker is not the main clause's. */
  restrictive?: true;
  /** An answer ("said yes", "said so", "said the same of Lind"), which may be one word long. */
  answer?: true;
}

function inside(spans: Array<{ start: number; end: number }>, offset: number): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}

function clean(text: string): string {
  // "(Forbes says it tracks …)": the bracket that closes the writer's aside is no part of what was said, where the
  // clause opens none of its own.
  if (!text.includes('(')) text = text.replace(/\)(?=[\s\uE000\uE001”"'’]*[.!?]?[\s\uE000\uE001”"'’]*$)/, '');
  const out = collapseSpaces(text.replace(/[“”"]|''|``/g, '')).replace(
    /^[\s,;:—–-]+|[\s,;:.—–-]+(?=[\uE000\uE001\s]*$)/g,
    '',
  );
  // The trailing-conjunction pattern is tried at every space of the text; it can only match a text ending in the
  // last letter of one of its words (o, d, t, e, h, s in either case: it ignores case in ASCII only) or in a kept
  // closing mark. Once "and" goes after a mark ('a “good, decent man,” and'), the punctuation inside it goes too.
  const end = out.trimEnd();
  const dropped =
    end.endsWith(KEPT_CLOSE) || TRAILING_CONJUNCTION_END.has(end.charCodeAt(end.length - 1) | 0x20)
      ? out.replace(/(?:[\s,]+(?:also|and|but|while|though|as))+(?=[\uE001\s]*$)/i, '')
      : out;
  const trimmed = (
    dropped.trimEnd().endsWith(KEPT_CLOSE) ? dropped.replace(/[\s,;:.—–-]+(?=[\uE001\s]*$)/, '') : dropped
  ).trim();
  // The kept marks become curly quotes (an empty pair goes), read only in a clause that keeps any.
  const cleaned =
    trimmed.includes(KEPT_OPEN) || trimmed.includes(KEPT_CLOSE)
      ? trimmed
          .replace(/\uE000\s*\uE001/g, '')
          .replace(/\uE000\s*/g, '“')
          .replace(/\s*\uE001/g, '”')
      : trimmed;
  // The full stop that ends the sentence is dropped, but not the one an acronym or a time needs ("… enter the
  // U.S.", "… close at 7 p.m."): only a clause ending in a capital or an "m" (before a closing mark) can need it.
  return ACRONYM_OR_TIME_END.test(cleaned.slice(-3))
    ? cleaned.replace(/((?:^|[^\p{L}.])(?:(?:\p{Lu}\.)+\p{Lu}|[ap]\.m))(”?)$/u, '$1.$2')
    : cleaned;
}
/** What the end of a clause needing its full stop back ends in: a capital or the "m" of "p.m", then a closing mark. */
const ACRONYM_OR_TIME_END = /(?:\p{Lu}|m)”?$/u;
/** Lower-case codes of the last letters of "also", "and", "but", "while", "though", "as". */
const TRAILING_CONJUNCTION_END = new Set([...'odtehs'].map((c) => c.charCodeAt(0)));

/** Private-use stand-ins for the quotation marks a reported clause keeps, so that `clean` does not remove them. */
const KEPT_OPEN = '\uE000';
const KEPT_CLOSE = '\uE001';

/**
 * The words of body[start, end) as a reported clause shows them: the speaker's own words keep their marks ('the plan
 * was “a disaster” for the country'), so a reader sees what is quoted and what is the reporter's paraphrase. A pair
 * of double marks wholly inside the span is kept (as curly quotes, whatever the copy used: straight, ''…''); a
 * mark whose partner lies outside the span (the clause opens or ends inside a quote) goes, as every mark did before.
 */
function withMarks(doc: Document, start: number, end: number): string {
  const body = doc.body;
  const kept: { at: number; length: number; mark: string }[] = [];
  for (const p of doc.paragraphs) {
    if (p.end <= start) continue;
    if (p.start >= end) break;
    for (const m of p.marks) {
      if (!m.double || m.close === null || m.contentStart >= end || m.contentEnd <= start) continue;
      // The clause may open right after the opening mark ('said that “we will …”') and end right before the
      // closing one, or on the punctuation inside it ('“got an immunity deal,” Lee said').
      const openAt = m.open >= start ? m.open : m.contentStart >= start ? start : -1;
      const closeAt =
        m.close < end
          ? m.contentEnd
          : /^[\s,.;:!?’']*$/.test(body.slice(end, m.contentEnd))
            ? Math.min(end, m.contentEnd)
            : -1;
      if (openAt < 0 || closeAt < 0) continue;
      kept.push({ at: openAt, length: m.open >= start ? m.contentStart - m.open : 0, mark: KEPT_OPEN });
      kept.push({ at: closeAt, length: Math.max(0, Math.min(end, m.close + 1) - closeAt), mark: KEPT_CLOSE });
    }
  }
  if (kept.length === 0) return body.slice(start, end);
  let out = '';
  let at = start;
  for (const k of kept.sort((a, b) => a.at - b.at)) {
    out += body.slice(at, k.at) + k.mark;
    at = Math.max(at, k.at + k.length);
  }
  return out + body.slice(at, end);
}

/**
 * Whether `text.split(/\s+/)` would give fewer than three parts (each run of white space splits once), counted
 * without building the parts.
 */
function fewerThanThreeWords(text: string): boolean {
  let runs = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpaceCode(text.charCodeAt(i))) continue;
    if (++runs === 2) return false;
    while (i + 1 < text.length && isSpaceCode(text.charCodeAt(i + 1))) i++;
  }
  return true;
}

/** A subject pronoun with a verb contracted onto it: "it’s", "they’re", "he’d". */
const CONTRACTED_SUBJECT = /^(?:it|he|she|they|we|i|that|there|you)[’'](?:s|re|d|ll|ve|m)$/i;

/**
 * Whether two words are a whole clause of their own, which is what was said however short: a pronoun with its verb
 * contracted onto it and a word ("it’s “disastrous”"), or, after a "that" the verb took, a subject and a lower-case
 * verb ("declared that torture “works”"). Other short rests ("said Monday", "told reporters", "said she
 * anticipated") say nothing or leave their verb's object out.
 */
function twoWordClause(text: string, afterThat: boolean): boolean {
  // (Split at spaces only: "it’s" is one word here, whose apostrophe `words` would split it at.)
  const ws = splitSpaces(text.replace(/[“”"]|''|``|[.!?]+(?=\s*$)/g, '').trim());
  if (ws.length !== 2 || text.includes(',')) return false;
  const [first, second] = ws as [string, string];
  // "he would", "CNN had": a clause whose verb was left out ("… and said he would") says nothing of its own.
  if (!/^\p{Ll}/u.test(second) || FUNCTION_WORDS.has(second) || ELLIPTICAL_VERB.test(second)) return false;
  return CONTRACTED_SUBJECT.test(first) || (afterThat && !PREPOSITION_START.test(text.trim()));
}
/** An auxiliary, a modal or a participle, which ends no clause of two words. */
const ELLIPTICAL_VERB =
  /^(?:would|could|should|will|can|may|might|must|shall|had|has|have|did|does|do|was|were|is|are|be|been|not|too|\p{Ll}+ing)$/u;

/**
 * The clause an attribution closes ("…, officials said.", "…, said Dan Gerstein."): the sentence up to the
 * attribution, after any dateline and without the trailing comma or closing mark.
 */
function clauseBefore(
  sentence: Sentence,
  before: string,
  npStart: number,
  verbStart: number,
  verb: string,
  speaker: Speaker,
): Found {
  const dateline = DATELINE.exec(before)?.[0].length ?? 0;
  return {
    npStart,
    verbStart,
    clauseStart: sentence.start + dateline,
    clauseEnd: sentence.start + before.replace(CLAUSE_TAIL, '').length,
    verb,
    speaker,
    open: false,
  };
}

/** A quoted question or exclamation closing a sentence: '… “Does that work?”'. */
const QUESTION_CLOSE = /[?!]+(?:[”"]|'')$/;

/** A clause closed by a quoted question or exclamation before its attribution: '… “Is that right?” he asked'. */
const QUESTION_CLOSED = /[?!]\s*(?:(?:[”"’]|'')\s*){1,3}$/;
/** The same, then the attribution's subject: '… “Is that right?” former chairman Ana Lind'. */
const QUESTION_THEN_SUBJECT = /[?!](?:[”"]|'')\s+[^\s,;:“”"?!]+(?:\s+[^\s,;:“”"?!]+){0,7}\s*$/;

/** What follows a verb closing its sentence: punctuation, perhaps after where or when ("asked on Twitter."). */
function closesSentence(rest: string): boolean {
  // ("asked about the plan." names what was asked, not where.)
  const m = /^\s*(?:about|of|for)\b/i.test(rest) ? null : asideAdjunct(rest);
  return ONLY_PUNCTUATION.test(m ? rest.slice(m[0].length) : rest);
}

/**
 * The sentence before an attribution that opens its own sentence ('Ruiz asked.'), when that one ends in a quoted
 * question or exclamation, in the same paragraph: the splitter ends a sentence there, and the attribution closes it.
 */
function questionBefore(
  doc: Document,
  sentence: Sentence,
  direct: DirectQuotes,
): { clauseStart: number; clauseEnd: number } | null {
  const before = doc.sentences[sentence.index - 1];
  if (!before || before.paragraph !== sentence.paragraph || !QUESTION_CLOSE.test(before.text)) return null;
  if (inside(direct.covered, before.end - 2)) return null;
  if (/\n/.test(doc.body.slice(before.end, sentence.start))) return null;
  return {
    clauseStart: before.start + (DATELINE.exec(before.text)?.[0].length ?? 0),
    clauseEnd: before.start + before.text.replace(CLAUSE_TAIL, '').length,
  };
}

/**
 * What goes before a "that"-clause after a verb of saying: "that" itself, a prepositional or time phrase before it
 * ("said in April that", "told of the plan on Monday that"), and for verbs that also take objects up to three
 * words of their own. A "that" followed by a verb is a relative pronoun ("the report that was released"), not a
 * complementiser, and the verb before it is no verb of saying ("states that will hold …"). Returns the length to
 * skip, -1 for a relative "that", or null when no "that"-clause follows.
 */
function thatLead(rest: string, objectWords: boolean, pastTense: boolean): number | null {
  // ("recalled in 2008 that …", "conceded in a recent debate that …": when or where it was said may come before
  // the "that" of a verb that also takes objects, as it does for "said".)
  const m = objectWords
    ? (THAT_AFTER_WORDS.exec(rest) ?? SAID_WHEN_THAT.exec(rest))
    : THAT_AFTER_PHRASE.exec(rest);
  // The pattern ignores case, so a quote in the phrase is checked here to be a name ('on “Meet the Press” that'),
  // not the reporter's scare quote ('this was a “fatal mistake” and that …').
  if (!m || allMatches(/[“"]([^“”"]*)[”"]/g, m[0]).some((q) => !/^[\p{Lu}\d]/u.test(q[1]!))) return null;
  // After a verb in the past tense ("said that is a distortion") "that" is a pronoun, the clause's subject: no noun
  // reads "said" the way "the states that will vote" reads "states".
  const after = rest.slice(m[0].length);
  if (!RELATIVE_THAT.test(after)) return relativeThat(after) ? -1 : m[0].length;
  return pastTense ? m[0].search(/that,?\s+$/i) : -1;
}

/**
 * A name or a short description ("Greta Holm", "The Supreme Court justice", "critics"), not a clause or an
 * adverbial ("On Thursday", "Donald Trump went with the odds", "his home"): what an attribution read from far off
 * or set into a sentence must be before it is trusted.
 */
function plainSubject(np: string): boolean {
  const words = splitSpaces(np);
  if (words.length > 6 || /^\p{Lu}{3,}$/u.test(np)) return false;
  if (!/^(?:\p{Lu}|(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Oo]ther|[Ss]everal)\s)/u.test(np)) return false;
  return !words.some((w, i) =>
    i === 0
      ? FUNCTION_WORDS.has(w.toLowerCase()) && !/^(?:the|a|an|some|many|several)$/i.test(w)
      : /^\p{Ll}/u.test(w) && (w === 'and' || hasTag(w, ...NOT_IN_SUBJECT)),
  );
}

/**
 * A subject an attribution set off by commas may carry besides a plain one: a description in lower case ("top
 * black lawmakers", "teachers and union officials") or a long title ("UMWA Director of Government Affairs Phil
 * Smith"). Only read right after a closed clause, so a longer phrase is safe there: it is still no clause (no verb)
 * and no adverbial (no opening preposition or function word).
 */
function closingSubject(np: string): boolean {
  const words = splitSpaces(np);
  if (words.length > 10 || /^\p{Lu}{3,}$/u.test(np)) return false;
  const first = words[0]!;
  if (
    /^\p{Ll}/u.test(first) &&
    FUNCTION_WORDS.has(first) &&
    !/^(?:the|a|an|some|many|several|most|all|both)$/.test(first)
  )
    return false;
  return !words.some(
    (w, i) =>
      /^\p{Ll}/u.test(w) &&
      !/^(?:and|of)$/.test(w) &&
      (i === 0 ? hasTag(w, ...NOT_IN_SUBJECT) && !hasTag(w, 'Noun', 'Plural') : hasTag(w, ...NOT_IN_SUBJECT)),
  );
}

/**
 * The words before an attribution set into a clause that are that clause's subject ("The museum", "Climate change"), not an opening adverbial ("In the end", "With Nusra fighters playing …", "On Thursday") the reporter may
 * have added: what the rules join to the rest of the clause.
 */
function fragmentSubject(text: string): boolean {
  const words = splitSpaces(text.trim());
  // A lone pronoun ("That, the board said, …") points back to what came before rather than saying it.
  if (words[0] === '' || words.length > 8 || /[,;:“”"]/.test(text) || /^(?:that|this|it)$/i.test(text.trim()))
    return false;
  const first = words[0]!.toLowerCase();
  if (/^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|such|some|many|most)$/.test(first))
    return true;
  return !FUNCTION_WORDS.has(first) && !hasTag(first, ...NOT_IN_SUBJECT) && !/ing$/.test(first);
}

/** What may open a sentence before a subject read across an appositive: "But ", "Earlier this week, ". */
const APPOSITIVE_OPENER =
  /^\s*(?:(?:but|and|yet|still|so)\s+(?=\p{Lu})|(?:earlier|later|last|this|on|in|at|by|after|before|since|meanwhile|however)\b[^,;:“”"]{0,30},\s*)/iu;

/**
 * The subject at the start of a sentence, read across a long appositive or parenthetical that separates it from its
 * verb: "Larry Cohen, a senior adviser to … and past president of …, said", "The justice -- who has … -- said". Only
 * a subject that opens the sentence counts, so a name inside the appositive is never taken for the speaker.
 */
function subjectAcrossAppositive(
  prefix: string,
  sentenceStart: number,
): { np: string; start: number } | null {
  if (!/(?:,|\s[—–]|\s--)\s*$/.test(prefix)) return null;
  // A connective or a short time phrase may open the sentence before its subject: "But Tom Lind, …, said",
  // "Earlier this week, Ana Ruiz, who …, conceded".
  const opener = APPOSITIVE_OPENER.exec(prefix.slice(DATELINE.exec(prefix)?.[0].length ?? 0));
  const from = (DATELINE.exec(prefix)?.[0].length ?? 0) + (opener?.[0].length ?? 0);
  const cut = /,|\s[—–]|\s--|\s\(/.exec(prefix.slice(from));
  if (!cut || cut.index === 0) return null;
  const subject = subjectBefore(prefix.slice(from, from + cut.index), sentenceStart + from);
  const lead = from + /^\s*/.exec(prefix.slice(from))![0].length;
  if (!subject || subject.start !== sentenceStart + lead) return null;
  return plainSubject(subject.np) ? subject : null;
}

/**
 * The subject of a clause that a conjunction or a dash opens inside the sentence: "The move is notable because
 * Ana Ruiz has said …", "Lind credits the staff -- but he said …", "In May - after the vote - the board told …". The
 * words before the conjunction are the reporter's own clause; the subject is what follows it. Inside a clause
 * already reported (`nested`), only a conjunction after a comma or a dash opens a clause of the reporter's ("…
 * said the North moved a missile, shortly after Pyongyang said …"); without one ("said he knew little about her
 * before she announced …", "said Lind was right when he said …") the verb is part of what was said.
 */
const CLAUSE_OPENER =
  /\s(?:because|while|whereas|although|though|since|after|before|when|where|as|once|until|unless|but|--?|[—–])(?=\s+\S)/gi;
/** A conjunction (perhaps after an adverb) that ends a clause cut at the next attribution's subject. */
const CLAUSE_END_OPENER =
  /[\s,]+(?:(?:shortly|soon|just|even|right|long)\s+)?(?:because|while|whereas|although|though|since|after|before|when|until|unless|but|and\s+(?:then|later|also|again|subsequently|eventually)|--?|[—–])\s*$/i;
/** A phrase of time or place after a comma or a conjunction, right before the next attribution's subject. */
const PLACED_BEFORE_SUBJECT =
  /(?:,\s+(?:(?:and|but)\s+)?|\s(?:and|but)\s+)(?:in|on|at|during|after|before|since|by|over|earlier|later|last|this)\s[^,;:“”"]*$/i;
/** Word classes that end no subject: "after Lind’s surprising remarks", "after Lind released notes". */
const NOT_SUBJECT_END = [
  'Adjective',
  'Participle',
  'Gerund',
  'PastTense',
  'Adverb',
  'Comparative',
  'Superlative',
];
function subjectAfterConjunction(
  prefix: string,
  sentenceStart: number,
  nested: boolean,
): { np: string; start: number } | null {
  let cut = -1;
  let at = -1;
  // matchAll starts where the pattern's last test() stopped ("… when he" tested as a subject just before).
  CLAUSE_OPENER.lastIndex = 0;
  for (const m of allMatches(CLAUSE_OPENER, prefix)) {
    cut = m.index + m[0].length;
    at = m.index;
  }
  // A comma after the conjunction ends an opening phrase ("after a long meeting, the minister said"), whose words are
  // no subject.
  if (cut < 0 || prefix.includes(',', cut)) return null;
  if (
    nested &&
    !/(?:[,;]|\s(?:--?|[—–]))(?:\s+\p{Ll}+)?\s*$/u.test(prefix.slice(0, at + 1)) &&
    !/[-—–]$/.test(prefix.slice(at, cut))
  )
    return null;
  const subject = subjectBefore(prefix.slice(cut), sentenceStart + cut);
  if (!subject) return null;
  // Read from inside the sentence, so only a name, a short description or a pronoun is trusted as the subject.
  if (/^(?:he|she|they|we|I)$/i.test(subject.np)) return subject;
  const last = splitSpaces(subject.np).pop()!;
  if (/^\p{Ll}/u.test(last) && (/(?:ing|ed)$/.test(last) || hasTag(last, ...NOT_SUBJECT_END))) return null;
  // "even though a number of attendees said …", "as some of the delegates argued …": a part of a group, whose "of"
  // joins two nouns of one subject.
  return plainSubject(subject.np.replace(/\s+of\s+(?=(?:the|his|her|their|its)\s+)?/g, ' ')) ? subject : null;
}

/**
 * The subject of the last clause before a participle, read from after the last comma: "…, Ana Ruiz offered a
 * defence of it, saying" → "Ana Ruiz". Only a name, a short description or a pronoun counts.
 */
function lastClauseSubject(prefix: string, sentenceStart: number): { np: string; start: number } | null {
  const text = prefix.replace(/[\s,]+$/, '');
  const from = text.lastIndexOf(', ') + 1;
  const subject = clauseSubject(text.slice(from), sentenceStart + from);
  return subject && (/^(?:he|she|they|we|I)$/i.test(subject.np) || plainSubject(subject.np)) ? subject : null;
}

/**
 * Whether the words after "asked" are a request, someone asked and a "to"-infinitive: "asked voters to …",
 * "asked the campaign of the senator to …". The one asked is a short noun phrase with no verb of its own; "asked
 * about …", "asked for …" and "asked to …" (no one asked) are not requests.
 */
const REQUEST = /^\s*((?:[\p{L}\p{N}’'.-]+\s+){1,8}?)to\s+(?:[“"]|'')?\p{Ll}/u;
function request(rest: string): boolean {
  const m = REQUEST.exec(rest);
  if (!m) return false;
  const words = splitSpaces(m[1]!.trim());
  if (/^(?:to|about|for|of|on|in|if|whether|why|how|what|when|where|who|that|so|it|this)$/i.test(words[0]!))
    return false;
  // A word after a determiner or an owner (perhaps past a capitalised word: "a Michigan rally") is a noun, whatever
  // else the lexicon lists it as ("the network"), unless
  // it can only be a verb ("this was"); a subject pronoun or a regular past opens a clause ("his aides he planned").
  if (REQUEST_AFTER_TO.test(rest.slice(m[0].length - 1))) return false;
  return !words.some(
    (w, k) =>
      /^\p{Ll}/u.test(w) &&
      (/^(?:and|or|but|not|never|he|she|they|we|i)$/.test(w) ||
        (k > 0 && /^\p{Ll}{3,}ed$/u.test(w) && !DETERMINER.test(words[k - 1]!)) ||
        hasTag(w, 'Copula', 'Modal') ||
        (hasTag(w, 'PastTense', 'PresentTense', 'Infinitive', 'Adverb') &&
          // ("asked the secretary of state to …": a word right after "of" is the noun it governs.)
          !(
            k > 0 &&
            (DETERMINER.test(words[k - 1]!) || POSSESSOR.test(words[k - 1]!) || words[k - 1] === 'of')
          ) &&
          // ("at a Michigan rally": a capitalised word between the determiner and the noun.)
          !(k > 1 && /^\p{Lu}/u.test(words[k - 1]!) && DETERMINER.test(words[k - 2]!)))),
  );
}
/** A noun after "to", which makes it a preposition ("told the news to reporters"), not an infinitive's mark. */
const REQUEST_AFTER_TO =
  /^(?:the|a|an|his|her|their|its|our|reporters|journalists|supporters|voters|members|officials)\b/i;

/** A time or place phrase between a verb of commitment and its "to": "at a rally in Reno on Sunday to …". */
const COMMITMENT_LEAD =
  /^\s*(?:(?:on|at|in|during|last|this|earlier|later)\s[^,.;:“”"]{0,50}?\s)?(?=to\s+(?:[“"]|'')?\p{Ll})/u;

/** Where and when something was said, after the verb: "on CNN", "Wednesday morning in an interview", "to reporters". */
const ASIDE_ADJUNCT = new RegExp(
  `^\\s*(?:(?:on|in|at|during|to|after|before|last|this|earlier|later|from|via|with|while|when|about|of|for|` +
    `yesterday|today|tonight|again|also|recently|then|now|repeatedly|separately|afterward|afterwards|` +
    `morning|afternoon|evening|night|${WEEKDAY})\\b[^,;:“”"()]{0,80}?)?(?=[,;]\\s|[.!?]?[”"’)]*\\s*$)`,
  'i',
);
/**
 * A programme named in quotation marks after "on" or an owner ('on NBC’s “Meet the Press.”', whose full stop may sit
 * inside its mark), which an adjunct may end on; not 'wrote in “Ana Lind” on the ballot'.
 */
const PROGRAMME = /(?<=(?:[’']s|\bon)\s)[“"](?=[\p{Lu}\d])[^“”",.;:()]{1,40}[”"]?/gu;
/** ASIDE_ADJUNCT read over a text whose programmes' names are blanked out (offsets kept): the names are no verbs. */
function asideAdjunct(text: string): RegExpExecArray | null {
  const plain =
    text.includes('“') || text.includes('"') ? text.replace(PROGRAMME, (m) => 'x'.repeat(m.length)) : text;
  return ASIDE_ADJUNCT.exec(plain);
}
/**
 * The object of "tell" in an aside: "…, he told reporters", "…, she told CNN on Sunday", "…, Carter told a Senate
 * panel Wednesday" (such a description only where nothing but when and where follows to the sentence end, and not
 * what is told: "told a story of …"), a name after "the" read whole ("…, she told the Associated Press in an
 * interview", "…, he told the New Yorker").
 */
const ASIDE_TELL_OBJECT =
  /^\s*(?:him|her|them|us|me|reporters|journalists|supporters|voters|the\s+(?:(?:\p{Lu}[\p{L}.’'-]*\s*){1,4}|\p{L}+)|(?:a|an|his|her|their)\s+(?!(?:\S+\s+){0,3}(?:story|tale|joke|lie|truth|anecdote)\b)(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}(?:\p{Ll}+\s+)?\p{Ll}+(?=[^,;:“”"]*$)|(?:\p{Lu}[\p{L}.’'-]*\s*){1,4})/u;
/**
 * What makes the words after an aside's comma a sentence of their own rather than more of what was said. (A
 * quotation mark there opens an utterance of its own unless the quote opens in lower case and is no direct quote,
 * i.e. a partial quote carrying on the reported clause: 'That, the board said, “would help …”', or runs on into
 * the reporter's words, ASIDE_QUOTE_RUN_ON.)
 */
const ASIDE_NEW_CLAUSE = /^(?:\p{Ll}+ing\b|and\b|but\b|as\b|while\b|(?:[“"]|'')(?!\p{Ll}))/u;
/**
 * A quote in capitals after an aside that the reporter's sentence carries on past: no punctuation of its own before
 * the closing mark and a word in lower case after it, one that opens neither a clause of the reporter's own nor
 * the time or place of saying ('When asked, Ruiz said, “We have a week” until the vote'; not '…, she said, “We
 * won” and left', '…, he said, “Thank you.”').
 */
const ASIDE_QUOTE_RUN_ON =
  /^(?:[“"]|'')\p{Lu}[^“”"]*?[^\s,.!?…:;](?:[”"]|'')\s+(?!(?:and|but|or|on|in|at|during|via|after|before|when|while|as|because|according)\b)\p{Ll}/u;

/** The comma after an aside, then "and" or "but" and up to two words, up to a quotation mark: ", but ", ", and still ". */
const CONJOINED_TAIL = new RegExp(String.raw`,\s*${CONJUNCTION_LEAD}$`, 'u');

/** "and", "but" and up to two words before a quotation mark: "and still “…", "but “…". */
const CONJOINED_QUOTE = new RegExp(String.raw`^${CONJUNCTION_LEAD}(?=[“"]|'')`, 'u');

/** Base forms that are verbs in an aside ("…, critics say, …"); others are nouns there ("…, his home state, …"). */
const ASIDE_BASE_VERBS = new Set([
  'say',
  'tell',
  'add',
  'argue',
  'insist',
  'warn',
  'write',
  'explain',
  'predict',
]);
/** Words that make what follows a verb of saying a clause, not where or when it was said. */
const ASIDE_VERB_TAGS = ['PastTense', 'PresentTense', 'Copula', 'Modal', 'Infinitive'];

/** Determiners after which a word the lexicon lists as a verb is a noun: "in a video message", "during the interview". */
const DETERMINER = /^(?:a|an|the|his|her|its|their|our|my|your|this|these|those|another)$/i;

/**
 * Whether the word at `i` of an aside's adjunct is a verb, which makes the words a clause ("said Mexico would pay")
 * rather than where or when something was said. A modal or a form of "be" always is; a word the lexicon lists as
 * a verb is a noun within two words after a determiner ("in a video message", "at the rally").
 */
function asideVerb(words: string[], i: number): boolean {
  const w = words[i]!;
  if (hasTag(w, 'Copula', 'Modal')) return true;
  if (!hasTag(w, ...ASIDE_VERB_TAGS)) return false;
  return !(DETERMINER.test(words[i - 1] ?? '') || (i > 1 && DETERMINER.test(words[i - 2]!)));
}

/**
 * Reads the words after the verb of an attribution set off by commas: nothing but where and when it was said, then
 * the sentence end (resume null) or a comma and more of what was said (resume: its offset in `after`). Returns null
 * when a clause follows the verb instead ("said Mexico would pay"). A participle or "and"/"but" after the comma
 * ("…, Spicer said, adding …") starts something else, so nothing is resumed.
 */
function asideAfter(
  after: string,
  tell: boolean,
  direct: (offset: number) => boolean,
): { resume: number | null; quoted?: true } | null {
  const object = tell ? (ASIDE_TELL_OBJECT.exec(after)?.[0].length ?? 0) : 0;
  const adjunct = asideAdjunct(after.slice(object));
  if (!adjunct) return null;
  const words = splitSpaces(adjunct[0].trim());
  if (
    words.length > 10 ||
    words.some(
      (w, i) =>
        i > 0 && (/^(?:that|least)$/i.test(w) || (/^\d/.test(w) && !YEAR.test(w)) || asideVerb(words, i)),
    )
  )
    return null;
  const restAt = object + adjunct[0].length;
  const comma = /^\s*,\s*/.exec(after.slice(restAt));
  if (!comma) return { resume: null };
  let resume = restAt + comma[0].length;
  // '…,” Lee said, and still “got to sit in on …”', '…, she said, but “when it comes to …”': a conjunction before a
  // quoted fragment carries on what was said rather than starting a clause of the reporter's.
  const carried = CONJOINED_QUOTE.exec(after.slice(resume));
  if (carried) resume += carried[0].length;
  const next = after.slice(resume);
  const runOn = !carried && ASIDE_QUOTE_RUN_ON.test(next);
  // ("This campaign, he says, is different": two words are enough where they open on the clause's own verb.)
  if (
    (!carried && !runOn && ASIDE_NEW_CLAUSE.test(next)) ||
    direct(resume) ||
    (fewerThanThreeWords(next) && !(verbOpening(next) && /\s/.test(next.trim())))
  )
    return { resume: null };
  return runOn ? { resume, quoted: true } : { resume };
}

/**
 * Whether a text opens on a finite verb with no subject of its own: the rest of a clause an aside splits ("The
 * solution, the partner told them, was simple", "But the years that followed, he said, brought a shift").
 */
function verbOpening(text: string): boolean {
  const first = /^\s*(\p{Ll}+)\b/u.exec(text)?.[1];
  return (
    first !== undefined &&
    !first.endsWith('ing') &&
    (AUXILIARY_OPENING.test(`${first} `) ||
      /^\p{L}{3,}ed$/u.test(first) ||
      hasTag(first, 'PastTense', 'PresentTense', 'Copula'))
  );
}

/** A subordinate clause opening a sentence: "Though …", "If …", "Because …". */
const SUBORDINATE_OPENING =
  /^\s*(?:(?:and|but)\s+)?(?:though|although|even\s+though|even\s+if|while|whereas|if|unless|because|since|once|until)\s/i;
/** A clause that opens on its verb, whose subject is the words before an aside: "…, he added, are like …". */
const AUXILIARY_OPENING =
  /^(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had|does|do|did)\s/i;

/**
 * A quote alone before an aside (`“It’s our bad luck,” he said, that …`): when a "that" clause follows the aside,
 * the reporter's words finish the quote's sentence (see finishesAfterAttribution in quotes.ts).
 */
const QUOTE_THEN_THAT = /^\s*(?:[“"]|'')[^“”"]+,(?:[”"]|'')\s*$/;

/** A year, which may say when something was said ("said in June 2012"), unlike other numbers ("said 20 died"). */
const YEAR = /^(?:1[89]|20)\d\d$/;

/** Word classes that make a phrase before a comma something other than a subject. */
const NOT_IN_SUBJECT = [
  'PastTense',
  'PresentTense',
  'Participle',
  'Infinitive',
  'Gerund',
  'Copula',
  'Modal',
  'Preposition',
  'Conjunction',
  'Adverb',
  'Comparative',
  'Pronoun',
];

/** The subject of a verb of saying inside a "which" or "that" relative clause: "which he said", "that officials say". */
const EMBEDDED_SUBJECT =
  /^(?:he|she|they|we|I|officials|experts|analysts|critics|aides|advisers|sources|economists|investigators|\p{Lu}\p{Ll}+)$/u;

/** A time between "who" and its verb of saying: "who in 2010 said", "who on Monday told", "who last week said". */
const TIME_AFTER_WHO = new RegExp(
  String.raw`^\s+(?:in\s+(?:1[89]|20)\d\d|on\s+${WEEKDAY}|last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|at\s+the\s+time)\s+$`,
  'i',
);

/** Words between "who" and its verb of saying: "who also said", "who has said", "who later told". */
const RELATIVE_ADVERB =
  /^(?:|also|has|had|have|later|previously|first|once|recently|repeatedly|publicly|then|now|often|once)$/i;

/**
 * Where a clause reported inside a relative clause ends: at the comma after which the main clause's verb comes
 * back ("Ana Ruiz, who said the plan would fail, voted for it"), else at the sentence end.
 */
function relativeEnd(body: string, start: number, end: number, atComma = false): number {
  const text = body.slice(start, end);
  // A relative clause set into a noun phrase ("the wall, which he said Mexico would pay for, will …") ends at its
  // closing comma.
  if (atComma) {
    const comma = /,(?:[”"’]|'')?\s/.exec(text);
    if (comma) return start + comma.index;
  }
  // (The comma may sit inside a closing mark: 'who said it was “a failure,” voted for it'.)
  for (const m of allMatches(/,(?:[”"’]|'')?\s+(\p{Ll}+)/gu, text)) {
    const w = m[1]!;
    if (
      (/[^e]ed$/.test(w) ||
        hasTag(w, 'PastTense', 'PresentTense', 'Copula', 'Modal') ||
        CLAUSE_SPEECH_VERBS.has(w)) &&
      // (A speech verb's base form is no main verb: "…, say officials" is an inverted attribution's.)
      CLAUSE_SPEECH_VERBS.get(w) !== w
    )
      return start + m.index;
  }
  return end;
}

/** Where an aside opened by a dash ends: at the dash that closes it, else at the sentence end. */
function dashEnd(body: string, start: number, end: number): number {
  const m = /\s(?:--?|[—–―])\s/.exec(body.slice(start, end));
  return m ? start + m.index : end;
}

/**
 * Verbs before "to" that make the infinitive after them the subject's speech: "went on to say", "was quick to add",
 * "are all quick to point out", "went out of his way to say", "continues to insist", "took to Twitter to say",
 * "is taking pains to say". (Not "refused to say" or "declined to say": what follows was not said.)
 */
const CATENATIVE =
  /(?:^|\s)(?:(went|go|goes|going|gone|was|were|is|are)\s+(?:on|(?:all\s+)?quick|out\s+of\s+(?:his|her|their|its|my|our)\s+way)|continues|continue|continued|continuing|(?:took|takes|take|taking)\s+(?:pains|to\s+(?:Twitter|Facebook|Instagram|social\s+media|the\s+airwaves)))\s+$/i;

/**
 * A verb of causing and its object before "to" and a verb of saying: "led her to", "prompting some Republicans to",
 * "forced the minister to". The object, up to six words without punctuation, is who spoke.
 */
const CAUSATIVE =
  /(?:^|\s)(?:led|leading|leads|prompted|prompting|prompts|forced|forcing|forces|spurred|spurring|pushed|pushing)\s+((?:[^\s,;:“”"()—–]+\s+){0,5}?[^\s,;:“”"()—–]+)\s+$/u;
/** What follows a caused verb of saying: "that" or a clause of its own ("led her to say she would …"). */
const CAUSED_CLAUSE = /^\s+(?:that\b|(?:he|she|they|it|we|I)\s+\S+)/;
/** The subject form of an object pronoun, for the one a cause moved to speak ("led her to" → "she"). */
const SUBJECT_FORM: Readonly<Record<string, string>> = { him: 'he', her: 'she', them: 'they' };
function causedSpeaker(prefix: string, prefixStart: number): { np: string; start: number } | null {
  const m = CAUSATIVE.exec(prefix);
  if (!m) return null;
  const np = m[1]!;
  // The object names someone: a pronoun, or a phrase with no verb of its own ("the loss led to voters leaving").
  if (
    !/^(?:him|her|them|us|me)$/i.test(np) &&
    (hasClauseVerb(splitSpaces(np)) || /^(?:to|the way)\b/i.test(np))
  )
    return null;
  return { np: SUBJECT_FORM[np.toLowerCase()] ?? np, start: prefixStart + m.index + m[0].indexOf(np) };
}

/** A name right before the comma of a relative clause, perhaps with a title: "…,” said Weaver, who said …". */
const NAME_BEFORE_COMMA = new RegExp(
  String.raw`(?:^|[\s“”"(])((?:(?:${TITLE_ABBREVIATION})\.\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3})(?:,|\s(?:--?|[—–―]))\s*$`,
  'u',
);

/**
 * The antecedent of ", who said …" when the words before it are no subject of their own ('“…,” said Glenn Weaver,
 * who said …', 'the rally for Mr. Sanders, who said …'): the name right before the comma.
 */
function antecedentName(
  body: string,
  from: number,
  relativeStart: number,
): { np: string; start: number } | null {
  const m = NAME_BEFORE_COMMA.exec(body.slice(from, relativeStart));
  return m ? { np: m[1]!, start: from + m.index + m[0].indexOf(m[1]!) } : null;
}

/**
 * A document or a body that speaks, right before the comma or dash of ", which": "the study -- which notes that …",
 * "the police department, which reported that …". (A "which" after anything else may point to a whole clause.)
 */
const SOURCE_NOUN_BEFORE_COMMA =
  /(?:^|\s)((?:the|a|an|this|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,3}?(?:study|report|survey|poll|analysis|audit|review|panel|committee|department|agency|commission|board|court|newspaper|magazine|website|statement|letter|memo|lawsuit|complaint|filing|ruling|editorial|column|article|ad))(?:,|\s(?:--?|[—–]))\s*$/iu;
function sourceNounBefore(
  body: string,
  from: number,
  relativeStart: number,
): { np: string; start: number } | null {
  const m = SOURCE_NOUN_BEFORE_COMMA.exec(body.slice(from, relativeStart));
  return m ? { np: m[1]!, start: from + m.index + m[0].indexOf(m[1]!) } : null;
}

/** What opens an appositive of a name: "the province's health minister", "now the majority leader", "a lawyer". */
const APPOSITIVE_START =
  /^(?:(?:now|then|formerly|also)\s+)?(?:a|an|the|his|her|their|its|\p{Lu}[\p{L}.’'-]*[’']s)\s/u;

/**
 * The name before an appositive set off by commas right before ", who": "backed by Ana Lind, the province's health
 * minister, who said …", "McConnell, now the majority leader, who in 2010 said …". The appositive has no verb.
 */
function antecedentAcrossAppositive(
  body: string,
  from: number,
  relativeStart: number,
): { np: string; start: number } | null {
  const before = body.slice(from, relativeStart).replace(/,\s*$/, '');
  const comma = before.lastIndexOf(',');
  const appositive = before.slice(comma + 1).trim();
  if (comma < 0 || !APPOSITIVE_START.test(appositive) || hasClauseVerb(words(appositive).slice(1)))
    return null;
  return antecedentName(body, from, from + comma + 1);
}

/**
 * The antecedent of ", who said …" read as the subject before the comma, unless those words are a clause of their
 * own ("Obama met McConnell, who said …"): then the object right before the comma is, or null (the name there
 * is read next, antecedentName).
 */
function relativeAntecedent(prefix: string, prefixStart: number): { np: string; start: number } | null {
  const subject = subjectBefore(prefix, prefixStart);
  if (!subject || !hasClauseVerb(words(subject.np))) return subject;
  // The object of that clause's verb is the antecedent: "The remark worried some analysts, who said …".
  return objectBeforeRelative(prefix.replace(/,\s*$/, ' '), prefixStart);
}

/** Words that end the noun phrase a restrictive "who" follows, read backwards: a verb or a preposition before it. */
const BEFORE_OBJECT =
  /^(?:among|from|to|with|by|for|of|at|in|on|about|are|is|was|were|be|been|there|include|includes|included|including|like|than)$/i;

/**
 * The noun phrase right before a restrictive "who" when it is an object or follows a preposition ("pay an
 * architect", "among the 30 percent of voters", "calls from listeners"), read back to the verb or preposition
 * before it; null when it opens the sentence, where it is the subject.
 */
function objectBeforeRelative(prefix: string, prefixStart: number): { np: string; start: number } | null {
  const words = allMatches(/[^\s]+/g, prefix);
  let k = words.length;
  // The whole phrase is read, "most of the voters" as well as "the voters", to know whether it is the subject.
  let whole = k;
  while (whole > 0) {
    const w = words[whole - 1]![0];
    if (/[,;:“”"()]/.test(w)) break;
    if (DETERMINER.test(w) && words[whole - 2]?.[0].toLowerCase() !== 'of') {
      whole--;
      break;
    }
    if (
      !(w.toLowerCase() === 'of' && QUANTITY.test(words[whole - 2]?.[0] ?? '')) &&
      (BEFORE_OBJECT.test(w) ||
        (/^\p{Ll}/u.test(w) && hasTag(w, 'Preposition', 'Copula', 'Modal', 'PastTense', 'Infinitive')) ||
        regularPastAfterSubject(words, whole - 1))
    )
      break;
    whole--;
  }
  if (whole === 0) return null;
  // The phrase back to a determiner, a preposition or a verb; where punctuation comes first, only the last of a
  // list ("entertainers and business leaders who say") or a participle's object ("echoing experts who say").
  k = phraseStart(words, k, false);
  if (k === 0 || /[,;:“”"()]/.test(words[k - 1]![0])) k = phraseStart(words, words.length, true);
  if (k === words.length || words.length - k > 7) return null;
  // Something must come before the phrase, and not punctuation: "…, listeners who said" is not read.
  if (k === 0 || /[,;:“”"()]/.test(words[k - 1]![0])) return null;
  return objectPhrase(prefix, prefixStart, words, k);
}

/**
 * A regular past tense the lexicon does not list, right after a name or a pronoun, is the verb whose object the
 * phrase after it is: "Obama rebuked critics who say …", "she thanked voters who said …".
 */
function regularPastAfterSubject(words: RegExpExecArray[], i: number): boolean {
  const w = words[i]?.[0] ?? '';
  const before = words[i - 1]?.[0] ?? '';
  return (
    /^\p{Ll}{3,}ed$/u.test(w) &&
    (/^(?:he|she|they|we|I)$/i.test(before) || /^\p{Lu}[\p{L}’'.-]*$/u.test(before))
  );
}

/** Where the noun phrase ending before word `k` starts; `listEnd` also stops at "and", "or" and an -ing form. */
function phraseStart(words: RegExpExecArray[], k: number, listEnd: boolean): number {
  const end = k;
  while (k > 0) {
    const w = words[k - 1]![0];
    if (/[,;:“”"()]/.test(w)) break;
    // A determiner opens the phrase: "pay an architect", "among the voters".
    if (DETERMINER.test(w)) {
      k--;
      break;
    }
    // "of" after a quantity joins it to its noun ("30 percent of voters"), so it stays inside the phrase. The last
    // of a list ("entertainers and business leaders who say") and the object of a participle ("echoing security
    // experts who say") end there too; the whole phrase above still tells whether it is the subject.
    if (
      !(w.toLowerCase() === 'of' && QUANTITY.test(words[k - 2]?.[0] ?? '')) &&
      (BEFORE_OBJECT.test(w) ||
        (listEnd && (/^(?:and|or)$/.test(w) || (/^\p{Ll}{3,}ing$/u.test(w) && k < end))) ||
        (/^\p{Ll}/u.test(w) && hasTag(w, 'Preposition', 'Copula', 'Modal', 'PastTense', 'Infinitive')) ||
        regularPastAfterSubject(words, k - 1))
    )
      break;
    k--;
  }
  return k;
}

/** The object phrase from word `k` on, unless it names no one or is the one told or asked. */
function objectPhrase(
  prefix: string,
  prefixStart: number,
  words: RegExpExecArray[],
  k: number,
): { np: string; start: number } | null {
  // "told a young woman who suggested … that …": the one told is the object of a verb of saying whose own clause
  // follows, which the relative clause cannot be told apart from.
  if (/^(?:tell|tells|told|telling|ask|asks|asked|asking)$/i.test(words[k - 1]![0])) return null;
  const first = words[k]!;
  const np = prefix.slice(first.index).trim();
  // A phrase that names no one ("those who said", "some who warned") or a place ("… in Philadelphia who said"),
  // or one that ends on a conjunction or a pronoun ("for her but who"), is not the speaker.
  if (
    !/\p{L}/u.test(np) ||
    /^(?:of|and|or|but)\b/i.test(np) ||
    /[—–]|\s-\s|--/.test(np) ||
    NO_ONE.test(np) ||
    /\b(?:and|or|but|her|him|them|it|us|me)$/i.test(np) ||
    isPlaceName(np)
  )
    return null;
  return { np, start: prefixStart + first.index };
}

/** A quantity before "of": "30 percent of voters", "most of the members", "dozens of women". */
const QUANTITY =
  /^(?:\d[\d,.]*%?|percent|most|some|many|all|none|one|two|three|four|five|several|dozens|scores|hundreds|thousands|millions|half|third|quarter|majority|minority|number|group|each|both|few|members|rest)$/i;

/** Words that stand for people without naming or describing them. */
const NO_ONE =
  /^(?:(?:the\s+)?(?:those|these|some|any|anyone|someone|everyone|anybody|somebody|everybody|one|many|few|others|all|people))$/i;

/**
 * The fragment a direct quote's attribution carries on to ('“…,” she said, but “when it comes to …”'), spoken by
 * that quote's speaker, or null.
 */
function quoteCarriedOn(
  body: string,
  verbToken: Token,
  verb: string,
  sentence: Sentence,
  direct: DirectQuotes,
): Found | null {
  const after = body.slice(verbToken.end, sentence.end);
  const comma = /^(?:\s+\p{Lu}[\p{L}.’'-]*){0,4}\s*,\s*/u.exec(after);
  const carried = comma ? CONJOINED_QUOTE.exec(after.slice(comma[0].length)) : null;
  if (!comma || !carried) return null;
  const start = verbToken.end + comma[0].length + carried[0].length;
  if (inside(direct.covered, start) || wordCount(body.slice(start, sentence.end)) < 3) return null;
  const speaker = directSpeakerBefore(direct, sentence, verbToken.end);
  if (!speaker) return null;
  return {
    npStart: verbToken.start,
    verbStart: verbToken.start,
    clauseStart: start,
    clauseEnd: sentence.end,
    verb,
    speaker,
    open: true,
  };
}

/** A phrase of up to nine words and a comma opening the sentence, with its first word. */
const OPENING_PHRASE = /^\s*(\p{L}+)(?:\s+[^\s,;:“”"—–]+){0,8},\s+/u;
/** Words between a subject and its verb of saying: "has", "also", "has since". */
const OPENING_AUX =
  /(?:\s+(?:has|have|had|also|will|would|later|then|previously|repeatedly|once|again|publicly|recently|never|did|does|do|now|often|always|long|even|still|just|since|first|all|already|in\s+the\s+past))*\s*$/i;
/** What may open a sentence before its subject: "But ", "Still, even ", "Yet ". */
const SUBJECT_OPENER = /^(?:(?:but|and|yet|still|so|now|meanwhile|however|instead|even|indeed)\b,?\s+)*/i;
/** Auxiliaries and pronouns the lexicon may not tag, none of which a subject's head holds. */
const HEAD_VERB =
  /^(?:have|has|had|do|does|did|is|are|was|were|be|been|will|would|can|could|should|may|might|must|i|you|he|she|we|they|it|me|him|us|them)$/;
/** Nouns for groups of speakers among FUNCTION_WORDS (which lists them as words that begin no name). */
const GROUP_NOUNS = new Set(['critics', 'analysts', 'officials', 'people', 'government']);
/** Where the head of an opening noun phrase ends: a comma, a dash, a bracket or a relative pronoun. */
const HEAD_END = /,|\s(?:--?|[—–])\s|\s\(|\s(?:who|whose|that|which)\s/;

/**
 * The noun phrase that opens the sentence as the subject of the verb that ends `prefix`, read whole where the
 * subject rules find none in it: a long description ("A person familiar with the planning for Thursday’s
 * meeting", "A court document filed Thursday"), one with a restrictive relative clause ("Friends of Mr. Lind who
 * have seen him recently") or one set off from its verb by an appositive or an aside between commas or dashes
 * ("Many speakers at the service — including … —", "Mr. Manafort, citing …,"). The head must be a noun phrase with
 * no verb of its own, and what follows it up to the verb must be closed off (a comma, dash or bracket before the
 * verb) or a relative clause.
 */
function openingSubject(prefix: string, sentenceStart: number): { np: string; start: number } | null {
  const dateline = DATELINE.exec(prefix)?.[0].length ?? 0;
  // "Reached by phone on Tuesday, Joyce — who … — told": an opening phrase (a preposition or a participle and up to
  // eight more words) before the subject.
  const opening = OPENING_PHRASE.exec(prefix.slice(dateline));
  const lead =
    opening &&
    /^\p{L}+(?:ed|ing)$|^(?:in|on|at|after|before|during|since|for|with|by|from|speaking|asked)$/iu.test(
      opening[1]!,
    )
      ? dateline + opening[0].length
      : dateline;
  const from = lead + SUBJECT_OPENER.exec(prefix.slice(lead))![0].length;
  const text = prefix.slice(from).replace(OPENING_AUX, '');
  if (!/^(?:\p{Lu}|\d)/u.test(text) && from === dateline) return null;
  const end = HEAD_END.exec(text);
  const head = (end ? text.slice(0, end.index) : text).replace(/[\s“”"]+$/, '').trim();
  const words = splitSpaces(head);
  if (words.length > 12) return null;
  // The head has no verb: a past participle only before a preposition or a time ("filed Thursday", "taken from").
  // It ends on a noun, not a function word ("officials" and "critics" are listed with those only as no names).
  const last = words[words.length - 1]!.toLowerCase();
  if (FUNCTION_WORDS.has(last) && !GROUP_NOUNS.has(last)) return null;
  // "Reached by phone, …", "On his way out, …", "Because exit polls …", "He penned …": an opening phrase, a
  // conjunction or a pronoun's clause, not a subject.
  const first = words[0]!.toLowerCase();
  if (
    (FUNCTION_WORDS.has(first) && !/^(?:the|a|an|some|many|most|several|all|both|one)$/.test(first)) ||
    /^\p{L}+(?:ed|ing)$/u.test(first) ||
    hasTag(first, 'Preposition', 'Conjunction', 'Pronoun')
  )
    return null;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    // "He’s comparing …": a pronoun's contraction is a clause.
    if (/[’'](?:s|re|ve|ll|d|m)$/.test(w) && /^(?:he|she|it|they|we|i|you|there|that)[’']/i.test(w))
      return null;
    if (!/^\p{Ll}/u.test(w)) continue;
    if (FUNCTION_WORDS.has(w) && k === 0 && !/^(?:the|a|an|some|many|most|several|all|both|one)$/.test(w))
      return null;
    // An -ing form is a noun only after a determiner or an owner ("Thursday’s meeting", "the planning").
    if (
      /ing$/.test(w) &&
      !/^(?:the|a|an|this|that|his|her|their|its|our|\p{L}+[’']s?)$/iu.test(words[k - 1] ?? '')
    )
      return null;
    const participle = /ed$/.test(w) && k > 0 && /^(?:by|\p{Lu}.*)$/u.test(words[k + 1] ?? '');
    if (
      (!participle &&
        (/^\p{L}{3,}ed$/u.test(w) || hasTag(w, 'PastTense', 'PresentTense', 'Copula', 'Modal'))) ||
      HEAD_VERB.test(w) ||
      CLAUSE_SPEECH_VERBS.has(w)
    )
      return null;
  }
  let np = head;
  if (end) {
    const rest = text.slice(end.index);
    // A relative clause runs to the verb; anything else set off must be closed before it.
    const relative = /^\s(?:who|whose|that)\s/.test(rest);
    if (!relative && !/(?:,|\s(?:--?|[—–])|\))(?:[”"’]|'')?$/.test(rest)) return null;
    // A second clause of the reporter's own ("…, and …", "…; …") is no aside.
    if (/[;:]|,\s+(?:and|but|or|so)\s/.test(rest)) return null;
    // The relative clause describes the speaker ("some voters who have listened to Mr. Lind"), up to a comma.
    if (relative) np = text.slice(0, end.index + (/,/.exec(rest)?.index ?? rest.length)).trim();
  }
  return { np, start: sentenceStart + from };
}

/** Finite verbs of saying a relative clause with a missing subject is read around (not nouns: "the remarks"). */
const GAP_VERB =
  /^(?:said|says|say|claimed|claims|claim|argued|argues|argue|estimated|estimates|estimate|predicted|predicts|predict|alleged|alleges|allege|insisted|insists|insist|contended|contends|contend|suggested|suggests|suggest|warned|warns|warn)$/;
/** Verb classes that open a clause whose subject is missing: "(that officials said) went unnoticed", "(what she said) is". */
const GAP_VERB_TAGS = ['Copula', 'Modal', 'PastTense'];

/**
 * The subject of a verb of saying inside a relative clause whose own verb follows right after it, with the
 * relative's subject missing: "a deadline that several party insiders said went unnoticed", "what many analysts said
 * was a sign of …", "a gap that border experts say renders talk of a wall moot". The words between the relative
 * ("that", "which", "what") and the verb are the speaker, when they are a short noun phrase without a verb of their
 * own; null otherwise.
 */
function gapSubject(body: string, tokens: Token[], i: number): { np: string; start: number } | null {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (!next || !/^\p{Ll}/u.test(next.text) || !/^\s+$/.test(body.slice(t.end, next.start))) return null;
  // The relative first (a few tokens back, with only spaces between): most verbs of saying follow none, and the
  // lexicon lookups for the next word are made only for those that do.
  let k = i - 1;
  for (; k >= Math.max(1, i - 8); k--) {
    const x = tokens[k]!;
    if (!/^\s+$/.test(body.slice(x.end, tokens[k + 1]!.start))) return null;
    // "his daughters, who he said were living in Russia": "who" (or "whom") opens such a relative too.
    if (/^(?:that|which|what|who|whom)$/i.test(x.text)) break;
  }
  if (k < Math.max(1, i - 8)) return null;
  if (
    !hasTag(next.text, ...GAP_VERB_TAGS) &&
    !/^\p{Ll}{3,}ed$/u.test(next.text) &&
    !(next.text.endsWith('s') && hasTag(next.text, 'PresentTense'))
  )
    return null;
  const first = tokens[k + 1]!;
  if (first === t) return null;
  const np = body.slice(first.start, t.start).trim();
  const subject = subjectBefore(`${np} `, first.start);
  return subject && subject.start === first.start && subject.np === np && !hasClauseVerb(words(np))
    ? subject
    : null;
}

/** Where the clause of a relative with a missing subject ends: at the main clause's verb after a comma, or a dash. */
function gapEnd(body: string, start: number, end: number): number {
  const stop = relativeEnd(body, start, end);
  const dash = /\s(?:--?|[—–])\s/.exec(body.slice(start, stop));
  return dash ? start + dash.index : stop;
}

/**
 * Whether an offset sits in the first sentence of a quote of its paragraph. (Past a full stop, the marks may be
 * paired wrongly: '… as “criminals” and “rapists“ while … A month later, he … explained why …'.)
 */
function insideMarks(doc: Document, sentence: Sentence, offset: number): boolean {
  return doc.paragraphs[sentence.paragraph]!.marks.some(
    (m) =>
      m.open < offset &&
      (m.close ?? m.contentEnd) > offset &&
      !/[.!?][”"’]*\s+\p{Lu}/u.test(doc.body.slice(m.open, offset)),
  );
}

/**
 * Verbs that take plain objects, read only before a clause elsewhere, whose object is what was said all the same:
 * "mentioned the violence in his home town", "recalled her days as a minister", "reiterated his call for a
 * review". The object runs to where SAID_OBJECT_END stops it; one word alone ("did
 * not mention Lind") reports nothing.
 */
const SAID_OBJECT_VERBS = new Set(['mention', 'recall', 'reiterate']);
/**
 * An answer said in place of a clause: "75 percent said yes", "said no to the war", "half said so", "43 percent said
 * the same of Lind". Not a quantity or a time ("said so many things", "said the same day that …"), nor "no" opening
 * a phrase ("said no one …", "said no matter what …").
 */
const ANSWER =
  /^\s*(?:yes(?:,\s+yes)*|no(?:,\s+no)*(?:\s+to\s+[^,;:.!?“”"]+)?|so|the\s+same(?:\s+thing)?(?:\s+(?:of|for|about)\s+[^,;:.!?“”"]+?)?)(?=\s*(?:[,;:.!?]|$|\s(?:but|while|and|when|after|before|in|on|at|last|this|earlier)\b))/iu;
/**
 * Where such an object may end: punctuation, a dash, or a conjunction opening another clause. Unlike OBJECT_END, a
 * phrase of where or how stays in it ("recalled her days as a minister in the capital").
 */
const SAID_OBJECT_END = /[,;:(—–]|\s--?\s|\s(?:and|but|while|because|when|since|though|although)\s/g;
/** What after "and" opens a verb phrase or a clause of its own: "mentioned the levy and left", "and he said". */
const AND_CLAUSE = /^(?:he|she|they|it|we|I|then|later|also|(?:did|does|do|was|is|has|had|would|will)\b)/;

/**
 * Where the object of a SAID_OBJECT_VERBS verb ends (an offset into `rest`): not inside quotation marks ("suggested
 * he sees it as “black and white”"), nor at an "and" that joins two nouns ("recalled the talks between Lind and
 * Holt"); at one before a verb or a pronoun, it does ("mentioned the levy and left early").
 */
function saidObjectEnd(rest: string): number {
  for (const m of allMatches(SAID_OBJECT_END, rest)) {
    const before = rest.slice(0, m.index);
    const open = (before.match(/[“]/g)?.length ?? 0) - (before.match(/[”]/g)?.length ?? 0);
    if (open > 0 || (before.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    if (/^\s*and\s$/.test(m[0])) {
      const ws = splitSpaces(rest.slice(m.index + m[0].length));
      const next = ws[0] ?? '';
      // (A name and its verb open a clause too: "asked for a photo and Ana Lind said …".)
      const named = ws.findIndex((w, k) => k > 3 || !/^\p{Lu}/u.test(w));
      if (
        !AND_CLAUSE.test(next) &&
        !(/^\p{Ll}/u.test(next) && hasTag(next, 'PastTense', 'PresentTense')) &&
        !(named > 0 && CLAUSE_SPEECH_VERBS.has(ws[named]!.replace(/\P{L}+$/u, '')))
      )
        continue;
    }
    return m.index;
  }
  return rest.length;
}
/**
 * "suggested Holt went too far", "suggesting the vote be delayed": a clause with no auxiliary after a past or a
 * participle of "suggest" is what was said. Not a plain object ("suggested a compromise" is a proposal), nor a
 * clause after the present, which tells what evidence points to ("Polls suggest the race remains close").
 */
function suggestedClause(form: string, rest: string): boolean {
  return (
    form !== 'suggest' &&
    form !== 'suggests' &&
    hasClauseVerb(words(rest.slice(0, saidObjectEnd(rest))).slice(1))
  );
}
/**
 * Verbs of saying whose object may name what was said ("denied the allegations", "confirmed the report",
 * "reiterated his support for Lind"): only with a noun of a proposition as that object.
 */
const NOUN_OBJECT_VERBS = new Set([
  'deny',
  'confirm',
  'repeat',
  'reiterate',
  'acknowledge',
  'dispute',
  'admit',
]);
const PROPOSITION_OBJECT =
  /^\s*(?:the|these|those|any|all|such|his|her|their|its|our|that|this|\p{Lu}[\p{L}.’'-]*[’']s)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:allegations?|charges?|accusations?|claims?|reports?|story|stories|rumou?rs?|wrongdoing|position|stance|views?|assertions?|support|opposition|criticism|statements?|comments?|remarks?|arguments?|warnings?|demands?|findings?|account|version|assessment|decision|intention|involvement|links?|role|observation|characterization|suggestion|message|point)\b/u;
/**
 * Where a proposition object ends: a comma, a colon, a dash, a bracket, a conjunction opening a clause, or where
 * and how it was said ("through his lawyer", "at a town hall", "in a CNN interview"). (A commitment, "his promise
 * to …", is the speech nouns' to read.)
 */
const OBJECT_END =
  /[,;:(—–]|\s--?\s|\s(?:and|but|while|as|after|before|because|when|since|though|although|through|via|during|at|in\s+an?)\s/;

/**
 * A noun phrase after a verb of saying (or its "about" or "of") that quotes the speaker's own words, the quote opening
 * in lower case within its first words: "noted the “senseless” deaths of …", "declared a “moral equivalent of war”
 * on …", "joked about the minister’s “interesting friendship” with …". (A quote opening in capitals is a title or
 * a name, "announced the “Buy Local” plan", which says nothing the speaker said.)
 */
const QUOTED_OBJECT =
  /^\s*(?:(?:about|of)\s+)?(?:the|a|an|his|her|their|its|our|(?:\p{Lu}[\p{L}.’'-]*\s+){0,2}\p{Lu}[\p{L}.’'-]*[’']s)\s+(?:[^\s“”"]+\s+){0,4}?(?:[“"]|'')\p{Ll}/u;

/** Where a quoted object ends (an offset into `rest`): OBJECT_END outside the quotation marks, else the sentence end. */
function quotedObject(rest: string): number | null {
  const m = QUOTED_OBJECT.exec(rest);
  // ("repeated his promise to “axe the tax”": a speech noun's clause is the noun's to report.)
  if (!m || SPEECH_NOUN_STEM.test(m[0].toLowerCase())) return null;
  let open = false;
  for (let i = m[0].length - 2; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '“' || c === '”' || c === '"') open = c === '“' || (c === '"' && !open);
    else if (c === "'" && rest[i + 1] === "'") {
      open = !open;
      i++;
    } else if (!open) {
      const stop = OBJECT_END.exec(rest.slice(i, i + 12));
      if (stop && stop.index === 0) return i;
    }
  }
  return rest.length;
}

/** Where the proposition a verb's object names ends (an offset into `rest`), or null when the object is none. */
function propositionObject(rest: string): number | null {
  const m = PROPOSITION_OBJECT.exec(rest);
  if (!m) return null;
  const stop = OBJECT_END.exec(rest.slice(m[0].length));
  return m[0].length + (stop ? stop.index : rest.length - m[0].length);
}

/**
 * A clause whose subject is an owner and a noun, its verb a regular past right after them or an adverb: "(told the
 * AP) his firm worked closely with …", "her group never worked with …".
 */
const OWNED_CLAUSE =
  /^(?:his|her|their|its|our|my)\s+\p{Ll}+\s+(?:\p{Ll}+ly\s+|never\s+|also\s+)?\p{Ll}{3,}ed\b/u;

/**
 * "admitted to the newspaper that …", "insisting to Priebus that …", "explained to the committee on Tuesday that …":
 * the one spoken to, in up to six words between a verb of saying and its "that". Not an infinitive ("said to be …",
 * "said to have told …"), a result clause ("wrote to so many people that …"), a relative clause ("responded to
 * questions about companies that have …", "counter to all that is …") nor a noun's own clause ("responding to the
 * news that …", "responded to Trump's interjection that …").
 */
const TO_ADDRESSEE = /^\s*to\s+((?:[^\s,;:“”"]+\s+){1,6}?)that,?\s+/u;
const NOT_ADDRESSEE_END =
  /^(?:all|everything|anything|something|nothing|news|report|reports|claim|claims|idea|fact|notion|suggestion|assertion|allegation|allegations|accusation|charge|charges|criticism|comment|comments|remark|remarks|statement|question|questions|argument|concern|concerns|fear|fears|rumor|rumors|view|belief|theory|possibility|prospect|interjection|point|way|extent)$/;
function toAddressee(rest: string, verb: string): number | null {
  if (verb === 'tell' || verb === 'ask' || verb === 'describe') return null;
  const m = TO_ADDRESSEE.exec(rest);
  if (!m) return null;
  const words = splitSpaces(m[1]!.trim());
  return !hasTag(words[0]!, 'Infinitive', 'Verb', 'Copula', 'Auxiliary', 'Modal') &&
    !words.some((w) => /^(?:so|such)$/i.test(w)) &&
    !NOT_ADDRESSEE_END.test(words[words.length - 1]!) &&
    !relativeThat(rest.slice(m[0].length))
    ? m[0].length
    : null;
}

/**
 * "wrote in both listings he was “honored …”", "acknowledged in an MSNBC forum Monday night “it will be very hard …”":
 * where the words were said or written, then a clause with no "that" whose pronoun subject an auxiliary or a modal
 * follows. (Not "said in the letter he wrote …", where the pronoun opens a relative clause of the place: a verb of
 * its own follows the pronoun there, not an auxiliary; nor "insisted on anonymity because he was …", where a
 * conjunction opens the clause, nor a phrase across a dash.) The length up to the clause, or null.
 */
const ADJUNCT_BEFORE_CLAUSE =
  /^\s*(?:in|on|at|from|during)\s+(?:(?!(?:because|since|as|although|though|while|when|if|and|but|or|so|after|before|until|unless|where|who|which|that)\s)[^\s,.;:“”"―—–-][^\s,.;:“”"]*\s+){0,6}?(?=(?:[“"]|'')?(?:he|she|they|we|I|it)\s+(?:was|is|were|are|would|will|could|can|did|does|should|might|must)\b)/u;
function adjunctBeforeClause(rest: string): number | null {
  return ADJUNCT_BEFORE_CLAUSE.exec(rest)?.[0].length ?? null;
}

/** A possessor before a noun: "his", "their", "Trump’s" ("Trump’s claim that …"). */
const POSSESSOR = /^(?:his|her|their|its|our|my|\p{L}+[’']s)$/iu;
/** What follows "states" when it is the verb: "that" (perhaps after an adverb), or the punctuation closing it. */
const STATES_AS_VERB = /^\s*(?:(?:\p{Ll}+ly\s+)?that\b|[.;!?]|:\s*(?:[“"]|'')|[”"]|''|$)/u;
/** Words before "states" that make it the noun: "the states", "a dozen states", "nominating states", "lead-in states". */
const BEFORE_STATES_NOUN =
  /^(?:the|dozen|several|many|few|all|both|other|some|most|various|neighbou?ring|\p{L}+-\p{L}+|\p{Ll}+ing|\p{Ll}+ern)$/u;

/** A word's length, first and last character as one number, where both characters are ASCII (-1 otherwise). */
function wordShape(word: string): number {
  const first = word.charCodeAt(0);
  const last = word.charCodeAt(word.length - 1);
  return first < 128 && last < 128 ? word.length * 16384 + first * 128 + last : -1;
}
/** The shapes of the forms CLAUSE_SPEECH_VERBS lists (all ASCII). */
const SPEECH_VERB_SHAPES = new Set([...CLAUSE_SPEECH_VERBS.keys()].map(wordShape));
/**
 * Whether a lower-cased word may be a form CLAUSE_SPEECH_VERBS lists: one of their lengths, first and last letters.
 * Most words are none of them, and are turned away before a lookup by the word (the first one of a word hashes it).
 */
function mayBeSpeechVerb(lower: string): boolean {
  return SPEECH_VERB_SHAPES.has(wordShape(lower));
}

/** The reported clauses of one sentence, from speech verbs. */
function fromVerbs(
  doc: Document,
  sentence: Sentence,
  tokens: Token[],
  direct: DirectQuotes,
  ctx: SpeakerContext,
): Found[] {
  const body = doc.body;
  const found: Found[] = [];
  // The rules below ask finiteClause of the same text several times per verb (about three times each).
  const finiteAnswers = new Map<string, boolean>();
  const finite = (text: string): boolean => answeredOnce(finiteAnswers, text, finiteClause);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lower = lowerCased(t.text);
    // "pointed out that …": the particle belongs to the verb.
    const pointOut =
      lower.startsWith('point') &&
      /^point(?:s|ed|ing)?$/i.test(t.text) &&
      tokens[i + 1]?.text.toLowerCase() === 'out';
    // One lookup per token, and the participle rules only for an -ing form (the first thing they check): most
    // tokens are neither, and this loop sees every token of the article.
    const listed = pointOut || !mayBeSpeechVerb(lower) ? undefined : CLAUSE_SPEECH_VERBS.get(lower);
    // ("…, pointing out that …", "by pointing out that …": the phrasal verb's participle is tied as any other is.)
    const ing = pointOut
      ? lower === 'pointing'
        ? participle(tokens, i, body, 'point out')
        : undefined
      : listed !== undefined || !lower.endsWith('ing')
        ? undefined
        : participle(tokens, i, body);
    const verb = pointOut ? 'point out' : (listed ?? ing?.verb);
    if (!verb || inside(direct.covered, t.start)) continue;
    // "pointed out where the old mill stood": a place shown, not something said.
    if (pointOut && /^\s+out\s+where\b/i.test(body.slice(t.end, t.end + 12))) continue;
    // '…, Strother said, but “we don’t ask them their income”': a verb inside the quoted words of a clause already
    // reported is the speaker's own word, not an attribution of its own (it would cut that clause short).
    if (
      found.some((f) => f.clauseStart < t.start && f.clauseEnd > t.start) &&
      insideMarks(doc, sentence, t.start)
    )
      continue;
    const prevWord = tokens[i - 1]?.text ?? '';
    // "Trump, asked about the deaths, said …": a question put to the subject, which fromQuestions reads.
    if (
      lower === 'asked' &&
      /,\s*$/.test(body.slice(sentence.start, t.start)) &&
      ASKED_OF_SUBJECT.test(body.slice(t.end, t.end + 40))
    )
      continue;
    if (direct.usedVerbs.has(t.start)) {
      // '“You know, I love the port,” she said, but “when it comes to tolls, …”': a quoted fragment the direct
      // quote's attribution carries on to after a conjunction is more of what that speaker said.
      const carried = quoteCarriedOn(body, t, verb, sentence, direct);
      if (carried) found.push(carried);
      continue;
    }
    const end = pointOut ? tokens[i + 1]!.end : t.end;
    const nextWord = tokens[pointOut ? i + 2 : i + 1]?.text.toLowerCase() ?? '';
    let commitment = COMMITMENTS.has(verb) && nextWord === 'to';
    // "He went on to say …", "Trump was quick to add …": the infinitive is the subject's own speech.
    const catenative =
      prevWord === 'to' && (lower === verb || pointOut)
        ? CATENATIVE.exec(body.slice(sentence.start, tokens[i - 1]!.start))
        : null;
    const catenativeStart = catenative ? sentence.start + catenative.index + catenative[0].search(/\S/) : -1;
    // "…, going on to say …" reports for the main subject, as "…, saying …" does.
    const goingOn =
      catenative !== null &&
      /^going$/i.test(catenative[1] ?? '') &&
      /,\s*$/.test(body.slice(sentence.start, catenativeStart));
    // "The loss led Lind to concede that …", "prompting aides to counter that …": the one a cause moved to speak is
    // the speaker, where a clause follows.
    const causative =
      prevWord === 'to' &&
      lower === verb &&
      !catenative &&
      CAUSED_CLAUSE.test(body.slice(t.end, sentence.end))
        ? causedSpeaker(body.slice(sentence.start, tokens[i - 1]!.start), sentence.start)
        : null;
    const passive = PASSIVE.test(prevWord) && !/ing$/i.test(t.text) && !catenative && !causative;
    // "said to be", "was told by": "to" and "by" right after the verb; after a comma ("…, he said, by creating …",
    // "…, she said, to “make sure …”") they carry on what was said.
    const joined = !/^[\s”"’]*,/.test(body.slice(end));
    // "admitted to the newspaper that …": the words up to the clause's "that".
    const addressee =
      joined && nextWord === 'to' && !commitment ? toAddressee(body.slice(end, sentence.end), verb) : null;
    if (
      passive ||
      (joined && ((nextWord === 'to' && !commitment && addressee === null) || nextWord === 'by'))
    )
      continue;
    // "the state news agency", "a report", "Trump’s claim that": a base form after a determiner, a preposition or a
    // possessor is a noun, and so is an "-s" form after a possessor ("Trump’s claims that", "his warns" never is).
    if (
      (lower === verb &&
        (/^(?:the|a|an|its|his|her|their|our|this|these|those|of|in|on|for|with|by|from)$/i.test(prevWord) ||
          POSSESSOR.test(prevWord))) ||
      (lower.endsWith('s') && POSSESSOR.test(prevWord) && !CONTRACTED_IS.test(prevWord))
    )
      continue;
    // "Rubio's immigration remarks was his warning …": an "-s" form before "is" or "was" is a plural noun.
    if (joined && lower.endsWith('s') && /^(?:is|was|were|are)$/.test(nextWord)) continue;
    // "federal and state law", "state officials": in news the base form "state" is the noun, unless a subject
    // pronoun stands before it ("They state their goal is …").
    if (lower === 'state' && !/^(?:I|we|they|you)$/i.test(prevWord)) continue;
    // "six states hold primaries", "in three other states, black voters …", "the two states that voted": the plural
    // noun is far more common than the verb, which reports only before "that" ("the filing states that …") or
    // closing an attribution ("…, the report states.", "the report states: …"), and never after a number or an
    // adjective.
    if (
      lower === 'states' &&
      (!STATES_AS_VERB.test(body.slice(t.end, t.end + 40)) ||
        /^\d/.test(prevWord) ||
        BEFORE_STATES_NOUN.test(prevWord) ||
        hasTag(prevWord, 'Adjective', 'Cardinal', 'Value'))
    )
      continue;
    // "those states", "these reports": any form after "these" or "those" is a noun ("many", "both", "all" and a
    // number are often the subject: "many say", "six in 10 said", "Suu Kyi, 70, said").
    if (/^(?:these|those)$/i.test(prevWord)) continue;
    // A verb in a relative clause reports for the relative's antecedent ("Ana Ruiz, who said the plan would
    // fail, …"); "that" and "which" after a noun ("the report that said …") are left alone.
    // "McConnell, who in 2010 said …", "who on Monday told …": a time between "who" and its verb.
    const timedWho = [3, 4, 5].find(
      (k) =>
        /^who$/i.test(tokens[i - k]?.text ?? '') &&
        TIME_AFTER_WHO.test(body.slice(tokens[i - k]!.end, t.start)),
    );
    // ("…, if she won by less than that, said Ana Lind": a comma after "that" ends the phrase it closes.)
    const relative =
      /^(?:who|which|that)$/i.test(prevWord) && !body.slice(tokens[i - 1]!.end, t.start).includes(',')
        ? tokens[i - 1]!
        : /^(?:who|which|that)$/i.test(tokens[i - 2]?.text ?? '') &&
            // "to address that person, telling …": a comma before the verb ends the phrase "that" opened; "To that,
            // Kasich said …": one after "that" ends the phrase it closes.
            !body.slice(tokens[i - 2]!.end, t.start).includes(',')
          ? tokens[i - 2]!
          : timedWho !== undefined
            ? tokens[i - timedWho]!
            : undefined;
    // "the wall, which he said Mexico would pay for, …", "a rule that officials said will apply in May": a relative
    // clause whose own subject reports it; what was said runs to the end of the relative clause.
    // "a deadline that several party insiders said went unnoticed", "what she said is growing demand": a subject of
    // several words between the relative and the verb, whose clause opens on its own verb.
    // (Inside a clause already reported, "a finish that he said defied expectations" stays part of it.)
    const gap =
      !ing &&
      GAP_VERB.test(lower) &&
      !found.some((f) => f.open && f.clauseStart <= t.start && f.clauseEnd > t.start)
        ? gapSubject(body, tokens, i)
        : null;
    const embedded =
      gap !== null ||
      (relative === tokens[i - 2] &&
        relative !== undefined &&
        /^(?:which|that)$/i.test(relative.text) &&
        EMBEDDED_SUBJECT.test(prevWord));
    const relativeAdverb =
      relative !== undefined &&
      (timedWho !== undefined || RELATIVE_ADVERB.test(relative === tokens[i - 1] ? '' : prevWord));
    // "Ana Lind - who said the plan would fail - voted for it": an aside between dashes is set off as a comma sets it.
    const relativeDash =
      relative !== undefined && /\s(?:--?|[—–―])\s*$/.test(body.slice(sentence.start, relative.start));
    const relativeComma =
      relative !== undefined && (relativeDash || /,\s*$/.test(body.slice(sentence.start, relative.start)));
    // "the European Commission, which contended that …": a body named right before ", which" speaks as ", who"
    // does for a person; a "which" after anything else may point to a whole clause.
    // Both are read only where a clause follows ("which claimed responsibility", "who pledged his allegiance" report
    // none).
    const namedWhich =
      relative !== undefined &&
      /^which$/i.test(relative.text) &&
      relativeAdverb &&
      relativeComma &&
      (antecedentName(body, sentence.start, relative.start) !== null ||
        sourceNounBefore(body, sentence.start, relative.start) !== null) &&
      clauseAfter(body, end, sentence.end, found, t.start, commitment);
    // "an architect who said he was stiffed", "30 percent of voters who said …": a restrictive "who" after the
    // object of the sentence's verb or a preposition; one inside the subject ("Voters who said … were split") is left
    // alone, since where its clause ends and the main verb begins cannot be told.
    const restrictive =
      relative !== undefined &&
      /^who$/i.test(relative.text) &&
      relativeAdverb &&
      !relativeComma &&
      clauseAfter(body, end, sentence.end, found, t.start, commitment)
        ? objectBeforeRelative(body.slice(sentence.start, relative.start), sentence.start)
        : null;
    // "released a letter from his doctor that says he …", "ran a piece that noted …": a document's "that" (or
    // "which") before a verb of saying, which reports for the one who issued it, as "a statement saying" does.
    const documentRelative =
      relative !== undefined &&
      relative === tokens[i - 1] &&
      !relativeComma &&
      /^(?:that|which)$/i.test(relative.text) &&
      clauseAfter(body, end, sentence.end, found, t.start, commitment)
        ? issuedDocument(tokens, i - 2)
        : undefined;
    if (
      relative &&
      !embedded &&
      !namedWhich &&
      !restrictive &&
      !documentRelative &&
      (!/^who$/i.test(relative.text) || !relativeAdverb || !relativeComma)
    )
      continue;
    if (/^[A-Z]/.test(t.text) && !t.initial) continue;
    // "his home state, giving …", "the latest report, which …": a base form before a comma is a noun.
    if (lower === verb && !ASIDE_BASE_VERBS.has(verb) && body[t.end] === ',') continue;

    let rest = body.slice(end, sentence.end);
    let restStart = end;
    // "…, Giuliani said, there is …", "…, he said on CNN.", "…, Spicer said, adding …": an attribution set into
    // the sentence after a comma; what it reports is read once the subject is known.
    const adv = ADVERBIALS.exec(rest);
    if (adv) {
      rest = rest.slice(adv[0].length);
      restStart += adv[0].length;
    }
    // "…, analysts say; in 2012, Romney won 27 percent", "…, his aides argued in interviews; rather, …": a semicolon
    // right after the attribution (and where or when it was made) ends it as a full stop does.
    // (Not a relative clause's verb: "…, whose new book boasts of his record; Tim Scott, …" is a list.)
    if (
      rest.includes(';') &&
      body.slice(sentence.start, t.start).includes(',') &&
      !/,\s*(?:who|whose|which)\b[^,]*$/i.test(body.slice(sentence.start, t.start))
    ) {
      const closing = asideAdjunct(rest);
      if (closing && rest.startsWith(';', closing[0].length)) rest = '';
    }
    // "pledged Saturday to rid …", "promised on Sunday at a rally in Reno to end …": when and where before the "to".
    const commitLead = COMMITMENTS.has(verb) && !commitment ? COMMITMENT_LEAD.exec(rest) : null;
    if (commitLead) {
      commitment = true;
      rest = rest.slice(commitLead[0].length);
      restStart += commitLead[0].length;
    }
    // "…, where Ana Lind has promised to veto it": a commitment's "to" is what was promised, not where it was said.
    const aside =
      !commitment &&
      !gap &&
      (lower !== verb || ASIDE_BASE_VERBS.has(verb)) &&
      body.slice(sentence.start, t.start).includes(',') &&
      !ONLY_PUNCTUATION.test(rest)
        ? asideAfter(body.slice(end, sentence.end), verb === 'tell', (o) => inside(direct.covered, end + o))
        : null;
    // A question's asker is not who the next pronoun points to ("Lind asked Holt whether … He said …").
    let question = false;
    // Where a proposition named as the object ends ("denied the allegations"), or null.
    let nounObject: number | null = null;
    let answer = false;
    if (aside) {
      // Read below, once the subject is known.
    } else if (verb === 'tell') {
      // "tells so many lies that …" is a result clause, not what was told.
      const told = TOLD_THAT.exec(rest);
      const thatTold = told && !/\b(?:so|such)\b/i.test(told[0]) ? told : null;
      const m = thatTold ?? TELL_OBJECT.exec(rest);
      // "told Jeb Bush to quiet down", "told Megyn not to worry": an order or a request, read with the one told, as
      // "asked … to" is (not one inside what was said: "said that, if elected, she would tell Lind to …").
      const order =
        !thatTold &&
        (!m || !finite(rest.slice(m[0].length))) &&
        request(rest.replace(/^(\s*(?:\S+\s+){1,8}?)not\s+(?=to\s)/, '$1')) &&
        !found.some((f) => f.open && f.clauseStart <= t.start && f.clauseEnd > t.start);
      if (order) {
        // The text keeps the one told.
      } else if (!m) continue;
      else {
        restStart += m[0].length;
        rest = rest.slice(m[0].length);
        // 'told the mayors who gathered in the capital, “…”': a relative clause of the ones told, not what was told
        // (as "told reporters who would pay" asks, with an auxiliary or a subject after "who").
        if (RELATIVE_OF_TOLD.test(rest) && relativeVerb(rest.replace(RELATIVE_OF_TOLD, ''))) continue;
        if (
          !/^that\b/.test(splitSpaces(body.slice(t.end, restStart).trim()).pop() ?? '') &&
          !finite(rest) &&
          !OWNED_CLAUSE.test(rest) &&
          // "told CBC News the group wants a buyback": a subject opened by an article and a present or past tense
          // among the next words, with no auxiliary; "told me his support for the plan makes him …": one opened by an
          // owner, whose noun a phrase may follow.
          !(/^(?:the|a|an)\s/i.test(rest) && hasClauseVerb(words(rest.split(',')[0]!).slice(1, 5))) &&
          !(
            /^(?:his|her|their|its|our|my)\s/i.test(rest) &&
            hasClauseVerb(words(rest.split(/,|\s(?:and|or|but)\s/)[0]!).slice(2, 7))
          )
        )
          continue;
      }
    } else if (verb === 'ask') {
      // An indirect question: "asked (the panel) whether it would …".
      // "the agreement under which …", "questions for which …": "which" after a preposition opens a relative clause.
      const wh = WH.exec(rest);
      const m =
        wh &&
        /^which\s/i.test(rest.slice(wh[0].length)) &&
        /\b(?:for|under|in|of|by|with|to|on|at|from|through)\s+$/i.test(wh[0])
          ? null
          : wh;
      if (m) {
        question = true;
        restStart += m[0].length;
        rest = rest.slice(m[0].length);
      } else if (
        /^\s*for\s+(?!(?:it|them|this|that|years|months|weeks|days|hours|decades|now|the\s+first\s+time)\b)\S/i.test(
          rest,
        ) &&
        !found.some((f) => f.open && f.clauseStart <= t.start && f.clauseEnd > t.start)
      ) {
        // "asked for a recount", "asked for the files to be released": what was requested, read with its "for" up to
        // the end of the phrase (not "asked for years", nor one inside what was already reported).
        const lead = /^\s*/.exec(rest)![0].length;
        restStart += lead;
        rest = rest.slice(lead);
        nounObject = restStart + saidObjectEnd(rest);
      } else if (
        // ('Lind “backs it. Does that work?” Ruiz asked.': an attribution of its own sentence asks the one before.)
        !(
          closesSentence(rest) &&
          (QUESTION_THEN_SUBJECT.test(body.slice(sentence.start, t.start)) ||
            (body.slice(sentence.start, t.start).trim() !== '' &&
              !/[,;:“”"]/.test(body.slice(sentence.start, t.start)) &&
              questionBefore(doc, sentence, direct) !== null))
        ) &&
        (!request(rest) ||
          // "said that, if elected, she would ask Lind to …": a request inside what was said stays part of it.
          found.some((f) => f.open && f.clauseStart <= t.start && f.clauseEnd > t.start))
      )
        continue;
      // A request: "asked the campaign to “cease and desist” from …" reports what was asked of whom, so its text
      // keeps the one asked.
    } else if (verb === 'wonder') {
      // "wondered (aloud) whether …": an indirect question right after the verb, and nothing else ("wondered at the
      // view" and "it is no wonder that …" say nothing).
      const m = WONDER_QUESTION.exec(rest);
      // (Its participle only as a progressive, "are wondering if …": "has left voters, even his own, wondering what
      // …" is about the ones left wondering, whom the rules for a participle set off by a comma do not read.)
      if (!m || /^no$/i.test(prevWord) || (ing !== undefined && ing.lead !== 'progressive')) continue;
      question = true;
      restStart += m[0].length;
      rest = rest.slice(m[0].length);
    } else if (verb === 'describe') {
      if (!/\bas\b/.test(rest)) continue;
    } else {
      // "said that …", "said in April that …", "recalled his surprise that …" (a verb that also takes objects
      // may have a few words of its own before "that").
      const pastTense = t.text.toLowerCase() !== verb && !/s$/i.test(t.text) && !/ing$/i.test(t.text);
      const that =
        addressee !== null
          ? toAddressee(rest, verb)
          : (thatLead(rest, CLAUSE_ONLY_VERBS.has(verb), pastTense) ?? adjunctBeforeClause(rest));
      if (that === -1) continue;
      const lead = that ?? /^\s*/.exec(rest)![0].length;
      const complement = lead > /^\s*/.exec(rest)![0].length;
      restStart += lead;
      rest = rest.slice(lead);
      // Nothing after the verb: it closes the sentence ("…, the former doctor maintains."), and its clause is the
      // one before it.
      const empty = ONLY_PUNCTUATION.test(rest);
      // "Most voters said yes", "He said no to the war": an answer that stands for a clause, read to its end.
      const answerMatch = verb === 'say' && !complement && !finite(rest) ? ANSWER.exec(rest) : null;
      nounObject =
        complement || finite(rest)
          ? null
          : ((NOUN_OBJECT_VERBS.has(verb) ? propositionObject(rest) : null) ??
            // (Only where no object would be read otherwise: a verb reporting only clauses, or a topic.)
            (!commitment &&
            !empty &&
            !gap &&
            ((CLAUSE_ONLY_VERBS.has(verb) && !SAID_OBJECT_VERBS.has(verb)) || PREPOSITION_START.test(rest))
              ? quotedObject(rest)
              : null));
      if (nounObject !== null) nounObject += restStart;
      if (answerMatch) {
        answer = true;
        nounObject = restStart + answerMatch[0].length;
      } else if (complement || commitment || empty || gap) {
        // The clause starts here, or ended before the verb.
      } else if (nounObject) {
        // "denied the allegations", "reiterated his support for Lind": read up to the object's end, below.
      } else if (
        (SAID_OBJECT_VERBS.has(verb) || (verb === 'suggest' && suggestedClause(lower, rest))) &&
        !finite(rest) &&
        !PREPOSITION_START.test(rest)
      ) {
        // "recalled her days as secretary of state", "did not mention the plan, but …": up to the object's end.
        nounObject = restStart + saidObjectEnd(rest);
      } else if (CLAUSE_ONLY_VERBS.has(verb) || ing?.joinedTo) {
        // ("…, calling Obama an “ignorant baboon” and tweeting a photo of …": a participle joined by "and" reports
        // only a clause, as those verbs do.)
        if (!finite(rest) || PREPOSITION_START.test(rest)) continue;
      } else {
        // "…, said Mr. Burman.": a short rest after a closed clause is an inverted speaker, read below.
        const inverted = CLOSED_CLAUSE.test(body.slice(sentence.start, t.start));
        if (
          !inverted &&
          (PREPOSITION_START.test(rest) || (fewerThanThreeWords(rest) && !twoWordClause(rest, false)))
        )
          continue;
      }
    }

    const prefix = body.slice(sentence.start, t.start);

    // An inverted attribution set into one clause: "Part of the problem, say experts like Paul Bauman, is the
    // ground itself", "The contrast with Trump, said Doyle and others, would be clear". What was said is the
    // subject before the aside and the predicate after it, read without the attribution.
    const splitMatch =
      !/ing$/.test(t.text) && CLOSED_CLAUSE.test(prefix)
        ? SPLIT_INVERTED.exec(body.slice(t.end, sentence.end))
        : null;
    if (splitMatch) {
      const before = prefix.slice(DATELINE.exec(prefix)?.[0].length ?? 0).replace(CLAUSE_TAIL, '');
      const np = splitMatch[1]!;
      const appositives = (splitMatch[2] ?? '').split(',').slice(1);
      const npStart = t.end + body.slice(t.end, sentence.end).indexOf(np);
      // What comes before the aside is the clause's subject alone ("But Williams, who's running …, added that …" is
      // no such subject), and what follows the verb names someone ("that he" is the clause).
      // ('“I love the port,” said Jo Berg, but “when it comes to …”': a quote alone before the aside, and a fragment in
      // lower case after its conjunction that finishes the quote's sentence.)
      const conjoined = splitMatch[3] !== undefined && QUOTE_THEN_THAT.test(prefix);
      const speaker =
        (conjoined || fragmentSubject(before.replace(/^(?:and|but|so|yet)\s+/i, ''))) &&
        !/^(?:that|it|this|there)\b/i.test(np) &&
        // "The tentative deal, announced Friday, would last …": a participle's time, not a speaker.
        !TIME_WORD.test(splitSpaces(np)[0]!) &&
        !hasClauseVerb(words(np)) &&
        appositives.every((a) => /^\s*(?:who|which)\s/.test(a) || !hasClauseVerb(words(a)))
          ? resolveSpeaker(ctx, np, npStart)
          : null;
      if (speaker) {
        found.push({
          npStart,
          verbStart: t.start,
          clauseStart: sentence.start + (DATELINE.exec(prefix)?.[0].length ?? 0),
          clauseEnd: sentence.end,
          cut: {
            start: sentence.start + prefix.replace(CLAUSE_TAIL, '').length,
            end: t.end + splitMatch[0].length,
          },
          verb,
          speaker,
          open: true,
        });
        remember(ctx, speaker, npStart);
        continue;
      }
    }
    // Inverted attribution closing the sentence: "…, the race will be tight, said Dan Gerstein, an analyst."
    // The long pattern is read only where the cheap conditions hold.
    // Not after a person's name set off by commas with no verb of its own ("The chief executive, Dr. Fiona Dalton,
    // acknowledged the shortage.", "Fiona Dalton, the chief executive, admitted …"): that is the subject with its
    // appositive, and what follows the verb is its object, not an inverted speaker.
    // Nor after "told", whose noun phrase is the one told ("…, Ana Lind, a lawyer, told The Washington Post.").
    // (Those two tests read the whole sentence before the verb, so they come last, once a speaker is found after it.)
    const invertedRest =
      !/ing$/.test(t.text) && verb !== 'tell' && CLOSED_CLAUSE.test(prefix)
        ? body.slice(t.end, sentence.end)
        : null;
    const invertedMatch = invertedRest !== null ? INVERTED_NP.exec(invertedRest) : null;
    // "…, said a former official who oversaw the case.": a short description whose relative clause runs to the end
    // of the sentence ends where that clause begins (not "said the staff member who …, Paul Manafort, should …", nor
    // "said the way the party treated women who …"), also where that clause quotes ("…, said an official who
    // called the plan “a mess.”").
    const relativeCut = invertedMatch
      ? !invertedMatch[0].includes(',')
        ? /^\s*((?:\S+\s+){1,6}?)who\s/.exec(invertedMatch[1]!)?.[1]?.trim()
        : undefined
      : invertedRest !== null
        ? /^\s*((?:[^\s,;:“”"()]+\s+){1,6}?)who\s/.exec(invertedRest)?.[1]?.trim()
        : undefined;
    let invertedNp =
      invertedMatch && namesSpeaker(invertedMatch[1]!)
        ? invertedMatch[1]
        : relativeCut &&
            !/\s(?:the|a|an)\s/i.test(` ${splitSpaces(relativeCut).slice(1).join(' ')} `) &&
            namesSpeaker(relativeCut)
          ? relativeCut
          : undefined;
    if (invertedNp && (namedSubject(ctx, sentence.start, prefix) || apposedSubject(prefix, sentence.start)))
      invertedNp = undefined;
    if (invertedNp) {
      // "political scientist Dossym Satpayev in Almaty": where the speaker works is not part of the name.
      if (/^\p{Ll}/u.test(invertedNp))
        invertedNp = LOWER_ROLE_BEFORE_NAME.exec(invertedNp)?.[1] ?? invertedNp;
      const npStart = t.end + body.slice(t.end, sentence.end).indexOf(invertedNp);
      const speaker = resolveSpeaker(ctx, invertedNp, npStart);
      if (speaker) {
        found.push(clauseBefore(sentence, prefix, t.start, t.start, verb, speaker));
        remember(ctx, speaker, npStart);
        continue;
      }
    }
    // "with 30 percent of voters saying …", "After saying …, the man …": the participle's own subject.
    const opening = ing?.lead === 'opening' ? subjectAfterOpening(sentence, tokens, restStart) : null;
    // What an opening participle reports ends at its comma; what an absolute one reports inside a clause already
    // reported ("…, with three in 10 saying …") stays part of that clause.
    // (A reduced relative's clause must have its verb before any comma: "artists writing songs about him, that has
    // not …" wrote songs.)
    const participleRest = opening
      ? body.slice(restStart, opening.clauseEnd)
      : ing?.subject
        ? rest.replace(/(?:,|;|\s(?:--?|[—–])\s)[^]*$/, '')
        : rest;
    const participleSubject =
      ing?.lead === 'absolute'
        ? (ing.subject ?? absoluteSubject(tokens, i, body))
        : opening && { np: opening.np, start: opening.start };
    // Both report only a clause right after the participle: not "with all precincts reporting, the race …" nor
    // "with the economy adding 151,000 jobs".
    if (
      (ing?.lead === 'absolute' || ing?.lead === 'opening') &&
      (!participleSubject ||
        (ing.lead === 'absolute' &&
          found.some((f) => f.open && f.clauseStart <= t.start && f.clauseEnd > t.start)) ||
        /^\s*[,;:.]/.test(body.slice(end, sentence.end)) ||
        verb === 'add' ||
        !(
          ENDS_ON_THAT.test(body.slice(end, restStart)) ||
          question ||
          commitment ||
          EARLY_FINITE.test(participleRest) ||
          PRONOUN_CLAUSE.test(participleRest)
        ))
    )
      continue;
    // "He’s not saying …": the contracted pronoun, perhaps before an adverb.
    const contracted = CONTRACTED_IS.test(prevWord)
      ? tokens[i - 1]!
      : i > 1 && CONTRACTED_IS.test(tokens[i - 2]!.text)
        ? tokens[i - 2]!
        : undefined;
    let subject = participleSubject
      ? participleSubject
      : embedded
        ? (gap ?? { np: prevWord, start: tokens[i - 1]!.start })
        : ing?.lead === 'progressive' && contracted
          ? { np: contracted.text.slice(0, -2), start: contracted.start }
          : restrictive
            ? restrictive
            : documentRelative
              ? mainSubject(sentence, tokens, documentRelative.start)
              : namedWhich
                ? (antecedentName(body, sentence.start, relative!.start) ??
                  sourceNounBefore(body, sentence.start, relative!.start))
                : relative
                  ? (relativeAntecedent(body.slice(sentence.start, relative.start), sentence.start) ??
                    antecedentName(body, sentence.start, relative.start) ??
                    antecedentAcrossAppositive(body, sentence.start, relative.start) ??
                    // (A clause before the comma with neither, as before: what was said is still reported.)
                    subjectBefore(body.slice(sentence.start, relative.start), sentence.start))
                  : ing?.lead === 'progressive' && PROGRESSIVE_ADVERB.test(prevWord) && i > 1
                    ? subjectBefore(body.slice(sentence.start, tokens[i - 1]!.start), sentence.start)
                    : (/,\s*$/.test(prefix) && /ing$/.test(t.text)) ||
                        (ing && ing.lead !== 'progressive') ||
                        goingOn
                      ? null
                      : subjectBefore(
                          catenative ? body.slice(sentence.start, catenativeStart) : prefix,
                          sentence.start,
                        );
    if (causative) subject = causative;
    // "Officials are saying the plan will fail", "They were warning that …": a plural progressive's subject, read
    // without its "are" or "were", where a clause follows ("Republicans are confirming judges at …" reports none).
    // "Many Political Analysts are also speculating that …" tells what a group guesses, not what anyone said.
    if (!subject && ing?.lead === 'progressive' && !contracted && verb !== 'speculate') {
      const plural = PLURAL_PROGRESSIVE.exec(body.slice(sentence.start, t.start));
      if (
        plural &&
        (ENDS_ON_THAT.test(body.slice(end, restStart)) ||
          question ||
          commitment ||
          finite(rest) ||
          PRONOUN_CLAUSE.test(rest))
      )
        subject = subjectBefore(body.slice(sentence.start, sentence.start + plural.index), sentence.start);
    }
    // '“…,” said one official close to the talks, who added that …': the relative's antecedent is the speaker the
    // direct quote's attribution just named, even where the rules read no name before the comma.
    const whoQuoted =
      relative && !subject && /^who$/i.test(relative.text)
        ? directSpeakerBefore(direct, sentence, relative.start)
        : undefined;
    if (whoQuoted) subject = { np: '', start: t.start };
    if (relative && !subject) continue;
    // "Patrick Howley, writing for …, shared …": a participle after a comma is a byline, not an attribution.
    if (!/ing$/.test(t.text)) subject ??= subjectAcrossAppositive(prefix, sentence.start);
    // "The vote matters because Ines Carvalho has said …", "Pell credits the staff -- but he said …": the subject of
    // the clause a conjunction or a dash opens, where the words before read as no subject or run across it.
    if (!/ing$/.test(t.text) && !relative && !embedded && !aside && !catenative) {
      CLAUSE_OPENER.lastIndex = 0;
      // What such a verb reports must be a clause ("because the firm announced its results" reports nothing).
      const clause =
        commitment ||
        ENDS_ON_THAT.test(body.slice(t.end, restStart)) ||
        WH.test(rest) ||
        finite(rest) ||
        ((verb === 'tell' || verb === 'ask') && request(rest)) ||
        // "The crowd booed when Lind mentioned the levy": an object said is read from the clause's subject as well.
        nounObject !== null;
      if (clause && (!subject || CLAUSE_OPENER.test(subject.np)))
        subject =
          subjectAfterConjunction(
            prefix,
            sentence.start,
            found.some((f) => f.open && f.clauseStart <= t.start && f.clauseEnd > t.start),
          ) ?? subject;
    }
    // "The Herald reported that Ana Ruiz said …", "… that the mayor, Tom Hale, said …": a report of a report, whose
    // inner verb's subject opens the outer "that" clause, read from there (from the sentence's start it runs across
    // the outer verb). Only a name or a short description.
    if (!subject && !relative && !ing && !catenative) {
      const outer = found.find(
        (f) =>
          f.open &&
          f.clauseStart < t.start &&
          f.clauseEnd > t.start &&
          ENDS_ON_THAT.test(body.slice(f.verbStart, f.clauseStart)),
      );
      const np = outer ? subjectBefore(body.slice(outer.clauseStart, t.start), outer.clauseStart) : null;
      // (Not a pronoun, more often the outer clause's own subject doing something, "warned that he would declare
      // martial law", and only a verb that reports a clause, not one with an object: "had claimed a loss".)
      if (
        np &&
        np.start === outer!.clauseStart &&
        plainSubject(np.np.split(',')[0]!.trim()) &&
        (ENDS_ON_THAT.test(body.slice(t.end, restStart)) || finite(rest))
      )
        subject = np;
    }
    // "…, calling it “disqualifying” and asserting that …": a participle joined by "and" to one set off before it
    // hangs on the clause that one hangs on, and is read from there.
    const participlePrefix = ing?.joinedTo ? body.slice(sentence.start, ing.joinedTo.start) : prefix;
    const andBefore = subject ? null : AND_BEFORE_VERB.exec(prefix);
    if (andBefore && !ing?.joinedTo) {
      // "Grushko called the move … and said Moscow would respond", "Trump is telling veterans … and says he
      // will …", "… and then tweeted that …": the subject of the sentence's first verb, before the "and".
      // ("President Lind met survivors … killed on Thursday and said …": an irregular past counts as well.)
      const andAt = sentence.start + andBefore.index;
      const firstVerb = tokens.find(
        (x) =>
          x.start > sentence.start &&
          x.start < andAt &&
          (/^[a-z]+ed$/.test(x.text) || (/^[a-z]/.test(x.text) && hasTag(x.text, 'PastTense'))),
      );
      // "… told Ana Holt, who answered the door and said …": the verb is the relative clause's, said by its antecedent.
      const who = /,\s+who\s(?![^,]*[“”"])[^,]*\band(?:\s+\p{Ll}+)?\s*$/u.exec(prefix);
      if (who)
        subject = antecedentName(body, sentence.start, sentence.start + who.index + who[0].indexOf('who'));
      else if (firstVerb)
        subject = subjectBefore(body.slice(sentence.start, firstVerb.start), sentence.start);
      if (!who)
        subject ??= mainSubject(
          sentence,
          tokens,
          andAt,
          /^\p{Ll}+s$/u.test(t.text) || /\bhas\b/.test(andBefore[0]),
        );
      // "He rails against the deal and pledges to …", "Ana Lind left the stage and declared that …": a first verb
      // the lexicon does not know; a sentence opening on a pronoun or a name and then a lower-case word has its
      // subject there, unless the verb sits inside a clause already reported ("She said the mayor left and …").
      let fromOpening = false;
      if (
        !who &&
        !subject &&
        !found.some((f) => f.open && f.clauseStart <= t.start && f.clauseEnd > t.start)
      ) {
        const opening = OPENING_NAME_OR_PRONOUN.exec(sentence.text);
        // Only one clause up to the "and": no punctuation that could open another ("Democrats want …, and
        // Republicans (they want … and suggest …)").
        if (opening && !/[,;:()—–]|\s-\s/.test(body.slice(sentence.start + opening[0].length, andAt))) {
          subject = subjectBefore(opening[0], sentence.start);
          fromOpening = true;
        }
      }
      // Read from further off than a bare "and" ("and then", or past a first verb the lexicon does not know), the
      // verb reports only a clause: "… and then said something strange" names what was said, not said it.
      if (
        subject &&
        (fromOpening || andBefore[0].trim() !== 'and') &&
        !(
          commitment ||
          question ||
          ENDS_ON_THAT.test(body.slice(t.end, restStart)) ||
          finite(rest) ||
          ((verb === 'tell' || verb === 'ask') && request(rest)) ||
          (verb === 'describe' && /\bas\b/.test(rest))
        )
      )
        subject = null;
    }
    // "…, Ida Strand said, adding that …": a participle after an attribution reports for the same speaker.
    // ("Lind rebuked critics who say …, saying …": not the speaker of a restrictive relative clause inside the object.)
    const previous = found.findLast((f) => !f.restrictive);
    const tied = (ing !== undefined && ing.lead !== 'progressive') || goingOn;
    const carried = !subject && tied && previous && previous.verbStart < t.start ? previous : undefined;
    if (carried) subject = { np: '', start: carried.npStart };
    const quoted = !subject && tied ? directSpeakerBefore(direct, sentence, t.start) : undefined;
    if (quoted) subject = { np: '', start: t.start };
    // "… but said", "… but has said", "… and has since said": a verb coordinated with the main clause's.
    const coordinated =
      /\bbut(?:\s+(?:has|have|had|also|later|then|now|still|since|has since|has also|\p{Ll}+ly))?\s*$/u.test(
        prefix,
      );
    if (!subject && (coordinated || (/,\s*$/.test(prefix) && /ing$/.test(t.text)) || tied)) {
      // "The spokesman refused to answer … but said …", "Bolton spoke on Monday, saying …": the main subject.
      subject =
        clauseSubject(participlePrefix, sentence.start) ??
        mainSubject(sentence, tokens, ing?.joinedTo?.start ?? t.start);
      // "responded by saying …", "issued a statement saying …" are read from further off than a comma's
      // participle, so the main subject must look like one ("a haven shielded from …" does not).
      if (
        subject &&
        (ing?.lead === 'preposition' || ing?.lead === 'document') &&
        !/^(?:he|she|they|it|we)$/i.test(subject.np) &&
        !plainSubject(subject.np) &&
        !closingSubject(subject.np)
      )
        subject = null;
      // "Amid the uproar over the list, Ana Ruiz offered a defence of it, saying …", "Shortly after the call ended,
      // the campaign sent out a release saying …": the clause the participle hangs on comes after an opening phrase,
      // whose words the rules above may have read as a subject that looks like none.
      if (
        ing &&
        ing.lead !== 'progressive' &&
        (!subject ||
          (!/^(?:he|she|they|it|we)$/i.test(subject.np) &&
            !plainSubject(subject.np) &&
            !closingSubject(subject.np)))
      )
        subject = lastClauseSubject(participlePrefix, sentence.start) ?? subject;
      // "Sanders hit back, saying …", "Ana Lind wears a suit, telling viewers …": a sentence opening on a name or a
      // pronoun and then a lower-case word, one clause up to the participle's comma, has its subject there though the
      // lexicon does not know the verb.
      if (!subject && ing?.lead === 'comma') {
        const opening = OPENING_NAME.exec(sentence.text);
        const clauseEnd = sentence.start + participlePrefix.replace(/[\s,]+$/, '').length;
        const np = opening ? subjectBefore(opening[0], sentence.start) : null;
        // (A name of one word only where it is a person's or an organisation's the article knows, or a group's in
        // the plural, "Democrats": "Republican politicians speak …" opens on no speaker.)
        if (
          np &&
          !/[,;:()“”"—–]|\s-\s/.test(body.slice(sentence.start + opening![0].length, clauseEnd)) &&
          (/\s|^(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e)$|^\p{Lu}\p{Ll}+s$/u.test(np.np) ||
            resolveOrganization(ctx.index, np.np) !== null ||
            ctx.index.personMentions.some((m) => m.start === np.start))
        )
          subject = np;
      }
    }
    // "Ana Lind, despite admitting …, backed the bill": a preposition set off by commas right after the sentence's
    // subject, before its main verb, hangs its participle on that subject.
    // (Its clause ends at the comma that closes the phrase; "In 2010, despite …" opens on no subject.)
    let setOff = false;
    if (!subject && ing?.lead === 'preposition') {
      const lead = PREPOSITION_AFTER_SUBJECT.exec(participlePrefix);
      const np = lead ? subjectBefore(lead[1]!, sentence.start) : null;
      if (
        np &&
        (/^(?:he|she|they|we)$/i.test(np.np) ||
          plainSubject(np.np.split(',')[0]!.trim()) ||
          closingSubject(np.np)) &&
        !OPENING_PREPOSITION.test(np.np)
      ) {
        subject = np;
        setOff = true;
      }
    }
    // "A person familiar with the planning says …", "Many speakers at the service — including … — said …": the
    // phrase that opens the sentence, read whole, when the rules above found no subject in it.
    if (
      !subject &&
      !relative &&
      !ing &&
      !catenative &&
      !commitment &&
      verb !== 'state' &&
      !found.some((f) => f.open && f.clauseStart <= t.start && f.clauseEnd > t.start) &&
      (ENDS_ON_THAT.test(body.slice(t.end, restStart)) || (finite(rest) && !PREPOSITION_START.test(rest)))
    )
      subject = openingSubject(prefix, sentence.start);
    // "as he’s often alleged": a pronoun's contraction of "has" before the verb.
    if (subject && /^(?:he|she|it|they|we)[’']s$/i.test(subject.np))
      subject = { ...subject, np: subject.np.slice(0, -2) };
    // 'Lind “backs the tax. Is that right?” former chairman Ana Ruiz asked.': the subject after a quoted question.
    if (!subject && !ing && closesSentence(rest)) {
      const q = QUESTION_THEN_SUBJECT.exec(prefix);
      const from = q ? q.index + /^[?!]+\S*\s+/.exec(q[0])![0].length : -1;
      if (q) subject = subjectBefore(prefix.slice(from), sentence.start + from);
    }
    // 'The ad hits Clinton and claims that “Wall Street made her …”', '…, pointing to a bottle and telling viewers that
    // syrup is “destroying America”': a verb of saying whose "that" opens a clause holding a quoted fragment reports
    // what someone said, a partial quote, even where the rules above read no subject for it; its speaker is the
    // sentence's subject where that names someone, else left unknown. (Not a relative "that" after the one told, nor a
    // noun after an owner, "in her opening remarks that", nor a verb inside a clause already reported or quoted.)
    const thatQuoted =
      !subject &&
      !relative &&
      // (A participle in an opening phrase, "In 2010, despite admitting that …,", reports only up to its comma, for a
      // subject the rules for it must read.)
      ing?.lead !== 'opening' &&
      ing?.lead !== 'preposition' &&
      ing?.lead !== 'absolute' &&
      ENDS_ON_THAT.test(body.slice(t.end, restStart)) &&
      QUOTATION_MARK.test(body.slice(restStart, sentence.end)) &&
      !relativeThat(rest) &&
      !relativeVerb(rest) &&
      ![tokens[i - 1], tokens[i - 2]].some(
        (x) =>
          x !== undefined &&
          (DETERMINER.test(x.text) || POSSESSOR.test(x.text)) &&
          !/[,;:“”"]/.test(body.slice(x.end, t.start)),
      ) &&
      !insideMarks(doc, sentence, t.start) &&
      !found.some((f) => (f.clauseStart <= t.start && f.clauseEnd > t.start) || f.clauseStart > t.start);
    if (thatQuoted)
      subject = [clauseSubject(prefix, sentence.start), mainSubject(sentence, tokens, t.start)].find(
        (c) => c !== null && namesSomeone(ctx, c),
      ) ?? { np: '', start: t.start };
    if (!subject) continue;
    // "Now tell us …", "So say the polls": an adverb opening an imperative or an inversion is no speaker.
    if (/^(?:now|then|so|just|please|simply|here|there|well)$/i.test(subject.np)) continue;
    // A pronoun whose referent cannot be found still reports speech; its speaker is left unknown (null). So does the
    // writer's own "I" or "we" ("I argued that …", "We asked our readers which …"), the article naming no one for it;
    // one inside quotation marks is the quoted speaker's, whose verbs are not the writer's.
    const firstPerson =
      /^(?:I|we)$/i.test(subject.np) &&
      !carried &&
      !whoQuoted &&
      !quoted &&
      !insideMarks(doc, sentence, subject.start);
    const resolved =
      carried?.speaker ??
      whoQuoted ??
      quoted ??
      resolveSpeaker(ctx, subject.np, subject.start) ??
      (/^(?:he|she|they)$/i.test(subject.np) || firstPerson ? UNKNOWN_SPEAKER : null) ??
      // "47% say …": a poll's share speaks as "47 percent" does.
      (POLL_SHARE.test(subject.np)
        ? { speaker: subject.np, role: null, gender: 'unknown' as const }
        : null) ??
      // (An "it" inside quotation marks is the quoted speaker's word: '“It was booming,” she said, pointing out …'.)
      (/^it$/i.test(subject.np) && IT_VERBS.has(verb) && !insideMarks(doc, sentence, subject.start)
        ? itSpeaker(ctx, sentence)
        : null) ??
      (thatQuoted ? UNKNOWN_SPEAKER : null);
    if (!resolved) continue;
    // "Obama threatened to veto the bill": a threat made, as "vowed to …" is, only before "to" or "that" and by a
    // person or an organisation the article names, or a pronoun for one ("The scandal threatens to derail …", "the
    // primary threatened to knock them out" foretell, and "threatened her with eviction" is an act).
    if (
      verb === 'threaten' &&
      (!(commitment || ENDS_ON_THAT.test(body.slice(t.end, restStart))) ||
        !(
          /^(?:he|she|they)$/i.test(subject.np) ||
          resolveOrganization(ctx.index, subject.np) !== null ||
          ctx.index.personMentions.some(
            (m) => m.start >= subject.start && m.start < subject.start + subject.np.length,
          )
        ))
    )
      continue;
    const speaker = agreeWithPronoun(ctx, resolved, subject.np, body.slice(t.end, t.end + 24), subject.start);

    {
      // 'the fact that the race “is a dead heat,” as Cruz said on Monday, only magnifies …': an attribution opened by
      // "as" after a clause points back to that clause; what follows it is the reporter's own sentence going on.
      const asBefore = body.slice(sentence.start, subject.start);
      const asAt = AS_AFTER_CLAUSE.exec(asBefore);
      if (
        asAt &&
        asAt.index > 0 &&
        // (Not one inside a clause already reported: "Protests, Obama said, are patriotic, as Garner's were".)
        !found.some((f) => f.clauseStart < t.start && f.clauseEnd > t.start) &&
        AS_GAP.test(body.slice(end, sentence.end)) &&
        !/^(?:many|much|few|long|well|soon|far|little)\b/i.test(subject.np) &&
        // (The clause is the one closed right before the "as": "the result, as he later explained, was …" is set
        // into one clause, and "given that, as the paper reported, he has …" into the one after it.)
        hasClauseVerb(words(lastSegment(asBefore.slice(0, asAt.index))))
      ) {
        found.push(
          clauseBefore(
            sentence,
            asBefore.slice(0, asAt.index + asAt[1]!.trimEnd().length),
            subject.start,
            t.start,
            verb,
            speaker,
          ),
        );
        remember(ctx, speaker, subject.start);
        continue;
      }
    }
    // 'Lind “backs the tax. Does that work?” Ruiz asked.': a quote closing on a question or an exclamation ends the
    // sentence before the attribution, whose clause is that sentence, a partial quote (a wholly quoted one is a
    // direct quote, whose attribution the direct quotes have already used).
    const questioned =
      body.slice(sentence.start, subject.start).trim() === '' && closesSentence(rest)
        ? questionBefore(doc, sentence, direct)
        : null;
    if (questioned) {
      found.push({ ...questioned, npStart: subject.start, verbStart: t.start, verb, speaker, open: false });
      remember(ctx, speaker, subject.start);
      continue;
    }
    if (aside) {
      // What the aside closes is a clause of its own, with a verb ("In the end, Rosenthal said, …" closes none).
      const beforeNp = body.slice(sentence.start, subject.start);
      // "…, Ana Ruiz, a spokeswoman, said on the call": the comma closing the speaker's appositive is the
      // appositive's, not a clause's (not the end of a list: "…, refugees, and migration, said …").
      const apposed = /,\s+(?!(?:and|or)\s)\S/.test(subject.np);
      const between = body
        .slice(subject.start + subject.np.length, t.start)
        .replace(apposed ? /^\s*,/ : /^$/, '');
      const closed = beforeNp.slice(DATELINE.exec(beforeNp)?.[0].length ?? 0);
      // (An appositive may hold a preposition, "Ana Ruiz, a professor at Umeå,": its head is what must be a subject.)
      const head = apposed ? subject.np.slice(0, subject.np.indexOf(',')) : subject.np;
      // ("…, his top aide, Tad Devine, told …": a description before the name, whose name is the plain subject.)
      const named = apposed && plainSubject(subject.np.slice(subject.np.lastIndexOf(',') + 1).trim());
      // ("…, her advisers said Friday, because …": an owner's description is a subject as "the advisers" is.)
      const owned =
        /^(?:his|her|its|their|our)\s+\S/i.test(head) && closingSubject(head.replace(/^\S+/, 'the'));
      const set =
        (/^(?:he|she|they|it|we)$/i.test(subject.np) ||
          plainSubject(head) ||
          closingSubject(head) ||
          named ||
          owned) &&
        CLOSED_CLAUSE.test(beforeNp) &&
        !/[,;:]/.test(between) &&
        splitSpaces(between.trim()).length <= 2;
      // A partial quote may open on the verb: 'Mills “got an immunity deal,” Lee said'.
      const clause = closed
        .split(/[\s“”"]+|''/)
        .some((w) => /^\p{Ll}/u.test(w) && (/^\p{L}+ed$/u.test(w) || hasTag(w, ...ASIDE_VERB_TAGS)));
      // "When asked why the council acted, Ruiz said, …": the question put to the speaker is not what was said.
      const closes =
        set &&
        clause &&
        !(
          /^\s*(?:when\s+|after\s+being\s+)?asked\b/i.test(closed) &&
          !/\b(?:said|says|told|tells)\b/.test(closed)
        );
      const dateline = DATELINE.exec(beforeNp)?.[0].length ?? 0;
      // "Though the move was seamless, he said, a new one would be hard", "But the weapons it has, he added, are like
      // …": what comes before is a subordinate clause or the subject of what comes after, so the two are one clause.
      // (After a subordinate clause, what follows the aside is the main clause even when it opens on a participle,
      // "replacing him would be harder", which the aside would otherwise read as its own.)
      const subordinate = closes && SUBORDINATE_OPENING.test(closed);
      const afterAside = /^[^,.;:“”"]{0,40},\s*/.exec(body.slice(end, sentence.end));
      // A quote running on after the aside is taken only from a speaker the clause plainly names ("…, Ruiz said,
      // “…” until …"), not from words the rules read as a subject inside a longer clause ("…, jabbing a finger as
      // she said, “…” about …, the crowd …").
      const asideResume =
        aside.quoted &&
        !/^(?:he|she|they|it|we)$/i.test(subject.np) &&
        !plainSubject(subject.np) &&
        !closingSubject(subject.np)
          ? null
          : aside.resume;
      const resume =
        asideResume ??
        (subordinate && afterAside && wordCount(body.slice(end + afterAside[0].length, sentence.end)) >= 3
          ? afterAside[0].length
          : null);
      const conjoined = resume !== null ? CONJOINED_TAIL.exec(body.slice(end, end + resume)) : null;
      const oneClause =
        resume !== null &&
        (subordinate ||
          (set && verbOpening(body.slice(end + resume, sentence.end))) ||
          (set && QUOTE_THEN_THAT.test(closed) && /^that\s/i.test(body.slice(end + resume, sentence.end))) ||
          // '“I like him,” she said, but “when it comes to …”': the fragment after the conjunction finishes the
          // sentence the quote opened.
          (set && QUOTE_THEN_THAT.test(closed) && conjoined !== null) ||
          (set && !clause && fragmentSubject(closed.replace(CLAUSE_TAIL, ''))));
      if (oneClause) {
        // "The museum, Mr. Obama said, would make visitors …": the aside splits one clause, whose subject (or
        // opening phrase) comes before it; what was said is both parts, read without the attribution.
        // ("He had a rally that night - and the permit, his aides said, was hard to get": a clause a dash or a
        // semicolon and a conjunction open is the one split, not the reporter's before it.)
        const joinedAt = [...beforeNp.matchAll(/(?:\s(?:--?|[—–])\s+|;\s+)(?:and|but|so|yet)\s+/g)].pop();
        const splitStart = joinedAt ? joinedAt.index + joinedAt[0].length : 0;
        found.push({
          npStart: subject.start,
          verbStart: t.start,
          clauseStart: sentence.start + Math.max(dateline, splitStart),
          clauseEnd: sentence.end,
          // (The conjunction stays: '“I like him,” but “when …”'.)
          cut: {
            start: sentence.start + beforeNp.replace(CLAUSE_TAIL, '').length,
            end: conjoined ? end + conjoined.index + /^,\s*/.exec(conjoined[0])![0].length : end + resume,
          },
          verb,
          speaker,
          open: true,
        });
        remember(ctx, speaker, subject.start);
        continue;
      }
      if (closes) found.push(clauseBefore(sentence, beforeNp, subject.start, t.start, verb, speaker));
      if (asideResume !== null) {
        found.push({
          npStart: subject.start,
          verbStart: t.start,
          clauseStart: end + asideResume,
          clauseEnd: sentence.end,
          verb,
          speaker,
          open: true,
        });
      }
      if (closes || asideResume !== null) remember(ctx, speaker, subject.start);
      continue;
    }
    if (ONLY_PUNCTUATION.test(rest)) {
      // "…, officials said." — the clause is what came before the attribution.
      // "…, as Clinton supporters point out.", "…, as some have speculated.": the "as" is the attribution's.
      const asAt = AS_AFTER_CLAUSE.exec(body.slice(sentence.start, subject.start));
      const beforeNp = body.slice(
        sentence.start,
        asAt ? sentence.start + asAt.index + asAt[1]!.trimEnd().length : subject.start,
      );
      // The clause may end in a quoted fragment: America needs leaders "who understand …," Clinton said; or in a
      // quoted question: Lind "backs the tax. Is that right?" he asked.
      if (!CLOSED_CLAUSE.test(beforeNp) && !QUESTION_CLOSED.test(beforeNp)) continue;
      found.push(clauseBefore(sentence, beforeNp, subject.start, t.start, verb, speaker));
      remember(ctx, speaker, subject.start);
      continue;
    }
    found.push({
      npStart: subject.start,
      verbStart: t.start,
      clauseStart: restStart,
      clauseEnd:
        nounObject !== null
          ? nounObject
          : opening
            ? opening.clauseEnd
            : setOff
              ? relativeEnd(body, restStart, sentence.end, true)
              : gap
                ? gapEnd(body, restStart, sentence.end)
                : embedded
                  ? // "in which he pledged that, if elected, he would …": a "that" clause is the relative's object and runs
                    // on past its commas; "the wall, which he said Mexico would pay for, will …" ends at its comma, and
                    // so does one after "that", which may be a verb's ("notes that Coulter tweeted that …, and Trump …").
                    relativeEnd(
                      body,
                      restStart,
                      sentence.end,
                      relative?.text.toLowerCase() === 'that' ||
                        !ENDS_ON_THAT.test(body.slice(end, restStart)),
                    )
                  : relative
                    ? relativeDash
                      ? dashEnd(body, restStart, sentence.end)
                      : relativeEnd(body, restStart, sentence.end, restrictive !== null)
                    : // "a campaign in which Lind has said the levy is unfair, …": a relative clause of place ends where the
                      // main clause's verb comes back.
                      PLACE_RELATIVE_BEFORE.test(body.slice(sentence.start, subject.start))
                      ? relativeEnd(body, restStart, sentence.end)
                      : negatedEnd(body, prefix, restStart, sentence.end),
      verb,
      speaker,
      open: nounObject === null,
      ...(nounObject !== null ? { object: true } : {}),
      ...(answer ? { answer: true } : {}),
      ...(restrictive ? { restrictive: true } : {}),
    });
    // "… – Ryan saying he was “very encouraged” and Trump calling it …": an absolute ends where the next one begins.
    if (ing?.lead === 'absolute') {
      const next = NEXT_ABSOLUTE.exec(body.slice(restStart, found[found.length - 1]!.clauseEnd));
      if (next) found[found.length - 1]!.clauseEnd = restStart + next.index;
    }
    // (The noun a reduced relative hangs on is seldom who the next sentences are about.)
    if (!question && !ing?.subject) remember(ctx, speaker, subject.start);
  }
  // A clause runs until the next attribution in the same sentence begins.
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1]!;
    // "The Journal reported that Trump said the wall would be “beautiful”": a report of a report, whose "that" clause
    // opens on the next attribution's subject, holds that attribution and what it reports; both are read.
    if (
      b.npStart === a.clauseStart &&
      b.verbStart > a.clauseStart &&
      ENDS_ON_THAT.test(body.slice(a.verbStart, a.clauseStart))
    )
      continue;
    // "… is telling veterans that the military is depleted and says he will …": a coordinated verb whose
    // subject came earlier ends the clause at the verb.
    const cut = b.npStart > a.clauseStart ? b.npStart : b.verbStart;
    if (a.open && cut > a.clauseStart && cut < a.clauseEnd) {
      // "… moved a missile, shortly after North Korea said …": the conjunction that opens the next attribution's
      // clause is not part of what was said before it.
      // "…, at the town hall this week she said …": nor is a phrase of time or place set off before its subject.
      const opener =
        CLAUSE_END_OPENER.exec(body.slice(a.clauseStart, cut)) ??
        PLACED_BEFORE_SUBJECT.exec(body.slice(a.clauseStart, cut));
      a.clauseEnd = opener ? a.clauseStart + opener.index : cut;
    }
  }
  return found;
}

/** A quotation mark of any style the articles use: what shows a clause quotes someone's words. */
const QUOTATION_MARK = /[“”"]|''/;

/**
 * Whether a subject read from further off names its speaker: a personal pronoun, or a phrase opening on a capital
 * the speakers resolve ("Santilli", "The RNC"), not a description the rules read past ("not all of the e-mails").
 */
function namesSomeone(ctx: SpeakerContext, subject: { np: string; start: number }): boolean {
  return (
    /^(?:he|she|they|it|we)$/i.test(subject.np) ||
    (/^\p{Lu}/u.test(subject.np) && resolveSpeaker(ctx, subject.np, subject.start) !== null)
  );
}

/** A verb of saying negated: "would not say", "didn’t say", "did not immediately say". */
const NEGATED = /\b(?:not|n[’']t)\s+(?:\p{Ll}+ly\s+)?$/u;

/**
 * Where what a negated verb of saying reports ends: "Reyna would not say when the port reopens, nor did he thank …"
 * goes on with the writer's own clause after ", nor".
 */
function negatedEnd(body: string, prefix: string, start: number, end: number): number {
  if (!NEGATED.test(prefix)) return end;
  const nor = body.slice(start, end).search(/,\s+nor\s/);
  return nor < 0 ? end : start + nor;
}

/**
 * Whether a clause follows a relative's verb of saying that ends at `end` ("which contended that …", "who said the
 * law punished them"), outside any clause already reported there (`found`, at the verb's offset `at`): what a
 * relative pronoun's verb must report to count. (Module-level rather than a closure in {@link fromVerbs}: that loop
 * runs for every verb of every article.)
 */
function clauseAfter(
  body: string,
  end: number,
  sentenceEnd: number,
  found: Found[],
  at: number,
  commitment: boolean,
): boolean {
  const after = body.slice(end, sentenceEnd);
  const next = after.slice(ADVERBIALS.exec(after)?.[0].length ?? 0);
  // The clause's own verb comes before any comma: "which claimed responsibility for the attacks, has …" has none.
  const own = next.split(',')[0]!;
  // A relative clause inside what was already reported ("said he had a source who told him …") is part of it.
  const inside = found.some((f) => f.open && f.clauseStart <= at && f.clauseEnd > at);
  return (
    !inside &&
    (/^\s*(?:that|whether|if)\b/i.test(next) ||
      finiteClause(own) ||
      // "who said the law punished them": a past or present tense among the clause's first five words.
      (/^\s*(?:(?:the|a|an|his|her|their|its)\b|\p{Lu})/u.test(next) &&
        hasClauseVerb(words(own).slice(1, 5))) ||
      (commitment && /^\s*to\s/.test(next)))
  );
}

/** Whether `prefix` (the sentence up to a verb, from `start`) is a noun phrase with a person's name and no verb. */
function namedSubject(ctx: SpeakerContext, start: number, prefix: string): boolean {
  const np = prefix.replace(CLAUSE_TAIL, '');
  return (
    namesSpeaker(np) && ctx.index.personMentions.some((m) => m.start >= start && m.start < start + np.length)
  );
}

/**
 * Whether the words before a verb are its subject with an appositive set off by commas ("O'Malley, the former
 * governor of Maryland, stressed …", "One former aide, speaking on condition of anonymity, said …"), the whole of
 * the clause so far: the verb then has its subject before it and is no inverted attribution, and what follows it is
 * its object or clause, not a speaker.
 */
function apposedSubject(prefix: string, sentenceStart: number): boolean {
  if (!/,[^,]*,\s*$/.test(prefix)) return false;
  const subject = subjectBefore(prefix, sentenceStart);
  if (!subject || !subject.np.includes(',')) return false;
  const before = prefix.slice(0, subject.start - sentenceStart);
  return /^(?:(?:and|but|yet|so|still)\s+)?$/i.test(
    before.slice(DATELINE.exec(before)?.[0].length ?? 0).trim(),
  );
}

/**
 * A plural noun, then a verb's bare form and more words: "the victims need help", "voters want change". That is a
 * clause (what was said after a verb whose subject came before), not a speaker after an inverted verb. (`ws`: the
 * phrase's words, split at white space.)
 */
function pluralThenVerb(ws: string[]): boolean {
  return ws.some(
    (w, i) =>
      i > 0 &&
      i < ws.length - 1 &&
      /^\p{Ll}+$/u.test(w) &&
      /^\p{Ll}[\p{Ll}’'-]*s$/u.test(ws[i - 1]!) &&
      onlyInfinitive(lexiconTags(w)),
  );
}
/** Whether a word's only tag is "Infinitive" (`tags.join() === 'Infinitive'`, without joining). */
function onlyInfinitive(tags: readonly string[]): boolean {
  return tags.length === 1 && tags[0] === 'Infinitive';
}
/**
 * Whether the words after an inverted verb of saying name its speaker ("…, said Dan Gerstein, an analyst").
 * (The cheap tests first, the dearer finite-clause patterns and word tags last: all are read on the same words.)
 */
function namesSpeaker(np: string): boolean {
  const ws = splitSpaces(np);
  return (
    ws.length <= 12 &&
    (/^(?:\p{Lu}|(?:the|a|an|one|another|two|three|several|some|many|his|her|their|its)\s)/u.test(np) ||
      LOWER_ROLE_BEFORE_NAME.test(np)) &&
    !/\d|\bthat\b/.test(np) &&
    !finiteClause(np) &&
    !pluralThenVerb(ws) &&
    !ws.some((w) => /^\p{Ll}/u.test(w) && hasTag(w, 'PastTense', 'PresentTense', 'Modal', 'Copula', 'Gerund'))
  );
}

/**
 * Where the sentence resumes after a source set off by commas ("…, according to the budget office, the deficits
 * will …"; `npEnd` is where the source's name ends in `after`), skipping one appositive of the source ("according
 * to Jo Berg, a professor at Umeå, the plan …"); null when nothing of three words or more follows.
 */
function asideResume(after: string, npEnd: number): number | null {
  let at = npEnd;
  // (Or a dash: "most Americans - 63 percent, according to the report - still believe …".)
  const comma = /^\s*(?:,|(?<=\s)(?:--?|[—–])(?=\s))\s*/.exec(after.slice(at));
  if (!comma) return null;
  at += comma[0].length;
  const next = /,\s*/.exec(after.slice(at));
  // An appositive has no verb of its own outside a relative clause: "a professor at Umeå,", "a pollster who ran the
  // poll," (but "the debt will double" is the clause).
  if (
    next &&
    /^(?:a|an|another|the|who|which|whose|\p{Ll}+ing)\s/u.test(after.slice(at)) &&
    !hasClauseVerb(words(after.slice(at, at + next.index).split(/\b(?:who|that|which)\b/)[0]!))
  )
    at += next.index + next[0].length;
  // What resumes is a clause of its own: a verb among its first words (not inside a relative clause: "a pollster
  // who ran the poll"), and no conjunction, relative, participle, attribution or quantity opening it (a list
  // carried on after the source, "…, said Mattie Thomas, 66", "9 percent, according to …, more than twice …").
  // (An aside between dashes in what resumes is left out: "46 percent of voters — and 31 percent of all — remain
  // undecided".)
  const rest = words(after.slice(at).replace(/\s(?:--?|[—–―])\s[^—–―]*?\s(?:--?|[—–―])\s/g, ' '));
  if (
    rest.length < 3 ||
    /^(?:and|or|but|nor|said|says|told|where|which|who|whom|whose|while|more|less|than|up|down|including|\p{L}+ing)$/iu.test(
      rest[0]!,
    )
  )
    return null;
  const relative = rest.findIndex((w) => /^(?:who|that|which)$/i.test(w));
  if (hasClauseVerb(rest.slice(0, relative >= 0 ? Math.min(relative, 12) : 12))) return at;
  // A subject with a relative clause, whose own verb comes after it ("workers who should be eligible will be
  // protected"): two finite verbs from the relative on, the relative's and the clause's.
  return relative >= 0 &&
    relative < 8 &&
    rest.slice(relative + 1, relative + 14).filter((w) => hasClauseVerb([w])).length >= 2
    ? at
    : null;
}

/** The words of a text without its punctuation and quotation marks (the archive's '' among them). */
function words(text: string): string[] {
  return text
    .replace(/(?:[\s.,;:!?”"’“]|'')+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Whether some lower-case word is a finite verb: a past tense (listed or regular), a present tense, "is", "will". */
function hasClauseVerb(ws: string[]): boolean {
  return ws.some(
    (w) =>
      /^\p{Ll}/u.test(w) &&
      (/^\p{L}{3,}ed$/u.test(w) || hasTag(w, 'PastTense', 'PresentTense', 'Copula', 'Modal')),
  );
}

/**
 * Speech named by a noun before its clause: "his claim that …", "Trump's recent assertion that …", "complaints from
 * farmers that …", "allegations by two former aides that …", "his promise to be …". The speaker is the "from"/"by"
 * phrase, else the owner (a possessive pronoun its referent); what follows "that" (or "to", for a commitment) up to
 * the next comma is what was said. An owner-less noun ("the claim that …", "allegations that …") reports speech
 * nobody is named for (null) only where a finite clause follows; nouns of belief or plan ("hope", "idea", "plan")
 * are not here, for the reason belief verbs are not verbs of saying.
 */
const SPEECH_NOUN =
  /\b(claims?|assertions?|assurances?|remarks?|warnings?|suggestions?|insistence|arguments?|contentions?|allegations?|admissions?|predictions?|statements?|declarations?|complaints?|announcements?|acknowledge?ments?|accusations?|denials?|testimony|promises?|pledges?|vows?|report)\b/giu;
/**
 * What every match of SPEECH_NOUN holds once the sentence is lower-cased: each noun's stem, which all its forms
 * begin with. SPEECH_NOUN ignores case the Unicode way, where a letter may also be written 'ſ' (a long s) or 'K'
 * (the Kelvin sign), which lower-casing leaves as they are; a sentence with either is always searched. This
 * case-sensitive test is about four times cheaper than the search, which finds nothing in most sentences.
 * A stem is looked for only at the start of a word (`\b`), as the search's own `\b` needs: what stands before a
 * match is no ASCII letter, digit or "_", nor becomes one when lower-cased, so the boundary holds there too; and
 * the test then skips the letters inside words, some 40% faster.
 */
const SPEECH_NOUN_STEM =
  /\b(?:claim|assertion|assurance|remark|warning|suggestion|insistence|argument|contention|allegation|admission|prediction|statement|declaration|complaint|announcement|acknowledg|accusation|denial|testimony|promise|pledge|vow|report)|[ſ\u212A]/;
/** Nouns of commitment, whose "to"-infinitive is what was promised ("his pledge to cut taxes"). */
const COMMITMENT_NOUN = /^(?:promise|pledge|vow)$/;
/** Nouns that are also verb forms ("she claims that", "he vows to"): a noun only after a determiner or an owner. */
const VERB_FORM_NOUN = /^(?:claims?|remarks?|warnings?|promises?|pledges?|vows?|statements?|report)$/i;
/** An owner right before the noun, perhaps with two words between: "his", "Trump's recent", "the campaign's". */
const NOUN_OWNER =
  /(?:^|[\s(“"])([Hh]is|[Hh]er|[Tt]heir|\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}[’']s?|(?:[Tt]he\s+)(?:[\p{Ll}-]+\s+){0,2}?\p{Ll}+(?:[’']s|s[’'])|\p{Ll}+s[’'])\s+(?:[\p{Ll}-]+\s+){0,2}?$/u;
/** A determiner, quantifier or adjective that makes an owner-less word a noun: "the claims that", "new allegations that". */
const NOUN_DETERMINER =
  /(?:^|\s)(?:the|a|an|these|those|such|numerous|repeated|many|several|new|recent|earlier|initial|false|unfounded|baseless|similar|frequent)\s+(?:[\p{Ll}-]+\s+)?$/iu;
/**
 * A verb before an owner-less noun that makes its subject the one who said it: "Lind made the suggestion that …",
 * "Democrats persisted in arguments that …", "Lind backed away from a suggestion that …".
 */
const MAKER_BEFORE_NOUN =
  /(?:^|\s)(?:made|makes|make|making|repeated|repeats|repeating|renewed|renews|offered|offers|issued|voiced|pressed|persisted\s+in|doubled\s+down\s+on|stood\s+by|stuck\s+(?:to|by)|backed\s+away\s+from|walked\s+back|retracted|defended)\s+(?:(?:the|a|an|this|that|these|those)\s+)?(?:[\p{Ll}-]+\s+){0,3}$/u;
/** A verb whose subject owns the speech noun after it: "Poilievre repeated his promise", "she stood by her claim". */
const OWN_VERB =
  /(?:^|\s)(?:made|makes|repeated|repeats|renewed|renews|reiterated|reiterates|voiced|pressed|stood\s+by|stands\s+by|stuck\s+(?:to|by)|backed\s+away\s+from|walked\s+back|retracted|defended|defends|kept|broke)\s+$/u;
/**
 * What follows the noun: a time, then "from X" or "by X", then where or when it was made ("during the debate", "at a
 * rally", "in an interview"), then "that" (or "to" for a commitment); or "was" before "that" ("his argument was that
 * …").
 */
const NOUN_CLAUSE_LEAD = new RegExp(
  `^\\s+(?:(?:on\\s+)?(?:${WEEKDAY}|last\\s+(?:week|month|year)|this\\s+(?:week|month|year))\\s+)?(?:(from|by)\\s+([^,;:“”"()—–]{1,60}?)\\s+)?(?:(?:at|during|in|before)\\s+(?:the|a|an|his|her|their|its|this|last)\\s+(?:[a-z-]+\\s+){1,3}?)?(?:(?:is|was)\\s+(?=that\\b))?(?:(that),?|(to))\\s+`,
  'iu',
);
/** A time noun after "that", which makes it a determiner: "his statement that day", "the claim that week". */
const THAT_TIME = /^(?:day|night|morning|afternoon|evening|week|weekend|month|year|time)\b/i;
/** The verb a speech noun reports with ("assertion" → "assert"); the others are their verb already ("claim"). */
const NOUN_VERB: Record<string, string> = {
  assertion: 'assert',
  assurance: 'assure',
  warning: 'warn',
  suggestion: 'suggest',
  insistence: 'insist',
  argument: 'argue',
  contention: 'contend',
  allegation: 'allege',
  admission: 'admit',
  prediction: 'predict',
  statement: 'state',
  declaration: 'declare',
  complaint: 'complain',
  announcement: 'announce',
  acknowledgment: 'acknowledge',
  acknowledgement: 'acknowledge',
  accusation: 'accuse',
  denial: 'deny',
  testimony: 'testify',
  threat: 'threaten',
};

/** Words before a verb form that make it part of a verb phrase already counted ("are needed", "has drawn"). */
const AUXILIARY =
  /^(?:is|are|was|were|be|been|being|has|have|had|will|would|could|should|can|may|might|must|to)$/i;
/** A capitalised word before an owner that is not part of its name: "Despite Lind's claim that …". */
const NOT_OWNER_WORD =
  /^(?:despite|contrary|unlike|amid|following|given|like|under|over|against|during|about|through)$/i;

/**
 * Where the clause of a noun phrase that is the sentence's subject ends: at the main verb ("Lind's promises to cut
 * tolls and build a bridge have put …", "Lind's claim that the port was closed angered …"), the first finite verb
 * after "to" and the second after "that" (the clause's own verb comes first).
 */
function subjectClauseEnd(
  tokens: Token[],
  nounStart: number,
  clauseStart: number,
  clauseEnd: number,
  afterTo: boolean,
): number {
  if (tokens.some((x) => x.start < nounStart && /^\p{Ll}/u.test(x.text) && hasClauseVerb([x.text])))
    return clauseEnd;
  let finite = 0;
  for (let i = 0; i < tokens.length; i++) {
    const x = tokens[i]!;
    if (x.start < clauseStart || x.start >= clauseEnd) continue;
    if (AUXILIARY.test(tokens[i - 1]?.text ?? '') || !/^\p{Ll}/u.test(x.text)) continue;
    // A regular "-ed" form is a verb before its object ("angered the board"), an adjective before a noun
    // ("undocumented immigrants").
    const regularPast =
      /^\p{Ll}{3,}ed$/u.test(x.text) &&
      /^(?:\p{Lu}|(?:the|a|an|his|her|their|its|him|them|us|me)$)/u.test(tokens[i + 1]?.text ?? '');
    if (regularPast || hasTag(x.text, 'PastTense', 'Copula', 'Modal') || /^(?:has|have)$/.test(x.text)) {
      if (++finite === (afterTo ? 1 : 2)) return x.start;
    }
  }
  return clauseEnd;
}

function fromSpeechNouns(
  sentence: Sentence,
  tokens: Token[],
  lower: string,
  direct: DirectQuotes,
  ctx: SpeakerContext,
  others: Found[],
): Found[] {
  const found: Found[] = [];
  const text = sentence.text;
  if (!SPEECH_NOUN_STEM.test(lower)) return found;
  SPEECH_NOUN.lastIndex = 0;
  for (let m = SPEECH_NOUN.exec(text); m; m = SPEECH_NOUN.exec(text)) {
    const nounStart = sentence.start + m.index;
    // Inside a direct quote it is the quoted speaker's own word ("“I reject the claim that …,” she said").
    if (inside(direct.covered, nounStart)) continue;
    // A noun inside a verb's own attribution ("said in a statement that …") is that verb's, and one inside what
    // someone else said ("Trump's claim that … was false, Lind said") is part of their words; the same word read
    // as a verb ("a pledge to" as "pledge to") is not another attribution.
    if (
      others.some(
        (f) =>
          f.verbStart !== nounStart &&
          nounStart >= Math.min(f.verbStart, f.clauseStart) &&
          nounStart < Math.max(f.clauseStart, f.clauseEnd),
      )
    )
      continue;
    const lead = NOUN_CLAUSE_LEAD.exec(text.slice(m.index + m[0].length));
    if (!lead) continue;
    const noun = m[1]!.toLowerCase().replace(/s$/, '');
    const commitment = COMMITMENT_NOUN.test(noun);
    if (lead[4] && !commitment) continue;
    const clauseAt = m.index + m[0].length + lead[0].length;
    const rest = text.slice(clauseAt);
    // "the claims that were made": a relative "that", not what was said; "his statement that day": a determiner.
    if (lead[3] && (relativeThat(rest) || THAT_TIME.test(rest))) continue;
    // "a report from the agency claimed that …": a phrase ending in a verb is no maker's name (the verb reports),
    // nor is a time ("a report from over the weekend").
    if (
      lead[2] &&
      (/\s(?:\p{Ll}+ed|said|told|wrote)$/u.test(lead[2]) ||
        /^(?:over|about|around|last|this|earlier)\b/i.test(lead[2]))
    )
      continue;
    const before = text.slice(0, m.index);
    const owner = NOUN_OWNER.exec(before);
    let speaker: Speaker | null = null;
    let npStart = nounStart;
    if (lead[2]) {
      npStart = sentence.start + m.index + m[0].length + lead[0].indexOf(lead[2]);
      speaker = resolveSpeaker(ctx, lead[2], npStart);
    } else if (owner) {
      // "Despite Lind's": a capitalised preposition opening the sentence is not part of the owner's name.
      const name = owner[1]!.replace(/^(?:\p{Lu}\p{Ll}+\s+)+/u, (lead) =>
        lead
          .split(/\s+/)
          .filter(Boolean)
          .every((w) => NOT_OWNER_WORD.test(w) || FUNCTION_WORDS.has(w.toLowerCase()))
          ? ''
          : lead,
      );
      npStart = sentence.start + owner.index + owner[0].indexOf(name);
      const pronoun = POSSESSIVE_PRONOUNS.get(name.toLowerCase());
      // "Poilievre, speaking in Regina, repeated his promise to …": "his" is the subject's own, which the subject
      // names better than the pronoun's nearest referent would.
      const ownVerb = pronoun ? OWN_VERB.exec(before.slice(0, npStart - sentence.start)) : null;
      const found = ownVerb ? subjectBefore(before.slice(0, ownVerb.index), sentence.start) : null;
      // Only a subject that names someone: "the Republican presidential candidate repeated his promise" leaves "his"
      // to the pronoun rules, which find the candidate named before.
      const subject = found && /^\p{Lu}/u.test(found.np) && !/^(?:The|A|An)\s/.test(found.np) ? found : null;
      if (subject) npStart = subject.start;
      speaker = resolveSpeaker(ctx, subject?.np ?? pronoun ?? name.replace(/[’']s?$/, ''), npStart);
    }
    const maker = !speaker && !owner && !lead[2] ? MAKER_BEFORE_NOUN.exec(before) : null;
    if (maker) {
      const subject = subjectBefore(before.slice(0, maker.index), sentence.start);
      if (subject) {
        npStart = subject.start;
        speaker = resolveSpeaker(ctx, subject.np, subject.start);
      }
    }
    if (!speaker) {
      // Nobody named: only a noun that cannot be a verb here, with the finite clause of a claim after it.
      if (lead[4] || !finiteClause(rest)) continue;
      if (!owner && VERB_FORM_NOUN.test(m[1]!) && !NOUN_DETERMINER.test(before)) continue;
      speaker = UNKNOWN_SPEAKER;
    }
    // A commitment keeps its "to", as "vowed to …" does (see isCommitment).
    const clauseStart =
      sentence.start + (lead[4] ? clauseAt - lead[0].length + lead[0].lastIndexOf('to') : clauseAt);
    // The clause ends at a comma, a dash, a semicolon or a bracket once it has its verb ("Lind's claim that the
    // ferries, built in 1990, are unsafe").
    const STOP = /,(?:[”"’]|'')?\s|\s(?:—|–|--?)\s|[;()]/g;
    const tail = text.slice(clauseStart - sentence.start);
    let stop: RegExpExecArray | null = null;
    for (let x = STOP.exec(tail); x && !stop; x = STOP.exec(tail))
      if (lead[4] || hasClauseVerb(words(tail.slice(0, x.index)))) stop = x;
    found.push({
      npStart,
      verbStart: nounStart,
      clauseStart,
      // ("His argument was that …": the noun's verb is the main one, and the clause runs on as a verb's does.)
      clauseEnd: /\s(?:is|was)\s+that/i.test(lead[0])
        ? stop
          ? clauseStart + stop.index
          : sentence.end
        : subjectClauseEnd(
            tokens,
            nounStart,
            clauseStart,
            stop ? clauseStart + stop.index : sentence.end,
            Boolean(lead[4]),
          ),
      verb: NOUN_VERB[noun] ?? noun,
      speaker,
      open: false,
    });
  }
  return found;
}

/** "according to X" and "as stated by X", before or after the clause they source. */
/**
 * The source an "according to" names when it is no person or organisation the rules know: a document, a study or a
 * poll described at length ("early results of exit polls conducted for the network by Edison Research", "a study by
 * the Pew Research Center based on census data"). "According to" can only be followed by a source, so any noun
 * phrase stands as one, as written.
 */
function sourceDescription(np: string): Speaker | null {
  const text = collapseSpaces(np.trim());
  const words = text.split(' ');
  if (words.length === 0 || words.length > 24 || /[“”"]/.test(text)) return null;
  if (
    !/^(?:\p{Lu}|\p{N}|(?:the|a|an|some|one|two|several|many|early|new|recent|internal|court|his|her|their|its)\s)/iu.test(
      text,
    )
  )
    return null;
  // A clause is no source: "according to what he told them".
  if (/\b(?:is|are|was|were|has|have|had|will|would|said|says|told|what|who|how|why)\b/i.test(text))
    return null;
  const speaker = text.replace(/^(?:the|a|an)\s+/i, '');
  return { speaker, role: null, gender: 'plural' };
}

// A title's or an initial's full stop does not end it: "according to Mr. Rhodes", "according to Dennis B. Ross".
const SOURCE_TEXT = new RegExp(
  String.raw`^[^,.;)]+(?:\.(?:[^\s,.;)]|(?<=(?:^|\s)(?:${TITLE_ABBREVIATION}|\p{Lu})\.)\s(?=\p{Lu}))[^,.;)]*)*`,
  'u',
);

function fromSourcePhrases(doc: Document, sentence: Sentence, lower: string, ctx: SpeakerContext): Found[] {
  const found: Found[] = [];
  const text = sentence.text;
  // SOURCE_PHRASE ignores case only in ASCII letters, so its "according to" or " by" is in the lower-cased text
  // (one pattern scan for both, where two searches of the text took about three times as long).
  if (!SOURCE_PHRASE_WORDS.test(lower)) return found;
  SOURCE_PHRASE.lastIndex = 0;
  for (let m = SOURCE_PHRASE.exec(text); m; m = SOURCE_PHRASE.exec(text)) {
    const verb = m[2] ? (SOURCE_VERBS[m[2].toLowerCase()] ?? m[2]) : 'according to';
    const after = text.slice(m.index + m[0].length);
    const lead = text.slice(0, m.index);
    if (lead.replace(DATELINE, '').trim() === '') {
      // According to X(, NAME), clause.
      const segs = after.split(/,\s*/);
      let np = segs[0] ?? '';
      let used = np.length + 1;
      if (segs.length > 2 && /^(?:\p{Lu}[\p{L}.’'-]*\s?){1,4}$/u.test(segs[1]!.trim())) {
        np = `${np}, ${segs[1]}`;
        used = after.indexOf(segs[1]!) + segs[1]!.length + 1;
      }
      const speaker =
        resolveSpeaker(ctx, np, sentence.start + m.index + m[0].length) ??
        (verb === 'according to' ? sourceDescription(np) : null);
      if (!speaker) continue;
      const clauseStart = sentence.start + m.index + m[0].length + used;
      found.push({
        npStart: sentence.start + m.index,
        verbStart: sentence.start + m.index,
        clauseStart,
        clauseEnd: sentence.end,
        verb,
        speaker,
        open: false,
      });
      remember(ctx, speaker, sentence.start + m.index);
    } else {
      // The source ends at a comma, a stop or a dash ("according to the Tax Policy Center - half a point of …"), not
      // at a title's full stop ("according to Mr. Rhodes.").
      const npText = (SOURCE_TEXT.exec(after)?.[0] ?? '').replace(/\s+(?:--?|[—–])\s.*$/s, '');
      const speaker =
        resolveSpeaker(ctx, npText.replace(/\.$/, ''), sentence.start + m.index + m[0].length) ??
        (verb === 'according to' ? sourceDescription(npText.replace(/\.$/, '')) : null);
      if (!speaker) continue;
      // "(the actual number is closer to 15 percent, according to Factcheck.org)": a source inside brackets
      // sources what the brackets hold.
      const bracket = after.startsWith(')', npText.length) ? lead.lastIndexOf('(') : -1;
      const dateline = bracket >= 0 ? bracket + 1 : (DATELINE.exec(lead)?.[0].length ?? 0);
      // "X, according to Y, Z": an aside set into the sentence sources what follows it as well ("Over the long term,
      // according to the budget office, the deficits will …", "because, according to Trump, the media would …").
      const resume = asideResume(after, npText.length);
      const clause = lead.slice(dateline);
      const leadCloses =
        resume === null ||
        (!/\b(?:because|since|as|and|but|or|so|that|while|if|when|although|though)[\s,]*$/i.test(clause) &&
          // (Words without their punctuation: "Politico reported, according to …" closes a clause.)
          words(clause).some(
            (w) => /^\p{Ll}/u.test(w) && (/^\p{L}+ed$/u.test(w) || hasTag(w, ...ASIDE_VERB_TAGS)),
          ));
      // "Over the long term, according to the budget office, the deficits will …", "At the heart of the trouble,
      // according to Ms. Ross, was a decision …": words before the aside that are no clause of their own (an opening
      // phrase, or the start of a clause the aside splits) are part of what the source says, read without the aside.
      // (Not a lone conjunction or adverb: "But, according to the poll, …" reports what follows.)
      const leadEnd = sentence.start + lead.replace(/[\s,—–-]+$/, '').length;
      if (
        resume !== null &&
        !leadCloses &&
        bracket < 0 &&
        !/\b(?:because|since|as|and|but|or|so|that|while|if|when|although|though|whether)[\s,]*$/i.test(
          clause,
        ) &&
        /\p{L}/u.test(clause.replace(SUBJECT_OPENER, '')) &&
        !/^(?:however|also|meanwhile|instead|still|yet|now|indeed|moreover|further|furthermore|again)$/i.test(
          clause.replace(SUBJECT_OPENER, '').replace(/[\s,]+$/, ''),
        )
      ) {
        found.push({
          npStart: sentence.start + m.index,
          verbStart: sentence.start + m.index,
          clauseStart: sentence.start + dateline,
          clauseEnd: sentence.end,
          cut: { start: leadEnd, end: sentence.start + m.index + m[0].length + resume },
          verb,
          speaker,
          open: false,
        });
        remember(ctx, speaker, sentence.start + m.index);
        continue;
      }
      if (leadCloses)
        found.push({
          npStart: sentence.start + m.index,
          verbStart: sentence.start + m.index,
          clauseStart: sentence.start + dateline,
          clauseEnd: sentence.start + lead.replace(/[\s,]+$/, '').length,
          verb,
          speaker,
          open: false,
        });
      if (resume !== null)
        found.push({
          npStart: sentence.start + m.index,
          verbStart: sentence.start + m.index,
          clauseStart: sentence.start + m.index + m[0].length + resume,
          clauseEnd: sentence.end,
          verb,
          speaker,
          open: false,
        });
      // A source in brackets is an aside: later pronouns do not point back to it.
      if (bracket < 0) remember(ctx, speaker, sentence.start + m.index);
    }
  }
  return found;
}

/**
 * A question put to someone without its asker: "Asked whether the levy would rise, Moss said …", "When asked
 * what went wrong, …", "Lind was asked if he would run.", and the topic put to someone: "Asked about the vote, Moss said
 * …", "… when asked about the merger." The question is reported speech whose speaker the article
 * does not name (null), unless it says who asked ("Asked by CNN whether …"). It ends at the comma before the main
 * clause, or for the passive at the sentence end.
 */
const OPENING_QUESTION =
  /^(?:when\s+|after\s+being\s+|once\s+)?asked(?:\s+by\s+([^,;:“"]{1,60}?))?(?:\s+\p{Ll}+ly)?(?:\s+(?:on|during|in|at|at|after|before|later|again|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b[^,;:“”"?]{0,50}?)?\s+(?=(?:whether|if|who|what|why|how|when|where|which|to|about)\s)/iu;
const PASSIVE_QUESTION =
  /(?:\b(?:(?:was|were|is|are|been|being)\s+(?:\p{Ll}+ly\s+)?|when\s+)|,\s+)asked(?:\s+by\s+([^,;:“"]{1,60}?))?\s+(?=(?:whether|if|who|what|why|how|when|where|which|about)\s|to\s+\p{Ll})/u;

/** A speech noun with its clause inside a topic: "about his claims that …", "about Trump's declaration that …". */
const CLAIM_IN_TOPIC =
  /^[^,;:]*?\b(?:claims?|declarations?|assertions?|statements?|allegations?|remarks?|comments?|suggestions?|insistence|arguments?|warnings?|promises?|pledges?|denials?|predictions?)\s+(?:that|to)\s/;

/**
 * What opens the main clause after an opening question: its subject, a name, a pronoun or a determiner. (An age set
 * off after a name, "Khan, 45,", ends the question as well: it is the name's, not the question's.)
 */
const MAIN_CLAUSE_OPENING =
  /^(?!(?:which|who|whom|whose|where|when|that|and|or|but|including|in|on|at|for|of|to|with|by)\b)(?:\p{Lu}|\d{1,3},|(?:he|she|they|we|I|it|the|a|an|his|her|their|its|our|my|this|that|these|those|some|many|most|both|all|each|no)\b)/u;

function fromQuestions(doc: Document, sentence: Sentence, ctx: SpeakerContext): Found[] {
  const text = sentence.text;
  const lead = DATELINE.exec(text)?.[0].length ?? 0;
  const opening = OPENING_QUESTION.exec(text.slice(lead));
  // PASSIVE_QUESTION is case-sensitive and spells "asked": most sentences have no "asked" to look around.
  const passive = opening || !text.includes('asked') ? null : PASSIVE_QUESTION.exec(text);
  const m = opening ?? passive;
  if (!m) return [];
  const at = (opening ? lead : 0) + m.index;
  const clauseStart = sentence.start + at + m[0].length;
  let clauseEnd = sentence.end;
  if (!opening && (/^about\s/.test(text.slice(at + m[0].length)) || /^(?:,|when\b)/.test(m[0]))) {
    // A topic ("was asked about the merger during the debate, …") is a noun phrase, and a question set off after a
    // comma ("Trump, asked about the deaths, said …"; "Ford, when asked if he would resign, said …") ends where the
    // main clause resumes: a comma, a colon or a dash ends either.
    const stop = /\s*(?:[,;:—–―]|\s--?\s)/.exec(text.slice(at + m[0].length));
    if (stop) clauseEnd = clauseStart + stop.index;
  }
  if (opening) {
    // The question ends at the comma (perhaps inside a closing mark) before the main clause: the first one before a
    // name, a pronoun or a determiner opening that clause's subject ("…, Mr. Trump said"), not one before a relative
    // clause or a phrase set into the question ("Asked whether the job, which friends called miserable, led to …",
    // "Asked why the agency ignored the demand, in the same bill, that …").
    const question = text.slice(at + m[0].length);
    let comma: RegExpExecArray | null = null;
    for (const c of allMatches(/,(?:[”"’]|'')?\s+/g, question)) {
      if (MAIN_CLAUSE_OPENING.test(question.slice(c.index + c[0].length))) {
        comma = c;
        break;
      }
    }
    comma ??= /,(?:[”"’]|'')?\s/.exec(question);
    if (!comma) return [];
    clauseEnd = clauseStart + comma.index;
  }
  // "was asked about it during the debate": a pronoun tells the reader no topic; "Asked about Trump's declaration
  // that it had been a bomb, …": a topic that holds a claim is that claim's, which the speech nouns read.
  const topic = text.slice(at + m[0].length);
  if (
    /^about\s+(?:it|them|this|that|these|those|him|her)\b/i.test(topic) ||
    (/^about\s/.test(topic) && CLAIM_IN_TOPIC.test(topic))
  )
    return [];
  const asker = m[1] ? resolveSpeaker(ctx, m[1], sentence.start + text.indexOf(m[1], at)) : null;
  return [
    {
      npStart: sentence.start + at,
      verbStart: sentence.start + at,
      clauseStart,
      clauseEnd,
      verb: 'ask',
      speaker: asker ?? UNKNOWN_SPEAKER,
      open: false,
    },
  ];
}

/** Words of a text, for the share of a sentence that sits inside quotation marks. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu;

function wordCount(text: string): number {
  return allMatches(WORD, text).length;
}

/**
 * Words before a quote that end in a verb, up to five more words and a comma or colon: "quipped, ", "Adding, ",
 * "proclaimed at a press conference, ".
 */
const INTRODUCED_BY_VERB =
  /\b(?:\p{L}+(?:ed|ing)|wrote|said|says|told|tells)(?:\s+[\p{L}’'.-]+){0,5}\s*[,:]\s*$/u;
/** A verb of naming or evaluation right before a quote: "called it “…”", "described as “…”". */
const EVALUATION_BEFORE =
  /\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|label(?:s|ed|led|ing)?|name[sd]?|naming|term(?:s|ed|ing)?|brand(?:s|ed|ing)?|describ(?:e|es|ed|ing) as)\b[^“”"]{0,40}$/i;

/** A personal pronoun subject and a verb in the past tense, nothing else, before a quote: "He offered ". */
const DEED_LEAD =
  /^(?:He|She|They|We|I)\s+(?:also\s+)?\p{Ll}+ed\s+(?:(?:his|her|their|our|my|the|a|an)\s+)?$/u;

/** A personal pronoun as a subject or an owner: what a sentence about someone opens with ("He cited …"). */
const PERSONAL_SUBJECT = /\b(?:he|she|they|we|his|her|their|our)\b/i;

/**
 * A sentence less than half quoted still carries on the speaker before it when its quoted words, several of them,
 * close it and finish a thought the reporter only leads into ('…, he said. But that is not the same as “properly
 * chargeable under the law.”'): the words before the marks name no one and open with no personal pronoun, so they
 * are not the reporter telling what someone did ('He cited the “long experience” of …').
 */
function closingFragment(
  doc: Document,
  sentence: Sentence,
  marks: Array<{ open: number; close: number | null; contentStart: number }>,
  lead: string,
  quoted: number,
  ctx: SpeakerContext,
): boolean {
  const last = marks[marks.length - 1]!;
  return (
    quoted >= 3 &&
    quoted >= wordCount(sentence.text) / 4 &&
    last.close !== null &&
    ONLY_PUNCTUATION.test(doc.body.slice(last.close + 1, sentence.end)) &&
    !PERSONAL_SUBJECT.test(doc.body.slice(sentence.start, last.open)) &&
    !ctx.index.personMentions.some((m) => m.start >= sentence.start && m.start < last.open) &&
    lead.length > 0
  );
}

/**
 * A sentence that carries on the quote before it with a quoted fragment of its own and no attribution: '“We were not
 * happy at first,” said Jock Lind. Now, “within the business community there is a sizable constituency …”', '“…,”
 * she said. “They agree with him, but they aren’t there yet” to support him.' The marks are not a direct quote (the
 * reporter's words open or close the sentence), but the words inside them are still the last speaker's, so the
 * sentence is reported speech by that speaker. Only a sentence that is mostly inside the marks counts: a scare quote
 * in the reporter's own sentence ('Critics called it “a disaster.”') is not the last speaker's.
 */
function carriedOn(
  doc: Document,
  sentence: Sentence,
  direct: DirectQuotes,
  ctx: SpeakerContext,
  previous: Quote | undefined,
): Found[] {
  if (!previous?.speaker) return [];
  const before = doc.sentences[sentence.index - 1];
  if (!before || before.paragraph !== sentence.paragraph || previous.end <= before.start) return [];
  // A line of its own (a heading in quotation marks, a reader's comment signed below) does not carry on the line
  // before it.
  if (doc.body.slice(before.end, sentence.start).includes('\n')) return [];
  const marks = doc.paragraphs[sentence.paragraph]!.marks.filter(
    (m) => m.open >= sentence.start && m.open < sentence.end,
  );
  if (marks.length === 0 || marks.some((m) => inside(direct.covered, m.open))) return [];
  // 'A flabbergasted Noah quipped, “…”', 'Adding, “…”': an attribution whose verb the rules do not list introduces the
  // quote; 'She called the plan “a crucial step”': the reporter's evaluation, not more of the last speaker's words.
  const lead = doc.body.slice(sentence.start, marks[0]!.open);
  if (INTRODUCED_BY_VERB.test(lead) || EVALUATION_BEFORE.test(lead)) return [];
  let quoted = 0;
  for (const m of marks)
    quoted += wordCount(doc.body.slice(m.contentStart, Math.min(m.contentEnd, sentence.end)));
  if (quoted < wordCount(sentence.text) / 2 && !closingFragment(doc, sentence, marks, lead, quoted, ctx))
    return [];
  // 'He offered “my thoughts and prayers.”': a pronoun and its verb before the marks are the reporter telling what
  // someone did with the quoted words, however much of the sentence they fill.
  if (DEED_LEAD.test(lead)) return [];
  return [
    {
      npStart: sentence.start,
      verbStart: sentence.start,
      clauseStart: sentence.start,
      clauseEnd: sentence.end,
      verb: previous.verb ?? 'say',
      speaker: {
        speaker: previous.speaker,
        role: previous.role,
        gender: 'unknown',
      },
      open: false,
    },
  ];
}

/**
 * The reporter's own inference after what was said ("…, which means that …", "…, meaning …") or what it aimed at
 * ("…, a swipe at …", "…, an apparent reference to …"): the clause ends before it, unless it sits inside quotation
 * marks and so is the speaker's.
 */
const WRITER_COMMENT =
  /([,;](?:[”"]|'')?)\s+(?:(?:which|this|that)\s+(?:would\s+|could\s+|will\s+)?means?|meaning|an?\s+(?:(?:apparent|veiled|thinly[\s-]veiled|clear|pointed|subtle|implicit|oblique)\s+)?(?:swipe|dig|jab|shot|reference|allusion|nod|rebuke)\s+(?:at|to)\s)/;

/**
 * The source of the whole sentence after a reported clause ("Voters said that Wall Street hurts the economy, according
 * to exit polls"): fromSourcePhrases gives it the sentence, and the clause the verb reports ends before it.
 */
const SENTENCE_SOURCE = /,\s+according\s+to\s/g;

function beforeWriterComment(body: string, from: number, end: number): number {
  const text = body.slice(from, end);
  const quotedBefore = (at: number) => (text.slice(0, at).match(/[“”"]|''/g) ?? []).length % 2 === 1;
  const m = WRITER_COMMENT.exec(text);
  // (A comment after a quote's closing mark ends the clause after that mark: '…was “a tax,” a swipe at …'.)
  const markEnd = m ? m.index + m[1]!.length : 0;
  // ("…, meaning no troops would stay, the move could …": a gloss closed by a comma is set into the clause, not after it.)
  const setInto = m !== null && !/\bmeans?\b/.test(m[0]) && /,\s/.test(text.slice(m.index + m[0].length));
  if (m && !setInto && !quotedBefore(markEnd)) return from + (markEnd > m.index + 1 ? markEnd : m.index);
  SENTENCE_SOURCE.lastIndex = 0;
  for (let b = SENTENCE_SOURCE.exec(text); b; b = SENTENCE_SOURCE.exec(text))
    if (!quotedBefore(b.index) && hasClauseVerb(words(text.slice(0, b.index)))) return from + b.index;
  return end;
}

/**
 * A paragraph that only introduces the one after it ("The governor added:", "Hewitt writes:"), set as a block
 * without quotation marks: each sentence of that next paragraph is the speaker's. One opening with a mark is a direct
 * quote, and one opening with markup ("<tweet …>") is an embed, so neither is read here.
 */
const INTRODUCING = /^(.{1,80}?)\s+(\p{Ll}+)(?:\s+[^:“”"]{1,30})?:$/u;

function introducedBlock(
  doc: Document,
  sentence: Sentence,
  direct: DirectQuotes,
  ctx: SpeakerContext,
): Found[] {
  const intro = doc.paragraphs[sentence.paragraph - 1];
  if (!intro || intro.text.length > 120 || /[“”"]/.test(intro.text)) return [];
  const m = INTRODUCING.exec(intro.text);
  const verb = m ? CLAUSE_SPEECH_VERBS.get(m[2]!) : undefined;
  if (!m || !verb || /^[<“"‘'(]/.test(sentence.text) || inside(direct.covered, sentence.start)) return [];
  const subject = subjectBefore(`${m[1]!} `, intro.start);
  const speaker = subject ? resolveSpeaker(ctx, subject.np, subject.start) : null;
  if (!subject || !speaker) return [];
  // "Later in the broadcast, Swanson praised …": a sentence that names the speaker is the reporter's, about them.
  const surname = splitSpaces(speaker.speaker).pop();
  if (surname && sentence.text.split(/[^\p{L}’'-]+/u).includes(surname)) return [];
  return [
    {
      npStart: subject.start,
      verbStart: intro.start + m[1]!.length + 1,
      clauseStart: sentence.start,
      clauseEnd: sentence.end,
      verb,
      speaker,
      open: false,
    },
  ];
}

/** A prepositional phrase alone, no clause: "In a statement", "In an interview with CBC News", "On Monday". */
const ADJUNCT_ONLY =
  /^(?:in|on|at|during|after|before|via|through|over|from|earlier|later)\s+(?:(?:a|an|the|his|her|their|its|our)\s+)?(?:[\p{L}’'-]+\s+){0,3}[\p{L}’'.-]+$/iu;

/** Finds reported speech, sentence by sentence, skipping the verbs direct quotes already used. */
export function findReportedSpeech(
  doc: Document,
  sentence: Sentence,
  tokens: Token[],
  direct: DirectQuotes,
  ctx: SpeakerContext,
  previous?: Quote,
): Quote[] {
  // (In this order: a source phrase's speaker is one a pronoun in the verbs' clauses may point to.)
  const questions = fromQuestions(doc, sentence, ctx);
  // "According to the Ledger, “…”" is a direct quote attributed by that phrase; it is not reported again.
  // (The sentence lower-cased once, for the pre-checks of source phrases and speech nouns.)
  const lower = sentence.text.toLowerCase();
  const sources = fromSourcePhrases(doc, sentence, lower, ctx).filter(
    (f) => !direct.usedVerbs.has(f.verbStart),
  );
  const verbs = fromVerbs(doc, sentence, tokens, direct, ctx);
  const others = [
    // "Lind said she was asked to give a talk": a question put to the speaker inside what they said is part of it.
    ...questions.filter((q) => !verbs.some((f) => f.clauseStart < q.npStart && f.clauseEnd > q.npStart)),
    ...sources,
    ...verbs,
  ];
  // A word read both ways ("Trump's controversial pledge to …") is the noun: drop its reading as a verb.
  const nouns = fromSpeechNouns(sentence, tokens, lower, direct, ctx, others);
  const attributed = [...others.filter((f) => !nouns.some((n) => n.verbStart === f.verbStart)), ...nouns];
  const found =
    attributed.length > 0
      ? attributed
      : [
          ...carriedOn(doc, sentence, direct, ctx, previous),
          ...introducedBlock(doc, sentence, direct, ctx),
        ].slice(0, 1);
  const quotes: Quote[] = [];
  for (const f of found) {
    // "Experts warned of fakery, arguing that …": one clause read from two different verbs is the nearer one's; the
    // farther one's words before it ("of fakery") said nothing of their own.
    if (
      found.some(
        (g) =>
          g !== f &&
          g.verb !== f.verb &&
          g.verbStart > f.verbStart &&
          g.clauseStart === f.clauseStart &&
          g.clauseEnd === f.clauseEnd,
      )
    )
      continue;
    f.clauseEnd = beforeWriterComment(doc.body, f.cut?.end ?? f.clauseStart, f.clauseEnd);
    const text = f.cut
      ? clean(`${withMarks(doc, f.clauseStart, f.cut.start)} ${withMarks(doc, f.cut.end, f.clauseEnd)}`)
      : clean(withMarks(doc, f.clauseStart, f.clauseEnd));
    if (
      f.answer
        ? text === ''
        : f.object
          ? !/\s/.test(text)
          : fewerThanThreeWords(text) &&
            !twoWordClause(text, /\bthat,?\s*$/i.test(doc.body.slice(f.verbStart, f.clauseStart))) &&
            // "Asked about Sullivan, Trump said …": a question whose topic is a name is two words long.
            !(f.verb === 'ask' && /^about\s+\p{Lu}/u.test(text))
    )
      continue;
    // "In a statement, the RCMP said:", "In an email to CBC News, the ministry said": a phrase set before the
    // attribution that says where or how it was said reports nothing.
    if (ADJUNCT_ONLY.test(text)) continue;
    quotes.push({
      kind: 'reported',
      text,
      speaker: f.speaker.speaker || null,
      role: f.speaker.role,
      verb: f.verb,
      start: f.clauseStart,
      end: f.clauseEnd,
      sentence: sentence.text,
    });
  }
  return quotes.sort((a, b) => a.start - b.start);
}
