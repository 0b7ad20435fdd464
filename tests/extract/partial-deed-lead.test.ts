import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a pronoun and its past-tense verb before a quoted object', () => {
  it('is the reporter telling what someone did, not the last speaker going on', () => {
    expect(
      quotes(
        '"We grieve with the families," Ana Ruiz said. She offered "my thoughts and prayers to everyone in Leith."',
      ),
    ).toEqual([['direct', 'We grieve with the families', 'Ana Ruiz']]);
  });

  it('still carries on a quote opened by an adverb of the reporter', () => {
    expect(
      quotes('"We were not happy at first," said Ana Ruiz. Now, "the whole town wants the new bridge."'),
    ).toEqual([
      ['direct', 'We were not happy at first', 'Ana Ruiz'],
      ['reported', 'Now, “the whole town wants the new bridge”', 'Ana Ruiz'],
    ]);
  });
});
