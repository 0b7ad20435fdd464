import { describe, expect, it } from 'vitest';
import { AUTHOR_MAX_CHARS, cleanAuthor } from '../../src/ingest/author.ts';

describe('cleanAuthor', () => {
  it('collapses white space, drops invisible characters and a leading "By"', () => {
    expect(cleanAuthor('\n   By  Sven\u200B\tAalto \u202E ')).toBe('Sven Aalto');
    expect(cleanAuthor('Mara Lindqvist')).toBe('Mara Lindqvist');
    // "By" inside a name is the name.
    expect(cleanAuthor('Byron Katz')).toBe('Byron Katz');
  });

  it('is null for nothing, blank or invisible-only names', () => {
    expect(cleanAuthor(null)).toBeNull();
    expect(cleanAuthor(undefined)).toBeNull();
    expect(cleanAuthor('  \u200B\n ')).toBeNull();
  });

  it('cuts a paragraph put in an author field to the cap, with an ellipsis, without splitting a character', () => {
    const bio = `Noor Haddad ${'covers the harbor and city hall 🏗️ '.repeat(10)}`;
    const cut = cleanAuthor(bio)!;
    expect([...cut]).toHaveLength(AUTHOR_MAX_CHARS);
    expect(cut.startsWith('Noor Haddad covers the harbor')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
