import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('an attribution closing its sentence on a programme named in quotation marks', () => {
  it('reads the clause before it, the full stop inside the closing mark', () => {
    expect(
      quotes('The ferry plan was dead by spring, she said Sunday morning on CBC’s “The House.”'),
    ).toEqual([['reported', 'The ferry plan was dead by spring', null]]);
    expect(
      quotes('Ana Lind backed the levy while the mayor was still in office, Holt said on “Morning Report.”'),
    ).toEqual([['reported', 'Ana Lind backed the levy while the mayor was still in office', 'Holt']]);
  });

  it('reads no programme in a name written on a ballot', () => {
    expect(quotes('When I was 19, I wrote in “Ana Lind” on my first ballot.')).toEqual([]);
  });
});
