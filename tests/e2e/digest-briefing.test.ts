/**
 * A subscription's first digest is a briefing (issue 13), end to end through discord.js and the loopback
 * Discord: the first scheduled run of a new subscription posts the story as it stands (the lead, the latest
 * figure of each state with its source, key quotes, the newest timeline entries), even with quiet on; later runs
 * carry only what is new, so with nothing new a quiet digest posts nothing and a loud one says so; and
 * `/config digest preview` with nothing new shows the briefing and says that it is one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LoopbackEmbed } from '@dispatch/loopback-discord';
import { expectCleanTraffic, startDigestHarness, type DigestHarness } from './digest-harness.ts';
import { digestRuns } from '../support/sqlite.ts';

let h: DigestHarness | undefined;
afterEach(async () => {
  if (!h) return;
  expectCleanTraffic(h.discord);
  await h.close();
  h = undefined;
});

const embedsOf = (message: { embeds?: unknown }) => message.embeds as LoopbackEmbed[];

describe('the first digest of a subscription', () => {
  it('is a briefing on its first scheduled run, even when quiet; the next run with nothing new posts nothing', async () => {
    h = await startDigestHarness({ start: '2026-03-02T08:00:00.000Z' });
    const { discord, guild, clock } = h;
    await h.asModerator('/config digest set channel:#news schedule:"daily 09:00" timezone:UTC');
    const subscription = h.store.subscriptions.byGuild(guild.id)[0]!;
    expect(subscription.quiet).toBe(true);

    clock.set('2026-03-02T09:00:00.000Z');
    await h.scheduler.tick();
    const [briefing, ...others] = discord.channelMessages(guild.news.id);
    expect(others).toEqual([]);
    const embeds = embedsOf(briefing!);
    expect(embeds.map((e) => e.title)).toEqual([
      'Briefing: Russia’s withdrawal from Syria',
      'Where it stands',
      'Latest figures',
      'Key quotes',
      'Latest on the timeline',
    ]);
    expect(embeds[0]!.description).toBe(
      'This first digest is a briefing: the story as it stands, from 1 article. The next digests carry what is new since.',
    );
    expect(embeds[0]!.description).not.toMatch(/Nothing new/);
    // The lead of the newest article, under its link.
    expect(embeds[1]!.description).toMatch(/^• Russia withdraws its troop from Syria — 15 Mar 2016\n/);
    expect(embeds[1]!.description).toContain(
      'Vladimir Putin, the Russian President ordered the Russian Forces',
    );
    // The latest figure of each state, with who gave it: one line per state.
    const figures = embeds[2]!.description!.split('\n');
    expect(figures).toEqual([
      '• Remaining: **about 1,000** Russian personnel in Syria — per Viktor Ozerov (Russia withdraws its troop from Syria, 15 Mar 2016)',
      '• Deployed: **around 3,000–6,000** Russian personnel in Syria — unattributed estimate (Russia withdraws its troop from Syria, 15 Mar 2016)',
      expect.stringMatching(
        /^• Required: \*\*a minimum of (2|800)\*\* Russian (battalions|troops) — per Viktor Ozerov \(/,
      ),
    ]);
    // Two or three key quotes, a direct one first, one per speaker.
    const quotes = embeds[3]!.description!.split('\n');
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    expect(quotes.length).toBeLessThanOrEqual(3);
    expect(quotes[0]).toMatch(/^• “I think that the task that was assigned .*” — Vladimir Putin/);
    // The newest timeline entries, the newest last.
    const timeline = embeds[4]!.description!.split('\n');
    expect(timeline.length).toBeLessThanOrEqual(4);
    expect(timeline.at(-1)).toMatch(/^• \*\*16 Mar 2016 \(approx\.\)\*\* Putin: /);
    expect(digestRuns(h.store, subscription.id)).toMatchObject([
      { scheduledFor: '2026-03-02T09:00:00.000Z', state: 'sent', error: null },
    ]);

    // Nothing new since the briefing: quiet, so the next run posts nothing.
    clock.set('2026-03-03T09:00:00.000Z');
    await h.scheduler.tick();
    expect(discord.channelMessages(guild.news.id)).toHaveLength(1);
    expect(digestRuns(h.store, subscription.id)[0]).toMatchObject({
      scheduledFor: '2026-03-03T09:00:00.000Z',
      state: 'skipped',
      error: 'nothing new',
    });
  });

  it('with quiet off, the run after the briefing says "Nothing new since …"; send-now on a new one sends the briefing', async () => {
    h = await startDigestHarness({ start: '2026-03-02T08:00:00.000Z' });
    const { discord, guild, clock } = h;
    await h.asModerator('/config digest set channel:#news schedule:"daily 09:00" timezone:UTC quiet:false');
    const sent = await h.asModerator('/config digest send-now channel:#news');
    expect(sent.ephemeral).toBe(true);
    const [briefing] = discord.channelMessages(guild.news.id);
    expect(embedsOf(briefing!)[0]!.title).toBe('Briefing: Russia’s withdrawal from Syria');

    clock.set('2026-03-02T09:00:00.000Z');
    await h.scheduler.tick();
    const [, next, ...others] = discord.channelMessages(guild.news.id);
    expect(others).toEqual([]);
    const header = embedsOf(next!)[0]!;
    expect(header.title).toBe('Digest: Russia’s withdrawal from Syria');
    expect(header.description).toMatch(/^Nothing new since <t:\d+:f>\.$/);
  });
});

describe('/config digest preview', () => {
  it('of a new subscription shows the briefing its first digest will be, and says so', async () => {
    h = await startDigestHarness({ start: '2026-03-02T08:00:00.000Z' });
    await h.asModerator('/config digest set channel:#news schedule:"daily 09:00" timezone:UTC');
    const preview = await h.asModerator('/config digest preview channel:#news');
    expect(preview.ephemeral).toBe(true);
    expect(preview.text).toContain(
      `Preview of the next digest in <#${h.guild.news.id}>, its briefing: the story as it stands`,
    );
    expect(preview.text).toContain('Briefing: Russia’s withdrawal from Syria');
    expect(preview.text).not.toContain('Nothing new since');
    expect(h.discord.channelMessages(h.guild.news.id)).toEqual([]);
  });

  it('with nothing new after the briefing shows the briefing, saying that it is the briefing and that the run would post nothing', async () => {
    h = await startDigestHarness({ start: '2026-03-02T08:00:00.000Z' });
    const { clock } = h;
    await h.asModerator('/config digest set channel:#news schedule:"daily 09:00" timezone:UTC');
    clock.set('2026-03-02T09:00:00.000Z');
    await h.scheduler.tick();
    expect(h.discord.channelMessages(h.guild.news.id)).toHaveLength(1);

    clock.set('2026-03-02T10:00:00.000Z');
    const preview = await h.asModerator('/config digest preview channel:#news');
    expect(preview.ephemeral).toBe(true);
    expect(preview.text).toContain(
      `Nothing is new for the digest in <#${h.guild.news.id}>, so its next run would post nothing (quiet is on); here is its briefing instead, the story as it stands`,
    );
    expect(preview.text).toContain('Briefing: Russia’s withdrawal from Syria');
    expect(preview.text).toContain(
      'Remaining: **about 1,000** Russian personnel in Syria — per Viktor Ozerov',
    );
    expect(preview.text).not.toContain('Nothing new since');
    expect(h.discord.channelMessages(h.guild.news.id)).toHaveLength(1);
  });
});
