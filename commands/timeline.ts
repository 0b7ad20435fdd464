import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { customId } from '../src/bot/command.ts';
import type { Ctx } from '../src/bot/context.ts';
import { autocompleteStory, STORY_OPTION, storyById, resolveStory } from '../src/bot/story.ts';
import { pageButtonArgs } from '../src/render/pager.ts';
import { timelineReply, type ReplyPayload } from '../src/render/embeds.ts';
import type { Story } from '../src/store/index.ts';

/** Events per page. */
export const PAGE_SIZE = 10;
const COUNT_AHEAD = 1000;

/** One page of a story's timeline; the buttons carry `timeline:<story id>:<page>`. */
export function timelinePage(ctx: Ctx, story: Story, page: number): ReplyPayload {
  const offset = page * PAGE_SIZE;
  const cap = offset + PAGE_SIZE + COUNT_AHEAD;
  const total = ctx.store.facts.countTimelineUpTo(story.id, cap);
  return timelineReply({
    story,
    events: total > offset ? ctx.store.facts.timelinePage(story.id, PAGE_SIZE, offset) : [],
    state: { page, pageSize: PAGE_SIZE, total, capped: total >= cap },
    idFor: (target) => customId('timeline', story.id, target),
  });
}

const data = {
  name: 'timeline',
  description: 'The dated events of the story, in order',
  options: [STORY_OPTION],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/timeline [story]`: the story's dated events in order, with how precisely each date is known. */
export default {
  data,

  async execute(interaction, args, ctx) {
    await interaction.reply(timelinePage(ctx, resolveStory(ctx.store, args.story, interaction), 0));
  },

  autocomplete: autocompleteStory,

  async button(interaction, ctx, args) {
    const [storyId, page] = pageButtonArgs.parse(args.slice(0, 2));
    await interaction.update(timelinePage(ctx, storyById(ctx.store, storyId, interaction.guildId), page));
  },
} satisfies Command<typeof data>;
