import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const facts = (body: string) => extract({ title: 'Test', body, published });
const speakers = (body: string) => facts(body).quotes.map((q) => [q.text, q.speaker]);

describe('a given name that is also an ordinary word', () => {
  it('makes a person of "Bill Clinton", told apart from Hillary Clinton by the title', () => {
    const f = facts(
      'Bill Clinton campaigned for Hillary Clinton in Iowa.\n\n"We are ready," Mr. Clinton said.\n\n' +
        '"So am I," Mrs. Clinton said.',
    );
    expect(f.people.map((p) => p.name)).toEqual(['Bill Clinton', 'Hillary Clinton']);
    expect(f.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We are ready', 'Bill Clinton'],
      ['So am I', 'Hillary Clinton'],
    ]);
  });

  it('does not make a person of a modal before a name', () => {
    expect(facts('Will Trump win the state? Nobody knows.').people.map((p) => p.name)).toEqual([]);
  });
});

describe('a bare surname two people share', () => {
  const intro =
    'Mary Smith debated Tom Hale on Thursday.\n\nJohn Smith watched from the front row. John Smith later told ' +
    'donors the debate went well, and John Smith left early.\n\nThe hall was full and the crowd was loud for ' +
    'most of the evening, with long lines outside the doors well before the start, and many people had ' +
    'travelled from other towns to see the two candidates on one stage for the last time. Local shops stayed ' +
    'open late, the buses ran until midnight, and the university lent its car parks to the visitors, who ' +
    'filled them by six.\n\n';

  it('is the one whose gender the pronoun after it has, and the one the article’s pronouns mostly give it', () => {
    expect(speakers(`${intro}Smith says she respects Hale. "We will win," Smith said.`)).toEqual([
      // (What John Smith told the donors is reported speech of his own.)
      ['the debate went well, and John Smith left early', 'John Smith'],
      ['she respects Hale', 'Mary Smith'],
      ['We will win', 'Mary Smith'],
    ]);
  });

  it('is not narrowed by a pronoun to a man whose given name says nothing of his gender', () => {
    expect(
      speakers(
        'George H.W. Bush spoke first. Jeb Bush spoke next.\n\n"I am proud of my father," Bush said as he left.',
      ),
    ).toEqual([['I am proud of my father', 'Jeb Bush']]);
  });
});

describe('the antecedent of "he" or "she"', () => {
  it('is the person named in the sentence rather than a possessor beside them', () => {
    expect(
      speakers(
        'Barack Obama spoke on Monday.\n\nFormer governor Ed Rendell, one of Obama’s most ' +
          'vocal supporters, was resolute.\n\n"Absolutely not," he said.',
      ),
    ).toEqual([['Absolutely not', 'Ed Rendell']]);
  });

  it('is not a surname that only qualifies the subject ("Obama campaign Chairman John Podesta")', () => {
    expect(
      speakers(
        'Barack Obama flew to Ohio.\n\nAnd Obama campaign Chairman John Podesta offered a ' +
          'slogan when I asked him.\n\n"She will fight for the American people," he said.',
      ),
    ).toEqual([['She will fight for the American people', 'John Podesta']]);
  });
});
