import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SEED = 'data/articles/2016-03-15-russia-withdraws-from-syria.txt';

function runCli(args: string[]) {
  return spawnSync('npx', ['tsx', 'src/cli/extract.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
}

describe('npm run extract', () => {
  it('prints one JSON line per file, an error line for a missing file, and exits 1', () => {
    const result = runCli([SEED, 'tests/fixtures/eval/does-not-exist.txt', '--json']);
    expect(result.status).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    const [seed, missing] = lines as [Record<string, unknown>, Record<string, unknown>];
    expect(missing).toEqual({ file: 'tests/fixtures/eval/does-not-exist.txt', error: 'does not exist' });
    expect(Object.keys(seed)).toEqual([
      'file',
      'title',
      'published',
      'summary',
      'quotes',
      'figures',
      'people',
      'places',
      'organizations',
      'timeline',
    ]);
    expect(seed.file).toBe(SEED);
    expect(seed.title).toBe('Russia withdraws its troop from Syria');
    expect(seed.published).toBe('2016-03-15');
    const quotes = seed.quotes as Array<Record<string, unknown>>;
    expect(quotes.find((q) => q.kind === 'direct')).toMatchObject({
      speaker: 'Vladimir Putin',
      role: 'Russian President',
      verb: 'say',
    });
    expect(Object.keys(quotes[0]!)).toEqual(['text', 'speaker', 'role', 'verb', 'kind']);
    const figures = seed.figures as Array<Record<string, unknown>>;
    expect(figures[0]).toMatchObject({
      min: 1000,
      max: 1000,
      qualifier: 'about',
      unit: 'personnel',
      state: 'remaining',
      who: 'Russian',
      where: 'Syria',
      source: 'Viktor Ozerov',
    });
    expect(seed.places).toEqual(['Syria', 'Russia', 'Geneva', 'Switzerland', 'Latakia', 'Hmeimim air base']);
    expect((seed.timeline as Array<Record<string, unknown>>)[0]).toEqual({
      date: '2011',
      precision: 'year',
      text: expect.any(String),
    });
  });

  it('prints readable text by default', () => {
    const result = runCli([SEED]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '[direct] Vladimir Putin (Russian President), say: “I think that the task',
    );
    expect(result.stdout).toContain(
      'about 1,000 Russian personnel in Syria: remaining, source Viktor Ozerov',
    );
    expect(result.stdout).toContain(
      '(number not given) Russian S-400 missile system: remaining, source Viktor Ozerov',
    );
  });
});
