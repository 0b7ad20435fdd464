import { describe, expect, it } from 'vitest';
import { people, quotes } from '../support/extract.ts';

const speakers = (body: string) => quotes(body).map(([, , speaker]) => speaker);

describe('a party and state tag or a place after a name', () => {
  it('is an appositive: the speaker is the name before it', () => {
    expect(
      speakers('Sen. Ana Lind, D-Ore., a member of the budget committee, said the deal was dead.'),
    ).toEqual(['Ana Lind']);
    expect(speakers('Sen. Tom Ward, R-Ohio, appearing on a morning show, said the bill would pass.')).toEqual(
      ['Tom Ward'],
    );
    expect(speakers('Rep. Tom Ward, R-Ohio, told reporters that the vote could slip.')).toEqual(['Tom Ward']);
  });

  it('names no one in the article', () => {
    const body = 'Sen. Ana Lind, D-Ore., who faces a close race, said the deal was dead.';
    expect(people(body)).toEqual(['Ana Lind']);
  });

  it('ends on the place or name it follows, inside an appositive or a relative clause', () => {
    expect(
      speakers(
        'Ruth Hale, who lost her son in a crash in Aurora, Colorado, in 2012, said the state failed her.',
      ),
    ).toEqual(['Ruth Hale']);
    expect(
      speakers('Mary Cole, a teacher from Dayton, Ohio, attending the rally, said she would vote for him.'),
    ).toEqual(['Mary Cole']);
    expect(
      speakers(
        'Lind, who backed Sen. Tom Ward, R-Ohio, and opposed the governor in the primaries, last week said the party was split.',
      ),
    ).toEqual(['Lind']);
  });

  it('in a clause, stands after the name alone', () => {
    expect(
      speakers(
        'The army set up a task force after Sen. Ana Lind, D-Ore., a retired pilot, said in a hearing that she had been attacked.',
      ),
    ).toEqual(['Ana Lind']);
  });

  it('after "such as", gives the first named example', () => {
    expect(
      speakers(
        'The leaders remain calm despite a few early backers of the plan, such as senator Ana Lind, D-Ore., and Tom Ward, R-Ohio, now saying they think it should be changed.',
      ),
    ).toEqual(['Ana Lind']);
  });
});
