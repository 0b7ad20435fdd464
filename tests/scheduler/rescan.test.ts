import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { createRescanJob } from '../../src/scheduler/rescan.ts';
import { testCtx } from '../support/digest.ts';

/** A context whose log lines are kept, parsed, for the test to read. */
function loggedCtx() {
  const base = testCtx('2026-03-01T08:00:00.000Z');
  const lines: { msg: string; file?: string; status?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { ...base, ctx: { ...base.ctx, log: createLogger('debug', sink) }, lines };
}

const article = (title: string) =>
  `---\ntitle: ${title}\nstory: russia-syria-withdrawal\npublished: 2016-03-16\n---\n\nThe last jets left the base.\n`;

describe('the ARTICLES_DIR rescan', () => {
  it('reads only new or changed files, and reports a rejected file once rather than on every scan', async () => {
    const { ctx, lines } = loggedCtx();
    const dir = ctx.config.ARTICLES_DIR;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'good.txt'), article('Last Russian jets leave Hmeimim'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const rescan = createRescanJob();
    const ingested = () => lines.filter((l) => l.msg === 'ingest').map((l) => `${l.status} ${l.file}`);

    await rescan(ctx);
    expect(ingested()).toEqual([`rejected ${join(dir, 'empty.txt')}`, `added ${join(dir, 'good.txt')}`]);
    expect(ctx.store.articles.stats().count).toBe(1);

    lines.length = 0;
    await rescan(ctx);
    expect(ingested()).toEqual([]);

    writeFileSync(join(dir, 'empty.txt'), article('Talks resume in Geneva'));
    utimesSync(join(dir, 'empty.txt'), new Date('2026-03-01T09:00:00Z'), new Date('2026-03-01T09:00:00Z'));
    await rescan(ctx);
    expect(ingested()).toEqual([`added ${join(dir, 'empty.txt')}`]);
    expect(ctx.store.articles.stats().count).toBe(2);
  });

  it('removes the article of a deleted file with its facts, says so in the log, and keeps the others', async () => {
    const { ctx, lines } = loggedCtx();
    const dir = ctx.config.ARTICLES_DIR;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'keep.txt'), article('Last Russian jets leave Hmeimim'));
    writeFileSync(
      join(dir, 'gone.md'),
      '---\nstory: russia-syria-withdrawal\nurl: https://example.com/gone\npublished: 2016-03-17\n---\n' +
        '# Putin speaks\n\n"We will start tomorrow," said Putin, the president of Russia.\n',
    );
    const rescan = createRescanJob();
    await rescan(ctx);
    const gone = ctx.store.articles.bySourceKey('https://example.com/gone')!;
    expect(ctx.store.facts.quotes(gone.storyId).length).toBeGreaterThan(0);

    rmSync(join(dir, 'gone.md'));
    lines.length = 0;
    await rescan(ctx);
    expect(ctx.store.articles.bySourceKey('https://example.com/gone')).toBeUndefined();
    expect(ctx.store.facts.quotes(gone.storyId)).toEqual([]);
    expect(ctx.store.articles.stats().count).toBe(1);
    expect(lines.map((l) => l.msg)).toContain(
      `${join(dir, 'gone.md')} was deleted: removed "Putin speaks" and its facts`,
    );
  });

  it('removes an article whose file was deleted while the bot was down, on its first scan', async () => {
    const { ctx } = loggedCtx();
    const dir = ctx.config.ARTICLES_DIR;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'gone.txt'), article('Talks resume in Geneva'));
    await createRescanJob()(ctx);
    expect(ctx.store.articles.stats().count).toBe(1);
    rmSync(join(dir, 'gone.txt'));
    await createRescanJob()(ctx);
    expect(ctx.store.articles.stats().count).toBe(0);
  });

  it('says once, at its first scan, that ARTICLES_DIR does not exist, and is quiet after', async () => {
    const { ctx, lines } = loggedCtx();
    const rescan = createRescanJob();
    await expect(rescan(ctx)).resolves.toBeUndefined();
    await rescan(ctx);
    expect(ctx.store.articles.stats().count).toBe(0);
    expect(
      lines.filter((l) => l.msg.includes('does not exist')).map((l) => (l as { level?: number }).level),
    ).toEqual([40, 20]);
  });
});
