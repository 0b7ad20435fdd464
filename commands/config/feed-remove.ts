import { removeFeed } from '../../src/feeds/manage.ts';
import { feedLabel } from '../../src/render/feeds.ts';
import { auditFeed, findFeed } from './feed-shared.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately } from './shared.ts';

/** `/config feed remove url`: stops following a feed; the articles it brought stay. */
const remove: ConfigHandlers['feed']['remove'] = async (interaction, args, ctx) => {
  const feed = findFeed(ctx, interaction.guildId, args.url);
  ctx.store.transaction(() => {
    removeFeed(ctx.store, feed);
    auditFeed(ctx, interaction, 'feed.remove', feed, null);
  });
  await answerPrivately(interaction, `No longer following ${feedLabel(feed)}. The articles it brought stay.`);
};
export default remove;
