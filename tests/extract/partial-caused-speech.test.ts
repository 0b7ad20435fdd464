import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a verb of saying a cause moved someone to ("led X to declare that …")', () => {
  it('reads the one led to speak as the speaker', () => {
    expect(
      quotes('The narrow result led Ana Lind to declare that the bridge was “as good as built.”'),
    ).toEqual([['reported', 'the bridge was “as good as built”', 'Ana Lind']]);
  });

  it('reads "prompting X to counter that …" after a comma', () => {
    expect(
      quotes(
        'The audit was shared widely, prompting council members like Tom Holt to counter that “every cent was spent.”',
      ),
    ).toEqual([['reported', '“every cent was spent”', 'Tom Holt']]);
  });

  it('reads nothing where no clause follows', () => {
    expect(quotes('The loss led the board to announce a review of the ferry plan.')).toEqual([]);
  });
});
