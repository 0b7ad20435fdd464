import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const published = new Date('2016-03-15T00:00:00Z');
const quotes = (body: string) =>
  extract({ title: 'Test', body, published }).quotes.map((q) => [q.kind, q.text, q.speaker]);

describe('quoted words that are no one’s speech', () => {
  it('takes neither the headline nor the excerpt of a story a digest lists under its byline', () => {
    expect(
      quotes(
        'Weekend reads for the city desk.\n\n' +
          'CLOSING TIME—"The Blue Note diner to shut its doors in March," by The Courier\'s Dana Whitfield: "The ' +
          'Blue Note, a late-night diner that has fed shift workers on Elm Street for 40 years, will close in ' +
          'March, its owners announced on Tuesday."\n\n' +
          '"Harbor ferry fares to rise," by Metro\'s Lee Brandt: "Riders will pay 50 cents more starting in June."\n\n' +
          '“We will miss the place,” Mayor Ruth Olsen said.',
      ),
    ).toEqual([['direct', 'We will miss the place', 'Ruth Olsen']]);
  });

  it('reads a verb of saying after a determiner and an adjective as a noun naming the quote, not its verb', () => {
    expect(
      quotes(
        'Boos rained down when Mayor Ruth Olsen spoke, and the crowd took up the caustic chant “Out she goes! Out ' +
          'she goes!” that rang through the hall.\n\nThe union members chant “Fair pay now!” every morning.',
      ).filter((q) => q[0] === 'direct'),
    ).toEqual([['direct', 'Fair pay now!', 'union members']]);
  });

  it('takes no quote of a headline in capitals that opens its line and heads a quoted story', () => {
    expect(
      quotes(
        'Good morning. Here is what you need to know.\n' +
          '‘CITY HALL BRACES FOR THE WORST SNOW IN DECADES’ “Crews worked through the night to salt the roads before the storm.” ' +
          '[Courier]\n“WE ARE NOT GOING ANYWHERE,” the strikers shouted.',
      ).map((q) => q[1]),
    ).toEqual([
      'Crews worked through the night to salt the roads before the storm.',
      'WE ARE NOT GOING ANYWHERE',
    ]);
  });

  it('reads the name on a pull quote’s last line inside the marks as its speaker, not as its words', () => {
    expect(
      quotes(
        'The council met on Monday.\n\n"Prices will rise before the summer is out.\nTom Hale, Harbor Institute."\n\n' +
          '"We will find the money for the new ferry.\nFormer president Dana Whitfield."',
      ),
    ).toEqual([
      ['direct', 'Prices will rise before the summer is out.', 'Tom Hale'],
      ['direct', 'We will find the money for the new ferry.', 'Dana Whitfield'],
    ]);
  });

  it('keeps a quote once when a pull quote sets its words again without an attribution', () => {
    expect(
      quotes(
        'The council met on Monday.\n\n"The ferry will run again before the summer is out.\nTom Hale."\n\n' +
          'Mayor Ruth Olsen spoke next.\n\n“The ferry will run again before the summer is out,” said Tom Hale, ' +
          'a harbour pilot.\n\n“It will,” Olsen said.',
      ),
    ).toEqual([
      ['direct', 'The ferry will run again before the summer is out', 'Tom Hale'],
      ['direct', 'It will', 'Ruth Olsen'],
    ]);
  });

  it('takes no quote of a phrase in lower case after a colon that names it, unless a word said introduces it', () => {
    expect(
      quotes(
        'After the album, Tom Hale, a fiddler from Cork, can add a new title to his long resume: “song collector.”\n\n' +
          'Hale has one word for the plan: “reckless.”\n\nAsked about the plan, Hale said: “absolutely not.”',
      ).filter((q) => q[0] === 'direct'),
    ).toEqual([
      ['direct', 'reckless.', 'Tom Hale'],
      ['direct', 'absolutely not.', 'Tom Hale'],
    ]);
  });
});
