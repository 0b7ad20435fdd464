import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { MAX_EVENT_TEXT } from '../../src/extract/eventtext.ts';
import { extract } from '../../src/extract/index.ts';
import { segment } from '../../src/extract/sentences.ts';
import { findTimeline, parseDates } from '../../src/extract/timeline.ts';

const published = new Date('2016-03-15T00:00:00Z');
/** The timeline of a body as [date, text] pairs, with the quotes the full extractor finds. */
const events = (body: string) =>
  extract({ title: 'T', body, published }).timeline.map((t) => [t.date, t.text]);
/** The same without any quotes: only the timeline's own rules can attribute. */
const bare = (body: string) => findTimeline(segment(body), published).map((t) => [t.date, t.text]);

describe('timeline event text', () => {
  it('removes the date expression with its preposition', () => {
    expect(events('The jets left Syria today on Tuesday.')).toEqual([['2016-03-15', 'Jets left Syria']]);
    expect(events('The army will withdraw by the end of September.')).toEqual([
      ['2016-09-30', 'Army will withdraw'],
    ]);
    expect(events('The army withdrew from the town on Monday.')).toEqual([
      ['2016-03-14', 'Army withdrew from the town'],
    ]);
  });

  it('keeps a leading date from emptying the text ("On Monday, …")', () => {
    expect(events('On Monday, the army withdrew from the town.')).toEqual([
      ['2016-03-14', 'Army withdrew from the town'],
    ]);
  });

  it('tells a timeline in the simple past ("had begun" → "began")', () => {
    expect(events('Russia had begun the airstrikes in September.')).toEqual([
      ['2015-09', 'Russia began the airstrikes'],
    ]);
  });

  it('picks the clause that holds the date', () => {
    expect(events('Rebels shelled the town on Sunday; the army answered with airstrikes.')).toEqual([
      ['2016-03-13', 'Rebels shelled the town'],
    ]);
    expect(events('The army attacked the town on Monday and so the rebels fled.')).toEqual([
      ['2016-03-14', 'Army attacked the town'],
    ]);
    expect(events('Parliament approved the budget on Monday — its first since the election.')).toEqual([
      ['2016-03-14', 'Parliament approved the budget'],
    ]);
  });

  it('separates two dated events in one sentence at the boundary between them', () => {
    expect(
      events(
        'A fragile ceasefire largely held on Sunday, the first full day of the truce agreed in Minsk last week, officials said.',
      ),
    ).toEqual([
      ['2016-03-08', 'Truce agreed in Minsk (officials)'],
      ['2016-03-13', 'Fragile ceasefire largely held (officials)'],
    ]);
  });

  it('gives a relative clause its subject ("the war, which began in 2011" → "War began")', () => {
    expect(events('The war, which began in 2011, has killed 250,000 people.')).toEqual([
      ['2011', 'War began'],
    ]);
    expect(events('The peace talks which have started in Geneva are the first in two years.')).toEqual([
      ['2016-03', 'Peace talks started in Geneva'],
    ]);
  });

  it('removes the attribution and names the source in parentheses when it follows the fact', () => {
    expect(events('The jets left Syria on Tuesday, as stated by the Defense Ministry.')).toEqual([
      ['2016-03-15', 'Jets left Syria (Defense Ministry)'],
    ]);
    expect(events('According to the governor, the bridge was destroyed by floodwater on Sunday.')).toEqual([
      ['2016-03-13', 'Bridge was destroyed by floodwater (governor)'],
    ]);
  });

  it('makes a dated statement "Speaker: what was said"', () => {
    expect(events('Putin said on Monday that the jets would leave Syria.')).toEqual([
      ['2016-03-14', 'Putin: jets would leave Syria'],
    ]);
    expect(
      events('The separatist leader said his forces would begin pulling back heavy weapons tomorrow.'),
    ).toEqual([['2016-03-16', 'Separatist leader: his forces would begin pulling back heavy weapons']]);
    expect(
      events(
        'Lucia Marin heads the bank.\n\n“We have the tools,” Marin said at a press conference on Tuesday.',
      ),
    ).toEqual([['2016-03-15', 'Lucia Marin: “We have the tools”']]);
  });

  it('attributes without the quote finder too: "…, X said", "as stated by X", "X said that …"', () => {
    expect(bare('The convoy crossed the border on Saturday, the agency reported.')).toEqual([
      ['2016-03-12', 'Convoy crossed the border (agency)'],
    ]);
    expect(bare('The jets left Syria on Tuesday, as stated by the Defense Ministry.')).toEqual([
      ['2016-03-15', 'Jets left Syria (Defense Ministry)'],
    ]);
    expect(bare('The ministry said today that the jets would leave Syria.')).toEqual([
      ['2016-03-15', 'Ministry: jets would leave Syria'],
    ]);
  });

  it('tells the event in the sentence, not in a topic put to someone ("was asked about … on Monday")', () => {
    expect(events('Ana Lind was asked about the closure of the mill on Monday.')).toEqual([
      ['2016-03-14', 'Ana Lind was asked about the closure of the mill'],
    ]);
  });

  it('describes a date inside a direct quote, with the first person made readable', () => {
    expect(
      events(
        'Vladimir Putin spoke to the ministers.\n\n“I think that the task has been achieved, and so I order the defense minister to start tomorrow withdrawing our forces,” Putin said.',
      ),
    ).toEqual([['2016-03-16', 'Vladimir Putin: defense minister to start withdrawing our forces']]);
  });

  it('turns a duration into "<noun> began"', () => {
    expect(events('The civil war is now nearly five years old.')).toEqual([['2011', 'Civil war began']]);
    expect(events('Russia joined a civil war which is now nearly five years old.')).toEqual([
      ['2011', 'Civil war began'],
    ]);
    expect(
      events(
        'The truce, which comes nearly ten months after the fighting began, is the second attempt to end it.',
      ),
    ).toEqual([['2015-05', 'Fighting began']]);
  });

  it('drops leading connectives and "also"', () => {
    expect(events('And so the army left the town on Monday.')).toEqual([
      ['2016-03-14', 'Army left the town'],
    ]);
    expect(events('Though, the rebels also retreated on Monday.')).toEqual([
      ['2016-03-14', 'Rebels retreated'],
    ]);
    expect(events('But then the ministry also ordered the pullout on Monday.')).toEqual([
      ['2016-03-14', 'Ministry ordered the pullout'],
    ]);
  });

  it(`caps the text at ${MAX_EVENT_TEXT} characters, cut at a word`, () => {
    const sentence =
      'The government has promised to hold talks with the opposition, the trade unions, the regional governors, ' +
      'the church and the business associations on Thursday in the capital.';
    const [[date, text]] = events(sentence) as [[string, string]];
    expect(date).toBe('2016-03-10');
    expect(text).toBe(
      'Government promised to hold talks with the opposition, the trade unions, the regional governors, the church…',
    );
    expect(text.length).toBeLessThanOrEqual(MAX_EVENT_TEXT);
  });

  it('closes a quotation that the cap cuts, so the text never leaves a mark open', () => {
    const sentence =
      'On Monday, Ann Hale said the council had been “far too slow to act on the flooding that has ruined ' +
      'hundreds of homes along the river and cost the town millions of pounds” last winter.';
    const [[date, text]] = events(sentence) as [[string, string]];
    expect(date).toBe('2016-03-14');
    expect(text).toBe(
      'Ann Hale: council had been “far too slow to act on the flooding that has ruined hundreds of homes along the river…”',
    );
    expect(text.length).toBeLessThanOrEqual(MAX_EVENT_TEXT);
  });

  it('shortens a speaker to the surname only when the full name would not fit', () => {
    const body =
      'Vladimir Putin met the generals.\n\n“I order the defense minister to start tomorrow withdrawing the main part of our military factions from the Syrian Arab Republic,” Putin said.';
    expect(events(body)).toEqual([
      [
        '2016-03-16',
        'Putin: defense minister to start withdrawing the main part of our military factions from the Syrian Arab Republic',
      ],
    ]);
  });
});

describe('a relative date inside a direct quote is the speaker’s', () => {
  /** [date, approximate] of each event. */
  const dates = (body: string) =>
    extract({ title: 'T', body, published }).timeline.map((t) => [t.date, t.approximate]);

  it('is approximate when the article does not say when the quote was said (the seed’s “start tomorrow”)', () => {
    expect(
      dates('“I order the defense minister to start tomorrow withdrawing our forces,” Putin said.'),
    ).toEqual([['2016-03-16', true]]);
    expect(dates('“We struck the town on Sunday,” the general said.')).toEqual([['2016-03-13', true]]);
  });

  it('is resolved from the day the attribution gives: “said on Monday”, “said on 10 March”', () => {
    // Published Tuesday 15 March: Monday is the 14th, so his "tomorrow" is the 15th, not the 16th.
    expect(
      dates('“I order the defense minister to start tomorrow withdrawing our forces,” Putin said on Monday.'),
    ).toEqual([
      ['2016-03-14', false],
      ['2016-03-15', false],
    ]);
    expect(dates('“The jets leave tomorrow,” the minister said on 10 March.')).toEqual([
      ['2016-03-10', false],
      ['2016-03-11', false],
    ]);
    expect(dates('“We struck the town on Sunday,” the general said on Thursday.')).toEqual([
      ['2016-03-06', false],
      ['2016-03-10', false],
    ]);
  });

  it('leaves reported speech in the article’s own time: “Putin said the troops would start tomorrow”', () => {
    expect(dates('Putin said the troops would start withdrawing tomorrow.')).toEqual([['2016-03-16', false]]);
  });
});

describe('date parsing runs only the parsers a sentence can feed', () => {
  /** Every kind of expression chrono's casual parsers read, and near misses that give them nothing to read. */
  const sentences = [
    'Troops left on Tuesday, and more will go next week.',
    'The talks resumed on 14 March 2016 and on March 15, then again on 2016-03-16 and 3/17/2016.',
    'The deal was signed in Sept. 2015 and reviewed in Jan.',
    'He sat with the minister; she wed in June; Mon. and Thurs. were quiet, as was the weekend.',
    'It happened lastmonday or nextfri, and onsat too.',
    'The convoy left at 5pm, returned at 10:30 and again at midnight, noon or in the morning.',
    'Two weeks ago, three days later, in 48 hours, within a year and for several months.',
    'The plan runs until the end of the month, tonight, tomorrow, tmrw, overmorrow, last night and yesterday.',
    'Prices rose +2 days and -3 weeks, after this week, past year and this quarter.',
    'About 2,400 sailors and 14 vessels will move; 90 million a year will be saved.',
    'The S-400 systems arrived as an F-16 flew over the 737-800.',
    'Nothing in this sentence is a date at all.',
    'In a s-400 strike, the m-16 rifles fired for the d-day anniversary.',
    // One expression each, so that each parser is the only one with something to read.
    'The convoy left at 5pm.',
    'It was signed 2016-03-16.',
    'It was signed 2016/03/14.',
    'Come back 3/17/2016.',
    'It was due 5/2016.',
    'It was cold 2015 March.',
    'She came on 14 March.',
    'She came on March 15.',
    'The deal was signed in Sept.',
    'It was quiet at the weekend.',
    'It was quiet on Thurs.',
    'It starts tonight.',
    'It starts in the morning.',
    'It ends at the end of the month.',
    'It ran over the past year.',
    'Prices rose +2 days.',
    'It ended two weeks ago.',
    'It came three days later.',
    'They return in 48 hours.',
  ];
  const shape = (results: ReturnType<typeof parseDates>) =>
    results.map((r) => ({
      index: r.index,
      text: r.text,
      start: r.start.date().toISOString(),
      end: r.end?.date().toISOString() ?? null,
      certain: (['year', 'month', 'day', 'weekday', 'hour', 'minute'] as const).map((k) =>
        r.start.isCertain(k),
      ),
    }));

  it('gives exactly what chrono.parse gives', () => {
    let found = 0;
    for (const text of sentences) {
      const expected = shape(chrono.parse(text, published));
      found += expected.length;
      expect(shape(parseDates(text, published))).toEqual(expected);
    }
    expect(found).toBeGreaterThan(30);
  });
});

describe('dates do not depend on the machine’s time zone', () => {
  const body =
    'The minister said on Monday that 3,000 troops would leave. Yesterday the ministry announced the withdrawal ' +
    'had begun. On Friday the last troops left. Last week officials met in Moscow. Next month talks resume. Two ' +
    'days ago the convoy left. “We go home tomorrow,” a soldier said.';
  /** The timeline's dates with the process's time zone set to `tz` (Node reads TZ again when it is assigned). */
  const datesIn = (tz: string, at: string) => {
    const before = process.env.TZ;
    process.env.TZ = tz;
    try {
      const offset = new Date(at).getTimezoneOffset();
      const found = extract({ title: 'T', body, published: new Date(at) }).timeline.map((t) => t.date);
      return { offset, found };
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  };

  it('gives the same days in UTC, Los Angeles and Kiritimati, at either end of the published day', () => {
    for (const at of ['2016-10-05T00:00:00Z', '2016-10-05T23:30:00Z']) {
      const utc = datesIn('UTC', at);
      expect(utc.found).toEqual([
        '2016-09-28',
        '2016-09-30',
        '2016-10-03',
        '2016-10-03',
        '2016-10-04',
        '2016-10-06',
        '2016-11',
      ]);
      const west = datesIn('America/Los_Angeles', at);
      const east = datesIn('Pacific/Kiritimati', at);
      // The zone really changed (so the comparison below could fail), and the days did not.
      expect([utc.offset, west.offset, east.offset]).toEqual([0, 420, -840]);
      expect(west.found).toEqual(utc.found);
      expect(east.found).toEqual(utc.found);
    }
  });
});

describe('the verb "last"', () => {
  it.each([
    'The cap would last two years.',
    'The talks are expected to last six months.',
    'The truce didn’t last two weeks.',
  ])('is a length of time, not a date: %s', (text) => {
    expect(bare(text)).toEqual([]);
  });

  it('still dates "last year" as the past', () => {
    expect(bare('The port closed last year.').map(([date]) => date)).toEqual(['2015']);
  });
});
