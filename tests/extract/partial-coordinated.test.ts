import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a partial quote after a verb coordinated with the main clause', () => {
  it('reads the subject of the first verb across "and then"', () => {
    expect(
      quotes(
        'Mayor Ines Carvalho scolded the council during a town hall and then tweeted that its budget was ' +
          '“a disgrace.”',
      ),
    ).toEqual([['reported', 'its budget was “a disgrace”', 'Ines Carvalho']]);
  });

  it('takes the pronoun opening the sentence when the first verb is one the lexicon does not know', () => {
    expect(
      quotes(
        'The mayor Ines Carvalho spoke in Leeds. She rails against the port levy and pledges to fight its ' +
          '“backroom deals” in court.',
      ),
    ).toEqual([['reported', 'to fight its “backroom deals” in court', 'Ines Carvalho']]);
  });

  it('reads nothing after "and then" when the verb names what was said instead of reporting a clause', () => {
    expect(quotes('The judge Tom Ashby rubbed his chin and then said something very strange.')).toEqual([]);
  });

  it('does not take a sentence’s first name for a verb after punctuation opening another clause', () => {
    expect(
      quotes(
        'Ana Lind rails against fares, and the council (its members rail against repairs and suggest that ' +
          'fares fund them).',
      ).filter((q) => q[2] === 'Ana Lind'),
    ).toEqual([]);
  });

  it('ends the clause before the next verb’s "and then"', () => {
    expect(
      quotes(
        'Ines Carvalho answered by saying she should not have called Holt a “lightweight,” and then pointed out ' +
          'that Holt had never run a city.',
      ),
    ).toEqual([
      ['reported', 'she should not have called Holt a “lightweight”', 'Ines Carvalho'],
      ['reported', 'Holt had never run a city', 'Ines Carvalho'],
    ]);
  });
});

describe('a partial quote that is a clause of two words', () => {
  it('keeps a two-word clause after "that"', () => {
    expect(quotes('The minister Claire Dufour declared that austerity “works.”')).toEqual([
      ['reported', 'austerity “works”', 'Claire Dufour'],
    ]);
  });

  it('keeps a pronoun with its verb contracted onto it and one word', () => {
    expect(
      quotes('Compare that with Claire Dufour, who says it’s “reckless.”').filter((q) => q[0] === 'reported'),
    ).toEqual([['reported', 'it’s “reckless”', 'Claire Dufour']]);
  });

  it('drops two words whose verb is left out', () => {
    expect(quotes('Claire Dufour was asked if she would run again. Dufour said she would.')).toEqual([
      ['reported', 'if she would run again', null],
    ]);
  });

  it('drops two words after "that" that are the object of the verb and a participle', () => {
    expect(quotes('The Herald confirmed that observation, reporting:')).toEqual([]);
  });
});

describe('a partial quote in a relative clause', () => {
  it('reads a relative clause set off by dashes for the name before it, up to the closing dash', () => {
    expect(
      quotes(
        'Mayor Ines Carvalho - who once said she would “tear up” the port deal - said on Monday that the deal ' +
          'would stand.',
      ),
    ).toEqual([
      ['reported', 'she would “tear up” the port deal', 'Ines Carvalho'],
      ['reported', 'the deal would stand', 'Ines Carvalho'],
    ]);
  });

  it('reads a restrictive relative after the object of a regular past tense, and the participle for the subject', () => {
    expect(
      quotes(
        'Mayor Ines Carvalho rebuked critics who say the levy is “a tax on the poor,” saying it would fund ' +
          'repairs.',
      ),
    ).toEqual([
      ['reported', 'the levy is “a tax on the poor”', 'critics'],
      ['reported', 'it would fund repairs', 'Ines Carvalho'],
    ]);
  });
});

describe('a partial quote after "told" and a programme named in quotation marks', () => {
  it('reads the clause after the programme without "that"', () => {
    expect(
      quotes(
        'The minister Claire Dufour told CBC’s “The House” on Saturday the deal was “not on the table.”',
      ),
    ).toEqual([['reported', 'the deal was “not on the table”', 'Claire Dufour']]);
  });
});

describe('a phrase of time or place before a pronoun subject without a comma', () => {
  it('reads the pronoun as the subject and resolves it', () => {
    expect(
      quotes(
        'Mayor Ines Carvalho faced the council. At the town hall this week she said the levy was “a mistake.”',
      ),
    ).toEqual([['reported', 'the levy was “a mistake”', 'Ines Carvalho']]);
  });

  it('ends the clause before that phrase when it opens the next attribution in the sentence', () => {
    expect(
      quotes(
        'Mayor Ines Carvalho faced the council. Although in May she said the levy was fair, at the town hall ' +
          'this week she said it was “an error.”',
      ),
    ).toEqual([
      ['reported', 'the levy was fair', 'Ines Carvalho'],
      ['reported', 'it was “an error”', 'Ines Carvalho'],
    ]);
  });

  it('gives a direct quote after "In 2019 she said" to the person the pronoun points to', () => {
    expect(
      quotes(
        'Mayor Ines Carvalho spoke in Leeds. In 2019 she said of the port: “It will never be sold.”',
      ).map((q) => q[2]),
    ).toEqual(['Ines Carvalho']);
  });

  it('does not read a relative clause before the pronoun as such a phrase', () => {
    // The relative clause's own subject reports what was said, which ends where the main clause's verb comes back.
    expect(
      quotes(
        "Mayor Ines Carvalho's news conference on Tuesday, in which she laid out the budget but then announced " +
          'that she would not run again, was her last.',
      ),
    ).toEqual([['reported', 'she would not run again', 'Ines Carvalho']]);
  });
});

describe('words that frame a clause before its subject', () => {
  it('reads the subject after "That is why"', () => {
    expect(quotes('That is why critics say the levy would “gut” the port.')).toEqual([
      ['reported', 'the levy would “gut” the port', 'critics'],
    ]);
  });

  it('reads the subject after a cleft "It was … ago that"', () => {
    expect(
      quotes(
        'It was less than two years ago that Ines Carvalho, who now leads the council, said a levy was ' +
          '“out of the question.”',
      ),
    ).toEqual([['reported', 'a levy was “out of the question”', 'Ines Carvalho']]);
  });
});

describe('a reflexive after the subject', () => {
  it('reads "Lind himself said" as said by Lind, resolved to the full name', () => {
    expect(
      quotes('The minister Tom Ashby spoke in Leeds. Ashby himself said the plan was “far from dead.”'),
    ).toEqual([['reported', 'the plan was “far from dead”', 'Tom Ashby']]);
  });
});

describe('one clause read from two verbs of saying', () => {
  it('reports it once, for the verb nearer to it', () => {
    expect(
      quotes(
        'A panel of experts warned of fakery, arguing that the leaks could be “salted with forgeries.”',
      ).map((q) => [q[1], q[2]]),
    ).toEqual([['the leaks could be “salted with forgeries”', 'panel of experts']]);
  });
});
