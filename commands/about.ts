import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { packageVersion, send } from '../src/commands/common.ts';
import { aboutReply } from '../src/render/embeds.ts';

/** Read once: the version cannot change while the process runs. */
const VERSION = packageVersion();

/** `/about`: the version, what is stored, and when the last article came in. */
export default {
  data: {
    name: 'about',
    description: 'About Dispatch: version, stories and articles stored, last update',
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,

  async execute(interaction, ctx) {
    const stats = ctx.db.articles.stats();
    await send(
      interaction,
      aboutReply({
        version: VERSION,
        articles: stats.count,
        stories: ctx.db.stories.count(),
        lastIngestAt: stats.lastIngestedAt,
        latest: ctx.db.stories.latest(),
        storyList: ctx.db.stories.search('', 10),
      }),
    );
  },
} satisfies Command;
