import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const reported = (body: string) =>
  extract({ title: 'Test', body, published })
    .quotes.filter((q) => q.kind === 'reported')
    .map((q) => [q.text, q.speaker, q.verb]);

describe('reported speech: the "that" clause', () => {
  it('reads a "that" clause after a time or place phrase between the verb and "that"', () => {
    expect(reported('Mara Lindgren said in her weekly column that the levy would be cut by half.')).toEqual([
      ['the levy would be cut by half', 'Mara Lindgren', 'say'],
    ]);
    expect(reported('Tomas Berg argued during the hearing on Monday that the budget was unlawful.')).toEqual([
      ['the budget was unlawful', 'Tomas Berg', 'argue'],
    ]);
  });

  it('reads a few words of its own before "that" only for verbs that also take objects', () => {
    expect(reported('Tomas Berg recalled his surprise that the budget had passed so fast.')).toEqual([
      ['the budget had passed so fast', 'Tomas Berg', 'recall'],
    ]);
  });

  it('does not read a relative "that" as a reported clause ("states that will hold …")', () => {
    expect(reported('Most coastal states that will hold primaries next week have large cities.')).toEqual([]);
  });
});

describe('reported speech: who is speaking', () => {
  it('gives a clause reported in a ", who said" relative clause to the antecedent, ending it at the main verb', () => {
    expect(
      reported('Oskar Virtanen, who said the mill would reopen in June, called for a vote on Friday.'),
    ).toEqual([['the mill would reopen in June', 'Oskar Virtanen', 'say']]);
  });

  it('reads a subject that carries a relative clause with a verb of its own ("Parents who have …")', () => {
    expect(
      reported(
        'Parents who have waited two years for a place say the new nursery will not open before 2027.',
      ),
    ).toEqual([
      ['the new nursery will not open before 2027', 'parents who have waited two years for a place', 'say'],
    ]);
    expect(
      reported('The councillors whose wards were merged told the inquiry that no one had asked them.'),
    ).toEqual([['no one had asked them', 'councillors whose wards were merged', 'tell']]);
  });

  it('gives a description whose relative clause names someone to the people described, not to that name', () => {
    const body =
      'Keir Aldous runs the ferry company. Engineers who have worked with Keir Aldous say the ships are safe.';
    expect(reported(body)).toEqual([
      ['the ships are safe', 'engineers who have worked with Keir Aldous', 'say'],
    ]);
  });

  it('does not take a place before "who" for a description that opens a clause of its own', () => {
    expect(
      reported(
        'Clerk Ana Holt said Tuesday that some voters in Moncton, New Brunswick who were listed twice complained when the rolls came out.',
      ),
    ).toEqual([
      [
        'some voters in Moncton, New Brunswick who were listed twice complained when the rolls came out',
        'Ana Holt',
        'say',
      ],
    ]);
  });

  it('reads a restrictive "who said" after an object or a preposition, for the people it describes', () => {
    expect(
      reported('The council refused to pay a contractor who said the roof had been finished in May.'),
    ).toEqual([['the roof had been finished in May', 'contractor', 'say']]);
    expect(
      reported('The levy was backed by 40 percent of tenants who said rents would rise anyway.'),
    ).toEqual([['rents would rise anyway', '40 percent of tenants', 'say']]);
  });

  it('does not read a restrictive "who" inside the subject, after "those", or inside a clause already reported', () => {
    expect(reported('Most of the tenants who said the rents were too high voted against it.')).toEqual([]);
    expect(reported('Among those who said the rents were too high, most voted against it.')).toEqual([]);
    expect(reported('Ana Holt said she had a neighbour who told her the mill would close.')).toEqual([
      ['she had a neighbour who told her the mill would close', 'Ana Holt', 'say'],
    ]);
    // The one told is no speaker: what the relative clause says and what was told cannot be told apart.
    expect(
      reported(
        'Ana Holt told a student who suggested that fees might rise that the college would freeze them.',
      ).map((q) => q[1]),
    ).toEqual(['Ana Holt']);
  });

  it('gives ", which argued that …" to the body named before it, only where a clause follows', () => {
    expect(
      reported(
        'The ruling was sought by the Halifax Chronicle, which argued that the files were of public interest.',
      ),
    ).toEqual([['the files were of public interest', 'Halifax Chronicle', 'argue']]);
    expect(
      reported(
        'The raid was planned by the Northern Front, which claimed responsibility for it, police say.',
      ),
    ).toEqual([
      ['The raid was planned by the Northern Front, which claimed responsibility for it', 'police', 'say'],
    ]);
  });

  it('reads the subject across an appositive relative clause that holds a quoted word', () => {
    expect(
      reported('Holm, who calls the levy a “tax on breathing,” said she would vote against it in March.'),
    ).toEqual([['she would vote against it in March', 'Holm', 'say']]);
  });

  it('leaves a restrictive "who said" alone (voters who said …)', () => {
    expect(reported('Voters who said the economy mattered most were split between the two.')).toEqual([]);
  });

  it('reads the subject that opens the sentence across a long appositive', () => {
    expect(
      reported(
        'Greta Holm, a former adviser to the mayor who now runs a housing charity in the north of the city, said the rents had doubled since 2010.',
      ),
    ).toEqual([['the rents had doubled since 2010', 'Greta Holm', 'say']]);
    expect(
      reported(
        'The harbour master -- who has run the port for two decades -- said the new quay would open in May.',
      ),
    ).toEqual([['the new quay would open in May', 'harbour master', 'say']]);
  });

  it('reads the subject of a clause that a conjunction or a dash opens inside the reporter’s sentence', () => {
    expect(
      reported('The vote matters because Ines Carvalho has said she is “not yet convinced” by the plan.'),
    ).toEqual([['she is “not yet convinced” by the plan', 'Ines Carvalho', 'say']]);
    expect(
      reported(
        'Mayor Ana Pell credits the volunteers for the turnout -- but the city clerk said the weather “did half the work.”',
      ),
    ).toEqual([['the weather “did half the work”', 'city clerk', 'say']]);
    expect(
      reported('In June - two weeks after the flood - the water board told residents that the dam was safe.'),
    ).toEqual([['the dam was safe', 'water board', 'tell']]);
  });

  it('ends a reported clause before the conjunction that opens the next attribution after a comma', () => {
    expect(
      reported('The navy said the ship had left port, shortly after the ministry said the crew was safe.'),
    ).toEqual([
      ['the ship had left port', 'navy', 'say'],
      ['the crew was safe', 'ministry', 'say'],
    ]);
  });

  it('keeps a verb after a conjunction inside a reported clause as part of what was said', () => {
    expect(
      reported('Ana Lind said she knew little about the mayor before he announced that he would run again.'),
    ).toEqual([
      ['she knew little about the mayor before he announced that he would run again', 'Ana Lind', 'say'],
    ]);
  });

  it('reads a subject after a conjunction only for a verb that reports a clause', () => {
    expect(reported('The fleet is growing because the minister announced his budget.')).toEqual([]);
  });

  it('trusts only a name, a short description or a pronoun after such a conjunction', () => {
    expect(reported('The fleet is growing because more ambiguous rules claimed most of the budget.')).toEqual(
      [],
    );
  });

  it('reads the subject across an appositive after a connective or a short time phrase that opens the sentence', () => {
    expect(
      reported(
        'But Tomas Berg, the head of the ferry board, a body that has sued the port twice, said that “the damage is done.”',
      ),
    ).toEqual([['“the damage is done”', 'Tomas Berg', 'say']]);
    expect(
      reported(
        'Earlier this week, Ana Ruiz, who ran the port when the deal was made, conceded the deal was “deeply regrettable.”',
      ),
    ).toEqual([['the deal was “deeply regrettable”', 'Ana Ruiz', 'concede']]);
  });

  it('does not take an opening adverbial or a clause for a subject across a comma', () => {
    expect(reported('On Thursday, after a long debate in the chamber, said to be heated, it ended.')).toEqual(
      [],
    );
  });
});

describe('reported speech: a speech noun the subject owns', () => {
  it('goes to the subject that repeats "his promise", not to whoever the pronoun would find', () => {
    expect(
      reported(
        'Finance Minister Chrystia Freeland said the cheques would arrive in April.\n\nPoilievre, speaking at a ' +
          'rally in Saskatoon, repeated his promise to “axe the tax.”',
      ),
    ).toEqual([
      ['the cheques would arrive in April', 'Chrystia Freeland', 'say'],
      ['to “axe the tax”', 'Poilievre', 'promise'],
    ]);
  });

  it('leaves "his" to the pronoun rules when the subject is a description', () => {
    expect(
      reported(
        'Texas Sen. Ted Cruz spoke in Iowa. Later, the Republican candidate repeated his promise to repeal the rules.',
      ),
    ).toEqual([['to repeal the rules', 'Ted Cruz', 'promise']]);
  });
});

describe('reported speech: an attribution set into the sentence', () => {
  it('reads the clause before "…, she said on the radio." and not the place it was said', () => {
    expect(reported('The ferry will run twice a day from May, Ida Strand said on local radio.')).toEqual([
      ['The ferry will run twice a day from May', 'Ida Strand', 'say'],
    ]);
  });

  it('reads both halves around "…, he said, …" as what was said, one clause when the first is its "if"', () => {
    expect(
      reported('If the vote fails again, Nils Aho said, the council will have to raise the fares.'),
    ).toEqual([['If the vote fails again the council will have to raise the fares', 'Nils Aho', 'say']]);
  });

  it('stops at the attribution when a participle follows it ("…, she said, adding …")', () => {
    expect(
      reported('The depot will close in June, Ida Strand said, adding that the staff would be moved.'),
    ).toEqual([
      ['The depot will close in June', 'Ida Strand', 'say'],
      ['the staff would be moved', 'Ida Strand', 'add'],
    ]);
  });

  it('does not read a noun such as "state" between commas as an attribution', () => {
    expect(reported('He won in Ohio, Iowa and his home state, giving him a clear lead in the race.')).toEqual(
      [],
    );
  });
});

describe('reported speech: a quote that carries on the reporter’s sentence', () => {
  const kinds = (body: string) =>
    extract({ title: 'Test', body, published }).quotes.map((q) => [q.kind, q.text, q.speaker]);

  it('reads a lower-case quote after an attribution set into the sentence as the rest of the reported clause', () => {
    expect(
      kinds('The port board met on Monday. That, the board said, “would be a help to the small boats.”'),
    ).toEqual([['reported', '“would be a help to the small boats”', 'board']]);
    expect(
      kinds(
        'When the new levy comes into force, Dr. Lena Moss added, “it will feel like a fair market at last.”',
      ),
    ).toEqual([
      ['reported', 'When the new levy comes into force', 'Lena Moss'],
      ['reported', '“it will feel like a fair market at last”', 'Lena Moss'],
    ]);
  });

  it('reads a lower-case quote right after "that," as the reported clause', () => {
    expect(
      kinds('Tom Hale spoke on Monday. He added that, “my aim was to stay close to the facts.”'),
    ).toEqual([['reported', '“my aim was to stay close to the facts”', 'Tom Hale']]);
  });

  it('keeps a quote after a connective or an adverbial of the reporter’s own as a direct quote', () => {
    expect(kinds('But, Lena Moss said, “we knew it would come to this.”')).toEqual([
      ['direct', 'we knew it would come to this.', 'Lena Moss'],
    ]);
    expect(kinds('At the same time, Lena Moss added, “you saw the results we had.”')).toEqual([
      ['direct', 'you saw the results we had.', 'Lena Moss'],
    ]);
  });

  it('keeps a quote that opens in capitals after an aside as an utterance, not reported speech', () => {
    expect(
      kinds(
        'Anna Moss, who also toured the state this week, tweeted, "Thank you Ohio! #Moss2016" on Friday.',
      ),
    ).toEqual([['direct', 'Thank you Ohio! #Moss2016', 'Anna Moss']]);
  });
});

describe('reported speech: where and when it was said', () => {
  it('reads an attribution that ends the sentence with where or when it was said', () => {
    expect(
      reported('Moss is “the least honest mayor since 1990,” Kai Lind said during the interview.'),
    ).toEqual([['Moss is “the least honest mayor since 1990”', 'Kai Lind', 'say']]);
    expect(
      reported('Voters had “made the biggest dent” yet in the old order, Kai Lind said in a video message.'),
    ).toEqual([['Voters had “made the biggest dent” yet in the old order', 'Kai Lind', 'say']]);
  });

  it('reads a place with its state between the verb and "that"', () => {
    expect(
      reported(
        'Anna Moss told a town hall in Salem, Ohio on Monday that the levy is “peanuts” next to the rest.',
      ),
    ).toEqual([['the levy is “peanuts” next to the rest', 'Anna Moss', 'tell']]);
    expect(
      reported(
        'Sen. Anna Moss said Sunday in Dayton, Ohio, that she hoped for a large turnout at the polls.',
      ),
    ).toEqual([['she hoped for a large turnout at the polls', 'Anna Moss', 'say']]);
  });

  it('does not read a result clause ("tells so many lies that …") as what was told', () => {
    expect(reported('Kai Lind tells so many stories that nobody could check them all.')).toEqual([]);
  });

  it('reads "that" after a verb in the past tense as a pronoun when a verb follows it', () => {
    expect(reported('Kai Lind spoke at noon. He said that is a "distortion" of the record.')).toEqual([
      ['that is a “distortion” of the record', 'Kai Lind', 'say'],
    ]);
  });

  it('gives a participle the subject of a main verb the lexicon does not list', () => {
    expect(reported('Kai Lind apologized the next day, saying it was “childish” to call names.')).toEqual([
      ['it was “childish” to call names', 'Kai Lind', 'say'],
    ]);
  });

  it('reads a "that" clause that ends in a full quote after words of the reporter’s own', () => {
    expect(
      extract({
        title: 'Test',
        body: 'Anna Moss paused and said that in the present climate, "I think it helps not to be famous."',
        published,
      }).quotes.map((q) => [q.kind, q.text]),
    ).toEqual([['reported', 'in the present climate, “I think it helps not to be famous”']]);
  });
});

describe('reported speech: questions', () => {
  it('reports a question put without its asker, with no speaker', () => {
    expect(reported('Asked whether the levy would rise next year, Lena Moss said she did not know.')).toEqual(
      [
        ['whether the levy would rise next year', null, 'ask'],
        ['she did not know', 'Lena Moss', 'say'],
      ],
    );
    expect(reported('Kai Lind was asked if he would run again. He did not answer.')).toEqual([
      ['if he would run again', null, 'ask'],
    ]);
  });

  it('reports the question of "…, X said when asked whether …"', () => {
    expect(
      reported('"You bet I would," Kai Lind said when asked whether he would close the border to the south.'),
    ).toEqual([['whether he would close the border to the south', null, 'ask']]);
  });

  it('names the asker when the sentence does', () => {
    expect(reported('Asked by Anna Dahl whether he would run, Kai Lind shrugged.')).toEqual([
      ['whether he would run', 'Anna Dahl', 'ask'],
    ]);
  });

  it('reports the topic of "asked about" as a question with no asker', () => {
    expect(reported('Asked about the vote on the bridge, Kai Lind smiled.')).toEqual([
      ['about the vote on the bridge', null, 'ask'],
    ]);
  });

  it('ends a question set off by "when asked" at the comma where the main clause resumes', () => {
    expect(reported('Kai Lind, when asked if he would resign over the bridge, shook his head.')).toEqual([
      ['if he would resign over the bridge', null, 'ask'],
    ]);
  });
});

describe('reported speech: a subject set off with its appositive', () => {
  it('reads no inverted speaker after a name and appositive that are the verb’s own subject', () => {
    expect(reported('The hospital’s chief executive, Dr. Fiona Dalton, acknowledged the shortage.')).toEqual(
      [],
    );
    expect(reported('Fiona Dalton, the hospital’s chief executive, admitted the mistake.')).toEqual([]);
  });

  it('still reads one after a clause that ends in a name', () => {
    expect(reported('The talks were chaired by Mark Carney, said the spokesman.')).toEqual([
      ['The talks were chaired by Mark Carney', 'spokesman', 'say'],
    ]);
  });
});

describe('reported speech: a relative clause with its own speaker', () => {
  it('reads "which he said …" and "that officials said …" up to the relative clause’s end', () => {
    expect(reported('Kai Lind wants a wall, which he said the southern state should also pay for.')).toEqual([
      ['the southern state should also pay for', 'Kai Lind', 'say'],
    ]);
    expect(
      reported(
        'The new rule, which officials said will go into effect in a few months, will not apply to farms.',
      ),
    ).toEqual([['will go into effect in a few months', 'officials', 'say']]);
  });
});

describe('reported speech: an attribution set into the clause it reports', () => {
  it('joins the subject before the aside to the rest of the clause, without the attribution', () => {
    expect(reported('The new bridge, Ines Varga said, would open to traffic in the spring.')).toEqual([
      ['The new bridge would open to traffic in the spring', 'Ines Varga', 'say'],
    ]);
  });

  it('reads an adverb between the speaker and the verb ("often says", "now says")', () => {
    expect(reported('Rail freight, Ines Varga often says, is the cheapest way to move grain.')).toEqual([
      ['Rail freight is the cheapest way to move grain', 'Ines Varga', 'say'],
    ]);
    expect(reported('Ines Varga now says she opposes the levy on fuel.')).toEqual([
      ['she opposes the levy on fuel', 'Ines Varga', 'say'],
    ]);
  });

  it('leaves an opening adverbial out of what was said', () => {
    expect(reported('In the end, Ines Varga said, the vote was close.')).toEqual([
      ['the vote was close', 'Ines Varga', 'say'],
    ]);
  });

  it('takes a lower-case or coordinated speaker after a closed clause', () => {
    expect(
      reported('The harbour will close for a month, port workers and union officials told the Gazette.'),
    ).toEqual([['The harbour will close for a month', 'port workers and union officials', 'tell']]);
  });
});

describe('reported speech: a clause opening on a negative contraction', () => {
  it('reads "hadn’t", "weren’t", "couldn’t" as the verb of a clause after a verb that also takes objects', () => {
    expect(reported('Ana Holt suggested the board hadn’t read the report before the vote.')).toEqual([
      ['the board hadn’t read the report before the vote', 'Ana Holt', 'suggest'],
    ]);
  });
});

describe('reported speech: a clause without "that" after an object', () => {
  it('reads a pronoun subject and its verb as the clause told ("told the Gazette he planned …")', () => {
    expect(reported('Clemens Roth told the Gazette he planned to stand again.')).toEqual([
      ['he planned to stand again', 'Clemens Roth', 'tell'],
    ]);
    expect(reported('Clemens Roth told the Gazette he’s not planning a second term.')).toEqual([
      ['he’s not planning a second term', 'Clemens Roth', 'tell'],
    ]);
  });
});

describe('reported speech: a participle of saying and its speaker', () => {
  it('gives a participle after a direct quote’s attribution to the quote’s speaker', () => {
    expect(
      reported('“We will win the county,” Ines Varga said, adding that she would campaign in every town.'),
    ).toEqual([['she would campaign in every town', 'Ines Varga', 'add']]);
  });

  it('reads a participle after a preposition with no comma ("by telling …") for the main subject', () => {
    expect(reported('Ines Varga answered by telling the council it had wasted the grant.')).toEqual([
      ['it had wasted the grant', 'Ines Varga', 'tell'],
    ]);
  });

  it('gives a participle after a document ("issued a statement saying …") to its issuer', () => {
    expect(reported('The port board issued a statement saying the quay would reopen in May.')).toEqual([
      ['the quay would reopen in May', 'port board', 'say'],
    ]);
  });

  it('reads an adverb between the comma and the participle ("…, falsely suggesting …")', () => {
    expect(reported('Ines Varga defended the levy, falsely suggesting that the grant had run out.')).toEqual([
      ['the grant had run out', 'Ines Varga', 'suggest'],
    ]);
  });

  it('gives a participle the subject of the clause after an opening phrase with no subject of its own', () => {
    expect(
      reported(
        'Amid calls to publish the names of those who voted, Ines Varga offered a defence of the ballot, saying secrecy “keeps the vote honest.”',
      ),
    ).toEqual([['secrecy “keeps the vote honest”', 'Ines Varga', 'say']]);
    expect(
      reported(
        'Shortly after the hearing ended, the Varga campaign sent out a release saying the judge had “ignored the facts.”',
      ),
    ).toEqual([['the judge had “ignored the facts”', 'Varga campaign', 'say']]);
  });

  it('reads "that" before a noun and a comma as no relative pronoun of the participle after it', () => {
    expect(
      reported(
        'The union would not discuss that letter, telling the paper that its members wanted “a fair deal.”',
      ),
    ).toEqual([['its members wanted “a fair deal”', 'union', 'tell']]);
  });

  it('gives a participle that opens the sentence to the subject that comes after it', () => {
    expect(reported('After saying he was nervous, the farmer asked a question.')).toEqual([
      ['he was nervous', 'farmer', 'say'],
    ]);
  });
});

describe('reported speech: requests and commitments', () => {
  it('reads a request ("asked the council to …") with the one asked, for the one asking', () => {
    expect(
      reported(
        'The harbour board has asked the council of the old town to “cease and desist” from fishing there.',
      ),
    ).toEqual([
      ['the council of the old town to “cease and desist” from fishing there', 'harbour board', 'ask'],
    ]);
  });

  it('reads no request from "asked about" or a request inside what was said; "asked for" names what was asked', () => {
    expect(reported('Ana Lind asked about the wall and asked for a recount.')).toEqual([
      ['for a recount', 'Ana Lind', 'ask'],
    ]);
    expect(reported('Ana Lind said that, if elected, she would ask the mayor to resign.')).toEqual([
      ['if elected, she would ask the mayor to resign', 'Ana Lind', 'say'],
    ]);
  });

  it('reads a commitment with a time or a place between the verb and its "to"', () => {
    expect(reported('Ana Lind promised on Sunday at a rally in Reno to end “the wasteful regime.”')).toEqual([
      ['to end “the wasteful regime”', 'Ana Lind', 'promise'],
    ]);
    expect(reported('Per Holm pledged Saturday to rid the port of “this rotten cartel.”')).toEqual([
      ['to rid the port of “this rotten cartel”', 'Per Holm', 'pledge'],
    ]);
  });

  it('reads a commitment after a comma as what was promised, not as where it was said', () => {
    expect(reported('The bill goes to the governor, where Ana Lind has promised to veto it.')).toEqual([
      ['to veto it', 'Ana Lind', 'promise'],
    ]);
  });
});

describe('reported speech: "it" as the speaker', () => {
  it('gives "It added …" to the organisation that spoke just before', () => {
    expect(
      reported(
        'In a statement, the World Health Organization said the outbreak was over. It added that tests would continue until May.',
      ),
    ).toEqual([
      ['the outbreak was over', 'World Health Organization', 'say'],
      ['tests would continue until May', 'World Health Organization', 'add'],
    ]);
  });

  it('reports "It says …" after a document with no speaker to name', () => {
    expect(
      reported(
        'The port board sent a letter on Thursday. It says the company broke federal and state law by dumping waste.',
      ),
    ).toEqual([['the company broke federal and state law by dumping waste', null, 'say']]);
  });
});

describe('reported speech: words that looked like something else', () => {
  it('keeps a noun in -ly in the speaker ("lawyers for the family said")', () => {
    expect(reported('The relatives watched the video on Thursday, lawyers for the family said.')).toEqual([
      ['The relatives watched the video on Thursday', 'lawyers for the family', 'say'],
    ]);
  });

  it('starts the speaker after a colon', () => {
    expect(
      reported('The vote set off a row on Friday: the mayor said the council had broken its own rules.'),
    ).toEqual([['the council had broken its own rules', 'mayor', 'say']]);
  });

  it('reads "but has said" for the main subject', () => {
    expect(reported('Ines Varga has praised the plan but has said she will vote against the levy.')).toEqual([
      ['she will vote against the levy', 'Ines Varga', 'say'],
    ]);
  });

  it('reads "said about half of …" as a clause, not a topic', () => {
    expect(
      reported('The budget office said about half of the shortfall came from lower fuel taxes.'),
    ).toEqual([['about half of the shortfall came from lower fuel taxes', 'budget office', 'say']]);
  });

  it('reads a programme’s quoted name as the object of "told"', () => {
    expect(
      reported('Ines Varga told Radio North’s "Morning Call" that the ferry would run all winter.'),
    ).toEqual([['the ferry would run all winter', 'Ines Varga', 'tell']]);
  });

  it('does not read "states" after "those" or the noun "state" as verbs of saying', () => {
    expect(reported('In each of those states, about half of the voters backed the levy.')).toEqual([]);
  });
});

describe('reported speech: a participle of saying that carries a partial quote', () => {
  it('reads a participle after a quoted fragment closed by its comma', () => {
    expect(
      reported('Mayor Ana Holt called the budget “reckless,” saying the council had “lost its head.”'),
    ).toEqual([['the council had “lost its head”', 'Ana Holt', 'say']]);
  });

  it('reads a participle after "by" or after a statement the subject issued, for the main subject', () => {
    expect(reported('Ana Holt responded by saying that the judge was “plainly biased” against her.')).toEqual(
      [['the judge was “plainly biased” against her', 'Ana Holt', 'say']],
    );
    expect(reported('Ana Holt released a statement on Friday saying the audit “changes nothing.”')).toEqual([
      ['the audit “changes nothing”', 'Ana Holt', 'say'],
    ]);
  });

  it('gives "adding that …" after an attributed direct quote to that quote’s speaker', () => {
    expect(
      reported('“The port is safe,” said Ana Holt, adding that the new cranes were “the best in the north.”'),
    ).toEqual([['the new cranes were “the best in the north”', 'Ana Holt', 'add']]);
  });

  it('reads a progressive after a contracted "is" ("she’s claiming …")', () => {
    expect(
      reported('Ana Holt spoke in Malmö. She’s claiming that the tax is “a burden on every family.”'),
    ).toEqual([['the tax is “a burden on every family”', 'Ana Holt', 'claim']]);
  });

  it('does not give "for saying" to the subject, who only blamed someone for it', () => {
    expect(reported('Ana Holt attacked Per Lund for saying the tax was “a burden.”')).toEqual([]);
  });
});

describe('reported speech: a sentence that carries on the last quote with a fragment of its own', () => {
  it('gives a sentence mostly inside quotation marks, with no attribution, to the speaker just quoted', () => {
    expect(
      reported(
        '“We were not happy at first,” said Jo Berg, the port’s director. Now, “the whole town sees the point of the new quay.”',
      ),
    ).toEqual([['Now, “the whole town sees the point of the new quay”', 'Jo Berg', 'say']]);
  });

  it('leaves a scare quote in the reporter’s own sentence alone', () => {
    expect(
      reported('“We were not happy at first,” said Jo Berg. Critics called the new quay “a folly.”'),
    ).toEqual([]);
  });
});

describe('reported speech: "according to" set into the sentence', () => {
  it('sources the clause after the aside together with an opening phrase without a verb', () => {
    expect(
      reported(
        'Over the next decade, according to the budget office, the harbour debt will “double at least.”',
      ),
    ).toEqual([
      ['Over the next decade the harbour debt will “double at least”', 'budget office', 'according to'],
    ]);
  });

  it('skips an appositive of the source before the clause, whose subject comes before the aside', () => {
    expect(
      reported('The levy, according to Jo Berg, a professor at Umeå, will “hurt every family.”'),
    ).toEqual([['The levy will “hurt every family”', 'Jo Berg', 'according to']]);
  });

  it('does not read an appositive with a relative clause as the clause it sources', () => {
    expect(reported('The levy is popular, according to Jo Berg, a pollster who surveyed the town.')).toEqual([
      ['The levy is popular', 'Jo Berg', 'according to'],
    ]);
  });

  it('takes a source described at length as written ("a survey conducted for … by …")', () => {
    expect(
      reported(
        'According to early results of an exit poll conducted for the public broadcaster and two newspapers by Harbour Research, most voters want the rent cap kept.',
      ),
    ).toEqual([
      [
        'most voters want the rent cap kept',
        'early results of an exit poll conducted for the public broadcaster and two newspapers by Harbour Research',
        'according to',
      ],
    ]);
  });

  it('ends the source at a dash, and sources only what brackets hold when the source is inside them', () => {
    expect(
      reported(
        'The new levy would raise £2 billion over five years, according to the Fiscal Studies Unit - a fraction of the deficit.',
      ),
    ).toEqual([
      ['The new levy would raise £2 billion over five years', 'Fiscal Studies Unit', 'according to'],
    ]);
    expect(
      reported(
        'The mayor repeated his figure for the new homes (the real number is closer to 400, according to the planning register).',
      ),
    ).toEqual([['the real number is closer to 400', 'planning register', 'according to']]);
  });

  it('keeps a name written in capitals inside a word as written ("RealClearPolitics", "YouGov")', () => {
    expect(
      reported('YouGov polling shows the premier ahead, according to the RealClearPolitics average.'),
    ).toEqual([['YouGov polling shows the premier ahead', 'RealClearPolitics average', 'according to']]);
  });
});

describe('reported speech: a verb of saying after "continues to", "was quick to", "took to Twitter to"', () => {
  it('reads the infinitive as the subject’s own speech', () => {
    expect(reported('Ana Holt continues to insist that the ferry will run all winter.')).toEqual([
      ['the ferry will run all winter', 'Ana Holt', 'insist'],
    ]);
    expect(reported('Ana Holt was quick to point out that the ferry had never been late.')).toEqual([
      ['the ferry had never been late', 'Ana Holt', 'point out'],
    ]);
    expect(reported('The premier took to Twitter to say the bridge would reopen in May.')).toEqual([
      ['the bridge would reopen in May', 'premier', 'say'],
    ]);
  });

  it('does not read what someone refused or declined to say as said', () => {
    expect(reported('Ana Holt refused to say that the ferry would run all winter.')).toEqual([]);
  });
});

describe('reported speech: who is speaking, after a quote and in a catenative', () => {
  it('gives ", who said …" after a quote’s attribution to the name before the comma', () => {
    expect(
      reported('“The port is safe,” said Jo Berg, who said the cranes were “the best in the north.”'),
    ).toEqual([['the cranes were “the best in the north”', 'Jo Berg', 'say']]);
  });

  it('reads "went on to say" and "was quick to add" as the subject’s own speech', () => {
    expect(reported('Jo Berg went on to say the quay was “a gift to the town.”')).toEqual([
      ['the quay was “a gift to the town”', 'Jo Berg', 'say'],
    ]);
    expect(reported('Jo Berg was quick to add that the quay “will reopen soon.”')).toEqual([
      ['the quay “will reopen soon”', 'Jo Berg', 'add'],
    ]);
  });

  it('does not read an infinitive of intent ("wants to say") as speech', () => {
    expect(reported('Jo Berg wants to say that the quay was a gift.')).toEqual([]);
  });
});

describe('reported speech: a quoted fragment after a conjunction carries on what was said', () => {
  it('reads both halves of an aside whose first half ends in a partial quote and whose second follows "and"', () => {
    expect(
      reported(
        'Lena Mills “got a generous deal,” Jo Berg said in June 2012, and still “kept the keys to the port.”',
      ),
    ).toEqual([
      ['Lena Mills “got a generous deal”', 'Jo Berg', 'say'],
      ['“kept the keys to the port”', 'Jo Berg', 'say'],
    ]);
  });

  it('gives a fragment after "but" to the speaker of the quote whose attribution it follows, as one partial quote', () => {
    expect(
      reported('“I love the port,” said Jo Berg, but “when it comes to tolls, the port is greedy.”'),
    ).toEqual([['“I love the port” but “when it comes to tolls, the port is greedy”', 'Jo Berg', 'say']]);
  });
});

describe('reported speech: "maintain" reports only a clause', () => {
  it('does not read a garrison a country maintains as speech, nor give its figure a source', () => {
    const facts = extract({
      title: 'Test',
      body: 'Norland maintains about 2,400 soldiers on the islands, which it has held since 1982.',
      published,
    });
    expect(facts.quotes).toEqual([]);
    expect(facts.figures.map((f) => [f.min, f.source])).toEqual([[2400, null]]);
  });

  it('still reads "maintains that …" and a closing "…, the doctor maintains."', () => {
    expect(reported('Ilse Varga maintains that the garrison is too small.')).toEqual([
      ['the garrison is too small', 'Ilse Varga', 'maintain'],
    ]);
    expect(reported('The illness was hidden for years, the former doctor maintains.')).toEqual([
      ['The illness was hidden for years', 'former doctor', 'maintain'],
    ]);
  });
});

describe('reported speech: what an attribution carries on to after a comma, and the objects of "tell"', () => {
  it('reads "to" and "by" after an aside’s comma as more of what was said, not as "said to be" or "told by"', () => {
    expect(
      reported(
        'The outlets have been standing in the way, Jo Berg said, by creating a “false bubble” for readers.',
      ),
    ).toEqual([
      ['The outlets have been standing in the way', 'Jo Berg', 'say'],
      ['by creating a “false bubble” for readers', 'Jo Berg', 'say'],
    ]);
    expect(reported('Jo Berg was said to be furious with the board.')).toEqual([]);
  });

  it('reads a gathering or a host as the one told, and a clause whose verb opens a partial quote', () => {
    expect(
      reported('Jo Berg told a news conference in Malmö they were “planting the seeds” of a win.'),
    ).toEqual([['they were “planting the seeds” of a win', 'Jo Berg', 'tell']]);
    expect(reported('Jo Berg told host Nils Aho a loss is “increasingly likely.”')).toEqual([
      ['a loss is “increasingly likely”', 'Jo Berg', 'tell'],
    ]);
    expect(reported('Jo Berg told them Lena Mills “has a number of friends in the city.”')).toEqual([
      ['Lena Mills “has a number of friends in the city”', 'Jo Berg', 'tell'],
    ]);
  });
});

describe('reported speech: a claim named by a noun with its owner', () => {
  it('reads what follows "X’s claim that" up to the comma as X’s speech, and not "claim" as a verb', () => {
    expect(
      reported(
        'Contrary to Jo Berg’s claim that people would “learn nothing,” there would be a wealth of data.',
      ),
    ).toEqual([['people would “learn nothing”', 'Jo Berg', 'claim']]);
  });

  it('reads a commitment named by a noun ("his promise to …") for the owner a pronoun refers to', () => {
    expect(
      reported(
        'Mr. Jo Berg spoke on Monday. Critics attacked his promise to be “neutral” in the port dispute.',
      ),
    ).toEqual([['to be “neutral” in the port dispute', 'Jo Berg', 'promise']]);
  });

  it('reports a claim without an owner for nobody, ending it at the main verb of the sentence it is subject of', () => {
    expect(reported('The claim that the port would close was false.')).toEqual([
      ['the port would close', null, 'claim'],
    ]);
  });

  it('gives "complaints from X that …" and "allegations by X that …" to X', () => {
    expect(
      reported('The council faced complaints from ferry crews that the new timetable was unsafe.'),
    ).toEqual([['the new timetable was unsafe', 'ferry crews', 'complain']]);
    expect(reported('The mayor answered allegations by Ines Varga that the tender had been rigged.')).toEqual(
      [['the tender had been rigged', 'Ines Varga', 'allege']],
    );
  });

  it('gives an owner-less claim to the subject of "made" or "persisted in" before it', () => {
    expect(reported('Ines Varga made the argument that the levy hurt small farms.')).toEqual([
      ['the levy hurt small farms', 'Ines Varga', 'argue'],
    ]);
  });

  it('ends the clause of an owner’s promise that is the subject at the main verb', () => {
    expect(
      reported("Ines Varga's promises to cut ferry fares and build a second pier have made her popular."),
    ).toEqual([['to cut ferry fares and build a second pier', 'Ines Varga', 'promise']]);
  });

  it('reads a plural noun after a possessor or before "was" as a noun, not a verb of saying', () => {
    expect(reported('Despite Ines Varga’s claims that the pier is safe, the inspectors closed it.')).toEqual([
      ['the pier is safe', 'Ines Varga', 'claim'],
    ]);
    expect(reported('The mayor’s harbour remarks were brief and the council adjourned early.')).toEqual([]);
  });

  it('leaves a relative "that" after the noun, and a noun inside a direct quote, alone', () => {
    expect(reported('The claims that were made on Monday are false.')).toEqual([]);
    expect(reported('“We reject the claim that the pier is unsafe,” said Ines Varga.')).toEqual([]);
  });
});

describe("reported speech: the reporter's own inference after it", () => {
  it('ends the clause before ", which means" or ", meaning", unless the words are inside quotation marks', () => {
    expect(
      reported(
        'Mara Lindgren said the board had lost control of the budget, which means that fees will rise.',
      ),
    ).toEqual([['the board had lost control of the budget', 'Mara Lindgren', 'say']]);
    expect(reported('Tomas Berg said he would skip the vote, meaning the bill will fail.')).toEqual([
      ['he would skip the vote', 'Tomas Berg', 'say'],
    ]);
    expect(reported('Tomas Berg said the plan was “late, which means costly” for the city.')).toEqual([
      ['the plan was “late, which means costly” for the city', 'Tomas Berg', 'say'],
    ]);
  });
});

describe('reported speech: finding the subject of the verb', () => {
  it('starts the subject after a single hyphen typed as a dash', () => {
    expect(
      reported('The port debate is predictable - Ines Varga has vowed to keep the ferry running all winter.'),
    ).toEqual([['to keep the ferry running all winter', 'Ines Varga', 'vow']]);
  });

  it('reads past the relative clause of an appositive ("the agency that runs the port")', () => {
    expect(
      reported(
        'The crews met on Monday. Port and Harbour Services, the agency that runs the port, said it was hiring more staff.',
      ),
    ).toEqual([['it was hiring more staff', 'Port and Harbour Services', 'say']]);
  });

  it('leaves the place a person is from ("Ines Varga of Sweden") and a relative clause out of the speaker', () => {
    expect(
      reported('Ines Varga of Sweden, a lawyer who has sued the port, said the ferry was unsafe.'),
    ).toEqual([['the ferry was unsafe', 'Ines Varga', 'say']]);
  });

  it('gives a verb coordinated with an irregular past ("met … and said") to the sentence’s subject', () => {
    expect(
      reported(
        'Mayor Ines Varga met families of the workers killed on Thursday and said the port must be made safer.',
      ),
    ).toEqual([['the port must be made safer', 'Ines Varga', 'say']]);
  });

  it('gives "…, who answered the door and said …" to the antecedent of "who"', () => {
    expect(
      reported(
        '“It is late,” Tom Berg told Annette Holt, who answered her door and said she planned to vote.',
      ),
    ).toEqual([['she planned to vote', 'Annette Holt', 'say']]);
  });
});

describe('reported speech: one clause split by an aside', () => {
  it('joins a subordinate clause before the aside to the main clause after it', () => {
    expect(
      reported(
        'Tom Berg spoke on Monday. Though the move was seamless, he said, replacing the mayor would be much harder.',
      ),
    ).toEqual([['Though the move was seamless replacing the mayor would be much harder', 'Tom Berg', 'say']]);
  });

  it('joins a subject with a verb of its own to the clause after the aside that opens on its verb', () => {
    expect(
      reported(
        'Tom Berg spoke on Monday. But the weapons his country has, he added, are like bombs that you cannot use.',
      ),
    ).toEqual([['But the weapons his country has are like bombs that you cannot use', 'Tom Berg', 'add']]);
  });

  it('keeps two clauses apart when the one before the aside is whole', () => {
    expect(reported('The ferry was late, Tom Berg said, because the crews were on strike.')).toEqual([
      ['The ferry was late', 'Tom Berg', 'say'],
      ['because the crews were on strike', 'Tom Berg', 'say'],
    ]);
  });
});

describe('reported speech: a paragraph that introduces the next one', () => {
  it('gives each sentence of an unquoted paragraph after "X added:" to X', () => {
    expect(
      reported(
        'The mayor spoke on Monday.\n\nInes Varga added:\n\nIt is typical of the council. They know nothing about the port.',
      ),
    ).toEqual([
      ['It is typical of the council', 'Ines Varga', 'add'],
      ['They know nothing about the port', 'Ines Varga', 'add'],
    ]);
  });

  it('leaves a sentence of that paragraph that names the speaker to the reporter', () => {
    expect(
      reported(
        'The mayor spoke.\n\nInes Varga added:\n\nLater that day, Varga praised the crews at the pier.',
      ),
    ).toEqual([]);
  });

  it('leaves a paragraph after a heading with a colon that has no verb of saying alone', () => {
    expect(reported('Ines Varga spoke.\n\nWhat comes next:\n\nThe council meets on Friday to vote.')).toEqual(
      [],
    );
  });
});

describe('reported speech: how long or how openly it was said', () => {
  it('reads the clause after "for weeks", "privately" or "at the time" between the verb and it', () => {
    expect(
      reported('Tomas Berg has said for weeks he is the only candidate who can win the county.'),
    ).toEqual([['he is the only candidate who can win the county', 'Tomas Berg', 'say']]);
    expect(reported('Mara Lind said privately the levy would be cut by half.')).toEqual([
      ['the levy would be cut by half', 'Mara Lind', 'say'],
    ]);
    expect(reported('Mara Lind said at the time the levy would be cut by half.')).toEqual([
      ['the levy would be cut by half', 'Mara Lind', 'say'],
    ]);
  });
});

describe('reported speech: a relative clause whose subject is missing', () => {
  it('gives no speaker "… who" when the antecedent is a predicate or the last of a list', () => {
    expect(
      reported(
        'Note: Ray Dunmore is a serial liar, rampant bully, racist and birther who has repeatedly pledged to ban ' +
          'all newcomers from entering the county.',
      ),
    ).toEqual([]);
    expect(
      reported(
        'Rhys Ober, a graduate of Harvard Law School who has successfully argued a number of cases before the ' +
          'High Court, will do an excellent job in judicial appointments, Blackwell maintains.',
      ).map(([, speaker]) => speaker),
    ).toEqual(['Blackwell']);
  });

  it('gives what follows "that several insiders said" to the words between the relative and the verb', () => {
    expect(
      reported(
        'The filing was due by March 15, a deadline that several county party insiders said went unnoticed in a handful of districts.',
      ),
    ).toEqual([['went unnoticed in a handful of districts', 'several county party insiders', 'say']]);
  });

  it('reads "what she said is …" past the commas of a list, up to the main clause', () => {
    expect(
      reported(
        'Mara Lind spoke on Monday. She helps clubs adapt to what she said is growing demand for gyms, pools, water parks and better dining.',
      ),
    ).toEqual([['is growing demand for gyms, pools, water parks and better dining', 'Mara Lind', 'say']]);
    expect(
      reported(
        'The levy, which the Tax Office estimates would cost as much as $170 million a year, would risk a deficit.',
      ),
    ).toEqual([['would cost as much as $170 million a year', 'Tax Office', 'estimate']]);
  });

  it('leaves such a relative inside a clause already reported as part of it', () => {
    expect(
      reported(
        'Tomas Berg said he is tied for second, in a finish that county party insiders said defied all the expectations of the party.',
      ),
    ).toEqual([
      [
        'he is tied for second, in a finish that county party insiders said defied all the expectations of the party',
        'Tomas Berg',
        'say',
      ],
    ]);
  });

  it('does not read a noun of saying as the verb ("the scathing remarks delivered by …")', () => {
    expect(
      reported(
        'Tomas Berg revealed on Monday that Ana Holt wrote the scathing remarks delivered by the mayor.',
      ),
    ).toEqual([['Ana Holt wrote the scathing remarks delivered by the mayor', 'Tomas Berg', 'reveal']]);
  });
});

describe('reported speech: a long description opening the sentence as the speaker', () => {
  it('reads a description with prepositions and an owner ("A person familiar with the planning for …")', () => {
    expect(
      reported(
        'A person familiar with the planning for Thursday’s meeting says the talks will focus on the budget.',
      ),
    ).toEqual([
      [
        'the talks will focus on the budget',
        'person familiar with the planning for Thursday’s meeting',
        'say',
      ],
    ]);
  });

  it('reads the subject across an aside between dashes or commas that holds a quote', () => {
    expect(
      reported(
        'Many speakers at the service — including farmers, teachers and nurses — said the closure would hurt the valley.',
      ),
    ).toEqual([['the closure would hurt the valley', 'many speakers at the service', 'say']]);
    expect(
      reported(
        "Ana Holt, citing ''the unique pull of the port,'' said the town could grow again by next year.",
      ),
    ).toEqual([['the town could grow again by next year', 'Ana Holt', 'say']]);
  });

  it('gives a description with its own relative clause to the people described, not to the name inside', () => {
    expect(
      reported(
        'Some voters who have listened to Ana Holt over the years, on radio or at small events, said she had less energy than they remembered.',
      ),
    ).toEqual([
      [
        'she had less energy than they remembered',
        'some voters who have listened to Ana Holt over the years',
        'say',
      ],
    ]);
  });

  it('takes no opening phrase, participle or clause of the reporter’s for a subject', () => {
    expect(reported('Ana Holt paused, then said the plan was dead and buried for good.')).toEqual([]);
    expect(
      reported('The analysis relied on thousands of filings, which the groups said were due each quarter.'),
    ).toEqual([['were due each quarter', 'groups', 'say']]);
  });
});

describe('reported speech: questions and requests put to someone', () => {
  it('reads a request whose one asked is a noun the lexicon also lists as a verb ("the network")', () => {
    expect(reported('Tomas Berg asked the network to donate the profits to veterans groups.')).toEqual([
      ['the network to donate the profits to veterans groups', 'Tomas Berg', 'ask'],
    ]);
  });

  it('reads an opening question with a time or place between "Asked" and the question', () => {
    expect(reported('Asked on Monday whether the port would close, Ana Holt shook her head.')).toEqual([
      ['whether the port would close', null, 'ask'],
    ]);
  });

  it('reads a question opening on "which", but not a relative "under which"', () => {
    expect(reported('Ana Holt then asked Tomas Berg which ferries he could save.')).toEqual([
      ['which ferries he could save', 'Ana Holt', 'ask'],
    ]);
    expect(
      reported('The board asked the city to end the lease under which the ferries sail to Umeå.'),
    ).toEqual([['the city to end the lease under which the ferries sail to Umeå', 'board', 'ask']]);
  });

  it('reads a passive request without its asker, but not one inside what someone said', () => {
    expect(reported('Tomas Berg has been asked to release the transcripts of the speeches.')).toEqual([
      ['to release the transcripts of the speeches', null, 'ask'],
    ]);
    expect(reported('Ana Holt said she was asked to give a talk to the board about the port.')).toEqual([
      ['she was asked to give a talk to the board about the port', 'Ana Holt', 'say'],
    ]);
  });
});

describe('reported speech: participles of saying read from further off', () => {
  it('reads a participle after a dash for the main subject, as after a comma', () => {
    expect(
      reported(
        'Tomas Berg changed his vote on the spot – saying he was rooting for the harbour plan after all.',
      ),
    ).toEqual([['he was rooting for the harbour plan after all', 'Tomas Berg', 'say']]);
  });

  it('reads a progressive with an adverb or "not" before the participle', () => {
    expect(
      reported('The Lind campaign is already claiming that it won a victory of sorts in the north.'),
    ).toEqual([['it won a victory of sorts in the north', 'Lind campaign', 'claim']]);
    expect(reported('Tomas Berg backs the plan, but he’s not predicting it will pass the council.')).toEqual([
      ['it will pass the council', 'Tomas Berg', 'predict'],
    ]);
  });

  it('gives "with 30 percent of voters saying …" to the words between "with" and the participle', () => {
    expect(
      reported(
        'Ana Holt has improved her standing, with 30 percent of voters saying they have a positive view of her.',
      ),
    ).toEqual([['they have a positive view of her', '30 percent of voters', 'say']]);
  });

  it('reads no clause from "with all precincts reporting," or "with the economy adding 151,000 jobs"', () => {
    expect(reported('With all precincts reporting, the race remained too close to call.')).toEqual([]);
    expect(reported('Unemployment dipped, with the economy adding 151,000 jobs during the month.')).toEqual(
      [],
    );
  });

  it('leaves "with three in 10 saying …" inside a clause already reported as part of it', () => {
    expect(
      reported(
        'Voters described themselves as liberals, with about three in 10 saying they are very liberal.',
      ),
    ).toEqual([
      ['themselves as liberals, with about three in 10 saying they are very liberal', 'Voters', 'describe'],
    ]);
  });

  it('gives a participle opening the sentence to the main clause’s subject, up to its comma', () => {
    expect(reported('After saying he was nervous to ask a question, the man hugged Tomas Berg.')).toEqual([
      ['he was nervous to ask a question', 'man', 'say'],
    ]);
  });

  it('does not read a gerund subject ("Maintaining dominance in space, he said, …") as a participle of saying', () => {
    expect(reported('Maintaining dominance in space, he said, will now be the agency’s mission.')).toEqual([
      ['Maintaining dominance in space will now be the agency’s mission', null, 'say'],
    ]);
  });
});

describe('reported speech: a proposition named as the object of a verb of saying', () => {
  it('reads "denied the allegations", "denied any wrongdoing in …", "reiterated his support for …"', () => {
    expect(reported('Tomas Berg denied the allegations.')).toEqual([
      ['the allegations', 'Tomas Berg', 'deny'],
    ]);
    expect(reported('Tomas Berg has denied any wrongdoing in the deal, and the board agreed.')).toEqual([
      ['any wrongdoing in the deal', 'Tomas Berg', 'deny'],
    ]);
    expect(reported('Ana Holt reiterated her support for the ferry plan.')).toEqual([
      ['her support for the ferry plan', 'Ana Holt', 'reiterate'],
    ]);
  });

  it('ends the object before where and how it was said', () => {
    expect(reported('Tomas Berg denied the charges through his lawyer.')).toEqual([
      ['the charges', 'Tomas Berg', 'deny'],
    ]);
    expect(reported('Ana Holt repeated her position at a town hall in Umeå.')).toEqual([
      ['her position', 'Ana Holt', 'repeat'],
    ]);
  });

  it('reads no object that names no proposition, and leaves a commitment to the speech nouns', () => {
    expect(reported('Tomas Berg denied the man entry to the hall.')).toEqual([]);
    expect(reported('Ana Holt repeated her promise to repeal the toll.')).toEqual([
      ['to repeal the toll', 'Ana Holt', 'promise'],
    ]);
  });
});

describe('reported speech: "tell", "as X point out" and a subject after a conjunction', () => {
  it('reads an order after "told" with the one told ("told Jeb Bush to quiet down", "told Ana not to worry")', () => {
    expect(
      reported(
        'The mayor drew boos from the audience when he told Tomas Berg to quiet down during the debate.',
      ),
    ).toEqual([['Tomas Berg to quiet down during the debate', null, 'tell']]);
    expect(reported('Ana Holt told the crowd not to worry about the ferry for now.')).toEqual([
      ['the crowd not to worry about the ferry for now', 'Ana Holt', 'tell'],
    ]);
  });

  it('reads no order where "to" is a preposition ("told the grim news to reporters")', () => {
    expect(reported('The admiral told the grim news to reporters at the base in Umeå.')).toEqual([]);
  });

  it('reads "told X, however, that …" and "told his audience …"', () => {
    expect(reported('Sources told the Courier, however, that she did chime in on the emails.')).toEqual([
      ['she did chime in on the emails', 'Sources', 'tell'],
    ]);
    expect(
      reported(
        'Tomas Berg joked about the port and told his audience they would not back him without money.',
      ),
    ).toEqual([['they would not back him without money', 'Tomas Berg', 'tell']]);
  });

  it('gives the clause before ", as X point out." or ", as some have speculated." to X', () => {
    expect(
      reported('Ignoring the progress of the port also carries risks, as Holt supporters point out.'),
    ).toEqual([['Ignoring the progress of the port also carries risks', 'Holt supporters', 'point out']]);
    expect(reported("Berg's defeat won't necessarily end his campaign, as some have speculated.")).toEqual([
      ["Berg's defeat won't necessarily end his campaign", 'some', 'speculate'],
    ]);
  });

  it('reads the subject after "when" even where the words before it were tested as a subject', () => {
    expect(reported('Tomas Berg exaggerates when he says he helped write the harbour law.')).toEqual([
      ['he helped write the harbour law', 'Tomas Berg', 'say'],
    ]);
  });
});

describe('reported speech: poll respondents, "at least" and the AP as the one told', () => {
  it('reads "those surveyed" and "56 percent of voters polled" as speakers, not "He questioned"', () => {
    expect(reported('Again, those surveyed said the mayor was best able to handle the port.')).toEqual([
      ['the mayor was best able to handle the port', 'those surveyed', 'say'],
    ]);
    expect(
      reported('Some 56 percent of voters polled said they were less likely to vote for the mayor.'),
    ).toEqual([['they were less likely to vote for the mayor', 'some 56 percent of voters polled', 'say']]);
    expect(
      reported('He questioned claims that the port is merely scaling back to the levels of a decade ago.'),
    ).toEqual([]);
  });

  it('reads a subject opening on "at least"', () => {
    expect(
      reported(
        'The mayor left without questions, but at least a dozen members of the council told the Courier she thinks the port is within reach.',
      ),
    ).toEqual([['she thinks the port is within reach', 'at least a dozen members of the council', 'tell']]);
  });

  it('reads "told the AP his firm worked …", a clause whose subject is an owner and a noun', () => {
    expect(reported('Tomas Berg told the AP his firm worked closely with the harbour board.')).toEqual([
      ['his firm worked closely with the harbour board', 'Tomas Berg', 'tell'],
    ]);
  });

  it('reads the subject after an opening phrase and before an aside between dashes', () => {
    expect(
      reported(
        'Reached by phone on Tuesday, Lindqvist — who is listed as a lawyer in Umeå but does not practise — told the Courier he is not planning an appeal.',
      ),
    ).toEqual([['he is not planning an appeal', 'Lindqvist', 'tell']]);
  });
});

describe('reported speech: a restrictive "who say" after a list or a participle', () => {
  it('gives "who say" to the last of a list set off by a comma, or to a participle’s object', () => {
    expect(
      reported(
        'The county has faced a backlash from farm groups, artists and business leaders who say the law unfairly targets the valley.',
      ),
    ).toEqual([['the law unfairly targets the valley', 'business leaders', 'say']]);
    expect(
      reported(
        'Ana Holt is among those sounding the alarm, echoing security experts who say the ferry has been hacked.',
      ),
    ).toEqual([['the ferry has been hacked', 'security experts', 'say']]);
  });
});

describe('reported speech: an inverted speaker with a role in lower case', () => {
  it('reads "…, said former governor Ana Lind" as Ana Lind, leaving out where she works', () => {
    expect(reported('The levy will be cut by half, said former governor Ana Lind of Vermont.')).toEqual([
      ['The levy will be cut by half', 'Ana Lind', 'say'],
    ]);
    expect(
      reported(
        'Even India has more cultural resonance through its films, says political scientist Dossym Satpayev in Almaty.',
      ),
    ).toEqual([['Even India has more cultural resonance through its films', 'Dossym Satpayev', 'say']]);
    expect(reported('The firm lobbied on gaming, said lobbyist and GOP strategist Charlie Black.')).toEqual([
      ['The firm lobbied on gaming', 'Charlie Black', 'say'],
    ]);
  });

  it('does not read a phrase opening on a preposition after the verb as the speaker', () => {
    expect(
      reported(
        'Two emails were placed in storage, Pat Kennedy wrote in a memo to Inspector General Steve Linick.',
      ),
    ).toEqual([['Two emails were placed in storage', 'Pat Kennedy', 'write']]);
  });
});

describe('reported speech: a plural progressive and "has since"', () => {
  it('reads the subject of "are saying" or "were warning" before a clause', () => {
    expect(reported('Officials are saying the levy will be cut by half.')).toEqual([
      ['the levy will be cut by half', 'officials', 'say'],
    ]);
    expect(reported('The workers were warning that the plant would close in June.')).toEqual([
      ['the plant would close in June', 'workers', 'warn'],
    ]);
  });

  it('reads no plural progressive whose object is not a clause, nor a group "speculating"', () => {
    expect(reported('Senate leaders are confirming judges at the slowest pace in decades.')).toEqual([]);
    expect(reported('Many analysts are also speculating that the port will close.')).toEqual([]);
  });

  it('reads the subject of "has since said"', () => {
    expect(reported('Tomas Berg has since said that the budget was unlawful.')).toEqual([
      ['the budget was unlawful', 'Tomas Berg', 'say'],
    ]);
  });
});

describe('a verb of saying with the one spoken to before its "that"', () => {
  const quotes = (body: string) =>
    extract({ title: 'Test', body, published: null }).quotes.map((q) => [q.kind, q.text, q.speaker]);

  it('reports the clause after "to" and the one spoken to', () => {
    expect(
      quotes('The mayor Ana Lind complained to the police on Tuesday that her car had been stolen.'),
    ).toEqual([['reported', 'her car had been stolen', 'Ana Lind']]);
  });

  it('keeps a quoted part of the clause', () => {
    expect(
      quotes('Ana Lind admitted to the newspaper that she and the donor had “been friends for some time.”'),
    ).toEqual([['reported', 'she and the donor had “been friends for some time”', 'Ana Lind']]);
  });

  it('reports nothing for an infinitive after "said to"', () => {
    expect(quotes('Ana Lind, said to be a friend of the mayor, left the city on Monday.')).toEqual([]);
  });

  it('reports nothing for a noun’s own clause or a relative clause after "to"', () => {
    expect(
      quotes(
        'Ana Lind responded to the news that the levy had passed with a shrug. The campaign did not respond to ' +
          'questions about firms that have moved abroad.',
      ),
    ).toEqual([]);
  });
});

describe('reported speech: the topic put to someone ("asked about …")', () => {
  it('reads a topic after "Asked about", "when asked about" and "was asked about" as a question with no asker', () => {
    expect(reported('Asked about his earlier criticism of the levy, Moss said he stood by it.')).toEqual([
      ['about his earlier criticism of the levy', null, 'ask'],
      ['he stood by it', 'Moss', 'say'],
    ]);
    expect(
      reported('Ana Lind was asked about the closure of the mill during the debate, and she said little.'),
    ).toEqual([['about the closure of the mill during the debate', null, 'ask']]);
  });

  it('ends a topic set off after the subject at its comma, the subject still speaking after it', () => {
    expect(reported('Moss, asked about the closure of the mill, said he had not heard of it.')).toEqual([
      ['about the closure of the mill', null, 'ask'],
      ['he had not heard of it', 'Moss', 'say'],
    ]);
  });

  it('reads no topic that is a pronoun, nor one that holds a claim of its own', () => {
    expect(reported('Ana Lind was asked about it during the debate on the levy.')).toEqual([]);
    expect(
      reported('Asked about Moss’s claim that the mill would close, Lind said nothing.').map((q) => q[2]),
    ).not.toContain('ask');
  });
});

describe('reported speech: the writer in the first person', () => {
  it('reports what the writer says, asks or predicts in the first person, with no speaker', () => {
    expect(reported('I argued that the levy was too high for the port.')).toEqual([
      ['the levy was too high for the port', null, 'argue'],
    ]);
    expect(reported('We asked our readers which candidate won the debate.')).toEqual([
      ['which candidate won the debate', null, 'ask'],
    ]);
  });

  it('leaves a first person inside quotation marks to the quoted speaker', () => {
    expect(
      reported(
        '“I will not support the nominee,” said Senator Ana Lind. “After much thought, I have concluded that ' +
          'the nominee lacks the temperament for the office” or for the nation’s nuclear arsenal.',
      ).map((q) => q[1]),
    ).not.toContain(null);
  });
});

describe('a verb of saying inside a "who" relative whose own subject is missing', () => {
  it('reports the relative clause for the one who said it', () => {
    expect(
      extract({
        title: 'Test',
        body: 'The mayor Ana Lind praised the officers, who she said had saved three lives.',
        published: null,
      }).quotes.map((q) => [q.kind, q.text, q.speaker]),
    ).toEqual([['reported', 'had saved three lives', 'Ana Lind']]);
  });
});

describe('reported speech: an inverted attribution set into one clause', () => {
  it('a saying verb inside a clause’s split attributes the whole clause ("Part of the problem, say experts, is …")', () => {
    expect(
      reported('Part of the problem, say experts like Ana Lind, a geologist, is the ground itself.'),
    ).toEqual([['Part of the problem is the ground itself', 'Ana Lind', 'say']]);
    expect(reported('The levy, said Tomas Berg, would be cut by half in June.')).toEqual([
      ['The levy would be cut by half in June', 'Tomas Berg', 'say'],
    ]);
  });

  it('reads no split after a subject with its own clause, nor a time after a participle as a speaker', () => {
    expect(
      reported('But Tomas Berg, who is running for the board, added that he, too, is against the levy.'),
    ).toEqual([['he, too, is against the levy', 'Tomas Berg', 'add']]);
    expect(
      reported('The tentative deal, announced Friday, would last four years.').map((q) => q[0]),
    ).not.toContain('The tentative deal would last four years');
  });
});

describe('reported speech: a poll’s share as the speaker', () => {
  it('reads a share written with a percent sign as "47 percent" is read ("47% say …")', () => {
    expect(reported('On the port, 47% say the levy should be cut by half.')).toEqual([
      ['the levy should be cut by half', '47%', 'say'],
    ]);
  });
});

describe('reported speech: poll respondents named by a hyphenated plural', () => {
  it('reads "56 percent of Cuban-Americans polled" as the subject', () => {
    expect(
      reported('Some 56 percent of Cuban-Americans polled said they would vote against the levy.'),
    ).toEqual([['they would vote against the levy', 'some 56 percent of Cuban-Americans polled', 'say']]);
  });
});

describe('reported speech: a negated verb of saying', () => {
  it('gives "did not say whether" to the subject, without the negation', () => {
    expect(
      reported(
        'Finance Minister Lena Marsh spoke on Monday. She did not say which programs would be cut. Marsh ' +
          "wouldn't say whether the levy would rise.",
      ),
    ).toEqual([
      ['which programs would be cut', 'Lena Marsh', 'say'],
      ['whether the levy would rise', 'Lena Marsh', 'say'],
    ]);
  });
});

describe('reported speech: the one told', () => {
  it('reads a body named with "of" as the one told ("told the House of Commons the …")', () => {
    expect(
      reported(
        'Finance Minister Lena Marsh told the House of Commons the government was looking at all options.',
      ),
    ).toEqual([['the government was looking at all options', 'Lena Marsh', 'tell']]);
  });
});

describe('reported speech: a clause after the one told with no auxiliary', () => {
  it('reads "told CBC News the group wants …" as what was told', () => {
    expect(
      reported('Rina Holt spoke on Monday. Holt told CBC News the group wants the ban to include a buyback.'),
    ).toEqual([['the group wants the ban to include a buyback', 'Rina Holt', 'tell']]);
  });
});

describe('reported speech: an abbreviated title in an inverted attribution', () => {
  it('reads "said Coun. Ana Lind, who …" and "says Const. Ana Lind" as the speaker', () => {
    expect(
      reported(
        'The street will be renamed next spring, said Coun. Ana Lind, who brought the motion. The road will ' +
          'close for a week, says Const. Tomas Berg.',
      ),
    ).toEqual([
      ['The street will be renamed next spring', 'Ana Lind', 'say'],
      ['The road will close for a week', 'Tomas Berg', 'say'],
    ]);
  });
});

describe('reported speech: a place with its province in an appositive', () => {
  it('reads past "Kelowna, B.C.," and a relative clause to the name ("Paul Dagg, a doctor in Kelowna, B.C., who …")', () => {
    expect(
      reported(
        'Ana Lind, a psychiatrist in Kelowna, B.C., who works with athletes, said the pattern is common.',
      ),
    ).toEqual([['the pattern is common', 'Ana Lind', 'say']]);
  });

  it('reads past "Moncton, N.B.," and "St. John’s, N.L.," between a verb of saying and its "that"', () => {
    expect(
      reported(
        'Ana Lind said in Moncton, N.B., on Monday that the bridge is safe. She told a news conference in ' +
          'St. John’s, N.L., that the ferry would run.',
      ),
    ).toEqual([
      ['the bridge is safe', 'Ana Lind', 'say'],
      ['the ferry would run', 'Ana Lind', 'tell'],
    ]);
  });
});
