import { beforeAll, describe, expect, it } from 'vitest';
import { extract, type Facts } from '../../src/extract/index.ts';
import { readArticleFile } from '../../src/ingest/parse.ts';

const SEED = 'data/articles/2016-03-15-russia-withdraws-from-syria.txt';
let facts: Facts;

beforeAll(async () => {
  const read = await readArticleFile(SEED, { maxBytes: 1024 * 1024 });
  if (!read.ok) throw new Error(read.error);
  const article = read.articles[0]!;
  facts = extract({ title: article.title, body: article.body, published: article.published! });
});

const pick = <T extends object, K extends keyof T>(items: T[], keys: K[]) =>
  items.map((item) => Object.fromEntries(keys.map((k) => [k, item[k]])));

describe('the seed article (issue 3)', () => {
  it('finds exactly one direct quote, Putin’s, with his full name and role', () => {
    const direct = facts.quotes.filter((q) => q.kind === 'direct');
    expect(pick(direct, ['text', 'speaker', 'role', 'verb'])).toEqual([
      {
        text:
          'I think that the task that was assigned to the Ministry of Defense and the armed forces as a whole has ' +
          'achieved its goal, and so I order the defense minister to start tomorrow withdrawing the main part of our ' +
          'military factions from the Syrian Arab Republic',
        speaker: 'Vladimir Putin',
        role: 'Russian President',
        verb: 'say',
      },
    ]);
    expect(direct[0]!.sentence).toMatch(/^“I think that .*,” Putin said\.$/);
  });

  it('finds the reported speech of Ozerov (including "the head of the defense committee") and the Defense Ministry', () => {
    const reported = facts.quotes.filter((q) => q.kind === 'reported');
    expect(pick(reported, ['speaker', 'verb', 'text'])).toEqual([
      {
        speaker: 'Defense Ministry',
        verb: 'state',
        text: 'The First Group of the Russian Fighter Jets have also left Syria today on Tuesday',
      },
      {
        speaker: 'Viktor Ozerov',
        verb: 'estimate',
        text:
          'about 1,000 Russian military personnel will remain in Syria at Russia’s two bases as Russia plans to leave its ' +
          'powerful S-400 surface-to-air missile systems in place which means that Russia will control the Syrian Air Space',
      },
      {
        speaker: 'Viktor Ozerov',
        verb: 'say',
        text: 'about 1,000 Russian military personnel would remain in Syria at the two bases',
      },
      {
        speaker: 'Viktor Ozerov',
        verb: 'say',
        text: 'Russia would need a minimum of two battalions, a total of 800 troops, to protect the two bases',
      },
    ]);
    expect(reported.filter((q) => q.speaker === 'Viktor Ozerov').map((q) => q.role)).toEqual([
      'head of the parliamentary defense committee',
      'head of the parliamentary defense committee',
      'head of the parliamentary defense committee',
    ]);
  });

  it('never gives a quote to a wrong speaker or invents one', () => {
    expect(facts.quotes.map((q) => q.speaker)).toEqual([
      'Defense Ministry',
      'Vladimir Putin',
      'Viktor Ozerov',
      'Viktor Ozerov',
      'Viktor Ozerov',
    ]);
  });

  it('finds the force figures with value, qualifier, unit, state, whose, where and source', () => {
    expect(
      pick(facts.figures, ['min', 'max', 'qualifier', 'unit', 'state', 'who', 'where', 'source']),
    ).toEqual([
      {
        min: 1000,
        max: 1000,
        qualifier: 'about',
        unit: 'personnel',
        state: 'remaining',
        who: 'Russian',
        where: 'Syria',
        source: 'Viktor Ozerov',
      },
      {
        min: 2,
        max: 2,
        qualifier: null,
        unit: 'base',
        state: 'remaining',
        who: 'Russian',
        where: 'Syria',
        source: 'Viktor Ozerov',
      },
      {
        min: 0,
        max: 0,
        qualifier: null,
        unit: 'S-400 missile system',
        state: 'remaining',
        who: 'Russian',
        where: null,
        source: 'Viktor Ozerov',
      },
      {
        min: 2,
        max: 2,
        qualifier: 'a minimum of',
        unit: 'battalion',
        state: 'required',
        who: 'Russian',
        where: null,
        source: 'Viktor Ozerov',
      },
      {
        min: 800,
        max: 800,
        qualifier: 'a minimum of',
        unit: 'troop',
        state: 'required',
        who: 'Russian',
        where: null,
        source: 'Viktor Ozerov',
      },
      {
        min: 3000,
        max: 6000,
        qualifier: 'around',
        unit: 'personnel',
        state: 'deployed',
        who: 'Russian',
        where: 'Syria',
        source: null,
      },
    ]);
    expect(facts.figures.map((f) => f.counted)).toEqual([
      undefined,
      undefined,
      false,
      undefined,
      undefined,
      undefined,
    ]);
    expect(facts.figures[5]!.sentence).toBe(
      'It is estimated that there are around 3000 to 6000 Russian Military Personnel in Syria .',
    );
  });

  it('finds the people with their roles and aliases, Assad under his full name', () => {
    expect(pick(facts.people, ['name', 'role', 'aliases'])).toEqual([
      { name: 'Vladimir Putin', role: 'Russian President', aliases: ['Putin'] },
      {
        name: 'Bashar al-Assad',
        role: 'President of Syria',
        aliases: ['Bashar-Al-Assad', 'Assad', 'President Assad'],
      },
      { name: 'Barack Obama', role: 'US President', aliases: [] },
      { name: 'Mohammad Javad Zarif', role: 'Iranian Foreign Minister', aliases: [] },
      {
        name: 'Viktor Ozerov',
        role: 'head of the parliamentary defense committee',
        aliases: ['Ozerov', 'head of the defense committee in Russia’s upper house of parliament'],
      },
    ]);
  });

  it('finds the places and organisations', () => {
    expect(facts.places.map((p) => p.name)).toEqual([
      'Syria',
      'Russia',
      'Geneva',
      'Switzerland',
      'Latakia',
      'Hmeimim air base',
    ]);
    expect(facts.places[0]!.aliases).toEqual(['Syrian Arab Republic']);
    expect(facts.organizations.map((o) => [o.name, o.aliases])).toEqual([
      ['Defense Ministry', ['Ministry of Defense']],
    ]);
  });

  it('builds the timeline with relative dates resolved against 2016-03-15', () => {
    expect(facts.timeline.map((t) => [t.date, t.precision, t.approximate])).toEqual([
      ['2011', 'year', true],
      ['2015-09', 'month', false],
      ['2016-03', 'month', true],
      ['2016-03-15', 'day', false],
      ['2016-03-15', 'day', false],
      // Putin's "start tomorrow" is his tomorrow, and the article never says when he spoke: approximate.
      ['2016-03-16', 'day', true],
    ]);
  });

  it('describes each timeline event the way an editor would, with who said it', () => {
    expect(facts.timeline.map((t) => [t.date, t.text])).toEqual([
      ['2011', 'Civil war began'],
      ['2015-09', 'Russia began the airstrikes in support of the Syrian government in a civil war'],
      ['2016-03', 'Syrian Peace Talks started in Geneva, Switzerland'],
      ['2016-03-15', 'First Group of the Russian Fighter Jets left Syria (Defense Ministry)'],
      [
        '2016-03-15',
        'Viktor Ozerov: about 1,000 Russian military personnel would remain in Syria at the two bases',
      ],
      [
        '2016-03-16',
        'Putin: defense minister to start withdrawing the main part of our military factions from the Syrian Arab Republic',
      ],
    ]);
    for (const t of facts.timeline) expect(t.text.length).toBeLessThanOrEqual(120);
  });

  it('summarises with the lead sentences', () => {
    expect(facts.summary).toEqual([
      'Vladimir Putin, the Russian President ordered the Russian Forces to start withdrawing from Syria after he believed that the purpose of being in Syria was achieved.',
      'The First Group of the Russian Fighter Jets have also left Syria today on Tuesday, as stated by the Defense Ministry.',
    ]);
  });

  it('gives offsets that point at the quoted text in the body', async () => {
    const read = await readArticleFile(SEED, { maxBytes: 1024 * 1024 });
    if (!read.ok) throw new Error(read.error);
    const body = read.articles[0]!.body;
    const putin = facts.quotes.find((q) => q.kind === 'direct')!;
    expect(body.slice(putin.start, putin.start + 10)).toBe('“I think t');
    const ozerov = facts.people.find((p) => p.name === 'Viktor Ozerov')!;
    expect(ozerov.mentions.map((m) => body.slice(m.start, m.end))).toEqual(['Viktor Ozerov', 'Ozerov']);
  });
});
