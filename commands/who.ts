import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import {
  autocompleteStory,
  choice,
  MAX_CHOICES,
  notInStoryReply,
  resolveStory,
  STORY_OPTION,
  storyWhileTyping,
} from '../src/bot/story.ts';
import { peopleReply, whoReply } from '../src/render/embeds.ts';
import { escapeText, truncate } from '../src/render/text.ts';

/** Latest quotes shown for a person. */
const QUOTES_SHOWN = 3;
/** People listed when no name is given. */
const PEOPLE_SHOWN = 15;

const data = {
  name: 'who',
  description: 'Who is who in the story: role, quotes and how often they are mentioned',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'person',
      description: 'A person named in the story (start typing to see who is)',
      required: false,
      autocomplete: true,
      max_length: 80,
    },
    STORY_OPTION,
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/who [person] [story]`: a person's role, other names, mentions and latest quotes; without a name, who is who. */
export default {
  data,

  async execute(interaction, args, ctx) {
    const story = resolveStory(ctx.store, args.story, interaction);
    const typed = args.person?.trim();
    if (!typed) {
      await interaction.reply(
        peopleReply(story, ctx.store.facts.entityTotals(story.id, 'person', '', PEOPLE_SHOWN)),
      );
      return;
    }
    const candidates = ctx.store.facts.entityTotals(story.id, 'person', typed, MAX_CHOICES);
    const person = candidates.find((p) => p.name.toLowerCase() === typed.toLowerCase()) ?? candidates[0];
    if (!person) {
      const name = escapeText(truncate(typed, 80));
      await interaction.reply(
        notInStoryReply(
          ctx.store,
          interaction,
          story,
          (other) => ctx.store.facts.entityTotals(other.id, 'person', typed, 1).length > 0,
          {
            missing: `Nobody called "${name}" is named in ${escapeText(story.title)}.`,
            foundIn: (stories) => `"${name}" is named in ${stories}.`,
            hint: 'Start typing in `person` to see who is, or run /who without a name.',
          },
        ),
      );
      return;
    }
    const quoted = ctx.store.facts.speakers(story.id, person.name, MAX_CHOICES);
    const quoteCount = quoted.find((s) => s.speaker.toLowerCase() === person.name.toLowerCase())?.count ?? 0;
    const quotes =
      quoteCount > 0 ? ctx.store.facts.quotes(story.id, { speaker: person.name }, QUOTES_SHOWN) : [];
    await interaction.reply(whoReply({ story, person, quotes, quoteCount }));
  },

  async autocomplete(interaction, focused, ctx) {
    if (focused.name === 'story') return autocompleteStory(interaction, focused, ctx);
    const story = storyWhileTyping(interaction, ctx);
    const people = story
      ? ctx.store.facts.entityTotals(story.id, 'person', focused.value.trim(), MAX_CHOICES)
      : [];
    await interaction.respond(people.map((p) => choice(p.role ? `${p.name} — ${p.role}` : p.name, p.name)));
  },
} satisfies Command<typeof data>;
