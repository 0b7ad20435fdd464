/**
 * More new articles than one digest shows: the digest says how many more there are, and its "new since" point
 * stops at the last article it showed, so the next digest opens with the rest. With 149 new articles between
 * two runs, every one is listed once across the digests the real client receives, and none is lost.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ARTICLES } from '../../src/digest/compose.ts';
import type { LoopbackEmbed } from '@dispatch/loopback-discord';
import { harnessPerTest, STORY, type DigestHarness } from './digest-harness.ts';

const startHarness = harnessPerTest();
let h: DigestHarness | undefined;

const NEW_ARTICLES = 149;
const title = (n: number) => `Convoy update ${String(n).padStart(3, '0')}`;

/** The digests posted to #news, each as its messages' embeds. */
function digests(harness: DigestHarness): LoopbackEmbed[][] {
  return harness.discord.channelMessages(harness.guild.news.id).map((m) => m.embeds as LoopbackEmbed[]);
}

describe('a digest with more new articles than it can show', () => {
  it(`reports all ${NEW_ARTICLES} new articles across runs: it says how many more, and the next digest lists them`, async () => {
    h = await startHarness({ start: '2026-03-02T08:00:00.000Z' });
    const set = await h.asModerator('/config digest set channel:#news schedule:"daily 09:00" timezone:UTC');
    expect(set.text).toContain('Created the digest');
    // Its first digest, the briefing, is behind it: this is about digests of what is new.
    h.pastBriefing();
    // A burst from a wire service: 149 articles, a second apart, before the 09:00 digest.
    for (let n = 1; n <= NEW_ARTICLES; n += 1) {
      h.clock.set(Date.parse('2026-03-02T08:10:00.000Z') + n * 1000);
      await h.ingestArticle(
        `convoy-${n}.md`,
        `---\ntitle: ${title(n)}\nstory: ${STORY}\npublished: 2016-03-16\nsource: Wire\n` +
          `url: https://example.com/convoy/${n}\n---\nConvoy report number ${n} from the coast road.\n`,
      );
    }

    h.clock.set('2026-03-02T09:00:00.000Z');
    await h.scheduler.tick();
    const first = digests(h).flat();
    expect(first[0]!.description).toContain(`${MAX_ARTICLES} articles`);
    expect(first[0]!.description).toContain(
      `${NEW_ARTICLES - MAX_ARTICLES} more new articles will open the next digest.`,
    );

    h.clock.set('2026-03-03T09:00:00.000Z');
    await h.scheduler.tick();
    const second = digests(h).flat().slice(first.length);
    expect(second[0]!.description).toContain(`${NEW_ARTICLES - MAX_ARTICLES} articles`);
    expect(second[0]!.description).not.toContain('more new article');

    // Nothing is left: the third day is quiet.
    const posted = digests(h).length;
    h.clock.set('2026-03-04T09:00:00.000Z');
    await h.scheduler.tick();
    expect(digests(h)).toHaveLength(posted);

    const listed = [...first, ...second]
      .filter((embed) => embed.title?.startsWith('New articles'))
      .flatMap((embed) =>
        [...(embed.description ?? '').matchAll(/Convoy update (\d{3})/g)].map((m) => Number(m[1])),
      );
    expect(listed).toEqual(Array.from({ length: NEW_ARTICLES }, (_, i) => i + 1));
  }, 120_000);
});
