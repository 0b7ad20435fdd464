-- The near-duplicate lookup (recentOfSite in src/store/feeds.ts) asks for a site's articles of the last days.
-- With the index of 005 on (guild_id, canonical_url) alone, SQLite read every article the site ever had, body
-- included, to test its ingested_at: a cost that grew with the site's history on every new item. With
-- ingested_at in the index, old articles are skipped in the index and only the recent ones are read.
DROP INDEX articles_scope_canonical;
CREATE INDEX articles_scope_canonical ON articles(guild_id, canonical_url, ingested_at)
  WHERE canonical_url IS NOT NULL;
