import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const quotes = (body: string, kind: 'direct' | 'reported' = 'direct') =>
  extract({ title: 'Test', body, published })
    .quotes.filter((q) => q.kind === kind)
    .map((q) => [q.text, q.speaker]);

const intro = 'Mayor Ruth Olsen met the harbour board on Monday.\n\n';

describe('a quote split by its attribution', () => {
  it('joins a second part in capitals to a first part that is a subordinate clause', () => {
    expect(
      quotes(`${intro}"If you look at the figures," Olsen said, "I don't think the port can wait."`),
    ).toEqual([["If you look at the figures, I don't think the port can wait.", 'Ruth Olsen']]);
  });

  it('joins a second part opening on a conjunction', () => {
    expect(
      quotes(
        `${intro}"I have no idea how they voted," Olsen said of the members, "But I do know they came."`,
      ),
    ).toEqual([['I have no idea how they voted, But I do know they came.', 'Ruth Olsen']]);
  });

  it('joins a second part to a first part with no clause of its own', () => {
    expect(quotes(`${intro}"As mayor," Olsen said, "I will sign the permit myself."`)).toEqual([
      ['As mayor, I will sign the permit myself.', 'Ruth Olsen'],
    ]);
  });

  it('keeps two whole sentences split by the attribution as two quotes', () => {
    expect(quotes(`${intro}"I love this harbour," Olsen said, "I will never sell it."`)).toEqual([
      ['I love this harbour', 'Ruth Olsen'],
      ['I will never sell it.', 'Ruth Olsen'],
    ]);
  });
});

describe('a quote of several sentences the reporter’s words finish', () => {
  it('is a direct quote when the words after it say where it was said', () => {
    expect(
      quotes(
        `${intro}"Ports are short of money. Ferries have the money. They don't have a choice" in a column on ` +
          'Monday, says Tom Hale, a consultant.',
      ),
    ).toEqual([["Ports are short of money. Ferries have the money. They don't have a choice", 'Tom Hale']]);
  });

  it('leaves it to partial quotes when the words after it finish its last sentence', () => {
    expect(
      quotes(
        `${intro}"Ports are short of money. Ferries have the money. They don't have a choice" but to pay, says ` +
          'Tom Hale, a consultant.',
      ),
    ).toEqual([]);
  });

  it('leaves a single sentence finished by the reporter’s words to partial quotes', () => {
    expect(quotes(`${intro}"The ferries have no choice" but to pay, says Tom Hale, a consultant.`)).toEqual(
      [],
    );
  });
});

describe('attributions before a quote that the usual verb-and-comma shape misses', () => {
  it('reads a participle joined on by "and"', () => {
    expect(
      quotes(
        `${intro}Olsen thanked the crews, calling them "heroes of the harbour," and telling the board, ` +
          '"We owe them a new pier."',
      ),
    ).toEqual([['We owe them a new pier.', 'Ruth Olsen']]);
  });

  it('reads a participle joined on by "while"', () => {
    expect(
      quotes(
        `${intro}Olsen called the vote "premature" while adding on the budget, "We will not raise the levy."`,
      ),
    ).toEqual([['We will not raise the levy.', 'Ruth Olsen']]);
  });

  it('reads a verb of answering with "back"', () => {
    expect(quotes(`${intro}When the board objected, Olsen shot back, "The pier is not for sale."`)).toEqual([
      ['The pier is not for sale.', 'Ruth Olsen'],
    ]);
    expect(quotes(`${intro}Olsen fired back at the board, "The pier is not for sale."`)).toEqual([
      ['The pier is not for sale.', 'Ruth Olsen'],
    ]);
  });

  it('reads "according to" a source the article names in lower case', () => {
    expect(
      quotes(
        `${intro}According to the newspaper, "The harbour lost money for a third year. Nobody was told."`,
      ),
    ).toEqual([['The harbour lost money for a third year. Nobody was told.', 'newspaper']]);
  });

  it('reads "as X pointed out"', () => {
    expect(
      quotes(`${intro}But as Tom Hale pointed out, "The harbour has lost money for three years running."`),
    ).toEqual([['The harbour has lost money for three years running.', 'Tom Hale']]);
  });
});

describe('the subject of a participle’s sentence', () => {
  it('is not the subject of an opening subordinate clause', () => {
    expect(
      quotes(
        'Tom Hale spoke first.\n\nIn June, after Hale suffered a fall, Ruth Olsen visited the yard, thanking ' +
          'the crews and telling them, "You kept the harbour open."',
      ),
    ).toEqual([['You kept the harbour open.', 'Ruth Olsen']]);
  });

  it('stays the clause’s when the main clause has no name or pronoun for a subject', () => {
    expect(
      quotes(
        'Ruth Olsen has run the harbour for years.\n\nAnd when she saw the vote, all she could do was shout, ' +
          '"At last!"',
      ),
    ).toEqual([['At last!', 'Ruth Olsen']]);
  });
});

describe('quotation marks set the wrong way round', () => {
  it('reads an opening curly mark after the quote’s punctuation and before a space as its closing mark', () => {
    expect(
      quotes(`${intro}“The pier will open in June,“ said Tom Hale, a harbour pilot. “We are ready.”`),
    ).toEqual([
      ['The pier will open in June', 'Tom Hale'],
      ['We are ready.', 'Tom Hale'],
    ]);
  });

  it('still reads a curly mark after a word and before a word as an opening mark', () => {
    expect(quotes(`${intro}Olsen said:“The pier will open in June.”`)).toEqual([
      ['The pier will open in June.', 'Ruth Olsen'],
    ]);
  });
});

describe('a participle after an attribution set behind the reporter’s clause', () => {
  it('speaks for the attribution’s subject, not the reported clause’s', () => {
    expect(
      quotes(
        'Tom Hale and Ruth Olsen met on Monday.\n\nThe ferries will sail on time, Olsen said, adding, ' +
          '"The crews are ready."',
      ),
    ).toEqual([['The crews are ready.', 'Ruth Olsen']]);
  });
});

describe('the horizontal bar HuffPost sets for a dash', () => {
  it('ends a clause before an attribution’s subject, as an em dash does', () => {
    expect(
      quotes(
        'Tom Hale and Ruth Olsen debated on Monday.\n\nWhen Olsen noted that Hale has paid no harbour dues ― as ' +
          'was true for the years his accounts were public ― Hale boasted, "That makes me smart."',
      ),
    ).toEqual([['That makes me smart.', 'Tom Hale']]);
  });

  it('is no part of the speaker after a dateline', () => {
    expect(
      extract({
        title: 'Test',
        body: 'PORTLAND ― The harbour board said on Monday that the pier would open in June.',
        published,
      }).quotes.map((q) => q.speaker),
    ).toEqual(['harbour board']);
  });
});

describe('a source after "according to"', () => {
  it('runs on past a title’s full stop', () => {
    expect(
      quotes(
        'Tom Hale runs the harbour.\n\nThe pier will open in June, according to Mr. Hale.\n\nThe ferries ' +
          'will sail on time, according to Sen. Ruth Olsen.',
        'reported',
      ),
    ).toEqual([
      ['The pier will open in June', 'Tom Hale'],
      ['The ferries will sail on time', 'Ruth Olsen'],
    ]);
  });
});

describe('a participle with no comma before a quote of its own', () => {
  it('introduces it for the sentence’s subject after an earlier quote', () => {
    expect(
      quotes(
        'Ruth Olsen runs the harbour.\n\nOn Sunday, Olsen posted a plan called "Open Water" on her page, writing ' +
          '"Allow me to explain the plan. The pier opens in June."',
      ),
    ).toEqual([['Allow me to explain the plan. The pier opens in June.', 'Ruth Olsen']]);
  });
});

describe('a news digest item', () => {
  const digest =
    'MORNING BRIEFING.\n\n' +
    'HARBOUR BOARD APPROVES THE NEW FERRY “The board voted seven to two on Monday to buy a second ferry for the island route.” [Courier.]\n\n' +
    'FLOODS CLOSE THE VALLEY ROAD “Water rose over the bridge before dawn, and the road will stay shut until Friday.” [Valley Times]\n\n' +
    'SCHOOL TERM STARTS EARLY “Pupils will be back on August 20.” Read the full story here.';

  it('takes the quoted story under a headline in capitals as the outlet’s, named in brackets after it', () => {
    expect(quotes(digest)).toEqual([
      ['The board voted seven to two on Monday to buy a second ferry for the island route.', 'Courier'],
      ['Water rose over the bridge before dawn, and the road will stay shut until Friday.', 'Valley Times'],
    ]);
  });

  it('still credits the outlet when a sentence of the digest’s own stands between the quote and the brackets', () => {
    expect(
      quotes(
        'MORNING BRIEFING.\n\nTOLLS RISE AT THE HARBOUR “The board will raise tolls for the third time this year.” ' +
          'Tune in at noon for the vote. [Courier.]',
      ),
    ).toEqual([['The board will raise tolls for the third time this year.', 'Courier']]);
  });

  it('credits no one for a transcript line that a stage direction in brackets follows ("[Applause.]")', () => {
    const transcript =
      'MAYOR ANA RUIZ AT THE TOWN HALL “We will build the bridge this year.” [Applause.]\n\nThe meeting ran late.';
    expect(quotes(transcript)).toEqual([]);
  });
});

describe('the words of a sign, a banner or a message', () => {
  it('quotes what a sign reads, whatever its case, as the words of the one who holds it', () => {
    expect(
      quotes(`${intro}Outside, Tom Hale hoisted a sign that read "save our ferry!" as the members went in.`),
    ).toEqual([['save our ferry!', 'Tom Hale']]);
  });

  it('quotes a posted message reading its words', () => {
    expect(
      quotes(
        `${intro}Olsen posted a message on Twitter reading "Thank you Westport" minutes after the vote.`,
      ),
    ).toEqual([['Thank you Westport', 'Ruth Olsen']]);
  });

  it('quotes a banner’s words with no speaker when no one is said to carry it', () => {
    expect(quotes(`${intro}One banner read "harbourjobs.org," the address of the campaign.`)).toEqual([
      ['harbourjobs.org', null],
    ]);
  });
});

describe('words cried out right after a verb of chanting, yelling or shouting', () => {
  it('takes what was cried out, whatever its case and the words after it', () => {
    expect(
      quotes(
        `${intro}Tom Hale stood at the gate with the dock workers, chanting "no deal, no sailing" after the talks broke down.`,
      ),
    ).toEqual([['no deal, no sailing', 'Tom Hale']]);
  });

  it('leaves the speaker open when a clause of its own opens between the subject and the verb', () => {
    expect(
      quotes(
        `${intro}Olsen spoke near the ferry terminal, where dock workers had gathered, chanting "no deal, no sailing" as she arrived.`,
      ),
    ).toEqual([['no deal, no sailing', null]]);
  });

  it('takes the words voiced by a verb the lexicon does not list as one of saying: jeered, mouthing, echoing, singing', () => {
    expect(quotes(`${intro}Tom Hale jeered, "You will never build it!"`)).toEqual([
      ['You will never build it!', 'Tom Hale'],
    ]);
    expect(quotes(`${intro}The dock workers answered her by softly echoing "not again."`)).toEqual([
      ['not again.', 'dock workers'],
    ]);
  });

  it('does not take the chants of a list', () => {
    expect(
      quotes(`${intro}The dock workers marched to the terminal chanting "no deal" and "fair pay now."`),
    ).toEqual([]);
  });
});

describe('a noun naming someone’s words, then "is" or "was", before a quote', () => {
  it('quotes a sentence of its own as the words of the noun’s possessor', () => {
    expect(quotes(`${intro}Olsen’s campaign motto is "Build the pier first."`)).toEqual([
      ['Build the pier first.', 'Ruth Olsen'],
    ]);
  });

  it('reads a few words between the noun and its verb, and a comma after it', () => {
    expect(
      quotes(`${intro}Olsen’s advice to new members (given at every meeting) was, "Read the budget twice."`),
    ).toEqual([['Read the budget twice.', 'Ruth Olsen']]);
  });

  it('leaves a phrase in lower case to the reporter’s sentence', () => {
    expect(quotes(`${intro}Olsen’s reply was "not this year."`)).toEqual([]);
  });

  it('leaves a quote the reporter’s sentence carries on after', () => {
    expect(quotes(`${intro}Olsen’s reply was "Not this year" in a letter to the board.`)).toEqual([]);
  });
});
