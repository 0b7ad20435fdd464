import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('an excerpt of another story set under its writer and outlet', () => {
  const excerpt =
    'The mayor’s plan drew scorn in the papers.\n\n' +
    'From Dana Whitfield writing at The Courier:\n\n' +
    '"The Blue Note, a late-night diner on Pier Street, will close in March after forty years.\n\n' +
    '"Regulars were not surprised, and few of them blamed the owner for the decision."\n\n' +
    'Read the rest of the story at The Courier.';

  it('is the other story’s copy, not a quote of its writer', () => {
    expect(quotes(excerpt)).toEqual([]);
  });

  it('does not read its later paragraphs as quotes of their own', () => {
    expect(quotes(excerpt).filter((q) => q[1].startsWith('Regulars'))).toEqual([]);
  });

  it('still reads a quote after a line that names a writer and then a verb of saying', () => {
    expect(
      quotes(
        'Dana Whitfield, writing at The Courier, put it plainly:\n\n"The Blue Note will close in March."',
      ),
    ).toEqual([['direct', 'The Blue Note will close in March.', 'Dana Whitfield']]);
  });
});
