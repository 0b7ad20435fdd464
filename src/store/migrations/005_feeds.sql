-- migrate: foreign-keys-off
-- Live news from feeds and article links, kept apart per server.
--
-- A story now belongs to a scope: '' is shared by every server (files in ARTICLES_DIR, operator feeds), a guild
-- id is that one server's (its moderators' feeds), so a server's feeds and what they bring are never shown to
-- another. Slugs are unique within a scope, which needs the table rebuilt (the 12-step procedure, with
-- foreign keys off for this migration only; ids are kept, so every reference stays valid).
CREATE TABLE stories_scoped (
  id          INTEGER PRIMARY KEY,
  guild_id    TEXT NOT NULL DEFAULT '',         -- '' shared with every server, else the one server it belongs to
  slug        TEXT NOT NULL,
  title       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (guild_id, slug)
);
INSERT INTO stories_scoped (id, guild_id, slug, title, created_at)
  SELECT id, '', slug, title, created_at FROM stories;
DROP TABLE stories;
ALTER TABLE stories_scoped RENAME TO stories;

-- What dedupe and revisions need on an article. Articles of a guild's story carry the guild's id too, so a
-- duplicate is only ever looked for within the same scope.
ALTER TABLE articles ADD COLUMN guild_id TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN canonical_url TEXT;   -- https, no www., no tracking parameters or fragment
ALTER TABLE articles ADD COLUMN body_hash TEXT;       -- sha256 of the body's words: the same text under another link
ALTER TABLE articles ADD COLUMN announce INTEGER NOT NULL DEFAULT 1; -- 0: stored by a feed's baseline, not news
ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 0; -- times its text changed after it was first stored
ALTER TABLE articles ADD COLUMN revision_note TEXT;   -- what the last revision changed, for digests
CREATE INDEX articles_scope_canonical ON articles(guild_id, canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX articles_scope_body ON articles(guild_id, body_hash) WHERE body_hash IS NOT NULL;
CREATE INDEX articles_scope_outlet ON articles(guild_id, source, ingested_at);

-- One row per feed URL: what fetching it needs, shared by every server that follows it, so a URL followed by
-- many servers is fetched once per poll.
CREATE TABLE feed_sources (
  id                 INTEGER PRIMARY KEY,
  url                TEXT NOT NULL UNIQUE,
  title              TEXT,                      -- the feed's own title, once read
  etag               TEXT,
  last_modified      TEXT,
  next_poll_at       TEXT NOT NULL,             -- ISO instant; spread over the interval so polls do not bunch
  failures           INTEGER NOT NULL DEFAULT 0,-- consecutive failed polls
  first_failure_at   TEXT,                      -- when the current run of failures began
  last_poll_at       TEXT,
  last_status        TEXT CHECK (last_status IN ('ok', 'not-modified', 'error')),
  last_error         TEXT,                      -- a sentence, for `feed status` and the operator
  last_ok_at         TEXT,
  paused_reason      TEXT,                      -- set when failures paused it; a resume clears it
  paused_at          TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX feed_sources_due ON feed_sources(next_poll_at) WHERE paused_reason IS NULL;

-- A server (or the operator, guild_id '') following a feed into one of its stories.
CREATE TABLE feeds (
  id                 INTEGER PRIMARY KEY,
  source_id          INTEGER NOT NULL REFERENCES feed_sources(id) ON DELETE CASCADE,
  guild_id           TEXT NOT NULL DEFAULT '',
  story_slug         TEXT NOT NULL,
  name               TEXT,
  paused             INTEGER NOT NULL DEFAULT 0,-- paused by a moderator
  baseline_done      INTEGER NOT NULL DEFAULT 0,-- 1 once its first poll stored what the feed already held
  last_new_item_at   TEXT,
  notice_sent_at     TEXT,                      -- the one notice of a health pause, so it is sent once
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  UNIQUE (guild_id, source_id)
);
CREATE INDEX feeds_source ON feeds(source_id);

-- Items seen in a feed: (feed, guid) is the first and surest "already stored".
CREATE TABLE feed_items (
  feed_id            INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  guid               TEXT NOT NULL,
  article_id         INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  item_hash          TEXT NOT NULL,             -- the item as the feed last gave it: unchanged means nothing to do
  first_seen_at      TEXT NOT NULL,
  PRIMARY KEY (feed_id, guid)
) WITHOUT ROWID;
CREATE INDEX feed_items_article ON feed_items(article_id);
