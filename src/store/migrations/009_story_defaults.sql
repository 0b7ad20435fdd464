-- The story a server's commands answer when no story is named, set by its moderators with
-- `/config story default`: one row for the whole server (channel_id ''), and one per channel that differs.
-- Without a row, commands answer the story with the newest article, as before.
CREATE TABLE story_defaults (
  guild_id    TEXT NOT NULL,
  channel_id  TEXT NOT NULL DEFAULT '',
  story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  set_by      TEXT NOT NULL,
  set_at      TEXT NOT NULL,
  PRIMARY KEY (guild_id, channel_id)
) WITHOUT ROWID;
