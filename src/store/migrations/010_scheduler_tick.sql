-- One scheduler tick instead of one cron job per subscription, and one scheduler per database.

-- When the subscription's next occurrence is due, computed by the one schedule library (cron-parser) on every
-- change: what `/config show` says and what the tick reads are the same value. NULL until the first tick
-- computes it (rows stored before this migration).
ALTER TABLE digest_subscriptions ADD COLUMN next_run_at TEXT;
CREATE INDEX digest_subscriptions_due ON digest_subscriptions(next_run_at) WHERE paused = 0;

-- The process sending a recorded run (NULL: nobody, so recovery may take it). A run whose owner's lease has
-- expired is finished by whichever process holds the scheduler lease.
ALTER TABLE digest_runs ADD COLUMN owner TEXT;

-- Leases: 'scheduler' names the one process that runs the scheduler and the ingester; 'instance:<id>' says a
-- process is alive. A lease is held while expires_at is in the future; its holder renews it on every tick.
CREATE TABLE leases (
  name         TEXT PRIMARY KEY,
  owner        TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);
