import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a verb of saying whose "that" clause holds a quoted fragment', () => {
  it('is a partial quote by the subject the sentence opens on', () => {
    expect(quotes('Leith Council has been warning that it is "running out of cash."')).toEqual([
      ['reported', 'it is “running out of cash”', 'Leith Council'],
    ]);
  });

  it('is a partial quote with no speaker where the subject cannot be read', () => {
    expect(
      quotes('The flyer praises the mayor and claims that the levy is "a tax on every family in Leith."'),
    ).toEqual([['reported', 'the levy is “a tax on every family in Leith”', null]]);
    expect(
      quotes(
        'When asked about the vote, Tom Hale thought for a moment and said that in the end "the town will pay for it."',
      ),
    ).toEqual([
      ['reported', 'about the vote', null],
      ['reported', 'in the end “the town will pay for it”', null],
    ]);
  });

  it('is not read from an unquoted clause, whose subject the rules must find', () => {
    expect(
      quotes('The flyer praises the mayor and claims that the levy is a tax on every family in Leith.'),
    ).toEqual([]);
  });

  it('does not read a noun after an owner as a second verb', () => {
    expect(quotes('The mayor said in her opening remarks that the bridge was "long overdue."')).toEqual([
      ['reported', 'the bridge was “long overdue”', 'mayor'],
    ]);
  });
});
