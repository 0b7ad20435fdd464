import {
  channelMention,
  ChannelType,
  PermissionFlagsBits,
  PermissionsBitField,
  roleMention,
} from 'discord.js';
import { resolveStory } from '../../src/bot/story.ts';
import { UserError } from '../../src/errors.ts';
import { nextRunText } from '../../src/render/config.ts';
import { escapeText } from '../../src/render/text.ts';
import { nextRun, parseSchedule, parseTimezone } from '../../src/digest/schedule.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately, audit, severalDigests, snapshot, type GuildInteraction } from './shared.ts';

/** The permissions Dispatch needs in a digest channel, with the names Discord's settings show. */
const NEEDED = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
] as const;

/** What the bot may not do in a channel (all of it, if it cannot see the channel). */
async function missingPermissions(interaction: GuildInteraction, channelId: string): Promise<string[]> {
  const guild = interaction.guild ?? (await interaction.client.guilds.fetch(interaction.guildId));
  const channel =
    guild.channels.cache.get(channelId) ?? (await guild.channels.fetch(channelId).catch(() => null));
  if (!channel) return ['View Channel'];
  const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
  const permissions = me ? channel.permissionsFor(me) : null;
  const bits = permissions ?? new PermissionsBitField();
  return NEEDED.filter(([, bit]) => !bits.has(bit)).map(([name]) => name);
}

/** `/config digest set`: creates the digest of a story in a channel, or changes the one that is there. */
const set: ConfigHandlers['digest']['set'] = async (interaction, args, ctx) => {
  const { guildId } = interaction;
  const { channel } = args;
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    throw new UserError(
      `${channelMention(channel.id)} is not a text or announcement channel; digests can only be posted to those.`,
    );
  }
  if (args.story === undefined) {
    // Without `story`, changing the digest of whichever story is newest would be a silent guess: ask which.
    const inChannel = ctx.store.subscriptions.byChannel(guildId, channel.id);
    if (inChannel.length > 1) throw severalDigests(ctx, channel.id, inChannel);
  }
  const story = resolveStory(ctx.store, args.story, interaction.guildId);
  const existing = ctx.store.subscriptions.byKey(guildId, channel.id, story.id);
  const now = ctx.clock.now();
  const timezone = parseTimezone(
    args.timezone ?? existing?.timezone ?? ctx.store.subscriptions.guildTimezone(guildId) ?? 'UTC',
  );
  const schedule = parseSchedule(args.schedule, timezone, ctx.config.DIGEST_MIN_INTERVAL_MINUTES, now);
  const role = args.mention_role;
  if (role && role.id === guildId) {
    throw new UserError('Dispatch never pings @everyone; pick a role members can opt into, e.g. `@news`.');
  }
  const missing = await missingPermissions(interaction, channel.id);
  if (missing.length > 0) {
    throw new UserError(
      `I cannot post digests in ${channelMention(channel.id)}: I am missing the ${missing.join(', ')} permission` +
        `${missing.length > 1 ? 's' : ''} there. Give my role ${missing.join(', ')} in that channel and try again.`,
    );
  }
  const input = {
    ...schedule,
    timezone,
    // The one computation of when it runs: the tick reads this column, and every reply shows it.
    nextRunAt: nextRun(schedule.cron, timezone, now),
    mentionRoleId: role?.id ?? existing?.mentionRoleId ?? null,
    quiet: args.quiet ?? existing?.quiet ?? true,
  };
  // The limit is checked and the row written in one transaction, after the last await: read before the
  // permission check above, another `set` of the same server could store a digest in between (a burst of 25
  // stored 25 with a limit of 10).
  const { saved, created } = ctx.store.transaction(() => {
    const current = ctx.store.subscriptions.byKey(guildId, channel.id, story.id);
    if (!current && ctx.store.subscriptions.countByGuild(guildId) >= ctx.config.MAX_SUBSCRIPTIONS_PER_GUILD) {
      throw new UserError(
        `This server already has ${ctx.config.MAX_SUBSCRIPTIONS_PER_GUILD} digests, the most allowed. ` +
          'Remove one with `/config digest remove` first (`/config show` lists them).',
      );
    }
    const result = current
      ? ctx.store.subscriptions.update(current.id, input, now)
      : ctx.store.subscriptions.create(
          { ...input, guildId, channelId: channel.id, storyId: story.id },
          interaction.user.id,
          now,
        );
    if (args.timezone || !ctx.store.subscriptions.guildTimezone(guildId)) {
      ctx.store.subscriptions.setGuildTimezone(guildId, timezone, now);
    }
    audit(
      ctx,
      interaction,
      current ? 'digest.update' : 'digest.create',
      result.id,
      current ? snapshot(ctx, current) : null,
      snapshot(ctx, result),
    );
    return { saved: result, created: !current };
  });
  ctx.log.info(
    { subscriptionId: saved.id, guildId, cron: saved.cron, timezone },
    created ? 'digest created' : 'digest changed',
  );
  const next = new Date(saved.nextRunAt!);
  await answerPrivately(
    interaction,
    `${created ? 'Created' : 'Changed'} the digest of **${escapeText(story.title)}** in ${channelMention(channel.id)}: ` +
      `\`${saved.schedule}\` (${saved.timezone})${saved.mentionRoleId ? `, pinging ${roleMention(saved.mentionRoleId)}` : ''}` +
      `${saved.quiet ? '' : ', posting even when nothing is new'}${saved.paused ? ' (still paused: `/config digest resume`)' : ''}.\n` +
      `Next digest: ${nextRunText(next, saved.timezone)}.`,
  );
};
export default set;
