/**
 * The one notice a server's moderators get when failures pause a feed they follow: posted in the channel of
 * the server's first digest subscription, then remembered (`notice_sent_at`), so it is one notice, not one per
 * poll. A server with no digest has nowhere to be told; `/config feed status` still shows the reason.
 */
import type { Clock } from '../clock.ts';
import type { MessageSender } from '../digest/deliver.ts';
import type { Logger } from '../log.ts';
import { escapeText, truncate } from '../render/text.ts';
import type { Store } from '../store/index.ts';

/** The message body of a pause notice; plain text, escaped, pinging nobody. */
export function pauseNotice(feed: { url: string; name: string | null; reason: string }) {
  const what = feed.name ? `${escapeText(feed.name)} (<${feed.url}>)` : `<${feed.url}>`;
  return {
    content: truncate(
      `The feed ${what} is paused: ${escapeText(feed.reason)}. A moderator can try it again with ` +
        '`/config feed resume`, or remove it with `/config feed remove`.',
      2000,
    ),
    allowed_mentions: { parse: [] as never[] },
  };
}

/** Sends every pending pause notice once. A notice that fails to send is tried again on the next tick. */
export async function sendPauseNotices(deps: {
  store: Store;
  sender: MessageSender;
  clock: Clock;
  log: Logger;
}): Promise<number> {
  let sent = 0;
  for (const feed of deps.store.feeds.allFeeds()) {
    if (!feed.guildId || !feed.source.pausedReason || feed.noticeSentAt) continue;
    const subscription = deps.store.subscriptions.byGuild(feed.guildId)[0];
    if (!subscription) {
      // Nowhere to post: mark it, so the check is not repeated every tick; `feed status` shows the reason.
      deps.store.feeds.setNoticeSent(feed.id, deps.clock.now());
      continue;
    }
    try {
      await deps.sender.post(`/channels/${subscription.channelId}/messages`, {
        body: pauseNotice({ url: feed.source.url, name: feed.name, reason: feed.source.pausedReason }),
      });
      deps.store.feeds.setNoticeSent(feed.id, deps.clock.now());
      sent++;
    } catch (error) {
      deps.log.warn({ guildId: feed.guildId, err: (error as Error).message }, 'feed pause notice not sent');
    }
  }
  return sent;
}
