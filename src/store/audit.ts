import type { Db } from './db.ts';

/** One configuration change. `before`/`after` are the JSON-able states, null for "none". */
export interface AuditEntry {
  id: number;
  guildId: string;
  /** The user who made the change, or {@link SYSTEM_ACTOR} when Dispatch made it (e.g. an automatic pause). */
  actorId: string;
  action: string;
  subscriptionId: number | null;
  before: unknown;
  after: unknown;
  at: string;
}

/** The actor of changes Dispatch makes by itself. */
export const SYSTEM_ACTOR = 'dispatch';

interface Row {
  id: number;
  guild_id: string;
  actor_id: string;
  action: string;
  subscription_id: number | null;
  before_json: string | null;
  after_json: string | null;
  at: string;
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/** The audit log: append-only, read newest first per guild, for `/config history`. */
export function auditRepo(db: Db) {
  const insert = db.prepare<[Record<string, unknown>]>(
    `INSERT INTO audit_log (guild_id, actor_id, action, subscription_id, before_json, after_json, at)
     VALUES (@guildId, @actorId, @action, @subscriptionId, @before, @after, @at)`,
  );
  const byGuild = db.prepare<[string, number, number], Row>(
    'SELECT * FROM audit_log WHERE guild_id = ? ORDER BY id DESC LIMIT ? OFFSET ?',
  );
  const countByGuild = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM audit_log WHERE guild_id = ?',
  );

  return {
    add(entry: Omit<AuditEntry, 'id' | 'at'>, at: Date): void {
      insert.run({
        ...entry,
        before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
        at: at.toISOString(),
      });
    },
    /** A guild's changes, newest first. */
    byGuild(guildId: string, limit = 20, offset = 0): AuditEntry[] {
      return byGuild.all(guildId, limit, offset).map((row) => ({
        id: row.id,
        guildId: row.guild_id,
        actorId: row.actor_id,
        action: row.action,
        subscriptionId: row.subscription_id,
        before: parse(row.before_json),
        after: parse(row.after_json),
        at: row.at,
      }));
    },
    countByGuild(guildId: string): number {
      return countByGuild.get(guildId)!.n;
    },
  };
}

export type AuditRepo = ReturnType<typeof auditRepo>;
