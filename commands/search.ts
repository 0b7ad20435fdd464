import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { Command } from '../src/bot/command.ts';
import { autocompleteStory, STORY_OPTION, resolveStory } from '../src/bot/story.ts';
import { UserError } from '../src/errors.ts';
import { searchReply } from '../src/render/embeds.ts';
import { toFtsQuery } from '../src/store/search.ts';

/** Matches shown of each kind (quotes, articles). */
const HITS = 5;

/** A query must hold at least one word; punctuation alone cannot be searched for. */
const querySchema = z
  .string()
  .trim()
  .refine((text) => toFtsQuery(text) !== null, 'Type at least one word to search for.');

const data = {
  name: 'search',
  description: 'Search the articles and quotes of a story',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'query',
      description: 'Words to look for (all must match)',
      required: true,
      min_length: 2,
      max_length: 100,
    },
    STORY_OPTION,
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/search query [story]`: full-text search over the story's articles and quotes, newest matches first. */
export default {
  data,

  async execute(interaction, args, ctx) {
    const parsed = querySchema.safeParse(args.query);
    if (!parsed.success)
      throw new UserError(parsed.error.issues[0]?.message ?? 'That cannot be searched for.');
    const story = resolveStory(ctx.store, args.story, interaction.guildId);
    await interaction.reply(
      searchReply(parsed.data, story, ctx.store.search.recent(parsed.data, story.id, HITS)),
    );
  },

  autocomplete: autocompleteStory,
} satisfies Command<typeof data>;
