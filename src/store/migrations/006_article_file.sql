-- The file an article was read from (an absolute path), so that deleting the file removes the article: an
-- article with a URL is identified by the URL, so its source_key does not say which file it came from.
-- NULL for articles that came from no file (a feed) and for articles stored before this migration until
-- their file is read again.
ALTER TABLE articles ADD COLUMN file TEXT;
CREATE INDEX articles_file ON articles(file) WHERE file IS NOT NULL;
