import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a participle of saying after a dash and an adverb', () => {
  it('reads "… - only saying that …" for the main subject', () => {
    expect(
      quotes('Ana Lind kept quiet on the result - only saying that she felt “cautiously hopeful” about it.'),
    ).toEqual([['reported', 'she felt “cautiously hopeful” about it', 'Ana Lind']]);
  });

  it('reads "… — essentially conceding that …" for the main subject', () => {
    expect(
      quotes('Tom Holt backed the levy — essentially conceding that the old plan had been “a dead end.”'),
    ).toEqual([['reported', 'the old plan had been “a dead end”', 'Tom Holt']]);
  });
});

describe('"used to" as the main clause’s verb', () => {
  it('reads the subject of "X used to …, but now said …"', () => {
    expect(
      quotes('Ana Lind used to oppose the bridge, but now said it was “the only way forward” for the town.'),
    ).toEqual([['reported', 'it was “the only way forward” for the town', 'Ana Lind']]);
  });
});
