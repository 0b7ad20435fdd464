/** What the `/config feed` subcommands share: finding the server's feed, its audit snapshot, and errors. */
import type { Ctx } from '../../src/bot/context.ts';
import { UserError } from '../../src/errors.ts';
import { feedByUrl, FeedRequestError } from '../../src/feeds/manage.ts';
import type { FeedWithSource } from '../../src/store/index.ts';
import type { GuildInteraction } from './shared.ts';

/** Runs `fn`, turning a refused feed request into the moderator's mistake (an ephemeral sentence). */
export function asUserError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof FeedRequestError) throw new UserError(error.message);
    throw error;
  }
}

/** The server's feed with this URL, or a UserError naming what to do. */
export function findFeed(ctx: Ctx, guildId: string, url: string): FeedWithSource {
  return asUserError(() => feedByUrl(ctx.store, guildId, url));
}

/** A feed as the audit log keeps it. */
export function feedSnapshot(feed: FeedWithSource | null): Record<string, unknown> | null {
  return feed && { url: feed.source.url, story: feed.storySlug, name: feed.name, paused: feed.paused };
}

/** Writes one feed change to the audit log. */
export function auditFeed(
  ctx: Ctx,
  interaction: GuildInteraction,
  action: string,
  before: FeedWithSource | null,
  after: FeedWithSource | null,
): void {
  ctx.store.audit.add(
    {
      guildId: interaction.guildId,
      actorId: interaction.user.id,
      action,
      subscriptionId: null,
      before: feedSnapshot(before),
      after: feedSnapshot(after),
    },
    ctx.clock.now(),
  );
}
