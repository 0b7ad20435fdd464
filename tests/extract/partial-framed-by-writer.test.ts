import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a quote the writer frames with a phrase of their own ("Of course, Lind said, “…”")', () => {
  it('reads a phrase opening the sentence before the attribution as a partial quote', () => {
    expect(quotes('Of course, Ana Lind said, “I never rode that ferry myself.”')).toEqual([
      ['reported', 'of course, “I never rode that ferry myself”', 'Ana Lind'],
    ]);
  });

  it('reads a phrase after the verb, and keeps the sentences inside the same marks in the partial quote', () => {
    expect(
      quotes(
        'Ana Lind said on the other hand, “the old levy works fine for commuters. But the families on the islands are paying twice.”',
      ),
    ).toEqual([
      [
        'reported',
        'on the other hand, “the old levy works fine for commuters. But the families on the islands are paying twice”',
        'Ana Lind',
      ],
    ]);
  });

  it('keeps a framed quote of several capitalised sentences whole, up to its closing mark', () => {
    expect(
      quotes(
        'In fact, Ana Lind said, “I never rode that ferry. My brother took it every day.” The council met later.',
      ),
    ).toEqual([['reported', 'in fact, “I never rode that ferry. My brother took it every day”', 'Ana Lind']]);
  });

  it('leaves a quote after a plain opening word direct', () => {
    expect(quotes('Still, Ana Lind said, “The old levy works fine.”')).toEqual([
      ['direct', 'The old levy works fine.', 'Ana Lind'],
    ]);
  });
});
