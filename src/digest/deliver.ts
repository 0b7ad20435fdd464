/**
 * Delivering digests so that none is posted twice and none is silently lost.
 *
 * A run is recorded in the store before anything is sent, owned by the process sending it. Each message
 * carries a marker of its run and part (in its first embed's URL, which a reader does not see) and a nonce
 * derived from the subscription and the scheduled time, with `enforce_nonce: true`. When a crash falls between
 * Discord accepting a message and the store saying so, the run is still "recorded" at the next start: recovery
 * reads the channel's messages posted since the run began, takes the parts it finds there by their markers, and
 * sends only the missing ones. That holds however long the outage; Discord's nonce check, which holds for a few
 * minutes only, is the fallback where the bot may not read the channel's history. Temporary failures are
 * retried, each by one layer only ({@link ErrorClass.retry}); permanent ones pause the one subscription,
 * with the reason.
 */
import { createHash } from 'node:crypto';
import {
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  RESTJSONErrorCodes,
  Routes,
  SnowflakeUtil,
} from 'discord.js';
import type { Ctx } from '../bot/context.ts';
import { SYSTEM_ACTOR } from '../store/audit.ts';
import type { DigestRun, Subscription } from '../store/index.ts';
import type { DigestMessage } from '../render/digest.ts';
import { composeDigest, isFirstDigest, type DigestCache } from './compose.ts';

/** The one REST call posting needs; discord.js' `client.rest` is one (and obeys rate-limit headers). */
export interface MessageSender {
  post(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

/** What digest delivery needs: posting, and reading a channel's messages when recovering a run. */
export interface DigestSender extends MessageSender {
  /** `GET /channels/{id}/messages?after=…&limit=…`. */
  get(route: `/${string}`, options: { query: URLSearchParams }): Promise<unknown>;
}

/** Attempts per message for the failures delivery retries (see {@link ErrorClass.retry}). */
const ATTEMPTS = 4;
/** The first retry's delay; doubled per attempt. Waits go through `ctx.clock.sleep`. */
const BACKOFF_MS = 2000;

/** What delivery needs: the context (its clock waits between retries) and a way to post. */
export interface DeliveryDeps {
  ctx: Ctx;
  sender: DigestSender;
  /** Shared reads for subscriptions of the same story due at the same minute. */
  cache?: DigestCache;
  /**
   * Whether the bot may read the channel's message history (Read Message History), from the client's cache;
   * undefined when unknown. Without it Discord returns no messages at all, so recovery must not read an empty
   * answer as "nothing was posted": it falls back to the nonce.
   */
  canReadHistory?(channelId: string): boolean | undefined;
  /**
   * The process stopping: `signal` aborts when the stop begins, and `deadline()` (ms since the epoch) is when it
   * must be done. A retry that would wait past the deadline is not waited for: the run stays recorded and
   * recovery finishes it.
   */
  stopping?: { signal: AbortSignal; deadline(): number };
}

/** How one run ended. */
export type RunOutcome =
  | { status: 'sent'; runId: number; messageIds: string[] }
  | { status: 'skipped'; runId?: number; reason: string }
  | { status: 'duplicate'; reason: string }
  | { status: 'failed'; runId: number; error: string }
  | { status: 'paused'; runId: number; error: string }
  | { status: 'interrupted'; runId: number; reason: string };

/**
 * The nonce of a run: derived from the subscription and the scheduled time only, so a restart computes the
 * same one. Discord allows 25 characters; this is 22 hex digits, leaving room for the part suffix.
 */
export function runNonce(subscriptionId: number, scheduledFor: string): string {
  return createHash('sha256').update(`${subscriptionId}|${scheduledFor}`).digest('hex').slice(0, 22);
}

/** The nonce of message `part` of a run (a long digest is several messages): at most 25 characters. */
export function partNonce(nonce: string, part: number): string {
  return `${nonce}.${part.toString(36)}`.slice(0, 25);
}

/** What precedes the part nonce in the URL of a digest message's first embed. */
const MARKER = '#dispatch-digest-';

/**
 * Marks message `part` of a run, so recovery can recognise it in the channel: the first embed's URL becomes a
 * link to the channel itself whose fragment names the run and part. Discord shows an embed's URL only as the
 * link of its title, which then opens the channel the reader is already in.
 */
export function markMessage(
  message: DigestMessage,
  subscription: Pick<Subscription, 'guildId' | 'channelId'>,
  nonce: string,
  part: number,
): DigestMessage {
  const [first, ...rest] = message.embeds;
  if (!first) return message;
  const url = `https://discord.com/channels/${subscription.guildId}/${subscription.channelId}${MARKER}${partNonce(nonce, part)}`;
  return { ...message, embeds: [{ ...first, url }, ...rest] };
}

/** The part nonce a channel message is marked with, if it is a digest message. */
export function markerOf(message: unknown): string | undefined {
  const url = (message as { embeds?: { url?: unknown }[] } | null)?.embeds?.[0]?.url;
  if (typeof url !== 'string') return undefined;
  const at = url.indexOf(MARKER);
  return at === -1 ? undefined : url.slice(at + MARKER.length);
}

/** Discord error codes that mean the subscription cannot work until someone acts. */
const PERMANENT: Partial<Record<RESTJSONErrorCodes, string>> = {
  [RESTJSONErrorCodes.UnknownChannel]: 'the channel no longer exists (Discord: Unknown Channel)',
  [RESTJSONErrorCodes.UnknownGuild]: 'Dispatch is no longer in this server (Discord: Unknown Guild)',
  [RESTJSONErrorCodes.MissingAccess]:
    'Dispatch cannot see the channel (Discord: Missing Access); give it View Channel',
  [RESTJSONErrorCodes.MissingPermissions]:
    'Dispatch may not post there (Discord: Missing Permissions); give it View Channel, Send Messages and Embed Links',
};

/** How a failed send is handled. */
export interface ErrorClass {
  /** Retry later (temporary), pause the subscription (permanent), or give this run up (rejected). */
  kind: 'temporary' | 'permanent' | 'rejected';
  /**
   * Whether delivery retries it within the run. One layer retries each failure: @discordjs/rest already
   * retried 5xx answers, timeouts and resets (3 times) and waited out 429s before the error reached us, so
   * those are not retried again; delivery retries, with backoff and a record per attempt, only what
   * @discordjs/rest gives up on at once: a refused or dropped connection, a failed DNS lookup.
   */
  retry: boolean;
  reason: string;
}

/** The undici/Node code of a network failure, on the error or (for fetch's "fetch failed") on its cause. */
function networkCode(error: unknown): string | undefined {
  for (const candidate of [error, (error as { cause?: unknown } | null)?.cause]) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Sorts a failed send by what discord.js threw: retry it, pause the subscription, or give this run up. */
export function classifyError(error: unknown): ErrorClass {
  if (error instanceof DiscordAPIError) {
    const permanent =
      typeof error.code === 'number' ? PERMANENT[error.code as RESTJSONErrorCodes] : undefined;
    if (permanent) return { kind: 'permanent', retry: false, reason: permanent };
    if (error.status === 403)
      return { kind: 'permanent', retry: false, reason: `Discord refused access (403): ${error.message}` };
    if (error.status === 404) {
      return {
        kind: 'permanent',
        retry: false,
        reason: `Discord does not know the channel (404): ${error.message}`,
      };
    }
    if (error.status === 429)
      return { kind: 'temporary', retry: false, reason: `Discord answered 429: ${error.message}` };
    return {
      kind: 'rejected',
      retry: false,
      reason: `Discord rejected the digest (${error.status}): ${error.message}`,
    };
  }
  if (error instanceof HTTPError)
    return { kind: 'temporary', retry: false, reason: `Discord answered ${error.status}: ${error.message}` };
  // discord.js throws this only where Dispatch asked it not to sleep on a 429 itself (a digest post, or a wait
  // past the shutdown deadline: see src/scheduler): delivery waits the Retry-After in its own loop, which a
  // stop can cut short, so this is still one retry layer.
  if (error instanceof RateLimitError || (error instanceof Error && error.name === 'RateLimitError')) {
    const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
    return { kind: 'temporary', retry: true, reason: `rate limited for ${String(retryAfter)} ms` };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'AbortError')
    return { kind: 'temporary', retry: false, reason: `Discord did not answer in time: ${message}` };
  const code = networkCode(error);
  if (code !== undefined) {
    // @discordjs/rest retries a reset itself; every other connection failure reaches us on the first try.
    return {
      kind: 'temporary',
      retry: code !== 'ECONNRESET',
      reason: `connection failed (${code}): ${message}`,
    };
  }
  return { kind: 'temporary', retry: false, reason: `send failed: ${message}` };
}

/** Pauses a subscription that cannot be delivered to, says why in the store and the audit log. */
export function pauseForError(
  ctx: Ctx,
  subscription: Subscription,
  reason: string,
): Subscription | undefined {
  const now = ctx.clock.now();
  const paused = ctx.store.transaction(() => {
    const updated = ctx.store.subscriptions.pause(subscription.id, reason, now);
    ctx.store.subscriptions.markError(subscription.id, reason, now);
    ctx.store.audit.add(
      {
        guildId: subscription.guildId,
        actorId: SYSTEM_ACTOR,
        action: 'digest.auto-pause',
        subscriptionId: subscription.id,
        before: { paused: subscription.paused, pauseReason: subscription.pauseReason },
        after: { paused: true, pauseReason: reason },
      },
      now,
    );
    return updated;
  });
  ctx.log.warn({ subscriptionId: subscription.id, guildId: subscription.guildId, reason }, 'digest paused');
  return paused;
}

type PostResult =
  { id: string } | { error: string; kind: 'temporary' | 'permanent' | 'rejected' } | { interrupted: string };

async function postWithRetry(
  deps: DeliveryDeps,
  channelId: string,
  run: DigestRun,
  body: object,
): Promise<PostResult> {
  const { ctx } = deps;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = (await deps.sender.post(Routes.channelMessages(channelId), { body })) as {
        id?: unknown;
      };
      ctx.store.digestRuns.attempt(run.id, null, ctx.clock.now());
      if (typeof response?.id !== 'string')
        return { error: 'Discord returned no message id', kind: 'rejected' };
      return { id: response.id };
    } catch (error) {
      const { kind, retry, reason } = classifyError(error);
      ctx.store.digestRuns.attempt(run.id, reason, ctx.clock.now());
      if (!retry || attempt >= ATTEMPTS) return { error: reason, kind };
      // A 429 discord.js passed on says how long Discord wants: never retry sooner.
      const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
      const delay = Math.max(
        BACKOFF_MS * 2 ** (attempt - 1),
        typeof retryAfter === 'number' ? retryAfter : 0,
      );
      ctx.log.warn(
        { subscriptionId: run.subscriptionId, runId: run.id, attempt, delay, reason },
        'digest retry',
      );
      if (!(await waitToRetry(deps, delay))) {
        return { interrupted: `Dispatch is stopping and would have waited ${delay} ms to retry (${reason})` };
      }
    }
  }
}

/**
 * Waits `delay` ms before a retry; false when the process is stopping and the wait would end past its deadline
 * (checked again when the stop begins mid-wait): then the caller gives up and leaves the run to recovery.
 */
async function waitToRetry(deps: DeliveryDeps, delay: number): Promise<boolean> {
  const { stopping, ctx } = deps;
  const until = Date.now() + delay;
  const tooLong = () => stopping !== undefined && stopping.signal.aborted && until > stopping.deadline();
  if (tooLong()) return false;
  await ctx.clock.sleep(delay, stopping?.signal);
  if (tooLong()) return false;
  // The stop woke the sleep early, but the rest of the wait fits in the budget: wait it out.
  const rest = until - Date.now();
  if (rest > 0 && stopping?.signal.aborted) await ctx.clock.sleep(rest);
  return true;
}

/**
 * Sends the messages of a recorded run that Discord has not accepted yet, each with its nonce, then marks the
 * run sent and moves the subscription's "new since" to `newSince`: the run's end, or where its digest stopped
 * counting when more articles were new than it could show. Never throws for a Discord failure.
 */
export async function sendRun(
  deps: DeliveryDeps,
  subscription: Subscription,
  run: DigestRun,
  messages: DigestMessage[],
  newSince: string,
): Promise<RunOutcome> {
  const { ctx } = deps;
  const log = ctx.log.child({ subscriptionId: subscription.id, guildId: subscription.guildId });
  const ids = [...run.messageIds];
  for (let part = ids.length; part < messages.length; part += 1) {
    if (!stillOwned(ctx, run.id)) {
      log.warn({ runId: run.id, part }, 'another process took this digest over; leaving it to that process');
      return { status: 'interrupted', runId: run.id, reason: 'another process took it over' };
    }
    const body = {
      ...markMessage(messages[part]!, subscription, run.nonce, part),
      nonce: partNonce(run.nonce, part),
      enforce_nonce: true,
    };
    const result = await postWithRetry(deps, subscription.channelId, run, body);
    if ('interrupted' in result) {
      log.warn({ runId: run.id, part }, 'digest interrupted; recovery will finish it');
      return { status: 'interrupted', runId: run.id, reason: result.interrupted };
    }
    if ('error' in result) {
      const now = ctx.clock.now();
      ctx.store.digestRuns.markFailed(run.id, result.error, now);
      if (result.kind === 'permanent') {
        pauseForError(ctx, subscription, result.error);
        return { status: 'paused', runId: run.id, error: result.error };
      }
      // The subscription's "new since" does not move: the next digest carries what this one would have.
      ctx.store.subscriptions.markError(
        subscription.id,
        `${result.error} (the next digest will include this one)`,
        now,
      );
      log.error({ runId: run.id, error: result.error }, 'digest not delivered');
      return { status: 'failed', runId: run.id, error: result.error };
    }
    ctx.store.digestRuns.addMessage(run.id, result.id, ctx.clock.now());
    ids.push(result.id);
  }
  const now = ctx.clock.now();
  ctx.store.transaction(() => {
    ctx.store.digestRuns.markSent(run.id, now);
    ctx.store.subscriptions.markDelivered(subscription.id, newSince, now, ids[0] ?? null);
  });
  log.info({ runId: run.id, scheduledFor: run.scheduledFor, messages: ids.length }, 'digest sent');
  return { status: 'sent', runId: run.id, messageIds: ids };
}

/**
 * Whether this process may send the next part of a run: it renews its own instance lease and claims the run again,
 * in one transaction, before each part. A process that stalled past its lease (a suspended laptop, a machine
 * starved of CPU) may find that another process has taken the run over and is finishing it from the channel; it
 * then stops instead of sending the same parts a second time. Renewing first keeps the run its own while it sends.
 */
function stillOwned(ctx: DeliveryDeps['ctx'], runId: number): boolean {
  const now = ctx.clock.now();
  const until = new Date(now.getTime() + ctx.config.SCHEDULER_LEASE_SECONDS * 1000);
  return ctx.store.transaction(() => {
    ctx.store.leases.take(`instance:${ctx.instanceId}`, ctx.instanceId, now, until);
    return ctx.store.digestRuns.claim(runId, ctx.instanceId, now) !== undefined;
  });
}

/**
 * Runs one occurrence of a subscription: composes what is new up to now (or, for its first digest, its
 * briefing), records the run (unless nothing is new and the subscription is quiet: then it is recorded as
 * skipped), and sends it. An occurrence already
 * recorded, by this process or an earlier one, is not sent again.
 */
export async function runOccurrence(
  deps: DeliveryDeps,
  subscription: Subscription,
  scheduledFor: Date,
  kind: DigestRun['kind'] = 'scheduled',
): Promise<RunOutcome> {
  const { ctx } = deps;
  const now = ctx.clock.now();
  const iso = scheduledFor.toISOString();
  // A scheduled run reports what arrived up to its scheduled time (news after it waits for the next digest), so
  // every subscription due at the same minute with the same "since" shares one read of the store. A run caught
  // up late, or asked for by hand, reports everything up to now.
  const onTime =
    kind === 'scheduled' && now.getTime() - scheduledFor.getTime() <= 60_000 && scheduledFor <= now;
  const window = { since: subscription.digestSince, until: (onTime ? scheduledFor : now).toISOString() };
  const input = {
    subscriptionId: subscription.id,
    scheduledFor: iso,
    kind,
    nonce: runNonce(subscription.id, iso),
    contentSince: window.since,
    contentUntil: window.until,
  };
  if (ctx.store.digestRuns.byOccurrence(subscription.id, iso)) {
    return { status: 'duplicate', reason: `the run of ${iso} is already recorded` };
  }
  // A digest asked for by hand always posts something, even "nothing new": the moderator is watching for it.
  const options = kind === 'manual' ? { ...subscription, quiet: false } : subscription;
  // Articles are also written by other connections (the extraction pool's workers, an `npm run ingest` next to
  // the bot), each stamped with its time inside its own transaction. One stamped up to `until` but not committed
  // yet would be missed by this read and, being older than the next window's start, by every later digest.
  // Taking the write lock once, empty, waits for such a transaction to commit; any later one is stamped after now.
  ctx.store.transaction(() => {});
  // The first digest delivered to a subscription is its briefing, the story as it stands, even when quiet.
  const composed = composeDigest(
    ctx.store,
    options,
    window,
    kind === 'manual' ? undefined : deps.cache,
    isFirstDigest(subscription),
  );
  if (!composed || composed.messages.length === 0) {
    const reason = composed ? 'nothing new' : 'the story no longer exists';
    const run = ctx.store.digestRuns.skip(input, reason, now);
    return { status: 'skipped', reason, ...(run ? { runId: run.id } : {}) };
  }
  const run = ctx.store.digestRuns.record(input, ctx.instanceId, now);
  if (!run) {
    return ctx.store.digestRuns.inProgress(subscription.id)
      ? { status: 'duplicate', reason: 'a digest of this subscription is being sent' }
      : { status: 'duplicate', reason: `the run of ${iso} is already recorded` };
  }
  try {
    return await sendRun(deps, subscription, run, composed.messages, composed.until);
  } finally {
    // Unless it finished, the run is let go of, so recovery takes it at once rather than after a lease expires.
    ctx.store.digestRuns.release(run.id, ctx.instanceId);
  }
}

/**
 * Learns which parts of a run Discord already has by reading the channel's messages posted since the run was
 * recorded (a minute earlier, for clock skew) and matching their markers. Returns part -> message id, or
 * undefined when the history cannot be read (no Read Message History, or the read failed): then the nonces
 * are all that stands between a resend and a duplicate.
 */
async function partsInChannel(
  deps: DeliveryDeps,
  subscription: Subscription,
  run: DigestRun,
  parts: number,
): Promise<Map<number, string> | undefined> {
  const { ctx } = deps;
  const log = ctx.log.child({
    subscriptionId: subscription.id,
    guildId: subscription.guildId,
    runId: run.id,
  });
  if (deps.canReadHistory?.(subscription.channelId) === false) {
    log.warn('cannot read the channel history (Read Message History); relying on the nonce');
    return undefined;
  }
  const wanted = new Map(Array.from({ length: parts }, (_, part) => [partNonce(run.nonce, part), part]));
  const found = new Map<number, string>();
  let after = String(SnowflakeUtil.generate({ timestamp: Date.parse(run.createdAt) - 60_000 }));
  try {
    // Discord returns at most 100 messages a page; 20 pages is 2,000 messages since the run began.
    for (let page = 0; page < 20; page += 1) {
      const query = new URLSearchParams({ after, limit: '100' });
      const batch = await deps.sender.get(Routes.channelMessages(subscription.channelId), { query });
      if (!Array.isArray(batch)) break;
      for (const message of batch as { id: string }[]) {
        const part = wanted.get(markerOf(message) ?? '');
        if (part !== undefined && !found.has(part)) found.set(part, message.id);
        if (BigInt(message.id) > BigInt(after)) after = message.id;
      }
      if (batch.length < 100 || found.size === parts) break;
    }
  } catch (error) {
    log.warn({ err: error }, 'could not read the channel history; relying on the nonce');
    return undefined;
  }
  log.info({ parts, found: found.size }, 'recovery read the channel');
  return found;
}

/**
 * Finishes a run left "recorded" by a crash, a restart or an error: composes the same window again, learns from
 * the channel which parts Discord already has, and sends only the others, with the same nonces.
 */
export async function resumeRun(deps: DeliveryDeps, run: DigestRun): Promise<RunOutcome> {
  const { ctx } = deps;
  const now = ctx.clock.now();
  const subscription = ctx.store.subscriptions.byId(run.subscriptionId);
  if (!subscription || subscription.paused) {
    const reason = 'the subscription was paused or removed before this digest was sent';
    ctx.store.digestRuns.markSkipped(run.id, reason, now);
    return { status: 'skipped', runId: run.id, reason };
  }
  const options = run.kind === 'manual' ? { ...subscription, quiet: false } : subscription;
  // Nothing is marked delivered before every part of a run is sent, so the run is still the subscription's first
  // (its briefing) exactly when it was when it was recorded.
  const composed = composeDigest(
    ctx.store,
    options,
    { since: run.contentSince, until: run.contentUntil },
    undefined,
    isFirstDigest(subscription),
  );
  if (!composed || (composed.messages.length === 0 && run.messageIds.length === 0)) {
    const reason = composed ? 'nothing new' : 'the story no longer exists';
    ctx.store.digestRuns.markSkipped(run.id, reason, now);
    return { status: 'skipped', runId: run.id, reason };
  }
  ctx.log.info(
    { subscriptionId: subscription.id, guildId: subscription.guildId, runId: run.id },
    'resuming digest',
  );
  try {
    let known = run;
    if (run.messageIds.length < composed.messages.length) {
      const found = await partsInChannel(deps, subscription, run, composed.messages.length);
      // Parts are sent in order, so those found right after the stored ones are what the crash did not store.
      for (let part = run.messageIds.length; found?.has(part); part += 1) {
        ctx.store.digestRuns.addMessage(run.id, found.get(part)!, ctx.clock.now());
        known = { ...known, messageIds: [...known.messageIds, found.get(part)!] };
      }
    }
    return await sendRun(deps, subscription, known, composed.messages, composed.until);
  } finally {
    ctx.store.digestRuns.release(run.id, ctx.instanceId);
  }
}
