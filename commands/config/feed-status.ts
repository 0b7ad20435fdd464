import { feedStatusEmbed } from '../../src/render/feeds.ts';
import { findFeed } from './feed-shared.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately } from './shared.ts';

/**
 * `/config feed status url`: one feed's health — last poll and its result, last new item, failures in a row and
 * the last error in plain words, and the next poll.
 */
const status: ConfigHandlers['feed']['status'] = async (interaction, args, ctx) => {
  const feed = findFeed(ctx, interaction.guildId, args.url);
  await answerPrivately(interaction, '', [feedStatusEmbed(feed, ctx.store.feeds.articlesOfFeed(feed.id))]);
};
export default status;
