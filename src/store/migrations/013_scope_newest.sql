-- The latest story a server sees (`/about`, and every command given no story and no default) is the story of
-- the newest article in its scope. Since 007 added articles_scope_updated on (guild_id, updated_at), SQLite
-- answered `guild_id IN ('', ?)` through that index and sorted every article of the scope in a temporary
-- B-tree, reading each row (the body comes before published_at) to get its date: about a millisecond per
-- thousand articles, on every such command. Per scope, "newest first" is now an index order, so the query takes
-- the first entry of each of the two scopes and compares two rows. story_id makes the index covering.
CREATE INDEX articles_scope_newest
  ON articles(guild_id, (published_at IS NULL), published_at DESC, id DESC, story_id);
