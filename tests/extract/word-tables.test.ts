import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const run = (body: string) => extract({ title: 'Test', body, published });

describe("words that name a built-in object property ('constructor', 'valueOf')", () => {
  it('are not read as the owner of a force figure', () => {
    const figures = run(
      'The constructor sent 500 troops to Syria on Monday, officials said.\n\nAbout 300 valueOf soldiers remain there.',
    ).figures;
    expect(figures.map((f) => [f.min, f.unit, f.who])).toEqual([
      [500, 'troop', null],
      [300, 'soldier', null],
    ]);
  });

  it('still give the owner a demonym table names', () => {
    expect(run('Russia sent 500 troops to Syria on Monday.').figures.map((f) => f.who)).toEqual(['Russian']);
  });

  it('are read as speakers like any other noun, not as pronouns', () => {
    const speakers = (word: string) =>
      run(`Helen Carver arrived. “We will stay,” ${word} said.`).quotes.map((q) => q.speaker);
    expect(speakers('builder')).toEqual(['builder']);
    expect(speakers('constructor')).toEqual(['constructor']);
  });
});
