/**
 * `npm run bench:commands`: fills a real SQLite store (in a temporary folder) with 100,000 generated articles
 * and their facts — most of them in one story, so the default (latest) story is the big one — then times each
 * command handler in process, with a stand-in interaction that records the reply, and prints p50 and p99.
 * The target is p99 < 10 ms per command.
 *
 * Options: --articles N (default 100000), --iterations N (default 500), --keep PATH (leave the filled database
 * there, to look at query plans).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LoadedCommand } from '../src/bot/command.ts';
import type { Ctx } from '../src/bot/context.ts';
import { loadCommands } from '../src/bot/loader.ts';
import { runAutocomplete, runCommand } from '../src/bot/router.ts';
import { ManualClock } from '../tests/support/clock.ts';
import {
  standInAutocomplete,
  standInButton,
  standInCommand,
  type StandInOptions,
} from '../tests/support/stand-in.ts';
import { defaultConfig } from '../src/config.ts';
import type { Facts, FigureState } from '../src/extract/types.ts';
import { silentLogger } from '../tests/support/log.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { sqlite } from '../tests/support/sqlite.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ARTICLES = flag('--articles', 100_000);
const ITERATIONS = flag('--iterations', 500);
const KEEP = args.includes('--keep') ? args[args.indexOf('--keep') + 1] : undefined;
const BATCH = 5_000;
const TARGET_P99_MS = 10;

/** A deterministic pseudo-random sequence, so every run benchmarks the same data. */
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const PEOPLE = [
  ['Vladimir Putin', 'Russian President'],
  ['Viktor Ozerov', 'head of the parliamentary defense committee'],
  ['Sergei Shoigu', 'Defense Minister'],
  ['Bashar al-Assad', 'President of Syria'],
  ['Barack Obama', 'US President'],
  ['Mohammad Javad Zarif', 'Iranian Foreign Minister'],
  ['Staffan de Mistura', 'UN Special Envoy'],
  ['Sergei Lavrov', 'Foreign Minister'],
  ['John Kerry', 'Secretary of State'],
  ['Dmitry Peskov', 'Kremlin spokesman'],
  ...Array.from(
    { length: 30 },
    (_, i) => [`Analyst Number${i}`, i % 2 ? 'political analyst' : null] as const,
  ),
] as const;
const PLACES = ['Syria', 'Latakia', 'Hmeimim', 'Tartus', 'Geneva', 'Aleppo', 'Palmyra', 'Damascus'];
const STATES: FigureState[] = ['deployed', 'remaining', 'withdrawn', 'required', 'unknown'];
const UNITS = ['personnel', 'troop', 'aircraft', 'battalion', 'missile system', 'helicopter'];
const QUALIFIERS = [null, 'about', 'around', 'up to', 'a minimum of', 'a total of'];
const WORDS = (
  'russia withdrawal forces syria troops base airstrikes ceasefire talks geneva pressure government ' +
  'opposition jets aircraft missile defense ministry parliament committee estimate remain deploy battalion ' +
  'peace negotiation kremlin envoy coalition offensive frontline humanitarian convoy refugees border'
).split(' ');

const sentence = (n: number) => {
  const words = Array.from({ length: n }, () => pick(WORDS));
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return `${words.join(' ')}.`;
};

/** Realistic facts for one article: quotes, figures, people with mentions, places, a dated event. */
function factsFor(day: Date): Facts {
  const people = Array.from({ length: 3 }, () => pick(PEOPLE));
  const quote = (kind: 'direct' | 'reported') => {
    const [speaker, role] = pick(people);
    return {
      kind,
      text: sentence(18),
      speaker,
      role,
      verb: 'say',
      sentence: sentence(25),
      start: 0,
      end: 10,
    };
  };
  const figure = () => {
    const min = Math.round(random() * 60) * 100 + 100;
    return {
      min,
      max: random() < 0.3 ? min + 2000 : min,
      qualifier: pick(QUALIFIERS),
      unit: pick(UNITS),
      state: pick(STATES),
      who: 'Russian',
      where: pick(PLACES),
      source: random() < 0.4 ? null : pick(people)[0],
      sentence: sentence(30),
      start: 0,
      end: 10,
    };
  };
  return {
    summary: [sentence(20), sentence(16)],
    quotes: [quote('direct'), quote('reported'), quote(random() < 0.5 ? 'direct' : 'reported')],
    figures: [figure(), figure()],
    people: [...new Map(people.map(([name, role]) => [name, role])).entries()].map(([name, role]) => ({
      name,
      role,
      aliases: [name.split(' ').at(-1)!],
      mentions: [
        { start: 0, end: 5 },
        { start: 10, end: 15 },
      ],
    })),
    places: [{ name: pick(PLACES), aliases: [], mentions: [{ start: 20, end: 25 }] }],
    organizations: [],
    timeline: [
      {
        date: day.toISOString().slice(0, 10),
        precision: 'day',
        approximate: false,
        text: sentence(10),
        start: 30,
        end: 40,
      },
    ],
  };
}

/** Fills the store: the big story last, so it holds the latest article and is what commands default to. */
function fill(store: Store): void {
  const now = new Date('2024-05-01T12:00:00Z');
  const small = Math.floor(ARTICLES * 0.05);
  const plan = [
    { slug: 'iraq-drawdown', title: 'Iraq Drawdown', count: small, from: Date.UTC(2011, 0, 1) },
    {
      slug: 'nato-baltic-battalions',
      title: 'NATO Baltic Battalions',
      count: small,
      from: Date.UTC(2013, 0, 1),
    },
    { slug: 'idlib-ceasefire', title: 'Idlib Ceasefire', count: small, from: Date.UTC(2014, 0, 1) },
    {
      slug: 'russia-syria-withdrawal',
      title: 'Russia Syria Withdrawal',
      count: ARTICLES - 3 * small,
      from: Date.UTC(2015, 8, 30),
    },
  ];
  let n = 0;
  for (const story of plan) {
    const { id: storyId } = store.stories.ensure(story.slug, story.title, now);
    for (let done = 0; done < story.count;) {
      const batch = Math.min(BATCH, story.count - done);
      store.transaction(() => {
        for (let i = 0; i < batch; i++) {
          n += 1;
          // Several articles an hour, in publication order, ending at the story's newest.
          const published = new Date(story.from + (done + i) * 20 * 60_000);
          const facts = factsFor(published);
          const articleId = store.articles.insert(
            {
              storyId,
              sourceKey: `bench/${n}.txt`,
              url: `https://news.example/${story.slug}/${n}`,
              source: pick(['Reuters', 'AP', 'AFP', 'BBC', null]),
              title: `${sentence(8).slice(0, -1)} (${n})`,
              body: [sentence(40), sentence(35), sentence(45), sentence(30)].join('\n\n'),
              publishedAt: published.toISOString(),
              contentHash: `bench-${n}`,
              summary: facts.summary,
              extractorVersion: 1,
            },
            now,
          );
          store.facts.replaceForArticle(articleId, storyId, facts);
        }
      });
      done += batch;
    }
  }
}

/** One benchmarked call: a name and a function that runs the handler once. */
interface Case {
  name: string;
  run: () => Promise<void>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-'));
  const store = openStore(KEEP ?? join(dir, 'bench.db'));
  try {
    const started = performance.now();
    fill(store);
    sqlite(store).pragma('optimize');
    const fillSeconds = (performance.now() - started) / 1000;
    const ctx: Ctx = {
      store,
      config: defaultConfig(),
      log: silentLogger(),
      clock: new ManualClock('2024-05-01T12:00:00Z'),
      instanceId: 'bench',
    };
    const commands = await loadCommands();
    const get = (name: string): LoadedCommand => {
      const command = commands.get(name);
      if (!command) throw new Error(`no /${name} command`);
      return command;
    };
    const big = store.stories.latest()!;
    const execute = (name: string, options: StandInOptions = {}): Case => ({
      name: `/${name}${Object.entries(options)
        .map(([k, v]) => ` ${k}:${String(v)}`)
        .join('')}`,
      run: async () => {
        const { interaction, recorded } = standInCommand(name, options);
        await runCommand(get(name), interaction, ctx);
        if (recorded.replies.length !== 1) throw new Error(`/${name} did not reply`);
      },
    });
    const press = (id: string): Case => ({
      name: `button ${id}`,
      run: async () => {
        const [name, ...rest] = id.split(':');
        const { interaction, recorded } = standInButton(id);
        await get(name!).button!(interaction, ctx, rest);
        if (recorded.replies.length !== 1) throw new Error(`${id} did not update`);
      },
    });
    const complete = (name: string, focused: string, value: string): Case => ({
      name: `autocomplete /${name} ${focused}:"${value}"`,
      run: async () => {
        const { interaction, recorded } = standInAutocomplete(name, focused, { [focused]: value });
        await runAutocomplete(get(name), interaction, ctx);
        if (recorded.choices.length !== 1) throw new Error(`/${name} autocomplete did not respond`);
      },
    });
    const cases: Case[] = [
      execute('summary'),
      execute('troops'),
      execute('quotes'),
      execute('quotes', { speaker: 'Putin' }),
      press(`quotes:${big.id}:40:Vladimir Putin`),
      execute('timeline'),
      press(`timeline:${big.id}:25`),
      execute('who'),
      execute('who', { person: 'Ozerov' }),
      execute('search', { query: 'ceasefire talks' }),
      execute('search', { query: 'zeppelin' }),
      execute('about'),
      execute('troops', { story: 'iraq-drawdown' }),
      complete('quotes', 'story', 'syr'),
      complete('quotes', 'speaker', 'pu'),
      complete('who', 'person', 'analyst'),
    ];

    const counts = {
      articles: store.articles.stats().count,
      bigStory: store.articles.countByStory(big.id),
      stories: store.stories.count(),
    };
    process.stdout.write(
      `bench:commands — ${counts.articles.toLocaleString('en-US')} articles in ${counts.stories} stories ` +
        `(latest story "${big.slug}": ${counts.bigStory.toLocaleString('en-US')}), filled in ` +
        `${fillSeconds.toFixed(1)} s; ${ITERATIONS} timed runs per case after 50 warm-up runs\n\n`,
    );
    const width = Math.max(...cases.map((c) => c.name.length));
    process.stdout.write(`${'case'.padEnd(width)}   p50 ms   p99 ms   max ms\n`);
    let worst = 0;
    for (const c of cases) {
      for (let i = 0; i < 50; i++) await c.run();
      const times: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const t0 = performance.now();
        await c.run();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const p99 = percentile(times, 99);
      worst = Math.max(worst, p99);
      process.stdout.write(
        `${c.name.padEnd(width)} ${percentile(times, 50).toFixed(3).padStart(8)} ${p99.toFixed(3).padStart(8)} ` +
          `${times.at(-1)!.toFixed(3).padStart(8)}${p99 >= TARGET_P99_MS ? '   OVER TARGET' : ''}\n`,
      );
    }
    process.stdout.write(
      `\nworst p99: ${worst.toFixed(3)} ms (target < ${TARGET_P99_MS} ms): ${worst < TARGET_P99_MS ? 'OK' : 'FAILED'}\n`,
    );
    if (worst >= TARGET_P99_MS) process.exitCode = 1;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
