/** What the `/config` subcommands share: answering the moderator, finding a digest, and the audit log. */
import { channelMention, MessageFlags, type APIEmbed, type ChatInputCommandInteraction } from 'discord.js';
import type { Ctx } from '../../src/bot/context.ts';
import { resolveStory } from '../../src/bot/story.ts';
import { UserError } from '../../src/errors.ts';
import type { Subscription } from '../../src/store/index.ts';

/** The interaction every `/config` handler gets: the router has checked it came from a server. */
export type GuildInteraction = ChatInputCommandInteraction<'cached' | 'raw'>;

/** Answers the moderator alone: an ephemeral reply, or the edit of a deferral `send-now` made ephemeral. */
export async function answerPrivately(
  interaction: GuildInteraction,
  content: string,
  embeds: APIEmbed[] = [],
): Promise<void> {
  const payload = { content, embeds, allowedMentions: { parse: [] } };
  if (interaction.deferred) await interaction.editReply(payload);
  else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
}

/** A subscription as the audit log keeps it. */
export function snapshot(ctx: Ctx, subscription: Subscription): Record<string, unknown> {
  return {
    channelId: subscription.channelId,
    story: ctx.store.stories.byId(subscription.storyId)?.slug ?? subscription.storyId,
    schedule: subscription.schedule,
    cron: subscription.cron,
    timezone: subscription.timezone,
    mentionRoleId: subscription.mentionRoleId,
    quiet: subscription.quiet,
    paused: subscription.paused,
    pauseReason: subscription.pauseReason,
  };
}

/** Writes one change to the audit log, as made by the member who ran the command. */
export function audit(
  ctx: Ctx,
  interaction: GuildInteraction,
  action: string,
  subscriptionId: number,
  before: unknown,
  after: unknown,
): void {
  ctx.store.audit.add(
    { guildId: interaction.guildId, actorId: interaction.user.id, action, subscriptionId, before, after },
    ctx.clock.now(),
  );
}

/** The digest a `remove`/`pause`/… names: by channel, and by story when the channel has several. */
export function findSubscription(
  ctx: Ctx,
  guildId: string,
  { channel, story: slug }: { channel: { id: string }; story?: string },
): Subscription {
  let candidates = ctx.store.subscriptions.byChannel(guildId, channel.id);
  if (slug) {
    const story = resolveStory(ctx.store, slug, guildId);
    candidates = candidates.filter((s) => s.storyId === story.id);
  }
  if (candidates.length === 0) {
    throw new UserError(
      `There is no digest${slug ? ` of "${slug}"` : ''} in ${channelMention(channel.id)}. \`/config show\` lists them.`,
    );
  }
  if (candidates.length > 1) {
    const stories = candidates
      .map((s) => ctx.store.stories.byId(s.storyId)?.slug ?? String(s.storyId))
      .join(', ');
    throw new UserError(
      `${channelMention(channel.id)} has digests of several stories (${stories}): name one with \`story\`.`,
    );
  }
  return candidates[0]!;
}
