import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a partial quote closing on a question or exclamation before its attribution', () => {
  it('reads the attribution opening the next sentence as the speaker of the quote before it', () => {
    expect(
      quotes(
        'The council spoke on Monday. Lind “backs the toll as a way to pay for roads. Does that work?” Ana Ruiz asked.',
      ),
    ).toEqual([['reported', 'Lind “backs the toll as a way to pay for roads. Does that work?”', 'Ana Ruiz']]);
  });

  it('reads where it was asked after the verb', () => {
    expect(quotes('Lind “backs the toll. Does that work?” Ana Ruiz asked on Twitter.')).toEqual([
      ['reported', 'Lind “backs the toll. Does that work?”', 'Ana Ruiz'],
    ]);
  });

  it('reads a description before the name, which keeps the sentence whole', () => {
    expect(quotes('Lind wants “a toll on every road!” former council chairwoman Ana Ruiz said.')).toEqual([
      ['reported', 'Lind wants “a toll on every road!”', 'Ana Ruiz'],
    ]);
  });

  it('keeps a wholly quoted question a direct quote', () => {
    expect(quotes('“We cannot keep waiting. Does that work?” Ana Ruiz asked.')).toEqual([
      ['direct', 'We cannot keep waiting. Does that work?', 'Ana Ruiz'],
    ]);
  });
});
