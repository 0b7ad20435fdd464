import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('an attribution in brackets ("(Forbes says it tracks …)")', () => {
  it('leaves the opening bracket off the speaker and the closing one off the text', () => {
    expect(
      quotes(
        'The ferry line lost money again. (The Harbour Times says it counts another 40 “empty crossings.”) The vote came later.',
      ),
    ).toEqual([['reported', 'it counts another 40 “empty crossings”', 'Harbour Times']]);
  });

  it('reads a pronoun after the bracket for the one named before', () => {
    expect(
      quotes(
        'Ana Lind defended the levy. (She says the old ferry would have sunk without it.) The vote came later.',
      ),
    ).toEqual([['reported', 'the old ferry would have sunk without it', 'Ana Lind']]);
  });

  it('keeps a bracketed aside inside the reported clause', () => {
    expect(quotes('Ana Lind said the levy (which she opposed) would pass.')).toEqual([
      ['reported', 'the levy (which she opposed) would pass', 'Ana Lind'],
    ]);
  });

  it('reads no speaker in "Having said that"', () => {
    expect(
      quotes(
        'The levy passed. (Having said that, some economists argue that the levy is too small.) It did.',
      ),
    ).toEqual([['reported', 'the levy is too small', 'some economists']]);
  });
});
