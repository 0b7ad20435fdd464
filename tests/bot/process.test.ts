import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loopbackSettings, startLoopback } from '../../src/sandbox/loopback.ts';
import { ROOT } from '../support/helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the Node the project runs on', () => {
  it('is Node 24 LTS, brought by the project whatever the machine has', () => {
    // npm scripts put node_modules/.bin first on PATH, where the `node` devDependency puts Node 24.
    expect(Number(process.versions.node.split('.')[0])).toBe(24);
  });

  /**
   * Builds dist/ with `npm run build`, as a server owner does before installing with `npm ci --omit=dev`, and
   * checks that the compiled command-line tools run on plain Node (no tsx).
   */
  function build(): void {
    const built = spawnSync('npm', ['run', '--silent', 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect({ status: built.status, output: built.stdout + built.stderr }).toEqual({ status: 0, output: '' });
    for (const tool of ['ingest', 'feeds', 'extract', 'register']) {
      const help = spawnSync(process.execPath, [`dist/src/cli/${tool}.js`, '--help'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: npm run (--silent )?${tool} `));
    }
  }

  it.each([
    { entry: 'the TypeScript source (tsx)', args: ['--import', 'tsx', 'src/main.ts'] },
    {
      entry: 'the compiled build `npm start` runs',
      args: ['--enable-source-maps', '--max-semi-space-size=8', 'dist/src/main.js'],
    },
  ])(
    'runs the bot from $entry as its own process, serves a command, and exits 0 on SIGTERM with no abort at teardown',
    { timeout: 300_000 },
    async ({ args }) => {
      if (args.includes('dist/src/main.js')) build();
      const { discord, guild, close } = await startLoopback({
        guildName: 'Process',
        heartbeatIntervalMs: 500,
      });
      cleanups.push(close);
      const dir = mkdtempSync(join(tmpdir(), 'dispatch-process-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

      // The entry point `npm start` (dist) or `npm run dev` (src) runs, on the same Node binary as this test.
      const child = spawn(process.execPath, args, {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          DATABASE_PATH: join(dir, 'dispatch.db'),
          ARTICLES_DIR: join(ROOT, 'data/articles'),
          ...loopbackSettings(discord),
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      cleanups.push(() => void child.kill('SIGKILL'));
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`bot never became ready:\n${stdout}\n${stderr}`)),
          20_000,
        );
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString('utf8');
          if (/"msg":"ready"/.test(stdout)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });

      const reply = await discord.interact({ guildId: guild.id, command: 'about', options: {} });
      expect(reply.text).toContain('Articles stored');

      child.kill('SIGTERM');
      const { code, signal } = await exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(stderr).not.toMatch(/Assertion failed|Aborted|core dumped/);
      expect(stdout).toContain('"msg":"stopped"');
    },
  );
});
