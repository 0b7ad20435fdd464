/**
 * `/config show` with more digests than one embed holds: it pages (Previous/Next buttons whose custom id
 * carries the page) instead of cutting every digest's lines short, through the real discord.js client and
 * the loopback Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanTraffic, startDigestHarness, STORY, type DigestHarness } from './digest-harness.ts';
import { nextRun } from '../../src/digest/schedule.ts';

const COUNT = 40;

let h: DigestHarness;
beforeAll(async () => {
  h = await startDigestHarness({ config: { MAX_SUBSCRIPTIONS_PER_GUILD: '50' } });
});
afterAll(async () => {
  await h?.close();
});

describe('/config show pages', () => {
  it(`shows ${COUNT} digests on 4 pages of 10, each digest whole, and pages back and forth`, async () => {
    const story = h.store.stories.bySlug(STORY)!;
    const readers = h.discord.state.createRole(h.guild.id, { name: 'news-readers' });
    const channelIds: string[] = [];
    for (let i = 0; i < COUNT; i += 1) {
      const channel = h.discord.state.createChannel(h.guild.id, { name: `digest-${i}` });
      channelIds.push(channel.id);
      const timezone = i % 2 === 0 ? 'Europe/Berlin' : 'America/Argentina/Buenos_Aires';
      h.store.subscriptions.create(
        {
          guildId: h.guild.id,
          channelId: channel.id,
          storyId: story.id,
          schedule: 'weekly mon 09:00',
          cron: '0 9 * * 1',
          timezone,
          mentionRoleId: readers.id,
          quiet: false,
          nextRunAt: nextRun('0 9 * * 1', timezone, h.clock.now()),
        },
        h.guild.moderator.id,
        h.clock.now(),
      );
    }
    const first = await h.asModerator('/config show');
    expect(first.ephemeral).toBe(true);
    const pages = [first];
    const buttons = (r: typeof first) =>
      (r.reply.components ?? []).flatMap((row) => row.components ?? []) as {
        custom_id: string;
        label: string;
        disabled?: boolean;
      }[];
    expect(buttons(first).map((b) => [b.label, b.custom_id, b.disabled])).toEqual([
      ['Previous', 'config:show:0', true],
      ['Next', 'config:show:1', false],
    ]);
    for (let page = 1; page < 4; page += 1) {
      const next = buttons(pages.at(-1)!).find((b) => b.label === 'Next')!;
      pages.push(
        await h.discord.clickButton({
          message: pages.at(-1)!.message,
          customId: next.custom_id,
          user: h.guild.moderator,
        }),
      );
    }
    expect(pages.map((p) => p.reply.embeds?.[0]?.footer?.text)).toEqual([
      'Page 1 of 4',
      'Page 2 of 4',
      'Page 3 of 4',
      'Page 4 of 4',
    ]);
    expect(pages.every((p) => p.reply.embeds?.[0]?.title === `Digests (${COUNT} of 50)`)).toBe(true);
    expect(buttons(pages[3]!).find((b) => b.label === 'Next')!.disabled).toBe(true);
    // Every digest is shown once, on the page of its place, with all three of its lines.
    const blocks = pages.flatMap((p) => p.reply.embeds![0]!.description!.split('\n\n'));
    expect(blocks).toHaveLength(COUNT);
    blocks.forEach((block, i) => {
      const lines = block.split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(
        new RegExp(
          `^\\*\\*<#${channelIds[i]}>\\*\\* · Russia’s withdrawal from Syria · \`weekly mon 09:00\``,
        ),
      );
      expect(lines[0]).toMatch(new RegExp(` · pings <@&${readers.id}> · not quiet$`));
      expect(lines[1]).toMatch(/^▶ active · next Mon, 9 Mar 2026, 09:00 \S+ \(<t:\d+:R>\)$/);
      expect(lines[2]).toBe('not delivered yet');
    });
    const back = await h.discord.clickButton({
      message: pages[3]!.message,
      customId: buttons(pages[3]!).find((b) => b.label === 'Previous')!.custom_id,
      user: h.guild.moderator,
    });
    expect(back.reply.embeds?.[0]?.description).toBe(pages[2]!.reply.embeds?.[0]?.description);
    expectCleanTraffic(h.discord);
  });
});
