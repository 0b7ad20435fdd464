import { describe, expect, it } from 'vitest';
import { fromRow } from '../../src/store/rows.ts';

interface Example {
  id: number;
  guildId: string;
  lastErrorAt: string | null;
  paused: boolean;
  quiet: boolean;
}

describe('reading a row as the entity it stores', () => {
  it('names every column in camelCase and turns the flags given from 0/1 into booleans', () => {
    const row = { id: 7, guild_id: '123', last_error_at: null, paused: 1, quiet: 0 };
    expect(fromRow<Example>(row, ['paused', 'quiet'])).toEqual({
      id: 7,
      guildId: '123',
      lastErrorAt: null,
      paused: true,
      quiet: false,
    });
  });
});
