import { channelMention } from 'discord.js';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately, audit, findSubscription, snapshot } from './shared.ts';

/** `/config digest remove`: deletes a digest; its audit history stays. */
const remove: ConfigHandlers['digest']['remove'] = async (interaction, args, ctx) => {
  const subscription = findSubscription(ctx, interaction.guildId, args);
  ctx.store.transaction(() => {
    audit(ctx, interaction, 'digest.remove', subscription.id, snapshot(ctx, subscription), null);
    ctx.store.subscriptions.remove(subscription.id);
  });
  await answerPrivately(
    interaction,
    `Removed the digest in ${channelMention(subscription.channelId)}. Its history stays in \`/config history\`.`,
  );
};
export default remove;
