import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { defaultStory } from '../src/bot/story.ts';
import { aboutReply } from '../src/render/embeds.ts';
import { packageVersion } from '../src/version.ts';

/** Read once: the version cannot change while the process runs. */
const VERSION = packageVersion();

const data = {
  name: 'about',
  description: 'About Dispatch: version, stories and articles stored, last update',
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/about`: the version, what is stored, and when the last article came in. */
export default {
  data,

  async execute(interaction, args, ctx) {
    // Counted as this server sees the store: shared articles and its own feeds', never another server's.
    const stats = ctx.store.articles.stats(interaction.guildId);
    await interaction.reply(
      aboutReply({
        version: VERSION,
        articles: stats.count,
        stories: ctx.store.stories.count(interaction.guildId),
        lastIngestAt: stats.lastIngestedAt,
        latest: defaultStory(ctx.store, interaction),
        storyList: ctx.store.stories.search('', 10, interaction.guildId),
      }),
    );
  },
} satisfies Command<typeof data>;
