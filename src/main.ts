/**
 * `npm start`: runs Dispatch until SIGINT or SIGTERM, then shuts down cleanly (in-flight interactions finish,
 * the gateway closes, the database is checkpointed and closed) within a timeout; see `bot/shutdown.ts`.
 */
import { startBot, TokenError } from './bot/index.ts';
import { handleShutdown, shutdownTimeoutMs } from './bot/shutdown.ts';
import { systemClock } from './clock.ts';
import { parseCommandLineOrExit } from './cli/args.ts';
import { loadConfigOrExit } from './config.ts';
import { StartupError } from './errors.ts';
import { createLogger } from './log.ts';

parseCommandLineOrExit({
  command: 'npm start',
  synopsis: '',
  description:
    'Runs Dispatch on Discord until SIGINT or SIGTERM: reads .env (see .env.example), opens DATABASE_PATH,\n' +
    'ingests ARTICLES_DIR and serves the slash commands and digests. Needs DISCORD_TOKEN; to try Dispatch\n' +
    'without one, run `npm run sandbox`.',
  options: {},
  positionals: false,
  examples: ['npm start'],
});

const config = loadConfigOrExit();
const log = createLogger(config.LOG_LEVEL);

try {
  const bot = await startBot({ config, log, clock: systemClock });
  handleShutdown({
    stop: () => bot.stop(),
    log,
    exit: (code) => process.exit(code),
    events: process,
    timeoutMs: shutdownTimeoutMs(config),
  });
} catch (error) {
  // A token or network problem is the operator's to fix: say so plainly, not as a stack trace.
  if (error instanceof TokenError || error instanceof StartupError)
    process.stderr.write(`${error.message}\n`);
  else log.fatal({ err: error }, 'could not start');
  process.exit(1);
}
