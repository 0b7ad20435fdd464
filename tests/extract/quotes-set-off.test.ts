import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const direct = (body: string) =>
  extract({ title: 'Test', body, published })
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

const intro = 'Mayor Ruth Olsen met the harbour board on Monday.\n\n';

describe('a quote set into the reporter’s sentence and attributed right after it', () => {
  it('takes a quote between dashes followed by its attribution', () => {
    expect(
      direct(
        `${intro}Olsen dismissed the plan - "Frankly, it will never be built," she said - and left the hall.`,
      ),
    ).toEqual([['Frankly, it will never be built', 'Ruth Olsen']]);
  });

  it('takes a quote in brackets followed by its attribution', () => {
    expect(
      direct(
        `${intro}Residents were angry ("We were never asked," wrote Tom Hale, a farmer, on the council page), and ` +
          'the vote was put off.',
      ),
    ).toEqual([['We were never asked', 'Tom Hale']]);
  });

  it('takes a quote after a comma when a verb of saying comes before it', () => {
    expect(
      direct(
        `${intro}"It is late," Olsen said, but despite all the rain this week, "The ferry will still sail," said Tom Hale.`,
      ),
    ).toEqual([
      ['It is late', 'Ruth Olsen'],
      ['The ferry will still sail', 'Tom Hale'],
    ]);
  });

  it('leaves a quote that completes a phrase of the reporter’s own to partial quotes', () => {
    expect(direct(`${intro}Like most ports, "we check every permit twice," Olsen said.`)).toEqual([]);
  });

  it('takes a quote after a phrase that only names its topic, "As for …,"', () => {
    expect(
      direct(`${intro}As for the new ferry fares, "we will set them when the board has met," Olsen said.`),
    ).toEqual([['we will set them when the board has met', 'Ruth Olsen']]);
    expect(direct(`${intro}As to the timing, "I cannot promise anything," said Tom Hale, a pilot.`)).toEqual([
      ['I cannot promise anything', 'Tom Hale'],
    ]);
  });

  it('does not take a title set off by commas for a quote', () => {
    expect(
      direct(`${intro}Her weekly show, "Evenings with Ruth Olsen," the station said, ends in May.`),
    ).toEqual([]);
  });
});

describe('quotes the sentence splitter or the marks did not set apart', () => {
  it('takes a quote in capitals after a full stop read as an abbreviation’s', () => {
    expect(
      direct(
        '"The bridge will open," Mayor Ruth Olsen told reporters in Halifax, N.S. "We expect the first traffic by June."',
      ),
    ).toEqual([
      ['The bridge will open', 'Ruth Olsen'],
      ['We expect the first traffic by June.', 'Ruth Olsen'],
    ]);
  });

  it('takes a straight quote right after a colon, and the name before the colon as the speaker', () => {
    expect(
      direct(
        'The council met on Monday.\n\nCouncillor Ruth Olsen (Lab.):"We will open the bridge."\n\n' +
          'Former harbour master Tom Hale:"It is far too late for that."',
      ),
    ).toEqual([
      ['We will open the bridge.', 'Ruth Olsen'],
      ['It is far too late for that.', 'Tom Hale'],
    ]);
  });

  it('does not take a clause with a verb before the colon for a speaker’s label', () => {
    expect(
      direct('The council met on Monday.\n\nThe board then published its finding:"Nothing was lost."'),
    ).toEqual([['Nothing was lost.', null]]);
  });
});

describe('quotes in single marks, as British and Canadian copy sets them', () => {
  it('takes quotes in straight single marks, past apostrophes inside them', () => {
    expect(
      direct(
        "Labour leader Jeremy Corbyn visited Leeds. 'It's a disgrace,' Mr Corbyn said. He told the BBC: 'We will " +
          "not be cowed by the Tories' plans.'",
      ),
    ).toEqual([
      ["It's a disgrace", 'Jeremy Corbyn'],
      ["We will not be cowed by the Tories' plans.", 'Jeremy Corbyn'],
    ]);
  });

  it('does not open a quote at an elision or a decade', () => {
    expect(direct("Residents of the '90s estate love rock 'n' roll, the council said.")).toEqual([]);
  });

  it('does not take a subhead of a few words in single marks, alone in its paragraph, for a quote', () => {
    expect(
      direct(
        `${intro}"We will rebuild the pier," Olsen said.\n\n'A change of course.'\n\nThe board met again in May.`,
      ),
    ).toEqual([['We will rebuild the pier', 'Ruth Olsen']]);
    expect(direct(`${intro}‘A change of course?’\n\nThe board met again in May.`)).toEqual([]);
  });
});

describe('words nobody said', () => {
  it('does not take a look, words held back or imagined thoughts for a quote', () => {
    expect(direct(`${intro}Olsen smiled at the board, as if to say, "You have no choice."`)).toEqual([]);
    expect(direct(`${intro}Olsen left without saying, "This is the worst plan I have read."`)).toEqual([]);
    expect(direct(`${intro}One critic imagined Olsen was thinking: "What have I done?"`)).toEqual([]);
  });

  it('does not take the words someone hopes or wishes another will say for a quote', () => {
    expect(
      direct(`${intro}The pier has been shut for years. I hope next year the town says, "Thank you, Ruth."`),
    ).toEqual([]);
    expect(direct(`${intro}Olsen wishes the board would tell her, "Start in May."`)).toEqual([]);
    expect(
      direct(`${intro}Olsen said she hoped to say more soon, adding: "We are close to a deal."`),
    ).toEqual([['We are close to a deal.', 'Ruth Olsen']]);
  });
});

describe('"As X put it," with the source named at length', () => {
  it('takes the name of a source with an appositive and the complements of its verb', () => {
    expect(
      direct(
        'As the harbour board chairman, Tom Hale, put it in his memo to staff explaining the merger, "Nobody ' +
          'will lose a berth."',
      ),
    ).toEqual([['Nobody will lose a berth.', 'Tom Hale']]);
    expect(
      direct(
        'As Ruth Olsen, a lawyer and senior fellow at the Harbour Institute, recently put it, "Who pays for the pier?"',
      ),
    ).toEqual([['Who pays for the pier?', 'Ruth Olsen']]);
    expect(
      direct(
        `${intro}As the columnist Tom Hale had written a few years earlier, "The pier is the heart of the town."`,
      ),
    ).toEqual([['The pier is the heart of the town.', 'Tom Hale']]);
  });

  it('takes a source described in a few lower-case words, a role the article gave someone or a description', () => {
    expect(direct(`${intro}As the mayor put it in her letter, "The budget is broken."`)).toEqual([
      ['The budget is broken.', 'Ruth Olsen'],
    ]);
    expect(direct('Dock workers walked out on Monday. As one striker put it, "We have had enough."')).toEqual(
      [['We have had enough.', 'one striker']],
    );
  });

  it('takes the same aside after the quote for its speaker, not the person named before', () => {
    expect(direct(`${intro}"The pier is ours," as Tom Hale put it.`)).toEqual([
      ['The pier is ours', 'Tom Hale'],
    ]);
    expect(direct(`${intro}"We have had enough," as one striker, a welder, put it to reporters.`)).toEqual([
      ['We have had enough', 'one striker'],
    ]);
    expect(direct(`${intro}"Go home," she said, as the crowd cheered.`)).toEqual([['Go home', 'Ruth Olsen']]);
  });

  it('does not take a role after "as" for the source', () => {
    expect(
      direct(
        `${intro}Looking back on her years as a ferry pilot, the mayor said, "Nothing was ever simple on the water."`,
      ),
    ).toEqual([['Nothing was ever simple on the water.', 'Ruth Olsen']]);
  });
});

describe('a participle of saying right before the marks', () => {
  it('takes the quote a participle introduces even when its subject cannot be read, naming nobody', () => {
    expect(
      direct(
        `${intro}Alongside the protests, even a harbour pilot said the board will have to choose whose side it is on, ` +
          'saying, "At some point they have to decide."',
      ),
    ).toEqual([['At some point they have to decide.', null]]);
  });

  it('still gives a participle after an earlier quote to the subject of the sentence', () => {
    expect(
      direct(`${intro}"We are ready," Olsen said on Harbour Radio, adding, "The ferry sails on Friday."`),
    ).toEqual([
      ['We are ready', 'Ruth Olsen'],
      ['The ferry sails on Friday.', 'Ruth Olsen'],
    ]);
  });
});

describe('an introduction without the usual verb and comma', () => {
  it('takes a quote after a verb of saying and its listener with no comma before the marks', () => {
    expect(direct(`${intro}Olsen told reporters "We will rebuild the bridge by June."`)).toEqual([
      ['We will rebuild the bridge by June.', 'Ruth Olsen'],
    ]);
    expect(direct(`${intro}Olsen asked the crowd "Who will pay for the bridge?"`)).toEqual([
      ['Who will pay for the bridge?', 'Ruth Olsen'],
    ]);
  });

  it('does not take a programme’s title or a chant named by a noun that way', () => {
    expect(direct(`${intro}"We are ready," Olsen said on Harbour Radio's "Meet the Mayor."`)).toEqual([
      ['We are ready', 'Ruth Olsen'],
    ]);
    expect(direct(`${intro}Olsen roused the hall to loud chants of "Build the pier now!"`)).toEqual([]);
  });

  it('takes a quote after a statement or message its sender issued', () => {
    expect(direct(`${intro}Olsen issued a statement on Monday, "The pier will reopen in May."`)).toEqual([
      ['The pier will reopen in May.', 'Ruth Olsen'],
    ]);
  });
});

describe('a quote left open by mistake', () => {
  it('gives the next paragraph’s quote back when the open one is not a quote of its own', () => {
    expect(
      direct(
        `${intro}Hale said the mayor's plan is "a castle in the air.\n\n"We build piers, not promises," Olsen said.`,
      ),
    ).toEqual([['We build piers, not promises', 'Ruth Olsen']]);
  });
});
