import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { createRescanJob } from '../../src/scheduler/index.ts';
import { testCtx } from './helpers.ts';

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

  it('is quiet when ARTICLES_DIR does not exist', async () => {
    const { ctx } = loggedCtx();
    await expect(createRescanJob()(ctx)).resolves.toBeUndefined();
    expect(ctx.store.articles.stats().count).toBe(0);
  });
});
