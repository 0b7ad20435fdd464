/**
 * Digests firing on schedule, end to end: a subscription in America/New_York posts at 09:00 local time on both
 * sides of the 2026-03-08 daylight-saving change, and a digest after a second article on the story shows the
 * new article and the changed troop figure as old → new. The clock is a ManualClock; `tick()` runs what is due.
 */
import { describe, expect, it } from 'vitest';
import type { LoopbackEmbed } from '@dispatch/loopback-discord';
import { messageText, SECOND_ARTICLE, harnessPerTest, type DigestHarness } from './digest-harness.ts';
import { digestRuns } from '../support/sqlite.ts';

const startHarness = harnessPerTest();
let h: DigestHarness | undefined;

describe('a subscription in a non-UTC timezone', () => {
  it('posts at 09:00 New York time before and after the daylight-saving change of 2026-03-08', async () => {
    // Friday 6 March 2026, 07:00 in New York (EST, UTC-5).
    h = await startHarness({ start: '2026-03-06T12:00:00.000Z' });
    const { discord, guild, clock } = h;
    const set = await h.asModerator(
      '/config digest set channel:#news schedule:"daily 09:00" timezone:America/New_York quiet:false',
    );
    expect(set.text).toContain('`daily 09:00` (America/New_York), posting even when nothing is new');
    expect(set.text).toContain('Next digest: Fri, 6 Mar 2026, 09:00 GMT-5');
    expect(h.digestJobs()).toEqual([
      `digest:${h.store.subscriptions.byGuild(guild.id)[0]!.id} (0 9 * * * America/New_York)`,
    ]);

    const postedAt: string[] = [];
    const tickAt = async (iso: string) => {
      clock.set(iso);
      await h!.scheduler.tick();
      const messages = discord.channelMessages(guild.news.id);
      while (postedAt.length < messages.length) postedAt.push(iso);
    };
    // A minute early, nothing; on the minute, the digest. Before the change 09:00 EST is 14:00 UTC.
    await tickAt('2026-03-06T13:59:00.000Z');
    expect(postedAt).toEqual([]);
    await tickAt('2026-03-06T14:00:00.000Z');
    await tickAt('2026-03-07T13:59:00.000Z');
    await tickAt('2026-03-07T14:00:00.000Z');
    // Sunday 8 March: clocks spring forward at 02:00, so 09:00 EDT is 13:00 UTC — and 14:00 UTC is 10:00 EDT.
    await tickAt('2026-03-08T07:30:00.000Z');
    await tickAt('2026-03-08T12:59:00.000Z');
    await tickAt('2026-03-08T13:00:00.000Z');
    await tickAt('2026-03-08T14:00:00.000Z');
    await tickAt('2026-03-09T12:59:00.000Z');
    await tickAt('2026-03-09T13:00:00.000Z');
    expect(postedAt).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    const digests = discord.channelMessages(guild.news.id);
    // Each digest covers up to its own scheduled instant; the first is the briefing, and the others say nothing
    // is new (quiet is off).
    expect(digests.map((m) => (m.embeds as LoopbackEmbed[])[0]!.timestamp)).toEqual(
      postedAt.map((iso) => new Date(iso).toISOString()),
    );
    expect((digests[0]!.embeds as LoopbackEmbed[])[0]!.title).toBe(
      'Briefing: Russia’s withdrawal from Syria',
    );
    for (const digest of digests.slice(1)) {
      const [header] = digest.embeds as LoopbackEmbed[];
      expect(header!.title).toBe('Digest: Russia’s withdrawal from Syria');
      expect(header!.description).toMatch(/^Nothing new since <t:\d+:f>\.$/);
      expect([digest.mention_everyone, digest.mentions, digest.mention_roles]).toEqual([false, [], []]);
    }
    const show = await h.asModerator('/config show');
    expect(show.text).toContain('▶ active · next Tue, 10 Mar 2026, 09:00 GMT-4');
    expect(show.text).toMatch(/last delivered <t:\d+:f>/);
  });
});

describe('a schedule inside the spring-forward gap', () => {
  it('daily 02:30 New York skips 8 March, when 02:30 does not exist, as node-cron does: no post, no "missed" run', async () => {
    h = await startHarness({ start: '2026-03-07T12:00:00.000Z' });
    const { discord, guild, clock } = h;
    const set = await h.asModerator(
      '/config digest set channel:#news schedule:"daily 02:30" timezone:America/New_York quiet:false',
    );
    // node-cron triggers this job next on 9 March at 02:30 EDT; what the moderator is told must agree.
    expect(set.text).toContain('Next digest: Mon, 9 Mar 2026, 02:30 GMT-4');
    const subscriptionId = h.store.subscriptions.byGuild(guild.id)[0]!.id;
    for (const iso of ['2026-03-08T06:30:00.000Z', '2026-03-08T07:30:00.000Z', '2026-03-08T12:00:00.000Z']) {
      clock.set(iso);
      await h.scheduler.tick();
    }
    expect(discord.channelMessages(guild.news.id)).toEqual([]);
    expect(digestRuns(h.store, subscriptionId)).toEqual([]);
    clock.set('2026-03-09T06:30:00.000Z');
    await h.scheduler.tick();
    expect(discord.channelMessages(guild.news.id)).toHaveLength(1);
    expect(digestRuns(h.store, subscriptionId)).toMatchObject([
      { scheduledFor: '2026-03-09T06:30:00.000Z', state: 'sent', error: null },
    ]);
  });
});

describe('the digest after a second article on the story', () => {
  it('lists the new article, quotes and timeline, and shows the changed troop figure as old → new', async () => {
    h = await startHarness({ start: '2026-03-02T08:00:00.000Z' });
    const { discord, guild, clock } = h;
    const moderatorRole = guild.roles.moderator;
    const set = await h.asModerator(
      `/config digest set channel:#news schedule:"daily 09:00" timezone:UTC mention_role:<@&${moderatorRole}>`,
    );
    expect(set.text).toContain(`pinging <@&${moderatorRole}>`);
    // Its first digest, the briefing, is behind it (tests/e2e/digest-briefing.test.ts): this is about news.
    h.pastBriefing();

    // Quiet by default: at 09:00 nothing is new, so nothing is posted.
    clock.set('2026-03-02T09:00:00.000Z');
    await h.scheduler.tick();
    expect(discord.channelMessages(guild.news.id)).toEqual([]);
    expect(digestRuns(h.store, h.store.subscriptions.byGuild(guild.id)[0]!.id)).toMatchObject([
      { state: 'skipped', error: 'nothing new', scheduledFor: '2026-03-02T09:00:00.000Z' },
    ]);

    clock.set('2026-03-02T15:00:00.000Z');
    await h.ingestArticle('2016-03-17-russia-keeps-1500.txt', SECOND_ARTICLE);
    const preview = await h.asModerator('/config digest preview channel:#news');
    expect(preview.ephemeral).toBe(true);
    expect(preview.text).toContain('about 1,000 → **about 1,500**');
    expect(discord.channelMessages(guild.news.id)).toEqual([]);

    clock.set('2026-03-03T09:00:00.000Z');
    await h.scheduler.tick();
    const [digest, ...more] = discord.channelMessages(guild.news.id);
    expect(more).toEqual([]);
    const text = messageText(digest!);
    // Only the configured role is pinged, and nobody else can be.
    expect(digest!.content).toBe(`<@&${moderatorRole}>`);
    expect(digest!.mention_roles).toEqual([moderatorRole]);
    expect([digest!.mention_everyone, digest!.mentions]).toEqual([false, []]);
    const embeds = digest!.embeds as LoopbackEmbed[];
    expect(embeds.map((e) => e.title)).toEqual([
      'Digest: Russia’s withdrawal from Syria',
      'New articles',
      'Figures',
      'Quotes',
      'Timeline',
    ]);
    expect(embeds[0]!.description).toMatch(
      /^What is new since <t:\d+:f>: 1 article, \d+ figures?, 2 quotes, 1 timeline entry\.$/,
    );
    expect(embeds[1]!.description).toBe(
      '• [Russia to keep 1,500 troops in Syria, Ozerov says](https://example.com/syria-1500) — Reuters, 17 Mar 2016',
    );
    expect(embeds[2]!.description).toMatch(
      /^• Remaining: about 1,000 → \*\*about 1,500\*\* Russian personnel in Syria — per Viktor Ozerov \(\[Russia to keep 1,500 troops/m,
    );
    expect(embeds[2]!.description).not.toMatch(/3,000–6,000/);
    expect(embeds[3]!.description).toContain(
      '“The contingent will stay at the bases as long as it is needed” — Viktor Ozerov, head of the parliamentary defense committee · Reuters, 17 Mar 2016',
    );
    expect(embeds[4]!.description).toMatch(/^• \*\*17 Mar 2016\*\* .*about 1,500 Russian military personnel/);
    expect(text).not.toContain('Putin');

    // The next digest reports what is new after this one: nothing, so with quiet on nothing more is posted.
    clock.set('2026-03-04T09:00:00.000Z');
    await h.scheduler.tick();
    expect(discord.channelMessages(guild.news.id)).toHaveLength(1);
    expect(discord.mentionViolations).toEqual([]);
  });
});
