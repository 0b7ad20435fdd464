import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a sentence after an attribution that a quoted fragment closes', () => {
  it('carries on the speaker before it, though less than half of it is quoted', () => {
    expect(
      quotes(
        'Rents in the old town have doubled since 2019, Maren Holt said. Families can still find a flat there, but ' +
          'only when “a landlord takes pity on them.”',
      ),
    ).toEqual([
      ['reported', 'Rents in the old town have doubled since 2019', 'Maren Holt'],
      [
        'reported',
        'Families can still find a flat there, but only when “a landlord takes pity on them”',
        'Maren Holt',
      ],
    ]);
  });

  it('leaves the reporter’s sentence about someone, opened by a pronoun, to the reporter', () => {
    expect(
      quotes(
        'Rents in the old town have doubled since 2019, Maren Holt said. She also cited the council’s plans for ' +
          'the empty lots near the station and “four hundred new homes by the river.”',
      ),
    ).toEqual([['reported', 'Rents in the old town have doubled since 2019', 'Maren Holt']]);
  });

  it('leaves a scare quote that does not close the sentence to the reporter', () => {
    expect(
      quotes(
        'Rents in the old town have doubled since 2019, Maren Holt said. The “affordable housing plan” was dropped ' +
          'by the council two years ago after a long fight.',
      ),
    ).toEqual([['reported', 'Rents in the old town have doubled since 2019', 'Maren Holt']]);
  });
});
