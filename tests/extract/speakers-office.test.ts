import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

describe('an office named by the title that owns it', () => {
  it("is the speaker, not a person called 'Office': the Prime Minister's Office, the Premier's Office", () => {
    const body =
      'Prime Minister Justin Trudeau met the premiers on Monday. ' +
      '"We are ready to help," a statement from the Prime Minister\'s Office said. ' +
      "The Premier's Office said it would respond to the letter later in the week.";
    const result = extract({ title: 'Premiers meet', body, published: new Date('2024-03-04T12:00:00Z') });
    expect(result.quotes.map((q) => [q.kind, q.speaker])).toEqual([
      ['direct', "Prime Minister's Office"],
      ['reported', "Premier's Office"],
    ]);
    expect(result.people.map((p) => p.name)).toEqual(['Justin Trudeau']);
  });
});
