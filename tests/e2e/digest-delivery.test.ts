/**
 * Delivery end to end: crashes at each point of a run, missed runs, failures and a deleted channel, with the
 * real bot restarted on the same SQLite file and loopback Discord. Whatever happens, #news gets exactly one
 * post per digest, and a channel that is gone pauses only its own subscription, with the reason.
 */
import { describe, expect, it } from 'vitest';
import { openStore, type DigestRun } from '../../src/store/index.ts';
import type { LoopbackEmbed } from '@dispatch/loopback-discord';
import { SECOND_ARTICLE, harnessPerTest, type DigestHarness } from './digest-harness.ts';
import { digestRuns } from '../support/sqlite.ts';
import { Crash, type CrashPoints } from '../support/crash.ts';

const startHarness = harnessPerTest();
let h: DigestHarness | undefined;

/** Sets a daily 09:00 UTC digest of the seed story in #news at 08:00, and a second article at 08:30. */
async function digestWithNews(crash?: CrashPoints) {
  h = await startHarness({ start: '2026-03-02T08:00:00.000Z', ...(crash ? { crash } : {}) });
  const set = await h.asModerator('/config digest set channel:#news schedule:"daily 09:00" timezone:UTC');
  expect(set.text).toContain('Created the digest');
  // These tests are about a digest carrying news: the subscription's first one, its briefing, is behind it.
  h.pastBriefing();
  h.clock.set('2026-03-02T08:30:00.000Z');
  await h.ingestArticle('2016-03-17-russia-keeps-1500.txt', SECOND_ARTICLE);
  return { harness: h, subscriptionId: h.store.subscriptions.byGuild(h.guild.id)[0]!.id };
}

function newsPosts(harness: DigestHarness) {
  return harness.discord.channelMessages(harness.guild.news.id);
}

/** The one post, checked to be the real digest: the new article and the figure that changed. */
function expectOneDigest(harness: DigestHarness) {
  const messages = newsPosts(harness);
  expect(messages).toHaveLength(1);
  const embeds = messages[0]!.embeds as LoopbackEmbed[];
  expect(embeds[0]!.title).toBe('Digest: Russia’s withdrawal from Syria');
  expect(embeds.find((e) => e.title === 'Figures')!.description).toContain('about 1,000 → **about 1,500**');
  return messages[0]!;
}

function runsOf(harness: DigestHarness, subscriptionId: number): DigestRun[] {
  return digestRuns(harness.store, subscriptionId);
}

describe('a crash during delivery, then a restart, posts the digest exactly once', () => {
  it('between "recorded" and "sent": the restart sends the recorded run', async () => {
    const recorded: number[] = [];
    const { harness, subscriptionId } = await digestWithNews({
      afterRecord(run) {
        recorded.push(run.id);
        throw new Crash('killed after recording');
      },
    });
    harness.clock.set('2026-03-02T09:00:00.000Z');
    await harness.scheduler.tick();
    expect(recorded).toHaveLength(1);
    expect(newsPosts(harness)).toEqual([]);
    expect(runsOf(harness, subscriptionId)).toMatchObject([{ state: 'recorded', messageIds: [] }]);

    harness.clock.set('2026-03-02T09:02:00.000Z');
    await harness.restart();
    const post = expectOneDigest(harness);
    expect(runsOf(harness, subscriptionId)).toMatchObject([
      { id: recorded[0], state: 'sent', messageId: post.id, scheduledFor: '2026-03-02T09:00:00.000Z' },
    ]);

    await harness.restart();
    await harness.scheduler.tick();
    expectOneDigest(harness);
  });

  it('after Discord accepted the message but before the store knew: recovery finds it in the channel, posts nothing again', async () => {
    const accepted: string[] = [];
    const { harness, subscriptionId } = await digestWithNews({
      afterAccepted(_run, messageId) {
        accepted.push(messageId);
        throw new Crash('killed after Discord accepted the message');
      },
    });
    harness.clock.set('2026-03-02T09:00:00.000Z');
    await harness.scheduler.tick();
    const first = expectOneDigest(harness);
    expect(accepted).toEqual([first.id]);
    expect(runsOf(harness, subscriptionId)).toMatchObject([{ state: 'recorded', messageIds: [] }]);

    harness.clock.set('2026-03-02T09:01:00.000Z');
    await harness.restart();
    expect(expectOneDigest(harness).id).toBe(first.id);
    // The channel told recovery the part was there: nothing was sent again, so the nonce was not needed.
    expect(harness.discord.stats.nonceDeduplicated).toBe(0);
    expect(runsOf(harness, subscriptionId)).toMatchObject([
      { state: 'sent', messageId: first.id, messageIds: [first.id] },
    ]);
    expect(harness.store.subscriptions.byId(subscriptionId)!.lastMessageId).toBe(first.id);

    await harness.restart();
    await harness.scheduler.tick();
    expect(newsPosts(harness).map((m) => m.id)).toEqual([first.id]);
  });

  it('without Read Message History, recovery falls back to the nonce and /config show says so', async () => {
    const { harness, subscriptionId } = await digestWithNews({
      afterAccepted() {
        throw new Crash('killed after Discord accepted the message');
      },
    });
    harness.discord.state.setBotPermissions(harness.guild.news.id, { deny: ['ReadMessageHistory'] });
    harness.clock.set('2026-03-02T09:00:00.000Z');
    await harness.scheduler.tick();
    const first = expectOneDigest(harness);

    harness.clock.set('2026-03-02T09:01:00.000Z');
    await harness.restart();
    expect(expectOneDigest(harness).id).toBe(first.id);
    expect(harness.discord.stats.nonceDeduplicated).toBe(1);
    expect(runsOf(harness, subscriptionId)).toMatchObject([{ state: 'sent', messageIds: [first.id] }]);
    const show = await harness.asModerator('/config show');
    expect(show.text).toContain('cannot read message history there');
    expect(show.text).toContain('give Dispatch Read Message History');
  });

  it('after "sent": a restart in the same minute and a later tick post nothing more', async () => {
    const { harness, subscriptionId } = await digestWithNews();
    harness.clock.set('2026-03-02T09:00:00.000Z');
    await harness.scheduler.tick();
    const post = expectOneDigest(harness);
    expect(runsOf(harness, subscriptionId)).toMatchObject([{ state: 'sent', messageId: post.id }]);

    harness.clock.set('2026-03-02T09:00:30.000Z');
    await harness.restart();
    await harness.scheduler.tick();
    harness.clock.set('2026-03-02T12:00:00.000Z');
    await harness.restart();
    await harness.scheduler.tick();
    expect(newsPosts(harness).map((m) => m.id)).toEqual([post.id]);
    expect(runsOf(harness, subscriptionId)).toHaveLength(1);
  });

  it('temporary failures (a 500, a 429, a dropped connection) are retried into one post', async () => {
    const { harness, subscriptionId } = await digestWithNews();
    const path = `/channels/${harness.guild.news.id}/messages`;
    harness.discord.faults.failNext({ method: 'POST', path, status: 'reset' });
    harness.discord.faults.failNext({ method: 'POST', path, status: 429, retryAfter: 0.05 });
    harness.discord.faults.failNext({ method: 'POST', path, status: 502 });
    harness.clock.set('2026-03-02T09:00:00.000Z');
    await harness.scheduler.tick();
    expect(harness.discord.faults.pending).toEqual([]);
    expectOneDigest(harness);
    expect(runsOf(harness, subscriptionId)).toMatchObject([{ state: 'sent' }]);
    expect(harness.store.subscriptions.byId(subscriptionId)).toMatchObject({
      paused: false,
      lastError: null,
    });
  });
});

describe('a run missed while the bot was down', () => {
  it('is caught up once on start within DIGEST_CATCHUP_HOURS, and skipped with the reason when older', async () => {
    const { harness, subscriptionId } = await digestWithNews();
    await harness.stopBot();
    // Down across 09:00; back at 11:00, two hours later (DIGEST_CATCHUP_HOURS is 6).
    harness.clock.set('2026-03-02T11:00:00.000Z');
    await harness.start();
    const post = expectOneDigest(harness);
    expect(runsOf(harness, subscriptionId)).toMatchObject([
      { scheduledFor: '2026-03-02T09:00:00.000Z', state: 'sent', contentUntil: '2026-03-02T11:00:00.000Z' },
    ]);

    harness.clock.set('2026-03-02T11:30:00.000Z');
    await harness.restart();
    await harness.scheduler.tick();
    expect(newsPosts(harness).map((m) => m.id)).toEqual([post.id]);

    // Down across the next 09:00 for longer than six hours: recorded as skipped, nothing posted late.
    await harness.stopBot();
    harness.clock.set('2026-03-03T15:30:00.000Z');
    await harness.start();
    expect(newsPosts(harness).map((m) => m.id)).toEqual([post.id]);
    expect(runsOf(harness, subscriptionId)[0]).toMatchObject({
      scheduledFor: '2026-03-03T09:00:00.000Z',
      state: 'skipped',
      error: 'missed while Dispatch was offline, more than 6 h ago',
    });
  });

  it('several missed runs post one digest, the latest, and record the others as included in it', async () => {
    h = await startHarness({ start: '2026-03-02T08:00:00.000Z' });
    await h.asModerator('/config digest set channel:#news schedule:hourly timezone:UTC quiet:false');
    const subscriptionId = h.store.subscriptions.byGuild(h.guild.id)[0]!.id;
    await h.stopBot();
    h.clock.set('2026-03-02T11:10:00.000Z');
    await h.start();
    expect(newsPosts(h)).toHaveLength(1);
    expect(
      runsOf(h, subscriptionId)
        .map((r) => [r.scheduledFor.slice(11, 16), r.state])
        .reverse(),
    ).toEqual([
      ['09:00', 'skipped'],
      ['10:00', 'skipped'],
      ['11:00', 'sent'],
    ]);
    expect(runsOf(h, subscriptionId)[1]!.error).toBe(
      'missed while Dispatch was offline; included in the digest of 2026-03-02T11:00:00.000Z',
    );
  });
});

describe('a channel that is gone', () => {
  it('pauses only its own subscription, with the reason /config show displays; the other still posts', async () => {
    h = await startHarness({ start: '2026-03-02T08:00:00.000Z' });
    const { discord, guild, clock } = h;
    const updates = discord.state.createChannel(guild.id, { name: 'updates' });
    await expect.poll(() => h!.bot.client.channels.cache.has(updates.id)).toBe(true);
    for (const channel of ['#news', `<#${updates.id}>`]) {
      const set = await h.asModerator(
        `/config digest set channel:${channel} schedule:"daily 09:00" timezone:UTC quiet:false`,
      );
      expect(set.text).toContain('Created the digest');
    }
    const [news, gone] = h.store.subscriptions.byGuild(guild.id);
    expect(h.digestJobs()).toHaveLength(2);

    discord.state.deleteChannel(updates.id);
    clock.set('2026-03-02T09:00:00.000Z');
    await h.scheduler.tick();
    expect(discord.channelMessages(guild.news.id)).toHaveLength(1);
    expect(h.store.subscriptions.byId(news!.id)).toMatchObject({ paused: false, lastError: null });
    const reason = 'the channel no longer exists (Discord: Unknown Channel)';
    expect(h.store.subscriptions.byId(gone!.id)).toMatchObject({ paused: true, pauseReason: reason });
    await expect.poll(() => h!.digestJobs()).toEqual([`digest:${news!.id} (0 9 * * * UTC)`]);

    const show = await h.asModerator('/config show');
    const blocks = show.text.split('\n\n');
    expect(blocks.find((b) => b.includes(`<#${updates.id}>`))).toContain(`⏸ paused: ${reason}`);
    expect(blocks.find((b) => b.includes(`<#${guild.news.id}>`))).toMatch(/▶ active[\s\S]*last delivered/);
    const history = await h.asModerator('/config history');
    expect(history.text).toContain('Dispatch · **paused the digest, which could not be delivered**');

    // The next day only #news is tried.
    const before = discord.requests.filter((r) => r.path === `/channels/${updates.id}/messages`).length;
    clock.set('2026-03-03T09:00:00.000Z');
    await h.scheduler.tick();
    expect(discord.channelMessages(guild.news.id)).toHaveLength(2);
    expect(discord.requests.filter((r) => r.path === `/channels/${updates.id}/messages`)).toHaveLength(
      before,
    );
  });

  it('a lost permission pauses the digest of that channel with the reason; the other guild still gets its digest', async () => {
    h = await startHarness({ start: '2026-03-02T08:00:00.000Z' });
    const { discord, guild, clock } = h;
    const other = await h.addGuild('Other server');
    await h.asModerator('/config digest set channel:#news schedule:"daily 09:00" timezone:UTC quiet:false');
    await discord.interactText(
      '/config digest set channel:#news schedule:"daily 09:00" timezone:UTC quiet:false',
      { guildId: other.id, channelId: other.news.id, user: other.moderator },
    );
    discord.state.setBotPermissions(guild.news.id, { deny: ['SendMessages'] });
    clock.set('2026-03-02T09:00:00.000Z');
    await h.scheduler.tick();
    expect(discord.channelMessages(guild.news.id)).toEqual([]);
    expect(discord.channelMessages(other.news.id)).toHaveLength(1);
    const [mine] = h.store.subscriptions.byGuild(guild.id);
    expect(mine).toMatchObject({
      paused: true,
      pauseReason:
        'Dispatch may not post there (Discord: Missing Permissions); give it View Channel, Send Messages and Embed Links',
    });
    expect(h.store.subscriptions.byGuild(other.id)[0]).toMatchObject({ paused: false });
    const show = await h.asModerator('/config show');
    expect(show.text).toContain('⏸ paused: Dispatch may not post there (Discord: Missing Permissions)');

    // Fixed and resumed, it posts at the next 09:00 (the one missed while paused is not caught up).
    discord.state.setBotPermissions(guild.news.id, {});
    const resumed = await h.asModerator('/config digest resume channel:#news');
    expect(resumed.text).toContain('Resumed the digest in');
    clock.set('2026-03-03T09:00:00.000Z');
    await h.scheduler.tick();
    expect(discord.channelMessages(guild.news.id)).toHaveLength(1);
    expect(discord.channelMessages(other.news.id)).toHaveLength(2);
  });

  it('the bot removed from a server pauses that server’s digests only', async () => {
    h = await startHarness({ start: '2026-03-02T08:00:00.000Z' });
    const { discord, guild, clock } = h;
    const other = await h.addGuild('Other server');
    await h.asModerator('/config digest set channel:#news schedule:"daily 09:00" timezone:UTC quiet:false');
    await discord.interactText(
      '/config digest set channel:#news schedule:"daily 09:00" timezone:UTC quiet:false',
      { guildId: other.id, channelId: other.news.id, user: other.moderator },
    );
    expect(h.digestJobs()).toHaveLength(2);
    discord.state.removeBotFromGuild(other.id);
    await expect.poll(() => h!.store.subscriptions.byGuild(other.id)[0]?.paused).toBe(true);
    expect(h.store.subscriptions.byGuild(other.id)[0]!.pauseReason).toBe(
      'Dispatch was removed from this server',
    );
    expect(h.digestJobs()).toHaveLength(1);
    clock.set('2026-03-02T09:00:00.000Z');
    await h.scheduler.tick();
    expect(discord.channelMessages(guild.news.id)).toHaveLength(1);
    expect(discord.channelMessages(other.news.id)).toEqual([]);
    expect(discord.requests.filter((r) => r.path === `/channels/${other.news.id}/messages`)).toEqual([]);
  });
});

describe('stopping while Discord asks to retry after longer than the shutdown budget', () => {
  it('stops without waiting out the Retry-After; the run stays recorded and the next start posts it once', async () => {
    const { harness, subscriptionId } = await digestWithNews();
    const news = harness.guild.news.id;
    harness.discord.faults.failNext({
      method: 'POST',
      path: `/channels/${news}/messages`,
      status: 429,
      retryAfter: 60,
    });
    const limited = new Promise<void>((resolve) =>
      harness.discord.on('request', (record) => {
        if (record.status === 429) resolve();
      }),
    );
    harness.clock.set('2026-03-02T09:00:00.000Z');
    void harness.scheduler.tick();
    await limited;
    // discord.js now waits 60 s before it retries; digests get SHUTDOWN_TIMEOUT_SECONDS (9) less a second.
    const started = Date.now();
    await harness.stopBot();
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(newsPosts(harness)).toEqual([]);
    // The run is left recorded, and nobody alive owns it: the next start takes it at once.
    const look = openStore(harness.dbPath);
    expect(look.digestRuns.orphaned(harness.clock.now())).toMatchObject([
      { subscriptionId, state: 'recorded' },
    ]);
    look.close();

    await harness.start();
    expect(runsOf(harness, subscriptionId)).toMatchObject([{ state: 'sent' }]);
    expectOneDigest(harness);
  });
});
