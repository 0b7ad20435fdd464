import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a preposition and a participle of saying set off after the subject ("Ana Lind, despite admitting …,")', () => {
  it('reads the participle for the subject, up to the comma that closes the phrase', () => {
    expect(
      quotes('Ana Lind, despite admitting that she had doubts about “greedy landlords,” backed the bill.'),
    ).toEqual([['reported', 'she had doubts about “greedy landlords”', 'Ana Lind']]);
  });

  it('reads past an appositive on the subject', () => {
    expect(
      quotes(
        'Ana Lind, a senator from Ohio, after conceding that the levy was “far too small,” voted for it anyway.',
      ),
    ).toEqual([['reported', 'the levy was “far too small”', 'Ana Lind']]);
  });

  it('reads no speaker in a phrase of time before the preposition', () => {
    expect(
      quotes(
        'In 2010, despite admitting that she had doubts about “greedy landlords,” Lind backed the bill.',
      ),
    ).toEqual([]);
  });
});
