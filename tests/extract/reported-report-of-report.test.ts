import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a report of a report', () => {
  it('reads the outer "that" clause with the attribution it holds, and the inner one on its own', () => {
    expect(
      quotes(
        'Mayor Ana Ruiz opened the bridge on Monday. The Herald reported that Ruiz said the new bridge would be "a gift to Leith."',
      ),
    ).toEqual([
      ['reported', 'Ruiz said the new bridge would be “a gift to Leith”', 'Herald'],
      ['reported', 'the new bridge would be “a gift to Leith”', 'Ana Ruiz'],
    ]);
  });

  it('holds an inner attribution of a group as well', () => {
    expect(quotes('The Leith Herald noted that experts say the bridge is "long overdue."')).toEqual([
      ['reported', 'experts say the bridge is “long overdue”', 'Leith Herald'],
      ['reported', 'the bridge is “long overdue”', 'experts'],
    ]);
  });

  it('still ends a clause where a second attribution joined by "and" begins', () => {
    expect(
      quotes(
        'The vote was close. Ruiz said the council met, and Tom Hale said the levy was "off the table."',
      ),
    ).toEqual([
      ['reported', 'the council met', 'Ruiz'],
      ['reported', 'the levy was “off the table”', 'Tom Hale'],
    ]);
  });
});
