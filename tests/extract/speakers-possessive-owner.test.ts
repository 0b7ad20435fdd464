import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { people, published, quotes } from '../support/extract.ts';

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

  it('sees Virginia as a state there, while a woman of that given name stays a person', () => {
    const body =
      "Ward's Virginia state director, Tom Hale, said the rally was full. Virginia Moss said the hall was too small. " +
      'Moss said the crowd waited outside.';
    const facts = extract({ title: 'Test', body, published });
    expect(facts.people.map((p) => p.name)).toEqual(['Tom Hale', 'Virginia Moss']);
    expect(facts.places.map((p) => p.name)).toContain('Virginia');
    expect(quotes(body).map(([, , speaker]) => speaker)).toEqual([
      'Tom Hale',
      'Virginia Moss',
      'Virginia Moss',
    ]);
  });
});
