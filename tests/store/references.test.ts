import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openDatabase } from '../../src/store/db.ts';
import { referenceCount } from '../../src/store/facts.ts';
import { onCleanup, SEED_TIME, tempDir } from '../support/helpers.ts';

/** A quote at `start` in a sentence that starts at `sentenceStart`: the sentence text puts it where it is. */
function quoteAt(text: string, start: number, sentenceStart: number, sentenceLength = 200) {
  const lead = 'x'.repeat(start - sentenceStart);
  const sentence = `${lead}${text}`.padEnd(sentenceLength, '.');
  return { text, start, end: start + text.length, sentence };
}

describe('how often an article refers to a person (what /who calls "mentioned")', () => {
  it('counts each naming when nobody quotes them', () => {
    expect(
      referenceCount(
        [
          { start: 0, end: 5 },
          { start: 40, end: 45 },
        ],
        [],
      ),
    ).toBe(2);
  });

  it('counts a quote and the naming in its sentence once', () => {
    // `Ozerov says Russia would need …`: one naming, one quote, one sentence.
    expect(referenceCount([{ start: 100, end: 106 }], [quoteAt('Russia would need', 112, 100)])).toBe(1);
  });

  it('counts a quote attributed through a description or pronoun, which names nobody', () => {
    // Two quotes in one sentence, only one of them attributed by name; a third by name in the next sentence.
    const namings = [
      { start: 330, end: 343 },
      { start: 400, end: 406 },
    ];
    const quotes = [
      quoteAt('about 1,000 personnel will remain', 100, 0, 390),
      quoteAt('about 1,000 personnel would remain', 350, 0, 390),
      quoteAt('Russia would need two battalions', 412, 400),
    ];
    expect(referenceCount(namings, quotes)).toBe(3);
  });

  it('is never less than the quotes nor the namings', () => {
    const namings = [0, 10, 20].map((start) => ({ start, end: start + 5 }));
    const quotes = [quoteAt('one', 2, 0, 30), quoteAt('two', 300, 290, 30), quoteAt('three', 600, 590, 30)];
    const count = referenceCount(namings, quotes);
    expect(count).toBe(5);
    expect(count).toBeGreaterThanOrEqual(Math.max(namings.length, quotes.length));
  });
});

describe('migration 011 on a store written before mentions counted quotes', () => {
  it('brings each person up to at least the quotes attributed to them, in the totals /who reads too', () => {
    const db = openDatabase(join(tempDir(), 'dispatch.db'), { migrate: false });
    onCleanup(() => db.open && db.close());
    migrate(
      db,
      loadMigrations().filter((m) => m.version < 11),
    );
    db.exec(`
      INSERT INTO stories (id, slug, title, created_at) VALUES (1, 's', 'S', '${SEED_TIME}');
      INSERT INTO articles (id, story_id, source_key, title, body, content_hash, extractor_version, ingested_at,
          updated_at)
        VALUES (1, 1, 'a.txt', 'A', 'Ozerov said three things.', 'h', 1, '${SEED_TIME}', '${SEED_TIME}');
      INSERT INTO quotes (article_id, story_id, ordinal, kind, text, speaker, sentence, start_at, end_at)
        VALUES (1, 1, 0, 'direct', 'one', 'Viktor Ozerov', 'one', 0, 3),
               (1, 1, 1, 'direct', 'two', 'Viktor Ozerov', 'two', 4, 7),
               (1, 1, 2, 'direct', 'three', 'Viktor Ozerov', 'three', 8, 13);
      INSERT INTO entities (id, article_id, story_id, kind, name, aliases, mention_count)
        VALUES (1, 1, 1, 'person', 'Viktor Ozerov', '[]', 1), (2, 1, 1, 'person', 'Somebody Else', '[]', 2);
    `);
    migrate(db);
    const totals = db.prepare('SELECT name, mentions FROM entity_totals ORDER BY name').all();
    expect(totals).toEqual([
      { name: 'Somebody Else', mentions: 2 },
      { name: 'Viktor Ozerov', mentions: 3 },
    ]);
  });
});
