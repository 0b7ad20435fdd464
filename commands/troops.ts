import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { autocompleteStory, STORY_OPTION, resolveStory } from '../src/bot/story.ts';
import { troopsReply } from '../src/render/embeds.ts';
import { STATE_ORDER } from '../src/render/figures.ts';

/** Figures listed per state: the newest three of each state already fill most of the 6000 characters of a message. */
const PER_STATE = 3;
/** Older figures are counted up to this, then shown as "200+". */
const COUNT_CAP = 200;

const data = {
  name: 'troops',
  description: 'Force figures: how many are deployed, remain, withdrew or are needed, and who says so',
  options: [STORY_OPTION],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * `/troops [story]`: every force figure with its state, qualifier, whose forces, where, who gave it, the
 * sentence and the article, grouped by state with what remains first.
 */
export default {
  data,

  async execute(interaction, args, ctx) {
    const story = resolveStory(ctx.store, args.story, interaction);
    const groups = STATE_ORDER.map((state) => {
      const figures = ctx.store.facts.figuresByState(story.id, state, PER_STATE);
      // Only a full list can have more behind it; counting is skipped otherwise.
      const total =
        figures.length < PER_STATE
          ? figures.length
          : ctx.store.facts.countFiguresUpTo(story.id, state, COUNT_CAP);
      return { state, figures, total, capped: total >= COUNT_CAP };
    });
    await interaction.reply(troopsReply(story, groups));
  },

  autocomplete: autocompleteStory,
} satisfies Command<typeof data>;
