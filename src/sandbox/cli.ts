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
import { parseCommandLineOrExit } from '../cli/args.ts';
import { createSandboxLogger } from './log.ts';
import { runPrompt, runScript, type PromptStreams } from './prompt.ts';
import { startSandbox } from './session.ts';

const { values } = parseCommandLineOrExit({
  command: 'npm run sandbox --',
  synopsis: '',
  description:
    'Runs Dispatch against a loopback Discord (a guild, a #news channel, a moderator), on a temporary copy of\n' +
    'DATABASE_PATH with ARTICLES_DIR ingested, so nothing you do changes your store. With no --run, gives an\n' +
    'interactive prompt (type help there); with --run, runs the commands, prints each reply and exits, non-zero\n' +
    'if a command was unknown or failed.',
  options: {
    run: {
      type: 'string',
      multiple: true,
      value: 'COMMAND',
      description: 'run this command (as typed at the prompt) and print the reply; repeatable',
    },
    json: {
      type: 'boolean',
      description: 'with --run: print each reply as one JSON message payload per line',
    },
    verbose: {
      type: 'boolean',
      description: "show the bot's info logs on stderr (default: warnings and errors)",
    },
    fresh: {
      type: 'boolean',
      description: 'start from an empty store with ARTICLES_DIR only, ignoring DATABASE_PATH',
    },
  },
  positionals: false,
  examples: [
    'npm run sandbox',
    'npm run sandbox --silent -- --run "/quotes speaker:Putin" --run "/troops" --json',
    'npm run sandbox -- --fresh --verbose',
  ],
});
const runs = values.run ?? [];
const json = values.json === true;
const verbose = values.verbose === true;
const fresh = values.fresh === true;

// The operator's settings, if they parse (the sandbox replaces every Discord one); the defaults otherwise.
let base: Config;
try {
  base = parseConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\nThe sandbox uses the defaults instead.\n`);
  base = defaultConfig();
}
// Files the bot refuses are shown as `npm run ingest` shows them; other logs readable on a terminal, else JSON.
const log = createSandboxLogger(verbose ? 'info' : 'warn', process.stderr);
const streams: PromptStreams = { input: process.stdin, output: process.stdout, errors: process.stderr };

const sandbox = await startSandbox({ base, log, copyFrom: fresh ? undefined : base.DATABASE_PATH }).catch(
  (error: unknown) => {
    // A sentence for the newcomer (the store's errors already say what to do); the stack only with --verbose.
    const reason =
      error instanceof Error ? ((verbose ? error.stack : undefined) ?? error.message) : String(error);
    const copy = fresh
      ? ''
      : ` (it runs on a copy of DATABASE_PATH, ${base.DATABASE_PATH}; --fresh starts from the articles alone)`;
    process.stderr.write(`The sandbox could not start${copy}: ${reason}\n`);
    process.exit(1);
  },
);

let status = 0;
try {
  if (runs.length > 0) status = await runScript(sandbox, runs, json, streams);
  else await runPrompt(sandbox, streams);
} finally {
  await sandbox.stop();
}
process.exit(status);
