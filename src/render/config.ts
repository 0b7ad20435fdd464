/**
 * The replies of `/config` that render stored rows (subscriptions, the audit log, a delivery's outcome), as pure
 * functions like the other commands' renderers: no Discord client, no database. Dates are Discord timestamps
 * (`time`), shown in each reader's own timezone, beside the run time in the subscription's timezone.
 */
import { channelMention, roleMention, time, TimestampStyles, userMention, type APIEmbed } from 'discord.js';
import type { RunOutcome } from '../digest/deliver.ts';
import cronstrue from 'cronstrue';
import { SYSTEM_ACTOR } from '../store/audit.ts';
import type { AuditEntry, Subscription } from '../store/index.ts';
import { LIMITS } from './limits.ts';
import { pageLabel, type PageState } from './pager.ts';
import { counted } from './count.ts';
import { escapeText, truncate } from './text.ts';

/** Audit entries on one page of `/config history`. */
export const HISTORY_PAGE = 10;

/** `Mon, 9 Mar 2026, 09:00 CET`: a run time in the subscription's own timezone. */
export function formatInZone(date: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(date);
}

/** `Mon, 9 Mar 2026, 09:00 CET (in 3 hours)`: a next run, in the digest's timezone and relative to now. */
export function nextRunText(next: Date, timezone: string): string {
  return `${formatInZone(next, timezone)} (${time(next, TimestampStyles.RelativeTime)})`;
}

/** What `/config digest send-now` tells the moderator about the delivery it attempted. */
export function outcomeText(outcome: RunOutcome, channelId: string): string {
  const channel = channelMention(channelId);
  switch (outcome.status) {
    case 'sent':
      return `Posted the digest to ${channel} (${counted(outcome.messageIds.length, 'message')}).`;
    case 'paused':
      return `Could not post to ${channel}: ${outcome.error}. The digest is paused; fix that and \`/config digest resume\`.`;
    case 'failed':
      return `Could not post to ${channel} right now: ${outcome.error}. The next digest will include this one.`;
    case 'skipped':
    case 'duplicate':
      return `Nothing was posted: ${outcome.reason}.`;
    case 'interrupted':
      return `Dispatch is restarting; the digest to ${channel} will be finished when it is back.`;
  }
}

/** One subscription in `/config show`. */
export interface ShownSubscription {
  subscription: Subscription;
  /** The story's title, or null when it was deleted. */
  storyTitle: string | null;
  next: Date;
  /** The bot may not read the channel's history, so recovery after a crash falls back to the nonce. */
  historyUnreadable?: boolean;
}

/** Digests on one page of `/config show`: each keeps a tenth of the description (about 400 characters). */
export const SHOW_PAGE = 10;

/**
 * One page of `/config show`: the digests of `page`, each cut to its share of the description; the title
 * counts every digest of the server against the limit, the footer says which page this is.
 */
export function subscriptionsEmbed(
  shown: ShownSubscription[],
  { total, max, page }: { total: number; max: number; page: PageState },
  now: Date,
): APIEmbed {
  const blocks = shown.map(({ subscription: s, storyTitle, next, historyUnreadable }) => {
    const state = s.paused ? `⏸ paused${s.pauseReason ? `: ${s.pauseReason}` : ''}` : '▶ active';
    const last = s.lastError
      ? `last error ${time(new Date(s.lastErrorAt ?? now), TimestampStyles.ShortDateTime)}: ${s.lastError}`
      : s.lastDeliveryAt
        ? `last delivered ${time(new Date(s.lastDeliveryAt), TimestampStyles.ShortDateTime)}`
        : 'not delivered yet';
    return truncate(
      [
        `**${channelMention(s.channelId)}** · ${escapeText(storyTitle ?? 'deleted story')} · \`${s.schedule}\` (${s.timezone})` +
          `${s.mentionRoleId ? ` · pings ${roleMention(s.mentionRoleId)}` : ''}${s.quiet ? '' : ' · not quiet'}`,
        `${state} · ${s.paused ? 'would run' : 'next'} ${nextRunText(next, s.timezone)}`,
        last,
        ...(historyUnreadable
          ? [
              '⚠ cannot read message history there: after a long outage a digest might be posted twice; ' +
                'give Dispatch Read Message History',
            ]
          : []),
      ].join('\n'),
      Math.floor(LIMITS.description / Math.max(1, shown.length)) - 2,
    );
  });
  return {
    title: `Digests (${total} of ${max})`,
    description: blocks.join('\n\n'),
    ...(total > page.pageSize ? { footer: { text: pageLabel(page).replace(/^p/, 'P') } } : {}),
  };
}

/**
 * A schedule as a moderator reads it, with what was typed: ``at 09:00, Monday through Friday (`0 9 * * 1-5`)``,
 * ``every hour (`hourly`)``. cronstrue words the cron expression (a preset is stored with the one it stands for).
 */
export function scheduleInWords(schedule: string, cron: string = schedule): string {
  let words: string;
  try {
    words = cronstrue.toString(cron, { use24HourTimeFormat: true, verbose: false });
  } catch {
    return `\`${schedule}\``;
  }
  // cronstrue leaves "every day" unsaid ("At 09:00"), which reads like a one-off.
  if (/^\S+ \S+ \* \* \*$/.test(cron) && words.startsWith('At ')) words += ', every day';
  return `${words.charAt(0).toLowerCase()}${words.slice(1)} (\`${schedule.replace(/`/g, "'")}\`)`;
}

/** What an audit entry did, in words: `digest.create` → `created the digest`. */
const ACTIONS: Record<string, string> = {
  'digest.create': 'created the digest',
  'digest.update': 'changed the digest',
  'digest.remove': 'removed the digest',
  'digest.pause': 'paused the digest',
  'digest.resume': 'resumed the digest',
  'digest.send-now': 'sent the digest now',
  'digest.auto-pause': 'paused the digest, which could not be delivered',
  'feed.add': 'followed a feed',
  'feed.remove': 'stopped following a feed',
  'feed.pause': 'paused a feed',
  'feed.resume': 'resumed a feed',
  'story.default': 'set the default story',
  'story.rename': 'renamed a story',
};

/** A stored value a moderator reads as it is: text in code style, or `none`. */
const plain = (value: unknown): string =>
  value === undefined || value === null || value === '' ? 'none' : `\`${String(value).replace(/`/g, "'")}\``;

/**
 * How each field of an audit snapshot reads: its name for people and its value shown as Discord shows it
 * (a channel or role as a mention, a schedule in words, yes/no as what it means). Fields not listed here are
 * internal (the cron a preset stands for) and not shown.
 */
const FIELDS: Record<
  string,
  { label: string; show: (value: unknown, snapshot: Record<string, unknown>) => string }
> = {
  channelId: { label: 'channel', show: (v) => (typeof v === 'string' ? channelMention(v) : 'none') },
  story: { label: 'story', show: plain },
  title: { label: 'title', show: (v) => (typeof v === 'string' ? `“${escapeText(v)}”` : 'none') },
  schedule: {
    label: 'schedule',
    show: (v, snapshot) =>
      typeof v === 'string'
        ? scheduleInWords(v, typeof snapshot.cron === 'string' ? snapshot.cron : v)
        : 'none',
  },
  timezone: { label: 'timezone', show: plain },
  mentionRoleId: { label: 'role', show: (v) => (typeof v === 'string' ? roleMention(v) : 'none') },
  quiet: { label: 'when nothing is new', show: (v) => (v ? 'posts nothing' : 'posts anyway') },
  paused: { label: 'state', show: (v) => (v ? 'paused' : 'active') },
  pauseReason: { label: 'pause reason', show: (v) => (typeof v === 'string' && v ? escapeText(v) : 'none') },
  outcome: { label: 'result', show: (v) => String(v) },
  url: { label: 'feed', show: (v) => (typeof v === 'string' ? `<${v}>` : 'none') },
  name: { label: 'name', show: (v) => (typeof v === 'string' && v ? escapeText(v) : 'none') },
};

/** What one audit entry changed: ``schedule: every hour (`hourly`) → at 09:00, every day (`daily 09:00`)``. */
function changes(entry: AuditEntry): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => key in FIELDS && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  const field = (key: string, snapshot: Record<string, unknown>) =>
    FIELDS[key]!.show(snapshot[key], snapshot);
  if (entry.before === null) return keys.map((k) => `${FIELDS[k]!.label} ${field(k, after)}`).join(' · ');
  if (entry.after === null)
    return `was ${keys.map((k) => `${FIELDS[k]!.label} ${field(k, before)}`).join(' · ')}`;
  return (
    keys.map((k) => `${FIELDS[k]!.label}: ${field(k, before)} → ${field(k, after)}`).join(' · ') ||
    'no change'
  );
}

/** Where an entry applies, when its changes do not say: `in #news` for a digest whose channel did not change. */
function where(entry: AuditEntry, channels: ReadonlyMap<number, string>): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  // A channel set or changed by the entry is among its changes already.
  if (before.channelId !== after.channelId) return '';
  const snapshot = entry.after === null ? before : after;
  const channelId =
    typeof snapshot.channelId === 'string'
      ? snapshot.channelId
      : entry.subscriptionId !== null
        ? channels.get(entry.subscriptionId)
        : undefined;
  return channelId ? ` in ${channelMention(channelId)}` : '';
}

/** `/config history`: one page of the audit log, newest first. */
export function historyEmbed(
  entries: AuditEntry[],
  page: number,
  total: number,
  /** The channel of each digest still configured, for entries that do not carry it (an automatic pause). */
  channels: ReadonlyMap<number, string> = new Map(),
): APIEmbed {
  const lines = entries.map((e) =>
    truncate(
      `${time(new Date(e.at), TimestampStyles.ShortDateTime)} · ${e.actorId === SYSTEM_ACTOR ? 'Dispatch' : userMention(e.actorId)} · ` +
        `**${ACTIONS[e.action] ?? e.action}**${where(e, channels)}\n${changes(e)}`,
      390,
    ),
  );
  return {
    title: 'Configuration history',
    description: lines.join('\n'),
    footer: { text: `Page ${page} of ${Math.ceil(total / HISTORY_PAGE)}` },
  };
}
