/**
 * `/config` end to end: who may use it, and every refusal of `digest set`, through the real discord.js client
 * and the loopback Discord. A refusal is ephemeral, says what to type instead, and changes nothing: no
 * subscription, no audit entry, no job.
 */
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import configCommand from '../../commands/config/index.ts';
import { loadCommands } from '../../src/bot/loader.ts';
import type { InteractionResult } from '@dispatch/loopback-discord';
import { expectCleanTraffic, startDigestHarness, type DigestHarness } from './digest-harness.ts';

let h: DigestHarness;
beforeAll(async () => {
  h = await startDigestHarness({ config: { MAX_SUBSCRIPTIONS_PER_GUILD: '2' } });
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expectCleanTraffic(h.discord);
  h.discord.resetRecords();
});

/** Nothing was configured: no subscription, no audit entry, no digest job, nothing posted. */
function expectNothingChanged(): void {
  expect(h.store.subscriptions.byGuild(h.guild.id)).toEqual([]);
  expect(h.store.audit.countByGuild(h.guild.id)).toBe(0);
  expect(h.digestJobs()).toEqual([]);
  expect(h.discord.channelMessages(h.guild.news.id)).toEqual([]);
}

function expectRefusal(result: InteractionResult, pattern: RegExp): void {
  expect(result.ephemeral).toBe(true);
  expect(result.text).toMatch(pattern);
}

describe('/config is for moderators', () => {
  it('is registered guild-only with Manage Server as the default permission', () => {
    const registered = h.discord.commandsFor(h.guild.id).find((c) => c.name === 'config')!;
    expect(registered.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(registered.contexts).toEqual([0]);
  });

  it('a member without Manage Server never sees it: Discord does not send the interaction', async () => {
    await expect(
      h.discord.interactText('/config digest set channel:#news schedule:hourly', { user: h.guild.member }),
    ).rejects.toThrow(/would not show \/config to this member: it needs ManageGuild/);
    expectNothingChanged();
  });

  it('a member the owner granted the command to is still refused by the handler, and nothing changes', async () => {
    const invocations: { command: string; options: Record<string, string> }[] = [
      { command: 'config digest set', options: { channel: '#news', schedule: 'hourly' } },
      { command: 'config digest send-now', options: { channel: '#news' } },
      { command: 'config show', options: {} },
      { command: 'config history', options: {} },
    ];
    for (const invocation of invocations) {
      const result = await h.discord.interact({
        ...invocation,
        user: h.guild.member,
        overrideCommandPermissions: true,
      });
      expectRefusal(result, /^\(only you can see this\)\nOnly members with the Manage Server permission/);
    }
    expectNothingChanged();
  });
});

describe('/config digest set refuses what cannot work, with a valid example', () => {
  it('a bad cron expression', async () => {
    const result = await h.asModerator('/config digest set channel:#news schedule:"61 * * * *"');
    expectRefusal(
      result,
      /"61 \* \* \* \*" is not a valid cron expression\. Try a preset such as `daily 09:00`/,
    );
    const words = await h.asModerator('/config digest set channel:#news schedule:"every morning"');
    expectRefusal(words, /"every morning" is not a schedule I understand: a cron expression has five fields/);
    expect(words.text).toContain('`0 9 * * 1-5`');
    const preset = await h.asModerator('/config digest set channel:#news schedule:"daily 25:00"');
    expectRefusal(preset, /a time is HH:MM on a 24-hour clock, e\.g\. 09:00/);
    expectNothingChanged();
  });

  it('an unknown timezone, with autocomplete offering real ones', async () => {
    const result = await h.asModerator(
      '/config digest set channel:#news schedule:"daily 09:00" timezone:Mars/Olympus_Mons',
    );
    expectRefusal(
      result,
      /"Mars\/Olympus_Mons" is not a timezone I know\. Use an IANA name such as `Europe\/Berlin`/,
    );
    expectNothingChanged();
    const choices = await h.discord.autocomplete({
      command: 'config digest set',
      focused: 'timezone',
      options: { channel: '#news', schedule: 'hourly', timezone: 'new_y' },
      user: h.guild.moderator,
    });
    expect(choices.map((c) => c.value)).toEqual(['America/New_York']);
  });

  it('a schedule more frequent than DIGEST_MIN_INTERVAL_MINUTES', async () => {
    const result = await h.asModerator('/config digest set channel:#news schedule:"*/5 * * * *"');
    expect(result.ephemeral).toBe(true);
    expect(result.text).toBe(
      '(only you can see this)\n' +
        '`*/5 * * * *` runs every 5 minutes; digests may run at most every 15 minutes. Try `hourly`.',
    );
    // Irregular gaps count too: 09:00 and 09:10 are 10 minutes apart, once a day.
    const uneven = await h.asModerator('/config digest set channel:#news schedule:"0,10 9 * * *"');
    expectRefusal(
      uneven,
      /`0,10 9 \* \* \*` has runs only 10 minutes apart; digests may run at most every 15 minutes\. Try `hourly`\.$/,
    );
    expectNothingChanged();
  });

  it('a channel that is not a text channel: Discord filters it, and the handler refuses a stale registration', async () => {
    const voice = h.discord.state.createChannel(h.guild.id, { name: 'voice-chat', type: 2 });
    await expect(h.asModerator(`/config digest set channel:<#${voice.id}> schedule:hourly`)).rejects.toThrow(
      /channel type 2 not allowed \(channel_types 0, 5\)/,
    );

    // An older registration of /config without channel_types lets Discord send any channel: the handler refuses.
    const commands = await loadCommands();
    const stale = structuredClone(configCommand.data) as unknown as {
      options: { options?: { type: number; channel_types?: number[] }[] }[];
    };
    for (const group of stale.options)
      for (const option of group.options ?? [])
        if (option.type === ApplicationCommandOptionType.Subcommand)
          for (const o of (option as { options?: { channel_types?: number[] }[] }).options ?? [])
            delete o.channel_types;
    const register = (config: unknown) =>
      h.register(
        h.guild.id,
        [...commands.values()].map((c) => (c.data.name === 'config' ? (config as typeof c.data) : c.data)),
      );
    await register(stale);
    try {
      const result = await h.asModerator(`/config digest set channel:<#${voice.id}> schedule:hourly`);
      expectRefusal(result, /is not a text or announcement channel; digests can only be posted to those/);
    } finally {
      await register(configCommand.data);
    }
    expectNothingChanged();
  });

  it.each([
    ['ViewChannel', 'View Channel'],
    ['SendMessages', 'Send Messages'],
    ['EmbedLinks', 'Embed Links'],
  ] as const)('a channel where the bot lacks %s: the reply names %s', async (flag, name) => {
    const channel = h.discord.state.createChannel(h.guild.id, { name: `no-${flag.toLowerCase()}` });
    h.discord.state.setBotPermissions(channel.id, { deny: [flag] });
    // The bot's cache follows the CHANNEL_UPDATE before the moderator types the command.
    await expect
      .poll(() => {
        const cached = h.bot.client.channels.cache.get(channel.id);
        return cached && 'permissionOverwrites' in cached ? cached.permissionOverwrites.cache.size : 0;
      })
      .toBe(1);
    const result = await h.asModerator(`/config digest set channel:<#${channel.id}> schedule:hourly`);
    expectRefusal(
      result,
      new RegExp(`I cannot post digests in <#${channel.id}>: I am missing the ${name} permission there\\.`),
    );
    expect(result.text).toContain(`Give my role ${name} in that channel`);
    expectNothingChanged();
  });

  it('past the guild limit (MAX_SUBSCRIPTIONS_PER_GUILD) a new digest is refused; changing one still works', async () => {
    const a = h.discord.state.createChannel(h.guild.id, { name: 'digest-a' });
    const b = h.discord.state.createChannel(h.guild.id, { name: 'digest-b' });
    const c = h.discord.state.createChannel(h.guild.id, { name: 'digest-c' });
    await expect.poll(() => h.bot.client.channels.cache.has(c.id)).toBe(true);
    for (const channel of [a, b]) {
      const created = await h.asModerator(
        `/config digest set channel:<#${channel.id}> schedule:"daily 09:00"`,
      );
      expect(created.text).toMatch(/Created the digest of \*\*Russia’s withdrawal from Syria\*\*/);
    }
    const refused = await h.asModerator(`/config digest set channel:<#${c.id}> schedule:"daily 09:00"`);
    expectRefusal(
      refused,
      /This server already has 2 digests, the most allowed\. Remove one with `\/config digest remove`/,
    );
    expect(h.store.subscriptions.byChannel(h.guild.id, c.id)).toEqual([]);
    expect(h.store.subscriptions.countByGuild(h.guild.id)).toBe(2);

    const changed = await h.asModerator(`/config digest set channel:<#${a.id}> schedule:"weekly mon 09:00"`);
    expect(changed.text).toMatch(
      /^\(only you can see this\)\nChanged the digest .* `weekly mon 09:00` \(UTC\)/,
    );
    expect(h.digestJobs().sort()).toEqual(
      h.store.subscriptions
        .byGuild(h.guild.id)
        .map((s) => `digest:${s.id} (${s.cron} UTC)`)
        .sort(),
    );
    expect(h.store.audit.byGuild(h.guild.id).map((e) => [e.action, e.actorId])).toEqual([
      ['digest.update', h.guild.moderator.id],
      ['digest.create', h.guild.moderator.id],
      ['digest.create', h.guild.moderator.id],
    ]);
  });

  it('an announcement channel is accepted, and remove frees a slot (written to the audit log)', async () => {
    const b = h.discord.state.channelByName(h.guild.id, 'digest-b')!;
    const removed = await h.asModerator(`/config digest remove channel:<#${b.id}>`);
    expect(removed.text).toContain(`Removed the digest in <#${b.id}>`);
    const announcements = h.discord.state.createChannel(h.guild.id, { name: 'announcements', type: 5 });
    await expect.poll(() => h.bot.client.channels.cache.has(announcements.id)).toBe(true);
    const created = await h.asModerator(
      `/config digest set channel:<#${announcements.id}> schedule:"weekly fri 17:30" timezone:Europe/Berlin`,
    );
    expect(created.text).toContain('`weekly fri 17:30` (Europe/Berlin)');
    expect(h.store.subscriptions.byChannel(h.guild.id, announcements.id)).toMatchObject([
      { cron: '30 17 * * 5', timezone: 'Europe/Berlin' },
    ]);
    const history = await h.asModerator('/config history');
    expect(history.text).toMatch(/\*\*created the digest\*\*.*\n.*timezone `Europe\/Berlin`/);
    expect(history.text).toMatch(/\*\*removed the digest\*\*/);
  });
});
