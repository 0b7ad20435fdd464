/**
 * Reported speech: "Ozerov says Russia would need …", "X has estimated that …", "…, according to Y", "…, as stated
 * by the Defense Ministry", and the wire form "…, officials said." Only speech verbs count; belief verbs (think,
 * believe, expect, fear) are opinions the reporter describes, and "is reported to" / "it is estimated" have no
 * speaker, so none of them become reported speech.
 */
import { CLAUSE_SPEECH_VERBS } from './lexicon.ts';
import type { DirectQuotes } from './quotes.ts';
import type { Document, Sentence } from './sentences.ts';
import { type Speaker, type SpeakerContext, remember, resolveSpeaker, subjectBefore } from './speakers.ts';
import type { Token } from './tokens.ts';
import type { Quote } from './types.ts';

const PASSIVE = /^(?:is|was|are|were|be|been|being|to)$/i;
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const ADVERBIALS = new RegExp(
  `^(?:\\s*,?\\s*(?:today|yesterday|tonight|also|later|earlier|again|publicly|repeatedly|separately|recently|previously|further|` +
    `on ${WEEKDAY}(?: (?:morning|afternoon|evening|night))?|${WEEKDAY}|in (?:a|an|his|her|their|its) (?:statement|interview|briefing|post|tweet|letter|speech|report)|` +
    `at (?:a|the) (?:press|news) conference|at a briefing|last (?:week|month|year|night)|this (?:week|month|morning|year)|on (?:state )?(?:television|tv|radio)|` +
    `in (?:a|an) [a-z]+ (?:interview|statement)|on \\w+ \\d{1,2})\\b)*\\s*,?`,
  'i',
);
const PREPOSITION_START =
  /^(?:(?:to|about|of|in|on|at|for|with|by|from|into)\b|it\b[.,]?$|nothing|so\b|goodbye|yes|no\b)/i;
const SOURCE_PHRASE =
  /\b(according to|as (stated|reported|announced|confirmed|said|claimed|noted|estimated) by)\s+/gi;
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
const DATELINE = /^[A-Z][A-Z .,'-]+(?:\([^)]*\))?\s*[-—–]\s*/;

interface Found {
  npStart: number;
  clauseStart: number;
  clauseEnd: number;
  verb: string;
  speaker: Speaker;
  /** The clause ends at the next attribution's subject rather than at the sentence end. */
  open: boolean;
}

function inside(spans: Array<{ start: number; end: number }>, offset: number): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}

function clean(text: string): string {
  return text
    .replace(/[“”"]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:—–-]+|[\s,;:.—–-]+$/g, '')
    .replace(/(?:[\s,]+(?:also|and|but|while|though|as))+$/i, '')
    .trim();
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
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const verb = CLAUSE_SPEECH_VERBS.get(t.text.toLowerCase());
    if (!verb || direct.usedVerbs.has(t.start) || inside(direct.covered, t.start)) continue;
    const prevWord = tokens[i - 1]?.text ?? '';
    const nextWord = tokens[i + 1]?.text.toLowerCase() ?? '';
    if (PASSIVE.test(prevWord) || nextWord === 'to' || nextWord === 'by') continue;
    // "the state news agency", "a report": a base form after a determiner or preposition is a noun.
    if (
      t.text.toLowerCase() === verb &&
      /^(?:the|a|an|its|his|her|their|our|this|these|those|of|in|on|for|with|by|from)$/i.test(prevWord)
    )
      continue;
    // A verb in a relative clause ("an adviser who testified later") has no clause of its own to report.
    if (/^(?:who|which|that)$/i.test(prevWord) || /^(?:who|which|that)$/i.test(tokens[i - 2]?.text ?? ''))
      continue;
    if (/^[A-Z]/.test(t.text) && !t.initial) continue;

    let rest = body.slice(t.end, sentence.end);
    let restStart = t.end;
    const adv = ADVERBIALS.exec(rest);
    if (adv) {
      rest = rest.slice(adv[0].length);
      restStart += adv[0].length;
    }
    if (verb === 'tell') {
      const m = /^\s*(?:[^,.;“"]{0,70}?)\bthat\s+/.exec(rest);
      if (!m) continue;
      restStart += m[0].length;
      rest = rest.slice(m[0].length);
    } else if (verb === 'describe') {
      if (!/\bas\b/.test(rest)) continue;
    } else {
      const m = /^\s*that\s+/.exec(rest);
      if (m) {
        restStart += m[0].length;
        rest = rest.slice(m[0].length);
      } else {
        const lead = /^\s*/.exec(rest)![0].length;
        restStart += lead;
        rest = rest.slice(lead);
        const empty = rest.replace(/[\s.,;:!?”"]+/g, '') === '';
        if (!empty && (PREPOSITION_START.test(rest) || rest.split(/\s+/).length < 3)) continue;
      }
    }

    const prefixStart = found.length > 0 ? found[found.length - 1]!.clauseStart : sentence.start;
    const prefix = body.slice(sentence.start, t.start);
    let subject = subjectBefore(prefix, sentence.start);
    if (!subject && /\band\s*$/.test(prefix)) {
      // "Grushko called the move … and said Moscow would respond": the subject of the first verb.
      const firstVerb = tokens.find((x) => x.start > sentence.start && /^[a-z]+ed$/.test(x.text));
      if (firstVerb) subject = subjectBefore(body.slice(sentence.start, firstVerb.start), sentence.start);
    }
    if (!subject) continue;
    void prefixStart;
    const speaker = resolveSpeaker(ctx, subject.np, subject.start);
    if (!speaker) continue;

    if (rest.replace(/[\s.,;:!?”"]+/g, '') === '') {
      // "…, officials said." — the clause is what came before the attribution.
      const beforeNp = body.slice(sentence.start, subject.start);
      if (!/,\s*$/.test(beforeNp)) continue;
      const dateline = DATELINE.exec(beforeNp)?.[0].length ?? 0;
      found.push({
        npStart: subject.start,
        clauseStart: sentence.start + dateline,
        clauseEnd: sentence.start + beforeNp.replace(/[\s,]+$/, '').length,
        verb,
        speaker,
        open: false,
      });
      remember(ctx, speaker, subject.start);
      continue;
    }
    found.push({
      npStart: subject.start,
      clauseStart: restStart,
      clauseEnd: sentence.end,
      verb,
      speaker,
      open: true,
    });
    remember(ctx, speaker, subject.start);
  }
  // A clause runs until the next attribution in the same sentence begins.
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1]!;
    if (a.open && b.npStart > a.clauseStart && b.npStart < a.clauseEnd) a.clauseEnd = b.npStart;
  }
  return found;
}

/** "according to X" and "as stated by X", before or after the clause they source. */
function fromSourcePhrases(doc: Document, sentence: Sentence, ctx: SpeakerContext): Found[] {
  const found: Found[] = [];
  const text = sentence.text;
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
      const speaker = resolveSpeaker(ctx, np, sentence.start + m.index + m[0].length);
      if (!speaker) continue;
      const clauseStart = sentence.start + m.index + m[0].length + used;
      found.push({
        npStart: sentence.start + m.index,
        clauseStart,
        clauseEnd: sentence.end,
        verb,
        speaker,
        open: false,
      });
      remember(ctx, speaker, sentence.start + m.index);
    } else {
      const npText = /^[^,.;]+(?:\.[^\s,.;][^,.;]*)*/.exec(after)?.[0] ?? '';
      const speaker = resolveSpeaker(ctx, npText.replace(/\.$/, ''), sentence.start + m.index + m[0].length);
      if (!speaker) continue;
      const dateline = DATELINE.exec(lead)?.[0].length ?? 0;
      found.push({
        npStart: sentence.start + m.index,
        clauseStart: sentence.start + dateline,
        clauseEnd: sentence.start + lead.replace(/[\s,]+$/, '').length,
        verb,
        speaker,
        open: false,
      });
      remember(ctx, speaker, sentence.start + m.index);
    }
  }
  return found;
}

/** Finds reported speech, sentence by sentence, skipping the verbs direct quotes already used. */
export function findReportedSpeech(
  doc: Document,
  sentence: Sentence,
  tokens: Token[],
  direct: DirectQuotes,
  ctx: SpeakerContext,
): Quote[] {
  const found = [...fromSourcePhrases(doc, sentence, ctx), ...fromVerbs(doc, sentence, tokens, direct, ctx)];
  const quotes: Quote[] = [];
  for (const f of found) {
    const text = clean(doc.body.slice(f.clauseStart, f.clauseEnd));
    if (text.split(/\s+/).length < 3) continue;
    quotes.push({
      kind: 'reported',
      text,
      speaker: f.speaker.speaker,
      role: f.speaker.role,
      verb: f.verb,
      start: f.clauseStart,
      end: f.clauseEnd,
      sentence: sentence.text,
    });
  }
  return quotes.sort((a, b) => a.start - b.start);
}
