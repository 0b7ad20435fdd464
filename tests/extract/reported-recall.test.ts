import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const reported = (body: string) =>
  extract({ title: 'Test', body, published })
    .quotes.filter((q) => q.kind === 'reported')
    .map((q) => [q.text, q.speaker, q.verb]);

describe('reported speech: the question "wonder" reports', () => {
  it('reads the indirect question right after the verb, and after a progressive', () => {
    expect(reported('Mayor Ana Lind wondered whether the ferry would ever run on time again.')).toEqual([
      ['whether the ferry would ever run on time again', 'Ana Lind', 'wonder'],
    ]);
    expect(reported('Some council members are wondering if the levy can survive another winter.')).toEqual([
      ['if the levy can survive another winter', 'some council members', 'wonder'],
    ]);
  });

  it('reads nothing from the noun, from an object, or from a participle about the ones left wondering', () => {
    expect(reported('It is no wonder why the ferry runs late every winter.')).toEqual([]);
    expect(reported('Ana Lind wondered at the size of the new ferry terminal.')).toEqual([]);
    expect(
      reported('The delay has left the riders, even the most patient, wondering when the ferry will run.'),
    ).toEqual([]);
  });
});

describe('reported speech: an adverb between a preposition and its participle', () => {
  it('reads the participle for the main subject as it does without the adverb', () => {
    expect(
      reported('Ana Lind shrugged off the poll while also saying that the ferry vote would be close.'),
    ).toEqual([['the ferry vote would be close', 'Ana Lind', 'say']]);
    expect(
      reported('Ana Lind opened the session by bluntly warning that the fund was nearly empty.'),
    ).toEqual([['the fund was nearly empty', 'Ana Lind', 'warn']]);
  });
});

describe('reported speech: an answer said in place of a clause', () => {
  it('reads "yes", "no", "so" and "the same" as what was said', () => {
    expect(reported('Asked if the ferry should run at night, 61 percent of riders said yes.')).toContainEqual(
      ['yes', '61 percent of riders', 'say'],
    );
    expect(reported('Mayor Ana Lind said no to the new toll.')).toEqual([
      ['no to the new toll', 'Ana Lind', 'say'],
    ]);
    expect(
      reported('Four in 10 riders call the ferry reliable, after a third said so last spring.'),
    ).toContainEqual(['so', 'third', 'say']);
    expect(
      reported('While 80 percent of riders praised the ferry, 31 percent said the same of the bus.'),
    ).toEqual([['the same of the bus', '31 percent', 'say']]);
  });

  it('reads no answer from a quantity or a phrase that "no" opens', () => {
    expect(reported('Ana Lind said so many things that the council stopped listening.')).toEqual([]);
    expect(reported('Ana Lind said no one would lose a job over the toll.')).toEqual([
      ['no one would lose a job over the toll', 'Ana Lind', 'say'],
    ]);
  });
});

describe('reported speech: the clause resuming after "according to" set into the sentence', () => {
  it('reads a clause past an aside between dashes and past its subject’s relative clause', () => {
    expect(
      reported(
        'But, according to the survey, 40 percent of riders — and half of all drivers — are still unsure.',
      ),
    ).toEqual([
      ['40 percent of riders — and half of all drivers — are still unsure', 'survey', 'according to'],
    ]);
    expect(
      reported(
        'Even so, according to the audit office, nearly 900 workers who should have been paid overtime will be owed money.',
      ),
    ).toEqual([
      [
        'nearly 900 workers who should have been paid overtime will be owed money',
        'audit office',
        'according to',
      ],
    ]);
  });
});

describe('reported speech: an opening question runs past a clause set into it', () => {
  it('ends the question at the comma before the main clause’s subject, not at a relative clause’s', () => {
    expect(
      reported(
        'Asked whether the ferry contract, which critics called a giveaway, would be renewed, Ana Lind said: “We will see.”',
      ),
    ).toContainEqual([
      'whether the ferry contract, which critics called a giveaway, would be renewed',
      null,
      'ask',
    ]);
    expect(
      reported('Asked how the toll would affect Ana Lind, 45, the mayor said: “Not at all.”'),
    ).toContainEqual(['how the toll would affect Ana Lind', null, 'ask']);
  });
});

describe('reported speech: what was asked for', () => {
  it('reads the request after "asked for" with its "for", up to the end of the phrase', () => {
    expect(reported('The ferry board asked for a full audit of the toll accounts.')).toEqual([
      ['for a full audit of the toll accounts', 'ferry board', 'ask'],
    ]);
    expect(
      reported('At the dock, a rider asked for a refund and Ana Lind said she would see to it.'),
    ).toContainEqual(['for a refund', 'rider', 'ask']);
  });

  it('reads no request from a time, a pronoun, or one inside what was said', () => {
    expect(reported('Ana Lind has asked for years whether the ferry would run.')).toEqual([
      ['whether the ferry would run', 'Ana Lind', 'ask'],
    ]);
    expect(reported('Ana Lind asked for it.')).toEqual([]);
    expect(reported('Ana Lind said she asked for a recount.')).toEqual([
      ['she asked for a recount', 'Ana Lind', 'say'],
    ]);
  });
});
