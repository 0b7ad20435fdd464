import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a document and "that" before a verb of saying ("a letter that says …")', () => {
  it('reads it for the one who issued the document', () => {
    expect(quotes('Ana Lind sent a memo on Monday that warned the old ferry was “no longer safe.”')).toEqual([
      ['reported', 'the old ferry was “no longer safe”', 'Ana Lind'],
    ]);
  });

  it('reads past a "from" phrase and a time', () => {
    expect(
      quotes(
        'The Harbour Times ran a piece from its editors on Friday that noted the levy would “hit renters hardest.”',
      ),
    ).toEqual([['reported', 'the levy would “hit renters hardest”', 'Harbour Times']]);
  });

  it('reads nothing for a document that is the subject', () => {
    expect(quotes('The letter that said the plan was dead was leaked.')).toEqual([]);
  });
});
