import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('", which" after a document or a body that speaks', () => {
  it('reads "the audit -- which notes that …" for the audit', () => {
    expect(
      quotes(
        'Still, the audit -- which notes that the ferry fees are “far too low” for the route -- will help.',
      ),
    ).toEqual([['reported', 'the ferry fees are “far too low” for the route', 'audit']]);
  });

  it('reads "the council, which said …" for the council’s committee', () => {
    expect(
      quotes('The planning committee, which said the bridge was “badly overdue,” met again on Monday.'),
    ).toEqual([['reported', 'the bridge was “badly overdue”', 'planning committee']]);
  });

  it('does not read a "which" after a clause as a speaker', () => {
    expect(quotes('He lost the vote, which suggests that voters are “tired” of him.')).toEqual([]);
  });
});

describe('a relative clause whose closing comma sits inside a closing mark', () => {
  it('ends the clause at that comma', () => {
    expect(
      quotes('Ana Lind, who conceded that she was “not a natural campaigner,” won the seat on Tuesday.'),
    ).toEqual([['reported', 'she was “not a natural campaigner”', 'Ana Lind']]);
  });
});
