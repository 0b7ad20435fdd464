import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const reported = (body: string) =>
  extract({ title: 'Test', body, published })
    .quotes.filter((q) => q.kind === 'reported')
    .map((q) => [q.text, q.speaker, q.verb]);

describe('reported speech: "states" is the plural noun unless it reports', () => {
  it('reads no reported speech from the noun after a number, an adjective or before another verb', () => {
    expect(reported('The two states hold their caucuses on the first of April.')).toEqual([]);
    expect(reported('In three northern states, turnout fell by a fifth among younger voters.')).toEqual([]);
    expect(reported('Several coastal states have yet to count their mailed ballots.')).toEqual([]);
    expect(reported('Voters in the two states that held primaries were split on the levy.')).toEqual([]);
    expect(reported('Strong showings in the dozen states that voted Tuesday helped Lind.')).toEqual([]);
    expect(
      reported('Though the island could matter, voters seem less engaged than in other lead-in states.'),
    ).toEqual([]);
    expect(reported('The caucus speaks for the four early nominating states: Iowa, Ohio and Maine.')).toEqual(
      [],
    );
    expect(
      reported('Struggling until their home states’ votes are counted, both men are banking ballots.'),
    ).toEqual([]);
  });

  it('still reads the verb before "that" and closing an attribution', () => {
    expect(reported('The report states that the quarry must close by June.')).toEqual([
      ['the quarry must close by June', 'report', 'state'],
    ]);
    expect(reported('The quarry must close by June, the company states.')).toEqual([
      ['The quarry must close by June', 'company', 'state'],
    ]);
  });
});

describe('reported speech: a source of the whole sentence after the clause', () => {
  it('ends the clause a verb reports before ", according to …", which sources the sentence', () => {
    const body =
      'Most of the riders said the fares were too high, according to a survey by the transit board.';
    expect(reported(body)).toContainEqual(['the fares were too high', 'most of the riders', 'say']);
    expect(reported(body).map((r) => r[0])).not.toContain(
      'the fares were too high, according to a survey by the transit board',
    );
  });
});

describe('reported speech: "according to" set into the sentence', () => {
  it('reads the words before the aside with what follows it when they are no clause of their own', () => {
    expect(
      reported('Over the next decade, according to the audit office, the cost of the bridge will double.'),
    ).toEqual([['Over the next decade the cost of the bridge will double', 'audit office', 'according to']]);
    expect(
      reported('Among the towns at risk, according to the water board, are four on the lower river.'),
    ).toEqual([['Among the towns at risk are four on the lower river', 'water board', 'according to']]);
  });

  it('reads a source with an initial and an appositive, and one set off by dashes', () => {
    expect(
      reported(
        'At the root of the dispute, according to Maria K. Olsen, a former mediator, was a missed payment.',
      ),
    ).toEqual([['At the root of the dispute was a missed payment', 'Maria K. Olsen', 'according to']]);
    expect(
      reported(
        'Most farmers - nine in ten last year, according to the grain survey - still believe the levy is fair.',
      ),
    ).toEqual([
      ['Most farmers - nine in ten last year still believe the levy is fair', 'grain survey', 'according to'],
    ]);
  });

  it('reports only what follows a lone conjunction and keeps a closed clause apart', () => {
    expect(reported('But, according to the survey, most riders are unhappy with the buses.')).toEqual([
      ['most riders are unhappy with the buses', 'survey', 'according to'],
    ]);
    expect(reported('The rate will rise, according to the central bank, and prices will follow.')).toEqual([
      ['The rate will rise', 'central bank', 'according to'],
    ]);
  });
});

describe('reported speech: an attribution set into one clause', () => {
  it('joins the subject before the aside to the verb after it, even when two words follow', () => {
    expect(reported('Anna Holt runs the ferry. The timetable, she says, is unworkable.')).toEqual([
      ['The timetable is unworkable', 'Anna Holt', 'say'],
    ]);
    expect(reported('The answer, the foreman told them, was simple.')).toEqual([
      ['The answer was simple', 'foreman', 'tell'],
    ]);
  });

  it('joins a subject with its own relative clause to a past tense after the aside', () => {
    expect(reported('But the winters that followed, the farmer said, brought heavy losses.')).toEqual([
      ['But the winters that followed brought heavy losses', 'farmer', 'say'],
    ]);
  });

  it('keeps a closed clause apart from what follows the aside', () => {
    expect(reported('The mill closed in May, the mayor said, leaving many people without work.')).toEqual([
      ['The mill closed in May', 'mayor', 'say'],
    ]);
  });
});

describe('reported speech: a semicolon after an attribution', () => {
  it('ends the attribution as a full stop does', () => {
    expect(
      reported(
        'Ferries need a second berth to keep to time, analysts say; in 2019, two sailings a day were lost.',
      ),
    ).toEqual([['Ferries need a second berth to keep to time', 'analysts', 'say']]);
    expect(
      reported('The bridge is safe, his engineers argued in a report; repairs can wait until spring.'),
    ).toEqual([['The bridge is safe', 'his engineers', 'argue']]);
  });

  it('leaves a verb inside a relative clause of a list alone', () => {
    expect(
      reported(
        'Among the guests were Ana Lind, the mayor, whose new book boasts of her record; Tomas Berg, the treasurer; and two aldermen.',
      ),
    ).toEqual([]);
  });
});

describe('reported speech: the one told', () => {
  it('reads a plural or a named place after the one told, and "this" as a clause’s subject', () => {
    expect(reported('Most tenants told pollsters they want the rent freeze kept.')).toEqual([
      ['they want the rent freeze kept', 'most tenants', 'tell'],
    ]);
    expect(reported('The premier told reporters at Queen’s Park the bill would pass.')).toEqual([
      ['the bill would pass', 'premier', 'tell'],
    ]);
    expect(reported('Ana Lind told reporters this was the last chance to fund the clinic.')).toEqual([
      ['this was the last chance to fund the clinic', 'Ana Lind', 'tell'],
    ]);
  });

  it('reads an attribution to a body introduced by "a" closing the sentence', () => {
    expect(
      reported('The ferry will stop in May, the harbour master told a council panel on Monday.'),
    ).toEqual([['The ferry will stop in May', 'harbour master', 'tell']]);
  });

  it('does not read what is told as the one told, nor an imperative', () => {
    expect(reported('Her sister told stories of how both girls were in the choir.')).toEqual([]);
    expect(reported('Now tell us this is not a stunt!')).toEqual([]);
  });

  it('ends a clause reported in a relative clause at the main clause’s verb of saying', () => {
    expect(
      reported(
        'Ana Lind, who has told aides she sees the two bills as one, said on Monday that she would wait.',
      ),
    ).toEqual([
      ['she sees the two bills as one', 'Ana Lind', 'tell'],
      ['she would wait', 'Ana Lind', 'say'],
    ]);
  });
});

describe('verbs of saying: base forms and the passive "quoted as saying"', () => {
  it('gives a verb no list names its whole base form, regular or not', () => {
    const verbs = (body: string) => extract({ title: 'Test', body, published }).quotes.map((q) => q.verb);
    expect(verbs('Jo Lind spoke first. “We will keep the ferry,” Lind surmised.')).toEqual(['surmise']);
    expect(verbs('Jo Lind spoke first. “We will keep the ferry,” Lind elaborated.')).toEqual(['elaborate']);
    expect(verbs('Jo Lind spoke first. “We will keep the ferry,” Lind quipped.')).toEqual(['quip']);
  });

  it('reads what someone is quoted as saying as their reported speech, not a direct quote again', () => {
    expect(reported('The harbour master was quoted as saying the ferry would stop in May.')).toEqual([
      ['the ferry would stop in May', 'harbour master', 'say'],
    ]);
    expect(reported('“The ferry will stop in May,” the harbour master was quoted as saying.')).toEqual([]);
  });
});

describe('reported speech: a question whose topic is a name', () => {
  it('keeps a two-word topic that names someone, and still drops other two-word texts', () => {
    expect(reported('Asked about Lindqvist, the mayor said she trusted him.')).toEqual([
      ['about Lindqvist', null, 'ask'],
      ['she trusted him', 'mayor', 'say'],
    ]);
    expect(reported('Asked about it, the mayor said she trusted him.')).toEqual([
      ['she trusted him', 'mayor', 'say'],
    ]);
  });
});

describe('reported speech: ", who said" after a clause of the reporter’s', () => {
  it('gives the clause to the object before the comma, not to the words of the clause', () => {
    expect(reported('The mayor met Ines Carvalho, who said the levy was unfair.')).toEqual([
      ['the levy was unfair', 'Ines Carvalho', 'say'],
    ]);
    expect(reported('The mayor thanked the volunteers, who said the park needed more benches.')).toEqual([
      ['the park needed more benches', 'volunteers', 'say'],
    ]);
  });

  it('reads a time between "who" and its verb', () => {
    expect(reported('The mayor met Ines Carvalho, who on Monday said the levy was “unfair.”')).toEqual([
      ['the levy was “unfair”', 'Ines Carvalho', 'say'],
    ]);
    expect(reported('The mayor met Ines Carvalho, who in 2014 said the levy was unfair.')).toEqual([
      ['the levy was unfair', 'Ines Carvalho', 'say'],
    ]);
  });
});

describe('reported speech: a bracket after the name of an inverted attribution', () => {
  it('reads the name before a party and state in brackets, or a bracketed aside', () => {
    expect(reported('The levy is “a tax on commuters,” said Sen. Ines Carvalho (D-Ore.).')).toEqual([
      ['The levy is “a tax on commuters”', 'Ines Carvalho', 'say'],
    ]);
    expect(
      reported('The levy is a tax on commuters, said Ines Carvalho (a view most planners share).'),
    ).toEqual([['The levy is a tax on commuters', 'Ines Carvalho', 'say']]);
  });
});

describe("reported speech: an archive quote (''…'') after an \"according to\" set into the sentence", () => {
  it('reads the quoted predicate after the aside as part of the clause', () => {
    expect(
      reported("The ferry's deficit, according to the port authority, ''is mostly the cost of fuel.''"),
    ).toEqual([["The ferry's deficit “is mostly the cost of fuel”", 'port authority', 'according to']]);
  });
});

describe('reported speech: "told me" before a clause whose subject opens on an owner', () => {
  it('reads the clause, and no object phrase as one', () => {
    expect(
      reported('Ines Carvalho told me her support for the levy makes her “unpopular” downtown.'),
    ).toEqual([['her support for the levy makes her “unpopular” downtown', 'Ines Carvalho', 'tell']]);
    expect(reported('Ines Carvalho told me her story and walked out.')).toEqual([]);
  });
});

describe('reported speech: what was mentioned, recalled or reiterated, and a clause suggested', () => {
  it('reads the object of these verbs as what was said, up to a comma or a conjunction', () => {
    expect(
      reported('In her speech, Ana Lind recalled her years as a junior minister in the coastal towns.'),
    ).toEqual([['her years as a junior minister in the coastal towns', 'Ana Lind', 'recall']]);
    expect(reported('The mayor reiterated his call for a review of the police budget.')).toEqual([
      ['his call for a review of the police budget', 'mayor', 'reiterate'],
    ]);
    expect(reported('The minister suggested Holt went too far with the harbour bill.')).toEqual([
      ['Holt went too far with the harbour bill', 'minister', 'suggest'],
    ]);
    expect(reported('Ana Lind mentioned the ferry levy twice and walked out before the vote.')).toEqual([
      ['the ferry levy twice', 'Ana Lind', 'mention'],
    ]);
    expect(
      reported('She recalled the talks between Lind and the harbour board, which ended in May.'),
    ).toEqual([['the talks between Lind and the harbour board', null, 'recall']]);
    expect(reported('Ana Lind suggested he sees the levy as “black and white” in every way.')).toEqual([
      ['he sees the levy as “black and white” in every way', 'Ana Lind', 'suggest'],
    ]);
  });

  it('reads the speaker after a conjunction, and past an adverb before "even"', () => {
    expect(reported('The crowd booed when Ana Lind mentioned the new ferry levy.')).toEqual([
      ['the new ferry levy', 'Ana Lind', 'mention'],
    ]);
    expect(reported('Ana Lind barely even mentioned the mayor’s remarks on the budget.')).toEqual([
      ['the mayor’s remarks on the budget', 'Ana Lind', 'mention'],
    ]);
  });

  it('reads no single name, no plain object of other clause-only verbs or of "suggest", and no evidence', () => {
    expect(reported('Ana Lind did not mention Holt.')).toEqual([]);
    expect(reported('The council maintains forty parks across the city.')).toEqual([]);
    expect(reported('Polls suggest the race remains close.')).toEqual([]);
    expect(reported('The minister suggested a delay in the vote on the harbour bill.')).toEqual([]);
  });
});
