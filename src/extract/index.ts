/**
 * The fact extractor: reads one article the way an editor would and returns its quotes, reported speech, force
 * figures, people, places, organisations, timeline and lead. Pure and synchronous, so ingest can run it inline and
 * tests can pin its output exactly.
 */
import { stripInvisible } from '../ingest/invisible.ts';
import { findEntities, toEntity, toPerson } from './entities.ts';
import { findFigures, findHeadlineFigures } from './figures.ts';
import { directQuoteFinder, framedByWriter, partOfReported, withoutPullQuotes } from './quotes.ts';
import { findReportedSpeech, isCommitment } from './reported.ts';
import { segment } from './sentences.ts';
import { type SpeakerContext, sourceBefore } from './speakers.ts';
import { summarize } from './summary.ts';
import { findTimeline } from './timeline.ts';
import { tokenize } from './tokens.ts';
import type { Entity, ExtractInput, Facts, Quote, Span } from './types.ts';

export type * from './types.ts';

/**
 * A change to what extraction finds bumps it, in ./version.ts: kept apart so that the main thread, which only
 * compares it with stored articles', reads it without loading the extractor.
 */
export { EXTRACTOR_VERSION } from './version.ts';

/**
 * Extracts the structured facts of one article. Pure and synchronous: no I/O, no clock, no globals. A null
 * published date (the CLI's case: a file without front matter) leaves relative dates unresolved.
 *
 * Invisible characters are read past: a zero-width space inside "Fra\u200Bser" would split the name in two and
 * lose every quote attributed to Fraser. So is the carriage return of a Windows line end, which would keep "\r\n\r\n"
 * from ending a paragraph and a quote running over paragraphs from being joined. Ingest and feeds store text
 * already without either; for a caller that passes them, the facts' texts leave them out and their offsets still
 * index the text it passed.
 */
export function extract(input: ExtractInput): Facts {
  const body = readable(input.body);
  const title = readable(input.title);
  if (body === input.body && title === input.title) return extractVisible(input);
  const facts = extractVisible({ ...input, body, title });
  const inBody = offsetsIn(input.body, body);
  const inTitle = offsetsIn(input.title, title);
  const entity = (e: Entity): void => e.mentions.forEach(inBody);
  facts.quotes.forEach(inBody);
  for (const f of facts.figures) (f.headline ? inTitle : inBody)(f);
  facts.people.forEach(entity);
  facts.places.forEach(entity);
  facts.organizations.forEach(entity);
  facts.timeline.forEach(inBody);
  return facts;
}

/** The text without invisible characters and with Unix line ends. */
function readable(text: string): string {
  return stripInvisible(text).replace(/\r\n/g, '\n');
}

/**
 * Moves a span found in `visible` (the `original` without some characters, in order) to where the same
 * characters sit in `original`.
 */
function offsetsIn(original: string, visible: string): (span: Span) => void {
  // at[j]: where the j-th character of `visible` sits in `original`, matched greedily. A removed character is
  // skipped because it differs from the next kept one; only a stray joiner right before a kept one (inside an
  // emoji sequence) could be taken for it, moving that one offset a character early.
  const at: number[] = [];
  for (let i = 0, j = 0; i < original.length && j < visible.length; i++)
    if (original[i] === visible[j]) at[j++] = i;
  const startOf = (offset: number) => (offset < visible.length ? at[offset]! : original.length);
  const endOf = (offset: number) => (offset === 0 ? 0 : at[offset - 1]! + 1);
  return (span) => {
    span.start = startOf(span.start);
    span.end = endOf(span.end);
  };
}

function extractVisible(input: ExtractInput): Facts {
  const doc = segment(input.body);
  const tokens = tokenize(doc);
  const index = findEntities(doc, tokens);
  const ctx: SpeakerContext = { doc, index, referents: [] };
  const finder = directQuoteFinder(doc, ctx);
  const direct = finder.result;
  const reported: Quote[] = [];
  // The quote that ends last before `at`: the one a sentence without an attribution of its own may carry on.
  const lastQuoteBefore = (at: number): Quote | undefined => {
    let last: Quote | undefined = reported.at(-1);
    for (let i = direct.quotes.length - 1; i >= 0; i--) {
      const q = direct.quotes[i]!;
      if (q.end > at) continue;
      if (!last || q.end > last.end) last = q;
      break;
    }
    return last && last.end <= at ? last : undefined;
  };
  let t = 0;
  let s = 0;
  for (const paragraph of doc.paragraphs) {
    finder.paragraph(paragraph);
    for (; s < doc.sentences.length && doc.sentences[s]!.paragraph === paragraph.index; s++) {
      const sentence = doc.sentences[s]!;
      const from = t;
      while (t < tokens.length && tokens[t]!.sentence === sentence.index) t++;
      reported.push(
        ...findReportedSpeech(
          doc,
          sentence,
          tokens.slice(from, t),
          direct,
          ctx,
          lastQuoteBefore(sentence.start),
        ),
      );
    }
  }
  const own = withoutPullQuotes(direct.quotes).filter(
    (q) =>
      !reported.some(
        (r) =>
          partOfReported(input.body, q, r) ||
          (direct.examples.has(q) && r.start <= q.start && r.end >= q.end - 1),
      ),
  );
  const quotes = [...own.flatMap((q) => framedByWriter(input.body, q)), ...reported].sort(
    (a, b) => a.start - b.start,
  );
  const places = index.places.map(toEntity);
  const bodyFigures = findFigures(doc, quotes, places, (prefix, start) => sourceBefore(ctx, prefix, start));
  const figures = [...findHeadlineFigures(input.title, bodyFigures, places), ...bodyFigures];
  return {
    summary: summarize(doc),
    quotes,
    figures,
    people: index.people.filter((p) => p.mentions.length > 0).map(toPerson),
    places,
    organizations: index.organizations.map(toEntity),
    timeline: findTimeline(
      doc,
      input.published,
      quotes.filter((q) => !isCommitment(q)),
    ),
  };
}
