/**
 * The cron disagreement matrix (issue 11, item 2): 20 schedules x 8 timezones = 160 subscriptions, driven by
 * the scheduler tick's digest step minute by minute over a simulated year on a manual clock. For each one,
 * what `/config show` says is the next run must be exactly when the tick fires it: every run the tick records
 * is the occurrence shown, recorded in the first tick at or after it, and no shown occurrence passes unrun.
 * The schedules include both day-of-month and day-of-week set (where node-cron and cron-parser used to
 * disagree) and local times inside the spring-forward gap and the fall-back overlap.
 */
import { PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import config from '../../commands/config/index.ts';
import type { Ctx } from '../../src/bot/context.ts';
import { digestJobDeps, runDueDigests } from '../../src/digest/jobs.ts';
import { nextRun, parseSchedule } from '../../src/digest/schedule.ts';
import { FakeDiscord, seedStory, testCtx } from '../support/digest.ts';
import { sqlite } from '../support/sqlite.ts';

const SCHEDULES = [
  '0 9 13 * 5', // day-of-month and day-of-week: any 13th or any Friday
  '0 9 1 * 1', // the 1st or any Monday
  '30 8 1-7 * 1', // the first week or any Monday
  '0 12 15 * 0,6', // the 15th or any weekend day
  '0 12 1,15 * 3', // the 1st, the 15th or any Wednesday
  '0 9 13 * *',
  '0 9 * * 5',
  '30 2 * * 0', // Sundays, inside the spring-forward gap of North America and Europe
  '30 1 * * 0', // Sundays, inside the fall-back overlap of North America and the UK
  '0 2 * * 0', // Sundays 02:00, when North America changes its clocks
  '59 1 * * 0',
  '0 3 * * 0', // Sundays 03:00, when Europe and Sydney change theirs
  '45 2 * * 0', // Chatham springs forward from 02:45
  '45 3 * * 0', // and falls back from 03:45
  '20 3 * 3,4,10 *', // every day of the months of the changes
  '0 9 * * 1',
  '0 0 1 * *',
  '10 10 10 10 *',
  'weekly fri 17:30',
  '0 0 * * 1,4',
] as const;

const TIMEZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Europe/London',
  'Australia/Sydney', // southern hemisphere: clocks change in April and October
  'America/St_Johns', // UTC-3:30 with daylight saving
  'Pacific/Chatham', // UTC+12:45 with daylight saving
  'Asia/Kolkata', // UTC+5:30, no daylight saving
] as const;

const START = Date.parse('2026-01-01T00:00:00.000Z');
const END = Date.parse('2027-01-01T00:00:00.000Z');
const MINUTE = 60_000;

/** `/config show` as a moderator of `guildId` sees it: the unix time of each digest's next run, in order. */
async function shownNextRuns(ctx: Ctx, guildId: string): Promise<number[]> {
  const replies: { embeds?: { description?: string }[] }[] = [];
  const fake = {
    guildId,
    user: { id: '300000000000000001' },
    deferred: false,
    replied: false,
    inGuild: () => true,
    memberPermissions: new PermissionsBitField(PermissionsBitField.All),
    guild: { channels: { cache: new Map() }, members: { me: { id: 'bot' } } },
    options: {
      getSubcommandGroup: () => null,
      getSubcommand: () => 'show',
      getString: () => null,
      getBoolean: () => null,
      getInteger: () => null,
    },
    reply: async (payload: { embeds?: { description?: string }[] }) => void replies.push(payload),
    editReply: async (payload: { embeds?: { description?: string }[] }) => void replies.push(payload),
    deferReply: async () => {},
  };
  await config.subcommands.show(fake as unknown as Parameters<typeof config.subcommands.show>[0], {}, ctx);
  const text = replies.flatMap((r) => (r.embeds ?? []).map((e) => e.description ?? '')).join('\n');
  return [...text.matchAll(/next [^\n]*?\(<t:(\d+):R>\)/g)].map((m) => Number(m[1]) * 1000);
}

describe('what /config show says and when the tick fires', () => {
  it('agree for 160 schedule/timezone pairs over a simulated year, minute by minute', async () => {
    const { ctx, clock } = testCtx(new Date(START).toISOString(), { MAX_SUBSCRIPTIONS_PER_GUILD: 10 });
    seedStory(ctx);
    const story = ctx.store.stories.latest()!;
    // As /config digest set stores them: the parsed schedule and its next run, ten digests per server.
    const subscriptions = SCHEDULES.flatMap((typed, i) =>
      TIMEZONES.map((timezone, j) => {
        const n = i * TIMEZONES.length + j;
        const parsed = parseSchedule(typed, timezone, 15, clock.now());
        return ctx.store.subscriptions.create(
          {
            guildId: String(100000000000000000n + BigInt(Math.floor(n / 10))),
            channelId: String(200000000000000000n + BigInt(n)),
            storyId: story.id,
            ...parsed,
            timezone,
            mentionRoleId: null,
            quiet: true,
            nextRunAt: nextRun(parsed.cron, timezone, clock.now()),
          },
          '300000000000000001',
          clock.now(),
        );
      }),
    );
    expect(subscriptions).toHaveLength(160);
    const guilds = [...new Set(subscriptions.map((s) => s.guildId))];
    const byGuild = new Map(guilds.map((g) => [g, subscriptions.filter((s) => s.guildId === g)]));

    /** What /config show says for every subscription: read from the command's reply. */
    const shown = new Map<number, number>();
    const readShow = async () => {
      for (const guildId of guilds) {
        const times = await shownNextRuns(ctx, guildId);
        expect(times).toHaveLength(10);
        byGuild.get(guildId)!.forEach((s, i) => shown.set(s.id, times[i]!));
      }
    };
    await readShow();
    // The expression that broke: any 13th or any Friday, in Berlin: the first Friday of 2026 is 2 January.
    expect(new Date(shown.get(subscriptions[2]!.id)!).toISOString()).toBe('2026-01-02T08:00:00.000Z');

    const deps = digestJobDeps({ ctx, sender: new FakeDiscord() });
    const newRuns = sqlite(ctx.store).prepare<
      [number],
      { id: number; subscription_id: number; scheduled_for: string }
    >('SELECT id, subscription_id, scheduled_for FROM digest_runs WHERE id > ? ORDER BY id');
    let lastRunId = 0;
    let fired = 0;
    // The earliest shown run: until the clock reaches it, no subscription can be late.
    let earliest = Math.min(...shown.values());
    let showChecks = 0;
    const disagreements: string[] = [];
    for (let t = START + MINUTE; t <= END; t += MINUTE) {
      clock.set(t);
      await runDueDigests(deps);
      const runs = newRuns.all(lastRunId);
      const firedNow = new Set<number>();
      for (const run of runs) {
        lastRunId = run.id;
        fired += 1;
        firedNow.add(run.subscription_id);
        const expected = shown.get(run.subscription_id)!;
        const at = Date.parse(run.scheduled_for);
        // Fired for the occurrence that was shown, in the first tick at or after it.
        if (at !== expected || t - at >= MINUTE) {
          disagreements.push(
            `#${run.subscription_id}: shown ${new Date(expected).toISOString()}, ran ${run.scheduled_for} at ${new Date(t).toISOString()}`,
          );
        }
      }
      if (t >= earliest)
        for (const [id, at] of shown) {
          if (at <= t && !firedNow.has(id)) {
            disagreements.push(
              `#${id}: shown ${new Date(at).toISOString()}, not run by ${new Date(t).toISOString()}`,
            );
          }
        }
      // After a run, the next one is the row's next_run_at, which /config show prints (checked every week).
      for (const id of firedNow) shown.set(id, Date.parse(ctx.store.subscriptions.byId(id)!.nextRunAt!));
      if (firedNow.size > 0) earliest = Math.min(...shown.values());
      if ((t - START) % (7 * 24 * 60 * MINUTE) === 0) {
        const rows = new Map(shown);
        await readShow();
        showChecks += 1;
        for (const [id, at] of rows)
          if (shown.get(id) !== at) disagreements.push(`#${id}: /config show differs from next_run_at`);
      }
    }
    process.stdout.write(
      `cron matrix: ${subscriptions.length} pairs, ${(END - START) / MINUTE} ticks, ${fired} runs fired, ` +
        `${disagreements.length} disagreements; /config show read for all 160 ${showChecks + 1} times\n`,
    );
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(fired).toBeGreaterThan(9_000);
  }, 600_000);
});
