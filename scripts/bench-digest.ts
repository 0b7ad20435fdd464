/**
 * `npm run bench:digest`: 10,000 guild subscriptions of the seed story, all due at the same minute.
 *
 * 1. Composes every digest (real SQLite file in a temporary folder, the seed story plus a second article) and
 *    reports the time; the target is under 2 s.
 * 2. Delivers a sample through the real discord.js REST client (the one `client.rest` is) to the full loopback
 *    Discord (`startLoopbackDiscord` with its default rate limits, Discord's numbers: 50 requests/s globally,
 *    5 messages per 5 s per channel), one guild and #news channel per subscription, and reports the pace, the
 *    429s the loopback served, and that every run was delivered. 10,000 deliveries at Discord's global 50/s
 *    would take 200 s, so a sample of `npm run bench:digest -- N` (default 1,000) subscriptions is delivered;
 *    the output says so.
 */
import { REST } from 'discord.js';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Ctx } from '../src/bot/context.ts';
import { ManualClock } from '../tests/support/clock.ts';
import { defaultConfig } from '../src/config.ts';
import { composeDigest, type DigestCache } from '../src/digest/compose.ts';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { silentLogger } from '../tests/support/log.ts';
import { startLoopbackDiscord } from '@dispatch/loopback-discord';
import { digestJobDeps, recoverRuns, runDueDigests } from '../src/digest/jobs.ts';
import { openStore } from '../src/store/index.ts';
import { sqlite } from '../tests/support/sqlite.ts';

const SUBSCRIPTIONS = 10_000;
const DELIVER = Number(process.argv[2] ?? 1_000);
const out = (line: string) => process.stdout.write(`${line}\n`);

const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-digest-'));
try {
  const store = openStore(join(dir, 'dispatch.db'));
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  const log = silentLogger();
  const ctx: Ctx = {
    store,
    clock,
    log,
    config: defaultConfig({ DATABASE_PATH: join(dir, 'dispatch.db') }),
    instanceId: 'bench',
  };
  const ingest = { store, clock, log, maxArticleBytes: 1024 * 1024 };
  await ingestPaths(ingest, ['data/articles']);
  const story = store.stories.latest();
  if (!story) throw new Error('the seed story is missing: data/articles must hold the seed article');

  store.transaction(() => {
    for (let i = 0; i < SUBSCRIPTIONS; i += 1) {
      store.subscriptions.create(
        {
          guildId: String(100_000_000_000_000_000n + BigInt(i)),
          channelId: String(200_000_000_000_000_000n + BigInt(i)),
          storyId: story.id,
          schedule: 'daily 09:00',
          cron: '0 9 * * *',
          timezone: 'UTC',
          mentionRoleId: i % 3 === 0 ? String(300_000_000_000_000_000n + BigInt(i)) : null,
          quiet: true,
          nextRunAt: new Date('2026-03-02T09:00:00.000Z'),
        },
        '400000000000000000',
        clock.now(),
      );
    }
  });
  clock.advance(60_000);
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  writeFileSync(
    join(articles, 'second.txt'),
    '---\ntitle: About 1,000 Russian troops to remain in Syria\nstory: russia-syria-withdrawal\npublished: 2016-03-16\n' +
      'source: Reuters\nurl: https://example.com/syria-1000\n---\n\n' +
      'About 1,000 Russian military personnel will remain in Syria, Vladimir Shamanov, the head of the defense ' +
      'committee of the State Duma, said on Wednesday. "The contingent will stay at the bases," he said.\n',
  );
  await ingestPaths(ingest, [articles]);
  clock.set('2026-03-02T09:00:00.000Z');

  // 1. Compose every digest due at 09:00, as one tick does (subscriptions of the story share one read).
  const subscriptions = store.subscriptions.active();
  const until = clock.now().toISOString();
  const compose = (cache: DigestCache | undefined) => {
    const started = performance.now();
    let messages = 0;
    for (const subscription of subscriptions) {
      const digest = composeDigest(store, subscription, { since: subscription.digestSince, until }, cache);
      messages += digest?.messages.length ?? 0;
    }
    return { ms: performance.now() - started, messages };
  };
  compose(new Map()); // warm-up: prepared statements, JIT
  const shared = compose(new Map());
  const unshared = compose(undefined);
  out(`subscriptions due at 09:00: ${subscriptions.length}`);
  out(
    `compose all ${subscriptions.length} digests (one tick, shared reads): ${shared.ms.toFixed(0)} ms ` +
      `(${shared.messages} messages; target < 2000 ms) ${shared.ms < 2000 ? 'OK' : 'OVER TARGET'}`,
  );
  out(
    `compose all ${subscriptions.length} digests (each reading the store on its own): ${unshared.ms.toFixed(0)} ms`,
  );

  // The whole tick without the network: compose, record each run, "send" to a sender that answers at once, mark
  // it sent. Then the runs are forgotten again, so the delivery below starts from the same state.
  let instantId = 0;
  const instant = {
    post: () => Promise.resolve({ id: String((instantId += 1)) }),
    get: () => Promise.resolve([]),
  };
  const tickStarted = performance.now();
  await runDueDigests(digestJobDeps({ ctx, sender: instant, concurrency: 200 }));
  const tickMs = performance.now() - tickStarted;
  out(
    `one full tick of all ${subscriptions.length} (compose, record, send to an instant sender, mark sent): ` +
      `${tickMs.toFixed(0)} ms, ${instantId} messages`,
  );
  store.transaction(() => {
    sqlite(store).prepare('DELETE FROM digest_runs').run();
    const reset = sqlite(store).prepare(
      `UPDATE digest_subscriptions SET digest_since = ?, last_delivery_at = NULL, last_message_id = NULL,
         next_run_at = '2026-03-02T09:00:00.000Z' WHERE id = ?`,
    );
    for (const subscription of subscriptions) reset.run(subscription.digestSince, subscription.id);
  });

  // 2. Deliver a sample through discord.js REST to the full loopback Discord, default rate limits.
  const discord = await startLoopbackDiscord();
  const sample = subscriptions.slice(0, Math.min(DELIVER, subscriptions.length));
  const guilds = sample.map((_, i) => discord.state.createGuild({ name: `Bench ${i}` }));
  store.transaction(() => {
    const move = sqlite(store).prepare(
      'UPDATE digest_subscriptions SET guild_id = ?, channel_id = ?, mention_role_id = ? WHERE id = ?',
    );
    sample.forEach((subscription, i) => {
      const guild = guilds[i]!;
      move.run(
        guild.id,
        guild.news.id,
        subscription.mentionRoleId ? guild.roles.moderator : null,
        subscription.id,
      );
    });
    // Only the sample stays active; the rest are paused so the tick leaves them alone.
    for (const subscription of subscriptions.slice(sample.length))
      store.subscriptions.pause(subscription.id, 'bench', clock.now());
  });
  const rest = new REST({ api: discord.restUrl }).setToken(discord.token);
  let restRateLimited = 0;
  rest.on('rateLimited', () => (restRateLimited += 1));
  const deliver = (run: typeof runDueDigests | typeof recoverRuns) =>
    run(digestJobDeps({ ctx, sender: rest, concurrency: 200 }));

  const started = performance.now();
  await deliver(runDueDigests);
  const seconds = (performance.now() - started) / 1000;
  const runs = (state: string) =>
    (
      sqlite(store).prepare('SELECT count(*) AS n FROM digest_runs WHERE state = ?').get(state) as {
        n: number;
      }
    ).n;
  const sent = runs('sent');
  const posted = guilds.reduce((n, guild) => n + discord.channelMessages(guild.news.id).length, 0);
  const served429 = discord.stats.rateLimitedByLimiter;
  out(
    `delivered a sample of ${sample.length} of the ${subscriptions.length} digests (10,000 at Discord's global ` +
      `50 requests/s would take ~200 s), one guild and channel each, through discord.js REST to the loopback Discord:`,
  );
  out(
    `  ${sent} of ${sample.length} runs sent (${runs('failed')} failed, ${runs('recorded')} left recorded), ` +
      `${posted} messages posted in ${seconds.toFixed(1)} s = ${(posted / seconds).toFixed(1)} messages/s ` +
      `(Discord's global limit: 50/s)`,
  );
  out(
    `  429s the loopback's rate limiter served: ${served429} (global: ${discord.stats.rateLimitedGlobal}); ` +
      `times discord.js waited for a rate-limit window itself: ${restRateLimited}; unhandled 429s (runs not delivered): ` +
      `${sample.length - sent}`,
  );
  out(
    `  schema violations: ${discord.violations.length}; messages without allowed_mentions: ` +
      `${discord.mentionViolations.length}`,
  );

  // A restart re-sending every run with the same nonces: the loopback returns the earlier messages.
  sqlite(store)
    .prepare("UPDATE digest_runs SET state = 'recorded', message_ids = '[]' WHERE state = 'sent'")
    .run();
  const resend = performance.now();
  await deliver(recoverRuns);
  const after = guilds.reduce((n, guild) => n + discord.channelMessages(guild.news.id).length, 0);
  out(
    `  re-sent all ${sent} runs with their nonces (a simulated crash before "sent") in ` +
      `${((performance.now() - resend) / 1000).toFixed(1)} s: ${after - posted} new messages, ` +
      `${discord.stats.nonceDeduplicated} answered from the nonce cache, ${runs('sent')} runs sent`,
  );
  await discord.close();
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
