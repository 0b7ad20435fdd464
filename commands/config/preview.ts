import { channelMention, roleMention } from 'discord.js';
import { composeDigest, isFirstDigest } from '../../src/digest/compose.ts';
import { UserError } from '../../src/errors.ts';
import { counted } from '../../src/render/count.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately, findSubscription } from './shared.ts';

/**
 * `/config digest preview`: the first message of the next digest, shown only to the moderator; when nothing is
 * new, the briefing instead (what a first digest shows: the story as it stands), saying so.
 */
const preview: ConfigHandlers['digest']['preview'] = async (interaction, args, ctx) => {
  const subscription = findSubscription(ctx, interaction.guildId, args);
  const window = { since: subscription.digestSince, until: ctx.clock.now().toISOString() };
  const next = composeDigest(
    ctx.store,
    { ...subscription, quiet: false },
    window,
    undefined,
    isFirstDigest(subscription),
  );
  const composed =
    next?.empty && !next.briefing
      ? composeDigest(ctx.store, { ...subscription, quiet: false }, window, undefined, true)
      : next;
  if (!next || !composed)
    throw new UserError('The story of this digest no longer exists; remove the digest.');
  const first = composed.messages[0]!;
  const more = composed.messages.length - 1;
  const note =
    (composed === next
      ? `Preview of the next digest in ${channelMention(subscription.channelId)}${next.briefing ? ', its briefing: the story as it stands' : ''}`
      : `Nothing is new for the digest in ${channelMention(subscription.channelId)}, so its next run would ${subscription.quiet ? 'post nothing (quiet is on)' : 'say so'}; here is its briefing instead, the story as it stands`) +
    `${more > 0 ? ` — ${counted(more, 'more message', 'more messages')} not shown here` : ''}` +
    `${subscription.mentionRoleId ? `; it will ping ${roleMention(subscription.mentionRoleId)}` : ''}:`;
  await answerPrivately(interaction, note, first.embeds);
};
export default preview;
