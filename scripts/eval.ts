/**
 * `npm run eval`: scores the extractor against the hand-marked articles in tests/fixtures/eval and prints precision,
 * recall and speaker accuracy per class. Exits non-zero when a score is under the targets of issue 3, so a change
 * that makes the extractor worse cannot pass unnoticed. `--verbose` lists every miss and false alarm.
 *
 * With the path of a fetched PolNeAR copy (`--polnear DIR`, see scripts/eval-polnear.ts) it also scores real news
 * on the splits named by `--split` (default `train,dev`; the test split only when asked for by name), and with
 * `--figures DIR` (a rebuilt copy of the articles of tests/fixtures/realnews/figures, see scripts/eval-figures.ts)
 * the force figures. `--only TEXT` restricts the real-news runs to article names containing TEXT.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extract, type Quote } from '../src/extract/index.ts';
import { readArticleFile } from '../src/ingest/parse.ts';
import { evalFigures, printFigures } from './eval-figures.ts';
import { f1, words } from './eval-score.ts';
import { evalPolnear, printPolnear } from './eval-polnear.ts';

const DIR = 'tests/fixtures/eval';
const verbose = process.argv.includes('--verbose');
const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

interface GoldQuote {
  text: string;
  speaker: string | string[] | null;
}
interface Gold {
  direct: GoldQuote[];
  reported: GoldQuote[];
  people: string[];
}

/** Speakers compare after lower-casing and dropping a leading article and a possessive. */
function normSpeaker(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function speakerMatches(gold: GoldQuote['speaker'], got: string | null): boolean {
  const options = gold === null ? [null] : Array.isArray(gold) ? gold : [gold];
  return options.some((o) =>
    o === null ? got === null : got !== null && normSpeaker(o) === normSpeaker(got),
  );
}

interface Score {
  gold: number;
  predicted: number;
  matched: number;
  speakersRight: number;
}

function score(gold: GoldQuote[], predicted: Quote[], threshold: number, label: string, file: string): Score {
  const pairs: Array<{ g: number; p: number; s: number }> = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const s = f1(words(g.text), words(p.text));
      if (s >= threshold) pairs.push({ g: gi, p: pi, s });
    }),
  );
  pairs.sort((a, b) => b.s - a.s);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  let speakersRight = 0;
  for (const pair of pairs) {
    if (usedG.has(pair.g) || usedP.has(pair.p)) continue;
    usedG.add(pair.g);
    usedP.add(pair.p);
    const g = gold[pair.g]!;
    const p = predicted[pair.p]!;
    if (speakerMatches(g.speaker, p.speaker)) speakersRight++;
    else if (verbose)
      console.log(
        `  ${file} ${label} wrong speaker: ${JSON.stringify(p.speaker)} (gold ${JSON.stringify(g.speaker)}): ${g.text}`,
      );
  }
  if (verbose) {
    gold.forEach(
      (g, i) => usedG.has(i) || console.log(`  ${file} ${label} missed: [${g.speaker}] ${g.text}`),
    );
    predicted.forEach(
      (p, i) => usedP.has(i) || console.log(`  ${file} ${label} false alarm: [${p.speaker}] ${p.text}`),
    );
  }
  return { gold: gold.length, predicted: predicted.length, matched: usedG.size, speakersRight };
}

const add = (a: Score, b: Score): Score => ({
  gold: a.gold + b.gold,
  predicted: a.predicted + b.predicted,
  matched: a.matched + b.matched,
  speakersRight: a.speakersRight + b.speakersRight,
});
const zero = (): Score => ({ gold: 0, predicted: 0, matched: 0, speakersRight: 0 });
const pct = (n: number, d: number) => (d === 0 ? 1 : n / d);
const fmt = (x: number) => `${(x * 100).toFixed(1)}%`;

const files = (await readdir(DIR)).filter((f) => f.endsWith('.txt')).sort();
let direct = zero();
let reported = zero();
const people = { gold: 0, predicted: 0, matched: 0 };
for (const file of files) {
  const read = await readArticleFile(join(DIR, file), { maxBytes: 1024 * 1024 });
  if (!read.ok) throw new Error(`${file}: ${read.error}`);
  const article = read.articles[0]!;
  const gold = JSON.parse(await readFile(join(DIR, file.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold;
  const facts = extract({ title: article.title, body: article.body, published: article.published });
  direct = add(
    direct,
    score(
      gold.direct,
      facts.quotes.filter((q) => q.kind === 'direct'),
      0.7,
      'direct',
      file,
    ),
  );
  reported = add(
    reported,
    score(
      gold.reported,
      facts.quotes.filter((q) => q.kind === 'reported'),
      0.5,
      'reported',
      file,
    ),
  );
  const goldPeople = new Set(gold.people.map((p) => p.toLowerCase()));
  const gotPeople = new Set(facts.people.map((p) => p.name.toLowerCase()));
  people.gold += goldPeople.size;
  people.predicted += gotPeople.size;
  for (const p of gotPeople) {
    if (goldPeople.has(p)) people.matched++;
    else if (verbose) console.log(`  ${file} people false alarm: ${p}`);
  }
  if (verbose)
    for (const p of goldPeople) if (!gotPeople.has(p)) console.log(`  ${file} people missed: ${p}`);
}

const rows: Array<{ name: string; value: number; target: number }> = [];
const report = (name: string, s: Score) => {
  const p = pct(s.matched, s.predicted);
  const r = pct(s.matched, s.gold);
  const sp = pct(s.speakersRight, s.matched);
  console.log(
    `${name.padEnd(16)} gold ${String(s.gold).padStart(3)}  found ${String(s.predicted).padStart(3)}  matched ${String(s.matched).padStart(3)}  ` +
      `precision ${fmt(p).padStart(6)}  recall ${fmt(r).padStart(6)}  speakers right ${fmt(sp).padStart(6)}`,
  );
  return { p, r, sp };
};
console.log(`Extractor evaluation on ${files.length} articles (${DIR})`);
const d = report('direct quotes', direct);
const rep = report('reported speech', reported);
const pp = pct(people.matched, people.predicted);
const pr = pct(people.matched, people.gold);
const pf = pp + pr === 0 ? 0 : (2 * pp * pr) / (pp + pr);
console.log(
  `${'people'.padEnd(16)} gold ${String(people.gold).padStart(3)}  found ${String(people.predicted).padStart(3)}  matched ${String(people.matched).padStart(3)}  ` +
    `precision ${fmt(pp).padStart(6)}  recall ${fmt(pr).padStart(6)}  F1 ${pf.toFixed(3)}`,
);
const allSpeakers = pct(direct.speakersRight + reported.speakersRight, direct.matched + reported.matched);
console.log(`speakers right over all matched quotes: ${fmt(allSpeakers)}`);
rows.push(
  { name: 'direct precision', value: d.p, target: 0.95 },
  { name: 'direct recall', value: d.r, target: 0.95 },
  { name: 'direct speakers', value: d.sp, target: 0.9 },
  { name: 'reported recall', value: rep.r, target: 0.75 },
  { name: 'reported precision', value: rep.p, target: 0.85 },
  { name: 'reported speakers', value: rep.sp, target: 0.9 },
  { name: 'people F1', value: pf, target: 0.9 },
);
const failed = rows.filter((row) => row.value < row.target);
for (const row of failed) console.log(`BELOW TARGET: ${row.name} ${fmt(row.value)} < ${fmt(row.target)}`);
console.log(failed.length === 0 ? 'All targets met.' : `${failed.length} target(s) missed.`);
process.exitCode = failed.length === 0 ? 0 : 1;

const polnear = flag('--polnear');
const only = flag('--only');
if (polnear) {
  const splits = (flag('--split') ?? 'train,dev').split(',');
  for (const split of splits) printPolnear(split, await evalPolnear(polnear, [split], verbose, only));
}
const figures = flag('--figures');
if (figures) printFigures(await evalFigures(figures, verbose, only));
