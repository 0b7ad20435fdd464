import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('the main clause a participle of saying hangs on', () => {
  it('reads an irregular past tense as the main verb ("sought", "built", "left")', () => {
    expect(
      quotes(
        'The mayor sought to calm the crowd, and took a heckler in stride, saying the man would “not be hurt” at ' +
          'the rally.',
      ),
    ).toEqual([['reported', 'the man would “not be hurt” at the rally', 'mayor']]);
  });

  it('does not read a word in brackets after a name as its verb', () => {
    expect(quotes('Ana Lind (left) met the voters in Leeds, but claimed the count was rigged.')).toEqual([
      ['reported', 'the count was rigged', 'Ana Lind'],
    ]);
  });
});

describe('the reporter’s comment on what was said', () => {
  it('ends the clause before "a swipe at …"', () => {
    expect(quotes('The minister said the levy was a tax on renters, a swipe at the housing plan.')).toEqual([
      ['reported', 'the levy was a tax on renters', 'minister'],
    ]);
  });

  it('ends the clause after a quote’s closing mark before "an apparent reference to …"', () => {
    expect(
      quotes('The mayor said the levy was “a tax on renters,” an apparent reference to the housing plan.'),
    ).toEqual([['reported', 'the levy was “a tax on renters”', 'mayor']]);
  });

  it('keeps a gloss set into the clause between commas', () => {
    expect(
      quotes(
        'The minister said that if the council votes for a “full levy,” meaning every tenant would pay, the plan ' +
          'could fail.',
      ),
    ).toEqual([
      [
        'reported',
        'if the council votes for a “full levy,” meaning every tenant would pay, the plan could fail',
        'minister',
      ],
    ]);
  });
});

describe('the words between "told" and its "that"', () => {
  it('reads a place whose state is set off by two commas', () => {
    expect(
      quotes(
        'The mayor told a crowd in Keswick, Cumbria, on the last day of the campaign that the levy was “a tax on ' +
          'renters.”',
      ),
    ).toEqual([['reported', 'the levy was “a tax on renters”', 'mayor']]);
    expect(
      quotes(
        'The mayor is telling voters at a busy Keswick, Cumbria, market stall that “we need you on Thursday.”',
      ),
    ).toEqual([['reported', '“we need you on Thursday”', 'mayor']]);
  });
});

describe('a verb of saying coordinated with the main clause’s by "but"', () => {
  it('reads "but now says" from the main subject', () => {
    expect(
      quotes('Tom Ashby backed the levy last year, but now says the plan is “a tax on renters.”'),
    ).toEqual([['reported', 'the plan is “a tax on renters”', 'Tom Ashby']]);
  });
});

describe('a request told to someone', () => {
  it('reads a capitalised word between a determiner and its noun as part of where it was told', () => {
    expect(quotes('The mayor told residents at a Keswick rally to “stay home on Thursday.”')).toEqual([
      ['reported', 'residents at a Keswick rally to “stay home on Thursday”', 'mayor'],
    ]);
  });
});
