/**
 * `npm run bench:digest`: 10,000 guild subscriptions of the seed story, all due at the same minute.
 *
 * 1. Composes every digest (real SQLite file in a temporary folder, the seed story plus a second article) and
 *    reports the time; the target is under 2 s.
 * 2. Delivers a sample through the real discord.js REST client to a loopback HTTP endpoint that answers
 *    `POST /channels/{id}/messages` with the loopback Discord's rate limiter (Discord's numbers: 50 requests/s
 *    globally, 5 messages per 5 s per channel), and reports the pace and how many 429s were served. 10,000
 *    deliveries at Discord's global 50/s would take 200 s, so a sample of BENCH_DELIVER (default 1,000)
 *    subscriptions across as many channels is delivered; the output says so.
 */
import { REST } from 'discord.js';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Ctx } from '../src/bot/context.ts';
import { ManualClock } from '../src/clock.ts';
import { defaultConfig } from '../src/config.ts';
import { composeDigest, type DigestCache } from '../src/digest/compose.ts';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { silentLogger } from '../src/log.ts';
import { RateLimiter } from '../src/sandbox/discord/ratelimit.ts';
import { digestJobDeps, digestTick } from '../src/scheduler/digests.ts';
import { openStore } from '../src/store/index.ts';

const SUBSCRIPTIONS = 10_000;
const DELIVER = Number(process.argv[2] ?? 1_000);
const out = (line: string) => process.stdout.write(`${line}\n`);

const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-digest-'));
try {
  const store = openStore(join(dir, 'dispatch.db'));
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  const log = silentLogger();
  const ctx: Ctx = {
    db: store,
    clock,
    log,
    config: defaultConfig({ DATABASE_PATH: join(dir, 'dispatch.db') }),
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

  // 2. Deliver a sample through discord.js REST to a rate-limited loopback endpoint.
  const limiter = new RateLimiter();
  let served429 = 0;
  let accepted = 0;
  let nextId = 900_000_000_000_000_000n;
  const byNonce = new Map<string, string>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const match = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"message":"404: Not Found","code":0}');
        return;
      }
      const decision = limiter.take(
        { name: 'channelMessages', route: 'POST /channels/:id/messages', major: match[1]! },
        true,
      );
      if (decision.limited) {
        served429 += 1;
        const retry = decision.limited.retryAfterMs / 1000;
        res
          .writeHead(429, {
            ...decision.headers,
            'content-type': 'application/json',
            'retry-after': String(Math.ceil(retry)),
          })
          .end(
            JSON.stringify({
              message: 'You are being rate limited.',
              retry_after: retry,
              global: decision.limited.global,
            }),
          );
        return;
      }
      const body = JSON.parse(raw) as { nonce?: string };
      const earlier = body.nonce ? byNonce.get(`${match[1]}|${body.nonce}`) : undefined;
      nextId += 1n;
      const id = earlier ?? String(nextId);
      if (!earlier) {
        accepted += 1;
        if (body.nonce) byNonce.set(`${match[1]}|${body.nonce}`, id);
      }
      res
        .writeHead(200, { ...decision.headers, 'content-type': 'application/json' })
        .end(JSON.stringify({ id, channel_id: match[1], content: '', embeds: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const rest = new REST({ api: `http://127.0.0.1:${port}/api`, version: '10' }).setToken(
    'bench.token.for.loopback.discord',
  );
  let restRateLimited = 0;
  rest.on('rateLimited', () => (restRateLimited += 1));

  // Only the sample stays active; the rest are paused so the tick leaves them alone.
  const sample = subscriptions.slice(0, Math.min(DELIVER, subscriptions.length));
  store.transaction(() => {
    for (const subscription of subscriptions.slice(sample.length))
      store.subscriptions.pause(subscription.id, 'bench', clock.now());
  });
  const started = performance.now();
  await digestTick(digestJobDeps({ ctx, sender: rest, concurrency: 200 }));
  const seconds = (performance.now() - started) / 1000;
  const sent = store.db.prepare("SELECT count(*) AS n FROM digest_runs WHERE state = 'sent'").get() as {
    n: number;
  };
  out(
    `delivered a sample of ${sample.length} of the ${subscriptions.length} digests (10,000 at Discord's global ` +
      `50 requests/s would take ~200 s), one channel each, through discord.js REST:`,
  );
  out(
    `  ${sent.n} runs sent, ${accepted} messages accepted in ${seconds.toFixed(1)} s = ${(accepted / seconds).toFixed(1)} ` +
      `messages/s (Discord's global limit: 50/s)`,
  );
  out(
    `  429 responses served by the loopback: ${served429}; rate-limit waits discord.js reported: ${restRateLimited}`,
  );

  // A restart re-sending every run with the same nonces posts nothing new.
  store.db
    .prepare("UPDATE digest_runs SET state = 'recorded', message_ids = '[]' WHERE state = 'sent'")
    .run();
  const before = accepted;
  const { recoverRuns } = await import('../src/scheduler/digests.ts');
  await recoverRuns(digestJobDeps({ ctx, sender: rest, concurrency: 200 }));
  out(
    `  re-sent all ${sent.n} runs with their nonces (a simulated crash before "sent"): ${accepted - before} new messages`,
  );
  server.close();
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
