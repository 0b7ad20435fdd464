/**
 * `/config story default` and `/config story rename`: which story the server's commands answer when a member
 * names none, and what a story is called. Both are written to the audit log.
 */
import { resolveStory } from '../../src/bot/story.ts';
import { UserError } from '../../src/errors.ts';
import { escapeText } from '../../src/render/text.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately } from './shared.ts';

/** `/config story default story [channel]`: the story commands answer here when none is named. */
export const storyDefault: ConfigHandlers['story']['default'] = async (interaction, args, ctx) => {
  const { guildId } = interaction;
  const story = resolveStory(ctx.store, args.story, { guildId, channelId: null });
  const channelId = args.channel?.id ?? null;
  const before = ctx.store.stories.defaultFor(guildId, channelId);
  ctx.store.transaction(() => {
    ctx.store.stories.setDefault(guildId, channelId, story.id, interaction.user.id, ctx.clock.now());
    ctx.store.audit.add(
      {
        guildId,
        actorId: interaction.user.id,
        action: 'story.default',
        subscriptionId: null,
        before: before && (!channelId || before.forChannel) ? { story: before.slug } : null,
        after: { story: story.slug, ...(channelId ? { channelId } : {}) },
      },
      ctx.clock.now(),
    );
  });
  await answerPrivately(
    interaction,
    `Commands ${channelId ? `in <#${channelId}>` : 'in this server'} now answer **${escapeText(story.title)}** ` +
      `(\`${story.slug}\`) when no \`story\` is named.`,
  );
};

/** `/config story rename story title`: a new title for a story; its slug, which files use, stays. */
export const storyRename: ConfigHandlers['story']['rename'] = async (interaction, args, ctx) => {
  const { guildId } = interaction;
  const story = resolveStory(ctx.store, args.story, { guildId, channelId: null });
  const title = args.title.trim().replace(/\s+/g, ' ');
  if (!title) throw new UserError('A story needs a title with at least one letter or digit.');
  ctx.store.transaction(() => {
    ctx.store.stories.rename(story.id, title);
    ctx.store.audit.add(
      {
        guildId,
        actorId: interaction.user.id,
        action: 'story.rename',
        subscriptionId: null,
        before: { story: story.slug, title: story.title },
        after: { story: story.slug, title },
      },
      ctx.clock.now(),
    );
  });
  await answerPrivately(
    interaction,
    `Renamed \`${story.slug}\`: **${escapeText(story.title)}** is now **${escapeText(title)}**.`,
  );
};
