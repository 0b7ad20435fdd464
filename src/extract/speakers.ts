/**
 * Who is speaking. Turns the noun phrase an attribution names ("Putin", "he", "Viktor Ozerov, The head of the
 * parliamentary defense committee", "a navy spokeswoman", "the agency") into the fullest name the article uses, and
 * remembers each speaker so later pronouns and unattributed quotes can find them.
 */
import {
  type EntityIndex,
  type Gender,
  type PersonRecord,
  addSpeakerOrganization,
  addSpeakerPerson,
  bestRole,
  cleanDescription,
  isCommonWord,
  isPlaceName,
  isTitleOrRole,
  personKey,
  pickPerson,
  resolveDescription,
  resolveName,
  resolveOrganization,
  SERVICES,
} from './entities.ts';
import {
  EXTRA_PLACES,
  FUNCTION_WORDS,
  KNOWN_ORGS,
  ORG_HEADS,
  POSSESSIVE_PRONOUNS,
  PRONOUNS,
  ROLE_GENDER,
  ROLE_NOUNS,
  TITLE_WORDS,
  firstNameGender,
  hasTag,
  isDemonym,
} from './lexicon.ts';
import { type Document, isSpaceCode, splitSpaces } from './sentences.ts';
import { DATELINE, isCapitalised, stripPossessive } from './tokens.ts';

/** Someone a pronoun or an unattributed quote may refer back to. */
export interface Referent {
  start: number;
  sentence: number;
  speaker: string;
  role: string | null;
  gender: Gender | 'plural';
}

export interface Speaker {
  speaker: string;
  role: string | null;
  gender: Gender | 'plural';
}

/** The state speaker resolution keeps while the article is read front to back. */
export interface SpeakerContext {
  doc: Document;
  index: EntityIndex;
  referents: Referent[];
}

function sentenceIndexAt(ctx: SpeakerContext, offset: number): number {
  const s = ctx.doc.sentences;
  let lo = 0;
  let hi = s.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A phrase split at its commas and the white space around them, as a split at the pattern `\s*,\s*` cuts it: at
 * each comma, each part trimmed on its comma sides. Read without a pattern (splitting at one copies it at every call),
 * and a phrase with no comma, as most are, is not split at all: this is asked of every phrase read as a speaker.
 */
function commaParts(text: string): string[] {
  if (!text.includes(',')) return [text];
  const parts = text.split(',');
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i]!;
    if (i > 0) part = part.trimStart();
    if (i < parts.length - 1) part = part.trimEnd();
    parts[i] = part;
  }
  return parts;
}

/**
 * `text.split(/(?<=,)/)`: the text cut right after each comma but one at its very end, every part but the last
 * keeping its comma (splitting at a pattern copies the pattern at every call).
 */
function splitAfterCommas(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let at = text.indexOf(','); at >= 0 && at + 1 < text.length; at = text.indexOf(',', at + 1)) {
    parts.push(text.slice(from, at + 1));
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

function fromPerson(person: PersonRecord): Speaker {
  return { speaker: person.name, role: bestRole(person), gender: person.gender };
}

/**
 * "Santos said she plans to …": when people of both genders share the bare surname that says something, the
 * pronoun opening what was said is the speaker, so its gender tells which of them it is ("Luis Santos" was nearer,
 * but it is Maria Santos who plans).
 */
export function agreeWithPronoun(
  ctx: SpeakerContext,
  speaker: Speaker,
  np: string,
  after: string,
  at: number,
): Speaker {
  if (!/^\p{Lu}[\p{L}’'-]+$/u.test(np)) return speaker;
  const pronoun = /^\s+(?:that\s+)?(he|she)\b/i.exec(after)?.[1]?.toLowerCase();
  if (!pronoun) return speaker;
  const gender: Gender = pronoun === 'he' ? 'male' : 'female';
  // Only a known gender that disagrees: "Jeb Bush", whose first name the word list lacks, stays Jeb.
  if (speaker.gender !== (gender === 'male' ? 'female' : 'male')) return speaker;
  const key = personKey(np);
  const fits = ctx.index.people.filter((p) => p.key === key && p.gender === gender);
  return fits.length > 0 ? fromPerson(pickPerson(fits, at, gender)) : speaker;
}

/**
 * The most recent person or speaker before `offset`, within a few sentences, whose gender fits. Person mentions
 * and earlier speakers both count, so "a navy spokeswoman … She said" finds the spokeswoman.
 */
export function recentReferent(
  ctx: SpeakerContext,
  offset: number,
  gender: Gender | 'plural' | null,
  window = 3,
  quoted?: { start: number; end: number },
): Speaker | null {
  const near = searchReferent(
    ctx,
    offset,
    quoted,
    (g) =>
      gender === null
        ? g !== 'plural'
        : gender === 'plural'
          ? g === 'plural'
          : g === gender || g === 'unknown',
    window,
  );
  if (near || (gender !== 'male' && gender !== 'female')) return near;
  // "she" with nobody near: the last woman the article named, further back (a profile names its subject once and
  // then says "she" for paragraphs). Only an exact gender match reaches that far.
  return searchReferent(ctx, offset, quoted, (g) => g === gender, PRONOUN_REACH);
}

/**
 * The most recent person mention or speaker before `offset`, within `reach` sentences, whose gender `fits` (see
 * {@link recentReferent}).
 */
function searchReferent(
  ctx: SpeakerContext,
  offset: number,
  quoted: { start: number; end: number } | undefined,
  fits: (g: Gender | 'plural') => boolean,
  reach: number,
): Speaker | null {
  const here = sentenceIndexAt(ctx, offset);
  // Where the sentence `reach` sentences back starts: a mention before it is further back than that.
  const from = here - reach >= 1 ? ctx.doc.sentences[here - reach]!.start : -Infinity;
  let best: { start: number; speaker: Speaker } | null = null;
  // A possessor ("Ed Rendell, one of Clinton's supporters, … he said") is a weaker antecedent than a person
  // named in their own right in the same sentence.
  let plain: { start: number; speaker: Speaker } | null = null;
  for (const m of ctx.index.personMentions) {
    if (m.start >= offset) break;
    if (m.start < from) continue;
    // '“Maybe the difference between the Irish Catholic and the Methodist,” he wondered': the people a quote
    // names are the ones its speaker talks about, not the speaker.
    if (quoted && m.start >= quoted.start && m.start < quoted.end) continue;
    if (fits(m.person.gender) && (!best || m.start >= best.start)) {
      best = { start: m.start, speaker: fromPerson(m.person) };
      if (!possessiveAt(ctx, m)) plain = best;
    }
  }
  if (
    best &&
    plain &&
    best !== plain &&
    sentenceIndexAt(ctx, plain.start) === sentenceIndexAt(ctx, best.start)
  )
    best = plain;
  for (const r of ctx.referents) {
    if (r.start >= offset || here - r.sentence > reach) continue;
    if (fits(r.gender) && (!best || r.start > best.start)) best = { start: r.start, speaker: r };
  }
  const described = describedSubjectBefore(ctx, quoted?.start ?? offset, best?.start ?? -1, fits);
  if (described) return described;
  if (!best) return null;
  return subjectOfSentence(ctx, best.start, offset, fits) ?? best.speaker;
}

/**
 * Whether a person mention only qualifies a noun: a possessive ("Clinton's", "Bill Clinton’s") or a name before a
 * noun of the people or things around a person ("Clinton campaign", "Trump supporters").
 */
function possessiveAt(ctx: SpeakerContext, m: { person: PersonRecord; start: number }): boolean {
  const end = m.person.mentions.find((s) => s.start === m.start)?.end;
  if (end === undefined) return false;
  const body = ctx.doc.body;
  return (
    /[’'](?:s|)$/.test(body.slice(m.start, end)) ||
    body[end] === '’' ||
    body[end] === "'" ||
    ATTRIBUTIVE_HEAD.test(body.slice(end, end + 24))
  );
}

const ATTRIBUTIVE_HEAD =
  /^ (?:campaigns?|supporters?|backers|voters|aides?|advis[eo]rs?|allies|surrogates|staff(?:ers)?|camp|team|rall(?:y|ies)|administration|foundation|spokes(?:man|woman|person)|loyalists|fans|delegates|officials?)\b/;

/**
 * A person the sentence before describes without naming, as its subject: "One of the victims, now 24, read a
 * statement outside the courthouse. “I was 15,” he said." When it opens the sentence right before the pronoun's
 * and comes after every person or speaker that would fit, it is the one the pronoun refers to. Not one the sentence
 * says something happened to ("A man was killed on Tuesday."), who is no one's speaker.
 */
function describedSubjectBefore(
  ctx: SpeakerContext,
  before: number,
  after: number,
  fits: (g: Gender | 'plural') => boolean,
): Speaker | null {
  // The last sentence that ends before the quote (or the pronoun), in the same paragraph or the one before.
  const here = sentenceIndexAt(ctx, before);
  let k = here;
  while (k >= 0 && ctx.doc.sentences[k]!.end > before) k--;
  const sentence = ctx.doc.sentences[k];
  if (!sentence || sentence.start <= after || sentence.paragraph < ctx.doc.sentences[here]!.paragraph - 1)
    return null;
  const m = DESCRIBED_SUBJECT.exec(sentence.text);
  if (!m) return null;
  const rest = sentence.text.slice(m[0].length);
  if (/^(?:,[^,]*,)?\s+(?:(?:was|were|is|are|has been|had been|have been)\b|died\b|dies\b)/.test(rest))
    return null;
  const np = m[0].trim();
  const gender = descriptionGender(np);
  if (!fits(gender)) return null;
  return resolveSpeaker(ctx, np, sentence.start);
}

const DESCRIBED_SUBJECT = new RegExp(
  String.raw`^(?:(?:one|some|another|two|three|many)\s+of\s+the\s+(?:[\p{Ll}-]+\s+){0,2}|(?:a|an|one|another)\s+(?:[\p{Ll}-]+\s+){0,2})` +
    String.raw`(?:victim|survivor|neighbou?r|resident|witness|woman|man|mother|father|parent|son|daughter|sister|brother|wife|husband|friend|relative|student|teacher|nurse|doctor|physician|worker|employee|patient|driver|passenger|tenant|owner|volunteer|protester|demonstrator|farmer|voter|supporter|customer|commuter|refugee|bystander|organi[sz]er|fan|player|coach)s?\b`,
  'iu',
);

/**
 * The person who is the subject of the sentence holding `mention`, when one fits the pronoun's gender and is
 * named before `mention`. A pronoun that opens a clause ("Instead, he maintained …") continues the previous
 * sentence's subject rather than whoever it named last ("Bush … nor did he give Obama credit."), the salience
 * ordering of centering theory; recency alone sends it to the object. A subject is a person mention that opens
 * the sentence, after at most a short opener ending in a comma ("On Monday, Bush …"), with only capitalised words
 * and titles before it ("Former Gov. Jeb Bush").
 */
function subjectOfSentence(
  ctx: SpeakerContext,
  mention: number,
  before: number,
  fits: (g: Gender | 'plural') => boolean,
): Speaker | null {
  const sentence = ctx.doc.sentences[sentenceIndexAt(ctx, mention)]!;
  for (const m of ctx.index.personMentions) {
    if (m.start < sentence.start) continue;
    if (m.start >= mention || m.start >= before) break;
    const prefix = ctx.doc.body
      .slice(sentence.start, m.start)
      .replace(DATELINE, '')
      .replace(/^[^,“”"]{0,30},\s*/, '');
    if (prefix === '' && DATELINE.test(ctx.doc.body.slice(m.start, m.start + 60))) continue;
    if (!SUBJECT_PREFIX.test(prefix)) return null;
    // "Clinton campaign Chairman John Podesta …", "Trump's lawyer …": the name only qualifies the subject.
    if (possessiveAt(ctx, m)) return null;
    return fits(m.person.gender) ? fromPerson(m.person) : null;
  }
  return null;
}

/**
 * What may stand before a sentence's subject: capitalised words, titles' lower-case joiners, an article. Not a
 * quotation mark: a name inside a quote ("“The Bernie Sanders thing …,” says Scott McGeary") is not the subject.
 */
const SUBJECT_PREFIX = /^\s*(?:(?:the|a|an|of|former|\p{Lu}[\p{L}.’'-]*)\s+)*$/u;

/** How many sentences back a gendered pronoun may look for a person of its gender. */
const PRONOUN_REACH = 12;

/**
 * Parties, houses and offices whose names are also ordinary words, which stay capitalised as speakers even where
 * they open a sentence: "Labour said", "The Liberals say", "No 10 said", "Conservatives argued".
 */
const PROPER_COMMON =
  /^(?:Labour|Liberals?|Conservatives?|Tor(?:y|ies)|New Democrats?|Democrats?|Republicans?|Greens?|Unionists?|Nationalists?|Parliament|Congress|Senate|Commons|Whitehall|Kremlin|Pentagon|No\.? ?10)$/;

/** Records a resolved speaker so later pronouns and quotes can refer back to it. */
export function remember(ctx: SpeakerContext, speaker: Speaker, start: number): void {
  if (!speaker.speaker) return;
  ctx.referents.push({ ...speaker, start, sentence: sentenceIndexAt(ctx, start) });
}

function looksLikeName(text: string): boolean {
  const words = splitSpaces(text);
  if (words.length === 0 || words.length > 5) return false;
  return (
    words.every((w) => isCapitalised(w) || /^(?:al|el|von|van|der|de|da|bin)$/.test(w)) &&
    !words.every((w) => isCommonWord(w))
  );
}

/**
 * Two to four capitalised words, none of them a title, role, demonym or place, name a person even when each word
 * is also an ordinary word ("Dean Baker", "Hope Hicks"); written in the middle of a sentence they are not
 * capitalised for any other reason.
 */
function capitalisedName(text: string): boolean {
  const words = splitSpaces(text);
  if (words.length < 2 || words.length > 4) return false;
  return words.every(
    (w) =>
      /^\p{Lu}\p{Ll}[\p{L}’'-]*$|^\p{Lu}\.$/u.test(w) &&
      !TITLE_WORDS.has(w.toLowerCase()) &&
      !ROLE_NOUNS.has(w.toLowerCase()) &&
      !isDemonym(w) &&
      !EXTRA_PLACES.has(w) &&
      !hasTag(w, 'Country', 'City', 'Region', 'Place', 'Month', 'WeekDay', 'Organization', 'Plural'),
  );
}

function descriptionGender(text: string): Gender | 'plural' {
  const words = splitSpaces(text.toLowerCase());
  for (const w of words) {
    const g = ROLE_GENDER.get(w);
    if (g) return g;
  }
  const last = words[words.length - 1] ?? '';
  if (
    /(?:officials|sources|analysts|diplomats|officers|residents|witnesses|experts|people|spokespeople)$/.test(
      last,
    )
  ) {
    return 'plural';
  }
  return 'unknown';
}

/**
 * "golden" or "jared golden" for Jared Golden: the surname or the whole name of someone the article names in full,
 * differing only in case (a one-word "Prosecutors" the entity finder took for a name is no one's surname).
 */
function namesIgnoringCase(written: string, name: string): boolean {
  const w = written.toLowerCase();
  const n = name.toLowerCase().split(' ');
  return n.length >= 2 && (w === n.join(' ') || w === n[n.length - 1]);
}

/**
 * A document or a count and who issued it: "a news release from …", "a joint statement by …", "an email sent by …",
 * "data compiled by …", "figures from …".
 */
const ISSUED_BY =
  /^(?:(?:a|an|the)\s+)?(?:[\p{Ll}-]+\s+){0,2}(?:(?:statement|release|report|letter|e-?mail|memo|filing|post|tweet|video|notice|bulletin|update|transcript)s?\s+(?:(?:issued|sent|released|posted|published)\s+)?|(data|figures|numbers|statistics|survey|poll|analysis|research|study|count|tally)\s+(?:(?:compiled|gathered|collected|provided|released|published|conducted|kept)\s+)?)(?:from|by)\s+(?<issuer>\S.*)$/u;

/** A description by age: "45-year-old mother of three", "the 81-year-old". */
const AGE_DESCRIPTION = /^(?:the\s+)?(\d{1,3})-year-old\b/i;

/** The last person mentioned before `offset` with `age` in an appositive right after the name ("Lopez, 45,"). */
function personOfAge(ctx: SpeakerContext, age: string, offset: number): Speaker | null {
  const body = ctx.index.body;
  const after = new RegExp(`^[^,.;:]{0,40}?,\\s*${age}\\s*[,)]`);
  for (let k = ctx.index.personMentions.length - 1; k >= 0; k--) {
    const m = ctx.index.personMentions[k]!;
    if (m.start >= offset) continue;
    if (after.test(body.slice(m.start, m.start + 60))) return fromPerson(m.person);
  }
  return null;
}

/** A document alone, restated: "the release said", "the statement reads", "the ruling says". */
const DOCUMENT =
  /^(?:the\s+)?(?:[\p{Ll}-]+\s+)?(statement|release|report|letter|e-?mail|memo|notice|bulletin|readout|decision|ruling)$/iu;

/**
 * Who issued the document a bare "the release" or "the statement" restates: the body or person the article gave
 * it to a few sentences before ("according to a news release from the Ontario Provincial Police", "In a statement,
 * the RCMP said …"). Null when no such sentence is near; the document then stands as the speaker.
 */
function documentIssuer(ctx: SpeakerContext, np: string, npStart: number): Speaker | null {
  const noun = DOCUMENT.exec(np)![1]!.toLowerCase();
  const mention = new RegExp(`\\b${noun}s?\\b`, 'i');
  const here = sentenceIndexAt(ctx, npStart);
  for (let k = here; k >= 0 && k >= here - 4; k--) {
    const sentence = ctx.doc.sentences[k]!;
    const text = ctx.doc.body.slice(sentence.start, k === here ? npStart : sentence.end);
    const at = text.search(mention);
    if (at < 0) continue;
    // The nearest sentence that names the document decides: it was issued by a body or person the article knows
    // ("a news release from the OPP"), or it is the medium of that sentence's attribution ("In a statement, the RCMP
    // said …", "… said in an email"). A document someone only "provided" or "sent out" says no more.
    const from = ISSUER_AFTER.exec(text.slice(at));
    if (from) {
      const issuer = cleanDescription(from[1]!);
      const known =
        resolveOrganization(ctx.index, issuer) ?? resolveName(ctx.index, issuer, sentence.start + at);
      return known ? { speaker: known.name, role: null, gender: 'plural' } : null;
    }
    if (!MEDIUM.test(text.slice(Math.max(0, at - 30), at))) return null;
    const said = ctx.referents.findLast((r) => r.sentence === k && r.start < npStart);
    return said ? { speaker: said.speaker, role: said.role, gender: said.gender } : null;
  }
  return null;
}
/** "in a statement", "in an emailed statement", "via a news release": the medium of an attribution. */
const MEDIUM = /\b(?:in|via|through)\s+(?:a|an|its|his|her|their)\s+(?:[\p{Ll}-]+\s+){0,2}$/iu;
const ISSUER_AFTER =
  /^\S+\s+(?:(?:issued|sent|released|posted|published)\s+)?(?:from|by)\s+((?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+(?:of|for|and|on|the|\p{Lu}[\p{L}.’'-]*))*)/u;

/** An owner and a social-media account, page or feed: "her Twitter account", "Trump’s official Facebook page". */
const ACCOUNT =
  /^([Hh]is|[Hh]er|[Tt]heir|(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*[’']s)\s+(?:[\p{L}-]+\s+){0,2}(?:account|page|feed|channel)$/u;

/**
 * Resolves one noun phrase to a speaker. Order matters: pronouns look back, names match people, organisations
 * match organisations, and a description either restates a known person's role or stands as the speaker itself.
 */
/**
 * Whether capitalised words name an office or a body by its title alone, with no person's name in them: "Prime
 * Minister", "Defence Secretary", "Foreign Office", "Prime Minister's Office" (titles, then a role or an
 * organisation's head word). Stripping the titles off such a phrase as off "Foreign Secretary Boris Johnson" would
 * leave "Minister" or "Office" as a person's name.
 */
function namesAnOffice(np: string): boolean {
  // "the Prime Minister's Office": a title may own the head word.
  const words = splitSpaces(np.trim()).map(stripPossessive);
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) return false;
  const last = words[words.length - 1]!.toLowerCase();
  return (
    (ROLE_NOUNS.has(last) || ORG_HEADS.has(last)) &&
    words.slice(0, -1).every((w) => TITLE_WORDS.has(w.toLowerCase()) || isDemonym(w) || OFFICE_WORDS.test(w))
  );
}
/** Words that open the name of a British office without being titles themselves ("Home Office", "Cabinet Office"). */
const OFFICE_WORDS = /^(?:Home|Cabinet|Justice|Health|Education|Culture|Transport|Environment|Energy|Trade)$/;

export function resolveSpeaker(
  ctx: SpeakerContext,
  rawNp: string,
  npStart: number,
  quoted?: { start: number; end: number },
): Speaker | null {
  // "Rep. Jim Clyburn (D-S.C.)": a parenthetical (party and state, an age) is not part of the name, nor the end
  // of one the phrase starts inside ("… AFP/Getty Images) Iran's president"); "Cameron Easley for Morning
  // Consult": nor is the outlet a writer works for.
  // Each pattern below runs only when the phrase holds the character or word it cannot match without (all are
  // case-sensitive): this runs for every subject of every attribution.
  let np = rawNp.replace(/^[\s,—–―-]+/, '');
  if (np.includes(')')) np = np.replace(/^[^(]*\)\s*/, '');
  if (np.includes('(')) np = np.replace(/\s*\([^)]*\)/g, '');
  if (np.includes('for'))
    np = np.replace(/^((?:\p{Lu}[\p{L}.’'-]*\s+){1,3}\p{Lu}[\p{L}’'-]*)\s+for\s+(?:the\s+)?\p{Lu}.*$/u, '$1');
  np = cleanDescription(np);
  // "Gov. John Kasich of Ohio": the place a person is from is not part of the name ("Bank of America" is no person).
  const from = np.includes('of')
    ? /^((?:\p{Lu}[\p{L}.’'-]*\s+){1,3}\p{Lu}[\p{L}’'-]*)\s+of\s+(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)?)(?=\s*(?:,|$))/u.exec(
        np,
      )
    : null;
  if (from && isPlaceName(from[2]!) && splitSpaces(from[1]!).some((w) => firstNameGender(w) !== null))
    np = from[1]! + np.slice(from[0].length);
  // "Florida’s Rick Wilson", "Gallup’s Jeffrey M. Jones": the possessor is not part of the speaker's name.
  const possessed =
    np.includes('’') || np.includes("'")
      ? /^(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*[’']s\s+(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){1,3}(?:,.*)?)$/u.exec(
          np,
        )
      : null;
  if (possessed) {
    npStart += np.length - possessed[1]!.length;
    np = possessed[1]!;
  }
  if (!np) return null;
  // "a news release from the Ministry of Transportation", "a statement issued by the RCMP": the body that issued
  // a document speaks through it.
  const issued = ISSUED_BY.exec(np);
  if (issued) {
    const issuer = issued.groups!.issuer!;
    const issuerStart = npStart + np.length - issuer.length;
    // A count or a poll comes from a body ("a poll by RealClearPolitics", "analysis by the Pew Research Center"),
    // unless the article names the person who made it: the issuer is no new person.
    if (issued[1] === undefined) return resolveSpeaker(ctx, issuer, issuerStart);
    const person = resolveName(ctx.index, issuer, issuerStart);
    if (person) return fromPerson(person);
    const org = resolveOrganization(ctx.index, issuer);
    return { speaker: org?.name ?? cleanDescription(issuer), role: null, gender: 'plural' };
  }
  // '“We have nothing left,” the 45-year-old said' after "Maria Lopez, 45, lost her home": the person the article
  // gave that age, in an appositive after the name, before this.
  const age = np.includes('year-old') ? AGE_DESCRIPTION.exec(np) : null;
  if (age) {
    const aged = personOfAge(ctx, age[1]!, npStart);
    if (aged) return aged;
  }

  const document = DOCUMENT.test(np) ? documentIssuer(ctx, np, npStart) : null;
  if (document) return document;
  // "her Twitter account posted:", "Trump's Facebook page said": the account speaks for its owner.
  const account = ACCOUNT.exec(np);
  if (account) {
    const owner = account[1]!;
    return resolveSpeaker(
      ctx,
      POSSESSIVE_PRONOUNS.get(owner.toLowerCase()) ?? owner.replace(/[’']s$/, ''),
      npStart,
    );
  }
  const relative = np.includes(',') ? null : DESCRIBED_BY_RELATIVE.exec(np);
  if (relative && describedHead(splitSpaces(relative[1]!))) {
    // "Supporters who …" opening the sentence is lower-cased; "White House officials who …" keeps its name.
    const description = np
      .replace(/^even\s+/i, '')
      .replace(/^(\p{Lu})(\p{Ll}*)(?=\s+(\S+))/u, (_, a: string, b: string, next: string) =>
        (/^\p{Ll}/u.test(next) && isCommonWord(a + b)) ||
        (/^(?:who|whose)$/.test(next) && describedHead([a + b])) ||
        NP_OPENER.test(a + b) ||
        /^one$/i.test(a + b)
          ? a.toLowerCase() + b
          : a + b,
      );
    return { speaker: description, role: null, gender: descriptionGender(np) };
  }
  // A possessive pronoun left alone as the subject ("Her answer was: …" read with "answer" as the verb) stands for its
  // owner, as "her claim" does: the speaker is whoever "she" is, never the word "her".
  const lowered = np.toLowerCase();
  const lower = POSSESSIVE_PRONOUNS.get(lowered) ?? lowered;
  const pronoun = PRONOUNS.get(lower);
  if (pronoun) return recentReferent(ctx, npStart, pronoun === 'plural' ? 'plural' : pronoun, 3, quoted);
  if (/^(?:it|this|that|there|which|who|i|we|you|one)$/.test(lower)) return null;

  // Appositives: "Viktor Ozerov, The head of …" or "A spokesman, Hossein Amini".
  // A party and state tag ("Sen. Ana Lind, D-Ore., said") names no one.
  const parts = commaParts(np).filter((p) => p && !PARTY_TAG.test(p));
  if (parts.length === 1 && np.includes(',')) np = parts[0]!;
  if (parts.length > 1) {
    // "One operator, identified only as Captain Reyes": a part that ends in a known name.
    // A part that is a name, else one that ends in a name the article knows; a later item of a list ("senator Ana
    // Lind, and Tom Ward") only after the first.
    const later = (p: string) => /^(?:and|or)\s/.test(p);
    const named =
      parts.find((p) => !later(p) && looksLikeName(cleanDescription(p))) ??
      parts
        .find((p) => {
          const tail = /((?:\p{Lu}[\p{L}.’'-]*\s?){1,4})$/u.exec(p.trim());
          return tail !== null && resolveName(ctx.index, tail[1]!.trim(), npStart) !== null;
        })
        ?.replace(/^.*?((?:\p{Lu}[\p{L}.’'-]*\s?){1,4})$/u, '$1') ??
      parts.find((p) => later(p) && looksLikeName(cleanDescription(p)));
    if (named) {
      const found = resolveSpeaker(ctx, named, npStart + Math.max(0, np.indexOf(named)));
      if (found) return found;
    }
    return resolveSpeaker(ctx, parts[0]!, npStart);
  }

  // "Sen. Chris Murphy of Connecticut", "Paul Sperry of Counter Jihad": a person the article names, then "of" and
  // a place or an organisation; the speaker is the person, not the place or the organisation.
  const ofWhere = /^(.*?\p{Lu}[\p{L}’'-]*)\s+of\s+(?:the\s+)?\p{Lu}/u.exec(np);
  if (ofWhere) {
    const head = ofWhere[1]!;
    const headWords = splitSpaces(head);
    const headPerson = headWords.length >= 2 ? resolveName(ctx.index, head, npStart) : null;
    if (headPerson && looksLikeName(headWords[headWords.length - 1]!)) return fromPerson(headPerson);
  }
  const org = resolveOrganization(ctx.index, np) ?? organizationWithin(ctx, np);
  if (org) return { speaker: org.name, role: null, gender: 'plural' };
  const person = resolveName(ctx.index, np, npStart);
  // A surname that is also an ordinary word ("Golden", "Black", "Young") still names the person the article
  // introduced with it, when it is written capitalised or, lower-cased by a slip of the copy ("…,” golden said),
  // is exactly that person's surname or full name with no article before it ("the young" is not Mr. Young).
  if (
    person &&
    (looksLikeName(np.split(' ').slice(-1)[0]!) ||
      /^\p{Lu}\p{Ll}+$/u.test(np) ||
      (!/^(?:the|a|an)\s/i.test(rawNp.trim()) && namesIgnoringCase(np, person.name)))
  )
    return fromPerson(person);
  // "the state news agency SANA", "spokesman Hossein Amini": a name right after a role or organisation noun.
  const tail = /(?:^|\s)(?:[a-z-]+\s+)*?([a-z-]+)\s+((?:\p{Lu}[\p{L}.’'-]*\s*)+)$/u.exec(np);
  if (
    tail &&
    (ROLE_NOUNS.has(tail[1]!) || /^(?:agency|network|group|broadcaster|newspaper)$/.test(tail[1]!))
  ) {
    const name = tail[2]!.trim();
    const namedOrg = resolveOrganization(ctx.index, name);
    if (namedOrg) {
      namedOrg.aliases.add(cleanDescription(np.slice(0, np.length - name.length)));
      return { speaker: namedOrg.name, role: null, gender: 'plural' };
    }
    const namedPerson = resolveName(ctx.index, name, npStart);
    if (namedPerson) return fromPerson(namedPerson);
  }
  // "Texas delegate Bill Eastland", "Blaze co-host Stu Burguiere": any lower-case noun before a full name is a role,
  // not only the role nouns listed (which also decide entity types elsewhere, so they stay few).
  if (
    tail &&
    capitalisedName(tail[2]!.trim()) &&
    !isPlaceName(tail[2]!.trim()) &&
    !ORG_HEADS.has(splitSpaces(tail[2]!.trim()).pop()!.toLowerCase()) &&
    !/^(?:the|a|an|of|for|and|or|to|in|at|by|with|from|on)$/.test(tail[1]!) &&
    !hasTag(tail[1]!, 'Preposition', 'Verb', 'Conjunction', 'Determiner', 'Adjective')
  ) {
    const name = tail[2]!.trim();
    const known = resolveName(ctx.index, name, npStart);
    if (known) return fromPerson(known);
    const start = npStart + np.length - name.length;
    const added = addSpeakerPerson(ctx.index, name, { start, end: start + name.length });
    added.roles.push(np.slice(0, np.length - name.length).trim());
    return fromPerson(added);
  }
  if (!namesAnOffice(np) && (looksLikeName(np) || capitalisedName(np))) {
    const plain = stripPossessive(np);
    if (isPlaceName(plain) || hasTag(plain, 'Country', 'City'))
      return { speaker: plain, role: null, gender: 'plural' };
    if (KNOWN_ORGS.has(plain) || hasTag(plain, 'Organization'))
      return { speaker: plain, role: null, gender: 'plural' };
    // "the RCMP said", "CBSA told": an acronym that names no one the article knows is a body, not a person; so is
    // a name that "which" follows ("Shared Health, which runs the hospital, said").
    const which = /^,\s+which\b/.test(ctx.doc.body.slice(npStart + np.length, npStart + np.length + 10));
    if ((/^\p{Lu}{2,6}$/u.test(plain) || which) && !resolveName(ctx.index, plain, npStart))
      return { speaker: plain, role: null, gender: 'plural' };
    // "Senator Jeff Flake", "GOP Sen. John McCain", "Navy Capt. Jeff Davis", "CNN Gloria Borger": the words
    // before the name are a title, an outlet or a service, not part of the name.
    const words = plain.split(' ');
    let k = 0;
    while (
      k < words.length - 1 &&
      (TITLE_WORDS.has(words[k]!.toLowerCase()) ||
        /^\p{Lu}{2,}$/u.test(words[k]!) ||
        SERVICES.has(words[k]!) ||
        /^(?:Coast|Guard|GOP)$/.test(words[k]!) ||
        isDemonym(words[k]!) ||
        EXTRA_PLACES.has(words[k]!) ||
        hasTag(words[k]!, 'Country', 'City', 'Region', 'Place'))
    )
      k++;
    // Anything up to the last title or role word is the title: "Cleveland Police Chief Calvin Williams".
    for (let j = words.length - 2; j >= k; j--) {
      if (isTitleOrRole(words[j]!)) {
        k = j + 1;
        break;
      }
    }
    const name = words.slice(k).join(' ');
    const known = k > 0 ? resolveName(ctx.index, name, npStart) : null;
    if (known) return fromPerson(known);
    // "Manitoba Hydro", "Calgary Transit", "Alberta Health Services": a place before words that hold no title and no
    // given name names a body of that place, not a person called "Hydro".
    if (
      k > 0 &&
      words.slice(0, k).every((w) => isPlaceName(w)) &&
      words.slice(k).every((w) => firstNameGender(w) === null && !isTitleOrRole(w))
    ) {
      // Known from here on, so "the utility" after "Manitoba Hydro said" finds it.
      addSpeakerOrganization(ctx.index, plain, { start: npStart, end: npStart + np.length });
      return { speaker: plain, role: null, gender: 'plural' };
    }
    const added = addSpeakerPerson(ctx.index, name, { start: npStart, end: npStart + np.length });
    if (k > 0) added.roles.push(words.slice(0, k).join(' '));
    return fromPerson(added);
  }
  if (
    /^\p{Ll}/u.test(np) ||
    /^(?:\p{Lu}\p{Ll}+\s)?\p{Ll}/u.test(np) ||
    np.includes(' ') ||
    isCommonWord(np)
  ) {
    // "one former executive", "a senior aide": an indefinite description names no one, even where a person's role
    // matches it (the article's one named executive is not the unnamed one it quotes).
    const described = /^(?:a|an|one|another)\s/i.test(np)
      ? null
      : resolveDescription(ctx.index, np, /^\s*the\s/i.test(rawNp) ? npStart : undefined);
    if (described) {
      described.aliases.add(
        np.replace(/^(\p{Lu})(\p{Ll})/u, (_, a: string, b: string) => a.toLowerCase() + b),
      );
      return fromPerson(described);
    }
    // "The agency" after "the state news agency SANA": an organisation restated by its kind.
    const head = np.toLowerCase().split(' ').pop() ?? '';
    if (np.split(' ').length <= 2) {
      const org2 = [...ctx.index.organizations].reverse().find((o) =>
        [o.name, ...o.aliases].some((a) => {
          // A body's kind is its head word ("the agency", "the centre"), or any word of its name that is one:
          // "Huckabee's campaign" is not the "Campaign Legal Center".
          const words = a.toLowerCase().split(' ');
          return words[words.length - 1] === head || (ORG_HEADS.has(head) && words.includes(head));
        }),
      );
      if (org2) return { speaker: org2.name, role: null, gender: 'plural' };
      const kind = ORG_KINDS.get(head);
      const org3 = kind
        ? [...ctx.index.organizations]
            .filter((o) => o.mentions[0]!.start < npStart)
            .reverse()
            .find((o) => kind.test(o.name))
        : undefined;
      if (org3) return { speaker: org3.name, role: null, gender: 'plural' };
    }
    if (np.split(' ').length > 12) return null;
    // Lower-case an ordinary first word ("Military spokesman"), judged on the whole word, never on its first
    // letters: "Bennett" or "Golden" must not come out as "bennett" or "golden"; nor the first word of a name of
    // capitalised words ("White House", "State Department", "New York businessman"), while "Top Sanders aides"
    // and "One California delegate" are still descriptions.
    const pair = /^(\p{Lu}\p{Ll}*)\s+(\p{Lu}\p{Ll}+)\b/u.exec(np);
    const properName =
      namesAnOffice(np.slice(0, SPACE_THEN_LOWER.exec(np)?.index ?? np.length)) ||
      (pair !== null &&
        (ORG_HEADS.has(pair[2]!.toLowerCase()) ||
          /^(?:House|Court|Office|Hall|Street)$/.test(pair[2]!) ||
          isPlaceName(`${pair[1]} ${pair[2]}`))) ||
      // "Bank of America", "Ministry of Defence": an organisation's head word and "of" a name.
      (/^(\p{Lu}\p{Ll}+)\s+of\s+(?:the\s+)?\p{Lu}/u.test(np) &&
        ORG_HEADS.has(np.split(' ')[0]!.toLowerCase())) ||
      PROPER_COMMON.test(np);
    // "“…,” Price said", "said Young": a lone capitalised word that is also an ordinary one ("price", "young") is a
    // surname where nothing else explains its capital, neither a sentence's start nor an opening quotation mark.
    if (
      /^\p{Lu}\p{Ll}+$/u.test(np) &&
      isCommonWord(np) &&
      !/^(?:the|a|an|one|some|many|both|all|each|every|police|officials|sources|critics|experts|analysts)$/i.test(
        np,
      ) &&
      !CALENDAR_NAME.test(np) &&
      !SENTENCE_OPENS_BEFORE.test(ctx.doc.body.slice(Math.max(0, npStart - 4), npStart))
    )
      // After "the" it is the name of a paper or a body ("the Hill", "the Independent"), not a person's.
      return /^\s*the\s/i.test(rawNp)
        ? { speaker: np, role: null, gender: 'plural' }
        : fromPerson(addSpeakerPerson(ctx.index, np, { start: npStart, end: npStart + np.length }));
    const first = properName ? null : FIRST_WORD_CAPITALISED.exec(np);
    const description =
      first && isCommonWord(first[1]! + first[2]!)
        ? first[1]!.toLowerCase() + np.slice(first[1]!.length)
        : np;
    return { speaker: description, role: null, gender: descriptionGender(np) };
  }
  return null;
}

/**
 * A capitalised first word, whole (no letter, apostrophe or full stop after it): the one an ordinary word's capital
 * is taken off ("Military spokesman" → "military spokesman"). Read with `exec` rather than a replace with a
 * callback, which is several times dearer.
 */
const FIRST_WORD_CAPITALISED = /^(\p{Lu})(\p{Ll}*)(?![\p{L}’'.])/u;
/** The first white space before a lower-case letter: the capitalised words of a phrase end there. */
const SPACE_THEN_LOWER = /\s+\p{Ll}/u;

/**
 * A known organisation with lower-case words around it that describe it or what it published: "the
 * conservative-leaning Tax Foundation", "the Heritage Foundation website", "the Canadian Dental Association's
 * latest survey".
 */
function organizationWithin(ctx: SpeakerContext, np: string): ReturnType<typeof resolveOrganization> {
  const m = ORG_WITHIN.exec(np);
  if (!m || (m[1] === undefined && m[3] === undefined)) return null;
  // Before the name, at most two words that describe it ("the nonpartisan", "its latest"), no phrase that names
  // something else ("an assessment of cases before the Supreme Court", "a spokeswoman for YouTube").
  const before = m[1] !== undefined ? splitSpaces(m[1].trim()) : [];
  if (before.length > 2 || before.some((w) => FUNCTION_WORDS.has(w) || ROLE_NOUNS.has(w))) return null;
  if (m[3] !== undefined && !PUBLISHED.test(m[3].trim())) return null;
  return resolveOrganization(ctx.index, m[2]!);
}
const ORG_WITHIN =
  /^((?:[\p{Ll}-]+\s+)+)?(\p{Lu}[\p{L}.’'-]*(?:\s+(?:of|for|and|on|the|\p{Lu}[\p{L}.’'-]*))*?)(?:[’']s?)?(\s+[\p{Ll}\s-]+)?$/u;
/** What an organisation publishes, written after its name: the source is the organisation. */
const PUBLISHED =
  /^(?:(?:latest|new|recent|own|official|annual|online|weekly|monthly)\s+)*(?:website|site|blog|page|account|report|statement|release|analysis|study|survey|poll|data|figures|estimates?|projections?|numbers|count|tally)$/;

/**
 * "The union" for the "Ontario Secondary School Teachers' Federation", "the company" for "Loblaw Companies Ltd":
 * kinds of organisation news restates a named one by, with the head words of the names they restate.
 */
const COMPANY_NAME = /\b(?:Company|Companies|Corp|Corporation|Inc|Ltd|Limited|LLC|PLC|Holdings)$/;
const ORG_KINDS: ReadonlyMap<string, RegExp> = new Map([
  ['union', /\b(?:Union|Federation|Brotherhood|Guild|Teamsters)\b/],
  ['company', COMPANY_NAME],
  ['firm', COMPANY_NAME],
  ['system', /\bSystem$/],
  ['hospital', /\bHospital\b/],
  ['society', /\bSociety\b/],
  ['foundation', /\bFoundation\b/],
  ['utility', /\b(?:Hydro|Power|Energy|Electric|Utilities)\b/],
  ['airline', /\b(?:Air|Airlines|Airways|WestJet|Jet)\b/],
]);

/**
 * A lower-case role of one to three nouns before a person's full name: "coach Tom Hale", "party leader Ana Lind".
 * The lexicon tags many such nouns as verbs too ("coach", "party"); before a given name they are the role.
 */
function roleBeforeName(words: string[]): boolean {
  const at = words.findIndex((w) => /^\p{Lu}/u.test(w));
  if (at < 1 || at > 3 || words.length - at < 2 || words.length - at > 4) return false;
  if (firstNameGender(words[at]!) === null || !words.slice(at).every((w) => /^\p{Lu}/u.test(w))) return false;
  const role = words.slice(0, at);
  return (
    role.every(
      (w) =>
        /^\p{Ll}[\p{Ll}-]*$/u.test(w) &&
        !FUNCTION_WORDS.has(w) &&
        !hasTag(w, 'Adverb', 'PastTense', 'Gerund', 'Preposition', 'Conjunction', 'Modal', 'Copula'),
    ) &&
    (ROLE_NOUNS.has(role[role.length - 1]!) ||
      hasTag(role[role.length - 1]!, 'Actor', 'Singular', 'Infinitive'))
  );
}

/** What follows the "as" of a quantity's bound ("as many as 40 percent", "as few as"), an "as" that opens no clause. */
const AS_BOUND_REST = String.raw`\s+(?:many|much|few|little)\s+as\b`;
const QUANTITY_BOUND = new RegExp(`^as${AS_BOUND_REST}`);

/**
 * A subject is a noun phrase: it does not end on a function word, a verb or an adjective ("went on to", "polls did",
 * "offered her firmest"), and it does not start with a lower-case verb, adverb or preposition ("endorsing eight",
 * "allegedly sent lurid", "along with demographically favorable").
 */
function isNounPhrase(np: string): boolean {
  const parts = commaParts(np).filter(Boolean);
  const words = splitSpaces(parts[0] ?? '').filter(Boolean);
  if (words.length === 0) return false;
  const first = words[0]!;
  if (
    /^\p{Ll}/u.test(first) &&
    !roleBeforeName(words) &&
    // "at least 40 percent", "as many as 40 percent of voters": a quantity's bound, not a preposition or conjunction.
    !(first === 'at' && /^(?:least|most)$/.test(words[1] ?? '')) &&
    !QUANTITY_BOUND.test(parts[0]!.trim()) &&
    // A participle used as a title's adjective opens a noun phrase too: "retired Gen. Lloyd Hale", "acting chief".
    !/^(?:the|a|an|his|her|their|its|our|my|one|some|many|most|two|three|several|both|all|each|another|other|others|officials|sources|about|nearly|almost|only|just|more|fewer|half|roughly|few|every|no|none|any|over|under|retired|acting|disgraced|embattled|ousted|indicted|jailed|exiled)$/.test(
      first,
    ) &&
    hasTag(
      first,
      'Verb',
      'PastTense',
      'Gerund',
      'Adverb',
      'Preposition',
      'Conjunction',
      'Infinitive',
      'Modal',
      'Copula',
      'Auxiliary',
    )
  )
    return false;
  // "those surveyed", "56 percent of Cuban-Americans polled": the people a poll asked, not a verb.
  const last = lastWordOf(words);
  if (
    endsNounPhraseBadly(last) &&
    !(words.length > 1 && POLLED.test(last) && /^(?:those|[\p{L}-]+s)$/u.test(words[words.length - 2]!))
  )
    return false;
  // (One part: its words are the ones read above.)
  const tail = parts.length > 1 ? splitSpaces(parts[parts.length - 1]!).filter(Boolean) : words;
  return (
    tail.length === 0 || !/^(?:to|of|for|with|by|at|in|on|from|a|an|the|and|or|but)$/.test(lastWordOf(tail))
  );
}

/** The last of some words, without a trailing full stop or comma, or a possessive ending. */
function lastWordOf(words: string[]): string {
  const word = words[words.length - 1]!;
  const end = word.charCodeAt(word.length - 1);
  // (`.replace(/[.,]$/, '')` without the pattern.)
  return stripPossessive(end === 46 || end === 44 ? word.slice(0, -1) : word);
}

/**
 * Whether a phrase's last word cannot end a noun phrase. The lexicon tags many nouns as verbs ("party", "arm"), so
 * only words that cannot end one count here.
 */
function endsNounPhraseBadly(last: string): boolean {
  return (
    /^\p{Ll}/u.test(last) &&
    (/^(?:to|of|for|with|by|at|in|on|from|a|an|the|and|or|but|her|his|their|its|did|does|do|had|has|have|was|were|is|are|be|been)$/.test(
      last,
    ) ||
      hasTag(
        last,
        'PastTense',
        'Gerund',
        'Adverb',
        'Preposition',
        'Conjunction',
        'Modal',
        'Copula',
        'Comparable',
        'Superlative',
      ))
  );
}

/** Days and months, whose capital is no name's. */
const CALENDAR_NAME =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
/** What may stand before a word whose capital comes from opening a sentence or a quotation. */
const SENTENCE_OPENS_BEFORE = /(?:^|[.!?:]["”’]?\s+|\n\s*|[“"‘]\s*|\s[—–-]\s+)$/u;

/** The participle that ends a poll's respondents: "those surveyed", "voters polled". */
const POLLED = /^(?:surveyed|polled|questioned|interviewed|sampled)$/;

/**
 * Words that may sit between a speaker and the verb: "has", "also", "later", "since", and a negation ("He did not say
 * which programs would be cut", "Scheer wouldn't say whether …": the speaker is "he", not "he did not").
 */
const AUX =
  /(?:\s+(?:has|have|had|also|will|would|later|then|previously|repeatedly|once|again|publicly|separately|earlier|first|recently|further|immediately|had also|has also|is|was|since|never|did|does|do|now|often|always|long|even|all|ever|still|just|not|kept|keeps|(?:did|does|do|would|could|should|has|have|had|is|was|are|were|wo|ca)n[’']t))+\s*$/i;
/**
 * Strips the auxiliary-like words before the verb, but not a capitalised one right after a given name: that capital
 * is a surname's ("George Will said", "Sen. Russell Long has said"), not a sentence's start.
 */
function withoutAux(text: string): string {
  const m = AUX.exec(text);
  const name = m && /^\s+(?:\p{Lu}\p{Ll}+(?=\s|$)\s*)+/u.exec(m[0]);
  const given = m && /(\p{Lu}\p{Ll}+)$/u.exec(text.slice(0, m.index));
  if (!m || !name || !given || firstNameGender(given[1]!) === null)
    return withoutTrailingAdverbs(text.replace(AUX, ''));
  const cut = m.index + name[0].trimEnd().length;
  return /\S/.test(text.slice(cut)) ? withoutTrailingAdverbs(text.slice(0, cut)) : text;
}
/** A state or province written after a place: "B.C.", "N.Y.", "Ont.", "Calif.", or one the word list knows. */
function placeTail(part: string): boolean {
  const word = part.trim();
  return /^(?:\p{Lu}\.){1,3}$|^\p{Lu}\p{Ll}{1,4}\.$/u.test(word) || (word.length > 0 && isPlaceName(word));
}

/**
 * A time between a subject and its verb: "Sanders on Tuesday said", "Wells Fargo just this month announced", "Priebus
 * later Thursday told", "Lind at the time said", "Lind a month later announced", "the ministry less than two weeks
 * ago said", "critics soon noted"; and the medium it was said in: "Lind in a Facebook post wrote".
 */
const TRAILING_TIME =
  /(?:\s+(?:just\s+)?(?:(?:later|earlier)\s+)?(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|this\s+(?:week|month|year|morning)|last\s+(?:week|month|year|night)|at\s+(?:the|that|any)\s+time|(?:(?:less|more)\s+than\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)\s+(?:hour|day|week|month|year)s?\s+(?:later|earlier|ago)|soon|in\s+(?:a|an|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,2}(?:post|statement|interview|letter|tweet|op-ed|column|speech|e-?mail|release|video|memo)))+\s*$/iu;
/**
 * The words TRAILING_TIME can end on, with its flags: each of its phrases ends on one of them after white space, so a
 * text it matches has one of them as its last run of non-space characters ({@link lastRun}).
 */
const TRAILING_TIME_END =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|month|year|time|later|earlier|ago|soon|post|statement|interview|letter|tweet|op-ed|column|speech|e-?mail|release|video|memo)$/iu;
const TRAILING_ADVERB_WORD = /(,?)\s+([a-z]+ly|however|too|instead|still|also|then)(,?)\s*$/;
/**
 * The last run of non-space characters of `text`: a pattern that ends in a word and white space, and matches a text,
 * matches that run with a space before it.
 */
function lastRun(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSpaceCode(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

/**
 * Strips sentence adverbs before the verb ("Gorka similarly", "Carter, however,"), but not a noun that ends in -ly:
 * an -ly word the lexicon tags as a noun, a verb or a place ("family", "rally", "ally", "Italy") belongs to the
 * subject ("attorneys for the family said").
 */
const LY_NOUN_TAGS = [
  'Singular',
  'Plural',
  'Noun',
  'Infinitive',
  'Country',
  'Place',
  'City',
  'Region',
  'Month',
];
function withoutTrailingAdverbs(text: string): string {
  for (;;) {
    // Tried from every space of the text, the pattern can only match one whose last word it matches on its own.
    if (!TRAILING_ADVERB_WORD.test(` ${lastRun(text)}`)) return text;
    const m = TRAILING_ADVERB_WORD.exec(text);
    if (!m || (m[2]!.endsWith('ly') && hasTag(m[2]!, ...LY_NOUN_TAGS))) return text;
    // "Carter, however, said": the adverb and both its commas go; "Dean, a medical doctor, then said": the comma
    // before the adverb closes the appositive and stays.
    text = text.slice(0, m.index + (m[1] && !m[3] ? 1 : 0));
  }
}
const FINITE =
  /\b(?:is|are|was|were|has|have|had|will|would|could|should|said|says|told|warned|added|claimed|that)\b/i;
/**
 * Whether a part of a subject has a finite verb of its own (FINITE), a capitalised word right after a given name not
 * counting ({@link withoutNameCapitals}). That rewrite turns such words into "X", which is in no FINITE word and
 * starts no match, so it can take a match away but never make one: a part FINITE does not match as written (most
 * subjects) has none, and is answered without the rewrite (a callback per capitalised word).
 */
function hasFiniteVerb(part: string): boolean {
  return FINITE.test(part) && FINITE.test(withoutNameCapitals(part));
}
/** A capitalised word right after a given name is a surname, not a verb: "George Will", "Ana Said". */
function withoutNameCapitals(text: string): string {
  return /\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(text)
    ? text.replace(/(?<=(\p{Lu}\p{Ll}+)\s+)\p{Lu}\p{Ll}+/gu, (word: string, given: string) =>
        firstNameGender(given) !== null ? 'X' : word,
      )
    : text;
}
/** A relative pronoun after a preposition, or "where", opening a clause of place: "in which", "where". */
const RELATIVE_OF_PLACE = String.raw`(?:(?:in|of|during|under|at|by|for|with|through|from|after|before|on|to)\s+which|where)`;
/** Up to a relative pronoun after a preposition, or "where": "… a campaign in which ", "…, where ". */
const PLACE_RELATIVE = new RegExp(
  String.raw`^(?:.*\s)?${RELATIVE_OF_PLACE}\s+(?!(?:point|time|moment|stage)\b)(?=\S)`,
  'is',
);
/**
 * What PLACE_RELATIVE cannot match without ("which" or "where", in its case-insensitive way): a cheap scan, where the
 * pattern is retried from every space of the phrase.
 */
const MAY_BE_PLACE_RELATIVE = /wh(?:ich|ere)/i;
/** A relative clause of place or after a preposition, right before its subject: "… in which ", "…, where ". */
export const PLACE_RELATIVE_BEFORE = new RegExp(String.raw`\s${RELATIVE_OF_PLACE}\s+$`, 'i');
const SUBORDINATE = new RegExp(
  String.raw`^(?:though|although|but|and|also|so|while|as(?!${AS_BOUND_REST})|after|because|when|yet|however|meanwhile|still|then)\b[\s,]*`,
  'i',
);
/**
 * Words that frame a clause before its subject: "That is why", "which is why", "This is because", and a cleft's "It
 * was … that" with a few words of time between ("It was three years ago that").
 */
const FRAMING_CLAUSE =
  /^(?:(?:that|this|which|it)(?:\s+is|\s+was|[’']s)\s+(?:why|because|how)|it\s+(?:is|was)\s+(?:[^\s,;:“”"]+\s+){1,5}?ago\s+that)\s+/i;
/** A phrase of time or place opening on a preposition, "last"/"this" or an adverb ("even now at 86"), then a subject pronoun. */
const ADVERBIAL_BEFORE_PRONOUN =
  /^(?:in|on|at|during|after|before|since|by|over|earlier|later|last|this|early|late|even|now|still|today)((?:\s+[^\s,;:“”"]+){0,5}?)\s+(he|she|they|we|I)$/i;
/** Words that make the phrase before a pronoun a clause ("in which he", "whether Clinton lied when she"), not a time. */
const NOT_ADVERBIAL =
  /^(?:which|who|whom|whose|what|that|when|whether|if|because|as|while|though|and|but|or|said|says|asked|told|is|was|were|are|has|had|have)$/i;

/** A party and state written after a legislator's name: "R-Ill.", "D-N.Y.", "R-Texas", "I-Vt." */
const PARTY_TAG = /^\s*[RDI]-(?:\p{Lu}[\p{L}.]*)$/u;
/** A segment ending on the capitalised place or name a state or a party tag follows: " a nurse from Salem,". */
const FOLLOWED_BY_TAIL = /\p{Lu}[\p{L}.’'-]*,$/u;
/** A segment that opens an appositive or a relative clause: " a nurse from Salem,", " who backed Sen. Tom Ward,". */
const APPOSITIVE_OPENING = /^\s*(?:\p{Ll}|(?:A|An|The|Who|Which)\s)/u;
/** The capitalised words ending a segment: " … after Sen. Ana Lind,". */
const NAME_RUN = /(?<=\s)(?:\p{Lu}[\p{L}.’'-]*\s+){0,4}\p{Lu}[\p{L}.’'-]*,$/u;
/** A segment before an appositive that holds a name, perhaps after an age or a few lower-case words. */
const NAME_SEGMENT = /^\s*(?:\d+-year-old\s+)?(?:(?:\p{Ll}+\s+){0,3})(?:\p{Lu}[\p{L}.’'-]*\s*){1,5},$/u;
/** What a bracket opened inside a clause may hold as the subject of its own: "he", "Forbes", "her campaign". */
const BRACKETED_SUBJECT =
  /^(?:he|she|they|it|we|I|(?:the|a|an|his|her|their|its|our)(?:\s+[\p{L}’'-]+){1,3}|\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})$/u;
/** A subject pronoun with nothing but white space around it: "she ", " He ". */
const BARE_PRONOUN = /^\s*([Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s*$/;
/**
 * Finds the subject of a speech verb in the text before it (from the start of its clause). Handles appositives on
 * either side of the name, clause openers ("Though, …") and a clause that started with a participle ("Asked
 * whether …, Zakharchenko replied").
 */
export function subjectBefore(prefix: string, prefixStart: number): { np: string; start: number } | null {
  // "she said", "He told": a subject pronoun alone, as about one subject in five is. None of the rules below changes
  // one (it holds no mark, comma, bracket, dash or colon, and is no opener, time, adverb, auxiliary, relative or
  // finite verb), so it is read as they would end: the subject, if it reads as a noun phrase.
  const bare = BARE_PRONOUN.exec(prefix);
  if (bare) {
    const np = bare[1]!;
    return isNounPhrase(np) ? { np, start: prefixStart + bare[0].indexOf(np) } : null;
  }
  // A semicolon, a dash (HuffPost sets "―", the horizontal bar) or a colon ends a clause: "The story never ran; my
  // editor at Politico argued …", "… set off another round of fireworks on Friday: Republicans said …".
  // A hyphen typed as a dash counts only when it is not one of a pair around an aside ("Trump's two planes - the
  // 757 and a jet - and three helicopters").
  const dashes = prefix.includes('-') ? (prefix.match(/\s--?\s/g)?.length ?? 0) : 0;
  const clause = (dashes % 2 === 1 ? /^.*(?:[;—–―]|\s--?\s|:(?!\d))\s*/s : /^.*(?:[;—–―]|:(?!\d))\s*/s).exec(
    prefix,
  );
  if (clause && !/[“"]/.test(prefix.slice(clause[0].length))) {
    prefixStart += clause[0].length;
    prefix = prefix.slice(clause[0].length);
  }
  // Sentence adverbs between the subject and its verb: "Gorka similarly warned", "Carter however said".
  // AUX is tried from every space of the text, and can only match one whose last word it matches on its own.
  // TRAILING_TIME is tried only where the last word is one it can end on.
  const unadverbed = withoutTrailingAdverbs(
    TRAILING_TIME_END.test(lastRun(prefix)) ? prefix.replace(TRAILING_TIME, '') : prefix,
  );
  // "CNN barely even mentioned": an adverb before the auxiliary-like word goes as well.
  let text = AUX.test(` ${lastRun(unadverbed)}`) ? withoutAux(unadverbed) : unadverbed;
  if (/\band\s*$/.test(text)) return null;
  text = text.trimEnd();
  // "Humphrey, who calls Trump a “sociopath,”": the comma before a closing mark ends the appositive all the same.
  if (/,[”"]$/.test(text) && /,\s+(?:who|which)\s[^,]*[“"][^,]*,[”"]$/.test(text)) text = text.slice(0, -1);
  let segments = text.includes(',') ? splitAfterCommas(text) : [text];
  let trailingComma = false;
  if (text.endsWith(',')) trailingComma = true;
  let np: string;
  if (trailingComma && segments.length >= 2) {
    // NAME, ROLE, said  |  ROLE, NAME, said
    const last = segments[segments.length - 1]!;
    const prev = segments[segments.length - 2]!;
    np = prev + last;
    segments = segments.slice(0, -2);
    // NAME, ROLE WITH A LIST, said: "Ana Lind, minister for housing, roads, and transport, said". A last segment
    // opening on "and" or "or" ends a list, whose items before it are set off by commas as well: they are read back
    // to the segment before the list, where the name may stand.
    if (/^\s*(?:and|or)\s/.test(last) && /^\s*\p{Ll}/u.test(prev)) {
      let k = segments.length;
      while (k > 0 && k > segments.length - 4 && /^\s*\p{Ll}[^,]*,$/u.test(segments[k - 1]!)) k--;
      if (k < segments.length && k > 0 && NAME_SEGMENT.test(segments[k - 1]!)) {
        np = segments.slice(k).join('') + np;
        segments = segments.slice(0, k);
      }
    }
    // NAME, AGE, ROLE, said: "Marley Anderson, 21, a junior from Las Vegas, said". While the phrase starts with
    // an appositive (a number, an article, a lower-case role, "who …"), the name is in the segment before it.
    // So too where it starts with the state or province of a place in the segment before ("…, a psychiatrist in
    // Kelowna, B.C., who works with athletes, said").
    // A party and state tag after a name ("Sen. Ana Lind, D-Ore., a member of the committee, said") is an appositive
    // too. After a place's state or a party tag, the segment before need only end on the place or name it follows:
    // "Ana Lind, a nurse from Salem, Ore., said", "Lind, who backed Sen. Tom Ward, R-Ohio, said".
    for (let k = 0; k < 4 && segments.length > 0; k++) {
      const first = np.slice(0, np.indexOf(','));
      const tail = placeTail(first) || PARTY_TAG.test(first);
      if (!tail && !/^\s*\d/.test(np) && !APPOSITIVE_OPENING.test(np)) break;
      const before = segments[segments.length - 1]!;
      // (An age may stand before the name: "76-year-old Ana Lind, …".)
      if (!NAME_SEGMENT.test(before) && !(tail && FOLLOWED_BY_TAIL.test(before))) break;
      // "… a task force after Sen. Ana Lind, D-Ore., announced": in a clause, only the name the tag follows.
      const run = NAME_SEGMENT.test(before) || APPOSITIVE_OPENING.test(before) ? null : NAME_RUN.exec(before);
      if (run) {
        np = run[0] + np;
        segments = [...segments.slice(0, -1), before.slice(0, run.index)];
        break;
      }
      np = before + np;
      segments = segments.slice(0, -1);
    }
  } else {
    np = segments[segments.length - 1] ?? '';
    segments = segments.slice(0, -1);
  }
  let start = prefixStart + segments.join('').length;
  const lead = np.length - np.trimStart().length;
  np = np.trim();
  start += lead;
  // "(Forbes says it tracks …)": the bracket that opens the writer's aside is no part of its subject; nor are the
  // words before it, when it opens inside the clause ("showed her stumbling (her campaign later disclosed …)").
  // (Only where what the bracket holds reads as a subject: a pronoun, a name, or a short description.)
  const bracket = np.includes('(') ? /^(?:[^()]*\s)?\(\s*/.exec(np) : null;
  if (
    bracket &&
    !np.slice(bracket[0].length).includes(')') &&
    (bracket[0].startsWith('(') || BRACKETED_SUBJECT.test(np.slice(bracket[0].length).trim()))
  ) {
    np = np.slice(bracket[0].length);
    start += bracket[0].length;
  }
  // '…,” as Cruz said', '…,” but aides said': a quote closing on the comma before the conjunction that opens the clause.
  const closesBefore = /^(?:[”"’']\s*){1,3}(?=\p{Ll})/u.exec(np);
  if (closesBefore && SUBORDINATE.exec(np.slice(closesBefore[0].length))?.[0]) {
    np = np.slice(closesBefore[0].length);
    start += closesBefore[0].length;
  }
  for (;;) {
    const m = SUBORDINATE.exec(np);
    if (!m || m[0].length === 0) break;
    np = np.slice(m[0].length);
    start += m[0].length;
  }
  // "… a few early backers, such as Sen. Ana Lind, D-Ore., now say": the named examples after "such as" are the
  // subject ("including the claim that …" names no one).
  const example = /^(?:[Ss]uch\s+as|[Ii]ncluding)\s+(?=[^,]*\p{Lu})/u.exec(np);
  if (example) {
    np = np.slice(example[0].length);
    start += example[0].length;
  }
  // "a statement in which the ministry said", "Halifax, where officials said": a relative clause of place or of a
  // preposition opens on its own subject, after the "which" or "where".
  const placeRelative = MAY_BE_PLACE_RELATIVE.test(np) ? PLACE_RELATIVE.exec(np) : null;
  if (placeRelative && placeRelative[0].length < np.length) {
    np = np.slice(placeRelative[0].length);
    start += placeRelative[0].length;
  }
  // "Sanders himself said", "the premier herself told": the reflexive stresses the subject and is no part of its name.
  np = np.replace(/\s+(?:himself|herself|themselves|itself)(?=[\s,]*$)/i, '');
  // "That is why critics say …", "It was three years ago that Lind said …": the words that frame the clause are not
  // its subject.
  const framed = FRAMING_CLAUSE.exec(np);
  if (framed && framed[0].length < np.length) {
    np = np.slice(framed[0].length);
    start += framed[0].length;
  }
  np = np.replace(/,\s*$/, '').trim();
  // The closing mark of a quoted fragment before the subject: …turbulence,” Clinton said; the marks of a quote
  // closing inside one: …was ‘helping my husband,’” Anthony says.
  const closer = /^(?:[”"’']\s*){1,3}/.exec(np);
  if (closer) {
    np = np.slice(closer[0].length);
    start += closer[0].length;
  }
  // "On Tuesday night he said", "at the town hall this week she said": a phrase of time or place before a pronoun
  // subject, without the comma that would set it off, is not part of the subject.
  const placed = ADVERBIAL_BEFORE_PRONOUN.exec(np);
  if (placed && !splitSpaces(placed[1]!).some((w) => NOT_ADVERBIAL.test(w) || /^\p{Ll}{3,}ed$/u.test(w))) {
    start += np.length - placed[2]!.length;
    np = placed[2]!;
  }
  // "which the Tax Foundation estimates": the relative pronoun is not part of the subject.
  const relative = /^(?:which|who|that|whom)\s+(?=\S)/i.exec(np);
  if (relative) {
    np = np.slice(relative[0].length);
    start += relative[0].length;
  }
  // "… is a serial liar, racist and birther who has pledged": a verb after "who" is the relative clause's, and its
  // antecedent here is no subject (a predicate after "is", the last of a list), so there is none to give.
  if (/\s(?:who|which|that)$/i.test(np)) return null;
  // "Having said that, …": a perfect participle opening the sentence has no subject of its own.
  if (/^having$/i.test(np)) return null;
  if (!isNounPhrase(withoutOwnRelative(np))) return null;
  // A subject is short and has no verb of its own; "the plan lacked a clear exit strategy" is not one.
  const words = splitSpaces(np).filter(Boolean);
  // A name with appositives after it ("Ana Lind, founder of the institute, a member in the 1960s and long time
  // committeeman from Ohio, said") may run longer: the name opens it and each appositive is set off by commas.
  const longest =
    /^(?:\d+-year-old\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*,\s+\p{Ll}[^,]*,\s+\S/u.test(np)
      ? 24
      : 16;
  if (words.length === 0 || words.length > longest) return null;
  // Quotation marks end no subject, except inside an appositive's relative clause ("Humphrey, who calls Trump a
  // “sociopath,” said").
  const relativeAt = np.search(/,\s+(?:who|which)\s/);
  if (/[“”"]/.test(relativeAt < 0 ? np : np.slice(0, relativeAt))) return null;
  // A subject has no finite verb of its own: "he said the city had" or "warned on Saturday that he" are not subjects.
  const body = commaParts(np);
  // An appositive's own relative clause ("…, the agency that oversees the program, said", "…, a Republican who has
  // refused to endorse Mr. Trump, said") is neither the subject's verb nor a name in the subject.
  const last = body.length - 1;
  if (last > 0 && !/^(?:who|which|whose)\b/i.test(body[last]!)) {
    const own = body[last]!.replace(/\s(?:that|who|which)\s.*$/i, '');
    if (own !== body[last]) {
      body[last] = own;
      np = body.join(', ');
    }
  }
  if (
    body.some(
      (part, i) =>
        (i === 0 || !/^(?:who|which|whose)\b/i.test(part)) && hasFiniteVerb(withoutOwnRelative(part)),
    )
  )
    return null;
  return { np, start };
}

/**
 * Whether the words before a relative clause describe people rather than name them ("some voters", "Supporters",
 * "A woman"): a head ending in a lower-case word, or one ordinary word capitalised to open the sentence. A name
 * ("… residents in Jupiter, Florida who were voting …") is no such head.
 */
function describedHead(head: string[]): boolean {
  const last = head[head.length - 1]!;
  const lower = last.toLowerCase();
  return (
    /^\p{Ll}/u.test(last) ||
    (head.length === 1 &&
      (isCommonWord(lower) ||
        (/^\p{Lu}\p{Ll}+s$/u.test(last) &&
          !isPlaceName(last) &&
          !hasTag(last, 'Country', 'City', 'Region', 'Place', 'Organization', 'LastName', 'FirstName'))))
  );
}

/**
 * A description whose restrictive relative clause names someone else ("executives who have worked with Lachlan
 * Murdoch", "a woman who has accused Bill Clinton"): the speaker is the people described, never the name inside.
 */
const DESCRIBED_BY_RELATIVE = /^((?:\S+\s+){0,5}?\S+)\s+(?:who|whose)\s/;

/** Words that may open a noun phrase a restrictive relative clause follows: "the", "some", "many" … */
const NP_OPENER = /^(?:the|a|an|some|many|most|several|all|both|other|few|these|those)$/i;

/**
 * A noun phrase without the restrictive relative clause that follows its head ("Supporters who have heard from the
 * campaign", "The officials whose budgets were cut"): the relative clause's verb is not the subject's own. Only a
 * head that is a plain noun phrase counts ("Clinton won among voters who have …" is a clause).
 */
function withoutOwnRelative(part: string): string {
  const m = /\s(?:who|whose)\s/i.exec(part);
  if (!m) return part;
  const head = splitSpaces(part.slice(0, m.index).trim());
  if (head.length > 6 || !describedHead(head)) return part;
  const plain = head.every(
    (w, i) =>
      /^\p{Lu}/u.test(w) ||
      (i === 0 && NP_OPENER.test(w)) ||
      w === 'of' ||
      !hasTag(w, 'Verb', 'PastTense', 'Preposition', 'Copula', 'Modal', 'Adverb', 'Conjunction', 'Pronoun'),
  );
  return plain ? part.slice(0, m.index) : part;
}

/**
 * Who gave a figure that no quote covers, read from the words before the verb of saying that governs it, without
 * adding anyone to the article's people: a pronoun's referent, a known organisation or person, a name, or a short
 * description ("officials").
 */
export function sourceBefore(ctx: SpeakerContext, prefix: string, start: number): string | null {
  const subject = subjectBefore(prefix, start);
  if (!subject) return null;
  const np = cleanDescription(subject.np);
  if (!np) return null;
  const pronoun = PRONOUNS.get(np.toLowerCase());
  if (pronoun) return recentReferent(ctx, subject.start, pronoun)?.speaker ?? null;
  if (/^(?:it|this|that|there|which|who|i|we|you|one)$/i.test(np)) return null;
  const org = resolveOrganization(ctx.index, np);
  if (org) return org.name;
  const person = resolveName(ctx.index, np, subject.start);
  if (person && /^\p{Lu}/u.test(np.split(' ').pop() ?? '')) return person.name;
  if (looksLikeName(np)) return stripPossessive(np);
  const described = resolveDescription(ctx.index, np);
  if (described) return described.name;
  return splitSpaces(np).length <= 6 && !/[,;]/.test(np) ? np : null;
}
