import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('where a thing was said, between its verb and what was said', () => {
  it('reads "as X noted in an op-ed Thursday, …" as X’s words', () => {
    expect(
      quotes(
        'But as the Daily Courier noted in an op-ed Thursday, the mayor “has won a few friends up north.”',
      ),
    ).toEqual([['reported', 'the mayor “has won a few friends up north”', 'Daily Courier']]);
  });

  it('reads "as X wrote on Facebook, …" as X’s words', () => {
    expect(quotes('As Ana Lind wrote on Facebook, the ferry “is a lifeline, not a luxury.”')).toEqual([
      ['reported', 'the ferry “is a lifeline, not a luxury”', 'Ana Lind'],
    ]);
  });

  it('reads "said in a statement to reporters that …"', () => {
    expect(quotes('Tom Holt said in a statement to reporters that the levy was “a tax on renters.”')).toEqual(
      [['reported', 'the levy was “a tax on renters”', 'Tom Holt']],
    );
  });
});

describe('"kept" before a participle of saying', () => {
  it('reads "X kept asking her why …" as X’s question', () => {
    expect(
      quotes('Tom Holt kept asking her why the council had blamed “outside agitators” for the fire.'),
    ).toEqual([['reported', 'why the council had blamed “outside agitators” for the fire', 'Tom Holt']]);
  });

  it('reads "X keeps saying that …"', () => {
    expect(quotes('Ana Lind keeps saying that the bridge is “perfectly safe.”')).toEqual([
      ['reported', 'the bridge is “perfectly safe”', 'Ana Lind'],
    ]);
  });
});
