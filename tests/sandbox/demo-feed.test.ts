import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.ts';
import { createSandboxLogger } from '../../src/sandbox/log.ts';
import { DEMO_FEED_FILE } from '../../src/sandbox/demo-feed.ts';
import { runScript } from '../../src/sandbox/prompt.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/session.ts';
import { SEED_FILE } from '../support/helpers.ts';
import { closeSqlite, sqlite } from '../support/sqlite.ts';

/** A stream that keeps what is written to it. */
function collector(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

const demo = JSON.parse(readFileSync(DEMO_FEED_FILE, 'utf8')) as {
  story: string;
  published: { title: string }[];
  upcoming: { title: string }[];
};

let sandbox: Sandbox;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-demo-feed-'));
  copyFileSync(SEED_FILE, join(dir, 'seed.txt'));
  sandbox = await startSandbox({
    base: defaultConfig({ ARTICLES_DIR: dir }),
    log: createSandboxLogger('warn', collector().stream),
  });
});
afterAll(async () => {
  closeSqlite();
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The demo story's articles: title and whether digests announce it. */
function demoArticles(): { title: string; announce: number }[] {
  return sqlite(sandbox.bot.ctx.store)
    .prepare(
      `SELECT a.title, a.announce FROM articles a JOIN stories s ON s.id = a.story_id WHERE s.slug = ? ORDER BY a.published_at, a.id`,
    )
    .all(demo.story) as { title: string; announce: number }[];
}

describe('the sandbox demo feed', () => {
  it('is followed at start: its items out already are stored as the baseline, not announced', () => {
    expect(demoArticles()).toEqual(demo.published.map((p) => ({ title: p.title, announce: 0 })));
    const feeds = sandbox.bot.ctx.store.feeds.allFeeds().filter((f) => f.guildId === sandbox.guild.id);
    expect(feeds.map((f) => [f.source.url, f.storySlug])).toEqual([[sandbox.demoFeed.url, demo.story]]);
  });

  it('publish adds an item the bot fetches at once, and the next digest of #news posts it', async () => {
    const output = collector();
    const errors = collector();
    const status = await runScript(
      sandbox,
      ['publish', `/config digest send-now channel:#news story:${demo.story}`],
      true,
      { output: output.stream, errors: errors.stream },
    );
    expect(errors.lines()).toEqual([]);
    expect(status).toBe(0);
    const [published, sent, posted, ...rest] = output.lines().map((line) => JSON.parse(line) as unknown);
    expect(rest).toEqual([]);
    expect(published).toMatchObject({
      published: { title: demo.upcoming[0]!.title, feed: sandbox.demoFeed.url },
      report: { status: 'ok', new: 1, updated: 0, unchanged: demo.published.length, error: null },
    });
    expect(JSON.stringify(sent)).toContain('Posted the digest');
    const message = (posted as { posted: { channel_id: string; content?: string; embeds?: unknown[] } })
      .posted;
    expect(message.channel_id).toBe(sandbox.guild.news.id);
    // The demo story is titled by its first article, so that title heads the digest; the items it lists follow.
    const story = sandbox.bot.ctx.store.stories.bySlug('port-alder-harbour', sandbox.guild.id)!.title;
    expect(demo.published.map((p) => p.title)).toContain(story);
    const shown = JSON.stringify(message)
      .replaceAll(`Digest: ${story}`, '')
      .replaceAll(`Briefing: ${story}`, '');
    expect(shown).toContain(demo.upcoming[0]!.title);
    for (const old of demo.published) expect(shown).not.toContain(old.title);
    expect(demoArticles()).toEqual([
      ...demo.published.map((p) => ({ title: p.title, announce: 0 })),
      { title: demo.upcoming[0]!.title, announce: 1 },
    ]);
  });

  it('publishes each upcoming item once, then says there is nothing left', async () => {
    const output = collector();
    const lines = demo.upcoming.slice(1).map(() => 'publish');
    expect(await runScript(sandbox, lines, true, { output: output.stream, errors: collector().stream })).toBe(
      0,
    );
    expect(
      await runScript(sandbox, ['publish'], true, { output: output.stream, errors: collector().stream }),
    ).toBe(1);
    const results = output.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(results.slice(0, -1).map((r) => (r.published as { title: string }).title)).toEqual(
      demo.upcoming.slice(1).map((u) => u.title),
    );
    expect(results.at(-1)).toEqual({
      error: 'Every item of the demo feed is out already; restart the sandbox to publish them again.',
    });
    expect(demoArticles()).toHaveLength(demo.published.length + demo.upcoming.length);
  });

  it('keeps the shipped story the default, so commands without story: answer it', async () => {
    expect(sandbox.bot.ctx.store.stories.defaultFor(sandbox.guild.id, null)?.slug).toBe(
      'russia-syria-withdrawal',
    );
    const output = collector();
    await runScript(sandbox, ['/troops'], false, { output: output.stream, errors: collector().stream });
    expect(output.lines().join('\n')).toContain('story: russia-syria-withdrawal');
  });
});
