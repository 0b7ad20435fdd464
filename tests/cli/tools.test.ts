import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, usage, type OptionSpec, type ToolSpec } from '../../src/cli/args.ts';
import { runTs, tempDir } from '../support/helpers.ts';

const TOOLS = [
  { script: 'src/cli/ingest.ts', usage: 'Usage: npm run ingest -- [PATH|URL...] [options]' },
  {
    script: 'src/cli/feeds.ts',
    usage: 'Usage: npm run feeds -- add URL | remove URL | list | import FILE.opml | poll [options]',
  },
  { script: 'src/cli/extract.ts', usage: 'Usage: npm run --silent extract -- FILE... [options]' },
  { script: 'src/cli/register.ts', usage: 'Usage: npm run register -- [options]' },
  { script: 'src/sandbox/cli.ts', usage: 'Usage: npm run sandbox -- [options]' },
  { script: 'src/main.ts', usage: 'Usage: npm start [options]' },
];

/** A port on 127.0.0.1 that nothing listens on: one the system just gave out, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const tool = {
  command: 'npm run demo --',
  synopsis: '[FILE...]',
  description: 'Does a demo.',
  options: {
    json: { type: 'boolean', description: 'print JSON' },
    run: { type: 'string', multiple: true, value: 'COMMAND', description: 'run a command' },
    guild: { type: 'string', value: 'ID', description: 'one guild' },
  },
  positionals: true,
  examples: ['npm run demo -- a.txt'],
} as const satisfies ToolSpec<Record<string, OptionSpec>>;

describe('the shared command-line parser', () => {
  it('reads flags, repeated and single values and positionals, dropping a lone --', () => {
    expect(
      parseCommandLine(tool, ['--', 'a.txt', '--json', '--run', '/troops', '--run=/about', '--guild', '12']),
    ).toEqual({
      kind: 'ok',
      values: { json: true, run: ['/troops', '/about'], guild: '12' },
      positionals: ['a.txt'],
    });
  });

  it('prints usage, every option with its description, and the example for --help and -h', () => {
    const text = usage(tool);
    expect(text.split('\n')).toEqual([
      'Usage: npm run demo -- [FILE...] [options]',
      '',
      'Does a demo.',
      '',
      'Options:',
      '  --json         print JSON',
      '  --run COMMAND  run a command',
      '  --guild ID     one guild',
      '  -h, --help     show this help and exit',
      '',
      'Example:',
      '  npm run demo -- a.txt',
    ]);
    expect(parseCommandLine(tool, ['--json', '--help'])).toEqual({ kind: 'help', text });
    expect(parseCommandLine(tool, ['-h'])).toEqual({ kind: 'help', text });
  });

  it('names the problem in plain words, then the usage: unknown option, missing value, value on a flag', () => {
    const problem = (argv: string[]) => {
      const parsed = parseCommandLine(tool, argv);
      expect(parsed.kind).toBe('error');
      const text = (parsed as { text: string }).text;
      expect(text).toContain(usage(tool));
      return text.split('\n')[0];
    };
    expect(problem(['--bogus'])).toBe('Unknown option --bogus.');
    expect(problem(['-x'])).toBe('Unknown option -x.');
    expect(problem(['--run'])).toBe('--run needs a value: --run COMMAND.');
    expect(problem(['--run', '--json'])).toBe('--run needs a value: --run COMMAND.');
    expect(problem(['--json=yes'])).toBe('--json takes no value (it was given "yes").');
    expect(problem(['--guild', '1', '--guild', '2'])).toBe('--guild is given twice; give it once.');
    expect(parseCommandLine({ ...tool, positionals: false }, ['stray']).kind).toBe('error');
  });
});

describe.each(TOOLS)('$script', ({ script, usage: usageLine }) => {
  it('answers --help with its usage, options and an example on stdout, and exits 0', async () => {
    const result = await runTs(script, ['--help'], {});
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe(usageLine);
    expect(result.stdout).toMatch(
      /\nOptions:\n[\s\S]*-h, --help +show this help and exit\n\nExamples?:\n {2}\S/,
    );
  });

  it('refuses an unknown option with the usage on stderr, and exits 2', async () => {
    const result = await runTs(script, ['--bogus'], {});
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Unknown option --bogus\.\n\nUsage: /);
  });
});

describe('what the tools say about the network and their arguments', () => {
  it('npm run register -- --guild 123 says 123 is not a valid server ID, and exits 2', async () => {
    const result = await runTs('src/cli/register.ts', ['--guild', '123'], {});
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      '"123" is not a valid server ID: a server ID is a number of 17 to 20 digits. To copy yours, turn on ' +
        'Developer Mode (User Settings > Advanced), right-click the server and choose Copy Server ID.',
    );
  });

  it('npm run register says it could not reach Discord, not that Discord refused, when nothing answers', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api`;
    const result = await runTs('src/cli/register.ts', ['--guild', '123456789012345678'], {
      DISCORD_TOKEN: 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbb.cccccc',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_API_URL: url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `The commands were not registered: could not reach ${new URL(url).host} (the connection was refused; ` +
        `ECONNREFUSED). Check this machine's network connection, any proxy or firewall, and DISCORD_API_URL ` +
        `(now ${url}).`,
    );
  });

  it('npm start with no route to Discord says what failed and what to check, in a sentence, and exits 1', async () => {
    const dir = tempDir();
    const url = `http://127.0.0.1:${await closedPort()}/api`;
    const result = await runTs('src/main.ts', [], {
      DATABASE_PATH: join(dir, 'd.db'),
      ARTICLES_DIR: dir,
      DISCORD_TOKEN: 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbb.cccccc',
      DISCORD_API_URL: url,
      LOG_LEVEL: 'warn',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      `Dispatch could not connect to Discord: could not reach ${new URL(url).host} (the connection was ` +
        `refused; ECONNREFUSED). Check this machine's network connection, any proxy or firewall, and ` +
        `DISCORD_API_URL (now ${url}).`,
    );
  });
});

describe('npm run sandbox -- --run', { timeout: 60_000 }, () => {
  const sandbox = (runs: string[]) =>
    runTs(
      'src/sandbox/cli.ts',
      runs.flatMap((run) => ['--run', run]),
      { ARTICLES_DIR: join(import.meta.dirname, '../../data/articles') },
    );

  it('exits 1 for a command that does not exist, naming the ones that do', async () => {
    const result = await sandbox(['/about', '/bogus']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '> /bogus\nThere is no /bogus command. Commands: /about /config /quotes /search /summary /timeline',
    );
  });

  it('exits 1 when the bot answers with an error', async () => {
    const failed = await sandbox(['/troops story:nope']);
    expect(failed.stdout).toContain('No story called "nope"');
    expect(failed.code).toBe(1);
  });

  it('exits 0 when every command ran', async () => {
    const ran = await sandbox(['/about']);
    expect(ran.stdout).toContain('Articles stored');
    expect(ran.code).toBe(0);
  });
});
