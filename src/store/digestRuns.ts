import type { Db } from './db.ts';
import { fromRow, type RowOf } from './rows.ts';

/** Where a run is: recorded (about to be or being sent), sent, failed, or skipped (nothing new, or too old). */
export type RunState = 'recorded' | 'sent' | 'failed' | 'skipped';

/** One due digest of one subscription, recorded before anything is sent. */
export interface DigestRun {
  id: number;
  subscriptionId: number;
  scheduledFor: string;
  kind: 'scheduled' | 'manual';
  state: RunState;
  nonce: string;
  contentSince: string;
  contentUntil: string;
  /** The Discord message ids accepted so far, one per message of the digest, in order. */
  messageIds: string[];
  messageId: string | null;
  attempts: number;
  error: string | null;
  /** The process sending it (its instance id), or null when nobody is: then recovery may take it. */
  owner: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What is recorded before sending. */
export interface RunInput {
  subscriptionId: number;
  scheduledFor: string;
  kind: DigestRun['kind'];
  nonce: string;
  contentSince: string;
  contentUntil: string;
}

/** A `digest_runs` row as SQLite returns it: the message ids are a JSON array. */
export type RunRow = RowOf<Omit<DigestRun, 'messageIds'>> & { message_ids: string };

/** A `digest_runs` row as the rest of Dispatch reads it. */
export const runFromRow = ({ message_ids, ...row }: RunRow): DigestRun => ({
  ...fromRow<Omit<DigestRun, 'messageIds'>>(row),
  messageIds: JSON.parse(message_ids) as string[],
});

/**
 * Digest runs. The UNIQUE (subscription, scheduled_for) key makes recording idempotent: two processes or two
 * triggers of the same occurrence record one run, and only the one that inserted it sends it.
 */
export function digestRunsRepo(db: Db) {
  // A run is recorded only while no other run of the subscription is being sent, by this process or another:
  // two runs in flight would both report the same news. The check and the insert are one statement.
  const insert = db.prepare<[Record<string, unknown>], RunRow>(
    `INSERT INTO digest_runs (subscription_id, scheduled_for, kind, state, nonce, content_since, content_until,
       error, owner, created_at, updated_at)
     SELECT @subscriptionId, @scheduledFor, @kind, @state, @nonce, @contentSince, @contentUntil, @error, @owner,
       @now, @now
     WHERE @state <> 'recorded' OR NOT EXISTS (
       SELECT 1 FROM digest_runs WHERE subscription_id = @subscriptionId AND state = 'recorded')
     ON CONFLICT (subscription_id, scheduled_for) DO NOTHING
     RETURNING *`,
  );
  const inProgress = db.prepare<[number], { n: number }>(
    `SELECT count(*) AS n FROM digest_runs WHERE subscription_id = ? AND state = 'recorded'`,
  );
  // Recorded runs nobody is sending: no owner, or an owner whose 'instance:' lease has expired (it crashed).
  const orphaned = db.prepare<[string], RunRow>(
    `SELECT r.* FROM digest_runs r JOIN digest_subscriptions s ON s.id = r.subscription_id
     WHERE r.state = 'recorded' AND (r.owner IS NULL OR NOT EXISTS (
       SELECT 1 FROM leases l WHERE l.name = 'instance:' || r.owner AND l.expires_at > ?))
     ORDER BY r.scheduled_for, r.id`,
  );
  const claim = db.prepare<[{ id: number; owner: string; now: string }], RunRow>(
    `UPDATE digest_runs SET owner = @owner, updated_at = @now
     WHERE id = @id AND state = 'recorded' AND (owner IS NULL OR owner = @owner OR NOT EXISTS (
       SELECT 1 FROM leases l WHERE l.name = 'instance:' || digest_runs.owner AND l.expires_at > @now))
     RETURNING *`,
  );
  const release = db.prepare<[number, string]>(
    `UPDATE digest_runs SET owner = NULL WHERE id = ? AND owner = ? AND state = 'recorded'`,
  );
  const byOccurrence = db.prepare<[number, string], RunRow>(
    'SELECT * FROM digest_runs WHERE subscription_id = ? AND scheduled_for = ?',
  );
  const pending = db.prepare<[], RunRow>(
    `SELECT r.* FROM digest_runs r JOIN digest_subscriptions s ON s.id = r.subscription_id
     WHERE r.state = 'recorded' ORDER BY r.scheduled_for, r.id`,
  );
  const lastScheduled = db.prepare<[number], { at: string | null }>(
    `SELECT max(scheduled_for) AS at FROM digest_runs WHERE subscription_id = ? AND kind = 'scheduled'`,
  );
  const addMessage = db.prepare<[string, string, number]>(
    `UPDATE digest_runs SET message_ids = json_insert(message_ids, '$[#]', ?), updated_at = ? WHERE id = ?`,
  );
  const attempt = db.prepare<[string | null, string, number]>(
    'UPDATE digest_runs SET attempts = attempts + 1, error = ?, updated_at = ? WHERE id = ?',
  );
  const finish = db.prepare<[RunState, string | null, string, number]>(
    `UPDATE digest_runs SET state = ?, error = ?, updated_at = ?,
       message_id = coalesce(message_id, json_extract(message_ids, '$[0]')) WHERE id = ?`,
  );

  const record = (
    input: RunInput,
    state: RunState,
    error: string | null,
    owner: string | null,
    now: Date,
  ): DigestRun | undefined => {
    const row = insert.get({ ...input, state, error, owner, now: now.toISOString() });
    return row && runFromRow(row);
  };

  return {
    /**
     * Records a run about to be sent by `owner` (an instance id); undefined when this occurrence was already
     * recorded (by anyone) or another run of the subscription is still being sent.
     */
    record(input: RunInput, owner: string, now: Date): DigestRun | undefined {
      return record(input, 'recorded', null, owner, now);
    },
    /** Records an occurrence that will not be sent (nothing new, or missed too long ago), with why. */
    skip(input: RunInput, reason: string, now: Date): DigestRun | undefined {
      return record(input, 'skipped', reason, null, now);
    },
    /** Whether a run of the subscription is recorded and not finished (being sent, or waiting for recovery). */
    inProgress(subscriptionId: number): boolean {
      return inProgress.get(subscriptionId)!.n > 0;
    },
    /** Recorded runs that nobody alive is sending at `now`: what recovery finishes, oldest first. */
    orphaned(now: Date): DigestRun[] {
      return orphaned.all(now.toISOString()).map(runFromRow);
    },
    /** Takes a recorded run for `owner` unless a live process is sending it; undefined when it could not. */
    claim(id: number, owner: string, now: Date): DigestRun | undefined {
      const row = claim.get({ id, owner, now: now.toISOString() });
      return row && runFromRow(row);
    },
    /** Lets go of a run `owner` stopped sending before it finished, so recovery takes it at once. */
    release(id: number, owner: string): void {
      release.run(id, owner);
    },
    byOccurrence(subscriptionId: number, scheduledFor: string): DigestRun | undefined {
      const row = byOccurrence.get(subscriptionId, scheduledFor);
      return row && runFromRow(row);
    },
    /** Runs recorded but not known to be sent: what a restart must finish, oldest first. */
    pending(): DigestRun[] {
      return pending.all().map(runFromRow);
    },
    /** The latest scheduled occurrence recorded for a subscription, in any state. */
    lastScheduled(subscriptionId: number): string | null {
      return lastScheduled.get(subscriptionId)?.at ?? null;
    },
    /** Stores the id of one more accepted message, right after Discord returns it. */
    addMessage(id: number, messageId: string, now: Date): void {
      addMessage.run(messageId, now.toISOString(), id);
    },
    /** Counts one attempt at sending, with the error it met (null when it went through). */
    attempt(id: number, error: string | null, now: Date): void {
      attempt.run(error, now.toISOString(), id);
    },
    markSent(id: number, now: Date): void {
      finish.run('sent', null, now.toISOString(), id);
    },
    markFailed(id: number, error: string, now: Date): void {
      finish.run('failed', error, now.toISOString(), id);
    },
    /** Closes a recorded run that turned out to have nothing to send, with why. */
    markSkipped(id: number, reason: string, now: Date): void {
      finish.run('skipped', reason, now.toISOString(), id);
    },
  };
}

export type DigestRunsRepo = ReturnType<typeof digestRunsRepo>;
