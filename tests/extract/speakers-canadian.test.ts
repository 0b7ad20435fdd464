import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2024-02-12T00:00:00Z');
const facts = (body: string) => extract({ title: 'Test', body, published });
const direct = (body: string) =>
  facts(body)
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

describe('an organisation, a title and a full name written as one run', () => {
  it('gives the quote to the person and keeps the organisation apart', () => {
    const body =
      'Federation of Prairie Farmers Regional Chief Colleen Ashdown met the minister on Friday.\n\n' +
      '“We came with a list and we left with a promise,” Ashdown said.';
    const f = facts(body);
    expect(f.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We came with a list and we left with a promise', 'Colleen Ashdown'],
    ]);
    expect(f.people.map((p) => p.name)).toEqual(['Colleen Ashdown']);
    expect(f.organizations.map((o) => o.name)).toEqual(['Federation of Prairie Farmers']);
  });

  it('leaves an organisation named after an office whole', () => {
    const f = facts('The Office of the Chief Electoral Officer said the count would resume on Monday.');
    expect(f.people).toEqual([]);
  });
});

describe('a surname that is also a title word', () => {
  it('resolves the bare surname to the person the article named in full with it', () => {
    expect(
      direct(
        'Avalanche forecaster Marcy Bishop said the slopes were loaded.\n\n' +
          '“Stay off anything steeper than thirty degrees this week,” Bishop said.',
      ),
    ).toEqual([['Stay off anything steeper than thirty degrees this week', 'Marcy Bishop']]);
    expect(
      direct(
        'Search manager Glen Pope said teams were out at dawn.\n\n' +
          '“The weather gave us a four-hour window,” Pope said. “We used every minute of it.”',
      ),
    ).toEqual([
      ['The weather gave us a four-hour window', 'Glen Pope'],
      ['We used every minute of it.', 'Glen Pope'],
    ]);
  });

  it('does not join a title with a name before it to someone else of that surname', () => {
    const f = facts(
      'The choir sang hymns that Dr. King loved. Later, promoter Dale King spoke briefly.\n\n' +
        '“It was a good night,” King said.',
    );
    expect(f.quotes.map((q) => [q.text, q.speaker])).toEqual([['It was a good night', 'Dale King']]);
    expect(f.people.find((p) => p.name === 'Dale King')?.mentions).toHaveLength(2);
  });
});

describe('given names that are also ordinary words', () => {
  it('makes a person of a flower or jewel name before a surname, so a later pronoun finds her', () => {
    expect(
      direct(
        'Transit users rallied outside city hall. Organizer Ruby Okafor led the chants.\n\n' +
          '“Buses every twenty minutes is not a network,” she said.',
      ),
    ).toEqual([['Buses every twenty minutes is not a network', 'Ruby Okafor']]);
    expect(
      direct(
        'The proposal was opposed by councillor Hazel Lindqvist. She said the plan ignored the east end.\n\n' +
          '“Show me one stop east of the river,” she said.',
      ),
    ).toEqual([['Show me one stop east of the river', 'Hazel Lindqvist']]);
  });

  it('does not make a person of such a word before an ordinary noun', () => {
    const f = facts('Visitors crowded the Rose Garden on Sunday and the Ruby Tuesday across the road.');
    expect(f.people).toEqual([]);
  });
});
