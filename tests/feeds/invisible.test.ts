/**
 * Feed items are stored without bidirectional controls and zero-width characters, as article files are: a
 * right-to-left override in a headline would reorder a digest's line, and a zero-width space inside a name
 * hides it from search. The feed is served by the local fixture server; a revision goes through the same path.
 */
import { describe, expect, it } from 'vitest';
import { addFeed } from '../../src/feeds/manage.ts';
import { pollDueFeeds } from '../../src/feeds/poll.ts';
import { feedDeps, fixtureServer, rss, type TestItem } from './helpers.ts';

const RLO = '\u202E';
const PDF = '\u202C';
const ZWSP = '\u200B';
const ZWJ = '\u200D';
const TECHNOLOGIST = `👩${ZWJ}💻`;

/** Enough words that the item is the article itself, not a teaser whose page would be fetched. */
const filler = Array.from(
  { length: 12 },
  (_, i) => `Paragraph ${i + 1} says what the council decided about the harbor and the ferry timetable.`,
);

function item(body: string[]): TestItem {
  return {
    guid: 'bridge-1',
    link: 'https://example.com/news/bridge',
    title: `Bridge ${RLO}desolc${PDF} for repairs`,
    body,
    date: '2026-11-06T09:00:00Z',
  };
}

describe('feed items are stored without invisible characters', () => {
  it('strips bidi controls and zero-width spaces from title, body and outlet, keeping the joiner in an emoji', async () => {
    const server = await fixtureServer();
    const ctx = feedDeps();
    ctx.clock.set('2026-11-07T12:00:00Z');
    const first = item([
      `Mayor Elena V${ZWSP}oss said the bridge will reopen in spring ${TECHNOLOGIST}.`,
      ...filler,
    ]);
    server.text('/feed.xml', rss(`Alder${ZWSP} Courier`, [first]), 'application/rss+xml');
    addFeed(
      ctx.store,
      { url: `${server.base}/feed.xml`, guildId: '', story: 'harbor-bridge', createdBy: 'test' },
      { maxFeedsPerGuild: 20 },
      ctx.clock.now(),
    );
    expect((await pollDueFeeds(ctx.deps))[0]).toMatchObject({ status: 'ok', new: 1, error: null });
    const story = ctx.store.stories.bySlug('harbor-bridge')!;
    const [stored] = ctx.store.articles.listByStory(story.id);
    const article = ctx.store.articles.byId(stored!.id)!;
    expect(article.title).toBe('Bridge desolc for repairs');
    expect(article.source).toBe('Alder Courier');
    expect(article.body).toContain(`Mayor Elena Voss said the bridge will reopen in spring ${TECHNOLOGIST}.`);
    expect(article.body).not.toMatch(/[\u200B\u202A-\u202E]/);

    // A revision of the item (same GUID, new text) is stripped the same way.
    const revised = item([`Mayor Elena Voss${ZWSP}${RLO} said the bridge reopens in May.`, ...filler]);
    server.text('/feed.xml', rss('Alder Courier', [revised]), 'application/rss+xml');
    ctx.clock.set('2026-11-07T14:00:00Z');
    expect((await pollDueFeeds(ctx.deps))[0]).toMatchObject({ status: 'ok', updated: 1, error: null });
    const after = ctx.store.articles.byId(stored!.id)!;
    expect(after.body).toContain('Mayor Elena Voss said the bridge reopens in May.');
    expect(after.body).not.toMatch(/[\u200B\u202A-\u202E]/);
    expect(after.title).toBe('Bridge desolc for repairs');
  });
});
