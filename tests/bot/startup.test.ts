import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, TokenError } from '../../src/bot/index.ts';
import { ManualClock } from '../support/clock.ts';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../support/log.ts';
import { createLogger } from '../../src/log.ts';
import { startLoopback, type Loopback } from '../../src/sandbox/loopback.ts';
import { ROOT, SEED_FILE } from '../support/helpers.ts';
import { sqlite } from '../support/sqlite.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-startup-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function loopback(): Promise<Loopback> {
  const started = await startLoopback({ guildName: 'Boot', heartbeatIntervalMs: 500 });
  cleanups.push(started.close);
  return started;
}

describe('starting the bot', () => {
  it('without DISCORD_TOKEN refuses to start, says where to get one and points to the sandbox', async () => {
    const dir = tempDir();
    const config = parseConfig({ DATABASE_PATH: join(dir, 'd.db') });
    const start = startBot({ config, log: silentLogger(), clock: new ManualClock(0), scheduler: false });
    await expect(start).rejects.toBeInstanceOf(TokenError);
    await expect(start).rejects.toThrow(/developers\/applications.*Reset Token.*npm run sandbox/s);
  });

  it('with a token Discord refuses says so plainly, closes the database and leaves nothing running', async () => {
    const { discord } = await loopback();
    const dir = tempDir();
    const config = parseConfig({
      DATABASE_PATH: join(dir, 'd.db'),
      ARTICLES_DIR: join(ROOT, 'data/articles'),
      DISCORD_TOKEN: 'not.the-token-discord-knows.at-all',
      DISCORD_API_URL: discord.restUrl,
    });
    const start = startBot({ config, log: silentLogger(), clock: new ManualClock(0), scheduler: false });
    await expect(start).rejects.toThrow(/refused DISCORD_TOKEN \(401 Unauthorized\).*npm run sandbox/s);
    expect(discord.gatewayConnected).toBe(false);
    // The database was closed: another connection can switch journal modes, which needs no other connection.
    expect(sqlite(config.DATABASE_PATH).pragma('journal_mode = DELETE', { simple: true })).toBe('delete');
  });

  it('`npm start` without a token exits 1 with the message on stderr, not a stack trace', () => {
    const dir = tempDir();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'd.db'), LOG_LEVEL: 'silent' },
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DISCORD_TOKEN is not set');
    expect(result.stderr).toContain('npm run sandbox');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('ingests ARTICLES_DIR at boot, and stop() lets an interaction in flight finish before closing', async () => {
    const { discord, guild, boot } = await loopback();
    const dir = tempDir();
    const bot = await boot(
      { DATABASE_PATH: join(dir, 'd.db'), ARTICLES_DIR: join(ROOT, 'data/articles') },
      { log: silentLogger(), clock: new ManualClock(0), scheduler: false },
    );
    cleanups.push(() => bot.stop());
    expect(bot.ctx.store.articles.stats().count).toBe(1);
    expect(bot.ctx.store.stories.latest()?.slug).toBe('russia-syria-withdrawal');

    // Hold /about in flight, then stop: the reply must still go out before the gateway closes.
    const about = bot.commands.get('about')!;
    const original = about.execute!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const started = new Promise<void>((resolve) => (entered = resolve));
    about.execute = async (interaction, args, ctx) => {
      entered();
      await held;
      await original(interaction, args, ctx);
    };
    cleanups.push(() => void (about.execute = original));
    const reply = discord.interact({ guildId: guild.id, command: 'about', options: {} });
    await started;
    // Released well after stop() is called: a stop that did not wait would resolve before the reply exists.
    setTimeout(release, 300);
    await bot.stop();
    const callbacks = discord.requests.filter((r) => /\/interactions\/\d+\/[^/]+\/callback/.test(r.path));
    expect(callbacks).toHaveLength(1);
    const result = await reply;
    expect(result.text).toContain('Articles stored');
    expect(discord.gatewayConnected).toBe(false);
  });

  it('reads ARTICLES_DIR once at boot: the first periodic rescan neither rereads a file nor reports a refusal again', async () => {
    const { boot } = await loopback();
    const dir = tempDir();
    const articles = join(dir, 'articles');
    mkdirSync(articles);
    copyFileSync(SEED_FILE, join(articles, 'seed.txt'));
    writeFileSync(join(articles, 'bad.md'), '---\npublished: 2016-02-30\n---\n\nText.\n');
    const records: { msg: string; file?: string; status?: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line) records.push(JSON.parse(line));
        done();
      },
    });
    const bot = await boot(
      { DATABASE_PATH: join(dir, 'd.db'), ARTICLES_DIR: articles },
      { log: createLogger('debug', sink), clock: new ManualClock(0) },
    );
    cleanups.push(() => bot.stop());
    await bot.scheduler!.ready;
    await bot.scheduler!.rescan();
    const reads = (name: string) =>
      records.filter((r) => r.msg === 'ingest' && r.file === join(articles, name));
    expect(reads('bad.md').map((r) => r.status)).toEqual(['rejected']);
    expect(reads('seed.txt').map((r) => r.status)).toEqual(['added']);
    expect(records.filter((r) => r.msg.startsWith('ingested ')).map((r) => r.msg)).toEqual([
      `ingested ${articles}: 1 added, 0 updated, 0 unchanged, 1 rejected`,
    ]);
  });
});
