import { describe, expect, it } from 'vitest';
import { quotes } from '../support/extract.ts';

describe('a name with long appositives before ", saying …"', () => {
  it('reads the name as the speaker though the appositives hold a list', () => {
    expect(
      quotes(
        'Ana Lind, founder of the Harbour Institute, board member in the 1980s and long time harbour commissioner from the north shore, backed the levy on Monday, saying it “keeps the ferries running for everyone.”',
      ),
    ).toEqual([['reported', 'it “keeps the ferries running for everyone”', 'Ana Lind']]);
  });

  it('reads past an age before the name', () => {
    expect(
      quotes(
        '81-year-old Ana Lind, founder of the Harbour Institute, board member in the 1980s and long time harbour commissioner from the north shore, backed the levy, saying it “keeps the ferries running.”',
      ),
    ).toEqual([['reported', 'it “keeps the ferries running”', 'Ana Lind']]);
  });
});
