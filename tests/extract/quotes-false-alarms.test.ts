import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const quotes = (body: string) =>
  extract({ title: 'Test', body, published }).quotes.map((q) => [q.kind, q.text, q.speaker]);

describe('a split quote whose second part finishes a clause of the reporter’s own', () => {
  it('keeps the second part out of the first when a participle opens a clause between them', () => {
    const found = quotes(
      'Ruth Olsen was fined after a post about the closure of the mill. "Shame on them!" Olsen wrote, ' +
        'warning that if the owners did not reopen it, "the whole valley will suffer."',
    );
    expect(found.filter((q) => q[0] === 'direct')).toEqual([['direct', 'Shame on them!', 'Ruth Olsen']]);
    expect(found.some((q) => q[0] === 'reported' && /the whole valley will suffer/.test(String(q[1])))).toBe(
      true,
    );
  });

  it('still joins the parts around a bare attribution', () => {
    expect(
      quotes('"The mill will reopen," Ruth Olsen said on Monday, "and the valley will work again."'),
    ).toEqual([['direct', 'The mill will reopen and the valley will work again.', 'Ruth Olsen']]);
  });
});

describe('a straight quote inside a straight one', () => {
  it('reads the inner marks as a quote within the quote, not as its end', () => {
    expect(
      quotes(
        'Mayor Ruth Olsen posted, "Witnesses say the driver yelled "Move!" before the bus left the road." ' +
          'The post was shared widely.',
      ),
    ).toEqual([
      ['direct', 'Witnesses say the driver yelled "Move!" before the bus left the road.', 'Ruth Olsen'],
    ]);
  });

  it('does not nest a mark when the quote before it was simply left unclosed', () => {
    expect(
      quotes('"We are ready, Ruth Olsen said after the vote. "The work starts now."').map((q) => q[1]),
    ).not.toContain('We are ready, Ruth Olsen said after the vote. "The work starts now."');
  });
});

describe('a party adjective before a role is no one’s name', () => {
  const body =
    'Presumptive Democratic mayoral nominee Ruth Olsen toured the flooded mill on Monday. ' +
    'She said: "The valley will not wait for the legislature."';

  it('takes the capitalised words before the role for no person', () => {
    const people = extract({ title: 'Test', body, published }).people.map((p) => p.name);
    expect(people).toContain('Ruth Olsen');
    expect(people).not.toContain('Presumptive Democratic');
  });

  it('gives the quote after "She said" to the person the role names', () => {
    expect(quotes(body)).toEqual([['direct', 'The valley will not wait for the legislature.', 'Ruth Olsen']]);
  });
});

describe('a verb of saying in a subordinate clause', () => {
  it('gives the quote to the clause’s own subject, not to the main clause’s', () => {
    expect(
      quotes(
        'The hearing on the dam grew so tense that Mayor Ruth Olsen said, "I feel like we need a referee in here."',
      ),
    ).toEqual([['direct', 'I feel like we need a referee in here.', 'Ruth Olsen']]);
  });

  it('reads a pronoun after "when" as the speaker', () => {
    const found = quotes(
      'Ruth Olsen spoke last on Monday. Her sharpest line was delivered at the end when she said, "Nobody here is ' +
        'going to wait."',
    );
    expect(found).toEqual([['direct', 'Nobody here is going to wait.', 'Ruth Olsen']]);
  });
});

describe('a convention is a body, not a person', () => {
  it('keeps "National Convention" out of the people, so "she" finds the speaker', () => {
    const body =
      'Ruth Olsen won praise for her speech at the Harbor National Convention. ' +
      'Her best line came near the end when she said, "Nobody in this hall is going to wait."';
    const facts = extract({ title: 'Test', body, published });
    expect(facts.people.map((p) => p.name)).not.toContain('Harbor National Convention');
    expect(facts.organizations.map((o) => o.name)).toContain('Harbor National Convention');
  });
});
