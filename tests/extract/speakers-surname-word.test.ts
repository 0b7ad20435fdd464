import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

describe('a surname that is also an auxiliary, after a given name', () => {
  it('is part of the name, not the verb\'s "will" or "long": George Will, Russell Long', () => {
    const body =
      'The budget drew fire from the right this week. ' +
      'Syndicated columnist George Will said the plan would fail. ' +
      'Senator Russell Long also said the tax was a mistake.';
    const result = extract({ title: 'Budget under fire', body, published: new Date('2024-03-04T12:00:00Z') });
    expect(result.quotes.map((q) => [q.kind, q.speaker])).toEqual([
      ['reported', 'George Will'],
      ['reported', 'Russell Long'],
    ]);
  });

  it('still strips a lower-case "will" before the verb', () => {
    const body = 'Ana Lind will say the plan failed, her office said on Monday.';
    const result = extract({ title: 'Plan', body, published: new Date('2024-03-04T12:00:00Z') });
    expect(result.quotes.some((q) => q.speaker === 'Ana Lind will')).toBe(false);
  });
});
