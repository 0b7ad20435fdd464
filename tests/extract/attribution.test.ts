import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const run = (body: string) => extract({ title: 'Test', body, published });
const direct = (body: string) =>
  run(body)
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

describe('direct quotes woven into the reporter’s sentence', () => {
  it('does not take a quote whose subject stands outside the marks as something said on its own', () => {
    expect(direct('Olsen told reporters the report “wasn’t good enough.”')).toEqual([]);
    expect(direct('That, the commission said, “would be helpful to everyone.”')).toEqual([]);
  });

  it('still takes a lower-case quote introduced by a colon or a comma', () => {
    expect(
      direct('Mayor Ruth Olsen spoke at noon. Olsen told reporters: “we will rebuild the bridge.”'),
    ).toEqual([['we will rebuild the bridge.', 'Ruth Olsen']]);
    expect(
      direct('Mayor Ruth Olsen spoke at noon. Olsen told reporters, “we will rebuild the bridge.”'),
    ).toEqual([['we will rebuild the bridge.', 'Ruth Olsen']]);
  });

  it('reads the subject of an attribution past an aside set off by dashes', () => {
    expect(
      direct(
        'Dan Piel, the chief executive of Ora Media -- the company that owns the station -- said, “It was never ' +
          'going to work.”',
      ),
    ).toEqual([['It was never going to work.', 'Dan Piel']]);
  });
});
