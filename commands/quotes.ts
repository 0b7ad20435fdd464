import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import { customId } from '../src/bot/command.ts';
import type { Ctx } from '../src/bot/context.ts';
import {
  autocompleteStory,
  choice,
  MAX_CHOICES,
  notInStoryReply,
  resolveStory,
  STORY_OPTION,
  storyById,
  storyWhileTyping,
} from '../src/bot/story.ts';
import { counted } from '../src/render/count.ts';
import { safe } from '../src/render/text.ts';
import { pageButtonArgs } from '../src/render/pager.ts';
import { quotesReply, type ReplyPayload } from '../src/render/embeds.ts';
import type { Story } from '../src/store/index.ts';

/** Quotes per page: five fields of up to ~900 characters stay well inside the 6000 of a message. */
export const PAGE_SIZE = 5;
/** Quotes are counted this far past the current page, then shown as "200+ pages". */
const COUNT_AHEAD = 1000;

/**
 * One page of a story's quotes. The buttons carry `quotes:<story id>:<page>:<speaker>`, everything needed to
 * draw any other page, so paging works on a message sent before a restart.
 */
export function quotesPage(ctx: Ctx, story: Story, speaker: string | undefined, page: number): ReplyPayload {
  const offset = page * PAGE_SIZE;
  const cap = offset + PAGE_SIZE + COUNT_AHEAD;
  const total = ctx.store.facts.countQuotesUpTo(story.id, speaker, cap);
  return quotesReply({
    story,
    speaker,
    quotes: total > offset ? ctx.store.facts.quotes(story.id, { speaker }, PAGE_SIZE, offset) : [],
    state: { page, pageSize: PAGE_SIZE, total, capped: total >= cap },
    idFor: (target) => customId('quotes', story.id, target, speaker ?? ''),
  });
}

/**
 * The speaker a member meant: the quoted name equal to what was typed, or else the most quoted name that
 * contains it as a word ("Putin" is "Vladimir Putin", since quotes store the fullest name). Unmatched text is
 * kept as typed, so the reply can say that nobody of that name is quoted.
 */
export function resolveSpeaker(ctx: Ctx, story: Story, typed: string): string {
  const candidates = ctx.store.facts.speakers(story.id, typed, MAX_CHOICES);
  const lower = typed.toLowerCase();
  const exact = candidates.find((c) => c.speaker.toLowerCase() === lower);
  if (exact) return exact.speaker;
  const word = new RegExp(`(^|[^\\p{L}])${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu');
  return candidates.find((c) => word.test(c.speaker))?.speaker ?? candidates[0]?.speaker ?? typed;
}

const data = {
  name: 'quotes',
  description: 'What was said: direct quotes and reported speech, with who said it and where',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'speaker',
      description: 'Only quotes from this person (start typing to see who is quoted)',
      required: false,
      autocomplete: true,
      max_length: 80,
    },
    STORY_OPTION,
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/quotes [speaker] [story]`: quotes with speaker, role, date and source, direct and reported told apart. */
export default {
  data,

  async execute(interaction, args, ctx) {
    const story = resolveStory(ctx.store, args.story, interaction);
    const typed = args.speaker?.trim();
    const speaker = typed ? resolveSpeaker(ctx, story, typed) : undefined;
    if (typed && speaker !== undefined && ctx.store.facts.countQuotesUpTo(story.id, speaker, 1) === 0) {
      const name = safe(typed, 80);
      await interaction.reply(
        notInStoryReply(
          ctx.store,
          interaction,
          story,
          (other) => ctx.store.facts.speakers(other.id, typed, 1).length > 0,
          {
            missing: `Nobody called ${name} is quoted in ${safe(story.title, 120)}.`,
            foundIn: (stories) => `${name} is quoted in ${stories}.`,
            hint: 'Start typing in `speaker` to see who is.',
          },
        ),
      );
      return;
    }
    await interaction.reply(quotesPage(ctx, story, speaker, 0));
  },

  async autocomplete(interaction, focused, ctx) {
    if (focused.name === 'story') return autocompleteStory(interaction, focused, ctx);
    const story = storyWhileTyping(interaction, ctx);
    const speakers = story ? ctx.store.facts.speakers(story.id, focused.value.trim(), MAX_CHOICES) : [];
    await interaction.respond(
      speakers.map((s) => choice(`${s.speaker} (${counted(s.count, 'quote')})`, s.speaker)),
    );
  },

  async button(interaction, ctx, args) {
    const [storyId, page] = pageButtonArgs.parse(args.slice(0, 2));
    const speaker = args.slice(2).join(':') || undefined;
    await interaction.update(
      quotesPage(ctx, storyById(ctx.store, storyId, interaction.guildId), speaker, page),
    );
  },
} satisfies Command<typeof data>;
