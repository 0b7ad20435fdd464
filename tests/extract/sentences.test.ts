import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { segment } from '../../src/extract/sentences.ts';

const sentences = (body: string) => segment(body).sentences.map((s) => s.text);
const reported = (body: string) =>
  extract({ title: 'Test', body, published: new Date('2016-03-15T00:00:00Z') })
    .quotes.filter((q) => q.kind === 'reported')
    .map((q) => [q.text, q.speaker, q.verb]);

describe('sentences: a line with no full stop', () => {
  it('ends a live blog’s heading at its line break, so the entry under it starts a sentence of its own', () => {
    const blog = [
      'Posted 9:41 PM Harland Says The Ferry Fares Will Be Frozen',
      'Premier Nadia Harland said the ferry fares would be frozen until the next budget, which is due in spring.',
      'Posted 9:55 PM Opposition Wants A Vote On Tolls',
      'Opposition leader Colm Brennan told reporters that the bridge tolls should be put to a vote in the legislature.',
    ].join('\n');
    expect(sentences(blog)).toEqual(blog.split('\n'));
    expect(reported(blog)).toEqual([
      [
        'the ferry fares would be frozen until the next budget, which is due in spring',
        'Nadia Harland',
        'say',
      ],
      ['the bridge tolls should be put to a vote in the legislature', 'Colm Brennan', 'tell'],
    ]);
  });

  it('ends a caption line ("Name, 62") and a line ending in an abbreviation such as "the U.S."', () => {
    expect(sentences('Aileen Dunphy, 62\nDunphy was a nurse in Cork for thirty years.')).toEqual([
      'Aileen Dunphy, 62',
      'Dunphy was a nurse in Cork for thirty years.',
    ]);
    expect(
      sentences(
        'The minister flew on to the U.S.\nHer counterpart in Ottawa said the talks would resume in May.',
      ),
    ).toEqual([
      'The minister flew on to the U.S.',
      'Her counterpart in Ottawa said the talks would resume in May.',
    ]);
  });

  it('keeps copy wrapped at a fixed width in one sentence, though its lines end without a stop', () => {
    const wrapped = [
      'The health minister for the province, Deborah Okafor, told the committee on',
      'Thursday that the waiting lists for hip operations had grown by a third since',
      'March, and that Mercy Hospital would open a second theatre in the autumn.',
    ].join('\n');
    expect(sentences(wrapped)).toEqual([wrapped]);
  });

  it('does not end a line that runs on: a comma, a colon before a quote, a dateline’s dash, a title, a linking word', () => {
    const cases = [
      'The council met in Swansea,\nWales, on Monday to set the budget for next year and the one after.',
      'The report quotes the former treasurer Ann Doyle:\n“We never balanced the books, not once in ten years.”',
      'PORT ALDER —\nThe mill will close in March, the owners said on Tuesday in a short statement.',
      'The medal went to Lt.\nCol. Ray Osei, who led the rescue on the mountain in the storm last winter.',
      'The harbour will close for the\nWinter Festival, the port authority said in a notice to the ferry crews.',
    ];
    for (const body of cases) expect(sentences(body)).toEqual([body]);
  });

  it('does not carry a quoted heading on its own line over to the speaker of the line before', () => {
    const body = [
      'The mayor also announced that the library would stay open on Sundays.',
      '“A CITY THAT READS”',
      'Across the river, the county has cut its own library hours twice since 2019.',
    ].join('\n');
    expect(reported(body)).toEqual([['the library would stay open on Sundays', 'mayor', 'announce']]);
  });
});

describe('sentences: an abbreviation that ends one', () => {
  it('ends a sentence at "U.S." or "D.C." when the next word can only open one, and not inside a name', () => {
    expect(sentences('The envoy flew back to Washington, D.C. She said the talks had failed.')).toEqual([
      'The envoy flew back to Washington, D.C.',
      'She said the talks had failed.',
    ]);
    expect(sentences('Output fell at Harbour Steel Inc. The union said 40 jobs would go.')).toEqual([
      'Output fell at Harbour Steel Inc.',
      'The union said 40 jobs would go.',
    ]);
    expect(sentences('The U.S. Navy said so. Gen. He Weidong did not.')).toEqual([
      'The U.S. Navy said so.',
      'Gen. He Weidong did not.',
    ]);
  });

  it('ends a sentence at "no." (the answer), and keeps "No. 10" and "Nos. 4 and 5" inside one', () => {
    expect(
      sentences(
        'Asked whether the plan would change, Lind said no. The minister said No. 10 was told. Nos. 4 and 5 shut.',
      ),
    ).toEqual([
      'Asked whether the plan would change, Lind said no.',
      'The minister said No. 10 was told.',
      'Nos. 4 and 5 shut.',
    ]);
  });

  it('ends a sentence at "a.m." or "p.m." before a word or a quote that opens one, and not before a day', () => {
    expect(
      sentences(
        'Officers were called to the scene around 9 p.m. “We are asking for help,” Li said. It ended at 10 a.m. ' +
          'Police left. The vote is at 9 p.m. Monday. They met at 5 p.m. on Monday.',
      ),
    ).toEqual([
      'Officers were called to the scene around 9 p.m.',
      '“We are asking for help,” Li said.',
      'It ended at 10 a.m.',
      'Police left.',
      'The vote is at 9 p.m. Monday.',
      'They met at 5 p.m. on Monday.',
    ]);
  });

  it('ends a sentence at a state’s abbreviation before a quote that opens the next one', () => {
    expect(sentences('Kell spoke at a rally in Albany, N.Y. “We will win,” she said.')).toEqual([
      'Kell spoke at a rally in Albany, N.Y.',
      '“We will win,” she said.',
    ]);
  });

  it('keeps the full stop of a time that ends reported speech', () => {
    expect(reported('Mayor Dana Kell said the polls would close at 7 p.m. She voted early.')).toEqual([
      ['the polls would close at 7 p.m.', 'Dana Kell', 'say'],
    ]);
  });

  it('keeps the full stop of an acronym that ends reported speech, and does not run on into the next sentence', () => {
    expect(
      reported('Mayor Dana Kell said the new rules would slow travel to the U.S. She asked for a delay.'),
    ).toEqual([
      ['the new rules would slow travel to the U.S.', 'Dana Kell', 'say'],
      ['for a delay', 'Dana Kell', 'ask'],
    ]);
  });
});

describe('page furniture a page’s text extraction kept', () => {
  const quotes = (body: string) =>
    extract({ title: 'Test', body, published: new Date('2016-03-15T00:00:00Z') }).quotes.map((q) => [
      q.kind,
      q.text,
      q.speaker,
    ]);

  it('reads no quote from links to other stories, a video player or an advertisement break', () => {
    expect(
      quotes(
        'Mayor Ana Lind spoke on Thursday.\n\n' +
          "Click to play video: 'Lind vows to fight the levy in court'\n\n2:01\nLind vows to fight the levy in court\n\n" +
          'READ MORE: Berg says the port will reopen in April\n\nRELATED: Holt says she will run again\n\n' +
          '“We are going to fight this all the way,” Lind said.\n\nStory continues below advertisement\n\n' +
          'Lind said the levy was unfair to the town.',
      ),
    ).toEqual([
      ['direct', 'We are going to fight this all the way', 'Ana Lind'],
      ['reported', 'the levy was unfair to the town', 'Ana Lind'],
    ]);
  });

  it('keeps one quote across an advertisement break, and a live blog entry that opens with a time', () => {
    expect(
      quotes(
        '“I was anxious all the time. It never stopped.\n\nStory continues below advertisement\n\n' +
          '“I did not tell anybody,” Tomas Berg said.\n\n10:30\nMayor Ana Lind said the port would reopen.',
      ),
    ).toEqual([
      ['direct', 'I was anxious all the time. It never stopped. I did not tell anybody', 'Tomas Berg'],
      ['reported', 'the port would reopen', 'Ana Lind'],
    ]);
  });
});

describe('photo captions a page’s text extraction kept', () => {
  const story =
    'Immigration Minister Marc Miller announced a cap on study permits on Monday.\n\n' +
    'Immigration Minister Marc Miller speaks in Ottawa on Jan. 22, 2024. (Sean Kilpatrick/The Canadian Press)\n\n' +
    'FILE - Students walk on campus in Toronto, Sept. 5, 2023. THE CANADIAN PRESS/Chris Young\n\n' +
    'Miller said the cap would last two years, and that colleges had been warned in December.';
  const published = new Date('2024-01-24T12:00:00Z');

  it.each([
    ['(Sean Kilpatrick/The Canadian Press)', true],
    ['FILE - Students walk on campus. THE CANADIAN PRESS/Chris Young', true],
    ['Trump speaks in Ohio. (AP Photo/Evan Vucci)', true],
    ['Protesters march in Paris. (Photo: Jane Doe)', true],
    ['The speed limit there is 50 (km/h)', false],
    ['The file - a long one - was lost.', false],
  ])('are told from the story by their credit or their "FILE -": %s', (text, caption) => {
    expect(segment(text).paragraphs[0]!.caption).toBe(caption);
  });

  it('give the timeline and the summary nothing, and their credit is no organisation', () => {
    const facts = extract({ title: 'Cap', body: story, published });
    expect(facts.timeline.map((t) => t.date)).toEqual(['2023-12', '2024-01-22']);
    expect(facts.summary).toEqual([
      'Immigration Minister Marc Miller announced a cap on study permits on Monday.',
      'Miller said the cap would last two years, and that colleges had been warned in December.',
    ]);
    expect(facts.organizations).toEqual([]);
  });

  it('name no one in the story, nor does an outlet’s "With files from"', () => {
    const facts = extract({
      title: 'Cap',
      body: `${story}\n\n— With files from Global News' Isaac Callan`,
      published,
    });
    expect(facts.people.map((p) => p.name)).toEqual(['Marc Miller']);
  });
});
