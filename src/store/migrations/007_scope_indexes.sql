-- `/about` counts what one server sees (shared articles and its own feeds'): the newest change per scope is one
-- step down this index, as max(updated_at) over all articles was down articles_updated.
CREATE INDEX articles_scope_updated ON articles(guild_id, updated_at);
