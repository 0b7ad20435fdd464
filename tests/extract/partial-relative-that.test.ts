import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('"that" followed by a verb in the past tense after a noun of speech', () => {
  it('reads a relative clause, not what was said', () => {
    expect(quotes('Ana Ruiz repeated the promise that won her the mayors’ support last spring.')).toEqual([]);
  });

  it('still reads a report that found or cited something as saying it', () => {
    expect(
      quotes('The council pointed to a report from the agency that found rising costs on every route.'),
    ).toEqual([['reported', 'found rising costs on every route', 'agency']]);
  });

  it('still reads a clause whose subject a past form describes', () => {
    expect(quotes('Ruiz rejected the claim by the union that paid staff would lose their jobs.')).toEqual([
      ['reported', 'paid staff would lose their jobs', 'union'],
    ]);
  });
});
