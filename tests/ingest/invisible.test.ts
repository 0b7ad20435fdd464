import { describe, expect, it } from 'vitest';
import { stripInvisible } from '../../src/ingest/invisible.ts';

describe('stripInvisible', () => {
  it('removes every bidirectional control, so no line can be reordered', () => {
    const controls = [
      '\u061C',
      '\u200E',
      '\u200F',
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ];
    for (const control of controls) {
      expect(stripInvisible(`troops ${control}1,000 said${control} Ozerov`)).toBe('troops 1,000 said Ozerov');
    }
  });

  it('removes zero-width characters that split words', () => {
    expect(stripInvisible('Pu\u200Btin\u2060 and \uFEFFOzerov\u180E')).toBe('Putin and Ozerov');
    expect(stripInvisible('Put\u200Din, Oze\u200Crov')).toBe('Putin, Ozerov');
  });

  it('keeps the zero-width joiner inside emoji sequences, and the non-joiner between letters', () => {
    for (const emoji of ['👨\u200D👩\u200D👧', '🏳\uFE0F\u200D🌈', '👩🏽\u200D💻', '❤\uFE0F\u200D🔥']) {
      expect(stripInvisible(`a ${emoji} b`)).toBe(`a ${emoji} b`);
    }
    const persian = 'می\u200Cخواهم';
    expect(stripInvisible(persian)).toBe(persian);
    expect(stripInvisible('👍\u200D end')).toBe('👍 end');
  });
});
