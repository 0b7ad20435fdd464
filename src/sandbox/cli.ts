/**
 * `npm run sandbox`: Dispatch on a loopback Discord, no token and no network needed.
 *
 *   npm run sandbox                                   an interactive prompt
 *   npm run --silent sandbox -- --run "/troops" [--run "/quotes speaker:Putin" …] [--json]
 *                                                     run commands, print each reply, exit
 *   --verbose                                         the bot's info logs (on stderr)
 *   --fresh                                           ignore DATABASE_PATH; start from ARTICLES_DIR only
 *
 * The bot runs on a temporary copy of the operator's database (DATABASE_PATH, if the file exists), so the
 * sandbox never changes it; ARTICLES_DIR is ingested into the copy at boot as the real bot would. Logs go
 * to stderr so stdout carries only replies.
 */
import { parseConfig, defaultConfig, ConfigError, type Config } from '../config.ts';
import { createLogger } from '../log.ts';
import { runPrompt, runScript } from './prompt.ts';
import { startSandbox } from './session.ts';

const argv = process.argv.slice(2).filter((arg) => arg !== '--');
const runs: string[] = [];
let json = false;
let verbose = false;
let fresh = false;
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i]!;
  if (arg === '--run') {
    const line = argv[++i];
    if (line === undefined) {
      process.stderr.write('--run needs a command, e.g. --run "/troops"\n');
      process.exit(2);
    }
    runs.push(line);
  } else if (arg.startsWith('--run=')) runs.push(arg.slice('--run='.length));
  else if (arg === '--json') json = true;
  else if (arg === '--verbose') verbose = true;
  else if (arg === '--fresh') fresh = true;
  else {
    process.stderr.write(
      `Unknown argument "${arg}". Usage: npm run sandbox -- [--run "/troops"]... [--json]\n`,
    );
    process.exit(2);
  }
}

// The operator's settings, if they parse (the sandbox replaces every Discord one); the defaults otherwise.
let base: Config;
try {
  base = parseConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\nThe sandbox uses the defaults instead.\n`);
  base = defaultConfig();
}
const log = createLogger(verbose ? 'info' : 'warn', process.stderr);

const sandbox = await startSandbox({ base, log, copyFrom: fresh ? undefined : base.DATABASE_PATH }).catch(
  (error: unknown) => {
    process.stderr.write(`The sandbox could not start: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

let status = 0;
try {
  if (runs.length > 0) status = await runScript(sandbox, runs, json);
  else await runPrompt(sandbox);
} finally {
  await sandbox.stop();
}
process.exit(status);
