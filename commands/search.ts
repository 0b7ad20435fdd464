import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { Command } from '../src/bot/command.ts';
import { autocompleteStory, notInStoryReply, resolveStory, STORY_OPTION } from '../src/bot/story.ts';
import { UserError } from '../src/errors.ts';
import { nothingFoundReply, searchReply } from '../src/render/embeds.ts';
import { safe } from '../src/render/text.ts';
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
  description: 'Search the articles and quotes of every story, or of one',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'query',
      description: 'Words to look for (all must match)',
      required: true,
      min_length: 2,
      max_length: 100,
    },
    { ...STORY_OPTION, description: 'Only this story (default: every story)' },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/search query [story]`: full-text search over the story's articles and quotes, newest matches first. */
export default {
  data,

  async execute(interaction, args, ctx) {
    const parsed = querySchema.safeParse(args.query);
    if (!parsed.success)
      throw new UserError(parsed.error.issues[0]?.message ?? 'That cannot be searched for.');
    const query = parsed.data;
    // Without `story`, every story the server can see: a search should not miss what is one story over.
    const story = args.story ? resolveStory(ctx.store, args.story, interaction) : null;
    const hits = ctx.store.search.recent(query, story?.id ?? null, HITS, interaction.guildId);
    if (hits.quotes.length > 0 || hits.articles.length > 0) {
      await interaction.reply(searchReply(query, story, hits));
      return;
    }
    const words = `“${safe(query, 100)}”`;
    if (!story) {
      await interaction.reply(
        nothingFoundReply(`Nothing matched ${words} in any story. Try fewer or different words.`),
      );
      return;
    }
    await interaction.reply(
      notInStoryReply(
        ctx.store,
        interaction,
        story,
        (other) => {
          const found = ctx.store.search.recent(query, other.id, 1, interaction.guildId);
          return found.quotes.length + found.articles.length > 0;
        },
        {
          missing: `Nothing matched ${words} in ${safe(story.title, 120)}.`,
          foundIn: (stories) => `It is found in ${stories}, or leave out \`story\` to search every story.`,
          hint: 'Try fewer or different words.',
        },
      ),
    );
  },

  autocomplete: autocompleteStory,
} satisfies Command<typeof data>;
