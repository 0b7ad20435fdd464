/**
 * `npx tsx scripts/extract-snapshot.ts OUT [--polnear DIR] [--figures DIR]`: writes the full extraction output of
 * every article the project can read — the seed, `tests/fixtures` (evaluation and bench articles, a generated
 * large article), PolNeAR's train and dev splits and the force-figure articles when their fetched copies are given
 * — as one JSON line per article, sorted by name, to OUT. Diffing two snapshots taken before and after a change
 * shows exactly which articles' facts it changed; a change meant to be pure speed must diff to nothing. Take both
 * snapshots from the same commit of main you compare against: other changes to the rules change the output too.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extract, type ExtractInput } from '../src/extract/index.ts';
import { readArticleFile } from '../src/ingest/parse.ts';
import { largeArticle } from '../tests/fixtures/large-article.ts';
import { loadAnnotations, readArticle } from './eval-figures.ts';
import { readPolnearArticle } from './eval-polnear.ts';

const args = process.argv.slice(2);
const out = args[0];
if (!out || out.startsWith('--')) {
  console.error('usage: tsx scripts/extract-snapshot.ts OUT [--polnear DIR] [--figures DIR]');
  process.exit(2);
}
const option = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};

const inputs: Array<[string, ExtractInput]> = [];

async function addFiles(dir: string): Promise<void> {
  for (const f of (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()) {
    const read = await readArticleFile(join(dir, f), { maxBytes: 1024 * 1024 });
    if (!read.ok) throw new Error(`${dir}/${f}: ${read.error}`);
    read.articles.forEach((a, i) =>
      inputs.push([`${dir}/${f}#${i}`, { title: a.title, body: a.body, published: a.published }]),
    );
  }
}
await addFiles('data/articles');
await addFiles('tests/fixtures/eval');
await addFiles('tests/fixtures/bench');
const large = largeArticle(200 * 1024, { seed: 7 });
inputs.push([
  'large-article(200 KB, seed 7)',
  { title: 'Large', body: large, published: new Date('2016-03-15T12:00:00Z') },
]);

const polnear = option('--polnear');
if (polnear) {
  for (const split of ['train', 'dev']) {
    const ann = new Map<string, string>();
    for (const f of (await readdir(join(polnear, 'data', split, 'attributions'))).sort()) {
      const name = f.replace(/_[0-9a-f]{4}\.ann$/, '');
      if (!ann.has(name)) ann.set(name, f);
    }
    for (const name of ann.keys()) {
      const a = await readPolnearArticle(polnear, split, name, ann.get(name)!);
      inputs.push([`polnear/${split}/${name}`, { title: a.title, body: a.body, published: a.published }]);
    }
  }
}
const figures = option('--figures');
if (figures) {
  for (const a of await loadAnnotations()) {
    const art = await readArticle(figures, a);
    inputs.push([`figures/${a.corpus}/${a.id}`, art]);
  }
}

const lines: string[] = [];
const started = performance.now();
for (const [name, input] of inputs) lines.push(JSON.stringify({ name, facts: extract(input) }));
const seconds = (performance.now() - started) / 1000;
await writeFile(out, `${lines.join('\n')}\n`);
console.log(`${inputs.length} articles extracted in ${seconds.toFixed(1)} s, written to ${out}`);
