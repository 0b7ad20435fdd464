import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { LoadedCommand } from '../../src/bot/command.ts';
import type { Ctx } from '../../src/bot/context.ts';
import { ManualClock } from '../support/clock.ts';
import { defaultConfig } from '../../src/config.ts';
import type { Facts } from '../../src/extract/types.ts';
import { silentLogger } from '../support/log.ts';
import { openStore, type Store } from '../../src/store/index.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A store on a real SQLite file in a fresh temporary folder, closed and removed after the test. */
export function tempStore(): { store: Store; path: string; reopen: () => Store } {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-commands-'));
  const path = join(dir, 'dispatch.db');
  const opened: Store[] = [];
  const open = () => {
    const store = openStore(path);
    opened.push(store);
    return store;
  };
  cleanups.push(() => {
    for (const store of opened) if (store.open) store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { store: open(), path, reopen: open };
}

/** A handler context around a store. */
export function ctxFor(store: Store): Ctx {
  return {
    store,
    config: defaultConfig(),
    log: silentLogger(),
    instanceId: 'test',
    clock: new ManualClock('2024-05-01T12:00:00Z'),
  };
}

/** Facts with nothing in them, to extend. */
export function noFacts(): Facts {
  return { summary: [], quotes: [], figures: [], people: [], places: [], organizations: [], timeline: [] };
}

/** What an editor pulls out of the seed article, by hand, so command tests do not depend on the extractor. */
export function seedFacts(): Facts {
  const putinQuote =
    'I think that the task that was assigned to the Ministry of Defense and the armed forces as a whole has ' +
    'achieved its goal, and so I order the defense minister to start tomorrow withdrawing the main part of our ' +
    'military factions from the Syrian Arab Republic';
  return {
    summary: [
      'Vladimir Putin, the Russian President ordered the Russian Forces to start withdrawing from Syria after he believed that the purpose of being in Syria was achieved.',
    ],
    quotes: [
      {
        kind: 'direct',
        text: putinQuote,
        speaker: 'Vladimir Putin',
        role: 'Russian President',
        verb: 'say',
        sentence: `“${putinQuote},” Putin said.`,
        start: 0,
        end: 10,
      },
      {
        kind: 'reported',
        text: 'about 1,000 Russian military personnel would remain in Syria at the two bases',
        speaker: 'Viktor Ozerov',
        role: 'head of the parliamentary defense committee',
        verb: 'say',
        sentence:
          'Viktor Ozerov, The head of the parliamentary defense committee, said today that about 1,000 Russian military personnel would remain in Syria at the two bases.',
        start: 11,
        end: 20,
      },
      {
        kind: 'reported',
        text: 'Russia would need a minimum of two battalions, a total of 800 troops, to protect the two bases',
        speaker: 'Viktor Ozerov',
        role: 'head of the parliamentary defense committee',
        verb: 'say',
        sentence:
          'Ozerov says Russia would need a minimum of two battalions, a total of 800 troops, to protect the two bases.',
        start: 21,
        end: 30,
      },
    ],
    figures: [
      {
        min: 1000,
        max: 1000,
        qualifier: 'about',
        unit: 'personnel',
        state: 'remaining',
        who: 'Russian',
        where: 'Syria',
        source: 'Viktor Ozerov',
        sentence:
          'Viktor Ozerov, The head of the parliamentary defense committee, said today that about 1,000 Russian military personnel would remain in Syria at the two bases.',
        start: 31,
        end: 40,
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
        sentence:
          'Ozerov says Russia would need a minimum of two battalions, a total of 800 troops, to protect the two bases.',
        start: 41,
        end: 42,
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
        sentence:
          'Ozerov says Russia would need a minimum of two battalions, a total of 800 troops, to protect the two bases.',
        start: 43,
        end: 44,
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
        sentence: 'It is estimated that there are around 3000 to 6000 Russian Military Personnel in Syria .',
        start: 45,
        end: 50,
      },
    ],
    people: [
      {
        name: 'Vladimir Putin',
        role: 'Russian President',
        aliases: ['Putin'],
        mentions: [
          { start: 0, end: 14 },
          { start: 60, end: 65 },
          { start: 70, end: 75 },
        ],
      },
      {
        name: 'Viktor Ozerov',
        role: 'head of the parliamentary defense committee',
        aliases: ['Ozerov'],
        mentions: [
          { start: 80, end: 93 },
          { start: 95, end: 101 },
        ],
      },
    ],
    places: [{ name: 'Syria', aliases: [], mentions: [{ start: 5, end: 10 }] }],
    organizations: [],
    timeline: [
      {
        date: '2016-03-15',
        precision: 'day',
        approximate: false,
        text: 'The first group of Russian fighter jets left Syria',
        start: 1,
        end: 2,
      },
      {
        date: '2015-09',
        precision: 'month',
        approximate: false,
        text: 'Russia had begun the airstrikes in September',
        start: 3,
        end: 4,
      },
      {
        date: '2011',
        precision: 'year',
        approximate: true,
        text: 'a civil war which is now nearly five years old',
        start: 5,
        end: 6,
      },
    ],
  };
}

let keys = 0;

/** Stores one article with the given facts directly through the repositories. */
export function addArticle(
  store: Store,
  options: {
    story?: string;
    title?: string;
    published?: string | null;
    url?: string | null;
    source?: string | null;
    author?: string | null;
    body?: string;
    facts?: Facts;
  },
): number {
  const now = new Date('2024-05-01T12:00:00Z');
  return store.transaction(() => {
    const slug = options.story ?? 'russia-syria-withdrawal';
    // Titled as the shipped seed file titles its story (`story_title`); others after their slug.
    const title =
      slug === 'russia-syria-withdrawal'
        ? 'Russia’s withdrawal from Syria'
        : slug
            .split('-')
            .map((w) => w[0]!.toUpperCase() + w.slice(1))
            .join(' ');
    const story = store.stories.ensure(slug, title, now);
    keys += 1;
    const facts = options.facts ?? noFacts();
    const id = store.articles.insert(
      {
        storyId: story.id,
        sourceKey: `test-${keys}-${Math.random()}`,
        url: options.url ?? null,
        source: options.source ?? null,
        author: options.author ?? null,
        title: options.title ?? 'Russia withdraws its troop from Syria',
        body: options.body ?? 'Vladimir Putin ordered the withdrawal of the Russian forces from Syria.',
        publishedAt: options.published === undefined ? '2016-03-15T00:00:00.000Z' : options.published,
        contentHash: `hash-${keys}-${Math.random()}`,
        summary: facts.summary,
        extractorVersion: 1,
      },
      now,
    );
    store.facts.replaceForArticle(id, story.id, facts);
    return id;
  });
}

/** Finds a command module by name (loaded as the bot loads them). */
export async function command(name: string): Promise<LoadedCommand> {
  const module = (await import(`../../commands/${name}.ts`)) as { default: LoadedCommand };
  return module.default;
}
