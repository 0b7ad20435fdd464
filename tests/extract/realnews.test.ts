/**
 * Behaviours found missing on published news (issue 14), one class per block. The sentences are written for these
 * tests in the style of the copy that exposed each class; they are not taken from any article.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-04-20T00:00:00Z');
const run = (body: string, title = 'Test') => extract({ title, body, published });
const direct = (body: string) =>
  run(body)
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

describe('archive quotation marks', () => {
  it("reads ''…'' (two apostrophes) as a pair of double quotes", () => {
    expect(
      direct("Marta Velez toured the plant on Monday. ''We will keep every line open,'' Ms. Velez said."),
    ).toEqual([['We will keep every line open', 'Marta Velez']]);
  });

  it("reads ``…'' as a pair of double quotes and keeps the apostrophes inside the quote", () => {
    expect(direct("``It's the council's call, not mine,'' said Tomas Rieger, the mayor.")).toEqual([
      ["It's the council's call, not mine", 'Tomas Rieger'],
    ]);
  });
});

describe('speaker names are cleaned', () => {
  it('keeps a surname that starts like an ordinary word capitalised ("Bennett")', () => {
    expect(direct('“They are all here for the free stuff,” Bennett said with a laugh.')).toEqual([
      ['They are all here for the free stuff', 'Bennett'],
    ]);
  });

  it('resolves a surname that is also an ordinary word ("Golden") to the full name, not "golden"', () => {
    expect(
      direct('Janet Golden runs the clinic on Main Street.\n\n“We turn no one away,” Golden said.'),
    ).toEqual([['We turn no one away', 'Janet Golden']]);
  });

  it('drops a sentence adverb between the speaker and the verb ("Gorka similarly warned")', () => {
    const quotes = run(
      'Ines Gorka spoke next. Gorka similarly warned that the plan “will not hold for a week.”',
    ).quotes;
    expect(quotes.map((q) => q.speaker)).toEqual(['Ines Gorka']);
  });

  it('strips titles written before a name from the speaker ("Senate Majority Leader", "Former Attorney General")', () => {
    expect(
      direct(
        '“We will take it up next week,” said Senate Majority Leader Mitch Harlan.\n\n“Nobody asked me,” said Former Attorney General Rosa Delgado.',
      ),
    ).toEqual([
      ['We will take it up next week', 'Mitch Harlan'],
      ['Nobody asked me', 'Rosa Delgado'],
    ]);
  });

  it('gives no speaker rather than a verb phrase when the clause has no subject of its own', () => {
    const quotes = run(
      'Tomas Rieger laughed at the question, but went on to say, “The plant stays open.”',
    ).quotes;
    expect(quotes.map((q) => q.speaker)).not.toContain('went on to');
  });

  it('does not read a noun after an adjective as a speech verb ("offered her firmest promise")', () => {
    const quotes = run(
      'Clara Voss, who once backed the accord, offered her firmest promise yet that she would block it.',
    ).quotes;
    expect(quotes.map((q) => q.speaker)).not.toContain('offered her firmest');
  });
});

const reported = (body: string) =>
  run(body)
    .quotes.filter((q) => q.kind === 'reported')
    .map((q) => [q.text, q.speaker]);

describe('reported speech subjects', () => {
  it('finds the name before an age and a role ("Name, 21, a junior from …, said")', () => {
    expect(
      reported('Marley Anders, 21, a junior from Reno, said she came to hear the senator speak.'),
    ).toEqual([['she came to hear the senator speak', 'Marley Anders']]);
  });

  it('accepts a subject whose head noun the lexicon also knows as a verb ("The party says")', () => {
    expect(reported('The party says 4,570 members voted by mail this spring.')).toEqual([
      ['4,570 members voted by mail this spring', 'party'],
    ]);
  });

  it('reads a clause that starts with "one" ("said one candidate …")', () => {
    expect(reported('Barlow said one candidate he likes so far is the governor.')).toEqual([
      ['one candidate he likes so far is the governor', 'Barlow'],
    ]);
  });

  it('keeps a quantified subject ("about half of voters say")', () => {
    expect(reported('In each of the states, about half of voters say they want an outsider.')).toEqual([
      ['they want an outsider', 'about half of voters'],
    ]);
  });
});

describe('pronouns', () => {
  it('resolves "she" to the last woman named when nobody fits within three sentences', () => {
    expect(
      reported(
        'Maria Lopez runs a bakery on the corner. It opened in 1990. The street was quiet then. Rent was cheap. Few shops stayed open. She says the new road brought her the customers.',
      ),
    ).toEqual([['the new road brought her the customers', 'Maria Lopez']]);
  });
});

describe('reported speech forms seen in published news', () => {
  it('reads a participle after a comma for the main subject ("…, saying that …")', () => {
    expect(reported('Rhea Bolton spoke on Monday, saying that the speech had reassured her.')).toEqual([
      ['the speech had reassured her', 'Rhea Bolton'],
    ]);
  });

  it('reads "but said" for the subject of the first clause', () => {
    expect(
      reported(
        'The spokesman refused to answer questions on the race but said there was no meeting planned.',
      ),
    ).toEqual([['there was no meeting planned', 'spokesman']]);
  });

  it('reads "told OUTLET" without "that" when a clause follows', () => {
    expect(reported('Christine Wald told CNN she would rather stay home in November.')).toEqual([
      ['she would rather stay home in November', 'Christine Wald'],
    ]);
  });

  it('reads an indirect question after "asked"', () => {
    expect(reported('The reporter asked the senator whether he would vote for the bill.')).toEqual([
      ['whether he would vote for the bill', 'reporter'],
    ]);
  });

  it('reads "suggested" only before a clause, not before a plain object', () => {
    expect(reported('Mona Ruiz suggested a compromise on the budget.')).toEqual([]);
    expect(reported('Mona Ruiz suggested the budget was too small.')).toEqual([
      ['the budget was too small', 'Mona Ruiz'],
    ]);
  });

  it('reads an inverted attribution at the end of the sentence ("…, said Name, role.")', () => {
    expect(
      reported('Even in New York, the race will be tight, said Dan Gersh, an analyst in Manhattan.'),
    ).toEqual([['Even in New York, the race will be tight', 'Dan Gersh']]);
  });

  it('keeps a partial quote inside the paraphrase it belongs to', () => {
    expect(
      reported('Rhea Bolton spoke last.\n\nTowns need leaders “who understand the river,” Bolton said.'),
    ).toEqual([['Towns need leaders “who understand the river”', 'Rhea Bolton']]);
  });

  it('keeps reported speech whose pronoun has no referent, with an unknown speaker', () => {
    expect(reported('He endorsed the plan, but said it would fail.')).toEqual([['it would fail', null]]);
  });
});

const figures = (body: string) =>
  run(body).figures.map((f) => ({
    min: f.min,
    max: f.max,
    unit: f.unit,
    state: f.state,
    source: f.source,
  }));

describe('force figures on published news', () => {
  it('does not count casualties, captives or the injured as forces', () => {
    expect(
      figures(
        'A roadside bomb killed 40 soldiers near the town. Another 68 soldiers were captured. The 8 wounded soldiers were flown home.',
      ),
    ).toEqual([]);
  });

  it('does not count missiles fired in an attack or the bases they hit', () => {
    expect(
      figures(
        'Iran fired 16 ballistic missiles on Wednesday. The missiles hit two military bases in the north.',
      ),
    ).toEqual([]);
  });

  it('reads model numbers as models, not counts ("Challenger 2 tanks", "Boeing 737-800 planes")', () => {
    expect(figures('The army will upgrade its Challenger 2 tanks before the exercise.')).toEqual([]);
    expect(figures('The airline ordered more Boeing 737-800 planes for its summer routes.')).toEqual([]);
  });

  it('leaves airline fleets and orders alone', () => {
    expect(
      figures('The airline has made a firm order for 30 new aircraft, with an option on 20 more.'),
    ).toEqual([]);
  });

  it('counts a plural model designation and a model before the unit ("four B-52s", "two B-2 bombers")', () => {
    expect(
      figures('The Pentagon sent four B-52s to Qatar. The two B-2 stealth bombers flew to Guam.').map((f) => [
        f.min,
        f.unit,
      ]),
    ).toEqual([
      [4, 'aircraft'],
      [2, 'bomber'],
    ]);
  });

  it('counts members of named forces ("Canadian Armed Forces members", "CAF members") but not of an alliance', () => {
    expect(
      figures(
        'About 1,000 Canadian Armed Forces members are deployed in Latvia. Some 300 CAF members will stay. ' +
          'The alliance has 32 NATO members.',
      ).map((f) => [f.min, f.unit, f.state]),
    ).toEqual([
      [1000, 'service member', 'deployed'],
      [300, 'service member', 'remaining'],
    ]);
  });

  it('reads both ends of a transition written "to … from a peak of …"', () => {
    expect(
      figures('The Army will shrink to 490,000 active-duty members from a wartime peak of 570,000.').map(
        (f) => [f.min, f.unit, f.state],
      ),
    ).toEqual([
      [490000, 'service member', 'remaining'],
      [570000, 'service member', 'deployed'],
    ]);
  });

  it('gives a bare number the unit of the figure it parallels ("500 troops in Syria and 5,000 in Iraq")', () => {
    expect(
      figures('He left office with 500 ground troops in Syria and 5,000 in Iraq.').map((f) => [
        f.min,
        f.unit,
      ]),
    ).toEqual([
      [500, 'troop'],
      [5000, 'troop'],
    ]);
  });

  it('reads a partitive count ("all 11 of its aircraft carriers")', () => {
    expect(
      figures('The plan calls for the Navy to retain all 11 of its aircraft carriers.').map((f) => [
        f.min,
        f.unit,
        f.state,
      ]),
    ).toEqual([[11, 'carrier', 'remaining']]);
  });

  it('reads forces placed somewhere as deployed and forces "to stay" as remaining', () => {
    expect(
      figures(
        'The United States has about 8,400 troops in Afghanistan. A deal would allow about 8,000 American troops to stay beyond the deadline.',
      ).map((f) => [f.min, f.state]),
    ).toEqual([
      [8400, 'deployed'],
      [8000, 'remaining'],
    ]);
  });

  it('reads a refused withdrawal as remaining and "extricate" as withdrawn', () => {
    expect(
      figures(
        'She said the US would not withdraw the 2,000 troops it has in Syria. Later he told the Pentagon to extricate its estimated 2,000 soldiers.',
      ).map((f) => [f.min, f.unit, f.state]),
    ).toEqual([
      [2000, 'troop', 'remaining'],
      [2000, 'soldier', 'withdrawn'],
    ]);
  });

  it('takes the subject of the sentence as the source when no quote covers the figure', () => {
    expect(
      figures('In August, the Pentagon assessed there were as many as 14,500 fighters still in Syria.').map(
        (f) => [f.min, f.source],
      ),
    ).toEqual([[14500, 'Pentagon']]);
  });

  it('reads "8-10,000" as 8,000 to 10,000 and keeps a quoted number ("\\"around 100\\" additional Marines")', () => {
    expect(
      figures(
        'He would keep between 8-10,000 troops there. Officials said "around 100" additional Marines would go.',
      ).map((f) => [f.min, f.max, f.unit]),
    ).toEqual([
      [8000, 10000, 'troop'],
      [100, 100, 'marine'],
    ]);
  });
});

describe('force figures whose unit or state sits away from the number', () => {
  const rows = (body: string) => run(body).figures.map((f) => [f.min, f.qualifier, f.unit, f.state]);

  it('reads a transition whose force noun comes before it ("reduce its forces from about N to M")', () => {
    expect(rows('Canada will reduce the number of soldiers in Latvia from about 1,900 to 1,200.')).toEqual([
      [1900, 'about', 'soldier', 'deployed'],
      [1200, null, 'soldier', 'remaining'],
    ]);
    expect(rows('Troop numbers were cut from roughly 4,000 to 2,500 this year.')).toEqual([
      [4000, 'roughly', 'troop', 'deployed'],
      [2500, null, 'troop', 'remaining'],
    ]);
    expect(rows('Norway will reduce its forces in Lithuania from 800 to 450.')).toEqual([
      [800, null, 'troop', 'deployed'],
      [450, null, 'troop', 'remaining'],
    ]);
  });

  it('reads a unit-first transition written "to … from …" or with no verb of cutting, the later level by its size', () => {
    expect(rows('Peru will cut the number of troops on the border to 1,500 from about 2,600.')).toEqual([
      [1500, null, 'troop', 'remaining'],
      [2600, 'about', 'troop', 'deployed'],
    ]);
    expect(rows('Troop levels in the region went from 40,000 to 9,500 within a decade.')).toEqual([
      [40000, null, 'troop', 'deployed'],
      [9500, null, 'troop', 'remaining'],
    ]);
    expect(rows('Latvia raised its forces on the frontier from 700 to 1,100.')).toEqual([
      [700, null, 'troop', 'deployed'],
      [1100, null, 'troop', 'deployed'],
    ]);
  });

  it('takes "contingent" and "military presence" as force nouns, with the verb of change before a clause break', () => {
    expect(rows('Rome will increase its contingent in Kosovo from 600 to 950.')).toEqual([
      [600, null, 'troop', 'deployed'],
      [950, null, 'troop', 'deployed'],
    ]);
    expect(
      rows('The minister ordered a cut to the military presence on the island from 1,800 to 700.'),
    ).toEqual([
      [1800, null, 'troop', 'deployed'],
      [700, null, 'troop', 'remaining'],
    ]);
  });

  it('reads a change "by N to M": N withdrawn and M remaining after a cut, both deployed after a rise', () => {
    expect(rows('Peru will cut troops on the border by 1,100 to 1,500.')).toEqual([
      [1100, null, 'troop', 'withdrawn'],
      [1500, null, 'troop', 'remaining'],
    ]);
    expect(rows('Peru will reduce its garrison by 1,100 soldiers to 1,500.')).toEqual([
      [1100, null, 'soldier', 'withdrawn'],
      [1500, null, 'soldier', 'remaining'],
    ]);
    expect(rows('Chile will raise its troops in the south by 400 to 2,000.')).toEqual([
      [400, null, 'troop', 'deployed'],
      [2000, null, 'troop', 'deployed'],
    ]);
  });

  it('leaves a transition of shares, ages, money or opinion near a force noun alone', () => {
    expect(rows('The share of troops in reserve units rose from 20 to 30.')).toEqual([]);
    expect(rows('Recruits for the troops were aged from 18 to 25.')).toEqual([]);
    expect(rows('Spending on the forces was cut from $900 to $700 a head.')).toEqual([]);
    expect(rows('Support for sending more troops rose from 30 to 42.')).toEqual([]);
  });

  it('reads the level a force is cut to right after its strength ("cut its force of N troops to M")', () => {
    expect(rows('Denmark will cut its contingent of 1,400 soldiers to 900.')).toEqual([
      [1400, null, 'soldier', 'deployed'],
      [900, null, 'soldier', 'remaining'],
    ]);
  });

  it('counts forces flying, sailing or heading home as withdrawn, and flying elsewhere as deployed', () => {
    expect(rows('The last 400 Dutch soldiers are heading home from Mali.')).toEqual([
      [400, null, 'soldier', 'withdrawn'],
    ]);
    expect(rows('About 2,000 sailors will come home by Christmas.')).toEqual([
      [2000, 'about', 'sailor', 'withdrawn'],
    ]);
    expect(rows('The 900 paratroopers flew to Kabul.')).toEqual([[900, null, 'paratrooper', 'deployed']]);
  });

  it('reads "send another N for <place>" as N more of the force just named, bound for that place', () => {
    expect(
      run(
        'Canada has about 800 troops stationed in Latvia and will send another 100 for Estonia.',
      ).figures.map((f) => [f.min, f.qualifier, f.unit, f.state, f.where]),
    ).toEqual([
      [800, 'about', 'troop', 'deployed', 'Latvia'],
      [100, 'another', 'troop', 'deployed', 'Estonia'],
    ]);
  });

  it('reads the level a force is changed to when only the force noun comes before it ("the number of troops … to N")', () => {
    expect(rows('The number of Belgian troops in Mali will drop to 350 by spring.')).toEqual([
      [350, null, 'troop', 'remaining'],
    ]);
    expect(rows('Norway will reduce its forces in Iraq to about 60.')).toEqual([
      [60, 'about', 'troop', 'remaining'],
    ]);
    expect(rows('Troop levels in Estonia will rise to 2,200 next year.')).toEqual([
      [2200, null, 'troop', 'deployed'],
    ]);
    // Not a level of forces: deaths, money, opinion.
    expect(rows('The number of soldiers killed rose to 1,200.')).toEqual([]);
    expect(rows('The army cut its budget for troops to 3,000.')).toEqual([]);
    expect(rows('Support for sending troops fell to 31 in the poll.')).toEqual([]);
  });

  it('gives a bare number after "withdraw" or "send" the unit of a force figure a sentence or two before', () => {
    expect(
      figures('Spain has 3,100 troops in Mali. The Pentagon said on Monday it would withdraw 1,300.').map(
        (f) => [f.min, f.unit, f.state, f.source],
      ),
    ).toEqual([
      [3100, 'troop', 'deployed', null],
      [1300, 'troop', 'withdrawn', 'Pentagon'],
    ]);
    expect(
      rows(
        'Chile keeps 600 marines on the island. Its navy is old. Officials plan to send another 250 next year.',
      ),
    ).toEqual([
      [600, null, 'marine', 'remaining'],
      [250, 'another', 'marine', 'deployed'],
    ]);
    expect(
      rows('Chile keeps 600 marines on the island. It will withdraw the remaining 450 by June.'),
    ).toEqual([
      [600, null, 'marine', 'remaining'],
      [450, null, 'marine', 'withdrawn'],
    ]);
  });

  it('gives a bare number that "would be withdrawn" or "will remain" the unit of a force figure before it', () => {
    expect(
      rows(
        'Spain has 3,100 troops in Mali. Officials said 1,300 would be withdrawn by June. About 1,800 will remain.',
      ),
    ).toEqual([
      [3100, null, 'troop', 'deployed'],
      [1300, null, 'troop', 'withdrawn'],
      [1800, 'about', 'troop', 'remaining'],
    ]);
    expect(
      rows(
        'Spain has 3,100 troops in Mali. In 2027, 300 will remain undecided. Voters said 400 would leave the party.',
      ),
    ).toEqual([[3100, null, 'troop', 'deployed']]);
  });

  it('reads "leaving about N" and "that number will drop to N" with the unit of the figure before', () => {
    expect(rows('Spain will pull 1,300 troops out of Mali, leaving about 1,800 by June.')).toEqual([
      [1300, null, 'troop', 'withdrawn'],
      [1800, 'about', 'troop', 'remaining'],
    ]);
    expect(rows('Spain has 3,100 troops in Mali; that number will fall to 1,800 next year.')).toEqual([
      [3100, null, 'troop', 'deployed'],
      [1800, null, 'troop', 'remaining'],
    ]);
    expect(rows('Spain has 3,100 troops in Mali. The number of refugees will fall to 1,800.')).toEqual([
      [3100, null, 'troop', 'deployed'],
    ]);
    expect(rows('Spain has 3,100 troops in Mali. A survey found that number had dropped to 1,800.')).toEqual([
      [3100, null, 'troop', 'deployed'],
    ]);
  });

  it('reads the whole of a partitive as the force there before the change ("withdraw N of its M troops")', () => {
    expect(rows('Spain will withdraw 1,300 of its 3,100 troops in Mali.')).toEqual([
      [3100, null, 'troop', 'deployed'],
      [1300, null, 'troop', 'withdrawn'],
    ]);
  });

  it("does not read a year, money, a percentage, a noun's count or a far-off figure as a carried-over count", () => {
    expect(
      rows(
        'Spain has 3,100 troops in Mali. The ministry sent $400 million and sent 250 letters. It kept 15% in 2020.',
      ),
    ).toEqual([[3100, null, 'troop', 'deployed']]);
    expect(rows('Spain has 3,100 troops in Mali. It will deploy 2026 plans.')).toEqual([
      [3100, null, 'troop', 'deployed'],
    ]);
    expect(
      rows('Spain has 3,100 troops in Mali. The plan was approved. Turnout fell. It would withdraw 1,300.'),
    ).toEqual([[3100, null, 'troop', 'deployed']]);
  });

  it('reads a model number between the count and the unit as part of the name ("28 Leopard 2 tanks")', () => {
    expect(rows('Poland will send 28 Leopard 2 tanks to the border.')).toEqual([
      [28, null, 'tank', 'deployed'],
    ]);
    expect(rows('Greece will send 12 of its Leopard 2 tanks.')).toEqual([[12, null, 'tank', 'deployed']]);
    expect(rows('Greece will send 6 Leopard 2A4 tanks and two Type 23 frigates.')).toEqual([
      [6, null, 'tank', 'deployed'],
      [2, null, 'frigate', 'deployed'],
    ]);
    expect(rows('It keeps 600 troops and 4 tanks there.')).toEqual([
      [600, null, 'troop', 'remaining'],
      [4, null, 'tank', 'remaining'],
    ]);
  });

  it('reads forces announced or pledged as more, or for a place, as deployed', () => {
    expect(
      figures('The Defence Ministry pledged 350 more troops for Lithuania.').map((f) => [
        f.min,
        f.state,
        f.source,
      ]),
    ).toEqual([[350, 'deployed', 'Defence Ministry']]);
    expect(rows('Berlin announced 120 soldiers for Vilnius.')).toEqual([[120, null, 'soldier', 'deployed']]);
    expect(rows('Oslo pledged a further 80 soldiers.')).toEqual([[80, null, 'soldier', 'deployed']]);
  });
});

describe('direct quotes in published copy', () => {
  it('leaves a fragment woven into the sentence to the paraphrase ("declared “a total disaster” for his party")', () => {
    expect(direct('He declared the plan “a total disaster” for his party.')).toEqual([]);
  });

  it('reads a quote introduced by a participle or a shouting verb ("saying, “…”", "yelled “…”")', () => {
    expect(
      direct(
        'Madeleine Albers urged women to vote, saying, “There is a special place for those who stay home.”\n\nA man in the back yelled “Stay there!”',
      ),
    ).toEqual([
      ['There is a special place for those who stay home.', 'Madeleine Albers'],
      ['Stay there!', 'man in the back'],
    ]);
  });

  it('gives a quote after "but told …," to the subject of the first clause', () => {
    expect(
      direct('Ben Carlsen did not name his rivals, but told his supporters, “Our town is in trouble.”'),
    ).toEqual([['Our town is in trouble.', 'Ben Carlsen']]);
  });

  it("closes an inner single quote before the archive double quote (''' )", () => {
    expect(direct("''It appeared on 'Morning Report,''' said Tomas Vick, a former spokesman.")).toEqual([
      ["It appeared on 'Morning Report,'", 'Tomas Vick'],
    ]);
  });
});

describe('speaker names with possessors and long appositives', () => {
  it('drops a possessor before the name ("Florida’s Rick Walton")', () => {
    expect(direct('“We need voters,” said Florida’s Rick Walton, a Republican consultant.')).toEqual([
      ['We need voters', 'Rick Walton'],
    ]);
  });

  it('reads an attribution after a long appositive ("…,” Name, director of …, said.")', () => {
    expect(
      direct(
        '“Nothing we do now would make a difference,” Fred Kagel, director of the Threats Project at the Enterprise Institute in Washington, said.',
      ),
    ).toEqual([['Nothing we do now would make a difference', 'Fred Kagel']]);
  });
});

describe('titles and affiliations before a name', () => {
  it('keeps the name after an outlet, party or service and its title ("GOP Sen.", "CNN", "Navy Capt.")', () => {
    expect(
      direct(
        '“I wonder,” said GOP Sen. John McCann.\n\n“That would be it,” said CNN Gloria Borgen.\n\n“No change,” said Navy Capt. Jeff Davies.',
      ),
    ).toEqual([
      ['I wonder', 'John McCann'],
      ['That would be it', 'Gloria Borgen'],
      ['No change', 'Jeff Davies'],
    ]);
  });

  it('starts the name after the last title word ("FBI Director", "Cleveland Police Chief")', () => {
    expect(
      direct('“No,” said FBI Director James Comer.\n\n“Maybe,” said Cleveland Police Chief Calvin Wilms.'),
    ).toEqual([
      ['No', 'James Comer'],
      ['Maybe', 'Calvin Wilms'],
    ]);
  });

  it('leaves a surname that is also a title word alone ("John Major")', () => {
    expect(direct('“We will see,” said John Major.')).toEqual([['We will see', 'John Major']]);
  });
});
