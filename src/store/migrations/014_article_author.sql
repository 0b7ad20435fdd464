-- Who wrote an article, when its file (`author:` front matter), its feed item (RSS author or dc:creator, Atom
-- author name, JSON Feed author name) or its page's byline (Readability) says; null when nothing does. /summary
-- lists it with the outlet.
ALTER TABLE articles ADD COLUMN author TEXT;
