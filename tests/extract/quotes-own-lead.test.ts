import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a quote its own verb introduces, then another attribution and quote', () => {
  it('gives the first quote to the one whose verb stands before it', () => {
    expect(
      quotes('When a man in the crowd shouted, "Lind," the mayor laughed and said, "Not today, my friend!"'),
    ).toEqual([
      ['direct', 'Lind', 'man in the crowd'],
      ['direct', 'Not today, my friend!', 'mayor'],
    ]);
  });

  it('does not join the two as one split quote', () => {
    expect(
      quotes(
        'When someone in the audience yelled, "Shame," Ana Lind joked, still smiling, "Thank you, thank you!"',
      ),
    ).toEqual([
      ['direct', 'Shame', 'someone in the audience'],
      ['direct', 'Thank you, thank you!', 'Ana Lind'],
    ]);
  });

  it('still joins a split quote that opens its sentence', () => {
    expect(
      quotes('"I have no idea how they voted," Ola Olsen said of the members, "But I do know they came."'),
    ).toEqual([['direct', 'I have no idea how they voted, But I do know they came.', 'Ola Olsen']]);
  });
});
