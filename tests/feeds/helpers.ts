import { afterEach } from 'vitest';
import { defaultConfig } from '../../src/config.ts';
import { extract } from '../../src/extract/index.ts';
import { createFetcher, type Fetcher, type FetcherOptions } from '../../src/feeds/http.ts';
import type { FeedDeps } from '../../src/feeds/poll.ts';
import { testStore } from '../support/helpers.ts';
import { startFixtureServer, type FixtureServer } from './server.ts';
import { sqlite } from '../support/sqlite.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A fixture server, closed after the test. */
export async function fixtureServer(): Promise<FixtureServer> {
  const server = await startFixtureServer();
  closers.push(() => server.close());
  return server;
}

/** A fetcher for tests: the guard allows private addresses unless told otherwise; closed after the test. */
export function testFetcher(options: Partial<FetcherOptions> = {}): Fetcher {
  const fetcher = createFetcher({
    policy: { allowPrivate: true },
    userAgent: 'Dispatch/test (+https://example.invalid/contact)',
    maxBytes: 5 * 1024 * 1024,
    totalTimeoutMs: 5_000,
    ...options,
  });
  closers.push(() => fetcher.close());
  return fetcher;
}

/** Feed polling dependencies over a fresh store, a manual clock and an in-process extractor. */
export function feedDeps(options: { fetcher?: Fetcher; config?: Partial<FeedDeps['config']> } = {}) {
  const { store, clock, ctx, dbPath, dir } = testStore();
  const config = { ...defaultConfig({ FEEDS_ALLOW_PRIVATE: true }), ...options.config };
  const deps: FeedDeps = {
    store,
    clock,
    log: ctx.log,
    config,
    fetcher: options.fetcher ?? testFetcher(),
    extract: async (input) => extract(input),
  };
  return { deps, store, clock, dbPath, dir, config };
}

/** How many articles are stored, in every scope. */
export function articleCount(deps: FeedDeps): number {
  return (sqlite(deps.store).prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
}

/** An item of a generated feed. */
export interface TestItem {
  guid: string;
  link: string;
  title: string;
  /** Paragraphs of the body. */
  body: string[];
  date: string;
  /** The item's `dc:creator`, when it names one. */
  author?: string;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document for `items`, with each body in content:encoded. */
export function rss(title: string, items: TestItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${xml(title)}</title>
${items
  .map(
    (
      i,
    ) => `<item><title>${xml(i.title)}</title><link>${xml(i.link)}</link><guid isPermaLink="false">${xml(i.guid)}</guid>
<pubDate>${new Date(i.date).toUTCString()}</pubDate>${i.author ? `<dc:creator>${xml(i.author)}</dc:creator>` : ''}
<content:encoded>${xml(i.body.map((p) => `<p>${p}</p>`).join(''))}</content:encoded></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

/** Invented article texts (Port Alder is not a real town), each long enough not to count as a teaser. */
export const BODIES: string[][] = [
  [
    'Port Alder opened a temporary footbridge beside the closed Harbor Bridge on Sunday, giving people on foot a way across the harbor for the first time in two weeks.',
    '"It is narrow, but it is safe, and it saves people a long wait for the ferry," said Mayor Elena Voss, who walked across it with the engineers who built it.',
    'The footbridge was assembled in four days from parts lent by the army, the city said. It will stay in place until the main bridge reopens in the spring, and will be closed at night and in strong winds.',
  ],
  [
    'Fishing crews in Port Alder said on Monday that the closure of the Harbor Bridge had cut the price they get for their catch, because buyers from the north side no longer come to the morning market.',
    '"We sell half of what we sold before the bridge closed," said Ana Petrov, who has run a boat from the south harbor for twenty years.',
    'The council said it would look at moving the market to the ferry landing for the winter, and that a decision was expected before the end of the month. Some crews have started selling directly to restaurants in the meantime.',
  ],
  [
    'Schools in Port Alder will start an hour later while the Harbor Bridge is closed, the education office said on Tuesday, so that pupils who cross the harbor by ferry can reach their classes on time.',
    '"We would rather lose an hour in the morning than have children standing in the cold at the landing," said Karl Jensen, the head of the education office.',
    'Parents welcomed the change, though some said it would make their own mornings harder. The office said the timetable would return to normal the week after the bridge reopens, and that no lessons would be cut.',
  ],
];

const NAMES = [
  'Elena Voss',
  'Tomas Reyes',
  'Ines Okafor',
  'Jonas Berg',
  'Lucia Moreau',
  'Ana Petrov',
  'Karl Jensen',
  'Noor Haddad',
];
const PLACES = [
  'the north harbor',
  'the fish market',
  'the ferry landing',
  'the old town',
  'the rail yard',
  'the south pier',
];
const NOUNS = [
  'crews',
  'boats',
  'shops',
  'schools',
  'workers',
  'families',
  'engineers',
  'buses',
  'volunteers',
  'inspectors',
];
const VERBS = [
  'arrived at',
  'left',
  'returned to',
  'gathered near',
  'waited outside',
  'cleared',
  'inspected',
  'reopened',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A deterministic random number generator, so generated articles are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/**
 * An invented article body, distinct for every `seed`: sentences about Port Alder with people, places, numbers
 * and quotes, about `bytes` long. For tests and the feed benchmark (never real news text).
 */
export function syntheticBody(seed: number, bytes = 1200): string[] {
  const r = rng(seed * 7919 + 17);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const paragraphs: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const n = 10 + Math.floor(r() * 990);
    const sentence =
      i % 3 === 1
        ? `"${pick(NOUNS)} from ${pick(PLACES)} ${pick(VERBS)} ${pick(PLACES)} before noon," said ${pick(NAMES)} on ${pick(DAYS)}, in report ${seed}-${i}.`
        : `About ${n} ${pick(NOUNS)} ${pick(VERBS)} ${pick(PLACES)} on ${pick(DAYS)}, according to ${pick(NAMES)}, in the ${seed}th report of the series (part ${i}).`;
    paragraphs.push(sentence);
    size += sentence.length + 2;
    i++;
  }
  return paragraphs;
}
