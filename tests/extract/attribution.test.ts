import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const run = (body: string) => extract({ title: 'Test', body, published });
const direct = (body: string) =>
  run(body)
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

describe('direct quotes woven into the reporter’s sentence', () => {
  it('does not take a quote whose subject stands outside the marks as something said on its own', () => {
    expect(direct('Olsen told reporters the report “wasn’t good enough.”')).toEqual([]);
    expect(direct('That, the commission said, “would be helpful to everyone.”')).toEqual([]);
  });

  it('still takes a lower-case quote introduced by a colon or a comma', () => {
    expect(
      direct('Mayor Ruth Olsen spoke at noon. Olsen told reporters: “we will rebuild the bridge.”'),
    ).toEqual([['we will rebuild the bridge.', 'Ruth Olsen']]);
    expect(
      direct('Mayor Ruth Olsen spoke at noon. Olsen told reporters, “we will rebuild the bridge.”'),
    ).toEqual([['we will rebuild the bridge.', 'Ruth Olsen']]);
  });

  it('reads the subject of an attribution past an aside set off by dashes', () => {
    expect(
      direct(
        'Dan Piel, the chief executive of Ora Media -- the company that owns the station -- said, “It was never ' +
          'going to work.”',
      ),
    ).toEqual([['It was never going to work.', 'Dan Piel']]);
  });
});

describe('a participle after a quote', () => {
  it('does not read the clause after "adding that" as the speaker', () => {
    expect(
      direct(
        'Lena Brandt runs the shipyard in Kiel. She spoke on Monday.\n\n“We have never been busier,” adding that ' +
          'its order book doubled last year.',
      ),
    ).toEqual([['We have never been busier', 'Lena Brandt']]);
  });
});

describe('attributions the lexicon’s verbs do not cover', () => {
  const intro = 'Senator Nora Keller met the governor, Ruth Olsen, on Monday.\n\n';

  it('reads the attribution after a quote that ends on a question or exclamation mark', () => {
    expect(direct(`${intro}“Have we finished?” Keller replied. “Look, the answer is yes.”`)).toEqual([
      ['Have we finished?', 'Nora Keller'],
      ['Look, the answer is yes.', 'Nora Keller'],
    ]);
    expect(direct(`${intro}“We are done!” Keller said to the crowd.`)).toEqual([
      ['We are done!', 'Nora Keller'],
    ]);
  });

  it('leaves a next sentence that says more than the attribution to reported speech', () => {
    const facts = run(`${intro}“Have we finished?” Keller said the vote was close.`);
    expect(facts.quotes.filter((q) => q.kind === 'reported').map((q) => [q.text, q.speaker])).toEqual([
      ['the vote was close', 'Nora Keller'],
    ]);
  });

  it('does not take a sentence that introduces a quote of its own as the previous quote’s attribution', () => {
    expect(direct(`${intro}“Have we finished?” Keller asked. Olsen then wrote back, “We have.”`)).toEqual([
      ['Have we finished?', 'Nora Keller'],
      ['We have.', 'Ruth Olsen'],
    ]);
  });

  it('takes any verb between a quote and a person the article names', () => {
    expect(direct(`${intro}“They are all here for the free food,” Keller shot back with a laugh.`)).toEqual([
      ['They are all here for the free food', 'Nora Keller'],
    ]);
    expect(
      direct(`${intro}“This is fantastic!” beamed Nora Keller of Madison, who sat in the gallery.`),
    ).toEqual([['This is fantastic!', 'Nora Keller']]);
    expect(run(`${intro}“Not now,” Olsen barked.`).quotes.map((q) => [q.kind, q.speaker, q.verb])).toEqual([
      ['direct', 'Ruth Olsen', 'bark'],
    ]);
  });

  it('gives a quote a colon introduces to the subject of the clause before the colon', () => {
    expect(direct(`${intro}“Not now,” Olsen said. Keller leaned in and boomed: “We vote tomorrow.”`)).toEqual(
      [
        ['Not now', 'Ruth Olsen'],
        ['We vote tomorrow.', 'Nora Keller'],
      ],
    );
    expect(
      direct(`${intro}When Keller suggested a delay, Olsen fired back forcefully: “We vote tomorrow.”`),
    ).toEqual([['We vote tomorrow.', 'Ruth Olsen']]);
  });

  it('does not make a speaker of a subject that is not a name ("The timing of the vote …:")', () => {
    const speakers = direct(
      `${intro}The timing of the vote surprised nobody: “Everyone knew it was coming.”`,
    ).map(([, speaker]) => speaker);
    expect(speakers).not.toContain('timing of the vote');
    expect(speakers).toHaveLength(1);
  });

  it('reads "asked" or "told" with the one asked after it as the attribution', () => {
    expect(direct(`${intro}“Did you know about the vote?” Keller asked the governor.`)).toEqual([
      ['Did you know about the vote?', 'Nora Keller'],
    ]);
  });

  it('gives a quote that fills its paragraph to the name signing it in the next paragraph', () => {
    expect(
      direct(`${intro}“The budget has doubled since I took office.”\n\n- Keller.\n\nThat claim is wrong.`),
    ).toEqual([['The budget has doubled since I took office.', 'Nora Keller']]);
  });

  it('reads "according to" before a colon as the attribution', () => {
    expect(direct(`${intro}According to Newsline: “The senator will not run again.”`)).toEqual([
      ['The senator will not run again.', 'Newsline'],
    ]);
  });
});

describe('a name opening the attribution with a long appositive', () => {
  it('takes the name before the first comma when the appositive holds an age, a place and more names', () => {
    expect(
      direct(
        '“The fees keep going up,” Marta Kowalski, 58, a retired bus driver from Scranton, Pa., said on Monday.',
      ),
    ).toEqual([['The fees keep going up', 'Marta Kowalski']]);
  });

  it('reads past an appositive longer than the usual reach of an attribution', () => {
    expect(
      direct(
        '“The numbers simply do not add up,” Oren J. Halvorsen, director of the Northfield Budget Institute and a ' +
          'professor of economics at the University of Lakeview in western Ohio, said in an interview.',
      ),
    ).toEqual([['The numbers simply do not add up', 'Oren J. Halvorsen']]);
  });

  it('does not stop at a short quoted title inside the appositive', () => {
    expect(
      direct(
        '“We have seen better days,” Ohio delegate Ray Tillson, wearing a straw hat and “Vote Kemp” buttons, ' +
          'said as the hall emptied.',
      ),
    ).toEqual([['We have seen better days', 'Ray Tillson']]);
  });

  it('takes the name, not the relative clause, before a quote', () => {
    expect(
      direct(
        'Dana Whitcomb, a longtime friend of Mrs. Hale’s who was once her chief of staff, said, “She never ' +
          'takes a day off.”',
      ),
    ).toEqual([['She never takes a day off.', 'Dana Whitcomb']]);
  });

  it('does not take an opening phrase or a connective for a name', () => {
    expect(direct('Paul Reyes spoke first. In Iowa, Reyes said, “We will win this.”')).toEqual([
      ['We will win this.', 'Paul Reyes'],
    ]);
    expect(direct('Paul Reyes spoke first. Meanwhile, Reyes said, “We will win this.”')).toEqual([
      ['We will win this.', 'Paul Reyes'],
    ]);
  });
});

describe('a verb of saying further back than the last words before the quote', () => {
  it('reads the speaker past the one told and the occasion', () => {
    expect(
      direct(
        'Former Governor Ana Ruiz told Channel Four morning host Tom Bale on Monday, “We will not raise taxes ' +
          'this year.”',
      ),
    ).toEqual([['We will not raise taxes this year.', 'Ana Ruiz']]);
    expect(
      direct(
        'Ana Ruiz said in a written statement before the council’s 2019 budget hearing, “The bridge will reopen ' +
          'in May.”',
      ),
    ).toEqual([['The bridge will reopen in May.', 'Ana Ruiz']]);
  });

  it('does not take a clause of its own or a fragment for the verb’s complements', () => {
    expect(
      direct(
        'Ana Ruiz said on Monday, in reference to the roads around the old port, “and the bridges too.”',
      ),
    ).toEqual([]);
    expect(
      direct(
        'Ana Ruiz said the council, which had waited for years on the plan, “Will finally get its bridge.”',
      ),
    ).toEqual([]);
  });
});

describe('transcripts set in quotation marks', () => {
  const transcript =
    'Dana Reyes interviewed Governor Tom Akers on Sunday.\n\n' +
    '"REYES: But, Governor, as “The Harbor Ledger” wrote, voters doubt the plan. Why go ahead?\n\n' +
    '"AKERS: Well, look, the plan works, and —.\n\n' +
    '"(CROSSTALK.)\n\n' +
    '"REYES: If I may, sir, we are short of time.';

  it('keeps a curly quote inside a straight one from closing it', () => {
    expect(direct(transcript)[0]).toEqual([
      'But, Governor, as “The Harbor Ledger” wrote, voters doubt the plan. Why go ahead?',
      'Dana Reyes',
    ]);
  });

  it('takes a stage direction neither for a quote nor for the rest of the one before', () => {
    expect(direct(transcript).slice(1)).toEqual([
      ['Well, look, the plan works, and —.', 'Tom Akers'],
      ['If I may, sir, we are short of time.', 'Dana Reyes'],
    ]);
  });

  it('does not take a label in quotation marks for a quote', () => {
    expect(direct('The senator called the bill wasteful. "Related:" Senators Reject The Wage Hike.')).toEqual(
      [],
    );
  });
});

describe('titles, quoted words and phrases that are not something said', () => {
  it('does not take a title with its own comma or full stop for a quote', () => {
    expect(
      direct('Ms. Ruiz left the farm at 17, she wrote in her memoir, “Dust And Salt.” She never went back.'),
    ).toEqual([]);
    expect(direct('“Night Harbor,” which airs on Fridays, is the network’s most watched drama.')).toEqual([]);
    expect(
      direct(
        'Nora Keller lost the recount. “It was a fair vote,” Keller told “Morning Edition,” adding that she would ' +
          'not appeal.',
      ),
    ).toEqual([['It was a fair vote', 'Nora Keller']]);
  });

  it('still takes a short answer in capitals that a verb and a comma set off', () => {
    expect(direct('Asked whether she would run again, Nora Keller said, “Never.”')).toEqual([
      ['Never.', 'Nora Keller'],
    ]);
    expect(direct('Nora Keller was asked about it. “Absolutely,” she said.')).toEqual([
      ['Absolutely', 'Nora Keller'],
    ]);
  });

  it('does not take words quoted as words in a list for quotes', () => {
    expect(
      direct('Clerks searched the files for words such as “levy,” “toll,” “Harbor” and “surcharge.”'),
    ).toEqual([]);
  });

  it('does not read a noun after a possessive or a determiner as the verb of an attribution', () => {
    expect(
      direct('Senator Nora Keller told reporters on Monday that the judge’s comments “shows bias to me.”'),
    ).toEqual([]);
    expect(direct('“We will appeal,” the report stated.')).toEqual([['We will appeal', 'report']]);
  });

  it('does not take a phrase without a verb after a word of the reporter’s sentence for a quote', () => {
    expect(direct('Nora Keller ended her speech by urging “a fairer deal for farmers.”')).toEqual([]);
    expect(direct('The governor branded the plan “reckless and cruel.”')).toEqual([]);
    expect(direct('Asked about the vote, Nora Keller said “we will win it.”')).toEqual([
      ['we will win it.', 'Nora Keller'],
    ]);
  });
});

describe('quotes introduced before the marks in forms the verb list alone does not cover', () => {
  it('takes a quote after a verb of saying and a comma even when the subject is not a name it can read', () => {
    expect(
      direct(
        'Nora Keller spoke first. Another source familiar with the senator’s thinking said, “She will run.”',
      ),
    ).toEqual([['She will run.', null]]);
  });

  it('reads the subject of the first of two joined verbs ("smiled and said,")', () => {
    expect(
      direct('Asked about the race, Senator Nora Keller smiled and said, “I am waiting for the count.”'),
    ).toEqual([['I am waiting for the count.', 'Nora Keller']]);
  });

  it('reads a participle right after an earlier quote of the sentence for the sentence’s subject', () => {
    expect(
      direct(
        'Nora Keller spoke first. “He has no chance,” Keller said on “Morning Edition,” adding, “The count is ' +
          'over.”',
      ),
    ).toEqual([
      ['He has no chance', 'Nora Keller'],
      ['The count is over.', 'Nora Keller'],
    ]);
  });

  it('reads "According to X," and "As X put it," as the attribution, and reports the quote only once', () => {
    const facts = run('According to the Harbor Ledger, “The mayor knew about the leak.”');
    expect(facts.quotes.map((q) => [q.kind, q.text, q.speaker])).toEqual([
      ['direct', 'The mayor knew about the leak.', 'Harbor Ledger'],
    ]);
    expect(direct('As the columnist Dana Mills put it, “Voters are tired of waiting.”')).toEqual([
      ['Voters are tired of waiting.', 'Dana Mills'],
    ]);
  });

  it('reads a verb opening the sentence before the speaker and a comma ("Said Name, …,")', () => {
    expect(direct('Said Ann Cole, who ran the shelter for years, “We were all so proud of her.”')).toEqual([
      ['We were all so proud of her.', 'Ann Cole'],
    ]);
  });

  it('reads "quipped" as a verb of saying', () => {
    expect(direct('Nora Keller quipped, “It is like a lawyer with no client.”')).toEqual([
      ['It is like a lawyer with no client.', 'Nora Keller'],
    ]);
  });
});
