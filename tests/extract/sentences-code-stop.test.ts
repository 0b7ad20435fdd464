import { describe, expect, it } from 'vitest';
import { segment } from '../../src/extract/sentences.ts';

const sentences = (body: string) => segment(body).sentences.map((s) => s.text);

describe('a full stop after a code of letters and digits', () => {
  it('ends the sentence: the capital closing the code is no initial', () => {
    expect(sentences('The plan is costly, said the research group K2T. It wants a new one.')).toEqual([
      'The plan is costly, said the research group K2T.',
      'It wants a new one.',
    ]);
  });

  it('still keeps initials, titles and abbreviations inside the sentence', () => {
    expect(
      sentences('Mr. Lind met Sen. Ruiz and J. R. Holt at No. 1 Dock Street in the U.S. capital.'),
    ).toEqual(['Mr. Lind met Sen. Ruiz and J. R. Holt at No. 1 Dock Street in the U.S. capital.']);
  });
});
