/**
 * `npm run bench:extract`: articles per second for the full extraction on one core. Warms up first (JIT, the
 * compromise lexicon), then extracts the seed article, the evaluation set and three real-size articles (4–5 KB,
 * written for the bench in the style of wire copy: quotes over several paragraphs, reported speech, force figures)
 * repeatedly for a few seconds each. The real-size set is the one the speed target (200 articles/s) is about.
 *
 * It runs on plain Node, which strips the types and runs the code as written, as production runs tsc's build (both
 * only erase types). Under tsx the same extractor is 7–10% slower (the esbuild output tsx would run against the plain
 * sources, in alternated rounds in one process): esbuild's keepNames, which tsx turns on, wraps every named function
 * and closure in a `__name()` call, run each time a closure is created. That is a cost of the development loader,
 * not of the extractor, so it is left out of the figure.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from '../src/extract/index.ts';
import { readArticleFile, type ParsedArticle } from '../src/ingest/parse.ts';

const SEED = 'data/articles/2016-03-15-russia-withdraws-from-syria.txt';
const EVAL = 'tests/fixtures/eval';
const REAL_SIZE = 'tests/fixtures/bench';
const SECONDS = 3;

async function load(path: string): Promise<ParsedArticle> {
  const read = await readArticleFile(path, { maxBytes: 1024 * 1024 });
  if (!read.ok) throw new Error(`${path}: ${read.error}`);
  return read.articles[0]!;
}

/**
 * Runs the extraction for a few seconds and prints articles per second by the wall clock and by the process's own
 * CPU time: on a machine shared with other work the wall clock undercounts, while CPU time still measures what one
 * core does.
 */
function run(articles: ParsedArticle[], label: string): void {
  const once = () => {
    for (const a of articles) extract({ title: a.title, body: a.body, published: a.published });
  };
  for (let i = 0; i < 50; i++) once();
  let count = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    once();
    count += articles.length;
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.body), 0) / articles.length;
  console.log(
    `${label.padEnd(34)} ${(count / (elapsed / 1000)).toFixed(0).padStart(6)} articles/s wall, ` +
      `${(count / cpuSeconds).toFixed(0).padStart(6)} per CPU second  ` +
      `(${count} extractions in ${(elapsed / 1000).toFixed(1)} s, mean body ${(bytes / 1024).toFixed(1)} KB)`,
  );
}

const seed = await load(SEED);
const evalSet = await Promise.all(
  (await readdir(EVAL))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => load(join(EVAL, f))),
);
const realSize = await Promise.all(
  (await readdir(REAL_SIZE))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => load(join(REAL_SIZE, f))),
);
run([seed], 'seed article');
run(evalSet, `evaluation set (${evalSet.length} articles)`);
run(realSize, `real-size articles (${realSize.length})`);
