import { channelMention, MessageFlags } from 'discord.js';
import { UserError } from '../../src/errors.ts';
import { outcomeText } from '../../src/render/config.ts';
import { digestJobDeps, sendNow as sendDigestNow } from '../../src/digest/jobs.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately, audit, findSubscription } from './shared.ts';

/**
 * `/config digest send-now`: posts the digest outside its schedule, from the process that got the command,
 * whichever holds the scheduler lease. A run of this digest being sent anywhere (the store knows) makes this
 * one wait for the next digest, so the two cannot overlap.
 */
const sendNow: ConfigHandlers['digest']['send-now'] = async (interaction, args, ctx) => {
  const subscription = findSubscription(ctx, interaction.guildId, args);
  if (subscription.paused) {
    throw new UserError(
      `The digest in ${channelMention(subscription.channelId)} is paused; \`/config digest resume\` it first.`,
    );
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await sendDigestNow(digestJobDeps({ ctx, sender: interaction.client.rest }), subscription);
  audit(ctx, interaction, 'digest.send-now', subscription.id, null, { outcome: outcome.status });
  await answerPrivately(interaction, outcomeText(outcome, subscription.channelId));
};
export default sendNow;
