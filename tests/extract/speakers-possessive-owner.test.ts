import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { published, quotes } from '../support/extract.ts';

const people = (body: string) => extract({ title: 'Test', body, published }).people.map((p) => p.name);

describe('a possessive before an organisation or a place', () => {
  it('names the owner, who is the speaker of a post introduced by a colon', () => {
    const body =
      'Ana Lind ran for mayor in 2010. From Lind’s Facebook post: "We will not give up on this city."';
    expect(quotes(body).map(([kind, , speaker]) => [kind, speaker])).toEqual([['direct', 'Ana Lind']]);
    expect(people(body)).toEqual(['Ana Lind']);
  });

  it('is no part of a person’s name', () => {
    expect(
      people('Ana Lind ran for mayor in 2010. Lind’s Twitter post said the city would not give up.'),
    ).toEqual(['Ana Lind']);
    expect(people('Tom Ward spoke on Monday. He said Ward’s Ohio voters would decide the race.')).toEqual([
      'Tom Ward',
    ]);
  });
});
