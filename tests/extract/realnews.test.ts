/**
 * Behaviours found missing on published news (issue 14), one class per block. The sentences are written for these
 * tests in the style of the copy that exposed each class; they are not taken from any article.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-04-20T00:00:00Z');
const run = (body: string, title = 'Test') => extract({ title, body, published });
const direct = (body: string) =>
  run(body)
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

describe('archive quotation marks', () => {
  it("reads ''…'' (two apostrophes) as a pair of double quotes", () => {
    expect(
      direct("Marta Velez toured the plant on Monday. ''We will keep every line open,'' Ms. Velez said."),
    ).toEqual([['We will keep every line open', 'Marta Velez']]);
  });

  it("reads ``…'' as a pair of double quotes and keeps the apostrophes inside the quote", () => {
    expect(direct("``It's the council's call, not mine,'' said Tomas Rieger, the mayor.")).toEqual([
      ["It's the council's call, not mine", 'Tomas Rieger'],
    ]);
  });
});
