import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const run = (body: string) => extract({ title: 'Test', body, published });
const direct = (body: string) =>
  run(body)
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

describe('people who share a surname', () => {
  const family =
    'Senator Helen Carver opened the session on Monday. Helen Carver has led the committee for six years, and ' +
    'Helen Carver said the vote would be close.\n\n' +
    'Her husband, Thomas Carver, a retired engineer, sat in the gallery.';

  it('keeps two full names that share only a surname as two people', () => {
    const names = run(family).people.map((p) => p.name);
    expect(names).toContain('Helen Carver');
    expect(names).toContain('Thomas Carver');
  });

  it('gives a quote attributed to a full name to that person, not to the other bearer of the surname', () => {
    expect(direct(`${family}\n\n“I came to watch her win,” Thomas Carver said.`)).toEqual([
      ['I came to watch her win', 'Thomas Carver'],
    ]);
  });

  it('reads a bare surname right after a full name as that person', () => {
    expect(direct(`${family} “I came to watch her win,” Carver said.`)).toEqual([
      ['I came to watch her win', 'Thomas Carver'],
    ]);
  });

  it('lets the pronoun that opens what a bare surname said choose between a man and a woman', () => {
    const body =
      'Maria Santos went to the hospital with chest pain. Her husband, Luis Santos, said he complained twice.\n\n' +
      'Santos said she plans to file a complaint. Santos said that he would go with her.';
    expect(
      run(body)
        .quotes.filter((q) => q.kind === 'reported')
        .map((q) => [q.text, q.speaker]),
    ).toEqual([
      ['he complained twice', 'Luis Santos'],
      ['she plans to file a complaint', 'Maria Santos'],
      ['he would go with her', 'Luis Santos'],
    ]);
  });

  it('lets the gender of "Mr." or "Mrs." choose between them', () => {
    expect(
      direct(`${family} “The committee will vote on Friday,” Mrs. Carver said.`).map(
        ([, speaker]) => speaker,
      ),
    ).toEqual(['Helen Carver']);
  });

  it('reads a bare surname far from any full name as the one the article names in full most often', () => {
    const later =
      '\n\nThe session ran late into the evening. Several amendments were tabled. Lobbyists filled the corridors. ' +
      'The chamber emptied slowly after the last speech, and the lights in the press room stayed on. Staff carried ' +
      'boxes of papers to the archive, and the cleaners waited by the doors for the last visitors to leave. ' +
      'Outside, the rain had stopped and the square was quiet again.';
    expect(direct(`${family}${later}\n\n“We have the votes,” Carver said.`)).toEqual([
      ['We have the votes', 'Helen Carver'],
    ]);
  });

  it('does not make a new person of a surname with ordinary words before it ("Team Carver")', () => {
    const names = run(`${family}\n\nTeam Carver said nothing.`).people.map((p) => p.name);
    expect(names.filter((n) => n.endsWith('Carver')).sort()).toEqual(['Helen Carver', 'Thomas Carver']);
  });
});

describe('reading the attribution of a direct quote', () => {
  it('never reads a capitalised word after a quote as its verb ("State spokesman … said", "former State … wrote")', () => {
    expect(direct('“We will comply with the order,” State spokesman Dana Ortiz said Friday.')).toEqual([
      ['We will comply with the order', 'Dana Ortiz'],
    ]);
    expect(
      direct('“I have never been prouder,” former State policy director Dana Ortiz wrote to the minister.'),
    ).toEqual([['I have never been prouder', 'Dana Ortiz']]);
  });

  it('reads a sentence that opens with its verb and then the speaker ("Continued Varga:")', () => {
    expect(
      direct(
        'Tomas Varga spoke for an hour while Anna Berger listened.\n\nContinued Varga: “Nobody in this room believes the plan will work.”',
      ),
    ).toEqual([['Nobody in this room believes the plan will work.', 'Tomas Varga']]);
  });

  it('leaves a time written without "on" between the speaker and the verb out of the speaker', () => {
    expect(
      direct(
        'Sarah Okafor arrived early.\n\nOkafor later Thursday told reporters: “We are ready for the vote.”',
      ),
    ).toEqual([['We are ready for the vote.', 'Sarah Okafor']]);
  });

  it('reads past an adverb after an appositive ("Dean, a medical doctor, then said:") to the name', () => {
    expect(
      direct('Howard Dean spoke on Monday.\n\nDean, a medical doctor, then said: “Her health is fine.”').map(
        ([, speaker]) => speaker,
      ),
    ).toEqual(['Howard Dean']);
  });

  it('skips a relative clause between the speaker and the verb', () => {
    expect(direct('Norah Quist, who was off-screen, then loudly asked, “Really?”')).toEqual([
      ['Really?', 'Norah Quist'],
    ]);
    expect(
      direct(
        'Ines Moreau, who has chaired the board since 2010, wrote in a letter: “We were misled about the costs.”',
      ),
    ).toEqual([['We were misled about the costs.', 'Ines Moreau']]);
    expect(
      direct(
        'Ines Moreau spoke first.\n\nMoreau, who criticised the plan last week, issued a statement Tuesday saying, “We were misled.”',
      ).map(([, speaker]) => speaker),
    ).toEqual(['Ines Moreau']);
  });

  it('gives a participle the subject of its clause, past a contraction or an opening phrase', () => {
    expect(
      direct(
        'Ines Moreau spoke first.\n\nMoreau didn’t seem impressed by the offer, telling reporters, “Nothing has changed.”',
      ).map(([, speaker]) => speaker),
    ).toEqual(['Ines Moreau']);
    expect(
      direct(
        'In a statement released Thursday, Rep. Alan Pruitt reacted to the ruling, saying: “This is a sad day for the state.”',
      ).map(([, speaker]) => speaker),
    ).toEqual(['Alan Pruitt']);
  });
});

describe('a pronoun that opens a sentence', () => {
  const reported = (body: string) =>
    run(body)
      .quotes.filter((q) => q.kind === 'reported')
      .map((q) => [q.text, q.speaker]);

  it('continues the previous sentence’s subject, not the last man it named', () => {
    expect(
      reported(
        'Mayor Tomas Reyna met Governor Paul Whitcombe in the capital on Monday. Reyna would not say when ' +
          'the port reopens, nor did he thank Whitcombe for the loan. Instead, he said the harbour board ' +
          'had failed the city.',
      ),
    ).toEqual([
      ['when the port reopens', 'Tomas Reyna'],
      ['the harbour board had failed the city', 'Tomas Reyna'],
    ]);
  });

  it('does not take a name inside a quote as that subject', () => {
    expect(
      reported(
        '“Victor Hale changed my mind,” says Corwin Abbott, a welder from Tacoma. Indeed, he says he ' +
          'would move to Canada if the fund closed.',
      ),
    ).toEqual([['he would move to Canada if the fund closed', 'Corwin Abbott']]);
  });

  it('does not take a dateline in capitals as that subject', () => {
    expect(
      direct(
        'PORT ALDER — Harbour master Ingrid Haldane spoke to the crews on Friday. “I will see it through,” ' +
          'she said.',
      ),
    ).toEqual([['I will see it through', 'Ingrid Haldane']]);
  });
});

describe('a surname the article never gives in full', () => {
  const earlier = 'Finance Minister Chrystia Freeland said the cheques would arrive in April.\n\n';

  it.each([
    ['opening its sentence', 'Poilievre said the tax would go.'],
    ['after an aside', 'Poilievre, speaking in Regina, said the tax would go.'],
    ['after what was said', 'The tax will go, Poilievre said.'],
  ])('is the person a later "he said" means when a verb of saying follows it (%s)', (_, sentence) => {
    const body = `${earlier}${sentence} “We will axe it,” he said.`;
    expect(direct(body)).toEqual([['We will axe it', 'Poilievre']]);
    expect(run(body).people.map((p) => p.name)).toEqual(['Chrystia Freeland', 'Poilievre']);
  });

  it.each([
    [
      'inside a phrase',
      'Mayor Tomas Reyna spoke first. Those Democrats said they would wait.',
      'Tomas Reyna',
    ],
    [
      'in someone else’s aside',
      'Mr. Slinker, whose start-up, Paradata, uses big data, said it was ready.',
      'Slinker',
    ],
  ])('is not who a later "he said" means when it stands %s', (_, sentence, speaker) => {
    expect(direct(`${sentence} “We will wait,” he said.`)).toEqual([['We will wait', speaker]]);
  });

  it('is the person of the full name the article writes elsewhere ("said Penny Nance" … "Nance said")', () => {
    const body =
      '“This is a rallying point,” said Penny Nance, who leads the group.\n\nNance said she would wait.';
    expect(run(body).quotes.map((q) => q.speaker)).toEqual(['Penny Nance', 'Penny Nance']);
  });
});

describe('a CEO', () => {
  it('is a role before the name, not part of it ("Colleges Ontario CEO Marketa Evans")', () => {
    const { quotes, people } = run('Colleges Ontario CEO Marketa Evans said the cap would hurt small towns.');
    expect(quotes.map((q) => [q.speaker, q.role])).toEqual([['Marketa Evans', 'Colleges Ontario CEO']]);
    expect(people.map((p) => p.name)).toEqual(['Marketa Evans']);
  });
});

describe('French given names', () => {
  it('give a pronoun’s gender with their accents and as compounds ("Hélène", "Jean-Yves", "Stéphane")', () => {
    expect(
      direct(
        'Marie-Claude Bibeau met Jean-Yves Duclos in Ottawa on Monday. The meeting ran late.\n\n' +
          '“It went well,” he said.\n\nStéphane Dion met Hélène Laverdière later. “It was useful,” she said.',
      ),
    ).toEqual([
      ['It went well', 'Jean-Yves Duclos'],
      ['It was useful', 'Hélène Laverdière'],
    ]);
  });
});

describe('a role written in lower case before a name', () => {
  it('takes no word from the sentence before, and reads past an initialism’s stops ("former U.N. secretary general")', () => {
    const { people } = run(
      'Wab Kinew spoke first.\n\nOpposition leader Heather Stefanson said the plan was recycled. Then the ' +
        'former U.N. secretary general Kofi Annan spoke.',
    );
    expect(people.map((p) => [p.name, p.role])).toEqual([
      ['Wab Kinew', null],
      ['Heather Stefanson', 'Opposition leader'],
      ['Kofi Annan', 'former secretary general'],
    ]);
  });
});

describe('a name inside an opening phrase', () => {
  it('gets no role from the clause after it ("After meeting Jens Stoltenberg, the spokesman said …")', () => {
    const body =
      'After meeting Jens Stoltenberg, the spokesman said the talks went well. In an interview with Mika ' +
      'Brzezinski, the Democratic candidate stated that the plan was wrong.';
    expect(run(body).quotes.map((q) => q.speaker)).toEqual(['spokesman', 'Democratic candidate']);
    expect(run(body).people.map((p) => [p.name, p.role])).toEqual([
      ['Jens Stoltenberg', null],
      ['Mika Brzezinski', null],
    ]);
  });

  it('is still the speaker where the name opens the sentence and a comma is left out', () => {
    expect(
      direct('Sam Lau, the communications director for the party said in a statement. “It is over.”'),
    ).toEqual([['It is over.', 'Sam Lau']]);
  });
});

describe('a party, house or office named by an ordinary word', () => {
  it('stays capitalised as a speaker where it opens the sentence ("Labour said", "No 10 said")', () => {
    const body =
      'Labour said it shared the ambition. No 10 later confirmed that the money would go to Ukraine. The ' +
      'Liberals say the rebate is fair. Republicans argued that it was wrong. Officials said it was over.';
    expect(run(body).quotes.map((q) => q.speaker)).toEqual([
      'Labour',
      'No 10',
      'Liberals',
      'Republicans',
      'officials',
    ]);
  });
});

describe('organisations', () => {
  it('end before "on" and a date ("the Senate Judiciary Committee on Tuesday", "… on Sept. 5")', () => {
    const { organizations } = run(
      'The Senate Judiciary Committee on Tuesday heard from the University of Toronto on Sept. 5 and from the ' +
        'Council on Foreign Relations.',
    );
    expect(organizations.map((o) => o.name)).toEqual([
      'Senate Judiciary Committee',
      'University of Toronto',
      'Council on Foreign Relations',
    ]);
  });
});

describe('an organisation named with a plural possessive', () => {
  it('keeps "Teachers\'" in "the Alberta Teachers\' Association" and gives that body the clause, not a person', () => {
    const facts = run(
      "Teachers at the Ridgeway school voted to strike, the Alberta Teachers' Association says. The Harbour " +
        'Nurses’ Union said its members would join them.',
    );
    expect(facts.quotes.map((q) => q.speaker)).toEqual([
      "Alberta Teachers' Association",
      'Harbour Nurses’ Union',
    ]);
    expect(facts.organizations.map((o) => o.name)).toEqual([
      "Alberta Teachers' Association",
      'Harbour Nurses’ Union',
    ]);
    expect(facts.people).toEqual([]);
  });

  it('does not join a team’s plural possessive to a player’s name ("the Leafs\' Auston Reid")', () => {
    expect(run("The Leafs' Auston Reid said he was ready.").quotes.map((q) => q.speaker)).toEqual([
      'Auston Reid',
    ]);
  });
});

describe('a name right after a lower-case role', () => {
  it('is a person even where its first word is a place ("health critic France Gélinas"), and her surname later', () => {
    const facts = run(
      'NDP health critic France Gélinas said the minister was wrong.\n\n“People are waiting,” Gélinas said.',
    );
    expect(facts.people.map((p) => [p.name, p.role])).toEqual([['France Gélinas', 'NDP health critic']]);
    expect(facts.quotes.map((q) => q.speaker)).toEqual(['France Gélinas', 'France Gélinas']);
  });

  it('is no person when the words end in an organisation or capitals ("veteran Harbour GOP")', () => {
    expect(run('The veteran Harbour GOP said the vote was close.').people).toEqual([]);
  });
});

describe('a count or a poll as the source', () => {
  it('gives "according to data compiled by …" to the body, and makes no person of it', () => {
    const facts = run(
      'Twelve emergency rooms closed this summer, according to data compiled by the Harbour Health Coalition. ' +
        'Turnout rose to 61 per cent, according to a poll by Northwind.',
    );
    expect(facts.quotes.map((q) => q.speaker)).toEqual(['Harbour Health Coalition', 'Northwind']);
    expect(facts.people).toEqual([]);
  });
});

describe('bodies named by their kind', () => {
  it('reads a unit, a centre, a foundation or a society as an organisation, not a person with a role', () => {
    const facts = run(
      'The Special Investigations Unit said it is investigating. The Harbour Policy Centre said rents rose by a tenth.',
    );
    expect(facts.quotes.map((q) => q.speaker)).toEqual([
      'Special Investigations Unit',
      'Harbour Policy Centre',
    ]);
    expect(facts.people).toEqual([]);
  });

  it('gives "the agency" to a body whose kind it names, not "Lind’s campaign" to the "Campaign Law Centre"', () => {
    const facts = run(
      '“It is unusual,” said Ana Ruiz, a lawyer with the Campaign Law Centre. Lind’s campaign said he had ' +
        'stopped the speeches. The Harbour Transit Agency said fares would rise. The agency said buses would run.',
    );
    expect(facts.quotes.map((q) => q.speaker)).toEqual([
      'Ana Ruiz',
      'Lind’s campaign',
      'Harbour Transit Agency',
      'Harbour Transit Agency',
    ]);
  });
});

describe('a speaker described by age', () => {
  it('is the person the article gave that age ("Ana Lind, 45, …" then "the 45-year-old said"), else the description', () => {
    expect(
      direct(
        'Ana Lind, 45, lost her home in the fire. Her neighbour Tomas Berg, 81, stayed.\n\n' +
          '“We have nothing left,” the 45-year-old mother of three said. “I was born here,” said the 81-year-old.',
      ),
    ).toEqual([
      ['We have nothing left', 'Ana Lind'],
      ['I was born here', 'Tomas Berg'],
    ]);
  });
});

describe('places that look like names', () => {
  const people = (body: string) => run(body).people.map((p) => p.name);

  it('never makes a person of a dateline in capitals, a "Fort"/"Port"/"Lake" name or a multi-word city or state', () => {
    expect(
      people(
        'LOS ANGELES (Wire) — Colonel Dana Whitlow flew from Fort Hood to Los Angeles on Monday. Whitlow ' +
          'said the crews from West Virginia and Port Alder would follow.',
      ),
    ).toEqual(['Dana Whitlow']);
  });

  it('never makes a person of a heading in capitals, but keeps a transcript label that opens with a first name', () => {
    expect(
      people(
        'KESSEL MOURNS\n\nThe town held a vigil on Sunday.\n\nJAKE MORROW: Were you there?\n\n' +
          'MAYOR REYNA: I was.',
      ),
    ).toEqual(['JAKE MORROW', 'REYNA']);
  });
});

describe('who speaks a quote with no attribution of its own', () => {
  it('gives it to a person the copy turns to after the last quote, not to the last speaker', () => {
    expect(
      direct(
        'Moderator Nina Holt questioned Governor Sam Okafor about the budget.\n\n' +
          '“We balanced it twice,” Okafor said.\n\n' +
          'Holt looked unconvinced and pointed to the deficit. “Does that not count against you?”',
      ),
    ).toEqual([
      ['We balanced it twice', 'Sam Okafor'],
      ['Does that not count against you?', 'Nina Holt'],
    ]);
  });

  it('still gives it to the last speaker when the sentence between goes on about them', () => {
    expect(
      direct(
        'Governor Sam Okafor spoke on Monday.\n\n“We balanced it twice,” Okafor said. He did not mention the ' +
          'deficit. “We will do it again.”',
      ),
    ).toEqual([
      ['We balanced it twice', 'Sam Okafor'],
      ['We will do it again.', 'Sam Okafor'],
    ]);
  });

  it('passes the turn back when an interviewer’s question is answered in the next paragraph', () => {
    expect(
      direct(
        'Nina Holt interviewed Sam Okafor on Monday.\n\n' +
          '“The budget is balanced,” Okafor said.\n\n' +
          '“Would you raise taxes to keep it so?” Holt asked.\n\n' +
          '“Not this year, and not next year either.”',
      ),
    ).toEqual([
      ['The budget is balanced', 'Sam Okafor'],
      ['Would you raise taxes to keep it so?', 'Nina Holt'],
      ['Not this year, and not next year either.', 'Sam Okafor'],
    ]);
  });

  it('reads the attribution after a quote the sentence splitter closed on a full stop or an ellipsis', () => {
    expect(
      direct(
        'Nina Holt interviewed Sam Okafor on Monday.\n\n' +
          '“Would you raise taxes?” Holt asked.\n\n' +
          '“Well, no. We will look at a lot of things…” Okafor said.',
      ),
    ).toEqual([
      ['Would you raise taxes?', 'Nina Holt'],
      ['Well, no. We will look at a lot of things…', 'Sam Okafor'],
    ]);
  });

  it('does not take a reaction on the next line for the attribution of a finished quote', () => {
    expect(
      direct(
        'Nina Holt debated Sam Okafor on Monday.\n\n“We balanced it twice,” Okafor said. “That is leadership.”\n' +
          'Holt disagreed.',
      ),
    ).toEqual([
      ['We balanced it twice', 'Sam Okafor'],
      ['That is leadership.', 'Sam Okafor'],
    ]);
  });
});

describe('titles before a name', () => {
  it('leaves a hyphenated title out of the name', () => {
    expect(direct('“We will print it,” Herald Editor-in-Chief Rosa Lindqvist said.')).toEqual([
      ['We will print it', 'Rosa Lindqvist'],
    ]);
  });

  it('leaves a portfolio and its title out of the name ("Foreign Affairs Minister Mélanie Joly")', () => {
    expect(
      direct(
        'Foreign Affairs Minister Mélanie Joly spoke in Ottawa. “We are there,” Joly said. “For the long haul,” she said.',
      ),
    ).toEqual([
      ['We are there', 'Mélanie Joly'],
      ['For the long haul', 'Mélanie Joly'],
    ]);
    expect(run('Veterans Affairs Minister Lawrence MacAulay spoke.').people.map((p) => p.name)).toEqual([
      'Lawrence MacAulay',
    ]);
  });

  it('leaves a plural title out of the names it stands before ("Senators Mitch McConnell and …")', () => {
    expect(run('Senators Mitch McConnell and Rosa Vale met on Monday.').people.map((p) => p.name)).toEqual([
      'Mitch McConnell',
      'Rosa Vale',
    ]);
  });

  it('leaves out a role word that opens the name before a given name, and a whip or a counsel', () => {
    expect(
      direct('“He came in on his own,” said Officer Maria Lopez, a Harbor City police spokeswoman.'),
    ).toEqual([['He came in on his own', 'Maria Lopez']]);
    expect(direct('“I do not know what it will take,” said Senate Minority Whip Carl Denby.')).toEqual([
      ['I do not know what it will take', 'Carl Denby'],
    ]);
    expect(direct('“We will review it,” wrote the agency’s General Counsel Peter Marsh.')).toEqual([
      ['We will review it', 'Peter Marsh'],
    ]);
  });
});

describe('an office or a body named by its title alone', () => {
  it('keeps "Foreign Office", "Defence Secretary" and "Prime Minister’s spokesman" whole, with their capitals', () => {
    expect(
      direct(
        '“We do not comment,” the Foreign Office said. “It is under review,” the Defence Secretary said. ' +
          '“No change,” the Prime Minister’s official spokesman said.',
      ),
    ).toEqual([
      ['We do not comment', 'Foreign Office'],
      ['It is under review', 'Defence Secretary'],
      ['No change', 'Prime Minister’s official spokesman'],
    ]);
    expect(run('“We do not comment,” the Foreign Office said.').people).toEqual([]);
  });

  it('gives "the Prime Minister" to the person the article names with that title', () => {
    expect(
      direct(
        'Prime Minister Justin Trudeau spoke in Ottawa. “Talks will go on,” the Prime Minister said on Monday.',
      ),
    ).toEqual([['Talks will go on', 'Justin Trudeau']]);
  });
});

describe('"the minister": a role word alone after the person named with it', () => {
  it('gives "the minister" and "the governor" to the person just named with that title', () => {
    expect(
      direct(
        'Immigration Minister Sean Fraser spoke in Halifax. “Enough is enough,” the minister said. ' +
          'Gov. Tim Houston spoke next. “We were not consulted,” the governor said.',
      ),
    ).toEqual([
      ['Enough is enough', 'Sean Fraser'],
      ['We were not consulted', 'Tim Houston'],
    ]);
  });

  it('leaves it when someone else was mentioned last, and leaves "the official" to the unnamed one', () => {
    expect(
      direct(
        'Sen. Ada Varga spoke at noon. Later, Rhys Ober stopped by his office. “We are closing strong,” the ' +
          'senator said.',
      ),
    ).toEqual([['We are closing strong', 'senator']]);
    expect(
      direct(
        'Defense official Mark Lutz spoke on Monday. A senior official said the talks were over. “Nothing is ' +
          'left,” the official said.',
      ),
    ).toEqual([['Nothing is left', 'official']]);
  });
});

describe('names the copy writes in a way no one speaks them', () => {
  const introduced = 'Immigration Minister Sean Fraser visited a school in Halifax on Monday.\n\n';

  it('reads past a zero-width space inside a name, with offsets still in the text as given', () => {
    const body = `${introduced}“We will bring more families here,” Fra\u200Bser said.`.replace(
      'Sean Fraser',
      'Sean Fra\u200Bser',
    );
    const facts = run(body);
    expect(facts.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We will bring more families here', 'Sean Fraser'],
    ]);
    expect(facts.people.map((p) => p.name)).toEqual(['Sean Fraser']);
    const [quote] = facts.quotes;
    expect(body.slice(quote!.start, quote!.end)).toBe('“We will bring more families here,”');
    expect(facts.people[0]!.mentions.map((m) => body.slice(m.start, m.end))).toEqual([
      'Sean Fra\u200Bser',
      'Fra\u200Bser',
    ]);
  });

  it('reads Windows line ends as paragraph breaks, so a quote over two paragraphs is one quote', () => {
    const body = `${introduced}“It is hard.\n\n“But we will do it,” he said.`.replace(/\n\n/g, '\r\n\r\n');
    const facts = run(body);
    expect(facts.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['It is hard. But we will do it', 'Sean Fraser'],
    ]);
    const [quote] = facts.quotes;
    expect(body.slice(quote!.start, quote!.end)).toBe('“It is hard.\r\n\r\n“But we will do it,”');
  });

  it('reads a no-break space inside a name as a space', () => {
    const facts = run(
      `${introduced.replace('Sean Fraser', 'Sean\u00A0Fraser')}“We will do it,” Fraser said.`,
    );
    expect(facts.people.map((p) => p.name)).toEqual(['Sean Fraser']);
    expect(facts.quotes.map((q) => q.speaker)).toEqual(['Sean Fraser']);
  });

  it('gives a lower-cased surname or full name to the person the article introduced', () => {
    expect(
      direct(
        `${introduced}“It is a good day,” fraser said. “We start now,” said sean fraser. “Go,” the young said.`,
      ),
    ).toEqual([
      ['It is a good day', 'Sean Fraser'],
      ['We start now', 'Sean Fraser'],
      ['Go', 'young'],
    ]);
  });
});

describe('what is not a person', () => {
  it('never makes a speaker of a photo credit, so "she said" after a caption finds the woman before it', () => {
    const body =
      'Ann Lee runs the shelter on Barrington Street.\n\n(Photo: Jane Doe/CBC)\n\n“We are ready,” she said.\n\n' +
      'Instagram/Mark Smith\n\nPhoto by Joan Rivers\n\n“It was a long night,” she said.';
    const facts = run(body);
    expect(facts.quotes.map((q) => q.speaker)).toEqual(['Ann Lee', 'Ann Lee']);
    expect(facts.people.map((p) => p.name)).toEqual(['Ann Lee']);
  });

  it('never makes a person of a byline or of "With files from", but keeps a name after a "by" in a sentence', () => {
    const body =
      'Jane Doe · CBC News · Posted: Dec 03, 2023\n\nBy Jane Doe\n\nThe clinic was built by Tom Hart, a ' +
      'contractor. “It is a start,” she said.\n\nWith files from The Canadian Press and Mark Quinn';
    const facts = run(body);
    expect(facts.people.map((p) => p.name)).toEqual(['Tom Hart']);
    expect(facts.quotes.map((q) => q.speaker)).toEqual([null]);
  });

  it('never makes a person of a holiday or a named day, but keeps a surname "Day"', () => {
    const body =
      'On Christmas Day, Premier Doug Ford said the plan was ready. Canada Day falls on a Wednesday. ' +
      'Coach Ryan Day said the team would play.';
    expect(run(body).people.map((p) => p.name)).toEqual(['Doug Ford', 'Ryan Day']);
  });

  it('gives what an account posts to its owner', () => {
    expect(
      direct('Ivanka Trump spoke on Monday.\n\nThe next day, her Twitter account posted: “Shop the look.”'),
    ).toEqual([['Shop the look.', 'Ivanka Trump']]);
  });
});

describe('Canadian titles and public bodies', () => {
  it('leaves a party and "MP" or "MPP" out of the name, so the surname later finds the whole name', () => {
    const facts = run(
      'NDP MP Jenny Kwan said housing must keep pace. MPP Jill Andrew agreed.\n\n“We need homes first,” Kwan said.',
    );
    expect(facts.people.map((p) => [p.name, p.role])).toEqual([
      ['Jenny Kwan', 'NDP MP'],
      ['Jill Andrew', 'MPP'],
    ]);
    expect(facts.quotes.map((q) => q.speaker)).toEqual(['Jenny Kwan', 'Jenny Kwan']);
  });

  it('reads a police rank ("Const.", "Cpl.", "Det. Sgt.") as a title, not as the end of the sentence', () => {
    const facts = run(
      'Police arrived at 9 p.m.\n\n“It is too early to say,” Const. Alex Li told CBC Toronto.\n\n' +
        'RCMP Cpl. Chantal Lefebvre said officers were called. “We need witnesses,” Det. Sgt. Ann Ho said.',
    );
    expect(facts.people.map((p) => [p.name, p.role])).toEqual([
      ['Alex Li', 'Const.'],
      ['Chantal Lefebvre', 'RCMP Cpl.'],
      ['Ann Ho', 'Det. Sgt.'],
    ]);
    expect(facts.quotes.map((q) => [q.kind, q.speaker])).toEqual([
      ['direct', 'Alex Li'],
      ['reported', 'Chantal Lefebvre'],
      ['direct', 'Ann Ho'],
    ]);
  });

  it('reads an acronym that speaks as a body, and what someone was doing as no role', () => {
    const facts = run(
      'The RCMP said the investigation continues.\n\n“It breaks my heart,” said Dave Smith.\n\n' +
        'Smith, speaking outside the Canada Revenue Agency office, said: “Nobody listens.”',
    );
    expect(facts.people.map((p) => [p.name, p.role])).toEqual([['Dave Smith', null]]);
    expect(facts.quotes.map((q) => q.speaker)).toEqual(['RCMP', 'Dave Smith', 'Dave Smith']);
  });

  it('leaves the possessive out of a role given before the name ("Its president, Mark Lee,")', () => {
    expect(
      run('The union backs the nurses. Its president, Mark Lee, said they were exhausted.').people.map(
        (p) => [p.name, p.role],
      ),
    ).toEqual([['Mark Lee', 'president']]);
  });

  it('reads a name that "which" follows as a body, and one that "who" follows as a person', () => {
    const facts = run(
      'Shared Health, which runs the hospital, said it could not discuss the case. Tom Hart, who runs the clinic, ' +
        'said it was full.',
    );
    expect(facts.people.map((p) => p.name)).toEqual(['Tom Hart']);
    expect(facts.quotes.map((q) => q.speaker)).toEqual(['Shared Health', 'Tom Hart']);
  });

  it('reads a body named for its country as an organisation, not a person, and a region as neither', () => {
    const facts = run(
      'Statistics Canada said the population grew by a million people. Atlantic Canada grew fastest of all.',
    );
    expect(facts.people).toEqual([]);
    expect(facts.organizations.map((o) => o.name)).toEqual(['Statistics Canada']);
    expect(facts.quotes.map((q) => q.speaker)).toEqual(['Statistics Canada']);
  });
});

describe('a surname that is also a company', () => {
  it('is the person when the article names someone with it in full, and the company otherwise', () => {
    const person = run(
      'Premier Doug Ford defended the plan.\n\n“We are building homes faster than ever,” Ford said.',
    );
    expect(person.quotes.map((q) => q.speaker)).toEqual(['Doug Ford']);
    expect(person.organizations).toEqual([]);
    const company = run('Ford said its sales fell by a third. “It was a hard year,” Ford said.');
    expect(company.people).toEqual([]);
    expect(company.organizations.map((o) => o.name)).toEqual(['Ford']);
    expect(company.quotes.map((q) => q.speaker)).toEqual(['Ford', 'Ford']);
  });
});

describe('bodies that speak through a document or by their name', () => {
  it('gives what a document says to whoever issued it', () => {
    const speakers = run(
      'According to a news release from the Ministry of Transportation, the highway reopened at noon. A ' +
        'statement issued by the RCMP said two men were arrested.',
    ).quotes.map((q) => q.speaker);
    expect(speakers).toEqual(['Ministry of Transportation', 'RCMP']);
  });

  it('keeps the capital of a name of capitalised words and lower-cases an ordinary word before a description', () => {
    const speakers = run(
      'The White House says the speech is ready. The State Department says talks went well. Top Carver aides ' +
        'said the senator would run again.',
    ).quotes.map((q) => q.speaker);
    expect(speakers).toEqual(['White House', 'State Department', 'top Carver aides']);
    expect(run('Bank of America said profits rose by a third.').quotes.map((q) => q.speaker)).toEqual([
      'Bank of America',
    ]);
  });
});

describe('a person named with "of" and a place or an organisation', () => {
  it('gives the quote to the person, not to the place or the organisation after "of"', () => {
    expect(
      direct(
        'The Harbor Policy Institute published its report on Monday.\n\n“The levy will not pass,” said Dana Mills ' +
          'of the Harbor Policy Institute.',
      ),
    ).toEqual([['The levy will not pass', 'Dana Mills']]);
    expect(direct('Senator Ruth Olsen of Oregon said, “We will vote tomorrow.”')).toEqual([
      ['We will vote tomorrow.', 'Ruth Olsen'],
    ]);
    expect(direct('Dana Mills of Harbor Watch said, “The levy will not pass.”')).toEqual([
      ['The levy will not pass.', 'Dana Mills'],
    ]);
    expect(direct('According to Dana Mills of Harbor Watch, “The levy will not pass.”')).toEqual([
      ['The levy will not pass.', 'Dana Mills'],
    ]);
  });

  it('leaves an organisation whose own name holds "of" whole', () => {
    expect(direct('The Bank of Lakeview said, “Rates will stay where they are.”')).toEqual([
      ['Rates will stay where they are.', 'Bank of Lakeview'],
    ]);
  });
});
