/**
 * `npm run bench:extract`: articles per second for the full extraction on one core. Warms up first (JIT, the
 * compromise lexicon), then extracts the seed article, and the evaluation set, repeatedly for a few seconds each.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from '../src/extract/index.ts';
import { readArticleFile, type ParsedArticle } from '../src/ingest/parse.ts';

const SEED = 'data/articles/2016-03-15-russia-withdraws-from-syria.txt';
const EVAL = 'tests/fixtures/eval';
const SECONDS = 3;

async function load(path: string): Promise<ParsedArticle> {
  const read = await readArticleFile(path, { maxBytes: 1024 * 1024 });
  if (!read.ok) throw new Error(`${path}: ${read.error}`);
  return read.articles[0]!;
}

function run(articles: ParsedArticle[], label: string): void {
  const once = () => {
    for (const a of articles) extract({ title: a.title, body: a.body, published: a.published });
  };
  for (let i = 0; i < 50; i++) once();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    once();
    count += articles.length;
    elapsed = performance.now() - start;
  }
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.body), 0) / articles.length;
  console.log(
    `${label.padEnd(34)} ${(count / (elapsed / 1000)).toFixed(0).padStart(6)} articles/s  ` +
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
run([seed], 'seed article');
run(evalSet, `evaluation set (${evalSet.length} articles)`);
