/** What the `/config` subcommands share: answering the moderator, finding a digest, and the audit log. */
import {
  channelMention,
  MessageFlags,
  type APIEmbed,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Ctx } from '../../src/bot/context.ts';
import { MAX_CHOICES, resolveStory } from '../../src/bot/story.ts';
import { escapeText, truncate } from '../../src/render/text.ts';
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

/** How a `remove`/`pause`/… names the digest it acts on: by its channel (and story), or by its id. */
export interface DigestTarget {
  channel?: { id: string };
  story?: string;
  digest?: number;
}

/**
 * The digest a `remove`/`pause`/… names: the one picked in `digest` (its id), else the one of `channel`, by
 * story when the channel has several.
 */
export function findSubscription(
  ctx: Ctx,
  guildId: string,
  { channel, story: slug, digest }: DigestTarget,
): Subscription {
  if (digest !== undefined) {
    const picked = ctx.store.subscriptions.byId(digest);
    if (!picked || picked.guildId !== guildId) {
      throw new UserError(
        `This server has no digest number ${digest}. Pick one from the list as you type in \`digest\`, ` +
          'or `/config show` to see them all.',
      );
    }
    return picked;
  }
  if (!channel) {
    throw new UserError(
      'Which digest? Give its `channel`, or pick it in `digest` (the list also has digests whose channel is gone).',
    );
  }
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
  if (candidates.length > 1) throw severalDigests(ctx, channel.id, candidates);
  return candidates[0]!;
}

/** The refusal when a channel has digests of several stories and none was named: it lists them. */
export function severalDigests(ctx: Ctx, channelId: string, candidates: Subscription[]): UserError {
  const stories = candidates
    .map((s) => {
      const story = ctx.store.stories.byId(s.storyId);
      return story
        ? `${escapeText(story.title)} (\`story:${story.slug}\`)`
        : `a deleted story (digest ${s.id})`;
    })
    .join(', ');
  return new UserError(
    `${channelMention(channelId)} has digests of several stories: ${stories}. Name one with \`story\`.`,
  );
}

/**
 * The autocomplete of `digest`: this server's digests whose description contains what was typed, each as
 * `Story · schedule · #channel` (or `deleted channel`, when the bot no longer sees it), its id the value.
 */
export function digestChoices(
  interaction: AutocompleteInteraction,
  ctx: Ctx,
  typed: string,
): { name: string; value: number }[] {
  const guildId = interaction.guildId ?? '';
  return ctx.store.subscriptions
    .byGuild(guildId)
    .map((s) => {
      const channel = interaction.guild?.channels.cache.get(s.channelId);
      const story = ctx.store.stories.byId(s.storyId)?.title ?? 'deleted story';
      const name = [
        story,
        s.schedule,
        channel ? `#${channel.name}` : 'deleted channel',
        ...(s.paused ? ['paused'] : []),
      ].join(' · ');
      return { name: truncate(name, 100), value: s.id };
    })
    .filter((c) => typed === '' || c.name.toLowerCase().includes(typed) || String(c.value) === typed)
    .slice(0, MAX_CHOICES);
}
