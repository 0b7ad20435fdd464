-- Writing an article's facts costs a statement per fact, not three. The per-row triggers that indexed each quote
-- for search (001), copied the article's date into each quote and figure, counted each quote's speaker and
-- counted each mention (003) ran extra statements, some rewriting index entries, for every row: for a 1 MB
-- article (6,000 quotes, 13,000 mentions) that held the one write transaction, and with it the event loop, for
-- seconds. The fact repository now does this itself, once per article or entity (src/store/facts.ts).
-- The delete triggers stay: removing an article or its facts still subtracts exactly what it added.
DROP TRIGGER quotes_fts_insert;
DROP TRIGGER quotes_published_at;
DROP TRIGGER figures_published_at;
DROP TRIGGER quote_speakers_insert;
DROP TRIGGER entities_mention_count;
