import type { Db } from './db.ts';

/** A lease as stored: who holds it, when they last renewed it, and until when it holds without renewal. */
export interface Lease {
  name: string;
  owner: string;
  heartbeatAt: string;
  expiresAt: string;
}

interface Row {
  name: string;
  owner: string;
  heartbeat_at: string;
  expires_at: string;
}

const toLease = (row: Row): Lease => ({
  name: row.name,
  owner: row.owner,
  heartbeatAt: row.heartbeat_at,
  expiresAt: row.expires_at,
});

/**
 * Leases in the database, so that processes sharing it agree on who does what without talking to each other:
 * taking or renewing one is a single statement, so two processes can never both hold it at the same instant.
 */
export function leasesRepo(db: Db) {
  const take = db.prepare<[{ name: string; owner: string; now: string; until: string }], Row>(
    `INSERT INTO leases (name, owner, heartbeat_at, expires_at) VALUES (@name, @owner, @now, @until)
     ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, heartbeat_at = excluded.heartbeat_at,
       expires_at = excluded.expires_at
     WHERE leases.owner = excluded.owner OR leases.expires_at <= excluded.heartbeat_at
     RETURNING *`,
  );
  const byName = db.prepare<[string], Row>('SELECT * FROM leases WHERE name = ?');
  const drop = db.prepare<[string, string]>('DELETE FROM leases WHERE name = ? AND owner = ?');
  const expired = db.prepare<[string]>(`DELETE FROM leases WHERE name LIKE 'instance:%' AND expires_at <= ?`);

  return {
    /**
     * Takes the lease `name` for `owner` until `until`, or renews it if `owner` holds it. Returns whether
     * `owner` holds it now: false while another owner's lease has not expired.
     */
    take(name: string, owner: string, now: Date, until: Date): boolean {
      return take.get({ name, owner, now: now.toISOString(), until: until.toISOString() }) !== undefined;
    },
    byName(name: string): Lease | undefined {
      const row = byName.get(name);
      return row && toLease(row);
    },
    /** Gives the lease up (on a clean stop), so another process takes it at its next tick. */
    release(name: string, owner: string): void {
      drop.run(name, owner);
    },
    /** Forgets the liveness leases of processes that died long enough ago for them to have expired. */
    pruneInstances(now: Date): void {
      expired.run(now.toISOString());
    },
  };
}

export type LeasesRepo = ReturnType<typeof leasesRepo>;
