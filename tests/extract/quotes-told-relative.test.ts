import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a relative clause of the ones told before a quote', () => {
  it('is not what was told: the quote after it is the speaker’s words', () => {
    expect(
      quotes('Ana Ruiz told the mayors who gathered in the capital, "We will not raise the toll this year."'),
    ).toEqual([['direct', 'We will not raise the toll this year.', 'Ana Ruiz']]);
  });

  it('takes a quote in lower case after it, when the quote opens with a clause and ends the sentence', () => {
    expect(
      quotes(
        'Ana Ruiz told the mayors who gathered in the capital, "no one should doubt our commitment to the bridge."',
      ),
    ).toEqual([['direct', 'no one should doubt our commitment to the bridge.', 'Ana Ruiz']]);
    expect(
      quotes(
        'Ana Ruiz said on Monday, in a letter to the mayors of the valley towns, "we will not raise the toll this year."',
      ),
    ).toEqual([['direct', 'we will not raise the toll this year.', 'Ana Ruiz']]);
  });

  it('does not take a phrase in lower case with no clause of its own after it', () => {
    expect(
      quotes(
        'Ana Ruiz told the mayors who gathered in the capital, "just to keep the toll for a year."',
      ).filter(([kind]) => kind === 'direct'),
    ).toEqual([]);
  });

  it('keeps a question of who after "told" as what was told', () => {
    expect(quotes('Ana Ruiz told reporters who would pay for the road.')).toEqual([
      ['reported', 'who would pay for the road', 'Ana Ruiz'],
    ]);
  });

  it('keeps a "that" clause after the relative clause as what was told', () => {
    expect(quotes('Ana Ruiz told the farmers who run the co-op that the toll would go.')).toEqual([
      ['reported', 'the toll would go', 'Ana Ruiz'],
    ]);
  });
});
