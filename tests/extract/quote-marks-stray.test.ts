import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

const intro = 'The singer Ana Lind backed the harbour plan on Monday.\n\n';

describe('a mark that is not a quotation mark', () => {
  it('does not open a quote where a straight mark ends an attribute of markup before ">"', () => {
    expect(
      quotes(
        `${intro}<post post-author="@analind" post-date="May 9\n">Harbour plan now. Vote yes on Friday.</post>.`,
      ),
    ).toEqual([]);
  });

  it('reads a straight mark doubling a curly opening one as a stray, the curly marks holding the quote', () => {
    expect(
      quotes(
        `${intro}"“We will build it this year,” Lind said before adding that the council would vote."`,
      )[0],
    ).toEqual(['direct', 'We will build it this year', 'Ana Lind']);
  });
});

describe('a curly quote closed by a mistyped ’', () => {
  it('ends at the ’ after its last sentence when a later curly mark can only open a quote', () => {
    expect(
      quotes(
        `${intro}Lind tweeted: “Vote for the harbour plan.’ Lind starred in the film “Low Tide.” She lives in Hull.`,
      ),
    ).toEqual([['direct', 'Vote for the harbour plan.', 'Ana Lind']]);
  });

  it('reads a ’ after an abbreviation as a possessive, not as the closing mark', () => {
    expect(
      quotes(`${intro}“The U.S.’ allies want it “built now” and so do we,” Lind said.`)[0]?.[1],
    ).not.toBe('The U.S.');
  });

  it('keeps the ’ that closes an inner single quote ‘ opened', () => {
    expect(quotes(`${intro}“They told me ‘wait and see.’ We waited a year,” Lind said.`)).toEqual([
      ['direct', 'They told me ‘wait and see.’ We waited a year', 'Ana Lind'],
    ]);
  });
});
