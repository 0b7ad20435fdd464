import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

describe('a role after the name that holds a list', () => {
  it('gives the name, not an item of the list, as the speaker', () => {
    const body =
      'The camps near the border filled up again this week. ' +
      'Marta Ilves, deputy minister for housing, schools, and public transport, said the new tents would arrive soon.';
    const result = extract({ title: 'Camps fill up', body, published: new Date('2024-03-04T12:00:00Z') });
    expect(result.quotes.map((q) => [q.kind, q.speaker])).toEqual([['reported', 'Marta Ilves']]);
  });
});
