import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('an absolute phrase of a name and a participle of saying, with no "with"', () => {
  it('reads "– Lind saying …" after a dash for the name', () => {
    expect(
      quotes(
        'Both mayors left the talks upbeat – Ana Lind saying she was “quite hopeful” and Tom Holt calling it a “good start.”',
      ),
    ).toEqual([['reported', 'she was “quite hopeful”', 'Ana Lind']]);
  });

  it('reads ", Lind saying that …" after a comma for the name', () => {
    expect(quotes('The two sides met on Monday, Ana Lind saying that the deal was “nearly done.”')).toEqual([
      ['reported', 'the deal was “nearly done”', 'Ana Lind'],
    ]);
  });
});
