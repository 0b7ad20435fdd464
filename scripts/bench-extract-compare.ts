/**
 * `npm exec -- node scripts/bench-extract-compare.ts OTHER [THIS]`: real-size articles per CPU second of two
 * checkouts' extractors, loaded into one process and run in alternating short rounds. On a shared machine a single
 * run of `npm run bench:extract` moves by a third with what else runs, so two commits benched one after the other
 * can differ by more than any change between them; alternating rounds in one process put both under the same load.
 * OTHER and THIS are checkout directories (a git worktree of the commit to compare); THIS defaults to this one.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { extract as Extract } from '../src/extract/index.ts';
import { readArticleFile, type ParsedArticle } from '../src/ingest/parse.ts';

const ROUNDS = 30;
const PER_ROUND = 40;
const WARM_UP = 60;

const [other, self = '.'] = process.argv.slice(2);
if (!other) {
  process.stderr.write(
    'usage: npm exec -- node scripts/bench-extract-compare.ts OTHER_CHECKOUT [THIS_CHECKOUT]\n',
  );
  process.exit(2);
}
const roots = [resolve(self), resolve(other)];

const dir = 'tests/fixtures/bench';
const articles: ParsedArticle[] = [];
for (const f of (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()) {
  const read = await readArticleFile(join(dir, f), { maxBytes: 1024 * 1024 });
  if (!read.ok) throw new Error(`${f}: ${read.error}`);
  articles.push(read.articles[0]!);
}

const extractors: (typeof Extract)[] = [];
for (const root of roots) {
  const module = (await import(join(root, 'src/extract/index.ts'))) as { extract: typeof Extract };
  extractors.push(module.extract);
}

function once(extract: typeof Extract): void {
  for (const a of articles) extract({ title: a.title, body: a.body, published: a.published });
}

for (const extract of extractors) for (let i = 0; i < WARM_UP; i++) once(extract);

const rates: number[][] = roots.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < extractors.length; k++) {
    const which = (round + k) % extractors.length;
    const start = process.cpuUsage();
    for (let i = 0; i < PER_ROUND; i++) once(extractors[which]!);
    const cpu = process.cpuUsage(start);
    rates[which]!.push((PER_ROUND * articles.length) / ((cpu.user + cpu.system) / 1e6));
  }
}

for (const [k, root] of roots.entries()) {
  const sorted = [...rates[k]!].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1]!;
  console.log(
    `${root.padEnd(40)} median ${median.toFixed(0).padStart(4)} per CPU second ` +
      `(${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)} over ${ROUNDS} rounds of ${PER_ROUND * articles.length})`,
  );
}
