import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a report of a report whose inner subject the article has not named before', () => {
  it('reads the inner attribution of a full name, a description or a name with its role', () => {
    expect(quotes('The Herald reported that Ana Ruiz said the new bridge would be a gift to Leith.')).toEqual(
      [
        ['reported', 'Ana Ruiz said the new bridge would be a gift to Leith', 'Herald'],
        ['reported', 'the new bridge would be a gift to Leith', 'Ana Ruiz'],
      ],
    );
    expect(quotes('The Herald reported that the mayor said the bridge would open in May.')).toEqual([
      ['reported', 'the mayor said the bridge would open in May', 'Herald'],
      ['reported', 'the bridge would open in May', 'mayor'],
    ]);
    expect(
      quotes('Tom Hale claimed that Ana Ruiz, the treasurer, had warned that the levy would rise.'),
    ).toEqual([
      ['reported', 'Ana Ruiz, the treasurer, had warned that the levy would rise', 'Tom Hale'],
      ['reported', 'the levy would rise', 'Ana Ruiz'],
    ]);
  });

  it('does not read a verb with an object, or one after a pronoun, as a report inside the clause', () => {
    expect(
      quotes('Ana Ruiz warned on Monday that she would declare an emergency if the river rose.'),
    ).toEqual([['reported', 'she would declare an emergency if the river rose', 'Ana Ruiz']]);
    expect(quotes('The Herald wrote that the council had claimed a loss of $9 million in 2019.')).toEqual([
      ['reported', 'the council had claimed a loss of $9 million in 2019', 'Herald'],
    ]);
  });
});
