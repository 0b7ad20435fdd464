import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/extract/matches.ts';

/** What matchAll gives, as plain values: index, the match and its groups. */
const plain = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ index: m.index, all: [...m] }));

describe('allMatches', () => {
  it('finds what matchAll finds, groups and indices included', () => {
    const re = /(\d{1,3}(?:,\d{3})+|\d+)\s+(troops|ships)/gu;
    const text = 'cut from 5,200 troops to 3,000 troops, and 2 ships';
    expect(plain(allMatches(re, text))).toEqual(plain(text.matchAll(re)));
    expect(allMatches(re, text).map((m) => m[1])).toEqual(['5,200', '3,000', '2']);
  });

  it('steps past empty matches as matchAll does, by a code point in a Unicode pattern', () => {
    for (const re of [/x*/g, /x*/gu, /(?=\p{L})/gu]) {
      const text = 'ax😀bxx😀';
      expect(plain(allMatches(re, text))).toEqual(plain(text.matchAll(re)));
    }
    expect(allMatches(/x*/gu, '😀').map((m) => m.index)).toEqual([0, 2]);
  });

  it("starts where the pattern's lastIndex stands and leaves it there", () => {
    const re = /\bwhen\b/g;
    const text = 'when he said when';
    re.test(text);
    expect(re.lastIndex).toBe(4);
    expect(allMatches(re, text).map((m) => m.index)).toEqual([13]);
    expect(re.lastIndex).toBe(4);
  });

  it('stops at the limit', () => {
    expect(allMatches(/\w+/g, 'one two three four', 2).map((m) => m[0])).toEqual(['one', 'two']);
  });

  it('refuses a pattern that is not global, as matchAll does', () => {
    expect(() => allMatches(/a/, 'aaa')).toThrow(TypeError);
    expect(() => 'aaa'.matchAll(/a/)).toThrow(TypeError);
  });
});
