/**
 * Replies an editor would have corrected (issue 13), as a reader sees them through discord.js and the loopback
 * Discord: `/troops` quotes a sentence that gives several figures once per state, under the figures it carries,
 * and says in words how many older figures it leaves out; `/timeline` does not date a speaker's "tomorrow" from
 * the day the article was published as if that were certain.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LoopbackEmbed } from '@dispatch/loopback-discord';
import { expectCleanTraffic, startDigestHarness, STORY, type DigestHarness } from './digest-harness.ts';

let h: DigestHarness | undefined;
afterEach(async () => {
  if (!h) return;
  expectCleanTraffic(h.discord);
  await h.close();
  h = undefined;
});

const OZEROV_SENTENCE = 'has estimated that about 1,000 Russian military personnel will remain in Syria';

describe('/troops on the seed story', () => {
  it('quotes Ozerov’s long sentence once, under the three remaining figures it gives', async () => {
    h = await startDigestHarness();
    const result = await h.discord.interact({ command: 'troops' });
    const embed = (result.reply.embeds as LoopbackEmbed[])[0]!;
    const fields = embed.fields!;
    const quoting = fields.filter((f) => f.value.includes(OZEROV_SENTENCE));
    expect(quoting).toHaveLength(1);
    const remaining = quoting[0]!;
    expect(remaining.name).toMatch(/^Remaining · about 1,000 personnel \(Russian\) · 2 bases \(Russian\) · /);
    const lines = remaining.value.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '• **about 1,000** Russian personnel in Syria — per Viktor Ozerov',
      '• **2** Russian bases in Syria — per Viktor Ozerov',
      '• Russian S-400 missile systems (number not given) — per Viktor Ozerov',
    ]);
    expect(lines[3]).toMatch(/^> .*will remain in Syria/);
    // "two battalions, a total of 800 troops": one sentence, one field, both figures.
    const required = fields.filter((f) => f.name.startsWith('Required'));
    expect(required).toHaveLength(1);
    expect(required[0]!.value).toContain('**a minimum of 2** Russian battalions — per Viktor Ozerov');
    expect(required[0]!.value).toContain('**a minimum of 800** Russian troops — per Viktor Ozerov');
    // Every figure fits, so no footer count.
    expect(embed.footer!.text).not.toMatch(/more/);
  });

  it('counts the figures it leaves out in words: "1 more remaining figure; /search to see all"', async () => {
    h = await startDigestHarness();
    // One more remaining figure: four in all, three shown.
    await h.ingestArticle(
      'ozerov-1500.md',
      `---\ntitle: Ozerov now says 1,500\nstory: ${STORY}\npublished: 2016-03-17\n---\n\n` +
        'Viktor Ozerov said on Thursday that about 1,500 Russian military personnel would remain in Syria.\n',
    );
    const result = await h.discord.interact({ command: 'troops' });
    const embed = (result.reply.embeds as LoopbackEmbed[])[0]!;
    expect(embed.description!.split('\n')[0]).toBe(
      '**Remaining:** **about 1,500** Russian personnel in Syria — per Viktor Ozerov (17 Mar 2016)',
    );
    expect(embed.footer!.text).toMatch(/ · 1 more remaining figure; \/search to see all$/);
    expect(embed.footer!.text).not.toMatch(/older figures not shown/);
  });
});

describe('/timeline on the seed story', () => {
  it('marks Putin’s “start tomorrow” approximate: the article never says when he spoke', async () => {
    h = await startDigestHarness();
    const result = await h.discord.interact({ command: 'timeline' });
    const lines = (result.reply.embeds as LoopbackEmbed[])[0]!.description!.split('\n');
    const putin = lines.find((l) => l.includes('Putin: defense minister to start withdrawing'));
    expect(putin).toMatch(/^\*\*c\. 16 Mar 2016\*\* — Putin: /);
    // The reporter's own "today on Tuesday" stays exact.
    expect(lines).toContain(
      '**15 Mar 2016** — First Group of the Russian Fighter Jets left Syria (Defense Ministry)',
    );
  });
});
