import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('"pointing out that …", the participle of a phrasal verb of saying', () => {
  it('reports for the speaker of a direct quote it follows', () => {
    expect(
      quotes(
        '“The mayor could waive the rules without a vote,” Ana Lind said on Wednesday, pointing out that 40 ' +
          'council members had asked to review the deal.',
      ),
    ).toEqual([
      ['direct', 'The mayor could waive the rules without a vote', 'Ana Lind'],
      ['reported', '40 council members had asked to review the deal', 'Ana Lind'],
    ]);
  });

  it('reports for the subject after a preposition, as "by noting" does', () => {
    expect(
      quotes('Ana Lind brushed off the charge by pointing out that Holt had once backed the plan.'),
    ).toEqual([['reported', 'Holt had once backed the plan', 'Ana Lind']]);
  });

  it('reads no speech in a place pointed out', () => {
    expect(quotes('The guide walked down the lane, pointing out where the old mill had stood.')).toEqual([]);
    expect(quotes('The guide pointed out where the old mill had stood.')).toEqual([]);
  });
});
