import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2024-02-12T00:00:00Z');
const facts = (body: string) => extract({ title: 'Test', body, published });
const direct = (body: string) =>
  facts(body)
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

describe('an organisation, a title and a full name written as one run', () => {
  it('gives the quote to the person and keeps the organisation apart', () => {
    const body =
      'Federation of Prairie Farmers Regional Chief Colleen Ashdown met the minister on Friday.\n\n' +
      '“We came with a list and we left with a promise,” Ashdown said.';
    const f = facts(body);
    expect(f.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We came with a list and we left with a promise', 'Colleen Ashdown'],
    ]);
    expect(f.people.map((p) => p.name)).toEqual(['Colleen Ashdown']);
    expect(f.organizations.map((o) => o.name)).toEqual(['Federation of Prairie Farmers']);
  });

  it('leaves an organisation named after an office whole', () => {
    const f = facts('The Office of the Chief Electoral Officer said the count would resume on Monday.');
    expect(f.people).toEqual([]);
  });
});

describe('a surname that is also a title word', () => {
  it('resolves the bare surname to the person the article named in full with it', () => {
    expect(
      direct(
        'Avalanche forecaster Marcy Bishop said the slopes were loaded.\n\n' +
          '“Stay off anything steeper than thirty degrees this week,” Bishop said.',
      ),
    ).toEqual([['Stay off anything steeper than thirty degrees this week', 'Marcy Bishop']]);
    expect(
      direct(
        'Search manager Glen Pope said teams were out at dawn.\n\n' +
          '“The weather gave us a four-hour window,” Pope said. “We used every minute of it.”',
      ),
    ).toEqual([
      ['The weather gave us a four-hour window', 'Glen Pope'],
      ['We used every minute of it.', 'Glen Pope'],
    ]);
  });

  it('does not join a title with a name before it to someone else of that surname', () => {
    const f = facts(
      'The choir sang hymns that Dr. King loved. Later, promoter Dale King spoke briefly.\n\n' +
        '“It was a good night,” King said.',
    );
    expect(f.quotes.map((q) => [q.text, q.speaker])).toEqual([['It was a good night', 'Dale King']]);
    expect(f.people.find((p) => p.name === 'Dale King')?.mentions).toHaveLength(2);
  });
});

describe('given names that are also ordinary words', () => {
  it('makes a person of a flower or jewel name before a surname, so a later pronoun finds her', () => {
    expect(
      direct(
        'Transit users rallied outside city hall. Organizer Ruby Okafor led the chants.\n\n' +
          '“Buses every twenty minutes is not a network,” she said.',
      ),
    ).toEqual([['Buses every twenty minutes is not a network', 'Ruby Okafor']]);
    expect(
      direct(
        'The proposal was opposed by councillor Hazel Lindqvist. She said the plan ignored the east end.\n\n' +
          '“Show me one stop east of the river,” she said.',
      ),
    ).toEqual([['Show me one stop east of the river', 'Hazel Lindqvist']]);
  });

  it('does not make a person of such a word before an ordinary noun', () => {
    const f = facts('Visitors crowded the Rose Garden on Sunday and the Ruby Tuesday across the road.');
    expect(f.people).toEqual([]);
  });
});

describe('organisations as speakers', () => {
  it('keeps a company, a foundation or a health system named after a person an organisation', () => {
    const f = facts(
      'Harlow Grocers Ltd. raised prices on Monday. The Edith Marsh Foundation and the Peter Lund Health System ' +
        'both objected.',
    );
    expect(f.people).toEqual([]);
    expect(f.organizations.map((o) => o.name)).toEqual([
      'Harlow Grocers Ltd',
      'Edith Marsh Foundation',
      'Peter Lund Health System',
    ]);
  });

  it('resolves "the union" or "the company" to the organisation of that kind named earlier', () => {
    expect(
      direct(
        'The Prairie Transit Workers Federation rejected the offer on Monday.\n\n' +
          '“This offer does nothing for drivers,” the union said in a statement.',
      ),
    ).toEqual([['This offer does nothing for drivers', 'Prairie Transit Workers Federation']]);
    expect(
      direct(
        'Harlow Grocers Ltd. reported higher profits on Wednesday.\n\n' +
          '“Customers are buying more store brands,” the company said.',
      ),
    ).toEqual([['Customers are buying more store brands', 'Harlow Grocers Ltd']]);
  });

  it('reads a known organisation through the words that describe it or what it published', () => {
    const reported = (body: string) =>
      facts(body)
        .quotes.filter((q) => q.kind === 'reported')
        .map((q) => q.speaker);
    expect(
      reported(
        'The Fiscal Watch Institute published its review. Rents rose by a third, according to the ' +
          'nonpartisan Fiscal Watch Institute.',
      ),
    ).toEqual(['Fiscal Watch Institute']);
    expect(
      reported(
        'The Fiscal Watch Institute published its review. Rents rose by a third, according to the latest ' +
          'Fiscal Watch Institute survey.',
      ),
    ).toEqual(['Fiscal Watch Institute']);
  });
});

describe('a quote introduced by a paragraph that ends in a colon', () => {
  it('gives the quote to the body or person named before the colon, not to the person quoted last', () => {
    const lead = 'Mayor Dana Whitlock spoke first and promised a review.\n\n';
    expect(direct(`${lead}In a statement, the RCMP said:\n\n“Two people have been arrested.”`)).toEqual([
      ['Two people have been arrested.', 'RCMP'],
    ]);
    expect(
      direct(`${lead}The Lakeshore Nurses Association said in a statement:\n\n“We are disappointed.”`),
    ).toEqual([['We are disappointed.', 'Lakeshore Nurses Association']]);
    expect(
      direct(
        'Councillor Ravi Sandhu sat beside the mayor.\n\n“We will fix it,” Mayor Dana Whitlock said. Added ' +
          'Sandhu:\n\n“This is a mess.”',
      ),
    ).toEqual([
      ['We will fix it', 'Dana Whitlock'],
      ['This is a mess.', 'Ravi Sandhu'],
    ]);
  });

  it('reports nothing for the phrase that says how it was said', () => {
    const f = facts('In a statement, the RCMP said:\n\n“Two people have been arrested.”');
    expect(f.quotes.map((q) => [q.kind, q.text])).toEqual([['direct', 'Two people have been arrested.']]);
  });
});

describe('pronouns after a speaker the copy only describes or names by surname', () => {
  it('gives "he said" to the person the sentence before describes as its subject', () => {
    expect(
      direct(
        'Defence lawyer Omar Haddad said his client would appeal.\n\n' +
          'One of the former players, now 30, spoke to reporters outside the courthouse.\n\n' +
          '“I was sixteen. Nobody listened,” he said.',
      ),
    ).toEqual([['I was sixteen. Nobody listened', 'one of the former players']]);
  });

  it('leaves a described person something happened to out of it', () => {
    expect(
      direct(
        'Defence lawyer Omar Haddad spoke after the hearing.\n\nA man was injured in the crash.\n\n' +
          '“It should never have happened,” he said.',
      ),
    ).toEqual([['It should never have happened', 'Omar Haddad']]);
  });

  it('takes a bare surname that weighs in or pushes back for a person, so a later "he" is his', () => {
    expect(
      direct(
        'Senator Ruth Alcott spoke first. Zwicker also weighed in. Speaking beside MP Ruth Alcott, he said the ' +
          'plan had failed.\n\n“It was never going to work,” he said.',
      ),
    ).toEqual([['It was never going to work', 'Zwicker']]);
  });
});

describe('a document restated as the speaker', () => {
  it('gives "the release said" to the body that issued the release', () => {
    expect(
      direct(
        'Premier Dana Whitlock was asked about the case.\n\nThe matter went to the RCMP in October, according to ' +
          'a news release from the Ontario Provincial Police.\n\n“The OPP has no further comment,” the release said.',
      ),
    ).toEqual([['The OPP has no further comment', 'Ontario Provincial Police']]);
  });

  it('gives "the statement said" to the one who spoke in that statement', () => {
    expect(
      direct(
        'Premier Dana Whitlock spoke first.\n\nIn a statement, the Lakeshore Nurses Association said talks had ' +
          'stalled.\n\n“We remain at the table,” the statement said.',
      ),
    ).toEqual([['We remain at the table', 'Lakeshore Nurses Association']]);
  });

  it('leaves the document as the speaker when the one who only handed it over is named', () => {
    expect(
      direct(
        'The newspaper said Mayor Dana Whitlock provided a written statement.\n\n' +
          '“The mayor regrets the delay,” the statement said.',
      ),
    ).toEqual([['The mayor regrets the delay', 'statement']]);
  });
});

describe('two people who share a surname', () => {
  it('gives the bare surname to the sentence subject, not to the relative named inside its "whose" clause', () => {
    expect(
      direct(
        'Tessa Morin, whose father Gilles Morin has been missing since May, spoke at the vigil.\n\n' +
          '“We will keep looking,” Morin said.',
      ),
    ).toEqual([['We will keep looking', 'Tessa Morin']]);
  });
});

describe('a person whose given name tells no gender', () => {
  it('takes the gender of the subject pronoun after their name, so a later "she said" goes to the woman named', () => {
    expect(
      direct(
        'The club’s owner, Anil Okonjo, said he was confident. Okonjo’s daughter, Priya, said she had never ' +
          'missed a game.\n\n“Not one,” she said.',
      ),
    ).toEqual([['Not one', 'Priya']]);
  });

  it('gives a relative named by a given name to the full name the article writes with it', () => {
    expect(
      direct(
        'At the rally, his wife, Marisol, spoke first. “He never quits,” she said.\n\n' +
          'Marisol Quintero later said the family would stay in Ottawa.',
      ),
    ).toEqual([['He never quits', 'Marisol Quintero']]);
  });

  it('makes a person of a lone name set off after a relative', () => {
    expect(
      facts('The mayor’s husband, Tomas, runs the bakery on Main Street.').people.map((p) => p.name),
    ).toEqual(['Tomas']);
  });
});

describe('a role written before a name', () => {
  it('does not reach back over a line break into a photo credit above the paragraph', () => {
    const f = facts('Instagram/Sarah Lee\n\nTheir captain, Amy Chen, scored twice in the final.');
    expect(f.people.map((p) => [p.name, p.role])).toEqual([['Amy Chen', null]]);
  });
});

describe('a body named with its place', () => {
  it('keeps the place in the name of a utility, a transit service or a health authority', () => {
    const speakers = (body: string) => facts(body).quotes.map((q) => q.speaker);
    expect(speakers('Manitoba Hydro said crews had restored power to most homes by evening.')).toEqual([
      'Manitoba Hydro',
    ]);
    expect(speakers('Calgary Transit said buses would run on a Sunday schedule.')).toEqual([
      'Calgary Transit',
    ]);
    expect(speakers('Alberta Health Services said the clinic would reopen on Monday.')).toEqual([
      'Alberta Health Services',
    ]);
  });

  it('finds that body again when the article restates it by its kind', () => {
    const f = facts(
      'Manitoba Hydro said crews had restored power to most homes. The utility said about 2,000 customers were ' +
        'still without power.',
    );
    expect(f.quotes.map((q) => q.speaker)).toEqual(['Manitoba Hydro', 'Manitoba Hydro']);
    expect(f.organizations.map((o) => o.name)).toEqual(['Manitoba Hydro']);
  });

  it('still reads a place and a title before a person’s name as no part of it', () => {
    expect(
      facts('Ontario Premier Doug Ford said the clinic would reopen.').quotes.map((q) => q.speaker),
    ).toEqual(['Doug Ford']);
  });
});

describe('a party written before a name', () => {
  it('is the person’s affiliation, not part of the name', () => {
    expect(
      facts('Conservative Michael Chong said the bill was flawed.').quotes.map((q) => q.speaker),
    ).toEqual(['Michael Chong']);
    expect(facts('Tory Jeremy Hunt said the bill was flawed.').quotes.map((q) => q.speaker)).toEqual([
      'Jeremy Hunt',
    ]);
  });
});

describe('a nickname in quotation marks inside a name', () => {
  it('leaves the nickname out and keeps the person, so a later pronoun finds them', () => {
    const f = facts(
      'Luis “Chato” Moreno of Kamloops carried a candle. “I cried the whole way,” he said.\n\n' +
        'Coun. Rita "Bea" Lapointe spoke next. “We will rebuild,” Lapointe said.',
    );
    expect(f.people.map((p) => p.name)).toEqual(['Luis Moreno', 'Rita Lapointe']);
    expect(f.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['I cried the whole way', 'Luis Moreno'],
      ['We will rebuild', 'Rita Lapointe'],
    ]);
  });
});

describe('a surname that is also an ordinary word', () => {
  it('keeps its capital mid-sentence, where nothing else explains it', () => {
    expect(direct('“The bridge will open in May,” Price said.')).toEqual([
      ['The bridge will open in May', 'Price'],
    ]);
    expect(facts('“The bridge will open in May,” Price said.').people.map((p) => p.name)).toEqual(['Price']);
  });

  it('keeps the capital of a paper named after "the" without making a person of it', () => {
    const f = facts('The bridge will open in May, the Hill reported.');
    expect(f.quotes.map((q) => q.speaker)).toEqual(['Hill']);
    expect(f.people).toEqual([]);
  });
});
