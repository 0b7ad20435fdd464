import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('an attribution inside a bracket opened within the sentence', () => {
  it('takes its subject from inside the bracket, and leaves the closing bracket out of what was said', () => {
    expect(
      quotes(
        'The video showed Ana Lind leaving the hall early (her office later said that she had the flu).',
      ),
    ).toEqual([['reported', 'she had the flu', 'her office']]);
  });

  it('takes nothing before the bracket for a subject when the bracket holds no subject of its own', () => {
    expect(quotes('I think I had PTSD (post-traumatic stress disorder) because I was so scared.')).toEqual(
      [],
    );
  });
});
