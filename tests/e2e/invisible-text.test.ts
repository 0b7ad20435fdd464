/**
 * An article carrying a right-to-left override and zero-width characters is stored without them, and a command
 * reply shows its text in order, through the real client on the loopback Discord.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { ManualClock } from '../support/clock.ts';
import { silentLogger } from '../support/log.ts';
import { tempDir } from '../support/helpers.ts';
import { expectCleanTraffic, startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  if (!h) return;
  expectCleanTraffic(h.discord);
  await h.close();
  h = undefined;
});

const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;

describe('bidirectional controls and zero-width characters in an article', () => {
  it('are not stored, and the reply reads in order; an emoji sequence keeps its joiner', async () => {
    h = await startHarness();
    const file = join(tempDir(), 'rlo.md');
    writeFileSync(
      file,
      [
        '---',
        'title: "Convoy leaves Latakia \u202Eelbats\u202C 🏳\uFE0F\u200D🌈"',
        'story: russia-syria-withdrawal',
        'published: 2016-03-18',
        '---',
        '“The last convoy leaves to\u200Bmorrow \u202Ekcab gnimoc ton\u202C,” Ivan Pe\u200Btrov said on Friday.',
        '',
      ].join('\n'),
    );
    const report = await ingestPaths(
      {
        store: h.store,
        clock: new ManualClock('2016-03-18T12:00:00Z'),
        log: silentLogger(),
        maxArticleBytes: 1 << 20,
      },
      [file],
    );
    expect(report.counts.added).toBe(1);
    const stored = h.store.articles.byId(report.outcomes[0]!.articleId!)!;
    expect(stored.title).toBe('Convoy leaves Latakia elbats 🏳\uFE0F\u200D🌈');
    expect(stored.body).not.toMatch(INVISIBLE);
    expect(stored.body).toContain('The last convoy leaves tomorrow kcab gnimoc ton');

    const reply = await h.discord.interactText('/quotes speaker:Ivan Petrov');
    expect(reply.text).toContain('The last convoy leaves tomorrow kcab gnimoc ton');
    // The one joiner left is the rainbow flag's, between its two parts.
    expect(reply.text).toContain('Convoy leaves Latakia elbats 🏳\uFE0F\u200D🌈');
    expect(reply.text.replace('🏳\uFE0F\u200D🌈', '')).not.toMatch(INVISIBLE);
  });
});
