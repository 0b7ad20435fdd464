/**
 * What `/config feed list` and `/config feed status` show: pure functions of stored feed rows. Health is in
 * plain words (when it was last polled and with what result, the last new item, failures and the last error,
 * the next poll), with Discord timestamps so every reader sees their own timezone.
 */
import { time, TimestampStyles, type APIEmbed } from 'discord.js';
import type { FeedWithSource } from '../store/index.ts';
import { LIMITS } from './limits.ts';
import { escapeText, truncate } from './text.ts';

const COLOR = 0x3b82f6;
const when = (iso: string | null) => (iso ? time(new Date(iso), TimestampStyles.RelativeTime) : 'never');

/** The feed as a moderator names it: its name, else its URL (never a link preview: angle brackets). */
export function feedLabel(feed: FeedWithSource): string {
  return feed.name ? `${escapeText(feed.name)} (<${feed.source.url}>)` : `<${feed.source.url}>`;
}

/** One word for a feed's state. */
export function feedState(feed: FeedWithSource): string {
  if (feed.paused) return 'paused by a moderator';
  if (feed.source.pausedReason) return 'paused after repeated failures';
  if (feed.source.lastStatus === 'error') return `failing (${feed.source.failures} in a row)`;
  if (!feed.source.lastPollAt) return 'waiting for its first poll';
  return 'ok';
}

/** `/config feed list`: every feed of the server, one line each. */
export function feedsEmbed(feeds: FeedWithSource[], max: number): APIEmbed {
  const lines = feeds.map((f) => `• ${feedLabel(f)} → story \`${f.storySlug}\` — ${feedState(f)}`);
  return {
    title: `Feeds (${feeds.length} of ${max})`,
    description: truncate(lines.join('\n'), LIMITS.description),
    color: COLOR,
  };
}

/** `/config feed status`: one feed's health in plain words. */
export function feedStatusEmbed(feed: FeedWithSource, articles: number): APIEmbed {
  const s = feed.source;
  const result =
    s.lastStatus === 'ok'
      ? 'read it'
      : s.lastStatus === 'not-modified'
        ? 'nothing had changed'
        : s.lastStatus === 'error'
          ? 'it failed'
          : null;
  const fields = [
    { name: 'State', value: truncate(feedState(feed), 1024) },
    { name: 'Last poll', value: s.lastPollAt ? `${when(s.lastPollAt)}: ${result}` : 'not polled yet' },
    { name: 'Last new item', value: feed.lastNewItemAt ? when(feed.lastNewItemAt) : 'none yet' },
    { name: 'Articles from this feed', value: String(articles) },
    { name: 'Failures in a row', value: String(s.failures) },
  ];
  if (s.lastError) fields.push({ name: 'Last error', value: truncate(escapeText(s.lastError), 1024) });
  if (s.pausedReason)
    fields.push({ name: 'Why it is paused', value: truncate(escapeText(s.pausedReason), 1024) });
  const next =
    feed.paused || s.pausedReason
      ? 'none while paused'
      : time(new Date(s.nextPollAt), TimestampStyles.RelativeTime);
  fields.push({ name: 'Next poll', value: next });
  return {
    title: truncate(feed.name ?? s.title ?? s.url, LIMITS.title),
    description: `<${s.url}> → story \`${feed.storySlug}\``,
    fields: fields.map((f) => ({ ...f, inline: false })),
    color: COLOR,
  };
}
