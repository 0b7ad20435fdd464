import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

describe('a share of people bounded by "as many as"', () => {
  it('keeps the whole quantity as the description, not "many as …"', () => {
    const body =
      'The survey was taken last week. ' +
      'As many as 35 percent of renters said the rent had doubled. ' +
      'By the end of the month, as many as two-thirds of them said they would move.';
    const result = extract({ title: 'Rents', body, published: new Date('2024-03-04T12:00:00Z') });
    expect(result.quotes.map((q) => [q.kind, q.speaker])).toEqual([
      ['reported', 'as many as 35 percent of renters'],
      ['reported', 'as many as two-thirds of them'],
    ]);
  });
});
