/**
 * Scores force figures against the hand annotations in tests/fixtures/realnews/figures: 45 published military news
 * articles with 68 force figures, and 10 articles with none (casualty counts, missiles fired, aircraft model numbers,
 * troop demographics, airliner orders), annotated by reading the articles before running the extractor on them.
 *
 * The texts are not in this repository. `npx tsx scripts/eval-rebuild.ts --out DIR` copies them (and PolNeAR) out of
 * fetched copies of the public repositories they come from; then `npm run eval -- --figures DIR`.
 *
 * Each annotation names its article (`corpus` + `id`) and locates each figure by an `anchor`: words of the article
 * around the number. A gold figure is found by an extracted figure with the same min and max whose sentence holds
 * the anchor (an anchor in the headline accepts the same count anywhere). Extracted figures that match nothing are
 * false alarms, unless they restate a figure already matched (same count and unit) or sit on an `ignore` anchor (a
 * number about forces too vague or too far from a force level to score either way: "thousands of troops", a
 * negated hypothetical, an arms sale). Figures without a number (`counted: false`) are not scored. State and
 * source accuracy are over the found figures; a null source (no one gave the figure) must be null to be right.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extract, type Figure } from '../src/extract/index.ts';
import { readdir } from 'node:fs/promises';
import { fmt, normSpeaker, pct } from './eval-score.ts';

export const FIGURES_DIR = 'tests/fixtures/realnews/figures';

export interface GoldFigure {
  anchor: string;
  min: number;
  max: number;
  qualifier: string | null;
  unit: string;
  state: Figure['state'];
  who: string | null;
  where: string | null;
  source: string | null;
}
export interface FigureAnnotation {
  corpus: 'abp' | 'bbc';
  id: string;
  figures: GoldFigure[];
  ignore: string[];
}

/** Where each corpus's files sit inside the rebuilt folder, mirroring the source repositories. */
export function articlePath(dir: string, a: Pick<FigureAnnotation, 'corpus' | 'id'>): string {
  return a.corpus === 'abp'
    ? join(dir, 'abp', 'data', 'jsons', `${a.id}.json`)
    : join(dir, 'bbc', 'dataset', 'data_files', `${a.id}.txt`);
}

/** One annotated article's text as the extractor reads it (exported for scripts/extract-snapshot.ts). */
export async function readArticle(
  dir: string,
  a: FigureAnnotation,
): Promise<{ title: string; body: string; published: Date | null }> {
  const raw = await readFile(articlePath(dir, a), 'utf8');
  if (a.corpus === 'abp') {
    const j = JSON.parse(raw) as { title: string; content_original: string; date?: string };
    return {
      title: j.title,
      body: j.content_original,
      published: j.date ? new Date(`${j.date}T12:00:00Z`) : null,
    };
  }
  const cut = raw.indexOf('\n');
  return { title: raw.slice(0, cut).trim(), body: raw.slice(cut + 1).trim(), published: null };
}

export async function loadAnnotations(): Promise<FigureAnnotation[]> {
  const files = (await readdir(FIGURES_DIR)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join(FIGURES_DIR, f), 'utf8')) as FigureAnnotation),
  );
}

export interface FiguresResult {
  articles: number;
  gold: number;
  predicted: number;
  matched: number;
  neutral: number;
  stateRight: number;
  sourceRight: number;
  whoRight: number;
  emptyArticles: number;
  falseInEmpty: number;
  anchorsMissing: number;
}

/** A source's name as compared: normSpeaker's, with the full stops of initials dropped ("U.S. military" = "US military"). */
const sourceKey = (s: string): string => normSpeaker(s).replace(/\b(\p{L})\./gu, '$1');

const sameSource = (gold: string | null, got: string | null): boolean =>
  gold === null
    ? got === null
    : got !== null &&
      (sourceKey(gold) === sourceKey(got) ||
        sourceKey(got).endsWith(` ${sourceKey(gold)}`) ||
        sourceKey(gold).endsWith(` ${sourceKey(got)}`));

/** "US", "U.S.", "American" and "United States" are one country; others compare on their first four letters. */
function country(s: string): string {
  const n = normSpeaker(s).replace(/\./g, '');
  if (/^(?:us|american|united states|america)\b/.test(n)) return 'us';
  if (/^(?:uk|british|britain|united kingdom)\b/.test(n)) return 'uk';
  return n.slice(0, 4);
}
const sameWho = (gold: string | null, got: string | null): boolean =>
  gold === null ? got === null : got !== null && country(gold) === country(got);

export async function evalFigures(dir: string, verbose: boolean, only?: string): Promise<FiguresResult> {
  const r: FiguresResult = {
    articles: 0,
    gold: 0,
    predicted: 0,
    matched: 0,
    neutral: 0,
    stateRight: 0,
    sourceRight: 0,
    whoRight: 0,
    emptyArticles: 0,
    falseInEmpty: 0,
    anchorsMissing: 0,
  };
  for (const a of await loadAnnotations()) {
    if (only && !a.id.includes(only)) continue;
    const art = await readArticle(dir, a);
    const facts = extract({ title: art.title, body: art.body, published: art.published });
    const got = facts.figures.filter((f) => f.counted !== false);
    const log = (s: string) => {
      if (verbose) console.log(`  ${a.corpus}/${a.id} ${s}`);
    };
    r.articles++;
    if (a.figures.length === 0) {
      r.emptyArticles++;
      r.falseInEmpty += got.length;
      for (const f of got)
        log(`false figure (no-figure article): ${f.min}-${f.max} ${f.unit} in "${f.sentence.slice(0, 120)}"`);
      continue;
    }
    const used = new Set<number>();
    const matched: Figure[] = [];
    r.gold += a.figures.length;
    r.predicted += got.length;
    for (const g of a.figures) {
      const inBody = art.body.includes(g.anchor);
      if (!inBody && !art.title.includes(g.anchor)) {
        r.anchorsMissing++;
        log(`anchor not found: ${g.anchor}`);
      }
      const i = got.findIndex(
        (f, k) =>
          !used.has(k) && f.min === g.min && f.max === g.max && (!inBody || f.sentence.includes(g.anchor)),
      );
      if (i < 0) {
        log(`missed: ${g.min}-${g.max} ${g.unit} (${g.state}) "${g.anchor}"`);
        continue;
      }
      used.add(i);
      const f = got[i]!;
      matched.push(f);
      r.matched++;
      if (f.state === g.state) r.stateRight++;
      else log(`wrong state: ${f.state} (gold ${g.state}) "${g.anchor}"`);
      if (sameSource(g.source, f.source)) r.sourceRight++;
      else log(`wrong source: ${JSON.stringify(f.source)} (gold ${JSON.stringify(g.source)}) "${g.anchor}"`);
      if (sameWho(g.who, f.who)) r.whoRight++;
    }
    got.forEach((f, k) => {
      if (used.has(k)) return;
      const restates = matched.some((m) => m.min === f.min && m.max === f.max && m.unit === f.unit);
      const ignored = a.ignore.some((x) => f.sentence.includes(x));
      if (restates || ignored) {
        r.neutral++;
        return;
      }
      log(`false alarm: ${f.min}-${f.max} ${f.unit} (${f.state}) in "${f.sentence.slice(0, 140)}"`);
    });
  }
  return r;
}

export function printFigures(r: FiguresResult): void {
  const scored = r.predicted - r.neutral;
  const p = pct(r.matched, scored);
  const rec = pct(r.matched, r.gold);
  const f1 = p + rec === 0 ? 0 : (2 * p * rec) / (p + rec);
  console.log(
    `Force figures: ${r.articles - r.emptyArticles} articles with ${r.gold} figures, ${r.emptyArticles} without` +
      (r.anchorsMissing > 0 ? ` (${r.anchorsMissing} anchors not found: rebuild the texts)` : ''),
  );
  console.log(
    `  found ${scored} (+${r.neutral} restated or ignorable)  matched ${r.matched}  recall ${fmt(rec)}  precision ${fmt(p)}  F1 ${f1.toFixed(3)}`,
  );
  console.log(
    `  state right ${fmt(pct(r.stateRight, r.matched))}  source right ${fmt(pct(r.sourceRight, r.matched))}  whose forces right ${fmt(pct(r.whoRight, r.matched))}`,
  );
  console.log(`  false figures in the ${r.emptyArticles} articles without any: ${r.falseInEmpty}`);
}
