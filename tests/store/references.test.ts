import { describe, expect, it } from 'vitest';
import { referenceCount } from '../../src/store/facts.ts';

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
