import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const quotes = (body: string) =>
  extract({ title: 'Test', body, published })
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

const intro = 'Mayor Ruth Olsen met the harbour board on Monday.\n\n';

describe('a split quote around a verb the lexicon does not list', () => {
  it('joins the second part in lower case to the first', () => {
    expect(
      quotes(`${intro}"The way I read it," she elaborated, "nobody ever wanted the pier closed."`),
    ).toEqual([['The way I read it nobody ever wanted the pier closed.', 'Ruth Olsen']]);
  });
});

describe('a title in marks inside the attribution before a quote', () => {
  it('does not cut the attribution short', () => {
    expect(
      quotes(
        `${intro}As Tom Hale, a historian and author of "Harbour Lights," put it, "The board has never once ` +
          'voted against a mayor."',
      ),
    ).toEqual([['The board has never once voted against a mayor.', 'Tom Hale']]);
  });
});

describe('a quote set off by a comma after a verb the lexicon does not list', () => {
  it('is the subject’s when it is a sentence of its own ending the reporter’s', () => {
    expect(
      quotes(`${intro}Leaving the hall, Olsen called over her shoulder, "We are not done yet."`),
    ).toEqual([['We are not done yet.', 'Ruth Olsen']]);
  });

  it('is no quote of its own after a "that" clause’s first words', () => {
    expect(
      quotes(`${intro}Olsen has hinted that while she likes the plan, "The board will have the last word."`),
    ).toEqual([]);
  });

  it('is no quote of its own when the verb is passive', () => {
    expect(
      quotes(`${intro}Olsen was pressed on Monday by a board member, "Will you sign the permit?"`),
    ).toEqual([]);
  });
});

describe('a quote inside a quote closing on the outer quote’s punctuation', () => {
  it('ends the outer quote on that punctuation', () => {
    expect(
      quotes(
        `${intro}"The council thanked Olsen yesterday for what it called 'the rescue of the decade,'" the ` +
          'newsletter read.',
      ),
    ).toEqual([
      ["The council thanked Olsen yesterday for what it called 'the rescue of the decade,'", 'Ruth Olsen'],
    ]);
  });
});

describe('"according to" and a name after a quote', () => {
  it('attributes the quote to the name, as a verb of saying after it would', () => {
    expect(
      quotes(`${intro}"The pier will open in June," according to Tom Hale, the board's chairman.`),
    ).toEqual([['The pier will open in June', 'Tom Hale']]);
    expect(
      extract({
        title: 'Test',
        body: `${intro}"The pier will open in June," according to Tom Hale.`,
        published,
      }).quotes.length,
    ).toBe(1);
  });
});

describe('a phrase in marks before a verb and its colon', () => {
  it('leaves the verb the sentence subject’s, and the quote not reported again', () => {
    const body = `${intro}Tom Hale called the plan "a disgrace" and said: "The board will fight it."`;
    const found = extract({ title: 'Test', body, published }).quotes;
    expect(found.filter((q) => q.kind === 'direct').map((q) => [q.text, q.speaker, q.verb])).toEqual([
      ['The board will fight it.', 'Tom Hale', 'say'],
    ]);
    expect(found.filter((q) => q.kind === 'reported' && q.text.includes('fight'))).toEqual([]);
  });
});

describe('a participle of asking set off by commas between the subject and the verb after a quote', () => {
  it('is an aside: the verb after it attributes the quote, once', () => {
    const body = `${intro}"The pier will open in June," Olsen, asked about the delays, said.`;
    const found = extract({ title: 'Test', body, published }).quotes;
    expect(found.filter((q) => q.kind === 'direct').map((q) => [q.text, q.speaker, q.verb])).toEqual([
      ['The pier will open in June', 'Ruth Olsen', 'say'],
    ]);
    expect(found.filter((q) => q.text.includes('pier')).length).toBe(1);
  });
});

describe('a text that reads out a quote after a comma', () => {
  it('introduces it as a quote of its own, its writer left to the context', () => {
    expect(
      quotes(
        `${intro}Olsen wrote to the board on Friday. The letter reads, "The pier will open in June, as promised."`,
      ),
    ).toEqual([['The pier will open in June, as promised.', 'Ruth Olsen']]);
  });

  it('does not take a title after "read" for one', () => {
    expect(quotes(`${intro}Olsen has read, "Harbour Lights," twice.`)).toEqual([]);
  });
});

describe('a quote set off by dashes on both sides', () => {
  it('is the words of the name the first dash follows', () => {
    expect(
      quotes(
        `${intro}Several members backed the levy, among them the treasurer Tom Hale -- "We cannot keep the pier ` +
          'open without it" -- and two harbour pilots.',
      ),
    ).toEqual([['We cannot keep the pier open without it', 'Tom Hale']]);
  });

  it('is the words of the clause’s subject before the first dash', () => {
    expect(
      quotes(`${intro}When Olsen finally sat down — "We will open the pier by June!" — the hall cheered.`),
    ).toEqual([['We will open the pier by June!', 'Ruth Olsen']]);
  });

  it('is no quote when a verb follows the closing dash, its subject the noun the quote shows', () => {
    expect(
      quotes(`${intro}Her stock reply -- "The board will decide in its own time" -- is wearing thin.`),
    ).toEqual([]);
  });

  it('is no quote when it holds no clause', () => {
    expect(quotes(`${intro}The board chose a motto -- "Harbour First, Always" -- and a flag.`)).toEqual([]);
  });
});

describe('a second verb of saying with no comma after an earlier quote of the sentence', () => {
  it('introduces words with a clause of their own as the subject’s quote', () => {
    expect(
      quotes(`${intro}Olsen called the plan "a disgrace" and said "the board has not read a word of it."`),
    ).toEqual([['the board has not read a word of it.', 'Ruth Olsen']]);
  });

  it('does not take a phrase after an infinitive for one', () => {
    expect(
      quotes(`${intro}Olsen wants to stop "the levy" and to counter "the board's plans for the pier."`),
    ).toEqual([]);
  });
});

describe('a clause of time set off by commas between a far verb and the quote', () => {
  it('is an aside: the verb still introduces the quote', () => {
    expect(
      quotes(
        `${intro}Olsen said in the spring, when the report came out, "The board never saw a copy of it. ` +
          'Nobody did."',
      ),
    ).toEqual([['The board never saw a copy of it. Nobody did.', 'Ruth Olsen']]);
  });

  it('does not make a "that" clause an aside', () => {
    expect(
      quotes(`${intro}Olsen said in the spring that when the report came out, "The board never saw a copy."`),
    ).toEqual([]);
  });
});

describe('a quote set off by a comma that closes an aside between dashes', () => {
  it('is the subject’s, though the reporter’s sentence carries on after the dash', () => {
    expect(
      quotes(
        `${intro}The board was wary of her - at the first meeting, Olsen joked, "I am here to sell the pier to ` +
          'the highest bidder" - but the vote went her way.',
      ),
    ).toEqual([['I am here to sell the pier to the highest bidder', 'Ruth Olsen']]);
  });
});

describe('a quote in capitals a verb of saying and its comma introduce, then where or when it was said', () => {
  it('is a quote of its own, though it has no final punctuation of its own', () => {
    expect(
      quotes(
        `${intro}Olsen, who toured the docks this week, posted, "Thank you Harbourside! #PierVote" on Friday.`,
      ),
    ).toEqual([['Thank you Harbourside! #PierVote', 'Ruth Olsen']]);
  });

  it('is no quote when the words after it carry on with a verb of their own', () => {
    expect(quotes(`${intro}Olsen said, "The harbour board" on Monday approved the plan.`)).toEqual([]);
  });
});
