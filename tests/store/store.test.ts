import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Facts, Quote } from '../../src/extract/index.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { type ArticleInput, type Store } from '../../src/store/index.ts';
import { toFtsQuery } from '../../src/store/search.ts';
import { escapeLike } from '../../src/store/stories.ts';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/db.ts';
import { createStore } from '../../src/store/index.ts';
import { onCleanup, searchHits, SEED_FILE, SEED_TIME, tempDir, testStore } from '../support/helpers.ts';
import { sqlite } from '../support/sqlite.ts';

const now = new Date(SEED_TIME);
const noFacts: Facts = {
  summary: [],
  quotes: [],
  figures: [],
  people: [],
  places: [],
  organizations: [],
  timeline: [],
};

function quote(text: string, speaker: string | null, kind: Quote['kind'] = 'direct'): Quote {
  return { kind, text, speaker, role: null, verb: 'say', sentence: `${text}.`, start: 0, end: text.length };
}

/** Writes an article (and optionally its facts) straight through the repositories. */
function addArticle(
  store: Store,
  storySlug: string,
  n: number,
  publishedAt: string | null,
  facts: Facts = noFacts,
  guildId = '',
): number {
  const story = store.stories.ensure(storySlug, storySlug.toUpperCase(), now, guildId);
  const input: ArticleInput = {
    storyId: story.id,
    sourceKey: `source-${n}`,
    url: `https://example.com/${n}`,
    source: 'Example',
    title: `Article ${n}`,
    body: `Body of article ${n}.`,
    publishedAt,
    contentHash: `hash-${n}`,
    summary: [],
    extractorVersion: 1,
  };
  return store.transaction(() => {
    const id = store.articles.insert(input, now);
    store.facts.replaceForArticle(id, story.id, facts);
    if (guildId)
      store.feeds.setFeedColumns(id, { guildId, canonicalUrl: null, bodyHash: `body-${n}`, announce: true });
    return id;
  });
}

describe('full-text search', () => {
  it('finds the seed article by a word of its body (battalions), with an excerpt marking the match', async () => {
    const { store, ctx } = testStore();
    await ingestPaths(ctx, [SEED_FILE]);
    const hits = searchHits(store, 'battalions').filter((h) => h.kind === 'article');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      title: 'Russia withdraws its troop from Syria',
      publishedAt: '2016-03-15T00:00:00.000Z',
      speaker: null,
    });
    expect(hits[0]!.excerpt).toContain('\u0001battalions\u0002');
    // Porter stemming: the singular finds the plural.
    expect(searchHits(store, 'battalion').some((h) => h.kind === 'article')).toBe(true);
    expect(searchHits(store, 'nosuchwordanywhere')).toEqual([]);
  });

  const SEED_TITLE = 'Russia withdraws its troop from Syria';
  it.each([
    // [typed, titles of the articles found, speakers of the quotes found]
    ['"AND*(', [SEED_TITLE], ['Vladimir Putin']],
    ['battalions"', [SEED_TITLE], ['Viktor Ozerov']],
    ['Putin:', [SEED_TITLE], ['Vladimir Putin']],
    ['batt*', [], []],
    ['NOT battalions', [], []],
    ['battalions OR', [], []],
    ['a:b', [], []],
    ['NEAR(x y)', [], []],
    ['(', [], []],
    ['*', [], []],
    ['-', [], []],
    ["'", [], []],
    ['   ', [], []],
  ])(
    '/search treats FTS syntax in %j as plain words: finds %j and quotes of %j',
    async (text, titles, speakers) => {
      const { store, ctx } = testStore();
      await ingestPaths(ctx, [SEED_FILE]);
      const found = store.search.recent(text, store.stories.latest()!.id, 5);
      expect(found.articles.map((h) => h.title)).toEqual(titles);
      expect(found.quotes.map((h) => h.speaker)).toEqual(speakers);
    },
  );

  it('quotes user words so operators are searched for, not interpreted', async () => {
    const { store, ctx } = testStore();
    await ingestPaths(ctx, [SEED_FILE]);
    expect(toFtsQuery('"AND*(')).toBe('"AND"');
    expect(toFtsQuery('*()"')).toBeNull();
    expect(searchHits(store, '*()"')).toEqual([]);
    // "NOT" is a word here, which the article does not contain, so nothing matches.
    expect(searchHits(store, 'NOT battalions')).toEqual([]);
    expect(searchHits(store, 'battalions"').some((h) => h.kind === 'article')).toBe(true);
  });

  it('finds quotes by their words and speaker, quotes first', () => {
    const { store } = testStore();
    const id = addArticle(store, 's', 1, '2016-03-15', {
      ...noFacts,
      quotes: [quote('the task has achieved its goal', 'Vladimir Putin')],
    });
    const hits = searchHits(store, 'goal');
    expect(hits.map((h) => [h.kind, h.articleId, h.speaker])).toEqual([['quote', id, 'Vladimir Putin']]);
  });
});

describe('repositories', () => {
  it('stories.latest is the story of the most recently published article', () => {
    const { store } = testStore();
    expect(store.stories.latest()).toBeUndefined();
    addArticle(store, 'older', 1, '2016-03-10T00:00:00.000Z');
    addArticle(store, 'newer', 2, '2016-03-20T00:00:00.000Z');
    addArticle(store, 'undated', 3, null);
    expect(store.stories.latest()!.slug).toBe('newer');
    addArticle(store, 'older', 4, '2016-03-21T00:00:00.000Z');
    expect(store.stories.latest()!.slug).toBe('older');
  });

  it("stories.latest is the newest of a server's shared and own articles, never another server's", () => {
    const { store } = testStore();
    addArticle(store, 'shared', 1, '2016-03-10T00:00:00.000Z');
    addArticle(store, 'mine', 2, null, noFacts, '111');
    addArticle(store, 'theirs', 3, '2016-03-30T00:00:00.000Z', noFacts, '222');
    // A dated article beats an undated one whatever its scope.
    expect(store.stories.latest('111')!.slug).toBe('shared');
    addArticle(store, 'mine', 4, '2016-03-11T00:00:00.000Z', noFacts, '111');
    expect(store.stories.latest('111')).toMatchObject({ slug: 'mine', guildId: '111' });
    addArticle(store, 'shared', 5, '2016-03-12T00:00:00.000Z');
    expect(store.stories.latest('111')).toMatchObject({ slug: 'shared', guildId: '' });
    // The same date: the later article wins, as before.
    addArticle(store, 'mine', 6, '2016-03-12T00:00:00.000Z', noFacts, '111');
    expect(store.stories.latest('111')!.slug).toBe('mine');
    expect(store.stories.latest()!.slug).toBe('shared');
    expect(store.stories.latest('222')!.slug).toBe('theirs');
    expect(store.stories.latest('333')!.slug).toBe('shared');
  });

  it('stories.latest takes the first entry of articles_scope_newest per scope, sorting no articles', () => {
    // The repository's statements are private: catch the one stories.latest prepares as the store is made.
    const db = openDatabase(join(tempDir(), 'plan.db'));
    onCleanup(() => db.close());
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((source: string) => (prepared.push(source), prepare(source))) as typeof db.prepare;
    const store = createStore(db);
    db.prepare = prepare;
    for (let n = 0; n < 300; n++)
      addArticle(
        store,
        `s-${n % 3}`,
        n,
        new Date(Date.UTC(2016, 2, 1, 0, n)).toISOString(),
        noFacts,
        n % 2 ? '111' : '',
      );
    expect(store.stories.latest('111')!.slug).toBe('s-2');
    const latest = prepared.filter((sql) => /FROM stories WHERE id =/.test(sql) && /UNION ALL/.test(sql));
    expect(latest).toHaveLength(1);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${latest[0]!}`)
      .all({ guild: '111' })
      .map((row) => (row as { detail: string }).detail);
    // Both scopes are one search each of the covering index; the only sort is of the two rows they give.
    expect(plan.filter((step) => step.includes('articles'))).toEqual([
      'SEARCH articles USING COVERING INDEX articles_scope_newest (guild_id=?)',
      'SEARCH articles USING COVERING INDEX articles_scope_newest (guild_id=?)',
    ]);
    expect(plan.filter((step) => step.startsWith('USE TEMP B-TREE'))).toHaveLength(1);
  });

  it('stories.ensure creates a story once and keeps its first title', () => {
    const { store } = testStore();
    const first = store.stories.ensure('syria', 'Syria', now);
    const again = store.stories.ensure('syria', 'Another title', new Date('2030-01-01'));
    expect(again).toEqual(first);
    expect(first).toMatchObject({ slug: 'syria', title: 'Syria', createdAt: SEED_TIME });
    expect(store.stories.count()).toBe(1);
  });

  it('articles.listByStory lists one story, newest published first, undated last, with paging', () => {
    const { store } = testStore();
    const a = addArticle(store, 's', 1, '2016-03-10T00:00:00.000Z');
    const b = addArticle(store, 's', 2, '2016-03-12T00:00:00.000Z');
    const c = addArticle(store, 's', 3, null);
    const d = addArticle(store, 's', 4, '2016-03-11T00:00:00.000Z');
    addArticle(store, 'other', 5, '2016-03-30T00:00:00.000Z');
    const storyId = store.stories.bySlug('s')!.id;
    const list = store.articles.listByStory(storyId);
    expect(list.map((h) => h.id)).toEqual([b, d, a, c]);
    expect(list[0]).not.toHaveProperty('body');
    expect(list[0]).toMatchObject({ title: 'Article 2', url: 'https://example.com/2', summary: [] });
    expect(store.articles.listByStory(storyId, 2, 1).map((h) => h.id)).toEqual([d, a]);
    expect(store.articles.countByStory(storyId)).toBe(4);
  });

  it('facts.quotes filters by speaker, case-insensitively, and counts match', () => {
    const { store } = testStore();
    addArticle(store, 's', 1, '2016-03-10T00:00:00.000Z', {
      ...noFacts,
      quotes: [quote('first', 'Vladimir Putin'), quote('second', 'Viktor Ozerov', 'reported')],
    });
    addArticle(store, 's', 2, '2016-03-12T00:00:00.000Z', {
      ...noFacts,
      quotes: [quote('third', 'Vladimir Putin'), quote('fourth', null)],
    });
    const storyId = store.stories.bySlug('s')!.id;
    expect(store.facts.quotes(storyId).map((q) => q.text)).toEqual(['third', 'fourth', 'first', 'second']);
    const putin = store.facts.quotes(storyId, { speaker: 'vladimir putin' });
    expect(putin.map((q) => [q.text, q.speaker, q.articleTitle])).toEqual([
      ['third', 'Vladimir Putin', 'Article 2'],
      ['first', 'Vladimir Putin', 'Article 1'],
    ]);
    expect(store.facts.quotes(storyId, { kind: 'reported' }).map((q) => q.text)).toEqual(['second']);
    expect(store.facts.countQuotesUpTo(storyId, undefined, 1000)).toBe(4);
    expect(store.facts.countQuotesUpTo(storyId, 'VLADIMIR PUTIN', 1000)).toBe(2);
    expect(store.facts.countQuotesUpTo(storyId, undefined, 3)).toBe(3);
    expect(store.facts.quotes(storyId, { speaker: 'Nobody' })).toEqual([]);
  });

  it('facts.speakers autocompletes by substring, most quoted first, with % and _ matched literally', () => {
    const { store } = testStore();
    addArticle(store, 's', 1, null, {
      ...noFacts,
      quotes: [
        quote('a', 'Vladimir Putin'),
        quote('b', 'Vladimir Putin'),
        quote('c', 'Viktor Ozerov'),
        quote('d', '100% Sure Institute'),
        quote('e', 'Under_score Agency'),
        quote('f', 'Underscore Agency'),
      ],
    });
    const storyId = store.stories.bySlug('s')!.id;
    expect(store.facts.speakers(storyId, 'v')).toEqual([
      { speaker: 'Vladimir Putin', count: 2 },
      { speaker: 'Viktor Ozerov', count: 1 },
    ]);
    expect(store.facts.speakers(storyId, '%')).toEqual([{ speaker: '100% Sure Institute', count: 1 }]);
    expect(store.facts.speakers(storyId, '0% s')).toEqual([{ speaker: '100% Sure Institute', count: 1 }]);
    expect(store.facts.speakers(storyId, 'r_')).toEqual([{ speaker: 'Under_score Agency', count: 1 }]);
    expect(store.facts.speakers(storyId, 'V%n')).toEqual([]);
    expect(store.facts.speakers(storyId).map((s) => s.speaker)).toHaveLength(5);
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });

  it('stories.search matches slug or title literally', () => {
    const { store } = testStore();
    store.stories.ensure('russia-syria', 'Russia in Syria', now);
    store.stories.ensure('pct', '100% coverage', now);
    expect(store.stories.search('syria').map((s) => s.slug)).toEqual(['russia-syria']);
    expect(store.stories.search('%').map((s) => s.slug)).toEqual(['pct']);
    expect(store.stories.search('a_s')).toEqual([]);
  });
});

describe('writing an article’s facts (migration 008: per-article statements instead of per-row triggers)', () => {
  /** Every copy the store keeps of the facts, recomputed from the rows themselves: it must equal the stored one. */
  function expectDerivedCopiesExact(store: Store) {
    const db = sqlite(store);
    expect(
      db.prepare(`INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')`).run().changes,
    ).toBeGreaterThanOrEqual(0);
    const stale = db
      .prepare(
        `SELECT count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE q.published_at IS NOT a.published_at`,
      )
      .get() as { n: number };
    expect(stale.n).toBe(0);
    const staleFigures = db
      .prepare(
        `SELECT count(*) AS n FROM figures f JOIN articles a ON a.id = f.article_id
         WHERE f.published_at IS NOT a.published_at`,
      )
      .get() as { n: number };
    expect(staleFigures.n).toBe(0);
    const speakers = db
      .prepare('SELECT story_id, lower(speaker) AS speaker, quotes FROM quote_speakers ORDER BY 1, 2')
      .all();
    const counted = db
      .prepare(
        `SELECT story_id, lower(speaker) AS speaker, count(*) AS quotes FROM quotes WHERE speaker IS NOT NULL
         GROUP BY story_id, speaker COLLATE NOCASE ORDER BY 1, 2`,
      )
      .all();
    expect(speakers).toEqual(counted);
    // A place or organisation is mentioned where it is named; a person also where a quote is attributed to them
    // without their name (referenceCount), so never less than their namings or their quotes in that article.
    const mentions = db
      .prepare(
        `SELECT count(*) AS n FROM entities e
         WHERE (e.kind != 'person' AND e.mention_count != (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id))
            OR e.mention_count < (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)
            OR e.mention_count < (SELECT count(*) FROM quotes q WHERE q.article_id = e.article_id AND q.speaker = e.name)`,
      )
      .get() as { n: number };
    expect(mentions.n).toBe(0);
    const totals = db
      .prepare('SELECT story_id, kind, name, articles, mentions FROM entity_totals ORDER BY 1, 2, 3')
      .all();
    const summed = db
      .prepare(
        `SELECT story_id, kind, name, count(DISTINCT article_id) AS articles, sum(mention_count) AS mentions
         FROM entities GROUP BY story_id, kind, name ORDER BY 1, 2, 3`,
      )
      .all();
    expect(totals).toEqual(summed);
  }

  it('keeps quote search, speaker counts, fact dates and mention totals exact through add, replace and delete', async () => {
    const { store, ctx } = testStore();
    await ingestPaths(ctx, [SEED_FILE]);
    const seed = store.stories.latest()!;
    expectDerivedCopiesExact(store);
    const facts: Facts = {
      ...noFacts,
      quotes: [quote('We will stay', 'Ivashov'), quote('We will go', 'ivashov'), quote('No comment', null)],
      people: [
        {
          name: 'Leonid Ivashov',
          aliases: ['Ivashov'],
          role: null,
          mentions: [
            { start: 0, end: 6 },
            { start: 9, end: 15 },
          ],
        },
      ],
    };
    const id = addArticle(store, 'russia-syria-withdrawal', 1, '2016-03-16T00:00:00.000Z', facts);
    expectDerivedCopiesExact(store);
    expect(store.search.search('stay').some((hit) => hit.kind === 'quote')).toBe(true);
    expect(store.facts.speakers(seed.id, 'ivashov')).toEqual([{ speaker: 'Ivashov', count: 2 }]);

    // Replacing the facts subtracts what they added and adds the new ones.
    store.transaction(() =>
      store.facts.replaceForArticle(id, seed.id, { ...facts, quotes: [quote('Still here', 'Ivashov')] }),
    );
    expectDerivedCopiesExact(store);
    expect(store.search.search('stay').some((hit) => hit.kind === 'quote')).toBe(false);
    expect(store.search.search('still').some((hit) => hit.kind === 'quote')).toBe(true);
    expect(store.facts.speakers(seed.id, 'ivashov')).toEqual([{ speaker: 'Ivashov', count: 1 }]);

    // Deleting the article cascades through the delete triggers.
    sqlite(store).prepare('DELETE FROM articles WHERE id = ?').run(id);
    expectDerivedCopiesExact(store);
    expect(store.facts.speakers(seed.id, 'ivashov')).toEqual([]);
  });
});

describe('transactions between processes', () => {
  it('takes the write lock as it begins, so another process cannot write between its read and its write', () => {
    const { store } = testStore();
    const otherProcess = new Database(store.path);
    otherProcess.pragma('busy_timeout = 0');
    try {
      // The digest limit counts the server's rows, then inserts: another writer slipping in between would make
      // the count stale, or (in WAL) fail the insert with SQLITE_BUSY_SNAPSHOT instead of waiting its turn.
      const attempt = store.transaction(() => {
        try {
          otherProcess.exec('BEGIN IMMEDIATE');
          otherProcess.exec('ROLLBACK');
          return 'the other process got the write lock';
        } catch (error) {
          return (error as { code?: string }).code;
        }
      });
      expect(attempt).toBe('SQLITE_BUSY');
      otherProcess.exec('BEGIN IMMEDIATE');
      otherProcess.exec('ROLLBACK');
    } finally {
      otherProcess.close();
      store.close();
    }
  });

  it('writeWhenFree waits for a write lock another connection holds without holding the event loop, and runs its work once', async () => {
    const { store } = testStore();
    const worker = new Database(store.path);
    try {
      worker.exec('BEGIN IMMEDIATE');
      let runs = 0;
      const called = performance.now();
      const write = store.writeWhenFree(() => {
        runs += 1;
        store.leases.take('probe', 'test', now, new Date(now.getTime() + 60_000));
        return 'written';
      });
      // A blocking transaction would have sat in SQLite's busy handler for busy_timeout (5 s) inside the call.
      expect(performance.now() - called).toBeLessThan(1000);
      for (let turn = 0; turn < 20; turn++) await nextTurn();
      expect(runs).toBe(0);
      worker.exec('COMMIT');
      await expect(write).resolves.toBe('written');
      expect(runs).toBe(1);
      expect(sqlite(store).prepare("SELECT owner FROM leases WHERE name = 'probe'").pluck().get()).toBe(
        'test',
      );
      // Its blocking sibling keeps waiting out busy_timeout as before.
      expect(sqlite(store).pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      if (worker.inTransaction) worker.exec('ROLLBACK');
      worker.close();
      store.close();
    }
  });

  it('writeWhenFree runs failing work once and rejects with its error, leaving nothing written', async () => {
    const { store } = testStore();
    let runs = 0;
    await expect(
      store.writeWhenFree(() => {
        runs += 1;
        store.leases.take('probe', 'test', now, new Date(now.getTime() + 60_000));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(runs).toBe(1);
    expect(sqlite(store).prepare("SELECT count(*) FROM leases WHERE name = 'probe'").pluck().get()).toBe(0);
    store.close();
  });
});
