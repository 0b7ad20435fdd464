-- What the slash commands read, shaped so every reply is an index walk with a LIMIT, never a sort or a scan,
-- even when one story holds 100,000 articles (`npm run bench:commands`).

-- "Newest article first" (the latest story, a story's sources) as an index order. The expressions match the
-- ORDER BY of the queries exactly, which is what lets SQLite use them instead of sorting.
CREATE INDEX articles_newest ON articles((published_at IS NULL), published_at DESC, id DESC);
CREATE INDEX articles_story_newest ON articles(story_id, (published_at IS NULL), published_at DESC, id DESC);
-- `/about`: when the last article was added or changed.
CREATE INDEX articles_updated ON articles(updated_at);

-- Quotes and figures carry their article's publication date, so "newest first" within a story, a speaker or a
-- state is an index order instead of a join-and-sort over every fact of the story. Triggers keep the copy in
-- step; ingest code does not need to know.
ALTER TABLE quotes ADD COLUMN published_at TEXT;
ALTER TABLE figures ADD COLUMN published_at TEXT;
UPDATE quotes SET published_at = (SELECT a.published_at FROM articles a WHERE a.id = quotes.article_id);
UPDATE figures SET published_at = (SELECT a.published_at FROM articles a WHERE a.id = figures.article_id);
CREATE TRIGGER quotes_published_at AFTER INSERT ON quotes BEGIN
  UPDATE quotes SET published_at = (SELECT published_at FROM articles WHERE id = new.article_id) WHERE id = new.id;
END;
CREATE TRIGGER figures_published_at AFTER INSERT ON figures BEGIN
  UPDATE figures SET published_at = (SELECT published_at FROM articles WHERE id = new.article_id) WHERE id = new.id;
END;
CREATE TRIGGER articles_published_at AFTER UPDATE OF published_at ON articles BEGIN
  UPDATE quotes SET published_at = new.published_at WHERE article_id = new.id;
  UPDATE figures SET published_at = new.published_at WHERE article_id = new.id;
END;
CREATE INDEX quotes_story_newest ON quotes(story_id, (published_at IS NULL), published_at DESC, article_id DESC, ordinal);
CREATE INDEX quotes_speaker_newest
  ON quotes(story_id, speaker COLLATE NOCASE, (published_at IS NULL), published_at DESC, article_id DESC, ordinal);
CREATE INDEX figures_state_newest
  ON figures(story_id, state, (published_at IS NULL), published_at DESC, article_id DESC, ordinal);

-- Who is quoted in a story and how often: `/quotes speaker:` autocomplete reads this small table instead of
-- grouping every quote of the story. One row per speaker (case-insensitive, as quote lookups are).
CREATE TABLE quote_speakers (
  story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  speaker   TEXT NOT NULL COLLATE NOCASE,
  quotes    INTEGER NOT NULL,
  PRIMARY KEY (story_id, speaker)
) WITHOUT ROWID;
CREATE INDEX quote_speakers_rank ON quote_speakers(story_id, quotes DESC);
INSERT INTO quote_speakers (story_id, speaker, quotes)
  SELECT story_id, min(speaker), count(*) FROM quotes WHERE speaker IS NOT NULL
  GROUP BY story_id, speaker COLLATE NOCASE;
CREATE TRIGGER quote_speakers_insert AFTER INSERT ON quotes WHEN new.speaker IS NOT NULL BEGIN
  INSERT INTO quote_speakers (story_id, speaker, quotes) VALUES (new.story_id, new.speaker, 1)
    ON CONFLICT (story_id, speaker) DO UPDATE SET quotes = quotes + 1;
END;
CREATE TRIGGER quote_speakers_delete AFTER DELETE ON quotes WHEN old.speaker IS NOT NULL BEGIN
  UPDATE quote_speakers SET quotes = quotes - 1 WHERE story_id = old.story_id AND speaker = old.speaker;
  DELETE FROM quote_speakers WHERE story_id = old.story_id AND speaker = old.speaker AND quotes <= 0;
END;

-- People, places and organisations merged over a story's articles (`/who`): one row per name, with how many
-- articles name it and how often. Each entity row counts its own mentions, so removing an article (which
-- cascades to its entities, then their mentions) subtracts exactly what it added.
ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id);
CREATE TABLE entity_totals (
  story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL,
  name      TEXT NOT NULL,
  role      TEXT,
  articles  INTEGER NOT NULL,
  mentions  INTEGER NOT NULL,
  PRIMARY KEY (story_id, kind, name)
) WITHOUT ROWID;
CREATE INDEX entity_totals_rank ON entity_totals(story_id, kind, articles DESC, mentions DESC);
INSERT INTO entity_totals (story_id, kind, name, role, articles, mentions)
  SELECT story_id, kind, name, max(role), count(DISTINCT article_id), sum(mention_count) FROM entities
  GROUP BY story_id, kind, name;
CREATE TRIGGER entity_totals_insert AFTER INSERT ON entities BEGIN
  INSERT INTO entity_totals (story_id, kind, name, role, articles, mentions)
    VALUES (new.story_id, new.kind, new.name, new.role, 1, new.mention_count)
    ON CONFLICT (story_id, kind, name) DO UPDATE
      SET articles = articles + 1, mentions = mentions + excluded.mentions, role = coalesce(excluded.role, role);
END;
CREATE TRIGGER entity_totals_delete AFTER DELETE ON entities BEGIN
  UPDATE entity_totals SET articles = articles - 1, mentions = mentions - old.mention_count
    WHERE story_id = old.story_id AND kind = old.kind AND name = old.name;
  DELETE FROM entity_totals
    WHERE story_id = old.story_id AND kind = old.kind AND name = old.name AND articles <= 0;
END;
CREATE TRIGGER entities_mention_count AFTER INSERT ON mentions BEGIN
  UPDATE entities SET mention_count = mention_count + 1 WHERE id = new.entity_id;
END;
CREATE TRIGGER entity_totals_mentions AFTER UPDATE OF mention_count ON entities BEGIN
  UPDATE entity_totals SET mentions = mentions + new.mention_count - old.mention_count
    WHERE story_id = new.story_id AND kind = new.kind AND name = new.name;
END;
