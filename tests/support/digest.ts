import { DiscordAPIError, HTTPError } from 'discord.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Ctx } from '../../src/bot/context.ts';
import { ManualClock } from './clock.ts';
import { defaultConfig, type Config } from '../../src/config.ts';
import { markerOf, type DigestSender } from '../../src/digest/deliver.ts';
import { nextRun } from '../../src/digest/schedule.ts';
import type { Facts, Figure, Quote, TimelineEvent } from '../../src/extract/types.ts';
import { silentLogger } from './log.ts';
import { openStore, type Store, type Subscription } from '../../src/store/index.ts';
import { closeSqlite } from './sqlite.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  // A test's own SQLite connections close before the files they opened are removed.
  closeSqlite();
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A real SQLite file in a fresh temporary folder, a manual clock, and a silent logger. */
export function testCtx(
  start = '2026-03-01T00:00:00.000Z',
  config: Partial<Config> = {},
): {
  ctx: Ctx;
  store: Store;
  clock: ManualClock;
  dir: string;
  dbPath: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-digest-'));
  const dbPath = join(dir, 'dispatch.db');
  const store = openStore(dbPath);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => {
    if (store.open) store.close();
  });
  const clock = new ManualClock(start);
  const ctx: Ctx = {
    store,
    clock,
    instanceId: 'test-process',
    log: silentLogger(),
    config: defaultConfig({ ARTICLES_DIR: join(dir, 'articles'), DATABASE_PATH: dbPath, ...config }),
  };
  return { ctx, store, clock, dir, dbPath };
}

/** Reopens the same database file, as a restarted process would. */
export function reopen(ctx: Ctx, dbPath: string): Ctx {
  if (ctx.store.open) ctx.store.close();
  const store = openStore(dbPath);
  cleanups.push(() => {
    if (store.open) store.close();
  });
  return { ...ctx, store };
}

const span = { start: 0, end: 1 };

export function figure(partial: Partial<Figure> & Pick<Figure, 'min'>): Figure {
  return {
    max: partial.min,
    qualifier: null,
    unit: 'troop',
    state: 'deployed',
    who: 'Russian',
    where: 'Syria',
    source: null,
    sentence: 'A sentence.',
    ...span,
    ...partial,
  };
}

export function quote(partial: Partial<Quote> & Pick<Quote, 'text'>): Quote {
  return {
    kind: 'direct',
    speaker: null,
    role: null,
    verb: 'say',
    sentence: partial.text,
    ...span,
    ...partial,
  };
}

export function event(partial: Partial<TimelineEvent> & Pick<TimelineEvent, 'date' | 'text'>): TimelineEvent {
  return { precision: 'day', approximate: false, ...span, ...partial };
}

/** Stores an article with the facts given (the extractor is not involved), at the clock's current time. */
export function addArticle(
  ctx: Ctx,
  input: {
    story?: string;
    title: string;
    url?: string | null;
    source?: string | null;
    published?: string | null;
    figures?: Figure[];
    quotes?: Quote[];
    timeline?: TimelineEvent[];
  },
): number {
  const now = ctx.clock.now();
  const facts: Facts = {
    summary: [],
    quotes: input.quotes ?? [],
    figures: input.figures ?? [],
    people: [],
    places: [],
    organizations: [],
    timeline: input.timeline ?? [],
  };
  return ctx.store.transaction(() => {
    const story = ctx.store.stories.ensure(
      input.story ?? 'russia-syria-withdrawal',
      'Russia’s withdrawal from Syria',
      now,
    );
    const id = ctx.store.articles.insert(
      {
        storyId: story.id,
        sourceKey: `${input.title}-${now.toISOString()}`,
        url: input.url === undefined ? `https://news.example/${encodeURIComponent(input.title)}` : input.url,
        source: input.source === undefined ? 'Example News' : input.source,
        title: input.title,
        body: 'Body.',
        publishedAt: input.published ?? now.toISOString(),
        contentHash: `${input.title}-${now.getTime()}-${Math.random()}`,
        summary: [],
        extractorVersion: 1,
      },
      now,
    );
    ctx.store.facts.replaceForArticle(id, story.id, facts);
    return id;
  });
}

/** The seed story as the tests use it: one article with a troop figure, a quote and a timeline entry. */
export function seedStory(ctx: Ctx): number {
  return addArticle(ctx, {
    title: 'Russia withdraws its troops from Syria',
    source: 'Seed Wire',
    published: '2016-03-15T00:00:00.000Z',
    figures: [figure({ min: 4000, state: 'deployed', unit: 'personnel', source: 'Pentagon' })],
    quotes: [
      quote({ text: 'The task has been achieved', speaker: 'Vladimir Putin', role: 'Russian President' }),
    ],
    timeline: [event({ date: '2016-03-14', text: 'Putin orders the withdrawal' })],
  });
}

/** The second article: the remaining force is given as 1,000, by a named official. */
export function secondArticle(ctx: Ctx): number {
  return addArticle(ctx, {
    title: 'About 1,000 Russian troops to stay in Syria',
    source: 'Reuters',
    url: 'https://reuters.example/syria-1000',
    published: '2016-03-16T00:00:00.000Z',
    figures: [
      figure({
        min: 1000,
        state: 'deployed',
        unit: 'personnel',
        qualifier: 'about',
        source: 'Vladimir Shamanov',
      }),
    ],
    quotes: [
      quote({
        text: 'A contingent will remain at the bases',
        speaker: 'Vladimir Shamanov',
        role: 'committee head',
      }),
    ],
    timeline: [event({ date: '2016-03-16', text: 'The second group of aircraft leaves' })],
  });
}

/**
 * A subscription whose first digest, its briefing, is behind it (see {@link pastBriefing}), since these tests are
 * about the digests that carry what is new; `{ briefed: false }` gives one whose next digest is its briefing.
 */
export function subscribe(
  ctx: Ctx,
  partial: Partial<
    Pick<Subscription, 'guildId' | 'channelId' | 'cron' | 'timezone' | 'mentionRoleId' | 'quiet'>
  > & { briefed?: boolean } = {},
): Subscription {
  const story = ctx.store.stories.latest()!;
  const created = ctx.store.subscriptions.create(
    {
      guildId: partial.guildId ?? '100000000000000001',
      channelId: partial.channelId ?? '200000000000000001',
      storyId: story.id,
      schedule: partial.cron ?? '0 9 * * *',
      cron: partial.cron ?? '0 9 * * *',
      timezone: partial.timezone ?? 'UTC',
      mentionRoleId: partial.mentionRoleId ?? null,
      quiet: partial.quiet ?? true,
      nextRunAt: nextRun(partial.cron ?? '0 9 * * *', partial.timezone ?? 'UTC', ctx.clock.now()),
    },
    '300000000000000001',
    ctx.clock.now(),
  );
  if (partial.briefed === false) return created;
  pastBriefing(ctx.store, created.id, ctx.clock.now());
  return ctx.store.subscriptions.byId(created.id)!;
}

/**
 * Marks a subscription as having had its first digest (its briefing: the story as it stands) at `at`, without
 * moving its "new since": its next digest carries what is new, as every digest after the first does.
 */
export function pastBriefing(store: Store, subscriptionId: number, at: Date): void {
  const subscription = store.subscriptions.byId(subscriptionId)!;
  store.subscriptions.markDelivered(subscription.id, subscription.digestSince, at, null);
}

/** A posted message as the fake Discord keeps it. */
export interface Posted {
  id: string;
  channelId: string;
  nonce: string | undefined;
  body: Record<string, unknown>;
}

/**
 * An in-memory stand-in for `POST /channels/{id}/messages` with Discord's nonce semantics (the same nonce with
 * enforce_nonce returns the earlier message), scripted failures, and deleted channels.
 */
export class FakeDiscord implements DigestSender {
  readonly posted: Posted[] = [];
  readonly requests: { channelId: string; nonce: string | undefined }[] = [];
  readonly deleted = new Set<string>();
  /** Channels that answer every post with this error (a permission removed, the bot kicked …). */
  readonly broken = new Map<string, unknown>();
  private readonly failures: unknown[] = [];
  /** When true, Discord has forgotten every nonce: its window (a few minutes) has passed. */
  nonceExpired = false;
  // Ids are snowflakes of a moment far after the tests' clocks, so reads `after` a run's start find them.
  private nextId = 1900000000000000000n;

  /** The next `post` calls fail with these errors, in order. */
  failWith(...errors: unknown[]): void {
    this.failures.push(...errors);
  }

  async post(route: `/${string}`, options: { body: unknown }): Promise<unknown> {
    const channelId = /^\/channels\/(\d+)\/messages$/.exec(route)?.[1];
    if (!channelId) throw new Error(`unexpected route ${route}`);
    const body = options.body as Record<string, unknown>;
    const nonce = body.nonce as string | undefined;
    this.requests.push({ channelId, nonce });
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (this.deleted.has(channelId)) throw apiError(10003, 404, 'Unknown Channel');
    if (this.broken.has(channelId)) throw this.broken.get(channelId);
    if (body.enforce_nonce && nonce && !this.nonceExpired) {
      const earlier = this.posted.find((m) => m.channelId === channelId && m.nonce === nonce);
      if (earlier) return { id: earlier.id, channel_id: channelId };
    }
    this.nextId += 1n;
    const message = { id: String(this.nextId), channelId, nonce, body };
    this.posted.push(message);
    return { id: message.id, channel_id: channelId };
  }

  in(channelId: string): Posted[] {
    return this.posted.filter((m) => m.channelId === channelId);
  }

  /** Channels whose history reads return nothing, as Discord does without Read Message History. */
  readonly historyHidden = new Set<string>();
  /** How many times a channel's history was read. */
  historyReads = 0;

  /** `GET /channels/{id}/messages?after&limit`: the `limit` messages right after `after`, newest first. */
  async get(route: `/${string}`, options: { query: URLSearchParams }): Promise<unknown> {
    const channelId = /^\/channels\/(\d+)\/messages$/.exec(route)?.[1];
    if (!channelId) throw new Error(`unexpected route ${route}`);
    this.historyReads += 1;
    if (this.historyHidden.has(channelId)) return [];
    const after = BigInt(options.query.get('after') ?? '0');
    const limit = Number(options.query.get('limit') ?? 50);
    return this.in(channelId)
      .filter((m) => BigInt(m.id) > after)
      .slice(0, limit)
      .reverse()
      .map((m) => ({ id: m.id, channel_id: channelId, ...m.body }));
  }

  /** The posted messages that carry the marker of a digest part, by marker. */
  markers(channelId?: string): string[] {
    return (channelId ? this.in(channelId) : this.posted).map((m) => markerOf(m.body) ?? '');
  }
}

export function apiError(code: number, status: number, message: string): DiscordAPIError {
  return new DiscordAPIError({ code, message }, code, status, 'POST', '/channels/1/messages', { body: {} });
}

export function httpError(status: number): HTTPError {
  return new HTTPError(status, 'Server Error', 'POST', '/channels/1/messages', { body: {} });
}

/** A dropped connection as undici reports it. */
export function droppedConnection(): Error {
  return Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  });
}

/** Every text of a posted digest (content, titles, descriptions), joined: what a reader sees. */
export function textOf(
  messages:
    | { body: Record<string, unknown> }[]
    | { content?: string; embeds: { title?: string; description?: string }[] }[],
): string {
  return messages
    .map((m) =>
      'body' in m ? (m.body as { content?: string; embeds?: { title?: string; description?: string }[] }) : m,
    )
    .flatMap((b) => [
      b.content ?? '',
      ...(b.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '']),
    ])
    .join('\n');
}
