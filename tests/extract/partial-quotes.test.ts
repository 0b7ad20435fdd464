import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2024-05-14T00:00:00Z');
const run = (body: string) => extract({ title: 'Test', body, published });
const quotes = (body: string) => run(body).quotes.map((q) => [q.kind, q.text, q.speaker]);

describe('a quote the reporter’s words carry on past its closing mark', () => {
  it('reports the quote and the words after it for the name after the verb', () => {
    expect(
      quotes('“We are thrilled” about the decision, said Aileen Moffat, who chairs the tenants’ union.'),
    ).toEqual([['reported', '“We are thrilled” about the decision', 'Aileen Moffat']]);
  });

  it('keeps a quote with its own comma before the attribution as a direct quote', () => {
    expect(quotes('“We are thrilled,” said Aileen Moffat, who chairs the tenants’ union.')).toEqual([
      ['direct', 'We are thrilled', 'Aileen Moffat'],
    ]);
  });

  it('reports a quote introduced by a colon when the reporter finishes its sentence', () => {
    expect(
      quotes(
        'The economist Priya Nair spoke in Leeds. Nair added: “Looking back, every one of us should have seen” ' +
          'the slump coming.',
      ),
    ).toEqual([
      ['reported', '“Looking back, every one of us should have seen” the slump coming', 'Priya Nair'],
    ]);
  });

  it('keeps a quote introduced by a colon when the words after it say where it was said', () => {
    expect(
      quotes(
        'The councillor Tom Ashby spoke on Friday. Ashby wrote: “The levy is dead” in a post on Friday.',
      ),
    ).toEqual([['direct', 'The levy is dead', 'Tom Ashby']]);
  });

  it('keeps a quote of several sentences introduced by a colon as a direct quote', () => {
    expect(
      quotes(
        'The minister Claire Dufour spoke in Ottawa. Dufour said: “The talks failed. We will try again” ' +
          'next spring, officials expect.',
      ).filter((q) => q[0] === 'direct'),
    ).toEqual([['direct', 'The talks failed. We will try again', 'Claire Dufour']]);
  });
});

describe('a quote after an attribution set into the sentence', () => {
  it('reports a quote the reporter’s words carry on past, after an opening question', () => {
    expect(
      quotes(
        'The organiser Rhona Baird spoke on Tuesday. When asked why the march was moved, Baird said, “We have ' +
          'two weeks to go” until the count.',
      ),
    ).toEqual([
      ['reported', 'why the march was moved', null],
      ['reported', '“We have two weeks to go” until the count', 'Rhona Baird'],
    ]);
  });

  it('does not report the question put to the speaker as what was said', () => {
    expect(
      quotes('When asked about the delay, the mayor said, the contractor would pay the extra costs.'),
    ).toEqual([
      ['reported', 'about the delay', null],
      ['reported', 'the contractor would pay the extra costs', 'mayor'],
    ]);
  });

  it('keeps a quote with its own full stop after such an attribution direct', () => {
    expect(
      quotes(
        'The organiser Rhona Baird spoke on Tuesday. When asked why the march was moved, Baird said, “We have ' +
          'two weeks to go.”',
      ).filter((q) => q[0] === 'direct'),
    ).toEqual([['direct', 'We have two weeks to go.', 'Rhona Baird']]);
  });
});

describe('a partial quote in a clause whose attribution carries a programme’s name or a time', () => {
  it('reads past a programme’s name in quotation marks before "that"', () => {
    expect(
      quotes(
        'The MP Lena Holt spoke on Sunday. Holt said on CBC’s “The House” that she would “take a look” at the bill.',
      ),
    ).toEqual([['reported', 'she would “take a look” at the bill', 'Lena Holt']]);
    expect(
      quotes(
        'The MP Lena Holt spoke on Sunday. Holt said in an interview with “60 Minutes” that the levy was “a mistake.”',
      ),
    ).toEqual([['reported', 'the levy was “a mistake”', 'Lena Holt']]);
  });

  it('does not take a scare quote for a programme’s name', () => {
    expect(
      quotes(
        'The MP Lena Holt spoke on Sunday. Holt said this was a “grave error” and that the vote should wait.',
      ),
    ).toEqual([['reported', 'this was a “grave error” and that the vote should wait', 'Lena Holt']]);
  });

  it('reports the clause before an attribution that ends on how long ago it was said', () => {
    expect(quotes('The pool “will close in May,” the Chronicle Herald reported two weeks ago.')).toEqual([
      ['reported', 'The pool “will close in May”', 'Chronicle Herald'],
    ]);
    expect(quotes('The plant will close in June, the company said a week ago.')).toEqual([
      ['reported', 'The plant will close in June', 'company'],
    ]);
  });
});

describe('a quote that opens on the verb of a subject outside its marks', () => {
  it('reports the name and the quoted predicate together, not the predicate as a direct quote', () => {
    expect(
      quotes(
        'The premier Doug Ford spoke in Barrie. Ford said his wife, Karla, “said from the start that he would win.”',
      ),
    ).toEqual([['reported', 'his wife, Karla, “said from the start that he would win”', 'Doug Ford']]);
  });
});

describe('a description opening on "retired" before the name', () => {
  it('reads "retired general …" as the speaker of a partial quote and of a direct one', () => {
    expect(
      quotes('The premier “has the experience to lead the province,” retired general Ann Hale said.'),
    ).toEqual([['reported', 'The premier “has the experience to lead the province”', 'Ann Hale']]);
    expect(quotes('“The premier has the experience to lead,” retired general Ann Hale said.')).toEqual([
      ['direct', 'The premier has the experience to lead', 'Ann Hale'],
    ]);
  });
});

describe('an inverted attribution to someone described, not named', () => {
  it('ends the description where a relative clause running to the end of the sentence begins', () => {
    expect(
      quotes(
        'The mayor “was treated far too lightly for what she did,” said a former police official who oversaw the case.',
      ),
    ).toEqual([
      ['reported', 'The mayor “was treated far too lightly for what she did”', 'former police official'],
    ]);
  });

  it('does not cut a subject whose relative clause is followed by more of the sentence', () => {
    expect(
      quotes(
        'The former manager, Tom Ruiz, said the staffer who replaced him, Ana Lind, should be “fired at once.”',
      ).map((q) => q[2]),
    ).toEqual(['Tom Ruiz']);
  });

  it('gives ", who added that …" after a quote’s attribution to that quote’s speaker', () => {
    expect(
      quotes(
        '“It was not a convincing argument,” said one councillor familiar with the talks, who added that the ' +
          'mayor seemed “rattled” by the revolt.',
      ),
    ).toEqual([
      ['direct', 'It was not a convincing argument', 'one councillor familiar'],
      ['reported', 'the mayor seemed “rattled” by the revolt', 'one councillor familiar'],
    ]);
  });

  it('does not give an unnamed "one …" to the person the article names with that role', () => {
    expect(
      quotes(
        'Ann Lind, a former executive at the bank, is running for mayor.\n\nLind was not one for “sharing the big ' +
          'decisions,” said one former executive who asked not to be named.',
      ),
    ).toEqual([['reported', 'Lind was not one for “sharing the big decisions”', 'one former executive']]);
  });
});

describe('"said no" as an answer and as the start of a clause', () => {
  it('reports a clause opening on "no matter" or "no one", and a bare "no" as the answer it is', () => {
    expect(
      quotes(
        'Premier Tim Houston says no matter what action Ottawa takes on the file, “its word does not override the ' +
          'province.”',
      ),
    ).toEqual([
      [
        'reported',
        'no matter what action Ottawa takes on the file, “its word does not override the province”',
        'Tim Houston',
      ],
    ]);
    expect(quotes('Fire chief Ana Ruiz said no one was hurt in the blaze.')).toEqual([
      ['reported', 'no one was hurt in the blaze', 'Ana Ruiz'],
    ]);
    expect(quotes('Asked about the deal, Ruiz said no.')).toEqual([
      ['reported', 'about the deal', null],
      ['reported', 'no', 'Ruiz'],
    ]);
  });
});

describe('a quote whose sentence the reporter finishes after the attribution', () => {
  it('reports the quote and a "that" clause after the attribution as one clause', () => {
    expect(
      quotes(
        'The imam Omar Haddad spoke on Friday. “It’s our bad luck,” Haddad said, that both men had prayed at this ' +
          'little mosque.',
      ),
    ).toEqual([
      ['reported', '“It’s our bad luck” that both men had prayed at this little mosque', 'Omar Haddad'],
    ]);
  });

  it('reports a quote holding the subject of a verb the reporter gives after the attribution', () => {
    expect(
      quotes(
        'The host Megan Kell laughed. “Only you, Dinesh,” Kell said, would use a harsh sentence to praise the ' +
          'country.',
      ),
    ).toEqual([
      ['reported', '“Only you, Dinesh” would use a harsh sentence to praise the country', 'Megan Kell'],
    ]);
  });

  it('keeps the quote direct when "that" after the attribution opens no clause', () => {
    expect(quotes('The mayor Ana Ruiz spoke. “We won,” Ruiz said, that night at the rally.')).toEqual([
      ['direct', 'We won', 'Ana Ruiz'],
    ]);
  });
});

describe('a verb of saying inside the quoted words of a reported clause', () => {
  it('is part of what was said, not an attribution that cuts the clause short', () => {
    expect(
      quotes('Clinton said Trump represents the same rigged system that “he claims he’s going to change.”'),
    ).toEqual([
      [
        'reported',
        'Trump represents the same rigged system that “he claims he’s going to change”',
        'Clinton',
      ],
    ]);
    expect(
      quotes(
        'The aide Colin Strother spoke on Friday. Donations are vetted to comply with the limits, Strother said, ' +
          'but “we don’t ask them their annual income.”',
      ),
    ).toEqual([
      ['reported', 'Donations are vetted to comply with the limits', 'Colin Strother'],
      ['reported', '“we don’t ask them their annual income”', 'Colin Strother'],
    ]);
  });
});

describe('a reported clause shows which of its words are the speaker’s own', () => {
  it('keeps the marks of a quote inside the paraphrase, in curly form whatever the copy used', () => {
    expect(
      quotes(
        'Lena Holt said the levy was "a mistake" for the town. Ross Kerr said the talks had reached ' +
          "''a dead end'' in May.",
      ),
    ).toEqual([
      ['reported', 'the levy was “a mistake” for the town', 'Lena Holt'],
      ['reported', 'the talks had reached “a dead end” in May', 'Ross Kerr'],
    ]);
  });

  it('drops the punctuation the quote closed on, and a conjunction the clause ended on after it', () => {
    expect(
      quotes('Ann Hale said that Reid is a “good, decent man,” and said that Kerr “melted down last night.”'),
    ).toEqual([
      ['reported', 'Reid is a “good, decent man”', 'Ann Hale'],
      ['reported', 'Kerr “melted down last night”', 'Ann Hale'],
    ]);
    expect(quotes('Ann Hale said the premier was a “decent man.”')).toEqual([
      ['reported', 'the premier was a “decent man”', 'Ann Hale'],
    ]);
  });

  it('keeps the full stop of an acronym that ends the quote', () => {
    expect(quotes('Ann Hale said the jobs would “stay in the U.S.”')).toEqual([
      ['reported', 'the jobs would “stay in the U.S.”', 'Ann Hale'],
    ]);
  });
});

describe('a quote with no attribution after a sentence that ends on one', () => {
  it('carries on the speaker that sentence attributes, not the person it is about', () => {
    expect(
      quotes(
        'David Axelrod advised Barack Obama for years. Obama “felt a moral obligation to act” on climate, ' +
          'Axelrod said. “This is core stuff for him.”',
      ),
    ).toEqual([
      ['reported', 'Obama “felt a moral obligation to act” on climate', 'David Axelrod'],
      ['direct', 'This is core stuff for him.', 'David Axelrod'],
    ]);
  });

  it('does not take words after the reporter’s own comma for the speaker', () => {
    expect(
      quotes(
        'Senator Ted Cruz spoke in Houston. Cruz, a candidate for president, tweeted a warning. “Remember the ' +
          'filibuster in November.”',
      ).map((q) => q[2]),
    ).toEqual(['Ted Cruz']);
  });
});

describe('a participle of saying joined by "and" to one the comma sets off', () => {
  it('reports the clause for the subject the first participle hangs on', () => {
    expect(
      quotes(
        'Mayor Ines Carvalho went after the council on Monday, calling its budget “reckless” and asserting that ' +
          'the only explanation must be “a hole of unusual size.”',
      ),
    ).toEqual([['reported', 'the only explanation must be “a hole of unusual size”', 'Ines Carvalho']]);
  });

  it('reads past an adverb before the joined participle', () => {
    expect(
      quotes(
        'Mayor Ines Carvalho spoke for an hour, mocking the council’s plan and pointedly saying the city was ' +
          'not “safe” under it.',
      ),
    ).toEqual([['reported', 'the city was not “safe” under it', 'Ines Carvalho']]);
  });

  it('reports nothing for a joined participle whose object is no clause', () => {
    expect(
      quotes(
        'Mayor Ines Carvalho provoked her critics, calling the council “ignorant” and tweeting a photo of its chair.',
      ),
    ).toEqual([]);
  });

  it('reports nothing when no comma sets off the first participle', () => {
    expect(
      quotes(
        'A lawsuit was filed in 2012 challenging the city’s surveillance of tenants and alleging that the ' +
          'police used their leases as a “proxy for criminality.”',
      ),
    ).toEqual([]);
  });
});

describe('a reported clause after an opening phrase or inside a relative clause', () => {
  it('runs on past a comma when the phrase before the subject ends in "that"', () => {
    expect(
      quotes(
        'Mayor Ines Carvalho met the marchers. To that, Carvalho said that she welcomes a good, “peaceful ' +
          'protest every once in a while” since she studied law.',
      ),
    ).toEqual([
      [
        'reported',
        'she welcomes a good, “peaceful protest every once in a while” since she studied law',
        'Ines Carvalho',
      ],
    ]);
  });

  it('runs the "that" clause of a verb inside a "which" relative past its commas', () => {
    expect(
      quotes(
        'Mayor Ines Carvalho gave a speech in Leeds in which Carvalho pledged that, if re-elected, she would be ' +
          '“a friend to every tenant.”',
      ),
    ).toEqual([['reported', 'if re-elected, she would be “a friend to every tenant”', 'Ines Carvalho']]);
  });

  it('still ends a clause without "that" inside a relative clause at its closing comma', () => {
    expect(
      quotes(
        'The mayor Ines Carvalho backs the wall, which Carvalho said the county would pay for, and a new road.',
      ),
    ).toEqual([['reported', 'the county would pay for', 'Ines Carvalho']]);
  });
});

describe('a clause without "that" after where the words were said', () => {
  it('reports the clause after "wrote in both listings"', () => {
    expect(
      quotes(
        'The collector Tom Ashby wrote in both listings he was “honored and humbled” to sell the rifle.',
      ),
    ).toEqual([['reported', 'he was “honored and humbled” to sell the rifle', 'Tom Ashby']]);
  });

  it('reads no clause after a conjunction or across a dash', () => {
    expect(
      quotes(
        'The official Tom Ashby insisted on anonymity because he was not authorized to speak. After a series ' +
          'of reports on his firm ― he is on the losing end of the fight.',
      ),
    ).toEqual([]);
  });
});

describe('a quoted fragment closing inside a quote of its own', () => {
  it('reports the clause whose quote closes a nested quote before the attribution', () => {
    expect(quotes('The ferry’s "whole purpose was \'getting people home,\'" Tom Ashby says.')).toEqual([
      ['reported', "The ferry’s “whole purpose was 'getting people home,'”", 'Tom Ashby'],
    ]);
  });

  it('reads the speaker after curly nested marks', () => {
    expect(quotes('The ferry’s “whole purpose was ‘getting people home,’” Tom Ashby says.')).toEqual([
      ['reported', 'The ferry’s “whole purpose was ‘getting people home”', 'Tom Ashby'],
    ]);
  });
});

describe('a closing attribution whose speaker carries an appositive', () => {
  it('reports the clause before "NAME, ROLE, said on the call"', () => {
    expect(
      quotes(
        'The new rules “will not fix the backlog,” Ines Carvalho, a county planner, said on the same call.',
      ),
    ).toEqual([['reported', 'The new rules “will not fix the backlog”', 'Ines Carvalho']]);
  });

  it('reads a speaker whose appositive holds a preposition, before where it was said', () => {
    expect(
      quotes(
        'The new rules “will not fix the backlog,” Ines Carvalho, a professor of planning at Dalhousie University, ' +
          'said on the same call.',
      ),
    ).toEqual([['reported', 'The new rules “will not fix the backlog”', 'Ines Carvalho']]);
  });

  it('does not take the end of a list in the appositive for the speaker', () => {
    const speakers = quotes(
      'The new rules “will not fix the backlog,” Ines Carvalho, head of roads, ports, and parks, said on the call.',
    ).map((q) => q[2]);
    expect(speakers).not.toContain('parks');
  });
});

describe('a quoted part of a reported clause is not also a direct quote', () => {
  it('reads a quote opening in lower case after the reported clause and a comma as the end of that clause', () => {
    expect(
      quotes(
        'The senator Ann Ruiz spoke on Monday. Ruiz said she rarely campaigns for others, “except for friends. ' +
          'And I am not close to him.”',
      ),
    ).toEqual([
      [
        'reported',
        'she rarely campaigns for others, “except for friends. And I am not close to him”',
        'Ann Ruiz',
      ],
    ]);
  });

  it('keeps a lower-case quote after an attribution with no clause of the reporter’s direct', () => {
    expect(
      quotes('The senator Ann Ruiz spoke on Monday. Ruiz told reporters in Ottawa, “we are done here.”'),
    ).toEqual([['direct', 'we are done here.', 'Ann Ruiz']]);
    expect(
      quotes(
        'The senator Ann Ruiz spoke on Monday. Ruiz said on Monday, “except for the bridge, we are done.”',
      ),
    ).toEqual([['direct', 'except for the bridge, we are done.', 'Ann Ruiz']]);
  });

  it('does not take "state" after a phrase of place for a verb introducing the quote', () => {
    expect(
      quotes(
        'The senator Ann Ruiz spoke on Monday. Ruiz said that in her rural state, “there is a deep pessimism.”',
      ),
    ).toEqual([['reported', 'in her rural state, “there is a deep pessimism”', 'Ann Ruiz']]);
  });

  it('keeps a capitalised sentence in marks after the reported clause’s colon as a direct quote too', () => {
    expect(
      quotes(
        'The mayor Ann Ruiz was praised on Monday. Tom Hale said she has the one quality the job needs: ' +
          '“Steadiness under pressure.”',
      ),
    ).toEqual([
      ['reported', 'she has the one quality the job needs: “Steadiness under pressure”', 'Tom Hale'],
      ['direct', 'Steadiness under pressure.', 'Tom Hale'],
    ]);
  });

  it('reports words in lower case after the reported clause’s colon only as part of that clause', () => {
    expect(
      quotes(
        'The mayor Ann Ruiz was praised on Monday. Tom Hale said she has what the job needs: ' +
          '“calm under pressure.”',
      ),
    ).toEqual([['reported', 'she has what the job needs: “calm under pressure”', 'Tom Hale']]);
  });

  it('keeps a sentence introduced by its own verb after the clause as a direct quote', () => {
    expect(
      quotes(
        'The mayor Ann Ruiz spoke on Monday. Ruiz said the talks had failed and added: “We will try again.”',
      ).filter((q) => q[0] === 'direct'),
    ).toEqual([['direct', 'We will try again.', 'Ann Ruiz']]);
  });

  it('keeps words an aside names the source of as a direct quote', () => {
    expect(
      quotes('Tom Hale has been seen, as the Gazette put it in a long profile, “the fixer.”').filter(
        (q) => q[0] === 'direct',
      ),
    ).toEqual([['direct', 'the fixer.', 'Gazette']]);
  });
});

describe('the second part of a split partial quote', () => {
  it('carries on the partial quote in lower case after the attribution, not as a direct quote', () => {
    expect(
      quotes(
        'The student Ana Ruiz backs the mayor. The levy means “she must be doing something right,” Ruiz says, ' +
          '“but I do not know if I would vote for her.”',
      ),
    ).toEqual([
      ['reported', 'The levy means “she must be doing something right”', 'Ana Ruiz'],
      ['reported', '“but I do not know if I would vote for her”', 'Ana Ruiz'],
    ]);
  });

  it('still joins the two parts of a direct quote', () => {
    expect(
      quotes(
        'The student Ana Ruiz backs the mayor. “She must be doing something right,” Ruiz says, “but I do not ' +
          'know if I would vote for her.”',
      ),
    ).toEqual([
      ['direct', 'She must be doing something right but I do not know if I would vote for her.', 'Ana Ruiz'],
    ]);
  });
});

describe('a quote of several sentences whose last one the reporter’s words carry on', () => {
  it('reports the quote with the words that finish its last sentence', () => {
    expect(
      quotes(
        'The plan worries consultants. “Campaigns are short of money. Outside groups have the money. They have ' +
          'no choice” but to lead the advertising, says Ed Tracey, a consultant.',
      ),
    ).toEqual([
      [
        'reported',
        '“Campaigns are short of money. Outside groups have the money. They have no choice” but to lead the advertising',
        'Ed Tracey',
      ],
    ]);
  });

  it('keeps it direct when the words after it say where or when it was said', () => {
    expect(
      quotes(
        'The aide spoke. “How she deals with it is an open question. If she gives a canned answer, she loses” in ' +
          'the debate that follows, the aide said.',
      ).map((q) => q[0]),
    ).toEqual(['direct']);
  });
});

describe('a quote right after "that"', () => {
  it('is the reported clause "that" opens, even in capitals', () => {
    expect(
      quotes(
        'The candidate Tom Hale spoke on Friday. Hale tweeted that, “For those who mock me for posting at ' +
          'night, at least you know I will be awake!”',
      ),
    ).toEqual([
      [
        'reported',
        '“For those who mock me for posting at night, at least you know I will be awake!”',
        'Tom Hale',
      ],
    ]);
  });
});

describe('a noun phrase quoting the speaker after a verb of saying', () => {
  it('reports the phrase after "joked about" up to where the reporter’s words go on', () => {
    expect(
      quotes(
        'At the dinner, the mayor joked about her rival’s “famous patience” with reporters, and the room laughed.',
      ),
    ).toEqual([['reported', 'about her rival’s “famous patience” with reporters', 'mayor']]);
  });

  it('reads no speech from a quote in capitals, a title or a name', () => {
    expect(quotes('At the dinner, the mayor joked about the “Main Street” plan.')).toEqual([]);
  });

  it('reads no speech from a topic without quoted words', () => {
    expect(quotes('At the dinner, the mayor joked about her rival’s patience with reporters.')).toEqual([]);
  });
});
