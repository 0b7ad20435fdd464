import { feedsEmbed } from '../../src/render/feeds.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately } from './shared.ts';

/** `/config feed list`: this server's feeds, with their story and state. */
const list: ConfigHandlers['feed']['list'] = async (interaction, _args, ctx) => {
  const feeds = ctx.store.feeds.feedsOfGuild(interaction.guildId);
  if (feeds.length === 0) {
    await answerPrivately(
      interaction,
      'This server follows no feeds yet. `/config feed add url:https://example.com/feed.xml` adds one.',
    );
    return;
  }
  await answerPrivately(interaction, '', [feedsEmbed(feeds, ctx.config.MAX_FEEDS_PER_GUILD)]);
};
export default list;
