import { channelMention, roleMention } from 'discord.js';
import { composeDigest } from '../../src/digest/compose.ts';
import { UserError } from '../../src/errors.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately, findSubscription } from './shared.ts';

/** `/config digest preview`: the first message of the next digest, shown only to the moderator. */
const preview: ConfigHandlers['digest']['preview'] = async (interaction, args, ctx) => {
  const subscription = findSubscription(ctx, interaction.guildId, args);
  const composed = composeDigest(
    ctx.store,
    { ...subscription, quiet: false },
    { since: subscription.digestSince, until: ctx.clock.now().toISOString() },
  );
  if (!composed) throw new UserError('The story of this digest no longer exists; remove the digest.');
  const first = composed.messages[0]!;
  const more = composed.messages.length - 1;
  const note =
    `Preview of the next digest in ${channelMention(subscription.channelId)}` +
    `${composed.empty && subscription.quiet ? ' (nothing is new, so with quiet on it would post nothing)' : ''}` +
    `${more > 0 ? ` — ${more} more message${more > 1 ? 's' : ''} not shown here` : ''}` +
    `${subscription.mentionRoleId ? `; it will ping ${roleMention(subscription.mentionRoleId)}` : ''}:`;
  await answerPrivately(interaction, note, first.embeds);
};
export default preview;
