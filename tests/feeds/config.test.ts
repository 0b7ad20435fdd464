import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../src/config.ts';
import { parseConfig } from '../../src/config.ts';

describe('feed settings', () => {
  it('have the documented defaults', () => {
    expect(parseConfig({})).toMatchObject({
      FEED_MAX_BYTES: 5 * 1024 * 1024,
      FEEDS_ALLOW_PRIVATE: false,
      FEEDS_ALLOW_ADDRESSES: [],
      FEED_POLL_MINUTES: 10,
      FEED_FIRST_POLL_HOURS: 24,
      FEED_MAX_ITEMS_PER_POLL: 50,
      MAX_FEEDS_PER_GUILD: 20,
    });
  });

  it('refuse a poll interval under two minutes and a guard switch that is not true or false', () => {
    const error = (() => {
      try {
        parseConfig({ FEED_POLL_MINUTES: '1', FEEDS_ALLOW_PRIVATE: 'yes' });
      } catch (e) {
        return e as ConfigError;
      }
      return null;
    })();
    expect(error?.problems).toEqual([
      'FEEDS_ALLOW_PRIVATE: must be true or false',
      'FEED_POLL_MINUTES: must be at least 2 (minutes)',
    ]);
  });

  it('turn the guard off only when FEEDS_ALLOW_PRIVATE is exactly true', () => {
    expect(parseConfig({ FEEDS_ALLOW_PRIVATE: 'true' }).FEEDS_ALLOW_PRIVATE).toBe(true);
    expect(parseConfig({ FEEDS_ALLOW_PRIVATE: 'false' }).FEEDS_ALLOW_PRIVATE).toBe(false);
  });

  it('read FEEDS_ALLOW_ADDRESSES as a comma-separated list of addresses and ranges, naming an entry that is neither', () => {
    expect(parseConfig({ FEEDS_ALLOW_ADDRESSES: ' 10.0.0.5, fd12::/64 ,' }).FEEDS_ALLOW_ADDRESSES).toEqual([
      '10.0.0.5',
      'fd12::/64',
    ]);
    const error = (() => {
      try {
        parseConfig({ FEEDS_ALLOW_ADDRESSES: '10.0.0.5,intranet.local,10.1.0.0/99' });
      } catch (e) {
        return e as ConfigError;
      }
      return null;
    })();
    expect(error?.problems).toEqual([
      'FEEDS_ALLOW_ADDRESSES: intranet.local is not an IP address or a range such as 10.0.0.0/24',
      'FEEDS_ALLOW_ADDRESSES: 10.1.0.0/99 is not an IP address or a range such as 10.0.0.0/24',
    ]);
  });
});
