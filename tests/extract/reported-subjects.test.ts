import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const reported = (body: string) =>
  extract({ title: 'Test', body, published })
    .quotes.filter((q) => q.kind === 'reported')
    .map((q) => [q.text, q.speaker, q.verb]);

describe('reported speech: a subject set off from its verb by an aside between dashes', () => {
  it('reads a group of speakers named by a common noun ("officials") before the aside and an auxiliary', () => {
    expect(
      reported(
        'Harbour officials — including the ferry’s own captain — have argued that the pier is unsafe.',
      ),
    ).toEqual([['the pier is unsafe', 'harbour officials', 'argue']]);
    expect(
      reported('Port officials — among them two former mayors — have said the levy would fail.'),
    ).toEqual([['the levy would fail', 'Port officials', 'say']]);
  });
});

describe('reported speech: a clause opened without "that" on a negated present', () => {
  it('reads "don’t" as the finite verb of the clause a verb that also takes objects reports', () => {
    expect(reported('Jo Lind suggested the council members don’t understand the harbour.')).toEqual([
      ['the council members don’t understand the harbour', 'Jo Lind', 'suggest'],
    ]);
    expect(reported('Jo Lind suggested a compromise.')).toEqual([]);
  });
});

describe('reported speech: a subject with its appositive before the verb is no inverted attribution', () => {
  it('keeps the speaker before the verb and reads what follows the verb as what was said', () => {
    expect(
      reported(
        'One former harbour clerk, speaking on condition of anonymity, said Lind described the levy as a windfall.',
      ),
    ).toEqual([['Lind described the levy as a windfall', 'one former harbour clerk', 'say']]);
    expect(reported('Jo Lind, the mayor of Tromsø, stressed her record on the ferry.')).toEqual([
      ['her record on the ferry', 'Jo Lind', 'stress'],
    ]);
  });

  it('still reads an attribution inverted after a clause', () => {
    expect(reported('The ferry will stop in May, said Jo Lind, the harbour master.')).toEqual([
      ['The ferry will stop in May', 'Jo Lind', 'say'],
    ]);
  });
});

describe('reported speech: a threat made, read as a commitment', () => {
  it('reads "threatened to …" and "threatened that …" by someone the article names', () => {
    expect(reported('Jo Lind threatened to close the ferry pier.')).toEqual([
      ['to close the ferry pier', 'Jo Lind', 'threaten'],
    ]);
    expect(reported('Jo Lind threatened that she would close the pier.')).toEqual([
      ['she would close the pier', 'Jo Lind', 'threaten'],
    ]);
  });

  it('reads no threat from a thing that threatens, nor from a threat that is an act', () => {
    expect(reported('The storm threatens to close the ferry pier.')).toEqual([]);
    expect(reported('Jo Lind threatened the clerk with a fine.')).toEqual([]);
  });
});

describe('reported speech: a part of a group as the subject of a clause a conjunction opens', () => {
  it('reads "a number of …" and "some of the …" after "even though" and "as"', () => {
    expect(
      reported('The ferry stayed shut, even though a number of islanders said they would pay the toll.'),
    ).toEqual([['they would pay the toll', 'number of islanders', 'say']]);
    expect(reported('The levy passed as some of the councillors argued it was too low.')).toEqual([
      ['it was too low', 'some of the councillors', 'argue'],
    ]);
  });
});

describe('reported speech: a participle after the main clause whose subject opens on a described noun', () => {
  it('takes "the embattled judge" whole, not "the", for the speaker of ", saying …"', () => {
    expect(
      reported(
        'Ruth Okafor left the bench in May. The embattled judge stepped down on Friday, saying the inquiry had ' +
          'been “deeply unfair.”',
      ),
    ).toEqual([['the inquiry had been “deeply unfair”', 'embattled judge', 'say']]);
  });
});

describe('reported speech: the subject of a relative clause of place or after a preposition', () => {
  it('reads the subject after "where" or "in which", not the words before it', () => {
    expect(
      reported('Reporters gathered in Halifax, where officials said the port would reopen on Monday.'),
    ).toEqual([['the port would reopen on Monday', 'officials', 'say']]);
    expect(
      reported('She will face an electorate in which 60 percent of voters say she is not honest.'),
    ).toEqual([['she is not honest', '60 percent of voters', 'say']]);
  });

  it('ends what was said where the main clause’s verb comes back', () => {
    expect(
      reported(
        'The news conference, in which Holt laid out the record but then announced that he would not prosecute, was the latest in a series of failures.',
      ),
    ).toEqual([['he would not prosecute', 'Holt', 'announce']]);
  });
});

describe('reported speech: a participle after a main clause whose verb the lexicon does not know', () => {
  it('reads the name opening the sentence as the speaker of ", saying …" after "hit back"', () => {
    expect(
      reported(
        'Mayor Ana Lindqvist spoke in Sudbury. Lindqvist hit back, saying the province had been “asleep at the ' +
          'wheel” on housing.',
      ),
    ).toEqual([['the province had been “asleep at the wheel” on housing', 'Ana Lindqvist', 'say']]);
  });

  it('reads no speaker from a capitalised word describing the noun after it', () => {
    // (The quoted "that" clause is still a partial quote, whose speaker is left unknown.)
    expect(
      reported('Liberal members and their allies speak as one, arguing that the plan was “a betrayal.”'),
    ).toEqual([['the plan was “a betrayal”', null, 'argue']]);
  });
});

describe('reported speech: a verb of saying joined by "and" to the main clause’s present or perfect', () => {
  it('reads "and has said", "and has since said" for the main clause’s subject', () => {
    expect(reported('Ana Lind opposes the levy and has said she will vote against it.')).toEqual([
      ['she will vote against it', 'Ana Lind', 'say'],
    ]);
    expect(
      reported('The mayor toured the harbour on Friday, and has since said the ferry will run again.'),
    ).toEqual([['the ferry will run again', 'mayor', 'say']]);
  });

  it('reads an "-s" present after a name as the first verb when the verb of saying is one too', () => {
    expect(
      reported('Ferrix Marine runs two ferries to the island and says a third will sail in May.'),
    ).toEqual([['a third will sail in May', 'Ferrix Marine', 'say']]);
  });
});

describe('reported speech: ", who said" after a name and its appositive', () => {
  it('reads the name before the appositive as the one who said it', () => {
    expect(
      reported(
        'The bill was backed by Ana Lind, the province’s health minister, who said it would “save lives.”',
      ),
    ).toEqual([['it would “save lives”', 'Ana Lind', 'say']]);
    expect(
      reported(
        'Ottawa has long dealt with Lind, now the Senate leader, who in 2010 said the bill was “dead.”',
      ),
    ).toEqual([['the bill was “dead”', 'Lind', 'say']]);
  });
});
