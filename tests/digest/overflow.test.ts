import { describe, expect, it } from 'vitest';
import { gatherDigest, MAX_ARTICLES } from '../../src/digest/compose.ts';
import { addArticle, seedStory, subscribe, testCtx } from '../support/digest.ts';

/** Adds `count` articles, `stepMs` apart (0: all at one instant), titled `prefix 1`, `prefix 2` … */
function addMany(ctx: ReturnType<typeof testCtx>, count: number, stepMs: number, prefix = 'Update'): void {
  for (let n = 1; n <= count; n += 1) {
    addArticle(ctx.ctx, { title: `${prefix} ${n}` });
    ctx.clock.advance(stepMs);
  }
}

describe('a digest window with more new articles than a digest shows', () => {
  it('never splits an instant: articles stored at the same moment as the first one left out wait together', () => {
    const t = testCtx();
    seedStory(t.ctx);
    t.clock.advance(1000);
    const subscription = subscribe(t.ctx);
    t.clock.advance(1000);
    addMany(t, MAX_ARTICLES - 1, 1000);
    // The 100th and 101st arrive at the same millisecond.
    addArticle(t.ctx, { title: 'Twin A' });
    addArticle(t.ctx, { title: 'Twin B' });
    t.clock.advance(1000);
    const story = t.ctx.store.stories.byId(subscription.storyId)!;
    const window = { since: subscription.digestSince, until: t.clock.now().toISOString() };

    const first = gatherDigest(t.ctx.store, story, window);
    expect(first.articles).toHaveLength(MAX_ARTICLES - 1);
    expect(first.more).toBe(2);
    expect(first.countedUntil).toBe(first.articles.at(-1)!.updatedAt);

    const next = gatherDigest(t.ctx.store, story, { since: first.countedUntil, until: window.until });
    expect(next.articles.map((a) => a.title)).toEqual(['Twin A', 'Twin B']);
    expect(next.more).toBe(0);
    expect(next.countedUntil).toBe(window.until);
  });

  it('shows every article of one instant when more than a digest holds arrived at once, rather than skip any', () => {
    const t = testCtx();
    seedStory(t.ctx);
    t.clock.advance(1000);
    const subscription = subscribe(t.ctx);
    t.clock.advance(1000);
    addMany(t, MAX_ARTICLES + 20, 0, 'Burst');
    t.clock.advance(1000);
    addArticle(t.ctx, { title: 'Later' });
    t.clock.advance(1000);
    const story = t.ctx.store.stories.byId(subscription.storyId)!;
    const window = { since: subscription.digestSince, until: t.clock.now().toISOString() };

    const first = gatherDigest(t.ctx.store, story, window);
    expect(first.articles).toHaveLength(MAX_ARTICLES + 20);
    expect(first.more).toBe(1);
    const next = gatherDigest(t.ctx.store, story, { since: first.countedUntil, until: window.until });
    expect(next.articles.map((a) => a.title)).toEqual(['Later']);
  });
});
