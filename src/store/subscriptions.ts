import type { Db } from './db.ts';
import { fromRow, type RowOf } from './rows.ts';

/** A guild's digest of one story in one channel, on a schedule, as stored. */
export interface Subscription {
  id: number;
  guildId: string;
  channelId: string;
  storyId: number;
  /** What the moderator typed: a preset (`daily 09:00`) or a cron expression, shown back as given. */
  schedule: string;
  /** The five-field cron expression the schedule stands for, read in {@link Subscription.timezone}. */
  cron: string;
  timezone: string;
  mentionRoleId: string | null;
  /** When true, a digest with nothing new posts nothing. */
  quiet: boolean;
  paused: boolean;
  pauseReason: string | null;
  /** Content added or changed after this instant is what the next digest reports. Moves only when one is sent. */
  digestSince: string;
  /** Occurrences after this instant are due: moved on set, reschedule and resume, so a pause is not "missed". */
  scheduleAnchor: string;
  /**
   * The next occurrence, computed by `nextRun` whenever the schedule changes or a run is due: the scheduler's
   * tick runs the subscriptions whose `nextRunAt` has come, and `/config show` shows this very value, so the
   * two cannot disagree. Null only for rows stored before it existed, until the first tick fills it in.
   */
  nextRunAt: string | null;
  lastDeliveryAt: string | null;
  lastMessageId: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What `/config digest set` writes. */
export type SubscriptionInput = Pick<
  Subscription,
  'guildId' | 'channelId' | 'storyId' | 'schedule' | 'cron' | 'timezone' | 'mentionRoleId' | 'quiet'
> & {
  /** The first occurrence after now of `cron` in `timezone` (`nextRun`): stored as {@link Subscription.nextRunAt}. */
  nextRunAt: Date;
};

type Row = RowOf<Subscription>;

const toSubscription = (row: Row): Subscription => fromRow<Subscription>(row, ['quiet', 'paused']);

/** Digest subscriptions and the per-guild default timezone. */
export function subscriptionsRepo(db: Db) {
  const insert = db.prepare<[Record<string, unknown>], Row>(
    `INSERT INTO digest_subscriptions (guild_id, channel_id, story_id, schedule, cron, timezone, mention_role_id,
       quiet, digest_since, schedule_anchor, next_run_at, created_by, created_at, updated_at)
     VALUES (@guildId, @channelId, @storyId, @schedule, @cron, @timezone, @mentionRoleId, @quiet, @now, @now,
       @nextRunAt, @actor, @now, @now)
     RETURNING *`,
  );
  const updateSettings = db.prepare<[Record<string, unknown>], Row>(
    `UPDATE digest_subscriptions SET schedule = @schedule, cron = @cron, timezone = @timezone,
       mention_role_id = @mentionRoleId, quiet = @quiet, updated_at = @now,
       schedule_anchor = CASE WHEN cron <> @cron OR timezone <> @timezone THEN @now ELSE schedule_anchor END,
       next_run_at = CASE WHEN cron <> @cron OR timezone <> @timezone OR next_run_at IS NULL THEN @nextRunAt
         ELSE next_run_at END
     WHERE id = @id RETURNING *`,
  );
  const byId = db.prepare<[number], Row>('SELECT * FROM digest_subscriptions WHERE id = ?');
  const byKey = db.prepare<[string, string, number], Row>(
    'SELECT * FROM digest_subscriptions WHERE guild_id = ? AND channel_id = ? AND story_id = ?',
  );
  const byGuild = db.prepare<[string], Row>(
    'SELECT * FROM digest_subscriptions WHERE guild_id = ? ORDER BY id',
  );
  const byChannel = db.prepare<[string, string], Row>(
    'SELECT * FROM digest_subscriptions WHERE guild_id = ? AND channel_id = ? ORDER BY id',
  );
  const active = db.prepare<[], Row>('SELECT * FROM digest_subscriptions WHERE paused = 0 ORDER BY id');
  const due = db.prepare<[string], Row>(
    `SELECT * FROM digest_subscriptions WHERE paused = 0 AND next_run_at <= ? ORDER BY next_run_at, id`,
  );
  const unscheduled = db.prepare<[], Row>(
    'SELECT * FROM digest_subscriptions WHERE paused = 0 AND next_run_at IS NULL ORDER BY id',
  );
  const setNextRun = db.prepare<[string, number]>(
    'UPDATE digest_subscriptions SET next_run_at = ? WHERE id = ?',
  );
  const countByGuild = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM digest_subscriptions WHERE guild_id = ?',
  );
  const remove = db.prepare<[number]>('DELETE FROM digest_subscriptions WHERE id = ?');
  const pause = db.prepare<[string | null, string, number], Row>(
    `UPDATE digest_subscriptions SET paused = 1, pause_reason = ?, updated_at = ? WHERE id = ? RETURNING *`,
  );
  const resume = db.prepare<[{ now: string; id: number; nextRunAt: string }], Row>(
    `UPDATE digest_subscriptions SET paused = 0, pause_reason = NULL, last_error = NULL, last_error_at = NULL,
       schedule_anchor = @now, next_run_at = @nextRunAt, updated_at = @now WHERE id = @id RETURNING *`,
  );
  const delivered = db.prepare<[string, string, string | null, number]>(
    `UPDATE digest_subscriptions SET digest_since = ?, last_delivery_at = ?, last_message_id = ?,
       last_error = NULL, last_error_at = NULL WHERE id = ?`,
  );
  const failed = db.prepare<[string, string, number]>(
    'UPDATE digest_subscriptions SET last_error = ?, last_error_at = ? WHERE id = ?',
  );
  const guildTimezone = db.prepare<[string], { timezone: string }>(
    'SELECT timezone FROM guild_settings WHERE guild_id = ?',
  );
  const setGuildTimezone = db.prepare<[{ guildId: string; timezone: string; now: string }]>(
    `INSERT INTO guild_settings (guild_id, timezone, updated_at) VALUES (@guildId, @timezone, @now)
     ON CONFLICT (guild_id) DO UPDATE SET timezone = excluded.timezone, updated_at = excluded.updated_at`,
  );

  const one = (row: Row | undefined) => row && toSubscription(row);

  return {
    /** Creates a subscription whose first digest reports what arrives from `now` on. */
    create(input: SubscriptionInput, actor: string, now: Date): Subscription {
      return toSubscription(
        insert.get({
          ...input,
          quiet: input.quiet ? 1 : 0,
          nextRunAt: input.nextRunAt.toISOString(),
          actor,
          now: now.toISOString(),
        })!,
      );
    },
    /**
     * Changes the schedule, role or quiet flag; a new schedule counts its occurrences from `now` and takes
     * `nextRunAt`, while an unchanged one keeps the occurrence already due.
     */
    update(
      id: number,
      input: Omit<SubscriptionInput, 'guildId' | 'channelId' | 'storyId'>,
      now: Date,
    ): Subscription {
      return toSubscription(
        updateSettings.get({
          id,
          schedule: input.schedule,
          cron: input.cron,
          timezone: input.timezone,
          mentionRoleId: input.mentionRoleId,
          quiet: input.quiet ? 1 : 0,
          nextRunAt: input.nextRunAt.toISOString(),
          now: now.toISOString(),
        })!,
      );
    },
    byId(id: number): Subscription | undefined {
      return one(byId.get(id));
    },
    byKey(guildId: string, channelId: string, storyId: number): Subscription | undefined {
      return one(byKey.get(guildId, channelId, storyId));
    },
    byGuild(guildId: string): Subscription[] {
      return byGuild.all(guildId).map(toSubscription);
    },
    byChannel(guildId: string, channelId: string): Subscription[] {
      return byChannel.all(guildId, channelId).map(toSubscription);
    },
    /** Subscriptions that are not paused: the ones the scheduler runs. */
    active(): Subscription[] {
      return active.all().map(toSubscription);
    },
    /** Active subscriptions whose next occurrence has come at `now`, the earliest first: what a tick runs. */
    due(now: Date): Subscription[] {
      return due.all(now.toISOString()).map(toSubscription);
    },
    /** Active subscriptions with no next occurrence yet (stored before the column existed). */
    unscheduled(): Subscription[] {
      return unscheduled.all().map(toSubscription);
    },
    /** Stores the next occurrence, computed by `nextRun` after a tick ran what was due. */
    setNextRun(id: number, at: Date): void {
      setNextRun.run(at.toISOString(), id);
    },
    countByGuild(guildId: string): number {
      return countByGuild.get(guildId)!.n;
    },
    /** Deletes a subscription and its runs (ON DELETE CASCADE). */
    remove(id: number): void {
      remove.run(id);
    },
    /** Pauses; `reason` says why when Dispatch paused it itself (a deleted channel, a missing permission). */
    pause(id: number, reason: string | null, now: Date): Subscription | undefined {
      return one(pause.get(reason, now.toISOString(), id));
    },
    /** Resumes: occurrences while paused are not caught up, so the schedule counts from `now`. */
    resume(id: number, now: Date, nextRunAt: Date): Subscription | undefined {
      return one(resume.get({ now: now.toISOString(), id, nextRunAt: nextRunAt.toISOString() }));
    },
    /** Records a delivered digest: the next one reports what is new after `until`. */
    markDelivered(id: number, until: string, at: Date, messageId: string | null): void {
      delivered.run(until, at.toISOString(), messageId, id);
    },
    /** Records a failed delivery, for `/config show`. */
    markError(id: number, error: string, at: Date): void {
      failed.run(error, at.toISOString(), id);
    },
    guildTimezone(guildId: string): string | undefined {
      return guildTimezone.get(guildId)?.timezone;
    },
    setGuildTimezone(guildId: string, timezone: string, now: Date): void {
      setGuildTimezone.run({ guildId, timezone, now: now.toISOString() });
    },
  };
}

export type SubscriptionsRepo = ReturnType<typeof subscriptionsRepo>;
