import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, type Facts } from '../../src/extract/index.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import {
  expectedCounts,
  factCounts,
  searchHits,
  SEED_FILE,
  SEED_TIME,
  snapshot,
  testStore,
} from '../support/helpers.ts';
import { sqlite } from '../support/sqlite.ts';

const keyOf = (path: string) => relative(process.cwd(), path);
const published = (iso: string) => new Date(iso);

/** Hand-made facts, so replacement is tested on real rows whatever the extractor finds. */
function richFacts(word: string): Facts {
  return {
    summary: [`A ${word} summary.`],
    quotes: [
      {
        kind: 'direct',
        text: `The ${word} is here`,
        speaker: 'Viktor Ozerov',
        role: null,
        verb: 'say',
        sentence: 's',
        start: 0,
        end: 5,
      },
      {
        kind: 'reported',
        text: `${word} will stay`,
        speaker: 'Vladimir Putin',
        role: 'President',
        verb: 'say',
        sentence: 's',
        start: 6,
        end: 9,
      },
    ],
    figures: [
      {
        min: 800,
        max: 800,
        qualifier: 'a total of',
        unit: 'troop',
        state: 'required',
        who: 'Russian',
        where: 'Syria',
        source: null,
        sentence: 's',
        start: 1,
        end: 2,
      },
    ],
    people: [
      {
        name: `${word} Person`,
        role: null,
        aliases: ['P'],
        mentions: [
          { start: 0, end: 1 },
          { start: 3, end: 4 },
        ],
      },
    ],
    places: [{ name: 'Latakia', aliases: [], mentions: [{ start: 5, end: 6 }] }],
    organizations: [{ name: 'Defense Ministry', aliases: [], mentions: [{ start: 7, end: 8 }] }],
    timeline: [
      { date: '2015-09', precision: 'month', approximate: false, text: `${word} began`, start: 2, end: 3 },
    ],
  };
}

describe('ingest', () => {
  it('stores the seed article in its story with its published date, title and facts', async () => {
    const { store, ctx, clock } = testStore();
    const report = await ingestPaths(ctx, [SEED_FILE]);
    expect(report.counts).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      skipped: 0,
      removed: 0,
    });
    const article = store.articles.bySourceKey(keyOf(SEED_FILE))!;
    expect(article.title).toBe('Russia withdraws its troop from Syria');
    expect(article.publishedAt).toBe('2016-03-15T00:00:00.000Z');
    expect(article.ingestedAt).toBe(SEED_TIME);
    expect(article.updatedAt).toBe(SEED_TIME);
    expect(article.body.startsWith('Vladimir Putin, the Russian President ordered')).toBe(true);
    expect(article.body).toContain('a minimum of two battalions');
    expect(store.stories.byId(article.storyId)!.slug).toBe('russia-syria-withdrawal');
    expect(report.outcomes).toEqual([
      {
        file: SEED_FILE,
        status: 'added',
        articleId: article.id,
        title: 'Russia withdraws its troop from Syria',
        story: 'russia-syria-withdrawal',
      },
    ]);
    const facts = extract({ title: article.title, body: article.body, published: published('2016-03-15') });
    expect(factCounts(sqlite(store), article.id)).toEqual(expectedCounts(facts));
    expect(article.summary).toEqual(facts.summary);
    expect(clock.now().toISOString()).toBe(SEED_TIME);
  });

  it('reads a .txt without front matter: the first non-empty line is the title, the rest the body', async () => {
    const { dir, store, ctx } = testStore();
    const file = join(dir, 'plain.txt');
    writeFileSync(file, '\n\n  Jets leave Hmeimim  \n\nThe first group left today.\nMore follow.\n');
    const report = await ingestPaths(ctx, [file]);
    expect(report.counts.added).toBe(1);
    const article = store.articles.bySourceKey(keyOf(file))!;
    expect(article).toMatchObject({
      title: 'Jets leave Hmeimim',
      body: 'The first group left today.\nMore follow.',
      publishedAt: null,
      url: null,
      source: null,
    });
    expect(store.stories.byId(article.storyId)!.slug).toBe('general');
  });

  it('reads a .md with front matter and a `# Title` heading', async () => {
    const { dir, store, ctx } = testStore();
    const file = join(dir, 'story.md');
    writeFileSync(
      file,
      [
        '---',
        'url: https://example.com/news/1',
        'source: Example News',
        'published: 2016-03-16',
        'story: russia-syria-withdrawal',
        '---',
        '# Second group of jets leaves',
        '',
        'More aircraft left the **Hmeimim** base.',
      ].join('\n'),
    );
    await ingestPaths(ctx, [file]);
    const article = store.articles.bySourceKey('https://example.com/news/1')!;
    expect(article).toMatchObject({
      title: 'Second group of jets leaves',
      body: 'More aircraft left the **Hmeimim** base.',
      url: 'https://example.com/news/1',
      source: 'Example News',
      publishedAt: '2016-03-16T00:00:00.000Z',
    });
    // A new story is titled after its first article, not after its slug ("Russia Syria Withdrawal").
    expect(store.stories.byId(article.storyId)).toMatchObject({
      slug: 'russia-syria-withdrawal',
      title: 'Second group of jets leaves',
    });
  });

  it('leaves a `# Heading` out of the body of a .md whose front matter has a title', async () => {
    const { dir, store, ctx } = testStore();
    const file = join(dir, 'headed.md');
    writeFileSync(
      file,
      '---\ntitle: The real title\n---\n# A heading\n\nThe lead sentence.\n\n## Later\nMore.\n',
    );
    await ingestPaths(ctx, [file]);
    expect(store.articles.bySourceKey(keyOf(file))).toMatchObject({
      title: 'The real title',
      body: 'The lead sentence.\n\n## Later\nMore.',
    });
  });

  it('titles a story by `story_title`, else by its first article, and a later `story_title` renames it', async () => {
    const { dir, store, ctx, clock } = testStore();
    const first = join(dir, 'a.md');
    writeFileSync(
      first,
      '---\nstory: uk-estonia-deployment\n---\n# UK sends troops to Estonia\n\nBody one.\n',
    );
    await ingestPaths(ctx, [first]);
    expect(store.stories.bySlug('uk-estonia-deployment')!.title).toBe('UK sends troops to Estonia');

    clock.advance(1000);
    const second = join(dir, 'b.md');
    writeFileSync(
      second,
      '---\nstory: uk-estonia-deployment\nstory_title: British troops in Estonia\n---\n# More troops\n\nBody two.\n',
    );
    await ingestPaths(ctx, [second]);
    expect(store.stories.bySlug('uk-estonia-deployment')!.title).toBe('British troops in Estonia');

    const titled = join(dir, 'c.json');
    writeFileSync(
      titled,
      JSON.stringify({ title: 'T', body: 'B', story: 'other', story_title: 'Another story' }),
    );
    await ingestPaths(ctx, [titled]);
    expect(store.stories.bySlug('other')!.title).toBe('Another story');
  });

  it('stores the `author:` of front matter and of a JSON article, cleaned, and a changed author updates the file', async () => {
    const { dir, store, ctx } = testStore();
    const file = join(dir, 'signed.md');
    writeFileSync(file, '---\nauthor: "  Anna\u200B \\t Petrova "\n---\n# Troops leave Syria\n\nBody.\n');
    expect((await ingestPaths(ctx, [file])).outcomes).toMatchObject([{ status: 'added' }]);
    expect(store.articles.bySourceKey(keyOf(file))).toMatchObject({
      title: 'Troops leave Syria',
      author: 'Anna Petrova',
    });
    writeFileSync(file, '---\nauthor: Anna Petrova and Ivan Sokolov\n---\n# Troops leave Syria\n\nBody.\n');
    expect((await ingestPaths(ctx, [file])).counts).toMatchObject({ updated: 1 });
    expect(store.articles.bySourceKey(keyOf(file))!.author).toBe('Anna Petrova and Ivan Sokolov');
    const json = join(dir, 'signed.json');
    writeFileSync(json, JSON.stringify({ title: 'T', body: 'B', author: 'By Ivan Sokolov' }));
    await ingestPaths(ctx, [json]);
    expect(store.articles.bySourceKey(keyOf(json))!.author).toBe('Ivan Sokolov');
    const unsigned = join(dir, 'unsigned.txt');
    writeFileSync(unsigned, 'A title\nA body.\n');
    await ingestPaths(ctx, [unsigned]);
    expect(store.articles.bySourceKey(keyOf(unsigned))!.author).toBeNull();
  });

  it('reads a .txt with front matter whose title overrides the first line', async () => {
    const { dir, store, ctx } = testStore();
    const file = join(dir, 'titled.txt');
    writeFileSync(file, '---\ntitle: From the front matter\n---\nFirst line of the body.\nSecond line.\n');
    await ingestPaths(ctx, [file]);
    expect(store.articles.bySourceKey(keyOf(file))).toMatchObject({
      title: 'From the front matter',
      body: 'First line of the body.\nSecond line.',
    });
  });

  it('reads a .json holding one article', async () => {
    const { dir, store, ctx } = testStore();
    const file = join(dir, 'one.json');
    writeFileSync(
      file,
      JSON.stringify({
        title: 'One',
        body: 'Body of one.',
        published: '2016-03-17',
        story: 'syria',
        source: 'AP',
      }),
    );
    const report = await ingestPaths(ctx, [file]);
    expect(report.counts.added).toBe(1);
    expect(store.articles.bySourceKey(keyOf(file))).toMatchObject({
      title: 'One',
      body: 'Body of one.',
      source: 'AP',
      publishedAt: '2016-03-17T00:00:00.000Z',
    });
  });

  it('reads a .json array: one article per item, keyed by URL or by position', async () => {
    const { dir, store, ctx } = testStore();
    const file = join(dir, 'many.json');
    writeFileSync(
      file,
      JSON.stringify([
        { title: 'First', body: 'Body one.' },
        { title: 'Second', body: 'Body two.', url: 'https://example.com/2' },
        { title: 'Third', body: 'Body three.' },
      ]),
    );
    const report = await ingestPaths(ctx, [file]);
    expect(report.outcomes.map((o) => [o.status, o.title])).toEqual([
      ['added', 'First'],
      ['added', 'Second'],
      ['added', 'Third'],
    ]);
    expect(store.articles.bySourceKey(`${keyOf(file)}#0`)!.title).toBe('First');
    expect(store.articles.bySourceKey('https://example.com/2')!.title).toBe('Second');
    expect(store.articles.bySourceKey(`${keyOf(file)}#2`)!.title).toBe('Third');
    expect(store.articles.stats().count).toBe(3);
  });

  it('is idempotent: a second run reports every article unchanged and changes no row, not even updated_at', async () => {
    const { dir, store, ctx, clock } = testStore();
    writeFileSync(join(dir, 'a.txt'), 'Alpha\nAlpha body.');
    writeFileSync(join(dir, 'b.md'), '# Beta\nBeta body.');
    writeFileSync(join(dir, 'c.json'), JSON.stringify([{ title: 'Gamma', body: 'Gamma body.' }]));
    const first = await ingestPaths(ctx, [dir, SEED_FILE]);
    expect(first.counts).toEqual({ added: 4, updated: 0, unchanged: 0, rejected: 0, skipped: 0, removed: 0 });
    const before = snapshot(sqlite(store));

    clock.advance(60 * 60 * 1000);
    const second = await ingestPaths(ctx, [dir, SEED_FILE]);
    expect(second.counts).toEqual({
      added: 0,
      updated: 0,
      unchanged: 4,
      rejected: 0,
      skipped: 0,
      removed: 0,
    });
    expect(second.outcomes.map((o) => o.articleId)).toEqual(first.outcomes.map((o) => o.articleId));
    expect(snapshot(sqlite(store))).toEqual(before);
    expect(store.articles.stats().lastIngestedAt).toBe(SEED_TIME);
  });

  it('replaces a changed file (same path, new text): updated, its old facts and search words gone', async () => {
    const { dir, store, ctx, clock } = testStore();
    const file = join(dir, 'changing.txt');
    const other = join(dir, 'other.txt');
    const v1 =
      '---\npublished: 2016-03-15\n---\nOld headline\nThe zeppelinword paragraph. "We stay," Ozerov said.';
    const v2 =
      '---\npublished: 2016-03-15\n---\nNew headline\nThe kangaroo paragraph. About 1,000 troops remain.';
    writeFileSync(file, v1);
    writeFileSync(other, 'Another article\nIt has its own facts.');
    const first = await ingestPaths(ctx, [file, other]);
    const id = first.outcomes[0]!.articleId!;
    const otherId = first.outcomes[1]!.articleId!;
    // Give both articles many fact rows, as a rich extraction would, so replacement has something to remove.
    store.transaction(() => {
      store.facts.replaceForArticle(id, store.articles.byId(id)!.storyId, richFacts('zeppelinword'));
      store.facts.replaceForArticle(otherId, store.articles.byId(otherId)!.storyId, richFacts('otherword'));
    });
    expect(factCounts(sqlite(store), id)).toEqual(expectedCounts(richFacts('zeppelinword')));
    expect(searchHits(store, 'zeppelinword').length).toBeGreaterThan(0);
    const otherBefore = factCounts(sqlite(store), otherId);

    writeFileSync(file, v2);
    clock.advance(1000);
    const second = await ingestPaths(ctx, [file, other]);
    expect(second.outcomes.map((o) => o.status)).toEqual(['updated', 'unchanged']);
    expect(second.outcomes[0]!.articleId).toBe(id);

    const article = store.articles.byId(id)!;
    expect(article.title).toBe('New headline');
    expect(article.ingestedAt).toBe(SEED_TIME);
    expect(article.updatedAt).toBe(new Date(Date.parse(SEED_TIME) + 1000).toISOString());
    const facts = extract({ title: article.title, body: article.body, published: new Date('2016-03-15') });
    expect(factCounts(sqlite(store), id)).toEqual(expectedCounts(facts));
    expect(article.summary).toEqual(facts.summary);
    // No leftovers anywhere: not in the fact tables, not in either full-text index.
    for (const [table, column] of [
      ['quotes', 'text'],
      ['entities', 'name'],
      ['timeline', 'text'],
    ] as const) {
      const rows = sqlite(store)
        .prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} LIKE '%zeppelinword%'`)
        .get();
      expect(rows, table).toEqual({ n: 0 });
    }
    expect(searchHits(store, 'zeppelinword')).toEqual([]);
    expect([...new Set(searchHits(store, 'kangaroo').map((h) => h.articleId))]).toEqual([id]);
    // The other article's facts are untouched.
    expect(factCounts(sqlite(store), otherId)).toEqual(otherBefore);
    expect(searchHits(store, 'otherword').length).toBeGreaterThan(0);
  });

  it('stores a second file with identical content once: the second is unchanged, naming the first', async () => {
    const { dir, store, ctx } = testStore();
    const text = readFileSync(SEED_FILE);
    writeFileSync(join(dir, 'a.txt'), text);
    writeFileSync(join(dir, 'b.txt'), text);
    const report = await ingestPaths(ctx, [dir]);
    expect(report.outcomes.map((o) => o.status)).toEqual(['added', 'unchanged']);
    expect(report.outcomes[1]!.articleId).toBe(report.outcomes[0]!.articleId);
    expect(report.outcomes[1]!.reason).toBe(`same text as ${keyOf(join(dir, 'a.txt'))}`);
    expect(store.articles.stats().count).toBe(1);
  });

  it('refuses a changed file whose new text is another stored article’s, keeping both as they were', async () => {
    const { dir, store, ctx, clock } = testStore();
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(a, 'First\nFirst body.');
    writeFileSync(b, 'Second\nSecond body.');
    await ingestPaths(ctx, [a, b]);
    const before = snapshot(sqlite(store));
    writeFileSync(a, 'Second\nSecond body.');
    clock.advance(1000);
    const report = await ingestPaths(ctx, [a]);
    expect(report.outcomes).toEqual([
      expect.objectContaining({
        file: a,
        status: 'rejected',
        reason: `now has the same text as ${keyOf(b)}, which is stored already`,
      }),
    ]);
    expect(snapshot(sqlite(store))).toEqual(before);
  });

  it('replaceForArticle replaces exactly one article’s facts, mentions and quote index', () => {
    const { store } = testStore();
    const now = new Date(SEED_TIME);
    const story = store.stories.ensure('s', 'S', now);
    const input = (n: number) => ({
      storyId: story.id,
      sourceKey: `k${n}`,
      url: null,
      source: null,
      title: `T${n}`,
      body: `B${n}`,
      publishedAt: null,
      contentHash: `h${n}`,
      summary: [],
      extractorVersion: 1,
    });
    const a = store.articles.insert(input(1), now);
    const b = store.articles.insert(input(2), now);
    store.facts.replaceForArticle(a, story.id, richFacts('walrus'));
    store.facts.replaceForArticle(b, story.id, richFacts('penguin'));
    const smaller: Facts = { ...richFacts('narwhal'), quotes: [], people: [], timeline: [] };
    store.facts.replaceForArticle(a, story.id, smaller);
    expect(factCounts(sqlite(store), a)).toEqual({
      quotes: 0,
      figures: 1,
      entities: 2,
      mentions: 2,
      timeline: 0,
    });
    expect(factCounts(sqlite(store), b)).toEqual(expectedCounts(richFacts('penguin')));
    expect(searchHits(store, 'walrus')).toEqual([]);
    expect(searchHits(store, 'penguin').filter((h) => h.kind === 'quote')).toHaveLength(2);
    // Deleting an article takes its facts (and their mentions) with it, and nothing else.
    sqlite(store).prepare('DELETE FROM articles WHERE id = ?').run(b);
    expect(factCounts(sqlite(store), b)).toEqual({
      quotes: 0,
      figures: 0,
      entities: 0,
      mentions: 0,
      timeline: 0,
    });
    expect(sqlite(store).prepare('SELECT count(*) AS n FROM mentions').get()).toEqual({ n: 2 });
    expect(searchHits(store, 'penguin')).toEqual([]);
  });
});
