import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a participle of saying right after a plural noun ("callers saying …")', () => {
  it('reads the noun phrase of an object as the speaker', () => {
    expect(
      quotes('The flood has left 40 percent of farmers saying the levee will not hold another spring.'),
    ).toEqual([['reported', 'the levee will not hold another spring', '40 percent of farmers']]);
  });

  it('reads calls and messages as what spoke', () => {
    expect(quotes('Around noon the station received dozens of calls saying the bridge had closed.')).toEqual([
      ['reported', 'the bridge had closed', 'dozens of calls'],
    ]);
  });

  it('reads a phrase set off after the clause, and one a determiner makes a noun of a verb form', () => {
    expect(
      quotes(
        'The two mayors have traded barbs for weeks, both candidates acknowledging that they could meet in a runoff.',
      ),
    ).toEqual([['reported', 'they could meet in a runoff', 'both candidates']]);
    expect(
      quotes(
        'The contest appears closer in the north, with some polls indicating that Ana Holt has a small lead.',
      ),
    ).toEqual([['reported', 'Ana Holt has a small lead', 'some polls']]);
  });

  it('reads nothing where the participle takes an object, or its phrase is the sentence’s subject', () => {
    expect(
      quotes('Ana Lind had young artists writing songs about her, and that has not happened for Holt.'),
    ).toEqual([]);
    expect(
      quotes('The share of drivers saying they want a toll is as high as a third in the north.'),
    ).toEqual([]);
  });

  it('does not take a span of time for the speaker', () => {
    expect(quotes('The council spent weeks saying the ferry would run again by June.')).toEqual([]);
  });
});
