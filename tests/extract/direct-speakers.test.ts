import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const direct = (body: string) =>
  extract({ title: 'Test', body, published })
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

describe('a speaker described, then named after a comma', () => {
  it('gives the quote to the person named after the description, not to the description', () => {
    expect(
      direct(
        '“We are treating the whole month as one long election day,” said Rubio’s deputy campaign manager, Rich ' +
          'Beeson, who ran the ground game in 2012.',
      ),
    ).toEqual([['We are treating the whole month as one long election day', 'Rich Beeson']]);
    expect(
      direct(
        '“The odds are against it,” said another leading advocate, Andrew J. Pincus of the firm Mayer Brown.',
      ),
    ).toEqual([['The odds are against it', 'Andrew J. Pincus']]);
    expect(
      direct('“The road will stay closed,” said the detachment’s spokesperson, Cpl. Janelle Shoihet.'),
    ).toEqual([['The road will stay closed', 'Janelle Shoihet']]);
  });

  it('reads the name after a lower-case word of role in the appositive (", actress Maria Lopez")', () => {
    expect(direct('“We need a new mayor,” exhorted the rally’s host, actress Maria Lopez.')).toEqual([
      ['We need a new mayor', 'Maria Lopez'],
    ]);
    expect(direct('“Yes,” said the board’s chair, and Tom Hale agreed.')).toEqual([['Yes', 'board’s chair']]);
  });

  it('keeps the description when what follows the comma is a place or no name', () => {
    expect(direct('“It is over,” said a resident of the area, Toronto.')).toEqual([
      ['It is over', 'resident'],
    ]);
    expect(direct('“It is over,” said a spokesman for the city, adding that the road was closed.')).toEqual([
      ['It is over', 'spokesman for the city'],
    ]);
  });
});

describe('verbs of saying news copy puts around a quote', () => {
  const verbs = (body: string) =>
    extract({ title: 'Test', body, published })
      .quotes.filter((q) => q.kind === 'direct')
      .map((q) => [q.text, q.speaker, q.verb]);

  it('reads the speaker of "mused", "opined" or "proclaimed" before or after the quote, with its base form', () => {
    expect(
      verbs('The council met on Monday. “Imagine the bridge finished by spring,” mused Jane Smith.'),
    ).toEqual([['Imagine the bridge finished by spring', 'Jane Smith', 'muse']]);
    expect(verbs('“Gun owners should leave their weapons at home,” opined the Plain Dealer.')).toEqual([
      ['Gun owners should leave their weapons at home', 'Plain Dealer', 'opine'],
    ]);
    expect(
      verbs(
        'Jane Smith proclaimed at a press conference, “I did not send any classified material to anyone.”',
      ),
    ).toEqual([['I did not send any classified material to anyone.', 'Jane Smith', 'proclaim']]);
  });

  it('takes none of their base forms, which are nouns as often, for a verb', () => {
    expect(verbs('Sanders delivered a snappy retort: “No one is tearing this up.”')).toEqual([
      ['No one is tearing this up.', 'Sanders', null],
    ]);
  });
});

describe('a pronoun that attributes a quote', () => {
  it('never stands for a person the quote itself names', () => {
    expect(
      direct(
        '“Thank you, son,” Dunn replied to the heckler.\n\n“Imagine how different things would be if someone had ' +
          'told Robert Kowalski that years ago,” he said.',
      ),
    ).toEqual([
      ['Thank you, son', 'Dunn'],
      ['Imagine how different things would be if someone had told Robert Kowalski that years ago', 'Dunn'],
    ]);
  });
});

describe('the subject of a participle that introduces a quote', () => {
  it('is the name "with" gives it, not the subject of the sentence', () => {
    expect(
      direct(
        'At the rally on Saturday, some of his supporters pushed a protester, with Trump reportedly yelling: “Get ' +
          'him out of here!”',
      ),
    ).toEqual([['Get him out of here!', 'Trump']]);
    expect(
      direct(
        'Republicans were quick to respond, with Donald Trump tweeting that it was a disaster and asking, “How ' +
          'can someone with such bad judgement be our next president?”',
      ).filter(([text]) => text?.startsWith('How')),
    ).toEqual([['How can someone with such bad judgement be our next president?', 'Donald Trump']]);
  });

  it('is the sentence’s subject after a phrase of place or medium, and the person right before it otherwise', () => {
    expect(
      direct(
        'Jane Smith responded to the question on Facebook writing, “Yes, I will. That was a poor choice.”',
      ),
    ).toEqual([['Yes, I will. That was a poor choice.', 'Jane Smith']]);
    expect(
      direct('The ad cuts to footage of Mark Dunn saying, “You have to give them a path to succeed.”'),
    ).toEqual([['You have to give them a path to succeed.', 'Mark Dunn']]);
  });

  it('after a quote, is no inverted speaker: the participle carries on the reporter’s sentence', () => {
    expect(
      direct(
        'Jeremy Boreing said the members will still meet, but said, “It’s time we change how we do it,” ' +
          'promising the Friends of Abe will return to its roots.',
      ),
    ).toEqual([['It’s time we change how we do it', 'Jeremy Boreing']]);
  });
});

describe('an aside between a speaker and the verb', () => {
  it('reads the speaker after "after" past an aside of asking, not the subject of the sentence', () => {
    expect(
      direct(
        'The mayor was upset after Jane Smith, asked about the vote on Monday, said, “We will win this one.”',
      ),
    ).toEqual([['We will win this one.', 'Jane Smith']]);
  });
});

describe('a colon after a clause with no verb of saying', () => {
  it('gives the quote to the name set off after the description that opens the sentence', () => {
    expect(
      direct(
        '“We will win,” said Tom Brown.\n\nOne early supporter, Representative Lee Zeldin, Republican of New York, ' +
          'gave the technique a whirl in an interview on Tuesday: “You can easily argue that this is fine.”',
      ),
    ).toEqual([
      ['We will win', 'Tom Brown'],
      ['You can easily argue that this is fine.', 'Lee Zeldin'],
    ]);
  });
});

describe('a quote with no attribution after a sentence whose attribution ends on a relative clause', () => {
  it('is the speaker’s that the attribution names, not the last name in the relative clause', () => {
    expect(
      direct(
        'The minister Ann Ruiz spoke on Monday.\n\nBoth parties "saw the port as a place really reeling under ' +
          'strain," said Victor Hale, who served as harbour master for the city council under Mayor Tom Wells. ' +
          '"In that sense, it was like pushing on an open door."',
      ),
    ).toEqual([['In that sense, it was like pushing on an open door.', 'Victor Hale']]);
  });
});

describe('a verb of saying before its speaker after an opening phrase', () => {
  it('gives the quote to the name after the verb, not to the opening phrase', () => {
    expect(
      direct(
        'The mayor Ann Ruiz spoke on Monday. In short, asked the council clerk Tom Hale: "Who pays for the pier?"',
      ),
    ).toEqual([['Who pays for the pier?', 'Tom Hale']]);
  });
});

describe('a passive verb of asking or telling with its agent named before the quote', () => {
  it('gives the quote to the agent, not to the subject asked or told', () => {
    expect(
      direct(
        'Mayor Lena Ortiz joined the radio show on Friday. Ortiz was asked by host Dan Keller, who has ' +
          'criticised the budget, "Why did the bus routes get cut?"',
      ),
    ).toEqual([['Why did the bus routes get cut?', 'Dan Keller']]);
    expect(
      direct('Tom Hale saw a doctor in May. Hale was told by Dr. Ines Ruiz, "You need six weeks of rest."'),
    ).toEqual([['You need six weeks of rest.', 'Ines Ruiz']]);
  });

  it('leaves an agent that names nobody to the rules before', () => {
    expect(
      direct('Mayor Lena Ortiz met reporters. She was asked by reporters, "Will you run again?"'),
    ).not.toContainEqual(['Will you run again?', 'reporters']);
  });
});

describe('a verb of saying in the infinitive, governed by a later clause of the sentence', () => {
  it('gives the quote to the subject of the clause that governs the infinitive', () => {
    expect(
      direct(
        'The council met on Tuesday. The meeting ran so long that Mayor Lena Ortiz was moved to say, "We will ' +
          'finish this tomorrow."',
      ),
    ).toEqual([['We will finish this tomorrow.', 'Lena Ortiz']]);
    expect(
      direct('Tom Hale chairs the board. The vote was close, and Hale went on to say, "We will appeal."'),
    ).toEqual([['We will appeal.', 'Tom Hale']]);
  });

  it('keeps a thing that goes on to say as the subject of its own sentence', () => {
    expect(
      direct('The board sent a letter. The letter goes on to say: "We will appeal the ruling."'),
    ).toEqual([['We will appeal the ruling.', 'letter']]);
  });
});

describe('a sentence opened by a clause of "as"', () => {
  it('gives the quote to the main clause’s subject, not to the subject of the "as" clause', () => {
    expect(
      direct('As the crowd cheered, Mayor Lena Ortiz smiled and joked, "I should hold more meetings."'),
    ).toEqual([['I should hold more meetings.', 'Lena Ortiz']]);
  });

  it('reads past an infinitive in the opening clause', () => {
    expect(
      direct(
        'As the fans began to sing, Tom Hale was joined on the field by his staff and shouted, "This one ' +
          'is for the town."',
      ),
    ).toEqual([['This one is for the town.', 'Tom Hale']]);
  });
});

describe('a sentence opened by a participle of saying', () => {
  it('reads "Adding, “…”" as a quote carried on by the one quoted or named just before', () => {
    expect(
      direct(
        'Tom Hale chairs the board. "We will appeal," Hale said. Adding: "The ruling ignores the facts."',
      ),
    ).toEqual([
      ['We will appeal', 'Tom Hale'],
      ['The ruling ignores the facts.', 'Tom Hale'],
    ]);
    expect(
      direct(
        'Mayor Lena Ortiz said the audit was "not good." Adding, "Every department will have to cut its budget."',
      ),
    ).toEqual([['Every department will have to cut its budget.', 'Lena Ortiz']]);
  });
});

describe('a name after a dash ending the line before a colon', () => {
  it('labels the quote after the colon, rather than the subject of the line before the dash', () => {
    expect(
      direct(
        'But the polls did predict the result - Hale Research: “While the polls had the lead wrong, most ' +
          'pollsters got the margin right.”',
      ),
    ).toEqual([
      ['While the polls had the lead wrong, most pollsters got the margin right.', 'Hale Research'],
    ]);
    expect(
      direct(
        'Ana Lind won the vote.\n\nTURNOUT BEAT THE FORECASTS - Tom Hale: “At long last the count is over, and ' +
          'the turnout was high.”',
      ),
    ).toEqual([['At long last the count is over, and the turnout was high.', 'Tom Hale']]);
  });

  it('leaves the line’s verb to the label, so it reports nothing of its own', () => {
    const facts = extract({
      title: 'Test',
      body: 'Voters did predict the result - Hale Research: “Most pollsters got the margin right.”',
      published,
    });
    expect(facts.quotes.filter((q) => q.kind === 'reported')).toEqual([]);
  });
});

describe('a verb the lexicon does not list, in the present tense, before the name after a quote', () => {
  it('gives the quote to the name after it, not to the one quoted before', () => {
    expect(
      direct(
        '"We save what we can," says Tom Hale, 41, of Salem. "Our goals are different," agrees Ana Lind, 30, ' +
          'of Dover.',
      ),
    ).toEqual([
      ['We save what we can', 'Tom Hale'],
      ['Our goals are different', 'Ana Lind'],
    ]);
  });
});

describe('the subject of the clause before a colon', () => {
  it('is not read from a noun after "its" or "their" taken for the clause’s verb', () => {
    expect(
      direct(
        'Tom Hale filed the papers. Replying to him directly, the Harbour Board was firm in its findings: "No ' +
          'further discussion is needed."',
      ),
    ).toEqual([['No further discussion is needed.', 'Harbour Board']]);
  });
});

describe('a quote after a sentence about a person the copy turns to', () => {
  it('is that person’s when a party and state in brackets follow the name', () => {
    expect(
      direct(
        '"We will win," said Tom Hale. Sen. Ana Lind (D-Ore.), who lost the primary to Hale, named young voters ' +
          'as a reason for hope. "The younger people are tired of waiting."',
      ),
    ).toEqual([
      ['We will win', 'Tom Hale'],
      ['The younger people are tired of waiting.', 'Ana Lind'],
    ]);
  });

  it('is that person’s when the sentence opens on the programme they spoke on', () => {
    expect(
      direct(
        '"We will win," said Tom Hale. On "Meet the Voters," Sen. Ana Lind named young voters as a reason for ' +
          'hope. "The younger people are tired of waiting."',
      ),
    ).toEqual([
      ['We will win', 'Tom Hale'],
      ['The younger people are tired of waiting.', 'Ana Lind'],
    ]);
  });
});
