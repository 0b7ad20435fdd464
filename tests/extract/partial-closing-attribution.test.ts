import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('an attribution closing a sentence that quotes part of what was said', () => {
  it('reads "told the" and a name as the one told, with when and where after it', () => {
    expect(
      quotes(
        'The bridge “will not open before spring,” Maren Holt, the county engineer, told the Associated Press in ' +
          'an interview.',
      ),
    ).toEqual([['reported', 'The bridge “will not open before spring”', 'Maren Holt']]);
  });

  it('never takes the one told for the speaker', () => {
    expect(
      quotes('The levy “is a tax on renters,” Joel Pirie, a tenant organiser, told The Glasgow Herald.'),
    ).toEqual([['reported', 'The levy “is a tax on renters”', 'Joel Pirie']]);
  });

  it('reads a description set before the speaker’s name', () => {
    expect(
      quotes('The school board will vote again in March, its chairwoman, Ines Duarte, told reporters.'),
    ).toEqual([['reported', 'The school board will vote again in March', 'Ines Duarte']]);
  });

  it('does not read "that" before the attribution’s comma as a relative pronoun', () => {
    expect(
      quotes(
        '“Most families would call it a failure” if fares rose by more than that, said Colm Reddy, a transit ' +
          'analyst.',
      ),
    ).toEqual([
      ['reported', '“Most families would call it a failure” if fares rose by more than that', 'Colm Reddy'],
    ]);
  });
});

describe('an inverted speaker whose relative clause quotes', () => {
  it('ends the speaker where "who" opens the clause', () => {
    expect(
      quotes(
        'The levy “was handled so badly there is little left to do,” said a former council official who described ' +
          'the plan as “a mess.”',
      ),
    ).toEqual([
      ['reported', 'The levy “was handled so badly there is little left to do”', 'former council official'],
    ]);
  });
});

describe('an attribution set into the sentence by an owner’s description', () => {
  it('reports the clause before "her advisers said" as well as the one after', () => {
    expect(quotes('The plan was dead, her advisers said Friday, because the council had no money.')).toEqual([
      ['reported', 'The plan was dead', 'her advisers'],
      ['reported', 'because the council had no money', 'her advisers'],
    ]);
  });

  it('starts the split clause after a dash and a conjunction', () => {
    expect(
      quotes('Ana Lind had a rally that night - and the permit, his campaign said, had been hard to get.'),
    ).toEqual([['reported', 'the permit had been hard to get', 'his campaign']]);
  });
});
