-- Stories, articles and the facts extracted from them.
-- Every fact row belongs to one article (ON DELETE CASCADE), so replacing or deleting an article replaces or
-- deletes its facts and nothing else.

CREATE TABLE stories (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE articles (
  id                 INTEGER PRIMARY KEY,
  story_id           INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  source_key         TEXT NOT NULL UNIQUE,      -- the URL if the article has one, else its file path
  url                TEXT,
  source             TEXT,                      -- the outlet, e.g. "Reuters"
  title              TEXT NOT NULL,
  body               TEXT NOT NULL,
  published_at       TEXT,                      -- ISO 8601, or NULL when unknown
  content_hash       TEXT NOT NULL UNIQUE,      -- sha256 of title, body and metadata
  summary            TEXT NOT NULL DEFAULT '[]',-- JSON array of lead sentences
  extractor_version  INTEGER NOT NULL,
  ingested_at        TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX articles_story_published ON articles(story_id, published_at);
CREATE INDEX articles_ingested ON articles(ingested_at);
CREATE INDEX articles_published ON articles(published_at);

CREATE TABLE quotes (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('direct', 'reported')),
  text        TEXT NOT NULL,
  speaker     TEXT,
  role        TEXT,
  verb        TEXT,
  sentence    TEXT NOT NULL,
  start_at    INTEGER NOT NULL,
  end_at      INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_story_speaker ON quotes(story_id, speaker);

CREATE TABLE figures (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  min_value   REAL NOT NULL,
  max_value   REAL NOT NULL,
  qualifier   TEXT,
  unit        TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('deployed', 'remaining', 'withdrawn', 'required', 'unknown')),
  who         TEXT,
  place       TEXT,
  source      TEXT,
  sentence    TEXT NOT NULL,
  start_at    INTEGER NOT NULL,
  end_at      INTEGER NOT NULL
);
CREATE INDEX figures_article ON figures(article_id);
CREATE INDEX figures_story ON figures(story_id, state);

-- People, places and organisations, one row per entity per article.
CREATE TABLE entities (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organization')),
  name        TEXT NOT NULL,
  role        TEXT,
  aliases     TEXT NOT NULL DEFAULT '[]'        -- JSON array
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_story_kind_name ON entities(story_id, kind, name);

CREATE TABLE mentions (
  entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  start_at    INTEGER NOT NULL,
  end_at      INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE timeline (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  event_date  TEXT NOT NULL,                    -- YYYY-MM-DD, YYYY-MM or YYYY
  precision   TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year')),
  approximate INTEGER NOT NULL DEFAULT 0,
  text        TEXT NOT NULL,
  start_at    INTEGER NOT NULL,
  end_at      INTEGER NOT NULL
);
CREATE INDEX timeline_article ON timeline(article_id);
CREATE INDEX timeline_story_date ON timeline(story_id, event_date);

-- Full-text search over articles and quotes, kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, coalesce(new.speaker, ''));
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, coalesce(old.speaker, ''));
END;
