/**
 * The replies of `/config` that render stored rows (subscriptions, the audit log, a delivery's outcome), as pure
 * functions like the other commands' renderers: no Discord client, no database. Dates are Discord timestamps
 * (`time`), shown in each reader's own timezone, beside the run time in the subscription's timezone.
 */
import { channelMention, roleMention, time, TimestampStyles, userMention, type APIEmbed } from 'discord.js';
import type { RunOutcome } from '../digest/deliver.ts';
import type { AuditEntry, Subscription } from '../store/index.ts';
import { LIMITS } from './limits.ts';
import { counted, escapeText, truncate } from './text.ts';

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

/** `/config show`: every digest of the server, each cut to its share of the description. */
export function subscriptionsEmbed(shown: ShownSubscription[], max: number, now: Date): APIEmbed {
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
  return { title: `Digests (${shown.length} of ${max})`, description: blocks.join('\n\n') };
}

/** What one audit entry changed: ``schedule: `daily 09:00` -> `weekly mon 09:00` ``. */
function changes(entry: AuditEntry): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => key !== 'cron' && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  const show = (value: unknown) =>
    value === undefined || value === null ? '—' : `\`${String(value).replace(/`/g, "'")}\``;
  if (entry.before === null) return keys.map((k) => `${k}: ${show(after[k])}`).join(', ');
  if (entry.after === null) return `was ${keys.map((k) => `${k}: ${show(before[k])}`).join(', ')}`;
  return keys.map((k) => `${k}: ${show(before[k])} -> ${show(after[k])}`).join(', ') || 'no change';
}

/** `/config history`: one page of the audit log, newest first. */
export function historyEmbed(entries: AuditEntry[], page: number, total: number): APIEmbed {
  const lines = entries.map((e) =>
    truncate(
      `${time(new Date(e.at), TimestampStyles.ShortDateTime)} · ${e.actorId === 'dispatch' ? 'Dispatch' : userMention(e.actorId)} · **${e.action}**` +
        `${e.subscriptionId ? ` #${e.subscriptionId}` : ''}\n${changes(e)}`,
      390,
    ),
  );
  return {
    title: 'Configuration history',
    description: lines.join('\n'),
    footer: { text: `Page ${page} of ${Math.ceil(total / HISTORY_PAGE)}` },
  };
}
