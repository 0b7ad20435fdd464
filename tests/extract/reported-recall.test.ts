import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const reported = (body: string) =>
  extract({ title: 'Test', body, published })
    .quotes.filter((q) => q.kind === 'reported')
    .map((q) => [q.text, q.speaker, q.verb]);

describe('reported speech: the question "wonder" reports', () => {
  it('reads the indirect question right after the verb, and after a progressive', () => {
    expect(reported('Mayor Ana Lind wondered whether the ferry would ever run on time again.')).toEqual([
      ['whether the ferry would ever run on time again', 'Ana Lind', 'wonder'],
    ]);
    expect(reported('Some council members are wondering if the levy can survive another winter.')).toEqual([
      ['if the levy can survive another winter', 'some council members', 'wonder'],
    ]);
  });

  it('reads nothing from the noun, from an object, or from a participle about the ones left wondering', () => {
    expect(reported('It is no wonder why the ferry runs late every winter.')).toEqual([]);
    expect(reported('Ana Lind wondered at the size of the new ferry terminal.')).toEqual([]);
    expect(
      reported('The delay has left the riders, even the most patient, wondering when the ferry will run.'),
    ).toEqual([]);
  });
});

describe('reported speech: an adverb between a preposition and its participle', () => {
  it('reads the participle for the main subject as it does without the adverb', () => {
    expect(
      reported('Ana Lind shrugged off the poll while also saying that the ferry vote would be close.'),
    ).toEqual([['the ferry vote would be close', 'Ana Lind', 'say']]);
    expect(
      reported('Ana Lind opened the session by bluntly warning that the fund was nearly empty.'),
    ).toEqual([['the fund was nearly empty', 'Ana Lind', 'warn']]);
  });
});
