/**
 * Direct quotes. A pair of quotation marks is a direct quote only when it stands as an utterance: introduced by a
 * colon or a speech verb, closed by its own punctuation before an attribution, or standing as a sentence of its
 * own. Scare quotes ("remote warriors"), titles of works and fragments woven into the reporter's sentence are not,
 * so they never reach `/quotes` as something a person said.
 */
import { isCommonWord, isPlaceName, resolveName, resolveOrganization } from './entities.ts';
import { POSSESSIVE_PRONOUNS, QUOTE_VERBS, hasTag, verbBaseForm } from './lexicon.ts';
import type { MarkSpan } from './quotemarks.ts';
import {
  type Document,
  type Paragraph,
  type Sentence,
  collapseSpaces,
  firstWords,
  sentenceAt,
  splitSpaces,
} from './sentences.ts';
import { type SpeakerContext, recentReferent, remember, resolveSpeaker, subjectBefore } from './speakers.ts';
import { TITLE_ABBREVIATION } from './tokens.ts';
import type { Quote } from './types.ts';
import { allMatches } from './matches.ts';

/** A direct quote with the offsets of the verb that attributed it, so reported speech does not count it again. */
export interface DirectQuotes {
  quotes: Quote[];
  /** Start offsets of the verbs used by direct-quote attributions. */
  usedVerbs: Set<number>;
  /** Spans covered by direct quotes (marks included), and by quoted copy that is no one's speech (a digest's excerpt). */
  covered: Array<{ start: number; end: number }>;
  /**
   * Direct quotes given as an example of a noun of the reporter's sentence ('says things such as, "…"'): their verb
   * and span are left to reported speech, and they give way to a reported quote that carries them.
   */
  examples: Set<Quote>;
}

interface Part {
  mark: MarkSpan;
  /** Where the quote's last mark ends (the paragraph end for an open quote). */
  end: number;
}

interface Attribution {
  np: string;
  npStart: number;
  /** Null for a signature (`― Name`), which names the speaker without a verb. */
  verb: string | null;
  verbStart: number;
  /** Read from a verb further back than the usual reach (see farVerbBefore): only for a quote of its own. */
  far?: true;
  /** A participle ("adding,") whose subject could not be read: it introduces the quote but names nobody. */
  participle?: true;
}

const WORDS = /[\p{L}\p{N}][\p{L}\p{N}’'.-]*/gu;
/** A word after which the next one is a noun, not a verb: a possessive or a determiner. */
const NOUN_BEFORE = /^(?:\p{L}+[’']s|the|a|an|his|their|its|our|my|your|these|those)$/iu;
/**
 * Whether the word at `at` in `text` follows a determiner or an owner, so a verb form there describes the noun
 * after it: "The retired general has …", "his embattled successor", "Trump’s planned wall".
 */
function describesNoun(text: string, at: number): boolean {
  return NOUN_BEFORE.test(/(\S+)\s+$/u.exec(text.slice(Math.max(0, at - 40), at))?.[1] ?? '');
}

/**
 * Whether the lower-case word at `at` in `text` cannot be its clause's verb: it describes the noun after it
 * ("his embattled successor"), or it opens brackets, an aside ("Ana Lind (left) met …").
 */
export function cannotBeClauseVerb(text: string, at: number): boolean {
  return describesNoun(text, at) || text[at - 1] === '(';
}
const DETERMINER = /^(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)$/i;
const NP_STOP =
  /^(?:when|while|after|before|who|as|in|at|on|during|because|to|of|from|with|about|and|but|later|told|earlier|referring|that)$/;

function verbBase(word: string, previous?: string, beforePrevious?: string): string | undefined {
  // Inside a sentence a capitalised word is a name, never a verb: "State spokesman Mark Toner said", "former State
  // policy planning director … wrote". (A sentence opening with its verb, "Continued Stone:", is read apart.)
  if (/^\p{Lu}/u.test(word)) return undefined;
  // After a possessive or a determiner the word is a noun: "the judge’s comments", "his remarks", "a report" ("her" is also an object: "have her ask").
  if (previous !== undefined && NOUN_BEFORE.test(previous)) return undefined;
  // So is a bare form after a determiner and a word that is not a noun: "the caustic chant", "a terse reply" (but
  // "the crowd chant", "the police say": there the word between is the subject).
  if (
    beforePrevious !== undefined &&
    previous !== undefined &&
    DETERMINER.test(beforePrevious) &&
    /^\p{Ll}+$/u.test(previous) &&
    !hasTag(previous, 'Singular', 'Plural', 'Actor', 'Noun', 'Pronoun', 'Verb', 'PastTense', 'Adverb') &&
    QUOTE_VERBS.get(word.toLowerCase()) === word.toLowerCase()
  )
    return undefined;
  const w = word.replace(/\.$/, '').toLowerCase();
  const found = QUOTE_VERBS.get(w);
  if (found || !w.endsWith('ing')) return found;
  // "saying", "adding", "writing", "admitting": the present participle of a quote verb.
  const stem = w.slice(0, -3);
  for (const base of [stem, `${stem}e`, stem.slice(0, -1)]) if (QUOTE_VERBS.get(base) === base) return base;
  return undefined;
}

/**
 * The subject of the clause a verb belongs to when the words right before the verb are not one: "Carson did not
 * mention his opponents, but told his supporters, …" is said by Carson. Reads the words before the sentence's
 * first verb, skipping verbs of a relative clause ("John Weaver, who has feuded with …, wrote") and a reduced one
 * after an opening phrase ("In a statement released Thursday, Rep. Hakeem Jeffries reacted …, saying:").
 */
export function clauseSubject(text: string, base: number): { np: string; start: number } | null {
  const relative = withoutRelatives(text);
  let skipped: { np: string; start: number } | null = null;
  for (const m of allMatches(/(?<![\p{L}’'-])\p{Ll}[\p{L}’'-]*/gu, relative)) {
    if (m.index === 0) continue;
    if (cannotBeClauseVerb(relative, m.index)) continue;
    // An infinitive ("began to chant") is not its clause's finite verb.
    if (/(?<![\p{L}’'-])to\s+$/u.test(relative.slice(Math.max(0, m.index - 4), m.index))) continue;
    // An auxiliary or a contraction ("didn’t seem") and a regular past tense ("deflected") the lexicon does not
    // list are verbs too.
    if (
      QUOTE_VERBS.has(m[0]) ||
      hasTag(m[0], 'PastTense', 'PresentTense', 'Copula', 'Modal') ||
      /n[’']t$|^(?:did|does|do|has|have|had|can|may|might|must)$|^\p{Ll}{3,}ed$/u.test(m[0])
    ) {
      const subject = subjectBefore(relative.slice(0, m.index), base);
      if (subject && OPENING_PHRASE.test(subject.np)) continue;
      // The subject of an opening clause ("In June, after Clinton suffered a concussion, Axelrod emailed …") is not
      // the sentence's: the next verb's is, when one can be read (else the clause's, as before).
      if (subject && SUBORDINATOR_BEFORE.test(text.slice(0, subject.start - base))) {
        skipped ??= subject;
        continue;
      }
      // After a skipped clause only a name, a pronoun or a description takes its place ("all she could do was").
      if (
        skipped &&
        !(
          subject &&
          (nameOrPronoun(subject.np) || /^(?:the|a|an|his|her|their|its|my|our)\s/i.test(subject.np))
        )
      )
        return skipped;
      return subject;
    }
  }
  return skipped;
}

/**
 * A word that opens a subordinate clause, right before that clause's subject. "As" only where it opens the sentence
 * ("As the crowd cheered, Lane joked"): inside one it is as often a comparison or a source ("as Lane said").
 */
const SUBORDINATOR_BEFORE =
  /\b(?:after|before|when|while|because|since|although|though|if|once|until|unless)\s+$|^\s*as\s+$/i;

/**
 * Blanks out relative clauses set off by commas (", who said last week …,") and asides between two dashes ("John
 * Dickey, the chief executive of Ora Media -- the company that … -- told me"), keeping every offset.
 */
function withoutRelatives(text: string): string {
  return text
    .replace(/,\s+(?:who|which|whose)\b[^,]*,/g, (r) => ' '.repeat(r.length))
    .replace(/\s(?:--|—|–|―)\s[^—–―]*?\s(?:--|—|–|―)(?=\s)/g, (r) => ' '.repeat(r.length));
}

/**
 * An attribution that names the source without a verb of saying, before a comma: "According to the Ledger,". The
 * name is a capitalised phrase, up to six words, or a document or source the article has named ("According to the
 * newspaper,"). "As the mayor put it in her letter," is read by asSaid.
 */
const ACCORDING_TO =
  /(?:^|[\s,(])[Aa]ccording to\s+((?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.’'-]*){0,5}(?:\s+\p{Ll}+){0,2}|the\s+(?:\p{Ll}+\s+)?\p{Ll}+),$/u;

/** "according to" and a capitalised name, up to six words, right after a quote and ending the clause. */
const ACCORDING_AFTER =
  /^\s*according to\s+((?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.’'-]*){0,5})(?=\s*(?:[,;]|[.](?:\s|$)|$))/u;

/** A phrase that opens a sentence before its subject: "In a statement", "After the vote", "Asked about it". */
const OPENING_PHRASE =
  /^(?:in|at|on|after|before|during|with|for|from|as|when|while|since|despite|although|asked|speaking|following)\b/i;

/**
 * Reads an attribution after a quote: `, Putin said.` / `said Varga when asked …` / `he adds,`. `runOn`: the quote
 * ends without punctuation of its own, so the reporter's words after it may still be part of its sentence.
 */
export function attributionAfter(text: string, base: number, runOn = false): Attribution | null {
  // '"We are ready," according to Ruth Olsen.': a named source after the quote's own comma, as before it.
  const according = ACCORDING_AFTER.exec(text);
  if (according)
    return {
      np: according[1]!,
      npStart: base + according[0].length - according[1]!.length,
      verb: 'according to',
      verbStart: base + text.indexOf('according'),
    };
  // '"We have had enough," as one striker put it.': the aside that introduces a quote may also close it.
  if (/^\s*,?\s*[Aa]s\s/.test(text)) {
    const clause = /^[^.;!?]*/.exec(text)![0].replace(/[\s,]+$/, '');
    const aside = asSaid(`${clause},`, base);
    if (aside) return aside;
  }
  // Long enough for a name with an appositive: '…," Fred Kagan, director of the Critical Threats Project at the
  // American Enterprise Institute, said.'
  const words = allMatches(WORDS, text, 24);
  for (let i = 0; i < words.length && i < 20; i++) {
    const w = words[i]!;
    const verb = verbBase(w[0], words[i - 1]?.[0]);
    if (!verb) continue;
    const gapBefore = text.slice(0, w.index);
    if (/[.!?;]/.test(gapBefore.replace(/\b(?:[A-Z][a-z]{0,3}|Const|[A-Z](?:\.[A-Z])*)\./g, ''))) return null;
    // '“We’re delighted” with the ruling, said Ana Ruiz': the reporter's words carry the sentence on past the marks
    // and the speaker follows the verb; a phrase opening on a preposition is no subject of that verb.
    const inverted =
      runOn &&
      i > 0 &&
      /,\s*$/.test(gapBefore) &&
      /^\p{Ll}/u.test(words[0]![0]) &&
      hasTag(words[0]![0], 'Preposition') &&
      /^\s+\p{Lu}/u.test(text.slice(w.index + w[0].length));
    // '…," promising the Friends of Abe will return': a participle after a quote goes on with the reporter's
    // sentence; it is no inverted attribution ("said Varga").
    if (i === 0 && /ing$/i.test(w[0])) return null;
    // '…," Olsen, asked about the vote, said.': a participle of asking set off by commas after the subject is an
    // aside; the verb of the attribution comes after it.
    if (i > 0 && /^(?:asked|pressed|questioned)$/.test(w[0]) && /,\s*$/.test(gapBefore)) continue;
    if (i === 0 || inverted) {
      // Verb first: "said Varga", "asked Sen. Rachel Dunn, a Democrat from Oregon".
      const np: string[] = [];
      let npStart = -1;
      for (let j = i + 1; j < words.length; j++) {
        const x = words[j]!;
        const gap = text.slice(words[j - 1]!.index + words[j - 1]![0].length, x.index);
        // A comma, a clause mark or a parenthetical ("Rep. Jim Clyburn (D-S.C.)") ends the name.
        if (j > i + 1 && /[,;:!?(]|\.\s/.test(gap)) break;
        if (
          j > i + 1 &&
          /\.$/.test(words[j - 1]![0]) &&
          !/^(?:[A-Z][a-z]{0,3}|Const|[A-Z](?:\.[A-Z])*)\.$/.test(words[j - 1]![0])
        )
          break;
        const word = x[0].replace(/\.$/, (d) =>
          /^(?:[A-Z][a-z]{0,3}|Const|(?:[A-Z]\.)*[A-Z])$/.test(x[0].slice(0, -1)) ? d : '',
        );
        if (NP_STOP.test(word)) break;
        if (np.length === 0) npStart = base + x.index;
        np.push(word);
        if (np.length > 8) break;
      }
      if (np.length === 0) return null;
      // 'said Rubio’s deputy campaign manager, Rich Beeson, who …', 'wrote another Twitter user, Johanna Bayer': a
      // description and, set off by a comma, the name of the one it describes; the speaker is that person.
      const last = words[i + np.length];
      const named =
        last !== undefined &&
        np.some((x, k) => k > 0 && /^\p{Ll}/u.test(x) && !/^(?:of|for|and|de|von|van)$/.test(x))
          ? APPOSITIVE_NAME.exec(text.slice(last.index + last[0].length))
          : null;
      if (named && !isPlaceName(named[1]!)) {
        const end = last!.index + last![0].length + named[0].length;
        return { np: text.slice(npStart - base, end), npStart, verb, verbStart: base + w.index };
      }
      return { np: np.join(' '), npStart, verb, verbStart: base + w.index };
    }
    const lead = leadName(text, w.index, base);
    if (lead) return { np: lead.np, npStart: lead.start, verb, verbStart: base + w.index };
    const subject = subjectBefore(text.slice(0, w.index), base);
    if (!subject) return null;
    if (splitSpaces(subject.np).length > 18) return null;
    return { np: subject.np, npStart: subject.start, verb, verbStart: base + w.index };
  }
  return longAppositiveAttribution(text, base);
}

/**
 * A person's name set off by a comma after a description: ", Rich Beeson," ", Andrew J. Pincus of …", perhaps after
 * one or two lower-case words of role (", actress Maria Lopez.", ", former aide Tom Hale,"), which are not the name.
 */
const APPOSITIVE_NAME =
  /^,\s+(?:(?!(?:and|or|but|nor|who|whom|whose|which|that|then|as|when|while|where|the|a|an|his|her|their|its)\s)\p{Ll}[\p{Ll}-]+\s+){0,2}((?:(?:Mr|Mrs|Ms|Dr|Prof|Rev|Hon|Sen|Rep|Gov|Gen|Maj|Lt|Col|Capt|Sgt|Cpl|Const|Det|Insp|Supt|Staff Sgt)\.\s+)*\p{Lu}\p{Ll}[\p{L}’'-]*(?:\s+(?:\p{Lu}\.|\p{Lu}\p{Ll}[\p{L}’'-]*)){1,3})(?=\s*(?:[,.;:!?]|$)|\s+(?:of|who|from|at|with)\b)/u;

/**
 * A name opening the clause with an appositive set off by commas before the verb: '…," Cecelia Purner, 67, a
 * retired clerk in Allentown, Pa., said', '…," Texas delegate Bill Eastland, wearing a cowboy hat and "Ted Cruz"
 * pins, said', 'Melanne Verveer, a close friend of Mrs. Clinton's who was her chief of staff, said, "…"'. The
 * appositive may hold anything (ages, places, relative clauses, quoted words, other names), so reading the subject
 * back from the verb lands inside it; the name is the phrase before the first comma. Up to six words, starting and
 * ending with a capitalised one, none of them a preposition, verb or connective ("In Iowa, …", "Meanwhile, …").
 */
function leadName(text: string, verbAt: number, base: number): { np: string; start: number } | null {
  if (!/,\s*$/.test(text.slice(0, verbAt).replace(TRAILING_ADVERBS, ''))) return null;
  const m = LEAD_NAME.exec(text);
  if (!m || m[0].length >= verbAt) return null;
  const np = m[1]!;
  const words = splitSpaces(np);
  if (OPENING_PHRASE.test(np) || CONNECTIVE.test(words[0]!)) return null;
  if (words.length === 1 && isCommonWord(np)) return null;
  if (
    words.some(
      (w) =>
        /^\p{Ll}/u.test(w) &&
        (NP_STOP.test(w) || hasTag(w, 'Verb', 'PastTense', 'Gerund', 'Preposition', 'Adverb', 'Determiner')),
    )
  )
    return null;
  // "Trump, Cruz and Rubio said": a list, not an appositive.
  if (
    /^\s*(?:and|or)\b/.test(text.slice(m[0].length)) ||
    /,\s*(?:and|or)\s[^,]*,\s*$/.test(text.slice(0, verbAt))
  )
    return null;
  return { np, start: base + m.index + m[0].indexOf(np) };
}

/** A leading name: capitalised words with initials, titles and up to two lower-case role words, then a comma. */
const LEAD_NAME =
  /^[\s,]*(\p{Lu}[\p{L}.’'-]*(?:\s+(?:\p{Lu}[\p{L}.’'-]*|\p{Ll}[\p{L}-]*)){0,5}?(?<=\p{Lu}[\p{L}.’'-]*))(?:\s*\([^)]{1,40}\))?,\s/u;
/** An initial or a short abbreviation with its dot: "E.", "Pa.", "N.C.", "Sen.". */
const ABBREVIATION = /\b(?:[A-Z][a-z]{0,3}|Const|[A-Z](?:\.[A-Z])*)\./g;
/** Adverbs and times between an appositive's closing comma and the verb: ", later said", ", on Tuesday said". */
const TRAILING_ADVERBS = /(?:\s+(?:\p{Ll}+ly|also|later|then|on\s+\p{Lu}\p{Ll}+day))+\s*$/u;

/**
 * '…," Leonard Burman, director of the Tax Policy Center and a professor at the Maxwell School of Syracuse
 * University, said.': an appositive too long for the usual reach of an attribution. Taken only in the shape a
 * leading name, its appositive and a comma before the verb, within the sentence.
 */
function longAppositiveAttribution(text: string, base: number): Attribution | null {
  const m = LEAD_NAME.exec(text);
  if (!m) return null;
  // Initials and abbreviations ("Leonard E. Burman", "Allentown, Pa.,") do not end the sentence.
  const plain = text.slice(0, 600).replace(ABBREVIATION, (a) => a.replace(/\./g, '_'));
  const end = plain.search(/[.!?;](?:\s|$)/);
  const windowText = end < 0 ? plain : plain.slice(0, end);
  for (const v of allMatches(/,\s+(?:\p{Ll}+ly\s+|also\s+|later\s+)?(\p{Ll}+)\b/gu, windowText)) {
    const verb = verbBase(v[1]!);
    if (!verb) continue;
    const at = v.index + v[0].length - v[1]!.length;
    const lead = leadName(text, at, base);
    return lead ? { np: lead.np, npStart: lead.start, verb, verbStart: base + at } : null;
  }
  return null;
}

/**
 * "As X put it," and "As X said,", the source named briefly or at length: 'As the mayor put it in her letter,', 'As
 * the LinkedIn chief executive, Jeff Weiner, put it in his memo to employees explaining the deal,', 'As Steven
 * Rosenthal, a tax lawyer at the Urban Institute, recently put it,', 'As the columnist Louella Parsons had written
 * a few years earlier,'. The words between "as" and the verb are the source (no verb among them); after the verb
 * only its complements (no clause of their own) may stand before the comma. Of a name with an appositive, the
 * speaker is the part that is a name.
 */
function asSaid(trimmed: string, base: number): Attribution | null {
  if (!/,$/.test(trimmed)) return null;
  const as = allMatches(/(?:^|[\s(])[Aa]s\s+/g, trimmed).pop();
  // Not "such as", "as well as", "just as", nor a role ("as a trial lawyer, the senator said").
  if (!as || /\b(?:such|well|just|so|same)\s*$/i.test(trimmed.slice(0, as.index + 1))) return null;
  const from = as.index + as[0].length;
  const rest = trimmed.slice(from, -1);
  const words = allMatches(WORDS, rest);
  if (words.length < 2 || /^(?:for|well|if|though|long|soon|much|far|part|of|to|such|a|an)\b/i.test(rest))
    return null;
  for (let i = 1; i < words.length && i <= 25; i++) {
    const w = words[i]!;
    const putIt = /^puts?$/.test(w[0]) && words[i + 1]?.[0] === 'it';
    // "As The Hill pointed out,": the particle follows the verb as "it" follows "put".
    const pointOut = /^point(?:s|ed)?$/.test(w[0]) && words[i + 1]?.[0] === 'out';
    const verb = putIt
      ? 'put'
      : pointOut
        ? 'point out'
        : w[0] === 'written'
          ? 'write'
          : verbBase(w[0], words[i - 1]?.[0]);
    if (!verb) {
      if (
        /^\p{Ll}/u.test(w[0]) &&
        (looksLikeVerb(w[0]) || hasTag(w[0], 'Verb', 'PastTense', 'Modal', 'Copula'))
      ) {
        // Auxiliaries and adverbs before the verb ("had written", "recently put it") belong to it.
        if (/^(?:has|had|have|once|recently|later|also)$|ly$/.test(w[0])) continue;
        return null;
      }
      continue;
    }
    if (/ing$/.test(w[0])) return null;
    const source = rest
      .slice(0, w.index)
      .replace(/(?:\s+(?:has|had|have|once|recently|later|also|\p{Ll}+ly))+\s*$/u, '')
      .replace(/[\s,]+$/, '');
    // A name, a pronoun, or a description of a few words ("As the mayor put it", "As one striker put it"), never
    // an impersonal one ("as one might say", "as you said").
    if (
      !/\p{Lu}/u.test(source) &&
      !/^(?:he|she|they|we)$/i.test(source) &&
      !/^(?:the|a|an|one|another|his|her|their|its|our)\s+\p{Ll}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*){0,3}$/u.test(
        source.split(',')[0]!,
      )
    )
      return null;
    if (/\b(?:who|whom|whose|which|that|like|including)\b/.test(source)) return null;
    const tail = rest.slice(w.index + w[0].length + (putIt ? 3 : pointOut ? 4 : 0));
    if (tail.length > 70 || /[“”"]|''|[;:!?]/.test(tail)) return null;
    // Participles may stand among the complements ("As she put it, speaking to donors,").
    if (!complementsOnly(allMatches(WORDS, tail).filter((x) => !/ing$/.test(x[0])))) return null;
    const parts = source.split(/,\s*/).filter(Boolean);
    const name =
      parts.length > 1
        ? (parts.find((p) => splitSpaces(p).every((x) => /^\p{Lu}/u.test(x))) ?? parts[0]!)
        : source;
    return {
      np: name,
      npStart: base + from + rest.indexOf(name),
      verb,
      verbStart: base + from + w.index,
    };
  }
  return null;
}

/** Verbs that answer with "back" ("Hillary shot back,", "Trump fired back,"), by the form written. */
const BACK_VERBS: ReadonlyMap<string, string> = new Map(
  [
    ['shot', 'shoot'],
    ['shoots', 'shoot'],
    ['fired', 'fire'],
    ['fires', 'fire'],
    ['hit', 'hit'],
    ['hits', 'hit'],
    ['snapped', 'snap'],
    ['snaps', 'snap'],
    ['wrote', 'write'],
    ['writes', 'write'],
  ].map(([form, base]) => [form!, `${base} back`]),
);

/** A verb of issuing and a statement or message, with a few words of place or time, before a comma. */
const ISSUED =
  /\s(issued|released|posted|sent|shared|published|tweeted|emailed)\s+(?:a|an|the|his|her|their|its)\s+(?:[\p{Ll}-]+\s+){0,2}(?:statement|message|tweet|post|memo|letter|e-?mail|note|response|reply)\b[^,“”"]{0,60},$/u;

/** A preposition and up to four words of its noun phrase before "state": "in her economically depressed ". */
const STATE_IN_PHRASE = /\b(?:in|of|across|throughout|from|around|for)\s+(?:[\p{L}’'-]+\s+){1,4}$/u;

/** Reads an attribution before a quote: `Markova’s spokesman, Pavel Dudek, said:` / `He added:`. */
export function attributionBefore(text: string, base: number): Attribution | null {
  const trimmed = text.replace(/\s+$/, '');
  if (!/[:,]$/.test(trimmed) && !verbBase(splitSpaces(trimmed).pop() ?? '')) return null;
  const according = ACCORDING_TO.exec(trimmed);
  if (according) {
    const np = according[1]!;
    const npStart = base + according.index + according[0].indexOf(np);
    const verbAt = according.index + according[0].toLowerCase().indexOf('according');
    return { np, npStart, verb: 'according to', verbStart: base + verbAt };
  }
  // "Adding, “…”", "Continuing: “…”": a participle of saying that opens its sentence carries on the speaker before.
  const opening = /^\s*(\p{Lu}\p{Ll}+ing)[,:]$/u.exec(trimmed);
  const openingVerb = opening ? verbBase(opening[1]!.toLowerCase()) : undefined;
  if (opening && openingVerb)
    return { np: '', npStart: -1, verb: openingVerb, verbStart: base + opening.index, participle: true };
  const passive = PASSIVE_AGENT.exec(trimmed);
  if (passive) {
    const np = passive[2]!;
    const verbAt = passive.index + passive[0].indexOf(passive[1]!);
    const npStart = base + verbAt + passive[0].slice(passive[0].indexOf(passive[1]!)).indexOf(np);
    return { np, npStart, verb: verbBase(passive[1]!) ?? 'ask', verbStart: base + verbAt };
  }
  const as = asSaid(trimmed, base);
  if (as) return as;
  // "Trump issued a statement, “…”", "Olsen posted a message on her page, “…”": a document or message named
  // right before the quote introduces it as a verb of saying does; its sender is the subject.
  const issued = ISSUED.exec(trimmed);
  if (issued) {
    const verbAt = issued.index + issued[0].indexOf(issued[1]!);
    const subject = subjectBefore(text.slice(0, verbAt), base);
    if (subject && nameOrPronoun(subject.np))
      return { np: subject.np, npStart: subject.start, verb: 'say', verbStart: base + verbAt };
  }
  const words = allMatches(WORDS, trimmed);
  // The verb first and the speaker after it, opening the sentence: "Continued Stone:", "Added Sen. Rachel Dunn:".
  // A comma may end it too, after an appositive: "Said Ann Cole, who ran the shelter for years,".
  // So after an opening phrase and its comma: "In other words, explained moderator Dana Reyes:".
  const inverted =
    /^\s*\p{Lu}[^,“”":]{0,30},\s*(\p{L}\p{Ll}+)\s+(?:[\p{L}.’'-]+\s+){0,3}?(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})(?:,\s[^“”"]*)?:$/u.exec(
      trimmed,
    ) ??
    /^\s*(\p{Lu}\p{Ll}+)\s+(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})(?:,\s[^“”"]*)?[:,]$/u.exec(
      trimmed,
    );
  const invertedVerb = inverted ? verbBase(inverted[1]!.toLowerCase()) : undefined;
  if (inverted && invertedVerb && /(?:ed|s)$|^(?:[Ss]aid|[Tt]old|[Ww]rote)$/.test(inverted[1]!)) {
    const at = text.indexOf(inverted[2]!);
    return {
      np: inverted[2]!,
      npStart: base + at,
      verb: invertedVerb,
      verbStart: base + text.indexOf(inverted[1]!),
    };
  }
  for (let i = words.length - 1; i >= 0 && i >= words.length - 6; i--) {
    const back = words[i]![0] === 'back' && i > 0 ? BACK_VERBS.get(words[i - 1]![0]) : undefined;
    const w = back ? words[i - 1]! : words[i]!;
    const verb = back ?? verbBase(w[0], words[i - 1]?.[0], words[i - 2]?.[0]);
    if (!verb) continue;
    // "in her rural state, “…”": after a preposition and its noun phrase, "state" is the noun, not a verb
    // introducing the quote.
    if (w[0] === 'state' && STATE_IN_PHRASE.test(text.slice(0, w.index))) continue;
    // A participle after a comma ("…, saying,") speaks for the clause's subject, not for the words before it; so
    // does one right after an earlier quote ('on “Morning Edition,” adding,') and one joined on by "and" or "while"
    // ('… and telling the class of 2014,', 'insisted it was “premature” … while adding on climate change,').
    // So does one right after a phrase of place, time or medium, with no comma ('responded to the question on
    // Facebook writing, "…"', 'took to Twitter Monday saying, "…"'); after a name or an object ('footage of Trump
    // saying, "…"', 'quoted Sayyari saying, "…"') the participle is that person's.
    const withName = /ing$/i.test(w[0]) ? withSubject(text.slice(0, w.index), base) : null;
    const participle =
      withName !== null ||
      (/ing$/i.test(w[0]) &&
        /(?:^|,|(?:^|\s)(?:and|while|also|then)|\s(?:on|in|at|to|via|during|through|from|over)\s+(?:(?!of\s)[\p{L}\d’'.-]+\s+){1,3})\s*$/u.test(
          text.slice(0, w.index),
        ));
    const lead = participle ? null : leadName(text, w.index, base);
    const prefix = text.slice(0, w.index);
    // "Ms. Ortiz smiled and said,": the subject of the first of two joined verbs.
    const joined = /\s\p{Ll}+\s+and\s+$/u.exec(prefix);
    const subject =
      lead ??
      (participle
        ? (withName ?? saidBefore(prefix, base) ?? clauseSubject(prefix, base))
        : // 'The debate was so dull that Mr. Cruz had to say,', '…, and Lind went on to say,': a verb of saying in
          // the infinitive is said by the subject of the clause that governs it, right before that clause's verb.
          (infinitiveSubject(prefix, base) ??
          subjectBefore(prefix, base) ??
          subjectAfterAside(prefix, base) ??
          subjectAfterSubordinator(prefix, base) ??
          clauseSubject(prefix, base) ??
          subjectBefore(withoutRelatives(prefix), base) ??
          (joined ? subjectBefore(prefix.slice(0, joined.index + 1), base) : null)));
    if (!subject) {
      // "Another official close to the talks said, “…”": a verb of saying and a comma right before the marks
      // introduce the quote even when the resolver cannot read a name in the subject; the speaker stays unknown
      // rather than borrowed from the quote before.
      // So does a participle whose subject the resolver cannot read ('…, even a top strategist said …, saying,
      // "…"', 'and, when questioned after the debate, asserting, "…"', 'telling her, "…"'), when only its
      // complements stand between it and the comma.
      const introduces =
        /,$/.test(trimmed) && (i === words.length - 1 || (participle && complementsOnly(words.slice(i + 1))));
      if (!introduces) return null;
      return participle
        ? { np: '', npStart: -1, verb, verbStart: base + w.index, participle: true }
        : { np: '', npStart: -1, verb, verbStart: base + w.index };
    }
    return { np: subject.np, npStart: subject.start, verb, verbStart: base + w.index };
  }
  return /,$/.test(trimmed) ? farVerbBefore(text, words, base) : null;
}

/** A name, perhaps after an abbreviated title: "Coun. Waye Mason", "Mr. Kamin". */
const NAME_WORDS = String.raw`(?:(?:${TITLE_ABBREVIATION})\.\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}`;
/**
 * The subject of a verb that governs an infinitive of saying, opening the clause right before it: 'that Mr. Cruz
 * had to ', ', and Lind went on to ', 'so Ortiz was quick to '. Not one whose verb asks or wants the saying of
 * someone else or leaves it undone ('asked Lind to ', 'refused to ').
 */
const INFINITIVE_SUBJECT = new RegExp(
  String.raw`(?:^\s*|[,;]\s+|\b(?:that|and|but|so|when|after|while|because|until|before|then)\s+)((?!(?:The|A|An|This|That|These|Those|His|Her|Its|Their|Our|My|It)\s)${NAME_WORDS}|he|she|they|we|I)\s+((?:\p{Ll}+\s+){1,4})to\s+$`,
  'u',
);
const NOT_SAYING_YET =
  /\b(?:ask|asked|asks|urge|urged|urges|want|wanted|wants|refuse|refused|refuses|decline|declined|declines|not|never|try|tried|tries|expect|expected|expects|plan|plans|planned|hope|hoped|hopes|going|about|need|needs|needed)\b/;

function infinitiveSubject(prefix: string, base: number): { np: string; start: number } | null {
  const m = INFINITIVE_SUBJECT.exec(prefix);
  if (!m || NOT_SAYING_YET.test(m[2]!)) return null;
  return groupAt(m, base);
}

/**
 * A passive verb of asking or telling and its agent, by name, right before a quote ('Sanders was asked by host Bill
 * Maher, who backs him, “…?”', 'She was told by Dr. Ruiz, “…”'): the quote is the agent's words, not the subject's.
 */
const PASSIVE_AGENT = new RegExp(
  String.raw`\b(?:was|were|is|are|been|being)\s+(asked|questioned|told)\s+by\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:\p{Ll}+\s+){0,2}?(${NAME_WORDS})(?:,\s+(?:who|whom)\s[^“”":;]*)?,$`,
  'u',
);
/**
 * The subject "with" gives a participle, not the sentence's: '…, with Trump reportedly yelling: "…"', 'Republicans
 * were quick to chime in, with Donald Trump tweeting that it was a "disaster" and asking, "…"'. A name or a pronoun
 * right after "with", then the participle (this one, or one this one is joined to by "and").
 */
const WITH_SUBJECT = new RegExp(
  String.raw`(?:^|[\s,(])with\s+(${NAME_WORDS}|he|she|they)\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}+ing\b[^;:“”"]*\sand\s+)?$`,
  'u',
);

function withSubject(prefix: string, base: number): { np: string; start: number } | null {
  const m = WITH_SUBJECT.exec(prefix);
  if (!m) return null;
  return { np: m[1]!, start: base + m.index + m[0].indexOf(m[1]!, m[0].indexOf('with') + 4) };
}

/**
 * The subject of a verb of saying when an aside of the reporter's stands between them: 'after Mr. Trump, asked
 * about the deaths of journalists, had said,' (a participle of asking set off by commas), read with the aside
 * blanked out, so the clause's subject is not taken from further back ("The issue had come up … after …").
 */
function subjectAfterAside(prefix: string, base: number): { np: string; start: number } | null {
  const blanked = prefix.replace(ASIDE, (r) => ' '.repeat(r.length));
  if (blanked === prefix) return null;
  return subjectFrom(blanked, base, Math.max(0, lastClauseStart(blanked)));
}
const SUBORDINATOR = /\b(?:after|when|while|because|that|before|since|once|until|although|though|if|as)\s+/gi;

/**
 * The subject of a verb of saying in a subordinate clause: 'Her best line came when she said,', 'the debate was so
 * dull that Mr. Trump was moved to say,'. The clause opens at the last subordinator before the verb, and its
 * subject, a name or a pronoun, is the speaker, not the main clause's subject.
 */
function subjectAfterSubordinator(prefix: string, base: number): { np: string; start: number } | null {
  const from = lastClauseStart(prefix);
  return from < 0 ? null : subjectFrom(prefix, base, from);
}

/** Where the clause a verb at the end of `text` belongs to opens: after the last subordinator ("after Mr. Trump …"), or -1. */
function lastClauseStart(text: string): number {
  let from = -1;
  for (const m of allMatches(SUBORDINATOR, text)) from = m.index + m[0].length;
  return from;
}

/** The subject at the end of `text` read from `from`, when it is a name or a pronoun. */
function subjectFrom(text: string, base: number, from: number): { np: string; start: number } | null {
  const subject = subjectBefore(text.slice(from), base + from);
  return subject && nameOrPronoun(subject.np) ? subject : null;
}

/** An attribution by name alone, with no verb of saying (a signature, an outlet, the one holding a sign). */
function byName(np: string, npStart: number): Attribution {
  return { np, npStart, verb: null, verbStart: -1 };
}
const ASIDE =
  /,\s+(?:asked|pressed|questioned|interviewed|reached|contacted|speaking|responding|writing)\b[^,“”"]*,/g;

/**
 * A verb of saying further back than the last six words, when what follows it up to the quote is only its
 * complements: 'John Bolton told Breitbart News Daily SiriusXM host Matt Boyle, "…"', 'Johnson said in an op-ed
 * piece before a 2014 Senate hearing, "…"', 'Clinton said on Twitter on Monday, in reference to her first child, a
 * girl born in 2014, "…"'. Nothing between the verb and the quote may be a clause of its own: no finite verb, no
 * "that" or other word that opens one, no sentence end.
 */
function farVerbBefore(text: string, words: RegExpExecArray[], base: number): Attribution | null {
  // A clause of time set off by commas right before the quote is an aside, not a clause the quote finishes ('said in
  // the spring, when the story broke, "…"'): its words are not read for a verb of their own.
  const aside = TIME_ASIDE.exec(text)?.index ?? text.length;
  for (let i = words.length - 7; i >= 0 && i >= words.length - 30; i--) {
    const w = words[i]!;
    const verb = verbBase(w[0], words[i - 1]?.[0]);
    if (!verb || /ing$/i.test(w[0])) continue;
    const between = text.slice(w.index + w[0].length);
    if (/[“”"]|''|[;:!?]/.test(between) || /[.](?:\s|$)/.test(between.replace(ABBREVIATION, ''))) return null;
    // ('told the mayors who gathered in the capital, "…"': a relative clause of the ones told, its one verb right
    // after "who", is a complement too.)
    let relativeVerb = false;
    for (const x of words.slice(i + 1)) {
      const word = x[0];
      if (!/^\p{Ll}/u.test(word) || x.index > aside) continue;
      if (relativeVerb) {
        relativeVerb = false;
        if (hasTag(word, 'PastTense', 'PresentTense') && !hasTag(word, 'Copula', 'Modal')) continue;
        return null;
      }
      if (
        verb === 'tell' &&
        /^who$/.test(word) &&
        x !== words[i + 1] &&
        !text.slice(w.index, x.index).includes(',')
      ) {
        relativeVerb = true;
        continue;
      }
      if (
        CLAUSE_OPENER.test(word) ||
        verbBase(word) ||
        hasTag(word, 'PastTense', 'PresentTense', 'Copula', 'Modal')
      )
        return null;
    }
    const subject =
      leadName(text, w.index, base) ??
      subjectBefore(text.slice(0, w.index), base) ??
      clauseSubject(text.slice(0, w.index), base);
    if (!subject) return null;
    return { np: subject.np, npStart: subject.start, verb, verbStart: base + w.index, far: true };
  }
  return null;
}

/** A clause of time set off by commas at the end of the words before a quote: ', when the story broke,'. */
const TIME_ASIDE = /,\s*(?:when|after|before|while|once|since|until)\s[^,“”"]*,\s*$/i;

/** Whether words after a verb are only its complements: no finite verb, no word that opens a clause. */
function complementsOnly(words: RegExpExecArray[]): boolean {
  return words.every(
    (x) =>
      !/^\p{Ll}/u.test(x[0]) ||
      !(
        CLAUSE_OPENER.test(x[0]) ||
        verbBase(x[0]) ||
        hasTag(x[0], 'PastTense', 'PresentTense', 'Copula', 'Modal')
      ),
  );
}

/** Words that open a clause of their own between a verb and a quote. */
const CLAUSE_OPENER =
  /^(?:that|whether|if|how|what|why|who|whom|which|whose|because|but|when|where|while|although|though|and|or|so|than|unless)$/;

/** What may follow the verb of a bare attribution: its end, a particle, or a phrase of time, manner or place. */
const VERB_TAIL = String.raw`(?:\s+(?:back|out|on|up|in|again))?(?=\s*(?:$|[.,;!?])|\s+(?:with|as|to|in|at|after|before|while|during|from|on|into|over|about|then|later|reporters|journalists|\p{Ll}+ly)\b)`;
const LOOSE_SUBJECT_FIRST = new RegExp(
  String.raw`^\s*(${NAME_WORDS}|he|she)\s+(\p{Ll}{3,})${VERB_TAIL}`,
  'u',
);
const LOOSE_VERB_FIRST = new RegExp(
  String.raw`^\s*(\p{Ll}{3,}(?:ed|s))\s+(${NAME_WORDS})(?=\s*(?:$|[.,;!?(])|\s+of\s)`,
  'u',
);

/**
 * The speaker of an attribution set after the reporter's clause, right before a participle: 'The vote was close,
 * he said, adding,', 'Ryan and Trump will meet next week, Spicer said, adding,'. The participle is the attribution's,
 * not the subject's of the clause reported before it.
 */
function saidBefore(prefix: string, base: number): { np: string; start: number } | null {
  const m = SAID_BEFORE.exec(prefix);
  if (!m || !verbBase(m[2]!)) return null;
  return groupAt(m, base);
}

const SAID_BEFORE = new RegExp(
  String.raw`,\s*(${NAME_WORDS}|he|she|they)\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)(?:\s+[^,“”"]{1,40})?\s*,\s*$`,
  'u',
);

/** The text of a match's first group and where it stands: `base` is the offset of the text matched. */
function groupAt(m: RegExpExecArray, base: number): { np: string; start: number } {
  return { np: m[1]!, start: base + m.index + m[0].indexOf(m[1]!) };
}

function looksLikeVerb(word: string): boolean {
  return (
    // "its", "this", "across", "always", "unless" end like a verb and are none.
    (/^\p{Ll}+(?:ed|s)$/u.test(word) &&
      !hasTag(
        word,
        'Possessive',
        'Pronoun',
        'Determiner',
        'Preposition',
        'Adverb',
        'Conjunction',
        'Condition',
      )) ||
    hasTag(word, 'PastTense', 'PresentTense')
  );
}

/**
 * An attribution whose verb the lexicon does not list, right after a quote that ends on its own punctuation: '…,”
 * Oliver barked.', '…,” Bozell points out.', '…,” Trump shot back with a laugh.', '“…!” beamed Donald Hartley of
 * Madison', and in the present tense a feature writes in, '…,” agrees Ana Lind, 30, of Salem'. Only a person the article already names (or "he"/"she") counts, and nothing but the attribution may
 * follow the verb, so a new sentence about that person ("Trump ordered a review") is not read as one.
 */
function looseAttributionAfter(ctx: SpeakerContext, text: string, base: number): Attribution | null {
  const known = (np: string, at: number) =>
    /^(?:he|she)$/.test(np) || resolveName(ctx.index, np, at) !== null;
  const subjectFirst = LOOSE_SUBJECT_FIRST.exec(text);
  if (subjectFirst && looksLikeVerb(subjectFirst[2]!)) {
    const npStart = base + text.indexOf(subjectFirst[1]!);
    if (known(subjectFirst[1]!, npStart)) {
      const verbStart = base + subjectFirst.index + subjectFirst[0].lastIndexOf(subjectFirst[2]!);
      return { np: subjectFirst[1]!, npStart, verb: verbBaseForm(subjectFirst[2]!), verbStart };
    }
  }
  const verbFirst = LOOSE_VERB_FIRST.exec(text);
  if (verbFirst) {
    const npStart = base + verbFirst.index + verbFirst[0].lastIndexOf(verbFirst[2]!);
    if (known(verbFirst[2]!, npStart))
      return {
        np: verbFirst[2]!,
        npStart,
        verb: verbBaseForm(verbFirst[1]!),
        verbStart: base + text.indexOf(verbFirst[1]!),
      };
  }
  return null;
}

/** A name ("Eva Lind", "the Illinois Board of Elections", "Mark Mahaney, analyst at …") or "he"/"she". */
function nameOrPronoun(np: string): boolean {
  const head = (np.split(',')[0] ?? '').trim().replace(/^the\s+/i, '');
  return (
    /^(?:he|she)$/.test(head) ||
    (head !== '' &&
      splitSpaces(head).every((w) => /^\p{Lu}/u.test(w) || /^(?:of|for|and|de|al|von|van)$/.test(w)))
  );
}

/**
 * The speaker of a quote a colon introduces when no listed verb of saying does: '… Rubio fired back forcefully:',
 * 'Eva Lind posted:', 'Trump gestured …, then leaned in and boomed:'. The subject of the last verb before the
 * colon, else the subject that opens the sentence (not one inside an opening clause: 'When Trump suggested …,
 * Rubio fired back:' is Rubio's), when it is a name or a pronoun.
 */
function colonSubject(text: string, base: number): { np: string; start: number } | null {
  // 'Turnout beat the forecasts - Hale Research:': a name set after a dash at the end of the reporter's line is a
  // label naming whose words follow, not a subject in the line before it.
  const label = DASH_LABEL.exec(text);
  if (label) return groupAt(label, base);
  const participle = /(?<![\p{L}’'-])\p{Ll}+ing\s*$/u.exec(text);
  const withName = participle ? withSubject(text.slice(0, participle.index), base) : null;
  if (withName) return withName;
  const according =
    /\baccording to\s+((?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,4})\s*$/iu.exec(text);
  if (according) return groupAt(according, base);
  const words = allMatches(/(?<![\p{L}’'-])\p{Ll}[\p{L}’'-]*/gu, text)
    .slice(-6)
    .reverse();
  for (const w of words) {
    if (!(QUOTE_VERBS.has(w[0]) || looksLikeVerb(w[0]))) continue;
    // 'was conclusive in its findings:': a word after a determiner or an owner is a noun, not the clause's verb.
    if (cannotBeClauseVerb(text, w.index)) continue;
    const subject = subjectBefore(text.slice(0, w.index), base);
    if (subject) return named(subject.np) ? subject : null;
    break;
  }
  const subject = clauseSubject(text, base);
  const lead = text.length - text.trimStart().length;
  // The subject opens the sentence, or follows the description its name is set off from ('One early supporter,').
  const opening = subject ? text.slice(lead, subject.start - base) : '';
  if (subject)
    return (opening === '' || DESCRIPTION_FIRST.test(opening)) && named(subject.np) ? subject : null;
  return speakerLabel(text, base);
}

/** A dash and a name of one to four capitalised words ending a line before its colon: " - Hale Research". */
const DASH_LABEL = /(?:\s(?:--?|[—–―])|[—–―])\s*(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})\s*$/u;

/** "From Lind's Facebook post", "In Lind's latest statement": a post or document and the name that owns it. */
const OWNED_DOCUMENT =
  /(?:^|\s)(?:[Ff]rom|[Ii]n)\s+((?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*)[’']s\s+(?:[\p{L}-]+\s+){0,2}(?:post|posting|tweet|account|page|feed|blog|website|statement|letter|speech|remarks|memo|email|e-mail)\s*$/u;
const DESCRIPTION_FIRST =
  /^(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?(?:\p{Ll}[\p{L}’'-]*\s+){0,3}\p{Ll}[\p{L}’'-]*,\s*$/u;

/**
 * A name or a pronoun, or a description with the name of the one it describes set off by commas ('One early
 * supporter, Representative Lee Zeldin, Republican of New York,'): the speaker resolver takes the name from it.
 */
function named(np: string): boolean {
  return (
    nameOrPronoun(np) ||
    np
      .split(',')
      .slice(1)
      .some((part) => part.trim().includes(' ') && nameOrPronoun(part))
  );
}

/**
 * A line of an exchange set as a label before the colon, with no verb at all: 'Rep. Trey Gowdy (R-S.C.):"…"',
 * 'Former secretary of state Hillary Rodham Clinton: "…"'. The speaker is the name of two to four capitalised words
 * that ends the label (a party and state in brackets may follow it).
 */
function speakerLabel(text: string, base: number): { np: string; start: number } | null {
  const m = SPEAKER_LINE.exec(text);
  if (!m) return null;
  // No verb among the words before the name ("secretary of state" is a title: a word after "of" is a noun).
  const words = text
    .slice(0, m.index + m[0].indexOf(m[1]!))
    .split(/\s+/)
    .filter(Boolean);
  const verb = (w: string, i: number) =>
    /^\p{Ll}/u.test(w) &&
    !/^(?:of|the|a|an)$/i.test(words[i - 1] ?? '') &&
    (QUOTE_VERBS.has(w) || looksLikeVerb(w) || hasTag(w, 'Verb'));
  if (words.some(verb)) return null;
  return groupAt(m, base);
}

const SPEAKER_LINE = new RegExp(
  String.raw`^\s*(?:[\p{L}.’'-]+\s+){0,6}?((?:(?:${TITLE_ABBREVIATION})\.\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){1,3})(?:\s*\([^()]{1,20}\))?\s*$`,
  'u',
);

/** A bare attribution sentence: nothing after its verb but a particle, a time, a manner or a place. */
const BARE_ATTRIBUTION_END = new RegExp(String.raw`^[\p{L}’'-]*${VERB_TAIL}`, 'u');

/**
 * The attribution of a quote that closes a sentence on a question or exclamation mark: the sentence splitter ends a
 * sentence at '?”' before a capital, so '“Have we finished?” Keller asked.' leaves the attribution in the next
 * sentence. Taken only when that sentence opens with the attribution and holds nothing else.
 */
function attributionInNextSentence(
  doc: Document,
  ctx: SpeakerContext,
  sentenceIndex: number,
  from: number,
  limit: number,
  closedWithStop: boolean,
): Attribution | null {
  const next = doc.sentences[sentenceIndex + 1];
  const current = doc.sentences[sentenceIndex];
  if (!next || !current || next.paragraph !== current.paragraph) return null;
  if (!/^\s*$/.test(doc.body.slice(from, next.start))) return null;
  // A quote closed by a full stop is usually finished: only a listed verb of saying on the same line attributes it
  // ('“…people…” Clinton said.'), not a reaction ('“…Congress is.”¶Rubio disagreed.').
  if (closedWithStop && /\n/.test(doc.body.slice(from, next.start))) return null;
  // A sentence that introduces a quote of its own ('Mills then writes back, “…”') is not this one's attribution.
  if (limit < next.end) return null;
  const end = next.end;
  const text = doc.body.slice(next.start, end);
  const found =
    attributionAfter(text, next.start) ??
    (closedWithStop ? null : looseAttributionAfter(ctx, text, next.start));
  if (!found || found.verb === null || Math.min(found.npStart, found.verbStart) !== next.start) return null;
  const rest = doc.body.slice(found.verbStart, end);
  // "asked the real estate mogul.": the one asked or told, with no clause of its own after it.
  const listener =
    (found.verb === 'ask' || found.verb === 'tell') &&
    /^\S+\s+[^.,;:!?]{1,40}[.!?]?$/.test(rest.trim()) &&
    !/\b(?:that|whether|if|how|what|why|to|is|are|was|were|would|will|had|has|could|should)\b/.test(rest);
  return listener || BARE_ATTRIBUTION_END.test(rest) ? found : null;
}

/**
 * The last whole sentence of `paragraph` in body[from, to), or null. Found from the end by a binary search: a scan
 * from the article's first sentence grew with its length.
 */
function lastSentenceBetween(doc: Document, from: number, to: number, paragraph: number): Sentence | null {
  const sentences = doc.sentences;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start < to) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && sentences[k]!.start >= from; k--) {
    const s = sentences[k]!;
    if (s.end <= to && s.paragraph === paragraph) return s;
  }
  return null;
}

/** An opening phrase naming a programme in marks: 'On "Face the Nation,"', "In ''Meet the Press,''". */
const ON_SHOW = /^\s*(?:On|In|During)\s+(?:“[^“”"]{1,40}”|"[^“”"]{1,40}"|''[^'“”"]{1,40}'')\s*,?\s*/u;
/**
 * The subject of `last`, the last whole sentence before a quote with no attribution (see lastSentenceBetween), when
 * it is a person the article names: the copy has turned to that person, so the quote is theirs rather than the
 * previous quote's speaker's.
 */
function namedSubjectOf(
  doc: Document,
  ctx: SpeakerContext,
  last: Sentence,
): ReturnType<typeof resolveSpeaker> {
  let text = doc.body.slice(last.start, last.end);
  let start = last.start;
  // 'On "Face the Nation," Sen. Ana Lind …': a programme's title in an opening phrase of place is not a quote.
  const onShow = ON_SHOW.exec(text);
  if (onShow) {
    text = text.slice(onShow[0].length);
    start += onShow[0].length;
  }
  if (/[“”"]|''/.test(text)) return null;
  const subject = clauseSubject(text, start);
  if (!subject) return null;
  // Only a name: "He didn't suggest retaliation." goes on about the one just quoted. An organisation the article
  // names counts too: "The foundation describes itself this way:" before its own words.
  // A party, a state or an age in brackets after the name ("Sen. Ana Lind (D-Ore.)") is no part of it.
  const np = subject.np
    .split(',')[0]!
    .replace(/\s*\([^()]*\)/g, '')
    .trim();
  if (resolveName(ctx.index, np, subject.start) === null && resolveOrganization(ctx.index, np) === null)
    return null;
  return resolveSpeaker(ctx, np, subject.start);
}

/**
 * Who a sentence opened by a participle of saying ("Adding, “…”") carries on: the one quoted in the sentence before,
 * else that sentence's subject when it names someone.
 */
function speakerCarriedOn(
  doc: Document,
  ctx: SpeakerContext,
  sentence: Sentence,
  previous: { quote: Quote; sentence: number } | null,
): ReturnType<typeof resolveSpeaker> {
  if (previous && previous.sentence === sentence.index - 1)
    return previous.quote.speaker === null
      ? null
      : { speaker: previous.quote.speaker, role: previous.quote.role, gender: 'unknown' };
  const before = doc.sentences[sentence.index - 1];
  if (!before || before.paragraph !== sentence.paragraph) return null;
  const subject = clauseSubject(doc.body.slice(before.start, before.end), before.start);
  return subject && nameOrPronoun(subject.np) ? resolveSpeaker(ctx, subject.np, subject.start) : null;
}

/**
 * The speaker of a quote that opens its paragraph after a paragraph ending in a colon: 'In a statement, the RCMP
 * said:¶"Two people …"', 'Health Canada said in a statement:¶"…"'. The subject of that colon's clause, a name or a
 * pronoun, as for a colon before a quote in the same paragraph; the person quoted last is no one's guess here.
 */
function introducedBefore(
  doc: Document,
  ctx: SpeakerContext,
  paragraph: Paragraph,
  open: number,
): ReturnType<typeof resolveSpeaker> {
  const before = doc.paragraphs[paragraph.index - 1];
  if (!before || !/:\s*$/.test(before.text) || doc.body.slice(paragraph.start, open).trim() !== '')
    return null;
  const last = sentenceAt(doc, before.end - 1);
  if (!last) return null;
  let text = doc.body.slice(last.start, last.end).replace(/:\s*$/, '');
  if (/[“”"]/.test(text)) return null;
  // "Stated Stone:", "Added the minister:": the verb before its subject.
  const inverted = /^\s*(\p{Lu}\p{Ll}+)\s+(?=\S)/u.exec(text);
  const offset = inverted && QUOTE_VERBS.has(inverted[1]!.toLowerCase()) ? inverted[0].length : 0;
  text = text.slice(offset);
  const bare = offset > 0 && /^(?:(?:the\s+)?\p{Lu}[\p{L}.’'-]*\s*){1,4}$/u.test(text.trim());
  const subject = bare
    ? { np: text.trim(), start: last.start + offset }
    : colonSubject(text, last.start + offset);
  return subject ? resolveSpeaker(ctx, subject.np, subject.start) : null;
}

/**
 * The speaker named by an attribution that ends `last`, the last whole sentence before a quote with no attribution
 * ('Obama “felt a moral obligation to act” on climate, Axelrod said.'): the quote carries on what that speaker
 * said, whoever the sentence is about.
 */
function speakerEndingSentence(
  doc: Document,
  ctx: SpeakerContext,
  last: Sentence,
): ReturnType<typeof resolveSpeaker> {
  const text = doc.body.slice(last.start, last.end);
  // '…," said Victor Hale, who served under President Ruiz.': a relative clause on the speaker closes the sentence;
  // the attribution is before its comma.
  const relative = /,\s*(?:who|whose)\s[^,“”"]*$/.exec(text);
  const comma = text.lastIndexOf(',', relative ? relative.index - 1 : text.length);
  if (comma < 0) return null;
  const lead = /^\s*(?:[”"’]|'')?\s*/.exec(text.slice(comma + 1))![0].length;
  const tailStart = comma + 1 + lead;
  const tail = text.slice(tailStart, relative ? relative.index : text.length);
  if (splitSpaces(tail).length > 16) return null;
  const found = attributionAfter(tail, last.start + tailStart);
  if (
    !found ||
    found.verb === null ||
    found.far ||
    found.participle ||
    Math.min(found.npStart, found.verbStart) !== last.start + tailStart ||
    /ing\b/.test(doc.body.slice(found.verbStart, found.verbStart + 24).split(/\s/)[0]!)
  )
    return null;
  // A name or a description ("Cole said", "said one former executive"), not a pronoun (the rules after this one
  // read "he said" better) nor words that are no speaker ("whose home state …"). A verb before its speaker is an
  // attribution only right after the sentence's quote ('…,” said Paul Beck'): after a comma of the reporter's
  // ('…, tweeted a warning', '…, said pleasantly into the phone') its subject is further back.
  const named =
    /(?:^|\s)\p{Lu}/u.test(found.np) && !/^(?:he|she|they|who|whose|which|that)\b/i.test(found.np);
  const described =
    /^(?:one|a|an|the|another|two|three|several|some)\s+\p{Ll}/u.test(found.np) &&
    (found.npStart < found.verbStart || /[”"’']\s*$/.test(text.slice(0, tailStart)));
  if (!named && !described) return null;
  return resolveSpeaker(ctx, found.np, found.npStart);
}

/** Punctuation ending a quote; a quote inside it may close right after ('… what it called ‘the rescue of the year,’”'). */
const PUNCT_END = /[,.!?…—–:;][’']?$/;

/** Whether a quote opening in lower case carries on the reporter's sentence (see `woven` in directQuotes). */
function wovenInto(firstContent: string, before: string): boolean {
  if (CONTINUES_SUBJECT.test(firstContent)) return true;
  // 'his wife, Melania, “said right from the start …”', 'revealed Lind, “strongly urged me to …”': a verb in the
  // past tense opens the marks right after a name, which is its subject.
  const opener = /^(?:\p{Ll}+ly\s+)?(\p{Ll}+)\b/u.exec(firstContent)?.[1];
  if (opener && hasTag(opener, 'PastTense') && /\s\p{Lu}[\p{L}’'.-]*,?\s*$/u.test(before)) return true;
  const wordsBefore = /((?:\p{L}[\p{L}’'-]*\s+){1,3})$/u.exec(before)?.[1]?.trim().split(/\s+/) ?? [];
  const lastWordBefore = wordsBefore.at(-1);
  return (
    lastWordBefore !== undefined &&
    /^\p{Ll}/u.test(lastWordBefore) &&
    !wordsBefore.some((w, i) => verbBase(w, wordsBefore[i - 1]))
  );
}

/**
 * Whether quoted words hold a clause: a pronoun subject, a finite verb, an auxiliary or a contraction ("we lose",
 * "nothing will change", "the vote was close", "let’s wait"). A phrase without one ("a fairer deal") is a fragment.
 */
function hasClause(text: string): boolean {
  if (
    /\b(?:i|we|you|they|he|she|it|there)\s+\p{L}/iu.test(text) ||
    /\p{L}[’'](?:s|re|ll|ve|m|d|t)\b/u.test(text)
  )
    return true;
  for (const m of allMatches(/\p{L}+/gu, text)) {
    const w = m[0].toLowerCase();
    if (/^(?:has|have|had|do|does|did|is|are|was|were|am|be)$/.test(w) || /n[’']t$/.test(w)) return true;
    if (hasTag(w, 'PastTense', 'PresentTense', 'Copula', 'Modal')) return true;
  }
  return false;
}

/**
 * Whether the first part of a split quote leaves its sentence for a second part that opens in capitals to finish
 * ('"I have no idea how they voted," he said of them, "But I do know …"', '"As President," she said, "I will oppose
 * …"', '"Judge," he said, "I have never …"'): the first closes on a comma and is a subordinate clause or holds no
 * clause at all, or the second opens on a conjunction. Two whole sentences split by the attribution ('"I love Oreos,"
 * he said, "I will never eat them again."') stay two quotes.
 */
function unfinished(firstPart: string, secondPart: string): boolean {
  const first = firstPart.trim();
  if (!/,$/.test(first)) return false;
  return (
    /^(?:But|And|Or|So|Yet|Nor)\b/.test(secondPart) ||
    /^(?:If|When|Whenever|While|As|After|Before|Although|Though|Because|Since|Unless|Until|Once|Whether|Even if|Even though)\b/.test(
      first,
    ) ||
    !hasClause(first)
  );
}

/** A participle set off by a comma that opens a clause: ", arguing that …", ", asking whether …". */
const PARTICIPLE_CLAUSE = /,\s*\p{Ll}+ing\s+(?:that|whether|if|how|why|what|when)\b/u;

/** A verb of saying and a name closing a sentence: ", says Evan Tracey", ", said Mr. Kamin". */
const TAIL_SAYS = new RegExp(
  String.raw`,\s+(says|said|adds|added|writes|wrote|argues|argued)\s+((?:(?:${TITLE_ABBREVIATION})\.\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})`,
  'u',
);

/** A sentence ending inside a quote and another opening after it; not the full stop of a title ("Mr. Trump"). */
const SENTENCE_INSIDE = new RegExp(
  String.raw`(?<!\b(?:${TITLE_ABBREVIATION}|Jr|Sr|No|vs|\p{Lu}))[.!?…]\s+\p{Lu}`,
  'u',
);

/** A finite verb opening a quote, whose subject is outside the marks: "would be helpful", "wasn’t good", "is a". */
const CONTINUES_SUBJECT =
  /^(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had|does|do|did)\b|^\p{Ll}+n[’']t\b/u;

/**
 * Words after a quote that open the reporter's account of where, when or how it was said ('"…" in a post on
 * Monday') or a clause of the reporter's own ('"…" and vowing to …'), not the rest of the quoted sentence.
 */
const CIRCUMSTANCE =
  /^\s*(?:in|on|at|during|via|through|from|to|over|after|before|when|while|as|according|because|and|but|or)\b/;

/**
 * Words after a quote's closing comma that carry its sentence on in the reporter's words: a subordinate clause or a
 * phrase of comparison, contrast or cause ('"…," since most contracts were signed early', '"…," like the fall in
 * prices', '"…," in sharp contrast to last year', '"…," compared with 40 percent in May').
 */
const CARRIES_ON =
  /^\s*,?\s*(?:since|because|unless|although|though|whereas|despite|like|unlike|than|rather\s+than|so\s+that|contrary\s+to|in\s+(?:\p{Ll}+\s+)?contrast\s+(?:to|with)|compared\s+(?:to|with))\b/u;

/** A clause joined to a quote by a conjunction ('"…," and orders picked up, she said'). */
const JOINS_ON = /^\s*,?\s*(?:and|but|yet)\s+(?!then\b|with\b)\p{L}/u;

/** Words after a quote that say where or when it was said ('"…" in the debate', '"…" during a rally on Monday'). */
const WHERE_OR_WHEN = /^\s*(?:in|on|at|during|via|through|over|after|when|while|as|according)\b/;

/**
 * The attribution after a quote, its comma, then the rest of the quote's sentence in the reporter's words: a "that"
 * clause (`he said, that both men …`), a modal whose subject the quote held (`she said, would use …`), or "and" or
 * "but" and a quote opening in lower case that carries the sentence on (`she said, but “when it comes to …”`).
 */
/**
 * "and" or "but" and up to two words, as they lead into a quote that carries a sentence on ("but “when …", "and
 * still “…"); quotes.ts and reported.ts read it in several places.
 */
export const CONJUNCTION_LEAD = String.raw`(?:and|but)\s+(?:\p{Ll}+\s+){0,2}`;

const FINISHED_AFTER = new RegExp(
  String.raw`^\s+[^,.;:!?“”"]{2,80}?,\s+(?:(that)\s+(?=\S)|(?:would|will|could|should|can|may|might|must)\s+\p{Ll}|${CONJUNCTION_LEAD}(?:[“"]|'')\p{Ll})`,
  'u',
);

/** Whether the words after a quote's closing mark are an attribution and then the rest of its sentence. */
function finishesAfterAttribution(after: string): boolean {
  const m = FINISHED_AFTER.exec(after);
  // "that" opens a clause only when a verb follows ('that both men had ties', not 'that night at the rally').
  return m !== null && (m[1] === undefined || hasClause(after.slice(m[0].length)));
}

/**
 * A phrase opening the sentence that only names the topic a quote turns to: "As for the cost,", "As to the
 * timing,". It is the reporter's link to what came before, not part of the quoted sentence.
 */
const TOPIC_LEAD = /^\s*As\s+(?:for|to)\s[^,;:“”"‘’]{1,80},\s*$/;

/** Whether the words before a quote hold a verb of saying ('she said, but despite …,', 'telling Mic …,'). */
function saysBefore(before: string): boolean {
  const words = allMatches(WORDS, before).map((m) => m[0]);
  return words.some((w, i) => verbBase(w, words[i - 1]) !== undefined);
}

/**
 * Whether a direct quote is only the quoted part of a reported clause that already carries it ("said she has what
 * the job needs: “calm under pressure.”", 'said she rarely campaigns, “except for friends.”'): a
 * phrase with no clause of its own, or words opening in lower case that no verb of saying introduces. Such a quote
 * is the partial quote inside the paraphrase, not an utterance of its own; a sentence the speaker said, introduced
 * by its own verb ('… and added: “We will try again.”') or by an aside ('as the magazine put it, “…”'), stays a
 * direct quote beside the clause.
 */
export function partOfReported(body: string, quote: Quote, reported: Quote): boolean {
  if (reported.start >= quote.start || reported.end < quote.end - 1) return false;
  const before = body.slice(reported.start, quote.start);
  // 'said the town lost a man who said “…”': the quote is what someone the reported clause names said, inside it.
  const relative = RELATIVE_SAYS.exec(before);
  if (relative && verbBase(relative[1]!) !== undefined) return true;
  if (!/[,:]\s*$/.test(before) || /[“”"]\s*[,:]?\s*$/.test(before)) return false;
  // 'seen, as the magazine put it in a profile, “the operator.”': an aside naming who put it so introduces the words.
  if (/(?:^|,)\s*as\s[^,]*,\s*$/i.test(before)) return false;
  // After a colon a quote opening in capitals is a sentence of its own ('said she has the one quality the job needs:
  // “Steadiness under pressure.”'): the reader takes it as said in those words, beside the clause that leads to it.
  if (/:\s*$/.test(before) && /^\p{Lu}/u.test(quote.text)) return false;
  if (!hasClause(quote.text)) return true;
  const words = allMatches(WORDS, before).map((m) => m[0]);
  const last = words.at(-1);
  if (
    /^\p{Ll}/u.test(quote.text) &&
    last !== undefined &&
    verbBase(last, words[words.length - 2]) === undefined
  )
    return true;
  // 'said she told the crowd, “…”', 'says he asked her, “…”': the reported clause is itself a subject and a verb of
  // saying that introduce the quote, so the quote is what that clause reports (someone's words retold inside the
  // paraphrase), not an utterance the reporter sets beside it.
  const inner = INNER_SAYS.exec(before);
  return inner !== null && verbBase(inner[1]!) !== undefined && !/\b(?:and|but|or)\s/.test(inner[2]!);
}

/** A relative pronoun and its verb of saying right before a quote: "a man who said ", "a farmer who asked her,". */
const RELATIVE_SAYS =
  /\s(?:who|that)\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)(?:\s+(?:him|her|them|me|us))?\s*[,:]?\s*$/u;

/** A pronoun subject, its verb (an adverb may come between) and the words up to a comma or colon: "she told them,". */
const INNER_SAYS = /^\s*(?:he|she|they|I|we)\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)\b([^,:;“”"]*)[,:]\s*$/u;

/** "added that, “…”": the quote is the reported clause "that" opens. */
function afterThat(before: string): boolean {
  return /\bthat\s*,?\s*$/i.test(before);
}

/**
 * "said she rarely campaigns for others, “except …”": the attribution's verb, then a clause of the reporter's own
 * with a subject (a pronoun, a name or a noun phrase, not a phrase of time or place) and a verb of its own, up to a
 * comma. A quote opening in lower case there finishes that reported clause.
 */
function clauseThenWords(body: string, attribution: Attribution | null, open: number): boolean {
  if (!attribution || attribution.verb === null || attribution.verbStart < 0) return false;
  const m = /^\p{L}+\s+([^“”"‘’,;:]*\p{L}),\s*$/u.exec(body.slice(attribution.verbStart, open));
  if (!m) return false;
  // 'told the mayors who gathered in the capital, “…”': a relative clause of the ones told is no clause of the
  // reporter's own (as in farVerbBefore).
  const told = attribution.verb === 'tell' ? /^(.*?)\s+who\s+(.*)$/u.exec(m[1]!) : null;
  if (told && !hasClause(told[1]!) && !/\b(?:that|whether|if)\b/.test(told[2]!)) return false;
  const first = /^[\p{L}’'-]+/u.exec(m[1]!)![0];
  const subject =
    /^(?:he|she|they|we|i|there|the|a|an|his|her|its|their|our)$/i.test(first) ||
    (/^\p{Lu}/u.test(first) && !hasTag(first, 'Date', 'Preposition', 'Adverb'));
  return subject && hasClause(m[1]!);
}

/** "said that in the current climate, “…”": the attribution's verb, "that" and words of the reporter's own. */
function thatThenWords(body: string, attribution: Attribution | null, open: number): boolean {
  if (!attribution || attribution.verb === null || attribution.verbStart < 0) return false;
  return /^\p{L}+\s+(?:[\p{L}’'-]+\s+){0,2}?that\s+[^“”"]*\p{L}[^“”"]*,\s*$/u.test(
    body.slice(attribution.verbStart, open),
  );
}

/** Words that link a sentence to the one before without being part of what was said: "But, he added, …". */
const CONNECTIVE =
  /^(?:and|but|or|so|yet|still|however|now|then|also|again|instead|indeed|meanwhile|later|today|finally|moreover|besides|further|furthermore|nonetheless|nevertheless|otherwise|thus|therefore|anyway|plus|first|second|third)$/i;

/**
 * Words quoted as words, in a list ('terms such as "levy," "toll" and "fee"'): two short quotes of one sentence (`a`
 * opening at or after `sentenceStart`, `b` before `sentenceEnd`) with only a comma, "and" or "or" between them.
 */
function listedPair(
  body: string,
  a: MarkSpan | undefined,
  b: MarkSpan | undefined,
  sentenceStart: number,
  sentenceEnd: number,
): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.close !== null &&
    b.open > a.close &&
    b.open < sentenceEnd &&
    a.open >= sentenceStart &&
    /^[\s,]*(?:(?:and|or)\s+)?$/.test(body.slice(a.close + 1, b.open)) &&
    splitSpaces(body.slice(a.contentStart, a.contentEnd)).length <= 4 &&
    splitSpaces(body.slice(b.contentStart, b.contentEnd)).length <= 4
  );
}

/**
 * Whether an attribution set off by commas sits inside the reporter's sentence after words that belong to what
 * was said ("When the rule applies, she added, “…”", "That, the board said, “…”"), rather than opening it ("She
 * added, “…”") or following a connective or an adverbial of the reporter's own ("But, he said, “…”", "At the same
 * time, she added, “…”").
 */
function setInto(
  body: string,
  beforeStart: number,
  before: string,
  attribution: Attribution | null,
): boolean {
  if (!attribution || attribution.verb === null || attribution.npStart <= beforeStart) return false;
  if (!/,\s*$/.test(before)) return false;
  const lead = body.slice(beforeStart, attribution.npStart);
  if (!/,\s*$/.test(lead) || /[“”"]/.test(lead)) return false;
  const words = lead.split(/[\s,]+/).filter(Boolean);
  while (words.length > 0 && CONNECTIVE.test(words[0]!)) words.shift();
  return words.length > 0 && !/^to$/i.test(words[0]!) && !hasTag(words[0]!, 'Preposition');
}

/** A phrase of the writer's that sets a quote into an argument: "of course", "in other words", "after all". */
const FRAMING = String.raw`(?:[Oo]f course|[Ii]n other words|[Aa]fter all|[Oo]n the other hand|[Ii]n fact)`;
/**
 * The words before a quote that frame it: the phrase opening the sentence before the attribution ('Of course, Lind
 * said, "…"') or right after its verb ('Lind said on the other hand, "…"').
 */
const FRAMED_LEAD = new RegExp(
  String.raw`^(?:(${FRAMING}),\s+[^,;:“”"]{1,60}?\s\p{Ll}+|[^,;:“”"]{1,60}?\s\p{Ll}+,?\s+(${FRAMING})),\s*$`,
  'u',
);
/**
 * A direct quote the writer frames with a phrase of their own ('Of course, Lind said, "I never knew him."', 'Lind
 * said on the other hand, "the system works. But …"') is the writer's sentence with the speaker's words in it: a
 * partial quote, reported speech whose text keeps the phrase and the quoted words. The framed sentence ends only
 * where the marks close, so the sentences inside them after the first belong to it too, as they do to a quote woven
 * into the writer's clause ('said the plan "would cost too much. But …"').
 */
export function framedByWriter(body: string, q: Quote): Quote[] {
  if (q.kind !== 'direct') return [q];
  const quoted = body.slice(q.start, q.end);
  const at = q.sentence.indexOf(quoted);
  if (at <= 0) return [q];
  const framed = FRAMED_LEAD.exec(q.sentence.slice(0, at));
  if (!framed) return [q];
  const phrase = (framed[1] ?? framed[2]!).toLowerCase();
  return [{ ...q, kind: 'reported', text: `${phrase}, “${q.text.replace(/[.!?,]+$/, '')}”` }];
}

/** A noun naming something said, which introduces the words after its colon as said: "one word for the plan:". */
const UTTERANCE_NOUN =
  /\b(?:words?|message|answer|reply|response|retort|verdict|remarks?|comments?|advice|warning|description|assessment|question|plea|threat|promise)\b/i;

/** A noun's examples or wording introduced before a quote: "things such as,", "questions, including", "the words,". */
const EXAMPLE_BEFORE = /\p{Ll}[\p{L}’'-]*,?\s+such\s+as\s*[,:]?$|\bthe\s+words\s*[,:]?$/u;

/**
 * A noun naming words someone says, then "is" or "was" right before a quote: "Her campaign motto is", "Lind's advice
 * to new staff was,", "His answer was:". The noun's possessor, a name (group 1) or a pronoun (group 2), is whose
 * words they are. A few words may stand between the noun and its verb ("to new staff").
 */
const WORDS_ARE =
  /(?:(?:^|\s)(?:(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}[’'](?:s\b)?)|\b(his|her|their|its|my|our))\s+)?(?:[\p{Ll}-]+\s+){0,2}\b(?:slogan|motto|mantra|dictum|refrain|catchphrase|tagline|watchword|rallying\s+cry|answer|reply|response|retort|message|advice|verdict|(?:last|first|only|parting)\s+words)\b(?:\s+[^\s,;:“”".!?]+){0,10}?\s+(?:is|was|were|has\s+been|had\s+been|remains|remained)\s*[,:]?$/u;

/** A word naming a work, or one that gives a name, right before a quoted title: "his book,", "an ad titled". */
const WORK_BEFORE =
  /\b(?:book|memoir|novel|biography|film|movie|show|series|sitcom|song|album|play|musical|column|op-ed|essay|article|editorial|documentary|programme|program|podcast|slogan|motto|hashtag|titled|entitled|headlined|dubbed)\s*,?$/i;

/**
 * Words that make the quote after them something nobody said: a look or gesture read as words ('his eyes gleaming,
 * as if to say,'), words held back ('without saying,'), thoughts the writer imagines ('imagined Olsen was thinking:'),
 * a hypothetical ('if you tell people,') and words someone hopes or wishes another will say ('I hope next year the
 * town says,').
 */
const HYPOTHETICAL =
  /(?:\bas if to (?:say|ask)|\bwithout (?:ever )?(?:saying|asking)|\bimagin(?:e|ed|es|ing)\b[^“”"]{0,60}\b(?:thinking|saying|asking)|\bif (?:you|we|they|one|someone) (?:say|tell|ask)s?\b[^“”".;]{0,30}|\b(?:hope|hopes|hoped|hoping|wish|wishes|wished|wishing)\b[^“”".;:,]{0,60}\b(?:(?:will|would|could) )?(?:says?|asks?|tells?(?: \p{L}+)?))\s*[,:]?$/iu;

/**
 * A verb of crying out, in its past or its participle, right before a quote: "chanting", "yelled back"; or one of
 * voicing words the lexicon does not list as verbs of saying, with or without a comma: "jeered,", "mouthing",
 * "softly echoing", "singing".
 */
const CRIED_OUT =
  /\b(?:((?:chant|yell|shout|scream)(?:ed|ing))(?:\s+(?:back|out|again))?|((?:jeer|echo|mouth|holler|bellow)(?:ed|ing)|sang|singing),?)$/i;
/** A word that opens a clause of its own between a subject and a verb: "…, where protesters had gathered, chanting". */
const CLAUSE_BETWEEN = /\b(?:where|who|which|that|when|while|as|after|before|because|since|until|if)\b/i;

/** A story's byline between its quoted headline and its quoted excerpt: '"…," by The Courier's Dana Whitfield: "…"'. */
const BYLINE = /^\s*by\s+\p{Lu}[^.!?"“”:]{0,60}:\s*$/u;

/** A paragraph naming the writer of the story and where it ran, before an excerpt: "From Dana Whitfield writing at The Courier:". */
const EXCERPT_FROM =
  /^\s*From\s+(?:\p{Lu}[\p{L}.’'-]*\s+){1,4}writing\s+(?:at|in|for)\s+[^.!?"“”:\n]{1,60}:\s*$/u;

/** A transcript's stage direction filling a quote: "(CROSSTALK.)", "[APPLAUSE]", "(laughter)". */
const STAGE_DIRECTION = /^[([][^)\]]*[)\]]\.?$/;

/** A transcript's speaker label opening a quote: `"WALLACE: Let’s start …`, `"PENCE: Well, …`. */
const SPEAKER_LABEL = /^([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,2}):\s/;

/** "WALLACE" → "Wallace", "MCCAIN" → "Mccain" (the entity table matches names without regard to case). */
function labelName(label: string): string {
  return label.replace(/\p{Lu}+/gu, (w) => w[0]! + w.slice(1).toLowerCase());
}

/**
 * A name set after a quote with a dash, as testimonials and epigraphs are signed: `“…” ― Pamela Padilla`. Up to five
 * capitalised words (initials allowed), then nothing but a full stop before the line or sentence ends.
 */
const DASH_SIGNATURE = /^\s*[―—–]\s*(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,4})\s*\.?\s*$/u;

/** A paragraph that signs the quote before it: "- Sanders.", "―Michelle Marks", "-President Obama, tweeting …". */
const PARAGRAPH_SIGNATURE = /^[-―—–]\s*((?:\p{Lu}[\p{L}.’'-]*\s+){0,4}\p{Lu}[\p{L}’'-]*)\s*(?:[.,]|$)/u;

/**
 * Finds direct quotes paragraph by paragraph. The caller interleaves it with reported speech, so a speaker named
 * in reported speech ("Ursula von der Leyen said …") is known to the pronoun of the next quote ("…," she said).
 */
export function directQuoteFinder(
  doc: Document,
  ctx: SpeakerContext,
): { result: DirectQuotes; paragraph(p: Paragraph): void } {
  const body = doc.body;
  const quotes: Quote[] = [];
  const usedVerbs = new Set<number>();
  const covered: Array<{ start: number; end: number }> = [];
  const examples = new Set<Quote>();
  const consumed = new Set<MarkSpan>();
  let previous: { quote: Quote; paragraph: number; sentence: number; ownLead?: true } | null = null;

  const paragraphQuotes = (paragraph: Paragraph) => {
    const marks = paragraph.marks;
    for (let mi = 0; mi < marks.length; mi++) {
      const mark = marks[mi]!;
      if (consumed.has(mark)) continue;
      // A quote left open at a paragraph end carries on where the next paragraph opens a quote.
      const parts: Part[] = [{ mark, end: mark.close === null ? paragraph.end : mark.close + 1 }];
      let last = mark;
      let pi = paragraph.index;
      while (last.close === null) {
        const next = doc.paragraphs[pi + 1];
        const first = next?.marks[0];
        if (!next || !first || first.open !== next.start) break;
        // A transcript's next speaker starts a quote of their own.
        if (SPEAKER_LABEL.test(body.slice(first.contentStart, first.contentEnd))) break;
        // Nor does a stage direction carry the quote on: '"(CROSSTALK.)'.
        if (STAGE_DIRECTION.test(body.slice(first.contentStart, first.contentEnd).trim())) break;
        parts.push({ mark: first, end: first.close === null ? next.end : first.close + 1 });
        consumed.add(first);
        last = first;
        pi++;
      }
      const sentence = sentenceAt(doc, mark.open);
      if (!sentence) continue;
      const lastEnd = parts[parts.length - 1]!.end;
      const endSentence = sentenceAt(doc, lastEnd - 1) ?? sentence;
      const prevMark = mi > 0 ? marks[mi - 1] : undefined;
      const beforeStart = Math.max(
        sentence.start,
        prevMark?.close != null ? prevMark.close + 1 : sentence.start,
      );
      const before = body.slice(beforeStart, mark.open);
      const nextMark = last === mark ? marks[mi + 1] : undefined;
      const afterEnd = Math.min(
        endSentence.end,
        nextMark && nextMark.open < endSentence.end ? nextMark.open : endSentence.end,
      );
      const after = lastEnd <= afterEnd ? body.slice(lastEnd, afterEnd) : '';
      const content = parts.map((p) => body.slice(p.mark.contentStart, p.mark.contentEnd).trim()).join(' ');
      const firstContent = body.slice(mark.contentStart, mark.contentEnd).trim();
      // Only whether there are up to six words, three or four is asked of them: the rest are not split off.
      const words = firstWords(content, 7);

      const beforeTrim = before.replace(/\s+$/, '');
      // A line break inside a paragraph starts a new line of copy, as a new sentence does.
      // So does a full stop the splitter read as an abbreviation's ('… in Fort Mill, S.C. "It seems …"'), before a
      // quote in capitals.
      // A straight mark left before the quote's own opening one ('"“We won,” she said.') is a stray.
      const startsSentence =
        beforeTrim.replace(/^[\s(["]+/, '') === '' ||
        /\n[\s([]*$/.test(before) ||
        (/[.!?][’'”"]*\s+$/.test(before) && /^\p{Lu}/u.test(firstContent));
      const titleShaped =
        words.length <= 6 &&
        words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|the|a|an|and|in|on|for|to)$/.test(w));
      // A news digest's item: a headline in capitals opening its line, then the story's own words in marks, then the
      // outlet in brackets ('STORM CLOSES COUNTY SCHOOLS “Every school in the county will stay shut …” [Courier.]').
      // The quote is the story's, credited to the outlet the brackets name; the headline attributes nothing.
      const outlet =
        last === mark &&
        mark.close !== null &&
        /^\p{Lu}/u.test(firstContent) &&
        /[.!?…][’'”"]*$/.test(firstContent)
          ? DIGEST_OUTLET.exec(body.slice(lastEnd, paragraph.end))
          : null;
      const digestItem =
        outlet !== null &&
        DIGEST_HEADLINE.test(
          body.slice(Math.max(paragraph.start, body.lastIndexOf('\n', mark.open - 1) + 1), mark.open),
        );
      let found = digestItem ? null : attributionBefore(before, beforeStart);
      // 'Polls did predict the result - Hale Research: "…"': a name after a dash ending the line labels the quote,
      // whatever verb the line before it has (that verb reports nothing of its own either).
      const colonLine = /:$/.test(beforeTrim) ? beforeTrim.slice(0, -1) : null;
      const dashLabel = colonLine === null ? null : DASH_LABEL.exec(colonLine);
      if (dashLabel) {
        if (found?.verb) usedVerbs.add(found.verbStart);
        const label = groupAt(dashLabel, beforeStart);
        found = byName(label.np, label.start);
      }
      // 'From Lind's Facebook post: "…"': the owner of the post or document, not a subject of "post".
      const owned = colonLine === null ? null : OWNED_DOCUMENT.exec(colonLine);
      if (owned) {
        const owner = groupAt(owned, beforeStart);
        found = byName(owner.np, owner.start);
      }
      // 'Olsen told reporters "We will …"', 'asked the crowd "If …?"': a verb of saying and its listener before a
      // quote without the comma, when the quote is a sentence of its own (capitalised, with its own punctuation),
      // not a title ('said on "Meet the Press."'), and the words after the verb name only whom it was said to (no
      // preposition but "to": 'recalled him talking about "Collapse: …"' is a title, 'chants of "…"' a noun).
      if (
        found === null &&
        !titleShaped &&
        /\p{L}$/u.test(beforeTrim) &&
        /^\p{Lu}/u.test(firstContent) &&
        PUNCT_END.test(content) &&
        words.length >= 3
      ) {
        const told = attributionBefore(`${beforeTrim},`, beforeStart);
        if (told?.verb && told.verbStart >= 0 && told.np !== '' && !told.far) {
          const rest = allMatches(WORDS, body.slice(told.verbStart, mark.open)).slice(1);
          const listener = rest.every(
            (x) => x[0] === 'to' || !/^\p{Ll}/u.test(x[0]) || !hasTag(x[0], 'Preposition'),
          );
          if (rest.length <= 4 && listener && complementsOnly(rest)) found = told;
        }
      }
      // 'marched on, chanting "no deal, no peace" past the gates', 'a man yelling "shame on you!"': what a verb of
      // crying out right before the marks gives is what was cried out, whatever its case, its length or the
      // reporter's words after it (not one of a list: 'chanting "…" and "…"' are the crowd's slogans together). Its
      // speaker is the clause's subject; when a clause of its own opens between that subject and the verb ('Clinton
      // spoke near the casino, where protesters had gathered, chanting "…"'), the one who cried it is left open.
      let criedOut: Attribution | null = null;
      const cry = last === mark && mark.close !== null ? CRIED_OUT.exec(beforeTrim) : null;
      if (
        cry &&
        words.length >= 2 &&
        !(nextMark && /^\s*,?\s*(?:and|or)\s*$/.test(body.slice(lastEnd, nextMark.open)))
      ) {
        const verbStart = beforeStart + cry.index;
        const voiced = (cry[1] ?? cry[2]!).toLowerCase();
        const verb =
          verbBase(voiced) ?? (/^s(?:ang|inging)$/.test(voiced) ? 'sing' : voiced.replace(/(?:ed|ing)$/, ''));
        const subject = cry[2] ? colonSubject(beforeTrim.replace(/,$/, ''), beforeStart) : null;
        const read =
          (found?.verb ? found : attributionBefore(`${beforeTrim.replace(/,$/, '')},`, beforeStart)) ??
          (subject ? { ...byName(subject.np, subject.start), verb, verbStart } : null);
        const subjectEnd = read && read.np !== '' ? read.npStart + read.np.length : -1;
        criedOut =
          read?.verb && subjectEnd >= 0 && !CLAUSE_BETWEEN.test(body.slice(subjectEnd, verbStart))
            ? read
            : { np: '', npStart: -1, verb, verbStart };
        found = criedOut;
      }
      // 'Her campaign slogan is "Jobs first."', 'His answer was, "Never."': a noun naming words someone says
      // (a slogan, a motto, an answer, a message) and "is" or "was" introduce the quote as those words, when it is a
      // sentence of its own (capitalised, with its own full stop, question or exclamation mark) that ends the
      // reporter's sentence. Whose words they are is the noun's possessor, when one is written.
      if (
        found === null &&
        last === mark &&
        mark.close !== null &&
        /^\p{Lu}/u.test(firstContent) &&
        /[.!?…][’']?$/.test(firstContent) &&
        /^[\s)\]]*$/.test(after)
      ) {
        const noun = WORDS_ARE.exec(beforeTrim);
        if (noun) {
          const owner = noun[1] ?? noun[2];
          const np = owner
            ? (POSSESSIVE_PRONOUNS.get(owner.toLowerCase()) ?? owner.replace(/[’']s?$/, ''))
            : '';
          found = np
            ? byName(np, beforeStart + noun.index + noun[0].indexOf(owner!))
            : { np: '', npStart: -1, verb: null, verbStart: -1 };
        }
      }
      // 'As Tom Hale, author of "Harbour Lights," put it, "…"': a title or a phrase in marks inside the
      // attribution cuts the words read before the quote short. Read the sentence whole, with the marks of the
      // earlier quotes taken out and their words kept, when none of them is a quote of its own. So does a phrase in
      // marks before a verb joined on with its colon ('called the plan "a disgrace" and said: "…"', 'said the plan
      // was "a disgrace", adding: "…"') or with none: the verb is the subject's of the sentence.
      if (
        found === null &&
        prevMark?.close != null &&
        prevMark.open >= sentence.start &&
        /(?:[,:]|\p{L})\s*$/u.test(before) &&
        !(previous !== null && previous.sentence === sentence.index)
      ) {
        let whole = body.slice(sentence.start, mark.open);
        const blank = (from: number, to: number) =>
          `${whole.slice(0, from - sentence.start)}${' '.repeat(to - from)}${whole.slice(to - sentence.start)}`;
        for (const m of marks) {
          if (m.open < sentence.start || m.close === null || m.close >= mark.open) continue;
          whole = blank(m.open, m.contentStart);
          whole = blank(m.contentEnd, m.close + 1);
        }
        const inner = attributionBefore(whole, sentence.start);
        // With no comma or colon, only a verb of saying right before the marks introduces them, and only words
        // with a clause of their own ('called the plan "a disgrace" and said "we are done here."'); 'to counter
        // "her rhetoric"' (an infinitive) is an object.
        const bare = !/[,:]\s*$/.test(before);
        if (
          inner &&
          inner.verbStart > prevMark.close &&
          (!bare ||
            (inner.verb !== null &&
              /^[\p{L}’'-]+\s*$/u.test(body.slice(inner.verbStart, mark.open)) &&
              !/\bto\s+$/i.test(body.slice(sentence.start, inner.verbStart)) &&
              hasClause(content)))
        )
          found = inner;
      }
      // '“…,” Ortiz said on “Morning Edition,” adding, “…”': a participle right after an earlier quote of the sentence
      // speaks for the subject of the sentence, read with the quoted words blanked out.
      if (
        (found === null || found.participle || found.np === '') &&
        prevMark?.close != null &&
        prevMark.open >= sentence.start
      ) {
        // Also one set further into the sentence ('-- "That makes me smart" -- and, when questioned after the
        // debate, asserting, "…"' is the sentence subject's).
        // And one with no comma before a quote that is a sentence of its own ('on his Facebook page, writing “Allow
        // me …”').
        // A colon sets the participle off as a comma does ('said it was "unacceptable", adding: "…"').
        const participle =
          /^[\s,]*(\p{Ll}+ing)[,:]\s*$/u.exec(before) ??
          (found?.participle ? /(?<![\p{L}’'-])(\p{Ll}+ing)\b[^,:]*[,:]\s*$/u.exec(before) : null) ??
          (found === null && /^\p{Lu}/u.test(firstContent) && PUNCT_END.test(content)
            ? /,\s*(\p{Ll}+ing)\s*$/u.exec(before)
            : null) ??
          (found === null ? /,\s*(\p{Ll}+ing):\s*$/u.exec(before) : null) ??
          // So is a second verb of the sentence's subject joined by "but" or "and" ('described the figures as
          // "deeply concerning", but added: "…"').
          (found === null || found.np === ''
            ? /^[\s,]*(?:but|and)\s+(?:(?:\p{Ll}+ly|then|later|also)\s+)?(\p{Ll}+)[,:]\s*$/u.exec(before)
            : null);
        if (participle && verbBase(participle[1]!)) {
          let whole = body.slice(sentence.start, mark.open);
          for (const m of marks) {
            if (m.open < sentence.start || m.close === null || m.close >= mark.open) continue;
            const from = m.open - sentence.start;
            const to = m.close + 1 - sentence.start;
            // The comma the quote closed on stays, so the participle is still set off.
            whole = `${whole.slice(0, from)}${' '.repeat(to - from - 1)},${whole.slice(to)}`;
          }
          const subject = attributionBefore(whole, sentence.start);
          if (subject && !subject.participle)
            found = {
              ...subject,
              verb: verbBase(participle[1]!)!,
              verbStart: beforeStart + before.indexOf(participle[1]!),
            };
        }
      }
      // 'In the chorus, the singer croons, "Don't …."', 'Olsen called over her shoulder, "We are not done yet."':
      // a verb the lexicon does not list, then a comma, then a quote that is a sentence of its own (capitalised, four
      // words or more, ending on its own full stop, question or exclamation mark) and ends the reporter's sentence.
      // The comma sets the quote off as the colon does; the speaker is the clause's subject, a name or a pronoun.
      // (setOffByComma: capitalised, four words or more, after a comma and ending the reporter's sentence; a text
      // read out, below, is set off the same way.)
      const setOffByComma =
        !startsSentence &&
        !titleShaped &&
        last === mark &&
        /,$/.test(beforeTrim) &&
        /^\p{Lu}/u.test(firstContent) &&
        words.length >= 4 &&
        (/^[\s)\]]*$/.test(after) ||
          // The quote may end an aside the dashes set off ('- during the debate, Olsen cracked, "…" - and …').
          (DASH_AFTER.test(after) &&
            /(?:--|[—–―]|\s-)\s/.test(body.slice(sentence.start, beforeStart + beforeTrim.length))));
      if (
        found === null &&
        setOffByComma &&
        (/[.!?…][’'”"]*$/.test(firstContent) || DASH_AFTER.test(after))
      ) {
        const subject = colonSubject(beforeTrim.slice(0, -1), beforeStart);
        // Only the verb and its complements stand between the subject and the comma: a clause opened there ('has
        // hinted that while she likes the plan,', 'said, that if …,') or a passive ('was asked by the host, who …,')
        // makes the quote part of another clause, or someone else's.
        const between = subject
          ? body.slice(subject.start + subject.np.length, beforeStart + beforeTrim.length)
          : '';
        if (
          subject &&
          !/\b(?:that|whether|if|because|while|when|although|though|who|which|but|was|were|been)\b/.test(
            between,
          )
        )
          found = byName(subject.np, subject.start);
      }
      // 'treating the remark as a compliment -- "That makes me smart" -- and …', 'When Ruiz wrapped up — "We will
      // win!" — the crowd rose': a sentence in marks set off by dashes on both sides is an aside of the speaker's own
      // words (capitalised, three words or more, with a clause of its own), not a title or a phrase the sentence
      // carries on with. The speaker is the name the dash follows, else the subject of the clause before it. A verb
      // right after the closing dash makes the quote the example of a noun the sentence is about ('his stock answer
      // -- "I'll be fine" -- is likely to be repeated'), no words the sentence says someone said.
      const dashAside =
        found === null &&
        !titleShaped &&
        last === mark &&
        mark.close !== null &&
        DASH_BEFORE.test(beforeTrim) &&
        DASH_AFTER.test(after) &&
        /^\p{Lu}/u.test(firstContent) &&
        words.length >= 3 &&
        hasClause(content) &&
        !verbAfterDash(after);
      if (dashAside) {
        const lead = beforeTrim.replace(DASH_BEFORE, '').trimEnd();
        const name = NAME_BEFORE_DASH.exec(lead);
        const subject = name ? groupAt(name, beforeStart) : colonSubject(lead, beforeStart);
        if (subject) found = byName(subject.np, subject.start);
      }
      // A far verb introduces only a quote that stands as a sentence of its own: capitalised, four words or more
      // ('said on Monday, in reference to her child, "Next summer, …"'), not a fragment or a title the reporter's
      // sentence carries on with ('including the departments of State', 'wearing "Make America Great Again."').
      // A sentence in lower case set off by the comma is one too, when its own words open with a clause ('told the
      // mayors who gathered in the capital, "no one should doubt it."') and it ends the reporter's sentence.
      const before2 =
        found?.far &&
        !(/^\p{Lu}/u.test(firstContent) && words.length >= 4) &&
        !(
          /,$/.test(beforeTrim) &&
          words.length >= 4 &&
          /[.!?…][’']?$/.test(content) &&
          /^[\s)\]]*$/.test(after) &&
          hasClause(words.slice(0, 5).join(' '))
        )
          ? null
          : found;
      // 'The letter reads, "…"', 'At the bottom it reads, "…"': a text that reads its words out introduces them as a
      // sentence of its own; who wrote it is left to the context, as for '"…," the letter reads.'.
      const readOut = found === null && setOffByComma && READS_BEFORE.test(beforeTrim.slice(0, -1));
      // 'held up a sign that read "Jobs not walls"', 'wore a campaign hat reading, "Make Ohio Great Again"', 'One
      // banner read "…"': what a sign, a banner, a hat or a message says is quoted as written, whatever its case or
      // length, and is the words of the one who carries or posts it.
      const signRead = found === null && last === mark ? SIGN_READS.exec(beforeTrim) : null;
      const introduced = /:$/.test(beforeTrim) || before2 !== null || readOut || dashAside;
      const titleLike = titleShaped && !PUNCT_END.test(firstContent);
      const ownPunct = PUNCT_END.test(firstContent) || mark.close === null;

      // A second part of a split quote: "A," she said, "b."
      if (
        previous &&
        previous.sentence === sentence.index &&
        // '"…," she said, "…"' splits one quote; a first quote its own verb introduced ('When a man shouted,
        // "Lind," the mayor said, "Not today!"') is finished, and the attribution after it opens the next.
        !previous.ownLead &&
        prevMark &&
        previous.quote.end === prevMark.close! + 1 &&
        /,\s*$/.test(before) &&
        // The verb between the parts may be one the lexicon does not list, as it may after a quote of its own
        // ('"The way I read it," she elaborated, "nobody …"').
        (attributionAfter(before, beforeStart) ?? looseAttributionAfter(ctx, before, beforeStart)) !== null &&
        // '"Out!" she wrote, arguing that if nothing is done, "homes will burn."': a participle of the reporter's
        // after the attribution opens a clause of its own, and the second part finishes that clause, a partial
        // quote, not the rest of the first.
        !PARTICIPLE_CLAUSE.test(before) &&
        (/^\p{Ll}/u.test(firstContent) ||
          unfinished(body.slice(prevMark.contentStart, prevMark.contentEnd), content))
      ) {
        const q = previous.quote;
        // A capitalised second part keeps the comma that joins it to the first ('If you look at it, I don't …').
        q.text = collapseSpaces(`${q.text}${/^\p{Ll}/u.test(firstContent) ? '' : ','} ${content}`);
        q.end = lastEnd;
        const lastCovered = covered.at(-1);
        if (lastCovered) lastCovered.end = lastEnd;
        continue;
      }

      // A fragment woven into the reporter's sentence: no punctuation of its own inside the marks and the sentence
      // carries on after them ('declared "a total disaster" for his party', 'says "the wind is at our backs"
      // despite …'). It belongs to the paraphrase around it, not to /quotes.
      // The same holds when the attribution comes only after more of the reporter's words ('"The only way Wall
      // Street will change will be if executives face jail time" for criminal behavior, she said'): the quote is
      // part of the reported clause, not an utterance of its own.
      const lastContent = body.slice(last.contentStart, last.contentEnd).trim();
      // A short title or scare quote inside the attribution's appositive ('…," Bill Eastland, wearing "Ted Cruz"
      // pins, said') does not end it.
      const innerMark =
        nextMark &&
        nextMark.close !== null &&
        nextMark.close < endSentence.end &&
        nextMark.contentEnd - nextMark.contentStart <= 40 &&
        !/[.!?,]\s*$/.test(body.slice(nextMark.contentStart, nextMark.contentEnd));
      const readAfter =
        attributionAfter(after, lastEnd, !PUNCT_END.test(lastContent)) ??
        (innerMark ? longAppositiveAttribution(body.slice(lastEnd, endSentence.end), lastEnd) : null) ??
        (last.close === null
          ? null
          : /^\s*$/.test(after)
            ? // '“Have we finished?” Keller asked.', '“Well, yes. I’m going to look at people…” Clinton said.': the
              // splitter ended the sentence inside the marks, so the attribution opens the next one.
              /[?!.…][’'”"]*$/.test(lastContent)
              ? attributionInNextSentence(
                  doc,
                  ctx,
                  endSentence.index,
                  lastEnd,
                  nextMark?.open ?? Infinity,
                  /[.…][’'”"]*$/.test(lastContent),
                )
              : null
            : /[,?!][’'”"]*$/.test(lastContent)
              ? looseAttributionAfter(ctx, after, lastEnd)
              : null);
      const leading = lastEnd + (/^\s*/.exec(after)?.[0].length ?? 0);
      // '“It is a tragedy,” but police said the inquiry would take months': a verb of saying after "and" or "but"
      // with a clause of its own after it speaks for that clause, not for the quote before it.
      const verbAfter =
        readAfter?.verb != null && readAfter.verbStart >= 0
          ? body.slice(readAfter.verbStart, endSentence.end).replace(/^[\p{L}’'-]+/u, '')
          : null;
      const afterAttribution =
        readAfter !== null &&
        verbAfter !== null &&
        /^\s*,?\s*(?:and|but|yet)\s/.test(after) &&
        Math.min(readAfter.npStart, readAfter.verbStart) > leading &&
        hasClause(verbAfter)
          ? null
          : readAfter;
      // '“It’s our bad luck,” he said, that both men prayed there', '“Only you, Dinesh,” she said, would use …': the
      // reporter's words after the attribution finish the quote's sentence (a "that" clause, or the verb of a
      // subject the quote held), so the quote is the first part of one reported clause, not an utterance of its own.
      const finishedAfter =
        last === mark &&
        mark.close !== null &&
        /,$/.test(lastContent) &&
        afterAttribution !== null &&
        afterAttribution.verb !== null &&
        Math.min(afterAttribution.npStart, afterAttribution.verbStart) === leading &&
        finishesAfterAttribution(body.slice(lastEnd, endSentence.end));
      // A quote that opens its sentence and holds sentences of its own is an utterance, even when the reporter's
      // words after it say where or when it was said ('“How she deals with it … is an open question … If she gives a
      // canned answer, … like Trump did to Rubio” in the February debate that …'). Words that carry its last
      // sentence on ('“… It's basically just a tax increase” for the top earners', '“… They have no choice” but to
      // take the lead, says …') make it a partial quote of that sentence, as for a quote of one sentence.
      const carriedOn =
        startsSentence &&
        /^\p{Lu}/u.test(firstContent) &&
        /^\s*\p{Ll}/u.test(after) &&
        WHERE_OR_WHEN.test(after) &&
        SENTENCE_INSIDE.test(content);
      // After a colon the quote is introduced, but it is still a fragment when the reporter's words finish its one
      // sentence ('added: "In hindsight, we should have seen" it coming', 'said: "We have a week to go" until the
      // vote').
      const fragment =
        !PUNCT_END.test(firstContent) &&
        mark.close !== null &&
        last === mark &&
        (/:$/.test(beforeTrim)
          ? /^\s*\p{Ll}/u.test(after) &&
            !CIRCUMSTANCE.test(after) &&
            afterAttribution === null &&
            // A quote of several sentences is an utterance whatever follows it (or a nested mark paired it short).
            !/[.!?…]\s/.test(content)
          : // A quote opening in lower case is carried on by a name or a number as much as by a lower-case word
            // ('said "you might see more" U.S. supply flights in the days ahead').
            (/^\s*[\p{Ll}(]/u.test(after) ||
              (/^\p{Ll}/u.test(firstContent) && /^\s*[\p{Lu}\d]/u.test(after))) &&
            (afterAttribution === null ||
              Math.min(afterAttribution.npStart, afterAttribution.verbStart) > leading) &&
            !carriedOn &&
            // 'tweeted, "Thank you Ohio! #Vote" on Friday afternoon.': a sentence in capitals a verb of saying and
            // its comma introduce, followed only by where or when it was said.
            !(
              before2 !== null &&
              /,$/.test(beforeTrim) &&
              /^\p{Lu}/u.test(firstContent) &&
              words.length >= 3 &&
              WHERE_OR_WHEN.test(after) &&
              /^\s*(?:[\p{L}\d’'-]+\s*){1,5}[.!?]?\s*$/u.test(after) &&
              !hasClause(after)
            ));
      // A quote that opens its sentence and closes on a comma, after which the reporter's own words carry that
      // sentence on: a subordinate clause or phrase ('"Prices have settled," since most contracts were signed early,
      // she said', '"The mood has changed," because of the strike'), or a clause joined by "and" or "but" before the
      // attribution ('"There is calm now," and orders picked up last week, Lund said'). The quote is the first part
      // of a reported sentence, a partial quote. A relative clause on its last word ('"…," which votes in June') or
      // a clause of the reporter's own after a complete quote ('"…," and with that he left') leaves it an utterance.
      const carriedOnAfterComma =
        startsSentence &&
        !introduced &&
        last === mark &&
        mark.close !== null &&
        (/,$/.test(firstContent) || (/^\s*,/.test(after) && !PUNCT_END.test(firstContent))) &&
        (afterAttribution === null ||
          (Math.min(afterAttribution.npStart, afterAttribution.verbStart) >
            lastEnd + /^\s*,?\s*/.exec(after)![0].length &&
            // The attribution closes the sentence, set off by a comma ('…, Lund said.'); one with a clause of its
            // own ('"…," but police said the inquiry would take months') speaks for that clause, not the quote.
            /,\s*$/.test(
              body.slice(lastEnd, Math.min(afterAttribution.npStart, afterAttribution.verbStart)),
            ))) &&
        (CARRIES_ON.test(after) || (afterAttribution !== null && JOINS_ON.test(after)));
      // The second part of a split quote whose first part is no direct quote but a fragment woven into the
      // reporter's sentence ('The levy means "it must be doing something right," she says, "but I …"'): the part
      // after the attribution carries on that partial quote, not an utterance of its own.
      const splitFragment =
        prevMark?.close != null &&
        prevMark.open >= sentence.start &&
        !(previous !== null && previous.quote.end === prevMark.close + 1) &&
        /,\s*$/.test(before) &&
        attributionAfter(before, beforeStart) !== null;
      // A quote that opens in lower case and carries on the reporter's sentence: the subject is outside the marks
      // ('that the report "wasn’t good."', 'That, the commission said, "would be helpful …"'), or the marks follow
      // words none of which is a verb of saying ('branded the reports "inaccurate and misleading."'). It is a partial
      // quote inside the paraphrase, not something said on its own. A verb of saying among the three words before
      // the marks still introduces one ('urging "a politics of hope"'), as do a colon and a comma, except right
      // after "that" ('added that, "my aim was …"') or after an attribution set into the reporter's sentence ('When
      // the rule applies, she added, "it will …"'): there the words before and the quote are one reported clause.
      const woven =
        /^\p{Ll}/u.test(firstContent) &&
        !/:$/.test(beforeTrim) &&
        (wovenInto(firstContent, before) ||
          afterThat(before) ||
          setInto(body, beforeStart, before, before2) ||
          splitFragment);
      // A phrase with no verb of its own, in lower case, right after a word of the reporter's sentence: the object or
      // complement of that sentence ('urging "a fairer deal."', 'branded the plan "reckless and cruel."', 'will last
      // "for several more years."'), not an utterance, whatever the verb before it. So is one after a colon that
      // neither a verb of saying nor a noun of what was said introduces ('a new title for his resume: "song
      // collector."', not 'one word for the plan: "reckless."'): it names the phrase the sentence leads to; a
      // sentence someone said opens in capitals there.
      const objectPhrase =
        /^\p{Ll}/u.test(firstContent) &&
        (/\p{L}$/u.test(beforeTrim) ||
          (/:$/.test(beforeTrim) && before2 === null && !UTTERANCE_NOUN.test(before))) &&
        last === mark &&
        !hasClause(content);
      // 'says things such as, "…"', 'added the words, "…"': the quote is an example of a noun of the reporter's
      // sentence, whose verb reports it, a partial quote. It is kept as a direct quote only where reported speech
      // does not read that clause (see `examples`), so its verb and its span are left to reported speech.
      const example = EXAMPLE_BEFORE.test(beforeTrim) && !SENTENCE_INSIDE.test(content);
      // A quote after a "that" clause's first words ends that clause, whatever its case ('said that in the current
      // climate, "I think …"').
      const thatClause =
        !/:$/.test(beforeTrim) &&
        (thatThenWords(body, before2, mark.open) ||
          (/^\p{Ll}/u.test(firstContent) && clauseThenWords(body, before2, mark.open)));
      // A transcript's stage direction ('"(CROSSTALK.)', '"[APPLAUSE]') and a label in marks ('"Related:"') are not
      // something a person said.
      // A short paragraph that is nothing but a phrase in single marks is a subhead quoting the section below it
      // ("'A change warrior.'", as American papers set them), not a quote of its own.
      const crosshead =
        !mark.double &&
        last === mark &&
        words.length <= 6 &&
        body.slice(paragraph.start, paragraph.end).trim() === body.slice(mark.open, lastEnd).trim();
      // So is a headline in capitals opening its line and followed at once by the quoted story it heads
      // ("‘CITY HALL BRACES FOR THE WORST SNOW IN DECADES’ “Crews worked through the night …”", as a digest sets it).
      const capsHeadline =
        last === mark &&
        mark.close !== null &&
        /(?:^|\n)[^\S\n]*$/.test(body.slice(paragraph.start, mark.open)) &&
        words.length >= 3 &&
        !/\p{Ll}/u.test(content) &&
        /^\s*[“"‘]/.test(body.slice(lastEnd, paragraph.end));
      // A news digest lists other papers' stories as a quoted headline, its byline and a quoted excerpt ('"Diner to
      // close in March," by The Courier's Dana Whitfield: "The Blue Note, a late-night diner …"'): the headline is a
      // title and the excerpt is the story's copy, neither something a person said.
      const digest =
        (/,$/.test(lastContent) && last === mark && BYLINE.test(after)) ||
        (prevMark?.close != null && prevMark.close + 1 === beforeStart && BYLINE.test(before));
      // So is the excerpt a post sets under a line naming the story's writer and where it ran ('From Dana Whitfield
      // writing at The Courier:¶"The Blue Note …'): the other story's copy, as a digest's excerpt is.
      const excerpt =
        startsSentence &&
        body.slice(paragraph.start, mark.open).trim() === '' &&
        EXCERPT_FROM.test(doc.paragraphs[paragraph.index - 1]?.text ?? '');
      const notSpeech =
        digest ||
        excerpt ||
        capsHeadline ||
        STAGE_DIRECTION.test(content) ||
        /^[\p{L}’'-]+:$/u.test(content) ||
        crosshead ||
        HYPOTHETICAL.test(beforeTrim);
      // A title in capitals carrying its own comma or full stop inside the marks, as American copy writes it: named
      // by the word before it ('in his 2012 book, "An Open Road."', 'an ad titled "Enough."'), or set into the
      // sentence with nothing to attribute it ('"Night Shift," which airs on Fridays, is …', 'told "Morning
      // Edition," adding …'). A quote set off by a verb and a comma ('she said, "Never,"') is still an answer.
      const namedWork =
        titleShaped &&
        PUNCT_END.test(firstContent) &&
        last === mark &&
        (WORK_BEFORE.test(beforeTrim) ||
          (/,$/.test(firstContent) &&
            afterAttribution === null &&
            !/[,:]$/.test(beforeTrim) &&
            /\S/.test(body.slice(lastEnd, endSentence.end))));
      // Words quoted as words, in a list ('terms such as "levy," "toll" and "fee"'): a short quote whose neighbour
      // in the sentence is another, with only a comma, "and" or "or" between them.
      const quotedWords =
        words.length <= 4 &&
        (listedPair(body, prevMark, mark, sentence.start, endSentence.end) ||
          listedPair(body, mark, nextMark, sentence.start, endSentence.end));
      // A quote set into the reporter's sentence as an aside, after a dash or a bracket, closed by its own comma,
      // question or exclamation mark and followed at once by its attribution: 'unserious - "Again, we need the
      // details," she said - and', '("I want my dues back," wrote Ed Nelson)'. After a comma only when a verb of
      // saying comes before it ('"…," she said, but despite the tone, "I think he will do it," said Kunin',
      // 'telling Mic in an interview, "But gosh, …," he said'): after a phrase of the reporter's own ('Like most
      // campaigns, "the process we go through is …," he said') the quote completes the reporter's sentence, a
      // partial quote; after a phrase that only names the topic ('As for the cost, "we will pay it," she said') it
      // is the speaker's own sentence. A title set off the same way ('his weekly show, "Generations with Kevin Swanson," Right
      // Wing Watch reported', 'One ad, "Balanced Rebellion," stars …') is not a quote either.
      const setOff =
        (/(?:[;(]|--|[—–―-])$/.test(beforeTrim) ||
          (/,$/.test(beforeTrim) &&
            (saysBefore(before) || (beforeStart === sentence.start && TOPIC_LEAD.test(before))))) &&
        !titleShaped &&
        !WORK_BEFORE.test(beforeTrim) &&
        last === mark &&
        /[,?!][’'”"]*$/.test(lastContent) &&
        afterAttribution !== null &&
        afterAttribution.verb !== null &&
        Math.min(afterAttribution.npStart, afterAttribution.verbStart) === leading;
      const direct =
        !notSpeech &&
        !quotedWords &&
        (signRead !== null ||
          (criedOut !== null && found === criedOut) ||
          (!titleLike &&
            !namedWork &&
            !objectPhrase &&
            !fragment &&
            !carriedOnAfterComma &&
            !finishedAfter &&
            !woven &&
            !thatClause &&
            // 'tweeted that, “For those …”': the quote is the clause "that" opens, whatever its case.
            !afterThat(before) &&
            (introduced || setOff || digestItem || (startsSentence && (ownPunct || words.length >= 3)))));
      if (!direct) {
        // A quote left open that is not one ('Grayson said Murphy's support is "really an amorphous position to
        // have.' with its closing mark missing) gives back the quotes of the next paragraphs it had taken as its
        // continuation: each is read on its own.
        // An excerpt keeps its paragraphs together: each opens on the excerpt's own mark, not on a quote.
        if (!excerpt) for (const part of parts.slice(1)) consumed.delete(part.mark);
        // A digest's excerpt is another story's copy: its own "said" is that story's reporting, not this one's.
        if (digest || excerpt) covered.push({ start: mark.open, end: lastEnd });
        continue;
      }

      const signature = DASH_SIGNATURE.exec(after);
      // The speaker of such a quote may close the reporter's words after it: '"… They don't have a choice" but to
      // take the lead, says Evan Tracey, a consultant.'
      const tail = carriedOn && afterAttribution === null ? TAIL_SAYS.exec(after) : null;
      // 'When a man shouted, "Lind," the mayor said, "Not today!"': a verb of saying and its comma right before the
      // marks say who spoke them; the attribution after the quote, introducing a quote of its own, is another's.
      const ownLead =
        before2 !== null &&
        before2.verb !== null &&
        before2.np !== '' &&
        !before2.far &&
        !before2.participle &&
        /,$/.test(beforeTrim) &&
        afterAttribution !== null &&
        afterAttribution.verb !== null &&
        nextMark !== undefined &&
        nextMark.open < endSentence.end &&
        /,\s*$/.test(body.slice(lastEnd, nextMark.open)) &&
        /^\s*\p{Lu}/u.test(body.slice(nextMark.contentStart, nextMark.contentEnd));
      let attribution =
        (ownLead ? before2 : null) ??
        (digestItem
          ? byName(outlet![1]!, lastEnd + outlet!.index + outlet![0].indexOf(outlet![1]!))
          : null) ??
        (signRead ? signHolder(beforeTrim.slice(0, signRead.index), beforeStart) : null) ??
        afterAttribution ??
        before2 ??
        (tail
          ? {
              np: tail[2]!,
              npStart: lastEnd + tail.index + tail[0].lastIndexOf(tail[2]!),
              verb: verbBase(tail[1]!)!,
              verbStart: lastEnd + tail.index + tail[0].indexOf(tail[1]!),
            }
          : null) ??
        (signature ? byName(signature[1]!, lastEnd + after.indexOf(signature[1]!)) : null);
      // A quote that fills its paragraph, signed in the next one: '"…"¶- Sanders.', '"…"¶-President Obama, tweeting
      // after the speech.' (fact checks and notebooks set their quotes this way).
      if (!attribution && startsSentence && /^[\s.,]*$/.test(body.slice(lastEnd, doc.paragraphs[pi]!.end))) {
        const nextParagraph = doc.paragraphs[pi + 1];
        const signed = nextParagraph ? PARAGRAPH_SIGNATURE.exec(nextParagraph.text) : null;
        if (signed)
          attribution = {
            np: signed[1]!,
            npStart: nextParagraph!.start + nextParagraph!.text.indexOf(signed[1]!),
            verb: null,
            verbStart: -1,
          };
      }
      // '… then leaned in and boomed: “…”', 'Eva Lind posted: “…”': a colon introduces the quote even when its verb is
      // not one the lexicon lists; the speaker is the subject of the clause, when it is a name or a pronoun.
      if (!attribution && /:$/.test(beforeTrim)) {
        const subject = colonSubject(beforeTrim.slice(0, -1), beforeStart);
        if (subject) attribution = byName(subject.np, subject.start);
      }
      // A pull quote signed on its own last line inside the marks: '"The reality is …, that could create new
      // problems for her here.¶S.C. Rep. Jim Clyburn."'. The line is the speaker, not part of the quote.
      const signedInside = attribution ? null : signedLastLine(content);
      if (signedInside) {
        const at = body.indexOf(signedInside.name, mark.contentStart);
        if (at >= 0) attribution = byName(signedInside.name, at);
      }
      let speaker = null;
      let verb: string | null = null;
      if (attribution) {
        speaker =
          attribution.np === ''
            ? attribution.participle && attribution.verbStart === sentence.start
              ? speakerCarriedOn(doc, ctx, sentence, previous)
              : null
            : resolveSpeaker(ctx, attribution.np, attribution.npStart, { start: mark.open, end: lastEnd });
        verb = attribution.verb;
        if (attribution.verb !== null && !example) usedVerbs.add(attribution.verbStart);
      }
      const label = attribution ? null : SPEAKER_LABEL.exec(firstContent);
      if (label) speaker = resolveSpeaker(ctx, labelName(label[1]!), mark.contentStart);
      else if (!attribution) {
        // No attribution in the sentence: a person the copy turns to between the last quote and this one ('…,"
        // Carson replied.¶Quintanilla seemed taken aback. "Does that …?"'), else the speaker the context implies,
        // i.e. the last one quoted nearby.
        const from =
          previous && previous.paragraph === paragraph.index
            ? doc.sentences[previous.sentence]!.end
            : paragraph.start;
        const lastBefore =
          startsSentence && !/:$/.test(beforeTrim)
            ? lastSentenceBetween(doc, from, mark.open, paragraph.index)
            : null;
        const saidBefore = lastBefore
          ? speakerEndingSentence(doc, ctx, lastBefore)
          : startsSentence
            ? introducedBefore(doc, ctx, paragraph, mark.open)
            : null;
        const turnedTo = lastBefore && !saidBefore ? namedSubjectOf(doc, ctx, lastBefore) : null;
        // A question answered in the next paragraph of a two-person exchange: the turn passes back to the one
        // quoted before the question ('"…?" Maddow asked.¶"I'm not sure …"' is Clinton's), where the copy
        // alternates between two speakers.
        const asker = previous && previous.paragraph < paragraph.index ? previous.quote : null;
        const answerer = quotes.length >= 2 ? quotes[quotes.length - 2]! : null;
        const answer =
          asker !== null &&
          answerer !== null &&
          paragraph.index - previous!.paragraph === 1 &&
          /\?[’'”"]*$/.test(asker.text) &&
          asker.verb !== null &&
          answerer.speaker !== null &&
          asker.speaker !== null &&
          answerer.speaker !== asker.speaker &&
          asker.start - answerer.end < 600;
        if (saidBefore) speaker = saidBefore;
        else if (turnedTo) speaker = turnedTo;
        else if (answer)
          speaker = { speaker: answerer.speaker!, role: answerer.role, gender: 'unknown' as const };
        else if (previous && paragraph.index - previous.paragraph <= 1 && previous.quote.speaker) {
          speaker = {
            speaker: previous.quote.speaker,
            role: previous.quote.role,
            gender: 'unknown' as const,
          };
        } else {
          speaker = recentReferent(ctx, mark.open, null, 2);
        }
      }
      const text = (label ? content.slice(label[0].length) : (signedInside?.quote ?? content))
        .replace(/[,:;—–-]+$/, '')
        .trim();
      const quote: Quote = {
        kind: 'direct',
        text,
        speaker: speaker?.speaker ?? null,
        role: speaker?.role ?? null,
        verb,
        start: mark.open,
        end: lastEnd,
        sentence: body.slice(sentence.start, endSentence.end),
      };
      if (speaker && attribution) remember(ctx, speaker, attribution.npStart);
      quotes.push(quote);
      if (example) examples.add(quote);
      else covered.push({ start: mark.open, end: lastEnd });
      previous = { quote, paragraph: pi, sentence: endSentence.index, ...(ownLead ? { ownLead } : {}) };
    }
  };
  return { result: { quotes, usedVerbs, covered, examples }, paragraph: paragraphQuotes };
}

/** A dash opening an aside before a quote ('-- "…"', '— "…"', ' - "…"'), and one closing it after. */
const DASH_BEFORE = /(?:--|[—–―]|\s-)$/;
const DASH_AFTER = /^\s*(?:--|[—–―]|-\s)/;
/** The closing dash and the first word after it. */
const WORD_AFTER_DASH = new RegExp(String.raw`${DASH_AFTER.source}\s*(\p{Ll}[\p{L}’'-]*)`, 'u');
/** Whether the words after a quote's closing dash open on a verb ('-- is likely to be repeated', '— was wearing thin'). */
function verbAfterDash(after: string): boolean {
  const word = WORD_AFTER_DASH.exec(after)?.[1];
  return (
    word !== undefined &&
    !/^(?:and|but|or|nor|yet|so|then)$/.test(word) &&
    hasTag(word, 'Copula', 'Modal', 'Auxiliary', 'PresentTense', 'PastTense')
  );
}
/** A name right before the dash: 'the former candidate Mitt Romney -- "…"'. */
const NAME_BEFORE_DASH = new RegExp(
  String.raw`(?:^|\s)((?:(?:${TITLE_ABBREVIATION})\.\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){1,3})$`,
  'u',
);

/** A digest item's headline: capitals (and figures) only, three words or more, from the start of its line. */
const DIGEST_HEADLINE = /^[^\S\n]*(?=(?:[^\s\p{Ll}]+\s+){2}[^\s\p{Ll}])[^\p{Ll}\n]*\p{Lu}[^\p{Ll}\n]*$/u;
/**
 * The outlet a digest credits, in brackets right after the quote: "[WaPo.]", "[Mother Jones]", "[Reuters.]", or
 * after a sentence or two of the digest's own ('… ” Tune in at 9 p.m. [AP.]'). A transcript's stage direction in the
 * same place ("[Laughter.]", "[Applause]") names no one.
 */
const DIGEST_OUTLET =
  /^[^\S\n]*(?:[^\n[\]“”"]{1,200}?[.!?][^\S\n]+)?\[(?!(?:Laughter|Applause|Cheers|Cheering|Booing|Boos|Crosstalk|Inaudible|Unintelligible|Music|Silence|Pause)\b)(\p{Lu}[\p{L}\d.&’' -]{1,40}?)\.?\][^\S\n]*(?:\n|$)/u;

/**
 * A sign, a banner, a hat or a message, then the verb that reads out its words: "a sign that read", "the
 * placard — which read", "a campaign hat reading,", "a message on Twitter reading".
 */
const SIGN_READS =
  /(?:^|[\s(])(?:sign|banner|placard|poster|billboard|sticker|button|hat|cap|flag|message|tweet|caption)s?(?:\s+(?:on|from)\s+\p{Lu}\p{L}*)?\s*(?:[—–―-]+\s*)?(?:(?:that|which)\s+)?(?:reads|read|reading)\s*[,:]?$/iu;

/**
 * Who holds or posts the sign: the subject of the verb before it ('Hale hoisted a sign that read …'), else no one
 * ('One banner read …' is the banner's words, with no speaker).
 */
function signHolder(text: string, base: number): Attribution {
  const words = allMatches(/(?<![\p{L}’'-])\p{Ll}[\p{L}’'-]*/gu, text)
    .slice(-4)
    .reverse();
  for (const w of words) {
    if (!(QUOTE_VERBS.has(w[0]) || looksLikeVerb(w[0]))) continue;
    const subject = subjectBefore(text.slice(0, w.index), base);
    if (subject) return byName(subject.np, subject.start);
    break;
  }
  return byName('', base);
}

/** A text that reads out the quote after it: "it reads", "the statement read", "one sign reads". */
const READS_BEFORE =
  /(?:^|\s)(?:it|(?:the|a|an|one|this|that|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,2}(?:letter|statement|sign|message|e-?mail|post|tweet|note|ad|release|banner|caption|card|memo|headline|poster|placard|plaque|inscription|text|notice))\s+(?:reads|read)$/iu;

/** A last line inside the marks that signs the lines before it: "S.C. Rep. Jim Clyburn.", "Josh Bivens, EPI." */
const SIGNED_LINE = /[.!?…]["”’']?[^\S\n]*\n[^\S\n]*[-―—–]?\s*(\p{Lu}[^\n,]{1,60}?)(?:,[^\n]{2,80})?\.?\s*$/u;

/**
 * The quote and the signing name when the quote's last line is a signature: up to six words, opening and ending on
 * a capitalised word, any lower-case word among them a word of role ("Former NAACP president Ben Jealous"), after
 * a line that ends a sentence.
 */
function signedLastLine(content: string): { quote: string; name: string } | null {
  const m = SIGNED_LINE.exec(content);
  if (!m) return null;
  const name = m[1]!.trim();
  const words = splitSpaces(name);
  if (words.length > 6 || !/^\p{Lu}/u.test(words[words.length - 1]!)) return null;
  if (words.some((w) => /^\p{Ll}/u.test(w) && !hasTag(w, 'Actor', 'Adjective'))) return null;
  return { quote: content.slice(0, m.index + 1 + (/["”’']/.test(m[0][1]!) ? 1 : 0)), name };
}

/** A quote's words for comparing two quotes: lower case, letters and digits only. */
function quoteKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The direct quotes without the copies a pull quote makes: a quote set again on its own, with no attribution, after
 * (or before) the same words quoted with their speaker's verb ('“The reality is …,” said Jim Clyburn' and, as a
 * paragraph of its own, '“The reality is …”'). The copy says nothing new and its speaker, read from the context,
 * is often someone else. Only a copy of six words or more whose words all stand in the attributed quote: a short
 * phrase may well be said twice, and a longer quote holding the attributed one says more than it.
 */
export function withoutPullQuotes(quotes: Quote[]): Quote[] {
  const attributed = quotes.filter((q) => q.verb !== null).map((q) => quoteKey(q.text));
  if (attributed.length === 0) return quotes;
  return quotes.filter((q) => {
    if (q.verb !== null) return true;
    const key = quoteKey(q.text);
    return key.split(' ').length < 6 || !attributed.some((a) => a.includes(key));
  });
}
