import { describe, expect, it } from 'vitest';
import { embedLength } from 'discord.js';
import { composeDigest, gatherDigest } from '../../src/digest/compose.ts';
import { MAX_MESSAGES, renderDigest } from '../../src/render/digest.ts';
import { LIMITS } from '../../src/render/limits.ts';
import {
  addArticle,
  event,
  figure,
  quote,
  secondArticle,
  seedStory,
  subscribe,
  testCtx,
  textOf,
} from '../support/digest.ts';

const HOUR = 3_600_000;

describe('composing a digest', () => {
  it('shows a second article with its changed troop figure as old → new, with who said so', () => {
    const { ctx, clock } = testCtx();
    seedStory(ctx);
    clock.advance(HOUR);
    const subscription = subscribe(ctx);
    clock.advance(HOUR);
    secondArticle(ctx);
    clock.advance(HOUR);
    const digest = composeDigest(ctx.store, subscription, {
      since: subscription.digestSince,
      until: clock.now().toISOString(),
    })!;
    expect(digest.empty).toBe(false);
    expect(digest.counts).toEqual({ articles: 1, quotes: 1, figures: 1, timeline: 1 });
    const text = textOf(digest.messages);
    expect(text).toContain(
      '• Deployed: 4,000 → **about 1,000** Russian personnel in Syria — per Vladimir Shamanov (',
    );
    expect(text).toContain(
      '[About 1,000 Russian troops to stay in Syria](https://reuters.example/syria-1000) — Reuters, 16 Mar 2016',
    );
    expect(text).toContain('“A contingent will remain at the bases” — Vladimir Shamanov, committee head');
    expect(text).toContain('**16 Mar 2016** The second group of aircraft leaves');
    // The seed article is not new for this subscription.
    expect(text).not.toContain('Russia withdraws its troops from Syria](');
    expect(text).not.toContain('The task has been achieved');
  });

  it('marks a figure with no earlier value as new and leaves unchanged figures out', () => {
    const { ctx, clock } = testCtx();
    seedStory(ctx);
    const subscription = subscribe(ctx);
    clock.advance(HOUR);
    addArticle(ctx, {
      title: 'Jets leave',
      figures: [
        figure({ min: 4000, unit: 'personnel', source: 'Pentagon' }),
        figure({ min: 12, unit: 'aircraft', state: 'withdrawn', source: 'Defense Ministry' }),
      ],
    });
    const text = textOf(
      composeDigest(ctx.store, subscription, {
        since: subscription.digestSince,
        until: clock.now().toISOString(),
      })!.messages,
    );
    expect(text).toContain('• Withdrawn: **12** Russian aircraft in Syria (new) — per Defense Ministry (');
    expect(text).not.toContain('4,000');
  });

  it('leaves out a quote nobody is named for ("Asked about the merger, …"), which /quotes still lists', () => {
    const { ctx, clock } = testCtx();
    seedStory(ctx);
    const subscription = subscribe(ctx);
    clock.advance(HOUR);
    addArticle(ctx, {
      title: 'Merger talks',
      quotes: [
        quote({ kind: 'reported', text: 'about the merger' }),
        quote({ text: 'We will stay', speaker: 'Ana Lind' }),
      ],
    });
    const digest = composeDigest(ctx.store, subscription, {
      since: subscription.digestSince,
      until: clock.now().toISOString(),
    })!;
    expect(digest.counts.quotes).toBe(1);
    expect(textOf(digest.messages)).toContain('“We will stay” — Ana Lind');
    expect(textOf(digest.messages)).not.toContain('about the merger');
    const story = ctx.store.stories.bySlug('russia-syria-withdrawal')!;
    expect(ctx.store.facts.quotes(story.id, {}, 50).map((q) => q.text)).toContain('about the merger');
  });

  it('posts nothing when nothing is new and quiet is on, and says so when quiet is off', () => {
    const { ctx, clock } = testCtx();
    seedStory(ctx);
    const subscription = subscribe(ctx);
    clock.advance(HOUR);
    const window = { since: subscription.digestSince, until: clock.now().toISOString() };
    const quiet = composeDigest(ctx.store, subscription, window)!;
    expect(quiet).toMatchObject({ empty: true, messages: [] });
    const loud = composeDigest(ctx.store, { ...subscription, quiet: false }, window)!;
    expect(loud.messages).toHaveLength(1);
    expect(textOf(loud.messages)).toContain('Nothing new since <t:');
  });

  it('leaves out changes made after the end of the window', () => {
    const { ctx, clock } = testCtx();
    seedStory(ctx);
    const subscription = subscribe(ctx);
    const until = new Date(clock.now().getTime() + HOUR).toISOString();
    clock.advance(2 * HOUR);
    secondArticle(ctx);
    expect(composeDigest(ctx.store, subscription, { since: subscription.digestSince, until })!.empty).toBe(
      true,
    );
  });

  it('escapes article text so it cannot inject markdown, links or mentions, and drops unsafe links', () => {
    const { ctx, clock } = testCtx();
    seedStory(ctx);
    const subscription = subscribe(ctx);
    clock.advance(HOUR);
    addArticle(ctx, {
      title: '**Breaking** [click](https://evil.example) @everyone <@&123>',
      url: 'javascript:alert(1)',
      quotes: [quote({ text: '__underlined__ `code`', speaker: '@here' })],
    });
    const text = textOf(
      composeDigest(ctx.store, subscription, {
        since: subscription.digestSince,
        until: clock.now().toISOString(),
      })!.messages,
    );
    expect(text).toContain('\\*\\*Breaking\\*\\* \\[click\\](https://evil.example)');
    expect(text).not.toMatch(/(^|[^\\\\])\[click\]/);
    expect(text).toContain('@\u200beveryone \\<@&123>');
    expect(text).not.toContain('javascript:');
    expect(text).toContain('\\_\\_underlined\\_\\_ \\`code\\`');
    expect(text).toContain('@\u200bhere');
  });

  it('pings only the configured role, once, and nobody otherwise', () => {
    const { ctx, clock } = testCtx();
    seedStory(ctx);
    const subscription = subscribe(ctx, { mentionRoleId: '555555555555555555' });
    clock.advance(HOUR);
    secondArticle(ctx);
    const window = { since: subscription.digestSince, until: clock.now().toISOString() };
    const [first] = composeDigest(ctx.store, subscription, window)!.messages;
    expect(first!.content).toBe('<@&555555555555555555>');
    expect(first!.allowed_mentions).toEqual({ parse: [], roles: ['555555555555555555'] });
    const plain = composeDigest(ctx.store, { ...subscription, mentionRoleId: null }, window)!.messages[0]!;
    expect(plain.content).toBeUndefined();
    expect(plain.allowed_mentions).toEqual({ parse: [] });
  });

  it('splits a flood of news across messages within every Discord limit, and trims the rest with a note', () => {
    const { ctx, clock } = testCtx();
    seedStory(ctx);
    const subscription = subscribe(ctx, { mentionRoleId: '555555555555555555' });
    clock.advance(HOUR);
    for (let i = 0; i < 100; i += 1) {
      addArticle(ctx, {
        title: `Article ${i} ${'with a very long headline '.repeat(8)}`,
        quotes: Array.from({ length: 5 }, (_, j) =>
          quote({ text: `${'quoted words '.repeat(40)}${i}.${j}`, speaker: 'Someone' }),
        ),
      });
    }
    const digest = composeDigest(ctx.store, subscription, {
      since: subscription.digestSince,
      until: clock.now().toISOString(),
    })!;
    expect(digest.counts.articles).toBe(100);
    expect(digest.messages.length).toBeGreaterThan(1);
    expect(digest.messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
    for (const message of digest.messages) {
      expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
      expect(message.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
      for (const embed of message.embeds) {
        expect((embed.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
        expect((embed.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
      }
    }
    expect(digest.messages.filter((m) => m.content)).toHaveLength(1);
    expect(digest.messages.slice(1).every((m) => m.allowed_mentions.roles === undefined)).toBe(true);
    expect(textOf(digest.messages)).toMatch(/… and \d+ more items not shown/);
  });

  it('keeps a briefing of a story with very long facts within every Discord limit, with its few key facts', () => {
    const { ctx, clock } = testCtx();
    seedStory(ctx);
    const subscription = subscribe(ctx, { briefed: false });
    const long = (what: string, i: number) =>
      `${what} ${i} ${'with many more words than anyone writes '.repeat(30)}`;
    for (let i = 0; i < 20; i += 1) {
      clock.advance(60_000);
      addArticle(ctx, {
        title: long('Article', i),
        figures: (['remaining', 'deployed', 'withdrawn', 'required', 'unknown'] as const).map((state) =>
          figure({ min: 100 + i, state, who: long('Forces', i), source: long('Source', i) }),
        ),
        quotes: Array.from({ length: 4 }, (_, j) =>
          quote({ text: long(`Quote ${j}`, i), speaker: `Speaker ${j}` }),
        ),
        timeline: [event({ date: `2016-04-${String(i + 1).padStart(2, '0')}`, text: long('Event', i) })],
      });
    }
    const digest = composeDigest(
      ctx.store,
      subscription,
      { since: subscription.digestSince, until: clock.now().toISOString() },
      undefined,
      true,
    )!;
    expect(digest).toMatchObject({ briefing: true, empty: false });
    expect(digest.counts).toEqual({ articles: 1, figures: 5, quotes: 3, timeline: 4 });
    expect(digest.messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
    for (const message of digest.messages) {
      expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
      expect(message.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
      for (const embed of message.embeds) {
        expect((embed.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
        expect((embed.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
      }
    }
    const text = textOf(digest.messages);
    expect(text).toContain('Briefing: ');
    // The newest of each: article 19's figures and the last four timeline dates.
    expect(text).toContain('• Remaining: **119** Forces 19');
    expect(text).toContain('**20 Apr 2016**');
    expect(text).not.toContain('**16 Apr 2016**');
  });

  it('renders the same content for every subscription of a story from one read', () => {
    const { ctx, clock } = testCtx();
    seedStory(ctx);
    const subscription = subscribe(ctx);
    clock.advance(HOUR);
    secondArticle(ctx);
    const story = ctx.store.stories.byId(subscription.storyId)!;
    const content = gatherDigest(ctx.store, story, {
      since: subscription.digestSince,
      until: clock.now().toISOString(),
    });
    const a = renderDigest(content, { mentionRoleId: null, quiet: true });
    const b = renderDigest(content, { mentionRoleId: '1', quiet: true });
    expect(a.messages[0]!.embeds).toEqual(b.messages[0]!.embeds);
  });
});
