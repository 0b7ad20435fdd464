/**
 * The `story` option the member-facing commands share: its registration JSON, resolving it to a stored story,
 * and its autocomplete. Lives outside `commands/` because the loader treats every module there as a command.
 */
import { ApplicationCommandOptionType, type AutocompleteInteraction } from 'discord.js';
import { z } from 'zod';
import type { Ctx } from './context.ts';
import { UserError } from '../errors.ts';
import { escapeText, truncate } from '../render/text.ts';
import type { Store, Story } from '../store/index.ts';

/** The optional, autocompleted `story` option every story command has. */
export const STORY_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'story',
  description: 'Which story (default: the one with the latest article)',
  required: false,
  autocomplete: true,
  max_length: 100,
} as const;

/** Discord's limit on autocomplete choices, and on a choice's name and value. */
export const MAX_CHOICES = 25;
const CHOICE_TEXT = 100;

const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a story slug is lowercase letters, digits and dashes');

/**
 * The story a command is about: the one named by `story` (a slug, as autocomplete fills it in), or the story
 * of the latest article. A name that is not a story is the member's mistake, answered with what to do. Only
 * stories the server may see count: the shared ones and its own feeds' (`guildId`), never another server's.
 */
export function resolveStory(store: Store, slug: string | null | undefined, guildId: string | null): Story {
  if (slug === null || slug === undefined || slug.trim() === '') {
    const latest = store.stories.latest(guildId);
    if (!latest) throw new UserError('No stories have been ingested yet, so there is nothing to show.');
    return latest;
  }
  const parsed = slugSchema.safeParse(slug);
  const story = parsed.success ? store.stories.bySlug(parsed.data, guildId) : undefined;
  if (!story) {
    throw new UserError(
      `No story called "${escapeText(truncate(slug, 100))}" — try /about for the stories I know, or pick one ` +
        'from the suggestions as you type.',
    );
  }
  return story;
}

/**
 * The story an autocomplete is for: what the member has typed in `story` if it is a known slug, else the
 * latest story (the one the command would use).
 */
export function storyWhileTyping(interaction: AutocompleteInteraction, ctx: Ctx): Story | undefined {
  const typed = interaction.options.getString('story');
  const guildId = interaction.guildId;
  return (
    (typed ? ctx.store.stories.bySlug(typed.trim().toLowerCase(), guildId) : undefined) ??
    ctx.store.stories.latest(guildId)
  );
}

/** An autocomplete choice, cut to Discord's 100 characters. */
export function choice(name: string, value: string): { name: string; value: string } {
  return { name: truncate(name, CHOICE_TEXT), value: value.slice(0, CHOICE_TEXT) };
}

/** Suggests stories whose slug or title contains what was typed; the value is the slug. */
export async function autocompleteStory(interaction: AutocompleteInteraction, ctx: Ctx): Promise<void> {
  const typed = interaction.options.getFocused();
  const stories = ctx.store.stories.search(typed.trim(), MAX_CHOICES, interaction.guildId);
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
