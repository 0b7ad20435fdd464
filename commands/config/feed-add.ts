import { addFeed } from '../../src/feeds/manage.ts';
import { feedLabel } from '../../src/render/feeds.ts';
import { asUserError, auditFeed } from './feed-shared.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately } from './shared.ts';

/**
 * `/config feed add url [story] [name]`: follows a feed for this server only. Its articles go to a story of
 * this server's (another server never sees them); the first poll comes within a minute, and stores what the
 * feed already holds without announcing items older than FEED_FIRST_POLL_HOURS.
 */
const add: ConfigHandlers['feed']['add'] = async (interaction, args, ctx) => {
  const feed = ctx.store.transaction(() => {
    const added = asUserError(() =>
      addFeed(
        ctx.store,
        {
          url: args.url,
          guildId: interaction.guildId,
          story: args.story ?? null,
          name: args.name ?? null,
          createdBy: interaction.user.id,
        },
        { maxFeedsPerGuild: ctx.config.MAX_FEEDS_PER_GUILD },
        ctx.clock.now(),
      ),
    );
    auditFeed(ctx, interaction, 'feed.add', null, added);
    return added;
  });
  await answerPrivately(
    interaction,
    `Following ${feedLabel(feed)} into the story \`${feed.storySlug}\`. Its first poll is within a minute; ` +
      '`/config feed status` shows how it went.',
  );
};
export default add;
