/**
 * Making article text safe to show on Discord. Articles are untrusted input: a sentence containing `**`, a
 * masked link, `@everyone` or `<@&role>` must show as written and do nothing else.
 */
import { escapeMarkdown } from 'discord.js';

/**
 * Escapes what Discord would read as formatting in text taken from an article, and nothing else, since every
 * backslash counts towards Discord's length limits. discord.js's `escapeMarkdown` does the markdown (bold,
 * italic, underline, strikes, spoilers, code, headings and list markers at a line's start, and backslashes),
 * knowing that an underscore inside a URL formats nothing. On top of it:
 * - every `[` and `]`, since its masked-link rule escapes only the first of `[a] [b](https://…)`;
 * - `<` where it opens a mention, channel, role, timestamp, slash command or custom emoji (`<@1>`, `<#1>`,
 *   `<t:1>`, `</x:1>`, `<:e:1>`), which markdown escaping does not cover;
 * - block quotes (`>`) and subtext (`-# `) at a line's start;
 * - `@everyone`/`@here`, broken with a zero-width space: allowed_mentions already stops the ping, this stops
 *   the highlight too.
 * Dashes, colons, parentheses and `#` elsewhere need nothing. Newlines are kept.
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
    .replace(/[[\]]/g, '\\$&')
    .replace(/<(?=[@#:/]|a:|t:)/g, '\\<')
    .replace(/^(\s*)(>|-#\s)/gm, '$1\\$2')
    .replace(/@(everyone|here)/g, '@\u200b$1');
}

/**
 * Cuts text to at most `max` characters, at a word boundary when one is near, ending in an ellipsis.
 * Never leaves a dangling backslash from an escape.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  cut = cut.replace(/\\+$/, (slashes) => (slashes.length % 2 === 1 ? slashes.slice(1) : slashes));
  return `${cut.trimEnd()}…`;
}

/** Escapes then truncates, so the escaping never pushes text past the limit. */
export function safe(text: string, max: number): string {
  return truncate(escapeText(text), max);
}

/**
 * One formatter per precision, built once: constructing an Intl.DateTimeFormat costs about a quarter of a
 * millisecond, which a reply listing a dozen dated facts would otherwise pay a dozen times.
 */
const DATE_FORMATS = {
  year: new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** A date for people: `15 Mar 2016`, or `Mar 2016` / `2016` for less precise dates; `undated` for null. */
export function formatDate(iso: string | null, precision: 'day' | 'month' | 'year' = 'day'): string {
  if (!iso) return 'undated';
  const date = new Date(iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return DATE_FORMATS[precision].format(date);
}

/**
 * `3,000–6,000` for ranges, `1,000` for single values, and `number not given` for a figure the article names
 * without counting it ("its S-400 systems will remain"), which must never read as zero.
 */
export function formatRange(min: number, max: number, counted = true): string {
  if (!counted) return 'number not given';
  const n = (v: number) => v.toLocaleString('en-US');
  return min === max ? n(min) : `${n(min)}–${n(max)}`;
}

/** A URL Discord will render as a link, or null: only http(s), with what would end a masked link encoded. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    // encodeURIComponent leaves ( and ) alone, and a ) would end the masked link early: encode by hand.
    return parsed.href.replace(
      /[()<>[\]\s]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
  } catch {
    return null;
  }
}

/** `[Title](url)` with the title escaped and cut to `max`, or the escaped title alone when there is no URL. */
export function articleLink(title: string, url: string | null, max = 120): string {
  const text = safe(title, max);
  const href = safeUrl(url);
  return href ? `[${text}](${href})` : text;
}
