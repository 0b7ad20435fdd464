import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a quote closed on a comma whose sentence the reporter carries on', () => {
  it('reports a quote a subordinate clause of the reporter’s carries on before the attribution', () => {
    expect(
      quotes(
        'Grain traders were calmer this week. “Prices have settled,” since most contracts were signed in ' +
          'March, said Nadia Okafor, a broker in Winnipeg.',
      ),
    ).toEqual([
      ['reported', '“Prices have settled,” since most contracts were signed in March', 'Nadia Okafor'],
    ]);
  });

  it('reports a quote a phrase of cause carries on, with or without an attribution', () => {
    expect(
      quotes('Hana Lund runs the mill. “The mood has changed”, because of the long strike, Lund said.'),
    ).toEqual([['reported', '“The mood has changed”, because of the long strike', 'Hana Lund']]);
  });

  it('reports a quote a phrase of contrast or comparison carries on before the attribution', () => {
    expect(
      quotes(
        'Commuters are angry. “Ferry fares have gone up every year,” in sharp contrast to the bus fares that ' +
          'stayed flat, says Ana Lind, a nurse in Tromso.',
      ),
    ).toEqual([
      [
        'reported',
        '“Ferry fares have gone up every year,” in sharp contrast to the bus fares that stayed flat',
        'Ana Lind',
      ],
    ]);
    expect(
      quotes(
        'The mill is struggling. “Sales are down a third,” compared with a tenth in May, Tom Hale said.',
      ),
    ).toEqual([['reported', '“Sales are down a third,” compared with a tenth in May', 'Tom Hale']]);
  });

  it('leaves a quote direct when the words before the attribution say where it was said', () => {
    expect(
      quotes('The mill is struggling. “Sales are down a third,” in a statement on Monday, Tom Hale said.'),
    ).toEqual([['direct', 'Sales are down a third', 'Tom Hale']]);
  });

  it('reports a quote a clause joined by "and" carries on before the attribution', () => {
    expect(
      quotes(
        'Pete Moreau owns the bakery. “There is calm now,” and orders picked up last week, Moreau said.',
      ),
    ).toEqual([['reported', '“There is calm now,” and orders picked up last week', 'Pete Moreau']]);
  });

  it('keeps the quote direct when the attribution, where it was said or a relative clause follows the comma', () => {
    expect(
      quotes(
        'Pete Moreau owns the bakery. “There is calm now,” Moreau said. “We held out,” in an interview on ' +
          'Monday, Moreau said. “We will reopen in Regina,” which has two shops, Moreau added.',
      ).map((q) => q[0]),
    ).toEqual(['direct', 'direct', 'direct']);
  });

  it('keeps the quote direct and its speaker when the clause after "but" or "and" has its own verb of saying', () => {
    expect(
      quotes(
        'Mayor Ann Cole spoke at the vigil. “It is a tragedy,” but police said the inquiry would take months.',
      ).filter((q) => q[0] === 'direct'),
    ).toEqual([['direct', 'It is a tragedy', 'Ann Cole']]);
  });

  it('keeps a complete quote direct when a clause of the reporter’s own follows without an attribution', () => {
    expect(
      quotes('Pete Moreau spoke last. “We are done here,” and with that Moreau left the room.').map(
        (q) => q[0],
      ),
    ).toEqual(['direct']);
  });
});

describe('a lower-case quote without punctuation of its own that the reporter’s words carry on', () => {
  it('reports it when a name or a number carries the sentence on', () => {
    expect(
      quotes(
        'A defence official said “we could see more” Canadian supply flights to the region in the weeks ahead.',
      ),
    ).toEqual([
      [
        'reported',
        '“we could see more” Canadian supply flights to the region in the weeks ahead',
        'defence official',
      ],
    ]);
  });

  it('keeps it direct when the attribution follows at once', () => {
    expect(
      quotes('Hana Lund runs the mill. “we could see more of them” Lund said.').map((q) => q[0]),
    ).toEqual(['direct']);
  });
});
