import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { customId } from '../src/bot/command.ts';
import type { Ctx } from '../src/bot/context.ts';
import {
  autocompleteStory,
  pageArgs,
  send,
  STORY_OPTION,
  storyById,
  storyOf,
  update,
} from '../src/commands/common.ts';
import { timelineReply, type ReplyPayload } from '../src/render/embeds.ts';
import type { Story } from '../src/store/index.ts';

/** Events per page. */
export const PAGE_SIZE = 10;
const COUNT_AHEAD = 1000;

/** One page of a story's timeline; the buttons carry `timeline:<story id>:<page>`. */
export function timelinePage(ctx: Ctx, story: Story, page: number): ReplyPayload {
  const offset = page * PAGE_SIZE;
  const cap = offset + PAGE_SIZE + COUNT_AHEAD;
  const total = ctx.db.facts.countTimelineUpTo(story.id, cap);
  return timelineReply({
    story,
    events: total > offset ? ctx.db.facts.timelinePage(story.id, PAGE_SIZE, offset) : [],
    state: { page, pageSize: PAGE_SIZE, total, capped: total >= cap },
    idFor: (target) => customId('timeline', story.id, target),
  });
}

/** `/timeline [story]`: the story's dated events in order, with how precisely each date is known. */
export default {
  data: {
    name: 'timeline',
    description: 'The dated events of the story, in order',
    options: [STORY_OPTION],
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,

  async execute(interaction, ctx) {
    await send(interaction, timelinePage(ctx, storyOf(interaction, ctx), 0));
  },

  autocomplete: autocompleteStory,

  async button(interaction, ctx, args) {
    const [storyId, page] = pageArgs.parse(args.slice(0, 2));
    await update(interaction, timelinePage(ctx, storyById(ctx.db, storyId), page));
  },
} satisfies Command;
