import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

describe('a clause after a verb of saying that follows a closed clause', () => {
  it('is not read as an inverted speaker ("said the tenants need …")', () => {
    const body =
      'The hearing ran late on Tuesday. ' +
      'She complained about "absent landlords," said the tenants need a lawyer.';
    const result = extract({ title: 'Hearing', body, published: new Date('2024-03-04T12:00:00Z') });
    expect(result.quotes.some((q) => /tenants/.test(q.speaker ?? ''))).toBe(false);
  });

  it('still reads a plural description there as the speaker', () => {
    const body = 'The city is broke, said the council members.';
    const result = extract({ title: 'City', body, published: new Date('2024-03-04T12:00:00Z') });
    expect(result.quotes.map((q) => [q.kind, q.speaker])).toEqual([['reported', 'council members']]);
  });
});
