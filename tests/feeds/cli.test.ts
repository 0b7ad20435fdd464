import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every step starts the tool as its own process (tsx), which takes seconds when the shared cores are busy.
const SLOW = { timeout: 180_000 };
import { openStore } from '../../src/store/index.ts';
import { runTs, tempDir } from '../support/helpers.ts';
import { fixtureServer } from './helpers.ts';

describe('npm run feeds', () => {
  it(
    'adds, lists, polls (lines and --json), imports OPML and removes operator feeds in DATABASE_PATH',
    SLOW,
    async () => {
      const server = await fixtureServer();
      server.fixture('/atom.xml', 'atom.xml', 'application/atom+xml');
      server.fixture('/rss1.rdf', 'rss1.rdf', 'application/rdf+xml');
      server.fixture('/broken.xml', 'broken.xml', 'application/rss+xml');
      const dir = tempDir();
      const env = { DATABASE_PATH: join(dir, 'd.db'), FEEDS_ALLOW_PRIVATE: 'true' };
      const run = (...args: string[]) => runTs('src/cli/feeds.ts', args, env);

      const added = await run('add', `${server.base}/atom.xml`, '--story', 'harbor', '--name', 'Wire');
      expect(added).toMatchObject({
        code: 0,
        stdout: `following ${server.base}/atom.xml into [harbor]; the next poll reads it\n`,
      });
      expect((await run('add', `${server.base}/atom.xml`)).stderr).toBe(
        `${server.base}/atom.xml is already followed\n`,
      );

      const opml = join(dir, 'feeds.opml');
      writeFileSync(
        opml,
        `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
       <outline text="Ledger" xmlUrl="${server.base}/rss1.rdf"/>
       <outline text="Group"><outline text="Broken" xmlUrl="${server.base}/broken.xml"/></outline>
       <outline text="Again" xmlUrl="${server.base}/atom.xml"/></body></opml>`,
      );
      const imported = await run('import', opml);
      expect(imported.stdout.split('\n')).toEqual([
        `added  ${server.base}/rss1.rdf`,
        `added  ${server.base}/broken.xml`,
        `skipped  ${server.base}/atom.xml: ${server.base}/atom.xml is already followed`,
        '2 added, 1 skipped',
        '',
      ]);

      const polled = await runTs('src/cli/feeds.ts', ['poll', '--json'], env);
      expect(polled.code).toBe(1);
      const reports = polled.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(reports.sort((a, b) => String(a.url).localeCompare(String(b.url)))).toEqual([
        { url: `${server.base}/atom.xml`, status: 'ok', new: 1, updated: 0, unchanged: 0, error: null },
        {
          url: `${server.base}/broken.xml`,
          status: 'error',
          new: 0,
          updated: 0,
          unchanged: 0,
          error: 'the feed is not well-formed XML or JSON',
        },
        { url: `${server.base}/rss1.rdf`, status: 'ok', new: 1, updated: 0, unchanged: 0, error: null },
      ]);
      // Nothing is due again right after a poll.
      expect((await run('poll')).stdout).toBe('0 feeds polled\n');

      const listed = (await run('list')).stdout.split('\n');
      expect(listed[0]).toMatch(
        new RegExp(`^${server.base}/atom.xml  \\[harbor\\] "Wire"  operator  ok, last polled `),
      );
      expect(listed[1]).toMatch(/rss1\.rdf {2}\[news\] "Ledger" {2}operator {2}ok/);
      expect(listed[2]).toBe(
        `${server.base}/broken.xml  [news] "Broken"  operator  failing (1 in a row): the feed is not well-formed XML or JSON`,
      );
      expect(listed[3]).toBe('3 feeds');

      expect((await run('remove', `${server.base}/broken.xml`)).stdout).toBe(
        `no longer following ${server.base}/broken.xml; its articles stay\n`,
      );
      expect(await run('remove', `${server.base}/nothing.xml`)).toMatchObject({
        code: 1,
        stderr: `${server.base}/nothing.xml is not followed\n`,
      });
      const store = openStore(env.DATABASE_PATH);
      expect(store.feeds.allFeeds()).toHaveLength(2);
      expect(store.articles.stats().count).toBe(2);
      store.close();
    },
  );

  it(
    'answers --help with usage and an example, and refuses an unknown option or action with exit 2',
    SLOW,
    async () => {
      const help = await runTs('src/cli/feeds.ts', ['--help'], {});
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(
        /^Usage: npm run feeds -- add URL \| remove URL \| list \| import FILE\.opml \| poll \[options\]/,
      );
      expect(help.stdout).toContain('npm run --silent feeds -- poll --json');
      const unknown = await runTs('src/cli/feeds.ts', ['poll', '--jsn'], {});
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/^Unknown option --jsn\.\n\nUsage: npm run feeds --/);
      const action = await runTs('src/cli/feeds.ts', ['follow', 'x'], {});
      expect(action.code).toBe(2);
      expect(action.stderr).toMatch(/^Unknown action "follow": add, remove, list, import or poll\./);
    },
  );
});

describe('npm run ingest -- URL', () => {
  it('fetches one article page, stores its readable text, and knows it the second time', SLOW, async () => {
    const server = await fixtureServer();
    server.fixture('/briefs/help-for-shops', 'teaser-page.html', 'text/html; charset=utf-8');
    server.fixture('/index.html', 'page.html', 'text/html');
    const dir = tempDir();
    const env = {
      DATABASE_PATH: join(dir, 'd.db'),
      FEEDS_ALLOW_PRIVATE: 'true',
      ARTICLES_DIR: join(dir, 'none'),
    };
    const url = `${server.base}/briefs/help-for-shops`;
    const first = await runTs('src/cli/ingest.ts', [url], env);
    expect(first.stdout.split('\n')[0]).toBe(
      `${url}: added: "Mayor promises help for harbor shops — Harbor Wire" [general]`,
    );
    const again = await runTs('src/cli/ingest.ts', [`${url}?utm_source=x`, `${server.base}/index.html`], env);
    expect(again.stdout.split('\n').slice(0, 2)).toEqual([
      `${url}?utm_source=x: unchanged: "Mayor promises help for harbor shops — Harbor Wire" [general]`,
      `${server.base}/index.html: rejected: the page has no readable article text`,
    ]);
    expect(again.code).toBe(1);
    const store = openStore(env.DATABASE_PATH);
    const [article] = store.articles.listByStory(store.stories.bySlug('general')!.id);
    expect(store.articles.byId(article!.id)!.body).toContain(
      '"No shop should close because the bridge did," Voss said',
    );
    // Readability's byline ("By Sven Aalto") is the article's author.
    expect(article!.author).toBe('Sven Aalto');
    expect(store.articles.stats().count).toBe(1);
    store.close();
  });
});
