import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const direct = (body: string) =>
  extract({ title: 'Test', body, published })
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

const intro = 'Labour leader Jeremy Corbyn visited Leeds on Friday.\n\n';

describe('a straight single quote ending on a plural, punctuation set outside it', () => {
  it('closes the quote at the mark after the "s" before a comma or a full stop', () => {
    expect(direct(`${intro}'We will not cut the bus routes', Mr Corbyn said.`)).toEqual([
      ['We will not cut the bus routes', 'Jeremy Corbyn'],
    ]);
    expect(direct(`${intro}Mr Corbyn told the BBC: 'Nobody voted for these cuts'. He then left.`)).toEqual([
      ['Nobody voted for these cuts', 'Jeremy Corbyn'],
    ]);
  });

  it('still reads a plural possessive inside the quote as an apostrophe', () => {
    expect(direct(`${intro}'We will not back the owners' plan,' Mr Corbyn said.`)).toEqual([
      ["We will not back the owners' plan", 'Jeremy Corbyn'],
    ]);
  });
});

describe('curly single marks doubled for double ones', () => {
  it('reads ‘‘ … ’’ as a quote, and ’’ as closing one opened by “', () => {
    expect(
      direct(`${intro}‘‘We will not cut the bus routes,’’ Mr Corbyn said. ‘‘Nobody voted for that.’’`),
    ).toEqual([
      ['We will not cut the bus routes', 'Jeremy Corbyn'],
      ['Nobody voted for that.', 'Jeremy Corbyn'],
    ]);
    expect(direct(`${intro}“We will not cut the bus routes,’’ Mr Corbyn said.`)).toEqual([
      ['We will not cut the bus routes', 'Jeremy Corbyn'],
    ]);
  });
});

describe('a straight mark opening a quote right after a full stop, with no space', () => {
  it('opens the next sentence and its quote, carried on by the speaker before', () => {
    expect(
      direct(
        `${intro}"The depot closed in May," said a driver who asked not to be named."Now we wait for the night bus."`,
      ),
    ).toEqual([
      ['The depot closed in May', 'driver'],
      ['Now we wait for the night bus.', 'driver'],
    ]);
  });
});
