import { stripInvisible } from './invisible.ts';

/** Longer than this is not a byline but a paragraph a feed put in its author field: cut, with an ellipsis. */
export const AUTHOR_MAX_CHARS = 120;

/**
 * An author's name as stored: invisible characters removed (src/ingest/invisible.ts), white space and line
 * breaks collapsed to single spaces, a leading "By " dropped, at most {@link AUTHOR_MAX_CHARS} characters
 * (counted in code points, so an emoji is never split); null when nothing is left. Feeds and pages fill their
 * author fields loosely ("\n  Jane Doe\n", a whole bio), and every way an author enters the store (files, feed
 * items, article links) goes through here. Not render/text.ts's `truncate`: that one loads discord.js, which
 * the extraction workers that store feed items never need.
 */
export function cleanAuthor(name: string | null | undefined): string | null {
  if (typeof name !== 'string') return null;
  // A byline element's text ("By Sven Aalto") is read whole; the "By" is the page's wording, not the name.
  const clean = stripInvisible(name)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '');
  if (!clean) return null;
  const chars = [...clean];
  if (chars.length <= AUTHOR_MAX_CHARS) return clean;
  return `${chars
    .slice(0, AUTHOR_MAX_CHARS - 1)
    .join('')
    .trimEnd()}…`;
}
