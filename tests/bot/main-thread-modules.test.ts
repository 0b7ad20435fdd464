import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/helpers.ts';

/**
 * Records the URL of every module the process loads and prints them, one per line, when it exits. Loaded first
 * (before tsx), so it sees the TypeScript sources too.
 */
const RECORDER = `
import { registerHooks } from 'node:module';
const loaded = [];
registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
process.on('exit', () => process.stdout.write(loaded.join('\\n') + '\\n'));
`;

/** The modules the bot's main thread loads: the bot (gateway, scheduler, feeds, pool) and every command. */
function mainThreadModules(): string[] {
  const boot = `
    await import('./src/bot/index.ts');
    const { loadCommands, COMMANDS_DIR } = await import('./src/bot/loader.ts');
    await loadCommands(COMMANDS_DIR);
  `;
  const result = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(RECORDER)}`, '--import', 'tsx', '-e', boot],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.split('\n').filter(Boolean);
}

describe("the bot's main thread", () => {
  it('loads the gateway, the commands and the feeds, but not the extractor nor the feed and HTML parsers, which only its workers run', () => {
    const loaded = mainThreadModules();
    // The recorder works: what the bot needs is there.
    expect(loaded.some((url) => url.endsWith('/src/feeds/poll.ts'))).toBe(true);
    expect(loaded.some((url) => url.endsWith('/commands/quotes.ts'))).toBe(true);
    expect(loaded.some((url) => url.includes('/node_modules/discord.js/'))).toBe(true);
    // About 16 MB of heap and 27 MB of RSS (npm run bench:feeds:dist), for a number the main thread reads.
    const heavy = loaded.filter((url) =>
      /\/src\/extract\/(?!version\.ts$)|\/node_modules\/(chrono-node|compromise)\//.test(url),
    );
    expect(heavy).toEqual([]);
    expect(loaded.some((url) => url.endsWith('/src/extract/version.ts'))).toBe(true);
    // feedsmith, linkedom and Readability: about 7 MB of heap and 19 MB of RSS. The poll imports the modules that
    // use them (src/feeds/parse.ts, text.ts), which load them on the first feed or page parsed on this thread.
    expect(loaded.some((url) => url.endsWith('/src/feeds/parse.ts'))).toBe(true);
    expect(
      loaded.filter((url) => /\/node_modules\/(feedsmith|linkedom|@mozilla\/readability)\//.test(url)),
    ).toEqual([]);
  });
});
