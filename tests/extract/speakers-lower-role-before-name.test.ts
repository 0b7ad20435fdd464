import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

describe('a lower-case role written before a full name after an opening phrase', () => {
  it('gives the person as the speaker, though the role word is also a verb ("coach", "party")', () => {
    const body =
      'The season ended on Saturday. ' +
      'After the final whistle, coach Tom Hale said the team had played its best game. ' +
      'When the count was over, party leader Ana Lind said the result was fair.';
    const result = extract({ title: 'Season ends', body, published: new Date('2024-03-04T12:00:00Z') });
    expect(result.quotes.map((q) => [q.kind, q.speaker])).toEqual([
      ['reported', 'Tom Hale'],
      ['reported', 'Ana Lind'],
    ]);
  });
});
