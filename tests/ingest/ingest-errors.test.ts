import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOutcome, formatSummary, ingestPaths } from '../../src/ingest/ingest.ts';
import { readArticleFile } from '../../src/ingest/parse.ts';
import { SEED_FILE, snapshot, testStore } from '../support/helpers.ts';
import { sqlite } from '../support/sqlite.ts';

const MAX_BYTES = 4096;

/** Each bad input: the file name, its content, and what the rejection must say. */
const BAD_FILES: { name: string; file: string; content: string | Buffer; reason: RegExp }[] = [
  { name: 'an empty file', file: 'empty.txt', content: '', reason: /^is empty$/ },
  {
    name: 'a whitespace-only file',
    file: 'blank.md',
    content: ' \n\t\r\n  \n',
    reason: /empty \(only white space\)/,
  },
  {
    name: 'a file with NUL bytes',
    file: 'binary.txt',
    content: Buffer.from('Title\nBody with a \u0000 NUL byte.\n'),
    reason: /NUL bytes/,
  },
  {
    name: 'invalid UTF-8',
    file: 'latin1.txt',
    content: Buffer.concat([Buffer.from('Title\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]),
    reason: /not valid UTF-8/,
  },
  {
    name: 'a file over MAX_ARTICLE_BYTES',
    file: 'huge.txt',
    content: `Huge\n${'word '.repeat(MAX_BYTES)}`,
    reason: new RegExp(`is ${5 + 5 * MAX_BYTES} bytes, over MAX_ARTICLE_BYTES \\(${MAX_BYTES}\\)`),
  },
  {
    name: 'front matter with a bad date (names `published`)',
    file: 'bad-date.md',
    content: '---\npublished: last tuesday\n---\n# Title\nBody.\n',
    reason: /front matter published: must be a date like 2016-03-15/,
  },
  {
    name: 'a date that is not on the calendar (2016-02-30 is not rolled over to 1 March)',
    file: 'feb-30.md',
    content: '---\npublished: 2016-02-30\n---\n# Title\nBody.\n',
    reason:
      /^front matter published: must be a date like 2016-03-15: "2016-02-30" is not a day on the calendar$/,
  },
  {
    name: 'a JSON date that is not on the calendar',
    file: 'month-13.json',
    content: JSON.stringify({ title: 'T', body: 'B', published: '2016-13-01T10:00:00Z' }),
    reason: /^published: must be a date like 2016-03-15: "2016-13-01" is not a day on the calendar$/,
  },
  {
    name: 'several bad front-matter fields: every one is named, in plain words',
    file: 'many.md',
    content: '---\ntitle: T\nurl: ftp://x\npublished: soon\nstory: Bad Slug\nauthr: me\n---\nBody.\n',
    reason: new RegExp(
      '^front matter url: must be a web address starting with http:// or https://; ' +
        'published: must be a date like 2016-03-15; ' +
        'story: must be a slug of lowercase letters, digits and dashes, like russia-syria-withdrawal; ' +
        'unknown field "authr" \\(the fields are title, url, source, author, published, story, story_title\\)$',
    ),
  },
  {
    name: 'front matter YAML that does not parse: the reason ends in where, not in a dangling colon',
    file: 'nested.md',
    content: '---\ntitle: T\nfoo: bar: baz\n---\nBody.\n',
    reason:
      /^front matter is not valid YAML: Nested mappings are not allowed in compact mappings at line 2, column 6$/,
  },
  {
    name: 'front matter with a bad story slug (names `story`)',
    file: 'bad-story.txt',
    content: '---\nstory: Russia Syria!\n---\nTitle\nBody.\n',
    reason: /front matter story: /,
  },
  {
    name: 'front matter with a bad url (names `url`)',
    file: 'bad-url.txt',
    content: '---\nurl: ftp://example.com/x\n---\nTitle\nBody.\n',
    reason: /front matter url: /,
  },
  {
    name: 'an unknown front-matter key',
    file: 'typo.md',
    content: '---\ntitle: T\nauthr: Someone\n---\nBody.\n',
    reason: /unknown field "authr"/,
  },
  {
    name: 'front matter that is never closed',
    file: 'open.md',
    content: '---\ntitle: T\nstory: s\n\nBody that never gets a closing line.\n',
    reason: /front matter starts with --- but never ends/,
  },
  {
    name: 'front matter that is not YAML',
    file: 'not-yaml.txt',
    content: '---\ntitle: [unclosed\n---\nBody.\n',
    reason: /front matter is not valid YAML/,
  },
  {
    name: 'invalid JSON',
    file: 'broken.json',
    content: '{"title": "T", "body": ',
    reason: /is not valid JSON/,
  },
  {
    name: 'JSON without a body (names `body`)',
    file: 'no-body.json',
    content: JSON.stringify({ title: 'T' }),
    reason: /^body: is required$/,
  },
  {
    name: 'a JSON array with one item without a body (names the item and `body`)',
    file: 'array-no-body.json',
    content: JSON.stringify([
      { title: 'Fine', body: 'Fine body.' },
      { title: 'T', body: '   ' },
    ]),
    reason: /^article 2, body: must not be empty$/,
  },
  {
    name: 'JSON with a bad date (names `published`)',
    file: 'bad-date.json',
    content: JSON.stringify({ title: 'T', body: 'B', published: 'soon' }),
    reason: /published: must be a date/,
  },
  {
    name: 'JSON with an unknown key',
    file: 'extra.json',
    content: JSON.stringify({ title: 'T', body: 'B', writer: 'X' }),
    reason:
      /unknown field "writer" \(the fields are title, url, source, author, published, story, story_title, body\)$/,
  },
  { name: 'an empty JSON array', file: 'none.json', content: '[]', reason: /must hold an article/ },
  {
    name: 'JSON without a title (names `title`)',
    file: 'no-title.json',
    content: JSON.stringify({ body: 'B' }),
    reason: /^title: is required$/,
  },
  {
    name: 'a text file with front matter and nothing after it (no title)',
    file: 'no-title.txt',
    content: '---\nstory: syria\n---\n\n\n',
    reason: /has no title/,
  },
  { name: 'a title without a body', file: 'title-only.txt', content: 'Only a title\n\n', reason: /no body/ },
];

/** A store holding the seed article, to check that a bad file leaves it exactly as it was. */
async function seededStore() {
  const setup = testStore({ maxArticleBytes: MAX_BYTES });
  setup.ctx.maxArticleBytes = 1 << 20;
  await ingestPaths(setup.ctx, [SEED_FILE]);
  setup.ctx.maxArticleBytes = MAX_BYTES;
  return setup;
}

describe('ingest rejects bad input with a clear per-file reason and leaves the store exactly as it was', () => {
  it.each(BAD_FILES)('$name', async ({ file, content, reason }) => {
    const { dir, store, ctx, clock } = await seededStore();
    const path = join(dir, file);
    writeFileSync(path, content);
    const before = snapshot(sqlite(store));
    clock.advance(1000);

    const report = await ingestPaths(ctx, [path]);
    expect(report.outcomes).toHaveLength(1);
    expect(report.outcomes[0]!.file).toBe(path);
    expect(report.outcomes[0]!.status).toBe('rejected');
    expect(report.outcomes[0]!.reason).toMatch(reason);
    expect(report.counts).toEqual({
      added: 0,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      skipped: 0,
      removed: 0,
    });
    expect(snapshot(sqlite(store))).toEqual(before);
  });

  it.each([
    ['notes.pdf', 'not an article (.pdf)'],
    ['README', 'not an article (no extension)'],
  ])('a file that is not an article (%s) is skipped, and says so', async (file, reason) => {
    const { dir, store, ctx } = await seededStore();
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, file), 'Title\nBody.\n');
    const before = snapshot(sqlite(store));
    for (const path of [folder, join(folder, file)]) {
      const report = await ingestPaths(ctx, [path]);
      expect(report.outcomes).toEqual([{ file: join(folder, file), status: 'skipped', reason }]);
      expect(formatOutcome(report.outcomes[0]!)).toBe(`${join(folder, file)}: skipped: ${reason}`);
      expect(formatSummary(report)).toBe('0 added, 0 updated, 0 unchanged, 0 rejected, 1 skipped');
    }
    expect(snapshot(sqlite(store))).toEqual(before);
  });

  it('a path that does not exist', async () => {
    const { dir, store, ctx } = await seededStore();
    const before = snapshot(sqlite(store));
    const missing = join(dir, 'missing.txt');
    const missingFolder = join(dir, 'no-such-folder');
    const report = await ingestPaths(ctx, [missing, missingFolder]);
    expect(report.outcomes.map((o) => [o.file, o.status, o.reason])).toEqual([
      [missing, 'rejected', 'does not exist'],
      [missingFolder, 'rejected', 'does not exist'],
    ]);
    expect(snapshot(sqlite(store))).toEqual(before);
  });

  it('a path that cannot be read (a symlink loop)', async () => {
    // Tests run as root, for whom chmod 000 still reads; a symlink loop fails to open for everyone (ELOOP).
    const { dir, store, ctx } = await seededStore();
    const loop = join(dir, 'loop.txt');
    symlinkSync(loop, loop);
    const before = snapshot(sqlite(store));
    const report = await ingestPaths(ctx, [loop]);
    expect(report.outcomes.map((o) => [o.status, o.reason])).toEqual([
      ['rejected', 'cannot be read (ELOOP)'],
    ]);
    expect(snapshot(sqlite(store))).toEqual(before);
  });

  it('a path that is not a regular file (a folder named like an article)', async () => {
    // As root no permission bit makes a file unreadable, so a directory stands in for an unreadable path here.
    const { dir } = await seededStore();
    const folder = join(dir, 'folder.txt');
    mkdirSync(folder);
    expect(await readArticleFile(folder, { maxBytes: MAX_BYTES })).toEqual({
      ok: false,
      error: 'is not a regular file',
    });
  });

  it('one bad file among good ones: the good ones are stored, the bad one reported', async () => {
    const { dir, store, ctx } = testStore();
    const folder = join(dir, 'articles');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), 'First\nFirst body.');
    writeFileSync(join(folder, 'b.txt'), '');
    writeFileSync(join(folder, 'c.json'), '{ nope');
    writeFileSync(join(folder, 'd.md'), '# Fourth\nFourth body.');
    writeFileSync(join(folder, 'notes.pdf'), 'not an article extension');
    writeFileSync(join(folder, '.hidden.txt'), 'Hidden\nIgnored.');
    const report = await ingestPaths(ctx, [folder]);
    expect(report.outcomes.map((o) => [o.file.slice(folder.length + 1), o.status])).toEqual([
      ['a.txt', 'added'],
      ['b.txt', 'rejected'],
      ['c.json', 'rejected'],
      ['d.md', 'added'],
      ['notes.pdf', 'skipped'],
    ]);
    expect(report.counts).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      skipped: 1,
      removed: 0,
    });
    expect(store.articles.stats().count).toBe(2);
  });

  it('a folder that cannot be listed is reported, and the files beside it are still stored', async () => {
    // Root may list any folder, so one nested past PATH_MAX (4096 bytes) stands in for an unreadable one:
    // listing it fails with ENAMETOOLONG for everyone. It is built with relative paths, from inside.
    const { dir, store, ctx } = testStore();
    const folder = join(dir, 'articles');
    const deep = join(folder, 'deep');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(folder, 'a.txt'), 'First\nFirst body.');
    writeFileSync(join(folder, 'z.txt'), 'Last\nLast body.');
    const cwd = process.cwd();
    try {
      process.chdir(deep);
      for (let level = 0; level < 22; level++) {
        mkdirSync('d'.repeat(200));
        process.chdir('d'.repeat(200));
      }
      writeFileSync('buried.txt', 'Buried\nNever reached.');
    } finally {
      process.chdir(cwd);
    }
    try {
      const report = await ingestPaths(ctx, [folder]);
      expect(
        report.outcomes.map((o) => [o.file.startsWith(deep) ? deep : o.file, o.status, o.reason]),
      ).toEqual([
        [join(folder, 'a.txt'), 'added', undefined],
        [deep, 'rejected', 'folder cannot be read (ENAMETOOLONG)'],
        [join(folder, 'z.txt'), 'added', undefined],
      ]);
      expect(store.articles.stats().count).toBe(2);
    } finally {
      // Node's rmSync cannot remove a tree deeper than PATH_MAX; rm walks it with relative paths.
      spawnSync('rm', ['-rf', deep]);
    }
  });

  it('a rejected new version of a stored file keeps the stored version', async () => {
    const { dir, store, ctx, clock } = testStore();
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'Kept\nKept body.');
    await ingestPaths(ctx, [path]);
    const before = snapshot(sqlite(store));
    writeFileSync(path, Buffer.from([0x4b, 0x0a, 0xff, 0xfe]));
    clock.advance(1000);
    const report = await ingestPaths(ctx, [path]);
    expect(report.outcomes[0]).toMatchObject({ status: 'rejected', reason: 'is not valid UTF-8 text' });
    expect(snapshot(sqlite(store))).toEqual(before);
  });
});
