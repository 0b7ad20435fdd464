import type { Ctx } from '../../src/bot/context.ts';
import { pauseFeed, resumeFeed } from '../../src/feeds/manage.ts';
import { feedLabel } from '../../src/render/feeds.ts';
import { escapeText } from '../../src/render/text.ts';
import { auditFeed, findFeed } from './feed-shared.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately, type GuildInteraction } from './shared.ts';

/**
 * Pauses or resumes a feed for this server. Resuming also clears a pause that failures caused, and polls the
 * feed at once, so the moderator learns straight away whether it works again.
 */
export async function setFeedPaused(
  interaction: GuildInteraction,
  url: string,
  ctx: Ctx,
  pause: boolean,
): Promise<void> {
  const feed = findFeed(ctx, interaction.guildId, url);
  if (pause && feed.paused) {
    await answerPrivately(interaction, `${feedLabel(feed)} is already paused.`);
    return;
  }
  if (!pause && !feed.paused && !feed.source.pausedReason) {
    await answerPrivately(interaction, `${feedLabel(feed)} is not paused.`);
    return;
  }
  const now = ctx.clock.now();
  const after = ctx.store.transaction(() => {
    if (pause) pauseFeed(ctx.store, feed);
    else resumeFeed(ctx.store, feed, now);
    const updated = ctx.store.feeds.feedsOfGuild(interaction.guildId).find((f) => f.id === feed.id)!;
    auditFeed(ctx, interaction, pause ? 'feed.pause' : 'feed.resume', feed, updated);
    return updated;
  });
  if (pause) {
    await answerPrivately(
      interaction,
      `Paused ${feedLabel(after)}. \`/config feed resume\` starts it again.`,
    );
    return;
  }
  await interaction.deferReply({ flags: 'Ephemeral' });
  const report = await ctx.feeds?.pollNow(feed.source.id);
  const result =
    report === null || report === undefined
      ? 'It will be polled within a minute.'
      : report.status === 'error'
        ? `Tried it at once, and it still fails: ${escapeText(report.error ?? 'unknown error')}.`
        : `Tried it at once: it works (${report.new} new, ${report.updated} updated).`;
  await answerPrivately(interaction, `Resumed ${feedLabel(after)}. ${result}`);
}

/** `/config feed pause url`: stops polling a feed for this server until it is resumed. */
const pause: ConfigHandlers['feed']['pause'] = (interaction, args, ctx) =>
  setFeedPaused(interaction, args.url, ctx, true);
export default pause;
