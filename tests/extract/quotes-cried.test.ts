/** "Cried" and "cries" attribute a quote as "shouted" does; a bare "cry" before a quote is someone imagined saying it. */
import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('direct quotes: words someone cried', () => {
  it('gives "“…” the crowd cried out" to the crowd, not to the speaker on stage', () => {
    const body =
      'Maria Lind spoke to the crowd in Dover.\n\n"Do we give up?" she asked. "Nooooo!" the crowd cried out.';
    expect(quotes(body)).toEqual([
      ['direct', 'Do we give up?', 'Maria Lind'],
      ['direct', 'Nooooo!', 'crowd'],
    ]);
  });

  it('takes "cries" after a name as the attribution', () => {
    expect(quotes('Tom Vale stood at the gate.\n\n"Open it now!" cries Vale.')).toContainEqual([
      'direct',
      'Open it now!',
      'Tom Vale',
    ]);
  });

  it('reads no quote of the writer\'s own "and cry “…”"', () => {
    const body =
      'Ana Lind runs the shelter.\n\nCritics cannot just shrug and cry "not our problem!" when the beds run out.';
    expect(quotes(body).filter(([kind]) => kind === 'direct')).toEqual([]);
  });
});
