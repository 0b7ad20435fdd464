/**
 * Digest schedules: presets and cron expressions, validated and turned into occurrences. Everything here is a
 * pure function of its arguments (the instant to count from is passed in), so tests can move a manual clock
 * across a daylight-saving change and know exactly which runs are due.
 *
 * One library, cron-parser, parses every schedule and computes every occurrence: the `next_run_at` that the
 * scheduler's tick runs and `/config show` displays, and the runs due after an outage. It takes the instant
 * and the IANA timezone explicitly and handles DST gaps and overlaps. node-cron only drives the tick; it never
 * reads a digest's expression, so the two can no longer disagree (they did on expressions that set both
 * day-of-month and day-of-week, which cron-parser reads as cron always has: either day matches).
 */
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { UserError } from '../errors.ts';
import { counted } from '../render/count.ts';

/** Shown in every refusal, so the fix is one copy-paste away. */
export const SCHEDULE_EXAMPLE =
  'Try a preset such as `daily 09:00`, `weekly mon 09:00` or `hourly`, or a five-field cron expression such as ' +
  '`0 9 * * 1-5` (09:00 on weekdays).';

const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } as const;

/**
 * Raised for a schedule or timezone a moderator typed that cannot be used; the message says what to type. It is
 * a {@link UserError}, so the router shows it to the moderator as it is.
 */
export class ScheduleError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}

const time = z
  .string()
  .regex(/^([01]?\d|2[0-3]):([0-5]\d)$/, 'a time is HH:MM on a 24-hour clock, e.g. 09:00 or 18:30')
  .transform((value) => {
    const [hour, minute] = value.split(':').map(Number) as [number, number];
    return { hour, minute };
  });

/** A preset (`hourly`, `daily HH:MM`, `weekly DAY HH:MM`) as a cron expression, or why it is not one. */
function parsePreset(typed: string): { cron: string } | { problem: string } {
  const [kind, ...args] = typed.split(' ') as [string, ...string[]];
  const at = (value: string | undefined) => time.safeParse(value ?? '');
  if (kind === 'hourly')
    return args.length === 0 ? { cron: '0 * * * *' } : { problem: '`hourly` takes nothing after it' };
  if (kind === 'daily') {
    if (args.length !== 1) return { problem: 'write `daily HH:MM`' };
    const parsed = at(args[0]);
    if (!parsed.success) return { problem: parsed.error.issues[0]!.message };
    return { cron: `${parsed.data.minute} ${parsed.data.hour} * * *` };
  }
  if (args.length !== 2) return { problem: 'write `weekly DAY HH:MM`' };
  const day = args[0]!;
  const weekday = /^[a-z]{3,9}$/.test(day) ? DAYS[day.slice(0, 3) as keyof typeof DAYS] : undefined;
  if (weekday === undefined)
    return { problem: `"${day}" is not a day; use mon, tue, wed, thu, fri, sat or sun` };
  const parsed = at(args[1]);
  if (!parsed.success) return { problem: parsed.error.issues[0]!.message };
  return { cron: `${parsed.data.minute} ${parsed.data.hour} * * ${weekday}` };
}

/** A parsed schedule: what was typed, and the five-field cron expression it stands for. */
export interface Schedule {
  schedule: string;
  cron: string;
}

/** Whether the runtime knows this IANA timezone (aliases such as `Europe/Kiev` included). */
export function isValidTimezone(timezone: string): boolean {
  if (!/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(timezone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** Every IANA timezone the runtime knows, UTC first: the autocomplete list. */
export const TIMEZONES: readonly string[] = [
  'UTC',
  ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC'),
];

/** The autocomplete's spelling of each timezone, found by its lowercase name. */
const TIMEZONES_BY_LOWERCASE = new Map(TIMEZONES.map((z) => [z.toLowerCase(), z]));

/**
 * The canonical name of a timezone typed in any case (`europe/berlin` is stored as `Europe/Berlin`, `utc` as
 * `UTC`), as the runtime's Intl resolves it, so one zone is stored, shown and compared under one name. Refuses
 * an unknown timezone with a message that shows valid ones.
 */
export function parseTimezone(timezone: string): string {
  const trimmed = timezone.trim();
  if (!isValidTimezone(trimmed)) {
    throw new ScheduleError(
      `"${timezone}" is not a timezone I know. Use an IANA name such as \`Europe/Berlin\`, \`America/New_York\` ` +
        'or `UTC` (start typing and pick one from the list).',
    );
  }
  return (
    TIMEZONES_BY_LOWERCASE.get(trimmed.toLowerCase()) ??
    new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone
  );
}

type Expression = ReturnType<typeof CronExpressionParser.parse>;

/**
 * The next occurrence whose local time really matches the expression. cron-parser moves a local time that does
 * not exist (02:30 on the spring-forward night) to an hour later, which is a time the moderator did not ask
 * for; such an occurrence is skipped (the 02:30 digest does not run that night), as classic cron does. One
 * that exists twice (01:30 on the fall-back night) runs once.
 */
function nextMatching(expression: Expression): Date | undefined {
  for (let guard = 0; guard < 1000 && expression.hasNext(); guard += 1) {
    const next = expression.next().toDate();
    if (expression.includesDate(next)) return next;
  }
  return undefined;
}

/** The occurrence of `cron` in `timezone` strictly after `after`, with DST handled as {@link nextMatching} says. */
export function nextRun(cronExpression: string, timezone: string, after: Date): Date {
  const expression = CronExpressionParser.parse(cronExpression, { currentDate: after, tz: timezone });
  const next = nextMatching(expression);
  if (!next) throw new ScheduleError(`"${cronExpression}" never runs. ${SCHEDULE_EXAMPLE}`);
  return next;
}

/** The next `count` occurrences after `after`. */
export function nextRuns(cronExpression: string, timezone: string, after: Date, count: number): Date[] {
  const expression = CronExpressionParser.parse(cronExpression, { currentDate: after, tz: timezone });
  const runs: Date[] = [];
  while (runs.length < count) {
    const next = nextMatching(expression);
    if (!next) break;
    runs.push(next);
  }
  return runs;
}

/**
 * Occurrences in (`after`, `until`], oldest first, at most `limit` of them (the newest ones when there are
 * more): what is due when the clock reaches `until`.
 */
export function occurrencesBetween(
  cronExpression: string,
  timezone: string,
  after: Date,
  until: Date,
  limit = 1000,
): { dates: Date[]; truncated: boolean } {
  const expression = CronExpressionParser.parse(cronExpression, {
    currentDate: after,
    endDate: until,
    tz: timezone,
  });
  const dates: Date[] = [];
  let truncated = false;
  for (let next = nextMatching(expression); next; next = nextMatching(expression)) {
    if (next.getTime() > until.getTime()) break;
    dates.push(next);
    if (dates.length > limit) {
      dates.shift();
      truncated = true;
    }
  }
  return { dates, truncated };
}

/** `5 minutes`, `1 minute`. */
const minutes = (n: number) => counted(Math.round(n), 'minute');

/** What the moderator typed, as inline code (a backtick in it cannot close the span early). */
const code = (typed: string) => `\`${typed.replace(/`/g, "'")}\``;

/**
 * Parses what a moderator typed into a cron expression, and checks it is usable in `timezone` and no more
 * frequent than `minIntervalMinutes` (checked over the next 200 occurrences from `now`, so DST is included).
 * Throws a {@link ScheduleError} whose message shows a valid example.
 */
export function parseSchedule(
  input: string,
  timezone: string,
  minIntervalMinutes: number,
  now: Date,
): Schedule {
  const typed = input.trim().replace(/\s+/g, ' ');
  const lowered = typed.toLowerCase();
  let expression: string;
  if (/^(hourly|daily|weekly)\b/.test(lowered)) {
    const preset = parsePreset(lowered);
    if ('problem' in preset) {
      throw new ScheduleError(
        `"${typed}" is not a schedule I understand (${preset.problem}). ${SCHEDULE_EXAMPLE}`,
      );
    }
    expression = preset.cron;
  } else {
    const fields = typed.split(' ');
    if (fields.length !== 5) {
      throw new ScheduleError(
        `"${typed}" is not a schedule I understand: a cron expression has five fields ` +
          `(minute hour day-of-month month day-of-week), this one has ${fields.length}. ${SCHEDULE_EXAMPLE}`,
      );
    }
    expression = typed;
  }
  try {
    CronExpressionParser.parse(expression, { tz: timezone, strict: false });
  } catch {
    throw new ScheduleError(`"${typed}" is not a valid cron expression. ${SCHEDULE_EXAMPLE}`);
  }
  let upcoming: Date[];
  try {
    upcoming = nextRuns(expression, timezone, now, 200);
  } catch (error) {
    throw new ScheduleError(
      `"${typed}" is not a valid cron expression (${(error as Error).message}). ${SCHEDULE_EXAMPLE}`,
    );
  }
  const gaps = upcoming.slice(1).map((next, i) => (next.getTime() - upcoming[i]!.getTime()) / 60_000);
  const shortest = Math.min(...gaps);
  if (shortest < minIntervalMinutes) {
    // "every 5 minutes" only when that is the rhythm; `0,10 9 * * *` has one short gap a day.
    const rhythm = gaps.every((gap) => gap === shortest)
      ? `runs every ${minutes(shortest)}`
      : `has runs only ${minutes(shortest)} apart`;
    const suggestion = minIntervalMinutes <= 60 ? '`hourly`' : '`daily 09:00`';
    throw new ScheduleError(
      `${code(typed)} ${rhythm}; digests may run at most every ${minutes(minIntervalMinutes)}. ` +
        `Try ${suggestion}.`,
    );
  }
  return { schedule: typed, cron: expression };
}
