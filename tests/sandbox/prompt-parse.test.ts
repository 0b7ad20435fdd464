import { describe, expect, it } from 'vitest';
import { parseLine, splitWords } from '../../src/sandbox/parse.ts';

describe('sandbox prompt grammar', () => {
  it('reads a command with name:value options', () => {
    expect(parseLine('/quotes speaker:Putin')).toEqual({
      kind: 'command',
      command: 'quotes',
      options: { speaker: 'Putin' },
    });
    expect(parseLine('  /troops  ')).toEqual({ kind: 'command', command: 'troops', options: {} });
  });

  it('keeps quoted values together and reads subcommands', () => {
    expect(parseLine('/config digest set channel:#news schedule:"daily 09:00"')).toEqual({
      kind: 'command',
      command: 'config digest set',
      options: { channel: '#news', schedule: 'daily 09:00' },
    });
    expect(parseLine("/search query:'two bases'")).toMatchObject({ options: { query: 'two bases' } });
    expect(splitWords('a "b c" d\\ e')).toEqual(['a', 'b c', 'd e']);
    expect(splitWords('x:""')).toEqual(['x:']);
  });

  it('asks for autocomplete with ?option or a trailing ?', () => {
    expect(parseLine('/quotes ?speaker')).toEqual({
      kind: 'autocomplete',
      command: 'quotes',
      focused: 'speaker',
      options: { speaker: '' },
    });
    expect(parseLine('/quotes speaker:pu?')).toEqual({
      kind: 'autocomplete',
      command: 'quotes',
      focused: 'speaker',
      options: { speaker: 'pu' },
    });
  });

  it('reads button presses, help and quit, and explains mistakes', () => {
    expect(parseLine('press Next')).toEqual({ kind: 'press', label: 'Next' });
    expect(parseLine('click "Previous"')).toEqual({ kind: 'press', label: 'Previous' });
    expect(parseLine('help')).toEqual({ kind: 'help' });
    expect(parseLine('quit')).toEqual({ kind: 'quit' });
    expect(parseLine('')).toEqual({ kind: 'empty' });
    expect(parseLine('troops')).toMatchObject({ kind: 'error' });
    expect(parseLine('/search query:"open')).toEqual({ kind: 'error', message: 'a " quote is not closed' });
    expect(parseLine('/quotes speaker:Putin extra')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('"extra"'),
    });
  });
});
