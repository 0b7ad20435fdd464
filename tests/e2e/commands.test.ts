import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_ERROR } from '../../src/bot/router.ts';
import type { Facts } from '../../src/extract/types.ts';
import type { LoopbackEmbed, LoopbackMessage } from '@dispatch/loopback-discord';
import { expectCleanTraffic, startHarness, type Harness } from './harness.ts';

const embedOf = (message: LoopbackMessage): LoopbackEmbed => (message.embeds as LoopbackEmbed[])[0]!;
const buttons = (message: LoopbackMessage) =>
  (message.components ?? []).flatMap(
    (row) =>
      (row as { components?: { label: string; custom_id: string; disabled?: boolean }[] }).components ?? [],
  );

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expectCleanTraffic(h.discord);
  h.discord.resetRecords();
});

describe('the member commands on the seed story, through discord.js and the loopback Discord', () => {
  it('/troops: about 1,000 remaining per Viktor Ozerov first, 3,000–6,000 deployed unattributed', async () => {
    const result = await h.discord.interact({ command: 'troops' });
    expect(result.ephemeral).toBe(false);
    const embed = embedOf(result.reply);
    const glance = embed.description!.split('\n');
    expect(glance[0]).toMatch(
      /^\*\*Remaining:\*\* \*\*about 1,000\*\* Russian personnel in Syria — per Viktor Ozerov/,
    );
    expect(embed.description).toMatch(
      /\*\*Deployed:\*\* \*\*around 3,000–6,000\*\* Russian personnel in Syria — unattributed estimate/,
    );
    expect(embed.description).toMatch(/\*\*Required:\*\* .*— per (Viktor )?Ozerov/);
    const deployed = embed.fields!.find((f) => f.name.startsWith('Deployed · around 3,000–6,000'))!;
    expect(deployed.value).toContain(
      '• **around 3,000–6,000** Russian personnel in Syria — unattributed estimate',
    );
    expect(deployed.value).toContain(
      'It is estimated that there are around 3000 to 6000 Russian Military Personnel in Syria',
    );
    expect(deployed.value).toContain('Russia withdraws its troop from Syria · 15 Mar 2016');
    const states = embed.fields!.map((f) => f.name.split(' · ')[0]);
    expect(states.indexOf('Remaining')).toBeLessThan(states.indexOf('Deployed'));
    expect(embed.fields!.some((f) => /^Required · .*a minimum of 800 troops/.test(f.name))).toBe(true);
  });

  it('/quotes speaker:Putin shows his direct quote with role, date and source', async () => {
    const result = await h.discord.interact({ command: 'quotes', options: { speaker: 'Putin' } });
    const embed = embedOf(result.reply);
    expect(embed.title).toBe('Quotes from Vladimir Putin · Russia’s withdrawal from Syria');
    const [quote] = embed.fields!;
    expect(quote!.name).toMatch(/^Vladimir Putin(, Russian President)? — direct quote$/);
    expect(quote!.value).toMatch(/^“I think that the task that was assigned to the Ministry of Defense/);
    expect(quote!.value).toContain('Russia withdraws its troop from Syria · 15 Mar 2016');
  });

  it('/quotes tells reported speech from direct quotes', async () => {
    const embed = embedOf((await h.discord.interact({ command: 'quotes' })).reply);
    const kinds = embed.fields!.map((f) => f.name.split(' — ')[1]);
    expect(kinds).toContain('direct quote');
    expect(kinds).toContain('reported speech');
    const ozerov = embed.fields!.find(
      (f) => f.name.startsWith('Viktor Ozerov') && f.name.endsWith('reported speech'),
    )!;
    expect(ozerov.value).toMatch(/^\*\(reported\)\* .*(1,000|two battalions)/);
  });

  it('/summary, /timeline, /who, /search and /about answer from the seed story', async () => {
    const summary = embedOf((await h.discord.interact({ command: 'summary' })).reply);
    expect(summary.title).toBe('Russia withdraws its troop from Syria');
    expect(summary.description).toMatch(/Putin/);
    expect(summary.fields!.find((f) => f.name === 'Key figures')!.value).toMatch(
      /Remaining: \*\*about 1,000\*\*/,
    );
    expect(summary.fields!.find((f) => f.name === 'Sources (1)')!.value).toBe(
      '15 Mar 2016 — Russia withdraws its troop from Syria',
    );

    const timeline = embedOf((await h.discord.interact({ command: 'timeline' })).reply);
    expect(timeline.description).toMatch(/\*\*Sept? 2015\*\* — .*airstrikes/);

    const who = embedOf((await h.discord.interact({ command: 'who', options: { person: 'Ozerov' } })).reply);
    expect(who.title).toBe('Viktor Ozerov');
    expect(who.description).toMatch(/\*\*Quoted\*\* [1-9]\d* times?/);

    const search = embedOf(
      (await h.discord.interact({ command: 'search', options: { query: 'battalions' } })).reply,
    );
    expect(JSON.stringify(search.fields)).toContain('**battalions**');

    const about = embedOf((await h.discord.interact({ command: 'about' })).reply);
    const fields = Object.fromEntries(about.fields!.map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({ Version: '0.1.0', 'Articles stored': '1', Stories: '1' });
  });

  it('/who writes counts in English and never says a person is mentioned less often than quoted', async () => {
    // Ozerov is named twice and quoted three times, once through "the head of the defense committee".
    const ozerov = embedOf(
      (await h.discord.interact({ command: 'who', options: { person: 'Ozerov' } })).reply,
    );
    expect(ozerov.description).toContain('**Mentioned** 3 times in 1 article\n**Quoted** 3 times');
    const obama = embedOf((await h.discord.interact({ command: 'who', options: { person: 'Obama' } })).reply);
    expect(obama.description).toContain('**Mentioned** 1 time in 1 article\n**Quoted** 0 times');
    const people = embedOf((await h.discord.interact({ command: 'who' })).reply).description!.split('\n');
    expect(people).toContain('**Barack Obama** — US President · 1 article, 1 mention');
    expect(people).toContain(
      '**Viktor Ozerov** — head of the parliamentary defense committee · 1 article, 3 mentions',
    );
    expect(people.filter((line) => /\b1 (mentions|articles)\b/.test(line))).toEqual([]);
  });

  it('autocompletes the story and the speaker', async () => {
    expect(
      await h.discord.autocomplete({ command: 'troops', focused: 'story', options: { story: 'syr' } }),
    ).toEqual([
      { name: 'Russia’s withdrawal from Syria (russia-syria-withdrawal)', value: 'russia-syria-withdrawal' },
    ]);
    const speakers = await h.discord.autocomplete({
      command: 'quotes',
      focused: 'speaker',
      options: { speaker: 'put' },
    });
    expect(speakers.map((c) => c.value)).toEqual(['Vladimir Putin']);
    const everyone = await h.discord.autocomplete({
      command: 'quotes',
      focused: 'speaker',
      options: { speaker: '' },
    });
    expect(everyone.map((c) => c.value)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Viktor Ozerov']));
  });

  it('an unknown story is the member’s mistake: an ephemeral message pointing to /about', async () => {
    const result = await h.discord.interact({ command: 'summary', options: { story: 'no-such-story' } });
    expect(result.ephemeral).toBe(true);
    expect(result.reply.content).toMatch(/^No story called "no-such-story" — try \/about/);
  });

  it('an unknown command gets an ephemeral "don’t know" reply and the bot keeps serving', async () => {
    const result = await h.discord.interact({ command: 'nope' });
    expect(result.ephemeral).toBe(true);
    expect(result.reply.content).toBe('I don\'t know the command "nope". It may have been removed.');
    expect((await h.discord.interact({ command: 'about' })).ephemeral).toBe(false);
  });
});

/** An article whose quotes are far too long and too many for one message. */
function floodFacts(): Facts {
  const quote = (i: number) => ({
    kind: 'direct' as const,
    text: `#${i} ${'An extremely long statement about the withdrawal **with markdown** and @everyone. '.repeat(40)}`,
    speaker: 'Long Winded Speaker',
    role: 'Spokesman '.repeat(40),
    verb: 'say',
    sentence: 'x',
    start: 0,
    end: 1,
  });
  return {
    summary: [],
    quotes: Array.from({ length: 60 }, (_, i) => quote(i)),
    figures: [],
    people: [],
    places: [],
    organizations: [],
    timeline: [],
  };
}

describe('limits, paging and restarts', () => {
  it('cuts a reply that would exceed the limits and pages the rest; Discord accepts every page', async () => {
    const store = h.store;
    store.transaction(() => {
      const story = store.stories.ensure('flood', 'Flood', new Date('2024-01-01T00:00:00Z'));
      const id = store.articles.insert(
        {
          storyId: story.id,
          sourceKey: 'flood',
          url: 'https://example.com/flood',
          source: null,
          title: 'Flood '.repeat(60),
          body: 'b',
          publishedAt: '2015-01-01T00:00:00.000Z',
          contentHash: 'flood',
          summary: [],
          extractorVersion: 1,
        },
        new Date('2024-01-01T00:00:00Z'),
      );
      store.facts.replaceForArticle(id, story.id, floodFacts());
    });
    let result = await h.discord.interact({ command: 'quotes', options: { story: 'flood' } });
    const seen = new Set<string>();
    for (let page = 1; page <= 12; page++) {
      const embed = embedOf(result.reply);
      expect(embed.footer!.text).toContain(`page ${page} of 12`);
      for (const f of embed.fields!) {
        expect(f.value).toContain('@\u200beveryone');
        seen.add(f.value.match(/#(\d+)/)![1]!);
      }
      const next = buttons(result.reply).find((b) => b.label === 'Next')!;
      if (page === 12) {
        expect(next.disabled).toBe(true);
        break;
      }
      result = await h.discord.clickButton({ message: result.message, customId: next.custom_id });
      expect(result.kind).toBe('update');
    }
    expect(seen.size).toBe(60);
  });

  it('Previous/Next keep working after a restart: a new bot on the same database turns the old message’s page', async () => {
    const first = await h.discord.interact({ command: 'quotes', options: { story: 'flood' } });
    await h.restart();
    const next = buttons(first.reply).find((b) => b.label === 'Next')!;
    const second = await h.discord.clickButton({ message: first.message, customId: next.custom_id });
    expect(embedOf(second.reply).footer!.text).toContain('page 2 of 12');
    const previous = buttons(second.reply).find((b) => b.label === 'Previous')!;
    expect(previous.disabled).toBe(false);
    const back = await h.discord.clickButton({ message: second.message, customId: previous.custom_id });
    expect(embedOf(back.reply).footer!.text).toContain('page 1 of 12');
  });
});

describe('recovery', () => {
  it('a 429 on the reply is waited out and the reply goes through', async () => {
    h.discord.faults.failNext({ method: 'POST', path: /callback/, status: 429, retryAfter: 0.2 });
    const result = await h.discord.interact({ command: 'troops' });
    expect(embedOf(result.reply).description).toMatch(/about 1,000/);
    expect(h.discord.requests.filter((r) => r.injectedFault && r.status === 429)).toHaveLength(1);
  });

  it('a 500 on the reply is retried and the reply goes through', async () => {
    h.discord.faults.failNext({ method: 'POST', path: /callback/, status: 500 });
    const result = await h.discord.interact({ command: 'quotes', options: { speaker: 'Putin' } });
    expect(embedOf(result.reply).title).toBe('Quotes from Vladimir Putin · Russia’s withdrawal from Syria');
    expect(h.discord.requests.filter((r) => r.injectedFault && r.status === 500)).toHaveLength(1);
  });

  it('a dropped gateway connection is resumed and the next interaction is not lost', async () => {
    const resumed = h.discord.waitForGateway('resume', 10_000);
    h.discord.dropGateway();
    const result = await h.discord.interact({ command: 'about' });
    await resumed;
    expect(embedOf(result.reply).title).toBe('Dispatch');
    expect((await h.discord.interact({ command: 'troops' })).ephemeral).toBe(false);
  });
});

describe('a handler that throws', () => {
  let broken: Harness;
  afterAll(async () => {
    await broken?.close();
  });

  it('gets a generic ephemeral apology, logs the stack, and the bot keeps serving', async () => {
    broken = await startHarness((store) => {
      store.facts.figuresByState = () => {
        throw new Error('the figures table is on fire');
      };
    });
    const result = await broken.discord.interact({ command: 'troops' });
    expect(result.ephemeral).toBe(true);
    expect(result.reply.content).toBe(GENERIC_ERROR);
    expect(result.reply.content).not.toContain('fire');
    const logged = broken.logs.find((l) => l.msg === 'handler failed')!;
    expect(logged).toMatchObject({
      command: 'troops',
      guildId: broken.guild.id,
      userId: broken.guild.member.id,
    });
    expect((logged.err as { stack: string }).stack).toContain('the figures table is on fire');
    const after = await broken.discord.interact({ command: 'quotes', options: { speaker: 'Putin' } });
    expect(after.ephemeral).toBe(false);
    expectCleanTraffic(broken.discord);
  });
});
