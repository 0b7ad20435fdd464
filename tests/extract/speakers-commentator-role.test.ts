import { describe, expect, it } from 'vitest';
import { people, quotes } from '../support/extract.ts';

describe('a commentator’s role before the name', () => {
  it('is a role, not part of the name', () => {
    const body = 'Columnist Ruth Vale said the plan was doomed. "It cannot work," Vale said.';
    expect(quotes(body).map(([, , speaker]) => speaker)).toEqual(['Ruth Vale', 'Ruth Vale']);
    expect(people(body)).toEqual(['Ruth Vale']);
  });

  it('restated alone, names the commentator', () => {
    const body =
      'Ruth Vale, a Democratic pollster, spoke on Monday. "Turnout will decide it," the pollster said.';
    expect(quotes(body).map(([, , speaker]) => speaker)).toEqual(['Ruth Vale']);
  });
});
