/** A possessive pronoun read as a subject stands for its owner: the speaker is never the word "her" or "his". */
import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('speakers: a possessive pronoun left as the subject', () => {
  it('gives "Her answer was: …" to the woman the article named, not to "her"', () => {
    expect(quotes('Ana Lind was asked whether she would run again. Her answer was: "Never."')).toContainEqual(
      ['direct', 'Never.', 'Ana Lind'],
    );
  });

  it('gives it to the woman named in the paragraph before', () => {
    const body = 'Mara Quill was asked whether the plant would close.\n\nHer answer was: "Not this year."';
    expect(quotes(body)).toContainEqual(['direct', 'Not this year.', 'Mara Quill']);
  });
});
