import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2024-05-14T00:00:00Z');
const quotes = (body: string) =>
  extract({ title: 'Test', body, published }).quotes.map((q) => [q.kind, q.text, q.speaker]);

describe('a quote retold inside reported speech', () => {
  it('is only the partial quote when the reported clause is a subject and its verb of saying', () => {
    expect(
      quotes(
        'Councillor Ruth Okafor said she told the harbour board, "You cannot close the ferry in winter."',
      ),
    ).toEqual([
      ['reported', 'she told the harbour board, “You cannot close the ferry in winter”', 'Ruth Okafor'],
    ]);
  });

  it('also after a verb of thinking the speaker recalls', () => {
    expect(
      quotes('Ruth Okafor said she remembered thinking, "Nobody in this room is listening to me."'),
    ).toEqual([
      ['reported', 'she remembered thinking, “Nobody in this room is listening to me”', 'Ruth Okafor'],
    ]);
  });

  it('keeps a quote the speaker adds after a clause of her own as a direct quote', () => {
    expect(
      quotes('Ruth Okafor said she opposed the closure and added, "The ferry is all some of us have."'),
    ).toContainEqual(['direct', 'The ferry is all some of us have.', 'Ruth Okafor']);
  });
});
