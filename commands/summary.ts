import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { autocompleteStory, STORY_OPTION, resolveStory } from '../src/bot/story.ts';
import { summaryReply } from '../src/render/embeds.ts';
import { STATE_ORDER } from '../src/render/figures.ts';

/** How many of the newest articles `/summary` lists as sources. */
const SOURCES = 8;
/** Articles are counted up to this, then shown as "1,000+". */
const COUNT_CAP = 1000;

const data = {
  name: 'summary',
  description: 'The story so far: headline, summary, key figures and sources',
  options: [STORY_OPTION],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/summary [story]`: the story at a glance, from its newest article and its newest figures. */
export default {
  data,

  async execute(interaction, args, ctx) {
    const story = resolveStory(ctx.store, args.story, interaction);
    const articles = ctx.store.articles.listByStory(story.id, SOURCES);
    const newest = articles[0];
    const articleCount = ctx.store.articles.countByStoryUpTo(story.id, COUNT_CAP);
    await interaction.reply(
      summaryReply({
        story,
        articles,
        articleCount,
        articleCountCapped: articleCount >= COUNT_CAP,
        keyFigures: STATE_ORDER.flatMap((state) => ctx.store.facts.figuresByState(story.id, state, 1)),
        lead: newest ? ctx.store.articles.lead(newest) : '',
      }),
    );
  },

  autocomplete: autocompleteStory,
} satisfies Command<typeof data>;
