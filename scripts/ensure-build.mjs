/* global process */
/**
 * Runs before `npm start` and the operator tools (`register`, `ingest`, `feeds`, `extract`), which run the
 * compiled build in dist/ on plain Node. Plain JavaScript, because it must run where nothing compiles
 * TypeScript: a server installed with `npm ci --omit=dev`.
 *
 * When dist/ is missing or older than a file in src/ or commands/, it builds it (`npm run build`) if TypeScript
 * is installed (a development checkout), and otherwise says in one sentence what to do and exits 1, rather than
 * letting Node print a stack trace or the tool run code older than the checkout. Everything it prints goes to
 * stderr, so `npm run --silent extract -- … --json` still prints only JSON.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/src/main.js');

/** The newest file below `dir`, as `{ path, mtimeMs }`, or null for an empty or missing folder. */
function newest(dir) {
  let found = null;
  if (!existsSync(dir)) return found;
  for (const dirent of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!dirent.isFile()) continue;
    const path = join(dirent.parentPath, dirent.name);
    const { mtimeMs } = statSync(path);
    if (!found || mtimeMs > found.mtimeMs) found = { path, mtimeMs };
  }
  return found;
}

function staleness() {
  if (!existsSync(entry)) return 'there is no build in dist/';
  const built = statSync(entry).mtimeMs;
  for (const dir of ['src', 'commands']) {
    const source = newest(join(root, dir));
    if (source && source.mtimeMs > built) {
      return `the build in dist/ is older than ${source.path.slice(root.length + 1)}`;
    }
  }
  return null;
}

const stale = staleness();
if (stale) {
  let canBuild = true;
  try {
    createRequire(import.meta.url).resolve('typescript');
  } catch {
    canBuild = false;
  }
  if (!canBuild) {
    process.stderr.write(
      `Dispatch runs from its compiled build, and ${stale}. Build it where the development dependencies are ` +
        'installed (`npm ci && npm run build`), then install for production (`npm prune --omit=dev`); see the ' +
        "README's Running it on Discord.\n",
    );
    process.exit(1);
  }
  process.stderr.write(`${stale}: building it (npm run build)…\n`);
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
    : spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: true });
  if (result.status !== 0) {
    process.stderr.write('The build failed (above); fix it, or run `npm run build` to see it again.\n');
    process.exit(1);
  }
}
