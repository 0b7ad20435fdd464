-- A person's mention count now counts every reference to them (src/store/facts.ts, referenceCount): each
-- naming, and each quote attributed to them through a description or a pronoun, so /who never says
-- "mentioned 2 times" beside "quoted 3 times". Stored articles are brought up to at least their quote count
-- here (the entity_totals_mentions trigger of 003 carries the change into the totals); re-ingesting an article
-- counts it exactly.
UPDATE entities SET mention_count = max(
    mention_count,
    (SELECT count(*) FROM quotes q WHERE q.article_id = entities.article_id AND q.speaker = entities.name)
  )
  WHERE kind = 'person';
