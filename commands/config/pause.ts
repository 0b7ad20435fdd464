import { channelMention } from 'discord.js';
import type { Ctx } from '../../src/bot/context.ts';
import { nextRunText } from '../../src/render/config.ts';
import { nextRun } from '../../src/digest/schedule.ts';
import type { ConfigHandlers } from './index.ts';
import {
  answerPrivately,
  audit,
  findSubscription,
  snapshot,
  type DigestTarget,
  type GuildInteraction,
} from './shared.ts';

/** Pauses or resumes the digest `target` names; `/config digest resume` is this with `pause` false. */
export async function setPaused(
  interaction: GuildInteraction,
  target: DigestTarget,
  ctx: Ctx,
  pause: boolean,
): Promise<void> {
  const subscription = findSubscription(ctx, interaction.guildId, target);
  if (subscription.paused === pause) {
    await answerPrivately(
      interaction,
      `The digest in ${channelMention(subscription.channelId)} is already ${pause ? 'paused' : 'running'}.`,
    );
    return;
  }
  const now = ctx.clock.now();
  const updated = ctx.store.transaction(() => {
    const result = pause
      ? ctx.store.subscriptions.pause(subscription.id, null, now)!
      : ctx.store.subscriptions.resume(
          subscription.id,
          now,
          nextRun(subscription.cron, subscription.timezone, now),
        )!;
    audit(
      ctx,
      interaction,
      pause ? 'digest.pause' : 'digest.resume',
      subscription.id,
      snapshot(ctx, subscription),
      snapshot(ctx, result),
    );
    return result;
  });
  const next = nextRun(updated.cron, updated.timezone, now);
  await answerPrivately(
    interaction,
    pause
      ? `Paused the digest in ${channelMention(updated.channelId)}. \`/config digest resume\` starts it again.`
      : `Resumed the digest in ${channelMention(updated.channelId)}. Next: ${nextRunText(next, updated.timezone)}.`,
  );
}

/** `/config digest pause`: stops a digest's runs until it is resumed. */
const pause: ConfigHandlers['digest']['pause'] = (interaction, args, ctx) =>
  setPaused(interaction, args, ctx, true);
export default pause;
