import { describe, expect, it } from 'vitest';
import {
  isValidTimezone,
  nextRun,
  occurrencesBetween,
  parseSchedule,
  parseTimezone,
  ScheduleError,
  TIMEZONES,
} from '../../src/digest/schedule.ts';

const NOW = new Date('2026-03-01T00:00:00.000Z');
const parse = (input: string, tz = 'UTC', min = 15) => parseSchedule(input, tz, min, NOW);

describe('parseSchedule', () => {
  it('turns the presets into cron expressions', () => {
    expect(parse('hourly').cron).toBe('0 * * * *');
    expect(parse('daily 09:00').cron).toBe('0 9 * * *');
    expect(parse('Daily 18:30').cron).toBe('30 18 * * *');
    expect(parse('weekly mon 09:00').cron).toBe('0 9 * * 1');
    expect(parse('weekly sunday 7:05').cron).toBe('5 7 * * 0');
  });

  it('keeps what the moderator typed next to the cron expression', () => {
    expect(parse('  daily   09:00 ')).toEqual({ schedule: 'daily 09:00', cron: '0 9 * * *' });
    expect(parse('0 9 * * 1-5')).toEqual({ schedule: '0 9 * * 1-5', cron: '0 9 * * 1-5' });
  });

  it.each([
    ['61 * * * *', 'not a valid cron expression'],
    ['0 9 * *', 'has five fields'],
    ['*/10 * * * * *', 'has five fields'],
    ['every day', 'has five fields'],
    ['daily 25:00', 'HH:MM'],
    ['daily', 'daily HH:MM'],
    ['weekly someday 09:00', 'is not a day'],
    ['hourly please', 'takes nothing after it'],
  ])('refuses %j with a message that shows a valid example', (input, reason) => {
    expect(() => parse(input)).toThrow(ScheduleError);
    expect(() => parse(input)).toThrow(reason);
    expect(() => parse(input)).toThrow('`daily 09:00`');
  });

  it('refuses schedules more frequent than the minimum interval, even irregular ones', () => {
    expect(() => parse('*/5 * * * *')).toThrow(
      '`*/5 * * * *` runs every 5 minutes; digests may run at most every 15 minutes. Try `hourly`.',
    );
    expect(() => parse('0,10 9 * * *')).toThrow(
      '`0,10 9 * * *` has runs only 10 minutes apart; digests may run at most every 15 minutes. Try `hourly`.',
    );
    expect(parse('*/15 * * * *').cron).toBe('*/15 * * * *');
    expect(() => parse('*/30 * * * *', 'UTC', 60)).toThrow(
      'runs every 30 minutes; digests may run at most every 60 minutes. Try `hourly`.',
    );
    expect(() => parse('0 * * * *', 'UTC', 120)).toThrow(
      'runs every 60 minutes; digests may run at most every 120 minutes. Try `daily 09:00`.',
    );
  });
});

describe('timezones', () => {
  it('accepts IANA names and refuses unknown ones with examples', () => {
    expect(parseTimezone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(parseTimezone('UTC')).toBe('UTC');
    expect(isValidTimezone('Mars/Olympus_Mons')).toBe(false);
    expect(() => parseTimezone('Mars/Olympus_Mons')).toThrow('`Europe/Berlin`');
    expect(() => parseTimezone('CET; DROP TABLE')).toThrow(ScheduleError);
  });

  it('stores a timezone under its canonical name whatever case or alias was typed', () => {
    expect(parseTimezone('europe/berlin')).toBe('Europe/Berlin');
    expect(parseTimezone(' AMERICA/NEW_YORK ')).toBe('America/New_York');
    expect(parseTimezone('utc')).toBe('UTC');
    expect(parseTimezone('Etc/UTC')).toBe('UTC');
    expect(parseTimezone('us/eastern')).toBe('America/New_York');
    expect(TIMEZONES).toContain(parseTimezone('asia/kolkata'));
  });

  it('offers every runtime timezone for autocomplete, UTC first', () => {
    expect(TIMEZONES[0]).toBe('UTC');
    expect(TIMEZONES).toContain('America/New_York');
    expect(new Set(TIMEZONES).size).toBe(TIMEZONES.length);
  });
});

describe('next-run computation', () => {
  it('keeps 09:00 local in New York across the 2026-03-08 spring-forward (14:00Z, then 13:00Z)', () => {
    const runs = occurrencesBetween(
      '0 9 * * *',
      'America/New_York',
      new Date('2026-03-06T00:00:00Z'),
      new Date('2026-03-09T23:00:00Z'),
    ).dates.map((d) => d.toISOString());
    expect(runs).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('keeps 09:00 local in Berlin across the 2026-03-29 and 2026-10-25 changes', () => {
    expect(nextRun('0 9 * * *', 'Europe/Berlin', new Date('2026-03-28T09:00:00Z')).toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    expect(nextRun('0 9 * * *', 'Europe/Berlin', new Date('2026-10-24T08:00:00Z')).toISOString()).toBe(
      '2026-10-25T08:00:00.000Z',
    );
  });

  it('runs a local time that occurs twice (fall back) once', () => {
    const runs = occurrencesBetween(
      '30 1 * * *',
      'America/New_York',
      new Date('2026-10-31T12:00:00Z'),
      new Date('2026-11-02T12:00:00Z'),
    ).dates;
    expect(runs.map((d) => d.toISOString())).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ]);
  });

  it('skips a local time that does not exist (spring forward), as node-cron, which triggers the jobs, does', () => {
    // node-cron 4 next matches of `30 2 * * *` in New York after 2026-03-07T12:00Z: 03-09 06:30Z, 03-10 06:30Z.
    const runs = occurrencesBetween(
      '30 2 * * *',
      'America/New_York',
      new Date('2026-03-07T12:00:00Z'),
      new Date('2026-03-10T12:00:00Z'),
    ).dates;
    expect(runs.map((d) => d.toISOString())).toEqual([
      '2026-03-09T06:30:00.000Z',
      '2026-03-10T06:30:00.000Z',
    ]);
    expect(nextRun('30 2 * * *', 'America/New_York', new Date('2026-03-07T12:00:00Z')).toISOString()).toBe(
      '2026-03-09T06:30:00.000Z',
    );
    // Hourly runs keep going through the gap: 01:00 EST, then 03:00 EDT.
    expect(
      occurrencesBetween(
        '0 * * * *',
        'America/New_York',
        new Date('2026-03-08T05:30:00Z'),
        new Date('2026-03-08T07:30:00Z'),
      ).dates.map((d) => d.toISOString()),
    ).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z']);
  });

  it('counts occurrences strictly after the start and up to the end inclusive', () => {
    const at9 = new Date('2026-03-02T09:00:00Z');
    expect(occurrencesBetween('0 9 * * *', 'UTC', at9, at9).dates).toEqual([]);
    expect(occurrencesBetween('0 9 * * *', 'UTC', new Date(at9.getTime() - 1), at9).dates).toEqual([at9]);
  });

  it('keeps only the newest occurrences when there are more than the limit', () => {
    const { dates, truncated } = occurrencesBetween(
      '0 * * * *',
      'UTC',
      NOW,
      new Date('2026-03-11T00:00:00Z'),
      5,
    );
    expect(truncated).toBe(true);
    expect(dates.map((d) => d.toISOString())).toEqual([
      '2026-03-10T20:00:00.000Z',
      '2026-03-10T21:00:00.000Z',
      '2026-03-10T22:00:00.000Z',
      '2026-03-10T23:00:00.000Z',
      '2026-03-11T00:00:00.000Z',
    ]);
  });
});
