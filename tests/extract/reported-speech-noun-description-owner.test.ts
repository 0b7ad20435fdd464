import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a speech noun owned by a description ("the mayor’s warning that …")', () => {
  it('reads the description as the speaker', () => {
    expect(
      quotes('The council ignored the engineer’s warning that the old bridge would not last the winter.'),
    ).toEqual([['reported', 'the old bridge would not last the winter', 'engineer']]);
  });

  it('reads a plural owner written with a bare apostrophe', () => {
    expect(quotes('Fares have stayed low, belying the bankers’ warnings that they would double.')).toEqual([
      ['reported', 'they would double', 'bankers'],
    ]);
  });

  it('reads assurances as speech', () => {
    expect(
      quotes('The board accepted the charity’s assurances that no donor had directed its work.'),
    ).toEqual([['reported', 'no donor had directed its work', 'charity']]);
  });
});
