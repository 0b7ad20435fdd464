/**
 * What the member-facing commands share: the `story` option, resolving it to a stored story, story
 * autocomplete, and sending a reply. Lives outside `commands/` because the loader treats every module there
 * as a command.
 */
import { existsSync, readFileSync } from 'node:fs';
import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { z } from 'zod';
import type { Ctx } from '../bot/context.ts';
import { UserError } from '../errors.ts';
import type { ReplyPayload } from '../render/embeds.ts';
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
 * of the latest article. A name that is not a story is the member's mistake, answered with what to do.
 */
export function resolveStory(db: Store, slug: string | null | undefined): Story {
  if (slug === null || slug === undefined || slug.trim() === '') {
    const latest = db.stories.latest();
    if (!latest) throw new UserError('No stories have been ingested yet, so there is nothing to show.');
    return latest;
  }
  const parsed = slugSchema.safeParse(slug);
  const story = parsed.success ? db.stories.bySlug(parsed.data) : undefined;
  if (!story) {
    throw new UserError(
      `No story called "${escapeText(truncate(slug, 100))}" — try /about for the stories I know, or pick one ` +
        'from the suggestions as you type.',
    );
  }
  return story;
}

/** The story a command's `story` option names, or the latest one. */
export function storyOf(interaction: ChatInputCommandInteraction, ctx: Ctx): Story {
  return resolveStory(ctx.db, interaction.options.getString('story'));
}

/**
 * The story an autocomplete is for: what the member has typed in `story` if it is a known slug, else the
 * latest story (the one the command would use).
 */
export function storyWhileTyping(interaction: AutocompleteInteraction, ctx: Ctx): Story | undefined {
  const typed = interaction.options.getString('story');
  return (typed ? ctx.db.stories.bySlug(typed.trim().toLowerCase()) : undefined) ?? ctx.db.stories.latest();
}

/** An autocomplete choice, cut to Discord's 100 characters. */
export function choice(name: string, value: string): { name: string; value: string } {
  return { name: truncate(name, CHOICE_TEXT), value: value.slice(0, CHOICE_TEXT) };
}

/** Suggests stories whose slug or title contains what was typed; the value is the slug. */
export async function autocompleteStory(interaction: AutocompleteInteraction, ctx: Ctx): Promise<void> {
  const typed = interaction.options.getFocused();
  const stories = ctx.db.stories.search(typed.trim(), MAX_CHOICES);
  await interaction.respond(stories.map((s) => choice(`${s.title} (${s.slug})`, s.slug)));
}

/** Answers a command with a public reply. */
export async function send(interaction: ChatInputCommandInteraction, payload: ReplyPayload): Promise<void> {
  await interaction.reply(payload);
}

/** Replaces the message a button sits on (a page turn). */
export async function update(interaction: ButtonInteraction, payload: ReplyPayload): Promise<void> {
  await interaction.update(payload);
}

/** Parses the state a page button carries: `[storyId, page, …rest]`. */
export const pageArgs = z.tuple([
  z.coerce.number().int().positive(),
  z.coerce.number().int().min(0).max(100_000),
]);

/** The story a page button refers to; it can have been deleted since the message was sent. */
export function storyById(db: Store, id: number): Story {
  const story = db.stories.byId(id);
  if (!story) throw new UserError('That story is no longer stored; run the command again.');
  return story;
}

/** Dispatch's version, from package.json (found from here in the source tree and in a build). */
export function packageVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    const url = new URL(up, import.meta.url);
    if (existsSync(url)) {
      const { version } = JSON.parse(readFileSync(url, 'utf8')) as { version?: string };
      if (version) return version;
    }
  }
  return 'unknown';
}
