import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a quote retold inside reported speech', () => {
  it('is only the partial quote when the reported clause is a subject and its verb of saying', () => {
    expect(
      quotes(
        'Councillor Ruth Okafor said she told the harbour board, "You cannot close the ferry in winter."',
      ),
    ).toEqual([
      ['reported', 'she told the harbour board, “You cannot close the ferry in winter”', 'Ruth Okafor'],
    ]);
  });

  it('is only the partial quote when someone the reported clause names said it ("a man who said")', () => {
    expect(
      quotes('Ruth Okafor said the island lost a ferryman who said "the sea owes nobody a living."'),
    ).toEqual([
      ['reported', 'the island lost a ferryman who said “the sea owes nobody a living”', 'Ruth Okafor'],
    ]);
  });

  it('also after a verb of thinking the speaker recalls', () => {
    expect(
      quotes('Ruth Okafor said she remembered thinking, "Nobody in this room is listening to me."'),
    ).toEqual([
      ['reported', 'she remembered thinking, “Nobody in this room is listening to me”', 'Ruth Okafor'],
    ]);
  });

  it('keeps a quote the speaker adds after a clause of her own as a direct quote', () => {
    expect(
      quotes('Ruth Okafor said she opposed the closure and added, "The ferry is all some of us have."'),
    ).toContainEqual(['direct', 'The ferry is all some of us have.', 'Ruth Okafor']);
  });
});

describe('a quote whose sentence carries on past its attribution', () => {
  it('is one partial quote with the fragment "but" joins after the attribution', () => {
    expect(
      quotes(
        '"I admire the harbour master," Ruth Okafor said, but "when it comes to dredging, he has never read the ' +
          'survey."',
      ),
    ).toEqual([
      [
        'reported',
        '“I admire the harbour master” but “when it comes to dredging, he has never read the survey”',
        'Ruth Okafor',
      ],
    ]);
  });

  it('and with the fragment "and" joins', () => {
    expect(
      quotes('"The ferry needs a new hull," Ruth Okafor said, and "a crew that is paid on time."'),
    ).toEqual([
      ['reported', '“The ferry needs a new hull” and “a crew that is paid on time”', 'Ruth Okafor'],
    ]);
  });

  it('keeps the quote direct when what follows the conjunction opens a sentence of its own', () => {
    expect(
      quotes('"I admire the harbour master," Ruth Okafor said, but "He has never read the survey."'),
    ).toContainEqual(['direct', 'I admire the harbour master', 'Ruth Okafor']);
  });
});

describe('a quote given as an example of a noun in the reporter’s sentence', () => {
  it('is a partial quote after "things such as,"', () => {
    expect(
      quotes(
        'Ruth Okafor has mellowed, but even now at 70 she still says things such as, "Never trust a ferry."',
      ),
    ).toEqual([['reported', 'things such as, “Never trust a ferry”', 'Ruth Okafor']]);
  });

  it('is a partial quote after "the words,"', () => {
    expect(
      quotes('At the end of her speech, Ruth Okafor added the words, "Vote for the harbour plan."'),
    ).toEqual([['reported', 'the words, “Vote for the harbour plan”', 'Ruth Okafor']]);
  });

  it('stays a direct quote where no reported clause carries it', () => {
    expect(quotes('Ruth Okafor shouted things such as, "Nobody reads the survey!"')).toEqual([
      ['direct', 'Nobody reads the survey!', 'Ruth Okafor'],
    ]);
  });

  it('leaves a quote of several sentences direct', () => {
    expect(
      quotes('Ruth Okafor says things such as, "Never trust a ferry. Never trust a bridge."').map(
        (q) => q[0],
      ),
    ).toContain('direct');
  });
});

describe('the subject of a verb of saying after an adverb of time', () => {
  it('is the pronoun after "even now at 70"', () => {
    expect(
      quotes('Ruth Okafor has retired. Even now at 70 she still says the ferry should be free.'),
    ).toEqual([['reported', 'the ferry should be free', 'Ruth Okafor']]);
  });
});
