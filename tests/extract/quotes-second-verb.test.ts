import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a second verb of saying after a quoted fragment in the same sentence', () => {
  it('gives a participle set off by a colon the sentence’s subject, and reports the quote once', () => {
    const found = quotes(
      'Coun. Ruth Okafor said the budget was “a betrayal”, adding: “We will vote it down on Thursday.”',
    );
    expect(found.filter((q) => q[0] === 'direct')).toEqual([
      ['direct', 'We will vote it down on Thursday.', 'Ruth Okafor'],
    ]);
    expect(found.filter((q) => q[1] === '“We will vote it down on Thursday”')).toEqual([]);
  });

  it('gives a verb joined by "but" or "and" the sentence’s subject', () => {
    expect(
      quotes(
        'Coun. Ruth Okafor called the budget “a betrayal,” but quickly added: “We will talk to them.”',
      ).filter((q) => q[0] === 'direct'),
    ).toEqual([['direct', 'We will talk to them.', 'Ruth Okafor']]);
    expect(
      quotes(
        'Coun. Ruth Okafor called the budget “a betrayal” and then said, “We will talk to them.”',
      ).filter((q) => q[0] === 'direct'),
    ).toEqual([['direct', 'We will talk to them.', 'Ruth Okafor']]);
  });
});
