import { LIMITS } from '../../src/render/limits.ts';
import { escapeText, truncate } from '../../src/render/text.ts';
import { nextRun } from '../../src/scheduler/schedule.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately, formatInZone, unix } from './shared.ts';

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
  const blocks = subscriptions.map((s) => {
    const story = ctx.store.stories.byId(s.storyId);
    const next = nextRun(s.cron, s.timezone, now);
    const state = s.paused ? `⏸ paused${s.pauseReason ? `: ${s.pauseReason}` : ''}` : '▶ active';
    const last = s.lastError
      ? `last error <t:${unix(s.lastErrorAt ?? now)}:f>: ${s.lastError}`
      : s.lastDeliveryAt
        ? `last delivered <t:${unix(s.lastDeliveryAt)}:f>`
        : 'not delivered yet';
    return truncate(
      [
        `**<#${s.channelId}>** · ${escapeText(story?.title ?? 'deleted story')} · \`${s.schedule}\` (${s.timezone})` +
          `${s.mentionRoleId ? ` · pings <@&${s.mentionRoleId}>` : ''}${s.quiet ? '' : ' · not quiet'}`,
        `${state} · ${s.paused ? 'would run' : 'next'} ${formatInZone(next, s.timezone)} (<t:${unix(next)}:R>)`,
        last,
      ].join('\n'),
      Math.floor(LIMITS.description / Math.max(1, subscriptions.length)) - 2,
    );
  });
  await answerPrivately(interaction, '', [
    {
      title: `Digests (${subscriptions.length} of ${ctx.config.MAX_SUBSCRIPTIONS_PER_GUILD})`,
      description: blocks.join('\n\n'),
    },
  ]);
};
export default show;
