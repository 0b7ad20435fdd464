import { extract } from '../../src/extract/index.ts';

/** The date the extractor's rule tests publish their sentences on. */
export const published = new Date('2024-05-14T00:00:00Z');

/** What a body's quotes come out as, one `[kind, text, speaker]` each: the probe the extractor's rule tests compare. */
export function quotes(body: string): Array<[string, string, string | null]> {
  return extract({ title: 'Test', body, published }).quotes.map((q) => [q.kind, q.text, q.speaker]);
}

/** The names of the people a body mentions, in the extractor's order. */
export function people(body: string): string[] {
  return extract({ title: 'Test', body, published }).people.map((p) => p.name);
}
