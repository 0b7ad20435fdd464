/**
 * Behaviours found missing on published news (issue 14), one class per block. The sentences are written for these
 * tests in the style of the copy that exposed each class; they are not taken from any article.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-04-20T00:00:00Z');
const run = (body: string, title = 'Test') => extract({ title, body, published });
const direct = (body: string) =>
  run(body)
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

describe('archive quotation marks', () => {
  it("reads ''…'' (two apostrophes) as a pair of double quotes", () => {
    expect(
      direct("Marta Velez toured the plant on Monday. ''We will keep every line open,'' Ms. Velez said."),
    ).toEqual([['We will keep every line open', 'Marta Velez']]);
  });

  it("reads ``…'' as a pair of double quotes and keeps the apostrophes inside the quote", () => {
    expect(direct("``It's the council's call, not mine,'' said Tomas Rieger, the mayor.")).toEqual([
      ["It's the council's call, not mine", 'Tomas Rieger'],
    ]);
  });
});

describe('speaker names are cleaned', () => {
  it('keeps a surname that starts like an ordinary word capitalised ("Bennett")', () => {
    expect(direct('“They are all here for the free stuff,” Bennett said with a laugh.')).toEqual([
      ['They are all here for the free stuff', 'Bennett'],
    ]);
  });

  it('resolves a surname that is also an ordinary word ("Golden") to the full name, not "golden"', () => {
    expect(
      direct('Janet Golden runs the clinic on Main Street.\n\n“We turn no one away,” Golden said.'),
    ).toEqual([['We turn no one away', 'Janet Golden']]);
  });

  it('drops a sentence adverb between the speaker and the verb ("Gorka similarly warned")', () => {
    const quotes = run(
      'Ines Gorka spoke next. Gorka similarly warned that the plan “will not hold for a week.”',
    ).quotes;
    expect(quotes.map((q) => q.speaker)).toEqual(['Ines Gorka']);
  });

  it('strips titles written before a name from the speaker ("Senate Majority Leader", "Former Attorney General")', () => {
    expect(
      direct(
        '“We will take it up next week,” said Senate Majority Leader Mitch Harlan.\n\n“Nobody asked me,” said Former Attorney General Rosa Delgado.',
      ),
    ).toEqual([
      ['We will take it up next week', 'Mitch Harlan'],
      ['Nobody asked me', 'Rosa Delgado'],
    ]);
  });

  it('gives no speaker rather than a verb phrase when the clause has no subject of its own', () => {
    const quotes = run(
      'Tomas Rieger laughed at the question, but went on to say, “The plant stays open.”',
    ).quotes;
    expect(quotes.map((q) => q.speaker)).not.toContain('went on to');
  });

  it('does not read a noun after an adjective as a speech verb ("offered her firmest promise")', () => {
    const quotes = run(
      'Clara Voss, who once backed the accord, offered her firmest promise yet that she would block it.',
    ).quotes;
    expect(quotes.map((q) => q.speaker)).not.toContain('offered her firmest');
  });
});

const reported = (body: string) =>
  run(body)
    .quotes.filter((q) => q.kind === 'reported')
    .map((q) => [q.text, q.speaker]);

describe('reported speech subjects', () => {
  it('finds the name before an age and a role ("Name, 21, a junior from …, said")', () => {
    expect(
      reported('Marley Anders, 21, a junior from Reno, said she came to hear the senator speak.'),
    ).toEqual([['she came to hear the senator speak', 'Marley Anders']]);
  });

  it('accepts a subject whose head noun the lexicon also knows as a verb ("The party says")', () => {
    expect(reported('The party says 4,570 members voted by mail this spring.')).toEqual([
      ['4,570 members voted by mail this spring', 'party'],
    ]);
  });

  it('reads a clause that starts with "one" ("said one candidate …")', () => {
    expect(reported('Barlow said one candidate he likes so far is the governor.')).toEqual([
      ['one candidate he likes so far is the governor', 'Barlow'],
    ]);
  });

  it('keeps a quantified subject ("about half of voters say")', () => {
    expect(reported('In each of the states, about half of voters say they want an outsider.')).toEqual([
      ['they want an outsider', 'about half of voters'],
    ]);
  });
});

describe('pronouns', () => {
  it('resolves "she" to the last woman named when nobody fits within three sentences', () => {
    expect(
      reported(
        'Maria Lopez runs a bakery on the corner. It opened in 1990. The street was quiet then. Rent was cheap. Few shops stayed open. She says the new road brought her the customers.',
      ),
    ).toEqual([['the new road brought her the customers', 'Maria Lopez']]);
  });
});

describe('reported speech forms seen in published news', () => {
  it('reads a participle after a comma for the main subject ("…, saying that …")', () => {
    expect(reported('Rhea Bolton spoke on Monday, saying that the speech had reassured her.')).toEqual([
      ['the speech had reassured her', 'Rhea Bolton'],
    ]);
  });

  it('reads "but said" for the subject of the first clause', () => {
    expect(
      reported(
        'The spokesman refused to answer questions on the race but said there was no meeting planned.',
      ),
    ).toEqual([['there was no meeting planned', 'spokesman']]);
  });

  it('reads "told OUTLET" without "that" when a clause follows', () => {
    expect(reported('Christine Wald told CNN she would rather stay home in November.')).toEqual([
      ['she would rather stay home in November', 'Christine Wald'],
    ]);
  });

  it('reads an indirect question after "asked"', () => {
    expect(reported('The reporter asked the senator whether he would vote for the bill.')).toEqual([
      ['whether he would vote for the bill', 'reporter'],
    ]);
  });

  it('reads "suggested" only before a clause, not before a plain object', () => {
    expect(reported('Mona Ruiz suggested a compromise on the budget.')).toEqual([]);
    expect(reported('Mona Ruiz suggested the budget was too small.')).toEqual([
      ['the budget was too small', 'Mona Ruiz'],
    ]);
  });

  it('reads an inverted attribution at the end of the sentence ("…, said Name, role.")', () => {
    expect(
      reported('Even in New York, the race will be tight, said Dan Gersh, an analyst in Manhattan.'),
    ).toEqual([['Even in New York, the race will be tight', 'Dan Gersh']]);
  });

  it('keeps a partial quote inside the paraphrase it belongs to', () => {
    expect(
      reported('Rhea Bolton spoke last.\n\nTowns need leaders “who understand the river,” Bolton said.'),
    ).toEqual([['Towns need leaders who understand the river', 'Rhea Bolton']]);
  });

  it('keeps reported speech whose pronoun has no referent, with an unknown speaker', () => {
    expect(reported('He endorsed the plan, but said it would fail.')).toEqual([['it would fail', null]]);
  });
});
