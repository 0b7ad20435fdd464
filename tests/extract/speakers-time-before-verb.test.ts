import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

const speakers = (body: string) => quotes(body).map(([, , speaker]) => speaker);

describe('words of time or medium between a speaker and the verb', () => {
  it('are no part of the speaker', () => {
    expect(speakers('Ana Lind at the time said she would pay the fees herself.')).toEqual(['Ana Lind']);
    expect(speakers('The ministry less than two weeks ago said it would publish the letters.')).toEqual([
      'ministry',
    ]);
    expect(speakers('Ana Lind a month later announced that the plant would close.')).toEqual(['Ana Lind']);
    expect(speakers('Ana Lind in a Facebook post wrote that the vote had been rigged.')).toEqual([
      'Ana Lind',
    ]);
    expect(speakers('Tom Ward did not at any time Monday mention that he had asked for money.')).toEqual([
      'Tom Ward',
    ]);
  });

  it('nor is a negated form of "be" before the verb', () => {
    expect(speakers('Ana Lind met the miners on Friday. Lind isn’t saying which mines would close.')).toEqual(
      ['Ana Lind'],
    );
  });
});
