import { describe, expect, it } from 'vitest';
import { embedLength } from 'discord.js';
import { fitEmbeds, LIMITS } from '../../src/render/limits.ts';
import { articleLink, escapeText, formatRange, safeUrl, truncate } from '../../src/render/text.ts';

describe('article text on Discord', () => {
  it('escapes markdown, masked links and mention syntax so they show as written', () => {
    expect(escapeText('**bold** [x](http://e) <@&1> @everyone @here')).toBe(
      '\\*\\*bold\\*\\* \\[x\\](http://e) \\<@&1> @\u200beveryone @\u200bhere',
    );
    // Every masked link, not only the first of a line (escapeMarkdown's own rule stops at the first).
    expect(escapeText('[a] [b](https://e)')).toBe('\\[a\\] \\[b\\](https://e)');
    expect(escapeText('<#1> <t:1:R> </cmd:1> <:e:1> <a:e:1>')).toBe(
      '\\<#1> \\<t:1:R> \\</cmd:1> \\<:e:1> \\<a:e:1>',
    );
    expect(escapeText('# h\n> q\n-# s\n- i\n1. n')).toBe('\\# h\n\\> q\n\\-# s\n\\- i\n1\\. n');
    expect(escapeText('__u__ ~~s~~ ||x|| `c` a\\b')).toBe(
      '\\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|x\\|\\| \\`c\\` a\\\\b',
    );
  });

  it('leaves alone what formats nothing, since every backslash counts towards the limits', () => {
    const plain = 'S-400: 3,000–6,000 troops (about) in #Syria, 5 > 4, see https://e.com/a_b_c';
    expect(escapeText(plain)).toBe(plain);
  });

  it('cuts long text at a word with an ellipsis and never leaves half an escape', () => {
    expect(truncate('alpha beta gamma delta', 20)).toBe('alpha beta gamma…');
    expect(truncate(escapeText('abcdefgh*ij'), 10)).toBe('abcdefgh…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('links only http(s) URLs, encoding what would end a masked link early', () => {
    expect(safeUrl('https://e.com/a_(b)?q=[1]')).toBe('https://e.com/a_%28b%29?q=%5B1%5D');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(articleLink('A [b] *c*', 'https://x.y/(z)')).toBe('[A \\[b\\] \\*c\\*](https://x.y/%28z%29)');
    expect(articleLink('No link', null)).toBe('No link');
  });

  it('shows ranges with an en dash, and an uncounted figure as "number not given", never 0', () => {
    expect(formatRange(3000, 6000)).toBe('3,000–6,000');
    expect(formatRange(1000, 1000)).toBe('1,000');
    expect(formatRange(0, 0, false)).toBe('number not given');
  });
});

describe("Discord's limits", () => {
  it('trims embeds to 6000 characters in all, dropping fields from the end with a note', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `field ${i}`, value: 'x'.repeat(1100) }));
    const [embed, ...rest] = fitEmbeds([{ title: 't'.repeat(300), description: 'd'.repeat(5000), fields }]);
    expect(rest).toEqual([]);
    expect(embed!.title!.length).toBeLessThanOrEqual(LIMITS.title);
    expect(embed!.fields!.every((f) => f.value.length <= LIMITS.fieldValue)).toBe(true);
    expect(embedLength(embed!)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embed!.footer!.text).toMatch(/^… and \d+ more not shown$/);
  });
});
