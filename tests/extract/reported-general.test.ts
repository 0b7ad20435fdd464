import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const reported = (body: string) =>
  extract({ title: 'Test', body, published })
    .quotes.filter((q) => q.kind === 'reported')
    .map((q) => [q.text, q.speaker, q.verb]);

describe('reported speech: "states" is the plural noun unless it reports', () => {
  it('reads no reported speech from the noun after a number, an adjective or before another verb', () => {
    expect(reported('The two states hold their caucuses on the first of April.')).toEqual([]);
    expect(reported('In three northern states, turnout fell by a fifth among younger voters.')).toEqual([]);
    expect(reported('Several coastal states have yet to count their mailed ballots.')).toEqual([]);
    expect(reported('Voters in the two states that held primaries were split on the levy.')).toEqual([]);
  });

  it('still reads the verb before "that" and closing an attribution', () => {
    expect(reported('The report states that the quarry must close by June.')).toEqual([
      ['the quarry must close by June', 'report', 'state'],
    ]);
    expect(reported('The quarry must close by June, the company states.')).toEqual([
      ['The quarry must close by June', 'company', 'state'],
    ]);
  });
});
