import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('"it" for a document or body that points out or explains', () => {
  it('reads "It also points out that …" after a report', () => {
    expect(
      quotes('The audit came out on Monday. It also points out that the fees are “far too low to matter.”'),
    ).toContainEqual(['reported', 'the fees are “far too low to matter”', null]);
  });

  it('reads "It explains why …"', () => {
    expect(
      quotes('The council published its review. It explains why the ferry was “never a priority.”'),
    ).toContainEqual(['reported', 'why the ferry was “never a priority”', null]);
  });

  it('does not read an "it" inside a direct quote as the participle’s speaker', () => {
    expect(
      quotes('“It was thriving back then,” Ana Lind said, pointing out where the mill used to be.').filter(
        (q) => q[0] === 'reported',
      ),
    ).toEqual([]);
  });
});
