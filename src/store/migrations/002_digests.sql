-- Scheduled digests: who gets what, where and when; every run that was due; and who changed what.

-- One digest subscription: a story posted to a channel of a guild on a schedule. One per (channel, story).
CREATE TABLE digest_subscriptions (
  id               INTEGER PRIMARY KEY,
  guild_id         TEXT NOT NULL,
  channel_id       TEXT NOT NULL,
  story_id         INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  schedule         TEXT NOT NULL,               -- as the moderator typed it: a preset or a cron expression
  cron             TEXT NOT NULL,               -- the five-field cron expression it stands for
  timezone         TEXT NOT NULL,               -- IANA name the cron expression is read in
  mention_role_id  TEXT,                        -- the one role a digest may ping, or NULL
  quiet            INTEGER NOT NULL DEFAULT 1,  -- 1: post nothing when nothing is new
  paused           INTEGER NOT NULL DEFAULT 0,
  pause_reason     TEXT,
  digest_since     TEXT NOT NULL,               -- content changed after this instant is "new" for the next digest
  schedule_anchor  TEXT NOT NULL,               -- occurrences after this instant are due (set, reschedule, resume)
  last_delivery_at TEXT,
  last_message_id  TEXT,
  last_error       TEXT,
  last_error_at    TEXT,
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (guild_id, channel_id, story_id)
);
CREATE INDEX digest_subscriptions_guild ON digest_subscriptions(guild_id);

-- One run of a subscription: recorded before anything is sent, so a crash at any point is recoverable.
CREATE TABLE digest_runs (
  id               INTEGER PRIMARY KEY,
  subscription_id  INTEGER NOT NULL REFERENCES digest_subscriptions(id) ON DELETE CASCADE,
  scheduled_for    TEXT NOT NULL,               -- the cron occurrence (or the instant of a send-now)
  kind             TEXT NOT NULL DEFAULT 'scheduled' CHECK (kind IN ('scheduled', 'manual')),
  state            TEXT NOT NULL CHECK (state IN ('recorded', 'sent', 'failed', 'skipped')),
  nonce            TEXT NOT NULL,               -- base of the Discord message nonces, derived from the two above
  content_since    TEXT NOT NULL,
  content_until    TEXT NOT NULL,
  message_ids      TEXT NOT NULL DEFAULT '[]',  -- JSON array, one id per message of the digest as each is accepted
  message_id       TEXT,                        -- the first message, once the whole digest is sent
  attempts         INTEGER NOT NULL DEFAULT 0,
  error            TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (subscription_id, scheduled_for)
);
CREATE INDEX digest_runs_pending ON digest_runs(state) WHERE state = 'recorded';

-- Every configuration change: who, when, what before, what after (JSON, NULL for none).
CREATE TABLE audit_log (
  id               INTEGER PRIMARY KEY,
  guild_id         TEXT NOT NULL,
  actor_id         TEXT NOT NULL,               -- a user id, or 'dispatch' for changes the bot made itself
  action           TEXT NOT NULL,
  subscription_id  INTEGER,
  before_json      TEXT,
  after_json       TEXT,
  at               TEXT NOT NULL
);
CREATE INDEX audit_log_guild ON audit_log(guild_id, id DESC);

-- Per-guild defaults: the timezone new subscriptions use when none is given.
CREATE TABLE guild_settings (
  guild_id         TEXT PRIMARY KEY,
  timezone         TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
