import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const run = (body: string, date: Date = published) => extract({ title: 'Test', body, published: date });
const direct = (body: string) =>
  run(body)
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);
const reported = (body: string) =>
  run(body)
    .quotes.filter((q) => q.kind === 'reported')
    .map((q) => [q.text, q.speaker, q.verb]);

describe('direct quotes', () => {
  it('attributes a quote followed by "Name said"', () => {
    expect(direct('Vladimir Putin spoke on Monday.\n\n“We have done our job,” Putin said.')).toEqual([
      ['We have done our job', 'Vladimir Putin'],
    ]);
  });

  it('attributes a quote with the verb before the name and a title ("asked Sen. Rachel Dunn")', () => {
    expect(
      direct('"What is the mission, and when does it end?" asked Sen. Rachel Dunn, a Democrat from Oregon.'),
    ).toEqual([['What is the mission, and when does it end?', 'Rachel Dunn']]);
  });

  it('attributes a quote introduced by a colon after an appositive', () => {
    expect(
      direct('Markova’s spokesman, Pavel Dudek, said: “The minister will not return to the table.”'),
    ).toEqual([['The minister will not return to the table.', 'Pavel Dudek']]);
  });

  it('joins a quote split by its attribution into one quote', () => {
    expect(
      direct('Elena Markova arrived late.\n\n“We came in good faith,” Markova said, “but we cannot stay.”'),
    ).toEqual([['We came in good faith but we cannot stay.', 'Elena Markova']]);
  });

  it('keeps a quote that runs over two paragraphs as one quote for the speaker the context implies', () => {
    const body =
      'The mayor, Sarah Okafor, unveiled the plan.\n\n“For too long we waited. Those days are over.\n\n“Every district will get barriers.”';
    expect(direct(body)).toEqual([
      ['For too long we waited. Those days are over. Every district will get barriers.', 'Sarah Okafor'],
    ]);
  });

  it('resolves he and she to the right person', () => {
    const body =
      'Anna Berger and her rival, Markus Feld, met on Thursday.\n\nBerger attacked Feld. “He wants to cut the army,” she said.\n\nFeld denied it. “I never proposed a cut,” he said.';
    expect(direct(body)).toEqual([
      ['He wants to cut the army', 'Anna Berger'],
      ['I never proposed a cut', 'Markus Feld'],
    ]);
  });

  it('gives an unattributed quote to the speaker of the quote before it', () => {
    expect(direct('“Nobody has changed anything,” Tomas Varga said. “Our proposal is the same.”')).toEqual([
      ['Nobody has changed anything', 'Tomas Varga'],
      ['Our proposal is the same.', 'Tomas Varga'],
    ]);
  });

  it('ignores scare quotes, titles of works and partial quotes in the reporter’s sentence', () => {
    const body =
      'A new film, "The Long Watch", follows what the military calls "overwatch" missions. The so-called "remote warriors" ' +
      'work long shifts. Maya Lindqvist said the job was "exhausting in a way nobody expects."';
    expect(direct(body)).toEqual([]);
  });

  it('gives a quote with no speaker nearby a null speaker rather than a guess', () => {
    expect(direct('“The war is over.”')).toEqual([['The war is over.', null]]);
  });

  it('attributes testimonials signed with a dash, one per line, even when the first opens with a closing mark', () => {
    const body =
      'Readers wrote in after the debate.\n\n”He represents our greatest shame.” ― Sonya Herridge\n“He is ignorant of our culture and lives.”― Pamela Padilla\n“How did we get this low?” ― Jacklyn Ashley.';
    expect(direct(body)).toEqual([
      ['He represents our greatest shame.', 'Sonya Herridge'],
      ['He is ignorant of our culture and lives.', 'Pamela Padilla'],
      ['How did we get this low?', 'Jacklyn Ashley'],
    ]);
  });

  it('keeps a quote the reporter’s words carry on from inside the reported clause, not as a direct quote', () => {
    const body =
      'Elizabeth Warren questioned the bank chief.\n\n“The only way Wall Street will change will be if executives face jail time” for criminal behavior, she said.';
    expect(direct(body)).toEqual([]);
    expect(reported(body)).toEqual([
      [
        '“The only way Wall Street will change will be if executives face jail time” for criminal behavior',
        'Elizabeth Warren',
        'say',
      ],
    ]);
  });

  it('cleans a speaker’s name of a parenthetical, an outlet after "for" and a title split off as a sentence', () => {
    const body =
      '“It is a fraud,” said Rep. Jim Clyburn (D-S.C.), the assistant leader.\n\n“Just 9 percent changed their minds,” wrote Cameron Easley for Morning Consult.\n\n“It will never go back to normal,” said the Rev. Peter Wherry.';
    expect(direct(body)).toEqual([
      ['It is a fraud', 'Jim Clyburn'],
      ['Just 9 percent changed their minds', 'Cameron Easley'],
      ['It will never go back to normal', 'Peter Wherry'],
    ]);
  });

  it('gives each paragraph of a transcript to the speaker its label names', () => {
    const body =
      'Mike Pence spoke to Chris Wallace on Sunday.\n\n"WALLACE: Will she be there?\n\n"PENCE: She will not be attending the debate.\n\n"WALLACE: Thank you, Governor.';
    expect(direct(body)).toEqual([
      ['Will she be there?', 'Chris Wallace'],
      ['She will not be attending the debate.', 'Mike Pence'],
      ['Thank you, Governor.', 'Chris Wallace'],
    ]);
  });
});

describe('reported speech', () => {
  it('finds "X says CLAUSE" without "that"', () => {
    expect(
      reported('Viktor Ozerov spoke today. Ozerov says Russia would need a minimum of two battalions.'),
    ).toEqual([['Russia would need a minimum of two battalions', 'Viktor Ozerov', 'say']]);
  });

  it('finds "according to X" before and after the clause', () => {
    expect(
      reported(
        'Rebels took three villages, according to the Syrian Observatory for Human Rights. According to the group’s director, Rami Abdulrahman, at least 40 soldiers died.',
      ),
    ).toEqual([
      ['Rebels took three villages', 'Syrian Observatory for Human Rights', 'according to'],
      ['at least 40 soldiers died', 'Rami Abdulrahman', 'according to'],
    ]);
  });

  it('finds "X has estimated that" and "as stated by X"', () => {
    expect(
      reported(
        'The United Nations has estimated that up to 100,000 civilians have fled. The first jets left on Tuesday, as stated by the Defense Ministry.',
      ),
    ).toEqual([
      ['up to 100,000 civilians have fled', 'United Nations', 'estimate'],
      ['The first jets left on Tuesday', 'Defense Ministry', 'state'],
    ]);
  });

  it('finds the wire form "CLAUSE, officials said."', () => {
    expect(reported('KIEV — A fragile ceasefire largely held on Sunday, officials said.')).toEqual([
      ['A fragile ceasefire largely held on Sunday', 'officials', 'say'],
    ]);
  });

  it('does not count belief verbs, "is reported to" or "it is estimated" as reported speech', () => {
    expect(
      reported(
        'Daniel Ortiz believes the figure is too pessimistic. He thinks growth will return. Putin is also reported to have spoken with Obama. It is estimated that there are 3,000 troops in Syria.',
      ),
    ).toEqual([]);
  });

  it('resolves a description to the named person whose role it restates', () => {
    const body =
      'The head of the defense committee in Russia’s upper house of parliament has estimated that 1,000 troops will remain. Viktor Ozerov, the head of the parliamentary defense committee, spoke to reporters.';
    expect(reported(body)).toEqual([['1,000 troops will remain', 'Viktor Ozerov', 'estimate']]);
  });

  it('ends a reported clause where the next attribution in the sentence begins', () => {
    const body =
      'Viktor Ozerov, the head of the committee, said that 1,000 troops will remain, also Anna Berger, the chancellor candidate, said that the plan is good.';
    expect(reported(body).map((r) => r[0])).toEqual(['1,000 troops will remain', 'the plan is good']);
  });

  it("reads a clause that closes with an archive-style quote (''…'') before an inverted attribution", () => {
    const body =
      "Leonard Burman studies taxes.\n\nHowever laudable the goal, using the capital gains tax ''is a misguided approach,'' said Mr. Burman.";
    expect(reported(body)).toEqual([
      [
        'However laudable the goal, using the capital gains tax “is a misguided approach”',
        'Leonard Burman',
        'say',
      ],
    ]);
  });

  it('reads progressive verbs of saying, "pointed out" and "responded that"', () => {
    expect(reported('Donald Trump is warning that a Clinton victory would bring scandal back.')).toEqual([
      ['a Clinton victory would bring scandal back', 'Donald Trump', 'warn'],
    ]);
    expect(reported('Politifact then pointed out that one shooting may have more than one victim.')).toEqual([
      ['one shooting may have more than one victim', 'Politifact', 'point out'],
    ]);
    expect(reported('Aaron Sharockman responded that the website cites many claims as inaccurate.')).toEqual([
      ['the website cites many claims as inaccurate', 'Aaron Sharockman', 'respond'],
    ]);
  });

  it('reads what a promise, vow or pledge commits to, but no other verb before "to"', () => {
    expect(reported('Senator Ana Ruiz vowed to harshly punish those who leak classified files.')).toEqual([
      ['to harshly punish those who leak classified files', 'Ana Ruiz', 'vow'],
    ]);
    expect(reported('Ana Ruiz declined to say whether the plan would pass.')).toEqual([]);
  });

  it('gives a coordinated verb the sentence’s subject and ends the first clause at it', () => {
    expect(
      reported(
        'Donald Trump is telling a veterans group that the military is depleted and says he will expand the armed forces.',
      ),
    ).toEqual([
      ['the military is depleted', 'Donald Trump', 'tell'],
      ['he will expand the armed forces', 'Donald Trump', 'say'],
    ]);
  });

  it('leaves a time between the speaker and the verb out of the speaker', () => {
    expect(
      reported(
        'Bernie Sanders spoke.\n\nSanders on Tuesday said he wants to tax the rich.\n\nWells Fargo just this month announced it would end the incentives.',
      ),
    ).toEqual([
      ['he wants to tax the rich', 'Bernie Sanders', 'say'],
      ['it would end the incentives', 'Wells Fargo', 'announce'],
    ]);
  });
});

describe('figures', () => {
  const figures = (body: string) =>
    run(body).figures.map((f) => ({
      min: f.min,
      max: f.max,
      qualifier: f.qualifier,
      unit: f.unit,
      state: f.state,
      who: f.who,
      where: f.where,
    }));

  it('reads a range with a qualifier and its state from "there are"', () => {
    expect(figures('There are around 3,000 to 6,000 Russian military personnel in Syria.')).toEqual([
      {
        min: 3000,
        max: 6000,
        qualifier: 'around',
        unit: 'personnel',
        state: 'deployed',
        who: 'Russian',
        where: 'Syria',
      },
    ]);
  });

  it('reads a force counted by its strength ("a 600-strong battalion"), but no crowd or team', () => {
    expect(
      figures(
        'Britain sent a 600-strong battalion to Estonia. The 4,500-strong contingent is withdrawing from Mali. ' +
          'An 8,000-strong demonstration marched in Kyiv, and a 15-strong team of inspectors followed.',
      ),
    ).toEqual([
      {
        min: 600,
        max: 600,
        qualifier: null,
        unit: 'troop',
        state: 'deployed',
        who: 'British',
        where: 'Estonia',
      },
      { min: 4500, max: 4500, qualifier: null, unit: 'troop', state: 'withdrawn', who: null, where: 'Mali' },
    ]);
  });

  it('reads the level a figure was at before, after it ("3,000 troops, down from 5,200", "up from 1,000")', () => {
    expect(
      figures(
        'The US has 3,000 troops in Iraq, down from a peak of 5,200. About 2,200 Canadian troops are expected ' +
          'by 2026, up from roughly 1,000 today. Support for the war is 40 percent, up from 30 percent.',
      ).map((f) => [f.min, f.qualifier, f.unit, f.state, f.who]),
    ).toEqual([
      [3000, null, 'troop', 'deployed', 'U.S.'],
      [5200, null, 'troop', 'deployed', 'U.S.'],
      [2200, 'about', 'troop', 'unknown', 'Canadian'],
      [1000, 'roughly', 'troop', 'deployed', 'Canadian'],
    ]);
  });

  it('reads "between X and Y" and a withdrawn state', () => {
    expect(figures('Between 8 and 12 aircraft would return home.')).toEqual([
      { min: 8, max: 12, qualifier: 'between', unit: 'aircraft', state: 'withdrawn', who: null, where: null },
    ]);
  });

  it('splits "from X to Y troops" into the force before and after a cut', () => {
    expect(figures('The United States will cut its force in Iraq from about 5,200 to 3,000 troops.')).toEqual(
      [
        {
          min: 5200,
          max: 5200,
          qualifier: 'about',
          unit: 'troop',
          state: 'deployed',
          who: 'U.S.',
          where: 'Iraq',
        },
        {
          min: 3000,
          max: 3000,
          qualifier: null,
          unit: 'troop',
          state: 'remaining',
          who: 'U.S.',
          where: 'Iraq',
        },
      ],
    );
  });

  it('reads whose forces from an abbreviated country before the unit ("2,500 U.S. troops", "900 U.K. soldiers" are British)', () => {
    const whose = (body: string) => run(body).figures.map((f) => [f.min, f.who]);
    expect(whose('Around 2,500 U.S. troops will remain in Afghanistan.')).toEqual([[2500, 'U.S.']]);
    expect(whose('About 900 U.K. soldiers are based in Estonia.')).toEqual([[900, 'British']]);
  });

  it('reads numbers written as words and a required state', () => {
    expect(figures('Russia would need a minimum of two battalions to protect the bases.')).toEqual([
      {
        min: 2,
        max: 2,
        qualifier: 'a minimum of',
        unit: 'battalion',
        state: 'required',
        who: 'Russian',
        where: null,
      },
    ]);
  });

  it('carries a bound over to a figure in apposition, but not to a separate figure', () => {
    const quals = (body: string) => run(body).figures.map((f) => `${f.qualifier} ${f.min} ${f.unit}`);
    expect(
      quals('Russia would need a minimum of two battalions, a total of 800 troops, to hold the bases.'),
    ).toEqual(['a minimum of 2 battalion', 'a minimum of 800 troop']);
    expect(quals('Up to 40 jets flew home, and a total of 800 troops stayed behind.')).toEqual([
      'up to 40 jet',
      'a total of 800 troop',
    ]);
  });

  it('ignores numbers that are not about forces', () => {
    expect(
      figures('The war is five years old and 100,000 civilians fled in 2011; 12 percent voted.'),
    ).toEqual([]);
  });

  it('gives a figure inside reported speech the speaker as its source, and none to an estimate', () => {
    const facts = run(
      'Anna Berger said she would keep 5,000 troops in the Baltic region. It is estimated that 300 jets are deployed.',
    );
    expect(facts.figures.map((f) => [f.min, f.source])).toEqual([
      [5000, 'Anna Berger'],
      [300, null],
    ]);
  });

  it('keeps the full stop of an abbreviation in initials in a source ("the U.S."), and drops any other', () => {
    const sources = (body: string) => run(body).figures.map((f) => f.source);
    expect(sources('The U.S. said it would keep 9,800 troops in Afghanistan.')).toEqual(['U.S.']);
    expect(sources('The ministry said 900 troops would stay in Latakia.')).toEqual(['ministry']);
  });

  it('reads a figure from a title-case headline when the body does not restate it, and only then', () => {
    const headline = (title: string, body: string) =>
      extract({ title, body, published })
        .figures.filter((f) => f.headline)
        .map((f) => [f.min, f.unit, f.state, f.who, f.where, f.sentence]);
    expect(
      headline(
        'US To Withdraw 2,200 Troops From Iraq',
        'The drawdown in Iraq will be finished by September.',
      ),
    ).toEqual([[2200, 'troop', 'withdrawn', 'U.S.', 'Iraq', 'US To Withdraw 2,200 Troops From Iraq']]);
    expect(
      headline(
        'Britain Sends 900 More Troops To Estonia',
        'The Ministry of Defence announced 900 more troops.',
      ),
    ).toEqual([]);
    expect(headline('Boeing Wins Order For 100 Jets From Gulf Airline', 'The order is worth $10bn.')).toEqual(
      [],
    );
  });
});

describe('people', () => {
  it('splits titles from names and merges surname mentions under the full name', () => {
    const facts = run(
      'Iranian Foreign Minister Mohammad Javad Zarif met Gen. Kenneth McKenzie. Later Zarif and McKenzie spoke with Mr. Holloway.',
    );
    expect(facts.people.map((p) => [p.name, p.role, p.aliases])).toEqual([
      ['Mohammad Javad Zarif', 'Iranian Foreign Minister', ['Zarif']],
      ['Kenneth McKenzie', 'Gen.', ['McKenzie']],
      ['Holloway', null, ['Mr. Holloway']],
    ]);
  });

  it('writes "Bashar-Al-Assad" as "Bashar al-Assad" and merges "President Assad"', () => {
    const facts = run(
      'This could pave a way to the exit of Bashar-Al-Assad, President of Syria. President Assad said nothing.',
    );
    expect(facts.people.map((p) => [p.name, p.role])).toEqual([['Bashar al-Assad', 'President of Syria']]);
    expect(facts.people[0]!.aliases).toContain('President Assad');
  });

  it('does not take capitalised common words for people', () => {
    const facts = run(
      'Political Analysts are viewing the Syrian Peace Talks as the Russian Fighter Jets leave.',
    );
    expect(facts.people).toEqual([]);
  });
});

describe('timeline', () => {
  const timeline = (body: string, date: Date | null = published) =>
    extract({ title: 'T', body, published: date }).timeline.map((t) => [t.date, t.precision, t.approximate]);

  it('puts a bare month in past-tense copy in the latest year up to publication', () => {
    expect(timeline('Russia had begun the airstrikes in September.')).toEqual([['2015-09', 'month', false]]);
  });

  it('resolves today, a weekday and tomorrow against the published date', () => {
    expect(timeline('The jets left today. They met on Monday. The withdrawal starts tomorrow.')).toEqual([
      ['2016-03-14', 'day', false],
      ['2016-03-15', 'day', false],
      ['2016-03-16', 'day', false],
    ]);
  });

  it('turns "nearly five years old" into an approximate start year', () => {
    expect(timeline('The civil war is now nearly five years old.')).toEqual([['2011', 'year', true]]);
  });

  it('keeps absolute dates and skips relative ones when the published date is unknown', () => {
    expect(timeline('The talks began on March 3, 2016 and resumed on Tuesday.', null)).toEqual([
      ['2016-03-03', 'day', false],
    ]);
  });
});

describe('summary', () => {
  it('takes the lead sentences without the dateline', () => {
    const facts = run(
      'BRUSSELS (Wire) - NATO will deploy four battalions, officials said on Tuesday. The move is new. It follows talks.',
    );
    expect(facts.summary).toEqual(['NATO will deploy four battalions, officials said on Tuesday.']);
  });
});

describe('words that are also names of built-in object properties', () => {
  it('reads "constructor" as a word the lexicon does not know, not a crash', () => {
    expect(reported('Constructor firms said the bridge would open.')).toEqual([
      ['the bridge would open', 'Constructor firms', 'say'],
    ]);
    expect(reported('Anna Constructor, a builder, said the bridge would open.')).toEqual([
      ['the bridge would open', 'Anna Constructor', 'say'],
    ]);
  });
});
