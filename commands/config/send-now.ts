import { MessageFlags } from 'discord.js';
import type { RunOutcome } from '../../src/digest/deliver.ts';
import { UserError } from '../../src/errors.ts';
import { digestJobDeps, sendNow as sendDigestNow } from '../../src/scheduler/digests.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately, audit, findSubscription } from './shared.ts';

function describeOutcome(outcome: RunOutcome, channelId: string): string {
  switch (outcome.status) {
    case 'sent':
      return `Posted the digest to <#${channelId}> (${outcome.messageIds.length} message${outcome.messageIds.length > 1 ? 's' : ''}).`;
    case 'paused':
      return `Could not post to <#${channelId}>: ${outcome.error}. The digest is paused; fix that and \`/config digest resume\`.`;
    case 'failed':
      return `Could not post to <#${channelId}> right now: ${outcome.error}. The next digest will include this one.`;
    case 'skipped':
    case 'duplicate':
      return `Nothing was posted: ${outcome.reason}.`;
  }
}

/**
 * `/config digest send-now`: posts the digest outside its schedule, through the running scheduler when there is
 * one so it cannot overlap a scheduled run of the same digest.
 */
const sendNow: ConfigHandlers['digest']['send-now'] = async (interaction, args, ctx) => {
  const subscription = findSubscription(ctx, interaction.guildId, args);
  if (subscription.paused) {
    throw new UserError(
      `The digest in <#${subscription.channelId}> is paused; \`/config digest resume\` it first.`,
    );
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const control = ctx.digests;
  const outcome = control
    ? await control.sendNow(subscription.id)
    : await sendDigestNow(digestJobDeps({ ctx, sender: interaction.client.rest }), subscription);
  audit(ctx, interaction, 'digest.send-now', subscription.id, null, { outcome: outcome.status });
  await answerPrivately(interaction, describeOutcome(outcome, subscription.channelId));
};
export default sendNow;
