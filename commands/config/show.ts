import { subscriptionsEmbed } from '../../src/render/config.ts';
import { nextRun } from '../../src/scheduler/schedule.ts';
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
  const shown = subscriptions.map((subscription) => ({
    subscription,
    storyTitle: ctx.store.stories.byId(subscription.storyId)?.title ?? null,
    next: nextRun(subscription.cron, subscription.timezone, now),
  }));
  await answerPrivately(interaction, '', [
    subscriptionsEmbed(shown, ctx.config.MAX_SUBSCRIPTIONS_PER_GUILD, now),
  ]);
};
export default show;
