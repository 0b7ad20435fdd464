/**
 * Rebuilds the real-news evaluation texts outside the repository from local clones (or bare mirrors) of the public
 * repositories they come from, so no third-party text is ever committed:
 *
 *   npx tsx scripts/eval-rebuild.ts --out /work/corpora \
 *     --polnear <git dir of networkdynamics/PolNeAR> \
 *     --abp <git dir of ramybaly/Article-Bias-Prediction> \
 *     --bbc <git dir of suraj-deshmukh/BBC-Dataset-News-Classification>
 *
 * It writes `OUT/polnear/data/{train,dev,test}/{text,attributions}` (for `npm run eval -- --polnear OUT/polnear`) and
 * only the articles the figure annotations name under `OUT/abp/…` and `OUT/bbc/…` (for `--figures OUT`). Any of the
 * three sources may be left out.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { articlePath, loadAnnotations } from './eval-figures.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const out = arg('--out');
if (!out) throw new Error('usage: eval-rebuild.ts --out DIR [--polnear GIT] [--abp GIT] [--bbc GIT]');

const git = (gitDir: string, args: string[]): Buffer =>
  execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 30 });

const polnear = arg('--polnear');
if (polnear) {
  const target = join(out, 'polnear');
  mkdirSync(target, { recursive: true });
  for (const split of ['train', 'dev', 'test']) {
    const tar = git(polnear, ['archive', 'HEAD', `data/${split}/text`, `data/${split}/attributions`]);
    execFileSync('tar', ['x', '-C', target], { input: tar });
  }
  console.log(`PolNeAR texts and attributions written under ${target}`);
}

const annotations = await loadAnnotations();
for (const [corpus, gitDir, inRepo] of [
  ['abp', arg('--abp'), (id: string) => `data/jsons/${id}.json`],
  ['bbc', arg('--bbc'), (id: string) => `dataset/data_files/${id}.txt`],
] as const) {
  if (!gitDir) continue;
  let n = 0;
  for (const a of annotations.filter((x) => x.corpus === corpus)) {
    const path = articlePath(out, a);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, git(gitDir, ['show', `HEAD:${inRepo(a.id)}`]));
    n++;
  }
  console.log(`${n} ${corpus} articles written`);
}
