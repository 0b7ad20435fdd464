/**
 * The `story` option the member-facing commands share: its registration JSON, resolving it to a stored story,
 * and its autocomplete. Lives outside `commands/` because the loader treats every module there as a command.
 */
import { ApplicationCommandOptionType, type AutocompleteInteraction } from 'discord.js';
import type { Ctx } from './context.ts';
import { UserError } from '../errors.ts';
import { nothingFoundReply, type ReplyPayload } from '../render/embeds.ts';
import { escapeText, truncate } from '../render/text.ts';
import { storySlug, type Store, type Story } from '../store/index.ts';

/** The optional, autocompleted `story` option every story command has. */
export const STORY_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'story',
  description: "Which story (default: the server's default story, else the one with the latest article)",
  required: false,
  autocomplete: true,
  max_length: 100,
} as const;

/** Discord's limit on autocomplete choices, and on a choice's name and value. */
export const MAX_CHOICES = 25;
const CHOICE_TEXT = 100;

/** Where a command runs: which server's and channel's default story applies. */
export interface StoryPlace {
  guildId: string | null;
  channelId: string | null;
}

const NOWHERE: StoryPlace = { guildId: null, channelId: null };

/**
 * The story a command answers when none is named: the channel's default, else the server's (both set with
 * `/config story default`), else the story with the latest article the server can see.
 */
export function defaultStory(store: Store, place: StoryPlace): Story | undefined {
  return (
    (place.guildId ? store.stories.defaultFor(place.guildId, place.channelId) : undefined) ??
    store.stories.latest(place.guildId)
  );
}

/**
 * The story a command is about: the one named by `story` (a slug, as autocomplete fills it in), or the
 * default of the channel or server (see {@link defaultStory}). A name that is not a story the server can see
 * is the member's mistake, answered with what to do.
 */
export function resolveStory(
  store: Store,
  slug: string | null | undefined,
  where: StoryPlace | string | null = NOWHERE,
): Story {
  // A bare guild id (tools, /config) means the server's own default, not a channel's.
  const place = typeof where === 'string' || where === null ? { guildId: where, channelId: null } : where;
  if (slug === null || slug === undefined || slug.trim() === '') {
    const story = defaultStory(store, place);
    if (!story) throw new UserError('No stories have been ingested yet, so there is nothing to show.');
    return story;
  }
  const parsed = storySlug.safeParse(slug);
  const story = parsed.success ? store.stories.bySlug(parsed.data, place.guildId) : undefined;
  if (!story) {
    throw new UserError(
      `No story called "${escapeText(truncate(slug, 100))}" — try /about for the stories I know, or pick one ` +
        'from the suggestions as you type.',
    );
  }
  return story;
}

/** What {@link notInStoryReply} says: that it is missing, where else it is found, or what to try instead. */
export interface NotInStoryText {
  /** "Nobody called … is quoted in …." */
  missing: string;
  /** The sentence naming the other stories it is in, given them as `A (add story:a) and in B (…)`. */
  foundIn(stories: string): string;
  /** What to try when no other story has it either. */
  hint: string;
}

/**
 * The reply when what a member asked for is not in the story: it says so, then names the other stories the
 * server can see where `found` holds (at most three, by slug, each with the `story:` to add), or, when
 * none does, what to try instead.
 */
export function notInStoryReply(
  store: Store,
  place: StoryPlace,
  story: Story,
  found: (other: Story) => boolean,
  text: NotInStoryText,
): ReplyPayload {
  const elsewhere = store.stories
    .search('', MAX_CHOICES, place.guildId)
    .filter((other) => other.id !== story.id && found(other))
    .slice(0, 3);
  const more =
    elsewhere.length > 0
      ? text.foundIn(
          elsewhere
            .map((other) => `${escapeText(other.title)} (add \`story:${other.slug}\`)`)
            .join(' and in '),
        )
      : text.hint;
  return nothingFoundReply(`${text.missing} ${more}`);
}

/**
 * The story an autocomplete is for: what the member has typed in `story` if it is a known slug, else the
 * story the command would use.
 */
export function storyWhileTyping(interaction: AutocompleteInteraction, ctx: Ctx): Story | undefined {
  const typed = interaction.options.getString(STORY_OPTION.name);
  return (
    (typed ? ctx.store.stories.bySlug(typed.trim().toLowerCase(), interaction.guildId) : undefined) ??
    defaultStory(ctx.store, interaction)
  );
}

/** An autocomplete choice, cut to Discord's 100 characters. */
export function choice(name: string, value: string): { name: string; value: string } {
  return { name: truncate(name, CHOICE_TEXT), value: value.slice(0, CHOICE_TEXT) };
}

/** Suggests stories whose slug or title contains what was typed in `story`; the value is the slug. */
export async function autocompleteStory(
  interaction: AutocompleteInteraction,
  focused: { name: typeof STORY_OPTION.name; value: string },
  ctx: Ctx,
): Promise<void> {
  const stories = ctx.store.stories.search(focused.value.trim(), MAX_CHOICES, interaction.guildId);
  await interaction.respond(stories.map((s) => choice(`${s.title} (${s.slug})`, s.slug)));
}

/**
 * The story a page button refers to; it can have been deleted since the message was sent. A button's custom id
 * is client data, so a story of another server is treated exactly like one that does not exist.
 */
export function storyById(store: Store, id: number, guildId: string | null): Story {
  const story = store.stories.byId(id);
  if (!story || !store.stories.visibleTo(story, guildId)) {
    throw new UserError('That story is no longer stored; run the command again.');
  }
  return story;
}
