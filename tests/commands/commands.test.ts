import { embedLength, type APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  standInAutocomplete,
  standInButton,
  standInCommand,
  type StandInOptions,
} from '../support/stand-in.ts';
import { runAutocomplete, runCommand } from '../../src/bot/router.ts';
import { UserError } from '../../src/errors.ts';
import type { ReplyPayload } from '../../src/render/embeds.ts';
import { LIMITS } from '../../src/render/limits.ts';
import { type Store } from '../../src/store/index.ts';
import { addArticle, command, ctxFor, noFacts, seedFacts, tempStore } from './fixtures.ts';
import { sqlite } from '../support/sqlite.ts';

async function run(store: Store, name: string, options: StandInOptions = {}): Promise<ReplyPayload> {
  const { interaction, recorded } = standInCommand(name, options);
  await runCommand(await command(name), interaction, ctxFor(store));
  expect(recorded.replies).toHaveLength(1);
  return recorded.replies[0] as ReplyPayload;
}

async function press(store: Store, customId: string): Promise<ReplyPayload> {
  const [name, ...args] = customId.split(':');
  const { interaction, recorded } = standInButton(customId);
  await (
    await command(name!)
  ).button!(interaction, ctxFor(store), args);
  return recorded.replies[0] as ReplyPayload;
}

async function suggest(store: Store, name: string, focused: string, options: StandInOptions) {
  const { interaction, recorded } = standInAutocomplete(name, focused, options);
  await runAutocomplete(await command(name), interaction, ctxFor(store));
  return recorded.choices[0]!;
}

const text = (embed: APIEmbed | undefined) =>
  [
    embed?.title,
    embed?.description,
    ...(embed?.fields ?? []).flatMap((f) => [f.name, f.value]),
    embed?.footer?.text,
  ].join('\n');

/** Discord's limits, checked on a payload the way Discord checks it. */
function expectWithinLimits(payload: ReplyPayload) {
  expect(payload.allowedMentions).toEqual({ parse: [] });
  expect(payload.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(payload.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const embed of payload.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
}

function seeded() {
  const db = tempStore();
  addArticle(db.store, { facts: seedFacts(), url: 'https://example.com/russia-withdraws' });
  return db;
}

describe('/troops', () => {
  it('answers "how many stay?" first: about 1,000 remaining per Viktor Ozerov, then 3,000–6,000 deployed unattributed', async () => {
    const { store } = seeded();
    const reply = await run(store, 'troops');
    expectWithinLimits(reply);
    const embed = reply.embeds[0]!;
    const lines = embed.description!.split('\n');
    expect(lines[0]).toMatch(
      /^\*\*Remaining:\*\* \*\*about 1,000\*\* Russian personnel in Syria — per Viktor Ozerov/,
    );
    expect(lines[1]).toMatch(
      /^\*\*Deployed:\*\* \*\*around 3,000–6,000\*\* Russian personnel in Syria — unattributed/,
    );
    expect(lines[2]).toMatch(/^\*\*Required:\*\*/);
    const names = embed.fields!.map((f) => f.name);
    expect(names).toEqual([
      'Remaining · about 1,000 personnel (Russian)',
      'Deployed · around 3,000–6,000 personnel (Russian)',
      'Required · a minimum of 2 battalions (Russian) · a minimum of 800 troops (Russian)',
    ]);
    expect(embed.fields![0]!.value).toContain('Russian personnel in Syria — per Viktor Ozerov');
    expect(embed.fields![0]!.value).toContain('would remain in Syria at the two bases');
    expect(embed.fields![0]!.value).toContain(
      '[Russia withdraws its troop from Syria](https://example.com/russia-withdraws)',
    );
    expect(embed.fields![1]!.value).toContain('Russian personnel in Syria — unattributed estimate');
  });

  it('lists the newest figures of a state first and counts the older ones it leaves out', async () => {
    const { store } = tempStore();
    for (let day = 1; day <= 8; day++) {
      const facts = noFacts();
      facts.figures.push({ ...seedFacts().figures[0]!, min: day * 100, max: day * 100 });
      addArticle(store, { published: `2016-03-${String(day).padStart(2, '0')}T00:00:00.000Z`, facts });
    }
    const embed = (await run(store, 'troops')).embeds[0]!;
    expect(embed.description).toContain('**about 800**');
    expect(embed.fields!.map((f) => f.name.match(/about ([\d,]+)/)?.[1])).toEqual(['800', '700', '600']);
    expect(embed.footer!.text).toContain('5 more remaining figures; /search to see all');
  });

  it('shows equipment named without a number as "number not given", never as zero', async () => {
    const { store } = tempStore();
    const facts = noFacts();
    facts.figures.push({
      ...seedFacts().figures[0]!,
      min: 0,
      max: 0,
      counted: false,
      qualifier: null,
      unit: 'S-400 missile system',
    });
    addArticle(store, { facts });
    const embed = (await run(store, 'troops')).embeds[0]!;
    expect(embed.description).toContain('Russian S-400 missile systems in Syria (number not given)');
    expect(embed.fields![0]!.name).toBe('Remaining · S-400 missile systems (number not given) (Russian)');
    expect(text(embed)).not.toMatch(/\b0 S/);
  });

  it('says so when a story has no figures', async () => {
    const { store } = tempStore();
    addArticle(store, {});
    expect((await run(store, 'troops')).embeds[0]!.description).toMatch(/No force figures/);
  });
});

describe('/quotes', () => {
  it('tells direct quotes from reported speech, with speaker, role, date and source', async () => {
    const { store } = seeded();
    const reply = await run(store, 'quotes', { speaker: 'Putin' });
    expect(reply.embeds[0]!.title).toBe('Quotes from Vladimir Putin · Russia’s withdrawal from Syria');
    const exact = await run(store, 'quotes', { speaker: 'vladimir putin' });
    expect(exact.embeds[0]!.fields).toEqual(reply.embeds[0]!.fields);
    const [field] = reply.embeds[0]!.fields!;
    expect(field!.name).toBe('Vladimir Putin, Russian President — direct quote');
    expect(field!.value).toMatch(/^“I think that the task that was assigned/);
    expect(field!.value).toContain('15 Mar 2016');
    const all = (await run(store, 'quotes')).embeds[0]!.fields!;
    expect(all.map((f) => f.name)).toEqual([
      'Vladimir Putin, Russian President — direct quote',
      'Viktor Ozerov, head of the parliamentary defense committee — reported speech',
      'Viktor Ozerov, head of the parliamentary defense committee — reported speech',
    ]);
    expect(all[1]!.value).toMatch(/^\*\(reported\)\* about 1,000 Russian/);
    const nobody = await run(store, 'quotes', { speaker: 'Obama' });
    expect(nobody.content).toMatch(/^Nobody called Obama is quoted in Russia’s withdrawal from Syria\./);
    expect(nobody).toMatchObject({ flags: 64 });
  });

  it('autocompletes speakers from the people quoted, most quoted first, within the story being typed', async () => {
    const { store } = seeded();
    addArticle(store, {
      story: 'other-story',
      published: '2015-01-01T00:00:00.000Z',
      facts: { ...noFacts(), quotes: [{ ...seedFacts().quotes[0]!, speaker: 'Someone Else' }] },
    });
    expect(await suggest(store, 'quotes', 'speaker', { speaker: '' })).toEqual([
      { name: 'Viktor Ozerov (2 quotes)', value: 'Viktor Ozerov' },
      { name: 'Vladimir Putin (1 quote)', value: 'Vladimir Putin' },
    ]);
    expect(await suggest(store, 'quotes', 'speaker', { speaker: 'put' })).toEqual([
      { name: 'Vladimir Putin (1 quote)', value: 'Vladimir Putin' },
    ]);
    expect(await suggest(store, 'quotes', 'speaker', { speaker: '', story: 'other-story' })).toEqual([
      { name: 'Someone Else (1 quote)', value: 'Someone Else' },
    ]);
  });

  it('pages with Previous/Next buttons whose custom id holds the state, so a fresh process can turn the page', async () => {
    const { store, reopen } = tempStore();
    for (let i = 0; i < 12; i++) {
      const facts = noFacts();
      facts.quotes.push({ ...seedFacts().quotes[0]!, text: `Quote number ${i}` });
      addArticle(store, { published: `2016-03-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`, facts });
    }
    const first = await run(store, 'quotes', { speaker: 'Vladimir Putin' });
    expect(first.embeds[0]!.fields!.map((f) => f.value.match(/Quote number (\d+)/)?.[1])).toEqual([
      '11',
      '10',
      '9',
      '8',
      '7',
    ]);
    expect(first.embeds[0]!.footer!.text).toContain('page 1 of 3');
    const buttons = first.components[0]!.components as {
      label: string;
      custom_id: string;
      disabled: boolean;
    }[];
    expect(buttons.map((b) => [b.label, b.disabled])).toEqual([
      ['Previous', true],
      ['Next', false],
    ]);
    store.close();
    const restarted = reopen();
    const second = await press(restarted, buttons[1]!.custom_id);
    expect(second.embeds[0]!.fields!.map((f) => f.value.match(/Quote number (\d+)/)?.[1])).toEqual([
      '6',
      '5',
      '4',
      '3',
      '2',
    ]);
    const third = await press(
      restarted,
      (second.components[0]!.components[1] as { custom_id: string }).custom_id,
    );
    expect(third.embeds[0]!.footer!.text).toContain('page 3 of 3');
    const last = third.components[0]!.components as { disabled: boolean; custom_id: string }[];
    expect(last[1]!.disabled).toBe(true);
    const back = await press(restarted, last[0]!.custom_id);
    expect(back.embeds[0]!.footer!.text).toContain('page 2 of 3');
  });

  it('cuts a page of very long quotes to Discord limits instead of being rejected', async () => {
    const { store } = tempStore();
    const facts = noFacts();
    for (let i = 0; i < 40; i++) {
      facts.quotes.push({
        ...seedFacts().quotes[0]!,
        text: `${'word '.repeat(900)} ${i}`,
        role: 'r'.repeat(300),
      });
    }
    addArticle(store, { facts, title: 'T'.repeat(500) });
    const reply = await run(store, 'quotes');
    expectWithinLimits(reply);
    expect(reply.embeds[0]!.fields!.length).toBeGreaterThan(0);
  });
});

describe('story option', () => {
  it('turns an unknown story into a user error that points to /about', async () => {
    const { store } = seeded();
    await expect(run(store, 'summary', { story: 'no-such-story' })).rejects.toThrow(UserError);
    await expect(run(store, 'troops', { story: 'NOT A SLUG **' })).rejects.toThrow(
      /No story called "NOT A SLUG \\\*\\\*" — try \/about/,
    );
  });

  it('defaults to the story of the latest article and autocompletes story slugs', async () => {
    const { store } = seeded();
    addArticle(store, {
      story: 'older-story',
      title: 'An older story',
      published: '2010-01-01T00:00:00.000Z',
    });
    expect((await run(store, 'summary')).embeds[0]!.author!.name).toBe('Russia’s withdrawal from Syria');
    expect((await run(store, 'summary', { story: 'older-story' })).embeds[0]!.title).toBe('An older story');
    expect(await suggest(store, 'troops', 'story', { story: 'syria' })).toEqual([
      { name: 'Russia’s withdrawal from Syria (russia-syria-withdrawal)', value: 'russia-syria-withdrawal' },
    ]);
  });

  it('says there is nothing yet on an empty store', async () => {
    const { store } = tempStore();
    await expect(run(store, 'timeline')).rejects.toThrow(/No stories have been ingested yet/);
  });
});

describe('/summary, /timeline, /who, /search, /about', () => {
  it('/summary shows the headline, the lead, key figures and dated, linked sources', async () => {
    const { store } = seeded();
    const embed = (await run(store, 'summary')).embeds[0]!;
    expect(embed.title).toBe('Russia withdraws its troop from Syria');
    expect(embed.url).toBe('https://example.com/russia-withdraws');
    expect(embed.description).toMatch(/^Vladimir Putin, the Russian President ordered/);
    expect(embed.fields![0]!.name).toBe('Key figures');
    expect(embed.fields![0]!.value).toContain(
      'Remaining: **about 1,000** Russian personnel in Syria — per Viktor Ozerov',
    );
    expect(embed.fields![1]).toEqual({
      name: 'Sources (1)',
      value: '15 Mar 2016 — [Russia withdraws its troop from Syria](https://example.com/russia-withdraws)',
    });
  });

  it("/summary lists each source's outlet and author, escaped like all article text", async () => {
    const { store } = tempStore();
    addArticle(store, {
      title: 'Troops leave Hmeimim',
      published: '2016-03-16T00:00:00.000Z',
      source: 'Example News',
      author: 'Anna *Petrova* @everyone',
    });
    addArticle(store, { title: 'Unsigned report', source: 'Wire' });
    const embed = (await run(store, 'summary')).embeds[0]!;
    expect(embed.fields!.find((f) => f.name === 'Sources (2)')!.value).toBe(
      '16 Mar 2016 — Troops leave Hmeimim · Example News · by Anna \\*Petrova\\* @\u200beveryone\n' +
        '15 Mar 2016 — Unsigned report · Wire',
    );
  });

  it('/timeline lists events in date order with their precision and pages', async () => {
    const { store } = seeded();
    const embed = (await run(store, 'timeline')).embeds[0]!;
    const dates = embed
      .description!.split('\n')
      .filter((l) => l.startsWith('**'))
      .map((l) => l.match(/^\*\*(.+?)\*\*/)![1]);
    expect(dates).toEqual(['c. 2011', expect.stringMatching(/^Sept? 2015$/), '15 Mar 2016']);
  });

  it('/who gives a person’s role, other names, mentions and latest quotes; without a name, who is who', async () => {
    const { store } = seeded();
    addArticle(store, {
      facts: { ...noFacts(), people: [{ ...seedFacts().people[0]!, aliases: ['President Putin'] }] },
    });
    const embed = (await run(store, 'who', { person: 'putin' })).embeds[0]!;
    expect(embed.title).toBe('Vladimir Putin');
    expect(embed.description).toContain('**Role:** Russian President');
    expect(embed.description).toContain('**Also called:** President Putin, Putin');
    expect(embed.description).toContain('**Mentioned** 6 times in 2 articles');
    expect(embed.description).toContain('**Quoted** 1 time');
    expect(embed.fields![0]!.name).toBe('Vladimir Putin, Russian President — direct quote');
    const people = (await run(store, 'who')).embeds[0]!.description!;
    expect(people.split('\n')[0]).toMatch(
      /^\*\*Vladimir Putin\*\* — Russian President · 2 articles, 6 mentions/,
    );
    const nobody = await run(store, 'who', { person: 'Nobody' });
    expect(nobody.content).toMatch(/^Nobody called "Nobody" is named in Russia’s withdrawal from Syria\./);
    expect(nobody).toMatchObject({ flags: 64 });
    expect(await suggest(store, 'who', 'person', { person: 'oze' })).toEqual([
      { name: 'Viktor Ozerov — head of the parliamentary defense committee', value: 'Viktor Ozerov' },
    ]);
  });

  it('/search finds quotes and articles, matched words in bold, and refuses punctuation-only queries', async () => {
    const { store } = seeded();
    const embed = (await run(store, 'search', { query: 'battalions' })).embeds[0]!;
    expect(embed.fields![0]!.name).toBe('Quotes');
    expect(embed.fields![0]!.value).toContain('**Viktor Ozerov:**');
    expect(embed.fields![0]!.value).toContain('**battalions**');
    const none = await run(store, 'search', { query: 'zeppelin' });
    expect(none.content).toBe('Nothing matched “zeppelin” in any story. Try fewer or different words.');
    expect(none).toMatchObject({ flags: 64 });
    await expect(run(store, 'search', { query: '**' })).rejects.toThrow(/at least one word/);
  });

  it('/about shows the version, what is stored and the last ingest', async () => {
    const { store } = seeded();
    const embed = (await run(store, 'about')).embeds[0]!;
    const fields = Object.fromEntries(embed.fields!.map((f) => [f.name, f.value]));
    expect(fields.Version).toBe('0.1.0');
    expect(fields['Articles stored']).toBe('1');
    expect(fields.Stories).toBe('1');
    expect(fields['Last ingest']).toMatch(/^1 May 2024/);
    expect(fields['Stories you can ask about']).toContain(
      '`russia-syria-withdrawal` — Russia’s withdrawal from Syria (the default)',
    );
  });
});

describe('untrusted article text', () => {
  it('cannot inject markdown, links or mentions into a reply', async () => {
    const { store } = tempStore();
    const evil = '@everyone **bold** [click](https://evil.example) <@&123> `code`';
    const facts = noFacts();
    facts.quotes.push({ ...seedFacts().quotes[0]!, text: evil, speaker: '@here **Boss**' });
    facts.figures.push({ ...seedFacts().figures[0]!, source: '<@1> [x](http://e)' });
    addArticle(store, {
      title: '[Title](https://evil.example) @everyone',
      url: 'https://ok.example/a)b',
      facts,
    });
    const quotes = text((await run(store, 'quotes')).embeds[0]);
    expect(quotes).toContain(
      '@\u200beveryone \\*\\*bold\\*\\* \\[click\\](https://evil.example) \\<@&123> \\`code\\`',
    );
    expect(quotes).not.toMatch(/(^|[^\\])\[click\]/);
    expect(quotes).toContain('](https://ok.example/a%29b)');
    const troops = text((await run(store, 'troops')).embeds[0]);
    expect(troops).toContain('per \\<@1> \\[x\\](http://e)');
  });
});

describe('migration 003 running totals', () => {
  it('keeps speaker and entity totals in step when an article is replaced or deleted', async () => {
    const { store } = seeded();
    const second = addArticle(store, { facts: seedFacts() });
    expect(store.facts.speakers(1)).toEqual([
      { speaker: 'Viktor Ozerov', count: 4 },
      { speaker: 'Vladimir Putin', count: 2 },
    ]);
    expect(store.facts.entityTotals(1, 'person', 'Putin')[0]).toMatchObject({
      articleCount: 2,
      mentionCount: 6,
    });
    store.transaction(() => store.facts.replaceForArticle(second, 1, noFacts()));
    expect(store.facts.entityTotals(1, 'person', 'Putin')[0]).toMatchObject({
      articleCount: 1,
      mentionCount: 3,
    });
    expect(store.facts.speakers(1)).toEqual([
      { speaker: 'Viktor Ozerov', count: 2 },
      { speaker: 'Vladimir Putin', count: 1 },
    ]);
    // Nothing in Dispatch deletes an article yet; raw SQL pins that the totals' triggers follow the cascade.
    sqlite(store).prepare('DELETE FROM articles WHERE id = ?').run(1);
    expect(store.facts.speakers(1)).toEqual([]);
    expect(store.facts.entityTotals(1, 'person')).toEqual([]);
  });
});
