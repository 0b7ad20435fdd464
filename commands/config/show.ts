import { PermissionFlagsBits } from 'discord.js';
import { subscriptionsEmbed } from '../../src/render/config.ts';
import { nextRun } from '../../src/digest/schedule.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately } from './shared.ts';

/** `/config show`: every digest of the server with its schedule, next run, state and last delivery or error. */
const show: ConfigHandlers['show'] = async (interaction, _args, ctx) => {
  const subscriptions = ctx.store.subscriptions.byGuild(interaction.guildId);
  if (subscriptions.length === 0) {
    await answerPrivately(
      interaction,
      'No digests yet. `/config digest set channel:#news schedule:daily 09:00` creates one.',
    );
    return;
  }
  const now = ctx.clock.now();
  const me = interaction.guild?.members.me;
  const shown = subscriptions.map((subscription) => {
    const channel = interaction.guild?.channels.cache.get(subscription.channelId);
    return {
      subscription,
      storyTitle: ctx.store.stories.byId(subscription.storyId)?.title ?? null,
      // What the scheduler's tick will run: the stored next_run_at, not a second computation of it.
      next:
        subscription.nextRunAt && !subscription.paused
          ? new Date(subscription.nextRunAt)
          : nextRun(subscription.cron, subscription.timezone, now),
      // Without Read Message History, recovery after a crash cannot look in the channel (see deliver.ts).
      historyUnreadable:
        channel !== undefined &&
        me !== undefined &&
        me !== null &&
        channel.permissionsFor(me)?.has(PermissionFlagsBits.ReadMessageHistory) === false,
    };
  });
  await answerPrivately(interaction, '', [
    subscriptionsEmbed(shown, ctx.config.MAX_SUBSCRIPTIONS_PER_GUILD, now),
  ]);
};
export default show;
