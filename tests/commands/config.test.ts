import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  PermissionsBitField,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import config from '../../commands/config/index.ts';
import type { Ctx } from '../../src/bot/context.ts';
import { runCommand } from '../../src/bot/router.ts';
import { UserError } from '../../src/errors.ts';
import { seedStory, testCtx } from '../support/digest.ts';

const GUILD = '100000000000000001';
const NEWS = '200000000000000001';

/**
 * A chat-input interaction as the handler reads it (options, permissions, guild channel cache), recording the
 * replies. The end-to-end path through the real discord.js client is for the loopback Discord tests.
 */
function interaction(
  sub: string,
  options: Record<string, unknown>,
  {
    moderator = true,
    botPermissions = PermissionsBitField.All,
    group = 'digest' as string | null,
    inGuild = true,
  } = {},
) {
  const replies: { content?: string; embeds?: { description?: string }[] }[] = [];
  const channel = {
    id: NEWS,
    type: ChannelType.GuildText,
    permissionsFor: () => new PermissionsBitField(botPermissions),
  };
  const fake = {
    commandName: 'config',
    guildId: GUILD,
    user: { id: '300000000000000001' },
    deferred: false,
    inGuild: () => inGuild,
    memberPermissions: new PermissionsBitField(
      moderator ? PermissionFlagsBits.ManageGuild : PermissionFlagsBits.SendMessages,
    ),
    guild: { channels: { cache: new Map([[NEWS, channel]]) }, members: { me: { id: 'bot' } } },
    options: {
      getSubcommandGroup: () => group,
      getSubcommand: () => sub,
      getChannel: () => ({ id: NEWS, type: ChannelType.GuildText }),
      getString: (name: string) => (options[name] as string | undefined) ?? null,
      getBoolean: (name: string) => (options[name] as boolean | undefined) ?? null,
      getInteger: (name: string) => (options[name] as number | undefined) ?? null,
      getRole: (name: string) => (options[name] ? { id: options[name] } : null),
      get: (name: string) => {
        if (name === 'channel')
          return {
            name,
            type: ApplicationCommandOptionType.Channel,
            channel: { id: NEWS, type: ChannelType.GuildText },
          };
        if (options[name] === undefined) return null;
        if (name === 'mention_role')
          return { name, type: ApplicationCommandOptionType.Role, role: { id: options[name] } };
        return { name, value: options[name] };
      },
    },
    reply: async (payload: { content?: string }) => void replies.push(payload),
    editReply: async (payload: { content?: string }) => void replies.push(payload),
    deferReply: async () => {
      fake.deferred = true;
    },
  };
  return { interaction: fake as unknown as ChatInputCommandInteraction, replies };
}

async function run(ctx: Ctx, sub: string, options: Record<string, unknown> = {}, extra = {}) {
  const call = interaction(sub, options, extra);
  await runCommand(config, call.interaction, ctx);
  return call.replies;
}

describe('/config', () => {
  it('is registered for Manage Server, in guilds only', () => {
    expect(config.data.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(config.data.contexts).toEqual([InteractionContextType.Guild]);
  });

  it('refuses a member without Manage Server even when the command was opened to them, and changes nothing', async () => {
    const { ctx } = testCtx();
    seedStory(ctx);
    await expect(run(ctx, 'set', { schedule: 'daily 09:00' }, { moderator: false })).rejects.toThrow(
      'Manage Server',
    );
    expect(ctx.store.subscriptions.byGuild(GUILD)).toHaveLength(0);
    expect(ctx.store.audit.countByGuild(GUILD)).toBe(0);
  });

  it('refuses to run outside a server before any handler runs (a stale registration can offer it in DMs)', async () => {
    const { ctx } = testCtx();
    seedStory(ctx);
    await expect(run(ctx, 'set', { schedule: 'daily 09:00' }, { inGuild: false })).rejects.toThrow(
      new UserError('`/config` works in a server, not in direct messages.'),
    );
    expect(ctx.store.subscriptions.byGuild(GUILD)).toHaveLength(0);
  });

  it.each([
    [{ schedule: '*/5 * * * *' }, 'at most every 15 minutes'],
    [{ schedule: '99 * * * *' }, '`daily 09:00`'],
    [{ schedule: 'daily 09:00', timezone: 'Mars/Base' }, '`Europe/Berlin`'],
    [{ schedule: 'daily 09:00', story: 'no-such-story' }, 'No story called'],
    [{ schedule: 'daily 09:00', mention_role: GUILD }, 'never pings @everyone'],
  ])('refuses %j with a message that says what to do', async (options, message) => {
    const { ctx } = testCtx();
    seedStory(ctx);
    const error = await run(ctx, 'set', options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(message);
    expect(ctx.store.subscriptions.byGuild(GUILD)).toHaveLength(0);
  });

  it('names the permission the bot is missing in the channel', async () => {
    const { ctx } = testCtx();
    seedStory(ctx);
    const perms = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
    await expect(run(ctx, 'set', { schedule: 'daily 09:00' }, { botPermissions: perms })).rejects.toThrow(
      'missing the Embed Links permission',
    );
  });

  it('creates, changes, pauses, resumes and removes a digest, each written to the audit log', async () => {
    const { ctx } = testCtx('2026-03-01T08:00:00.000Z');
    seedStory(ctx);
    const created = await run(ctx, 'set', { schedule: 'daily 09:00', timezone: 'Europe/Berlin' });
    expect(created[0]!.content).toContain('Created the digest');
    expect(created[0]!.content).toContain('Next digest: Mon, 2 Mar 2026, 09:00 CET');
    await run(ctx, 'set', { schedule: 'weekly mon 09:00' });
    const [subscription] = ctx.store.subscriptions.byGuild(GUILD);
    expect(subscription).toMatchObject({ cron: '0 9 * * 1', timezone: 'Europe/Berlin', quiet: true });
    await run(ctx, 'pause');
    await run(ctx, 'resume');
    const shown = await run(ctx, 'show', {}, { group: null });
    expect(shown[0]!.embeds![0]!.description).toContain('▶ active · next Mon, 2 Mar 2026, 09:00 CET');
    await run(ctx, 'remove');
    expect(ctx.store.subscriptions.byGuild(GUILD)).toHaveLength(0);
    const actions = ctx.store.audit.byGuild(GUILD).map((e) => e.action);
    expect(actions).toEqual([
      'digest.remove',
      'digest.resume',
      'digest.pause',
      'digest.update',
      'digest.create',
    ]);
    const update = ctx.store.audit.byGuild(GUILD).find((e) => e.action === 'digest.update')!;
    expect(update).toMatchObject({
      actorId: '300000000000000001',
      before: { schedule: 'daily 09:00' },
      after: { schedule: 'weekly mon 09:00' },
    });
    const history = await run(ctx, 'history', {}, { group: null });
    expect(history[0]!.embeds![0]!.description).toContain(
      'schedule: at 09:00, every day (`daily 09:00`) → at 09:00, only on Monday (`weekly mon 09:00`)',
    );
  });

  it('adds, lists, pauses, resumes and removes a feed, each change written to the audit log with before and after', async () => {
    const { ctx } = testCtx();
    const url = 'https://news.example/feed.xml';
    const feed = { group: 'feed' };
    const text = (replies: { content?: string }[]) => replies.map((r) => r.content ?? '').join('\n');
    expect(text(await run(ctx, 'add', { url, story: 'harbour', name: 'Courier' }, feed))).toContain(
      'into the story `harbour`',
    );
    const listed = await run(ctx, 'list', {}, feed);
    expect(JSON.stringify(listed)).toContain(url);
    expect(text(await run(ctx, 'pause', { url }, feed))).toContain('Paused');
    expect(ctx.store.feeds.feedsOfGuild(GUILD)[0]!.paused).toBe(true);
    // No feed service in this context: the resumed feed is polled by the next tick.
    expect(text(await run(ctx, 'resume', { url }, feed))).toContain('It will be polled within a minute.');
    expect(ctx.store.feeds.feedsOfGuild(GUILD)[0]!.paused).toBe(false);
    expect(text(await run(ctx, 'remove', { url }, feed))).toContain(url);
    expect(ctx.store.feeds.feedsOfGuild(GUILD)).toHaveLength(0);
    const snapshot = (paused: boolean) => ({ url, story: 'harbour', name: 'Courier', paused });
    expect(
      ctx.store.audit
        .byGuild(GUILD, 10, 0)
        .reverse()
        .map((e) => [e.action, e.actorId, e.before, e.after]),
    ).toEqual([
      ['feed.add', '300000000000000001', null, snapshot(false)],
      ['feed.pause', '300000000000000001', snapshot(false), snapshot(true)],
      ['feed.resume', '300000000000000001', snapshot(true), snapshot(false)],
      ['feed.remove', '300000000000000001', snapshot(false), null],
    ]);
  });

  it.each(['add', 'remove', 'pause', 'resume', 'list', 'status'])(
    'refuses /config feed %s to a member without Manage Server before its handler runs, changing nothing',
    async (sub) => {
      const { ctx } = testCtx();
      const url = 'https://news.example/feed.xml';
      if (sub !== 'add') await run(ctx, 'add', { url }, { group: 'feed' });
      const before = ctx.store.audit.countByGuild(GUILD);
      await expect(run(ctx, sub, { url }, { group: 'feed', moderator: false })).rejects.toThrow(
        'Manage Server',
      );
      expect(ctx.store.feeds.feedsOfGuild(GUILD)).toHaveLength(sub === 'add' ? 0 : 1);
      expect(ctx.store.feeds.feedsOfGuild(GUILD)[0]?.paused ?? false).toBe(false);
      expect(ctx.store.audit.countByGuild(GUILD)).toBe(before);
    },
  );

  it('enforces MAX_SUBSCRIPTIONS_PER_GUILD', async () => {
    const { ctx } = testCtx('2026-03-01T08:00:00.000Z', { MAX_SUBSCRIPTIONS_PER_GUILD: 1 });
    seedStory(ctx);
    ctx.store.stories.ensure('second-story', 'Second Story', ctx.clock.now());
    await run(ctx, 'set', { schedule: 'daily 09:00' });
    await expect(run(ctx, 'set', { schedule: 'daily 09:00', story: 'second-story' })).rejects.toThrow(
      'already has 1 digests',
    );
  });
});
