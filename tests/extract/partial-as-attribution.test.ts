import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('an attribution opened by "as" that points back to the clause before it', () => {
  it('reports the clause when a quoted fragment closes on the comma before the "as"', () => {
    expect(quotes('The ferry line “will not survive another winter,” as Maren Holt said.')).toEqual([
      ['reported', 'The ferry line “will not survive another winter”', 'Maren Holt'],
    ]);
  });

  it('leaves the reporter’s sentence going on after the attribution to the reporter', () => {
    expect(
      quotes(
        'The worry that the ferry line “will not survive another winter,” as Maren Holt said on local radio on ' +
          'Monday, only adds to the pressure on the council.',
      ),
    ).toEqual([
      ['reported', 'The worry that the ferry line “will not survive another winter”', 'Maren Holt'],
    ]);
  });

  it('still reads an "as" set into one clause as the clause around it', () => {
    expect(
      quotes('The ferry line, as Maren Holt said on Monday, “will not survive another winter.”'),
    ).toEqual([['reported', '“will not survive another winter”', 'Maren Holt']]);
  });

  it('is no attribution in "as many as"', () => {
    expect(
      quotes('By the time the polls closed, as many as 40 percent of voters said they would stay home.').map(
        ([kind, text]) => [kind, text],
      ),
    ).toEqual([['reported', 'they would stay home']]);
  });
});

describe('a quoted fragment closing on a comma before a conjunction and a new subject', () => {
  it('ends the first clause there and reads the second verb from its own subject', () => {
    expect(
      quotes(
        'Maren Holt said the ferry line was “a lifeline for the islands,” and she said the council would vote ' +
          'on its budget in June.',
      ),
    ).toEqual([
      ['reported', 'the ferry line was “a lifeline for the islands”', 'Maren Holt'],
      ['reported', 'the council would vote on its budget in June', 'Maren Holt'],
    ]);
  });
});

describe('a verb that also takes objects, with when or where it was said before its "that"', () => {
  it('reads the clause after a year or an occasion of speaking', () => {
    expect(
      quotes('Maren Holt recalled in 2009 that the ferry line was “a lifeline for the islands.”'),
    ).toEqual([['reported', 'the ferry line was “a lifeline for the islands”', 'Maren Holt']]);
    expect(
      quotes('Maren Holt boasted in a radio interview that the ferry line was “the best in the country.”'),
    ).toEqual([['reported', 'the ferry line was “the best in the country”', 'Maren Holt']]);
  });

  it('does not read a relative clause after an object phrase as what was said', () => {
    expect(
      quotes('Maren Holt boasted of her appeal to the island voters that decide the race every four years.'),
    ).toEqual([]);
  });
});

describe('a request whose one asked has a phrase with "of"', () => {
  it('reads the word after "of" as a noun, not a verb ending the one asked', () => {
    expect(
      quotes('The tenants asked the secretary of state to “stop the evictions before winter.”').map(
        ([kind, text]) => [kind, text],
      ),
    ).toEqual([['reported', 'the secretary of state to “stop the evictions before winter”']]);
  });
});

describe('a report by someone and the clause it reported', () => {
  it('reads "a report by" a name and "that" as that name’s reported speech', () => {
    expect(
      quotes('On Friday it was a report by the Ledger that the mayor had “quietly sold” the ferry line.'),
    ).toEqual([['reported', 'the mayor had “quietly sold” the ferry line', 'Ledger']]);
  });

  it('leaves "a report from" a phrase that ends in its own verb to that verb', () => {
    expect(
      quotes(
        'A report Saturday from the harbour office claimed that the ferry line had “quietly closed.”',
      ).map(([kind, text]) => [kind, text]),
    ).toEqual([['reported', 'the ferry line had “quietly closed”']]);
  });
});

describe('"state" after a subject pronoun', () => {
  it('is the verb of saying, not the noun', () => {
    expect(
      quotes(
        'The ferry workers walked out on Monday. They state their aim is to keep the line “open all winter.”',
      ).map(([kind, text]) => [kind, text]),
    ).toEqual([['reported', 'their aim is to keep the line “open all winter”']]);
  });
});
