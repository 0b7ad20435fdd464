import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a speech noun with where or when it was made before its "that"', () => {
  it('reads past "during the debate" to the clause', () => {
    expect(
      quotes(
        'Ana Lind drew fire over her remark during the debate that the ferry plan was “dead on arrival.”',
      ),
    ).toEqual([['reported', 'the ferry plan was “dead on arrival”', 'Ana Lind']]);
  });

  it('reads past "at a rally" with an adjective between', () => {
    expect(
      quotes(
        'Tom Holt lost ground after his awkward suggestion at a crowded rally that she was “nice enough.”',
      ),
    ).toEqual([['reported', 'she was “nice enough”', 'Tom Holt']]);
  });

  it('reads "X’s argument was that …" to the end of the sentence', () => {
    expect(
      quotes('Tom Holt’s main argument was that the levy “hurts farmers most” and that he would scrap it.'),
    ).toEqual([['reported', 'the levy “hurts farmers most” and that he would scrap it', 'Tom Holt']]);
  });

  it('does not read "that day" after the noun as a clause', () => {
    expect(quotes('His statement at the meeting that day was short.')).toEqual([]);
  });
});
