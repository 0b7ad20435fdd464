/**
 * What the extractor finds in one article. These shapes are the contract between `src/extract` (which produces
 * them, purely), `src/store` (which persists them) and the commands and digests (which show them).
 * Offsets are UTF-16 code-unit offsets into the article body, as JavaScript strings count them.
 */

/** Where a fact sits in the body: start inclusive, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A direct quote ("…," Putin said) or reported speech (Ozerov says Russia would need …). */
export interface Quote extends Span {
  kind: 'direct' | 'reported';
  /** The quoted words (direct) or the reported clause (reported), without the quotation marks. */
  text: string;
  /** The speaker resolved to the fullest name the article uses, or an organisation; null when none is implied. */
  speaker: string | null;
  /** The speaker's role as the article gives it ("Russian President"), or null. */
  role: string | null;
  /** The reporting verb in its base form ("say", "estimate", "according to"), or null. */
  verb: string | null;
  /** The whole sentence (or sentences, for a quote running over paragraphs) that carries the quote. */
  sentence: string;
}

/** The state a figure is reported in. */
export type FigureState = 'deployed' | 'remaining' | 'withdrawn' | 'required' | 'unknown';

/** A number about forces: "about 1,000 Russian military personnel will remain in Syria". */
export interface Figure extends Span {
  /** Lower bound; equal to max for a single value. */
  min: number;
  /**
   * False when the article names the equipment but gives no number ("its S-400 missile systems will remain"):
   * then min and max are 0 and must be shown as "number not given", never as a count. Absent means counted.
   */
  counted?: boolean;
  max: number;
  /** "about", "around", "a minimum of", "a total of", "up to" …, or null. */
  qualifier: string | null;
  /** Normalised unit, singular: "personnel", "troop", "battalion", "aircraft", "base", "missile system" … */
  unit: string;
  state: FigureState;
  /** Whose forces ("Russian"), or null. */
  who: string | null;
  /** Where they are ("Syria"), or null. */
  where: string | null;
  /** Who gave the figure (a resolved speaker), or null for an unattributed estimate. */
  source: string | null;
  sentence: string;
  /**
   * True for a figure the headline gives and the body does not restate: then `sentence` is the headline and the
   * offsets count in it, not in the body. Absent means the figure is in the body.
   */
  headline?: true;
}

/** A person, place or organisation with every place it is mentioned. */
export interface Entity {
  /** The canonical (fullest) name. */
  name: string;
  /** Other ways the article names it ("Putin", "President Assad", "the head of the defense committee"). */
  aliases: string[];
  mentions: Span[];
}

export interface Person extends Entity {
  role: string | null;
}

/** How precisely a timeline date is known. */
export type DatePrecision = 'day' | 'month' | 'year';

/** A dated event; `date` is ISO: YYYY-MM-DD, YYYY-MM or YYYY to match its precision. */
export interface TimelineEvent extends Span {
  date: string;
  precision: DatePrecision;
  /** True for dates derived from a duration or an approximation ("nearly five years old"). */
  approximate: boolean;
  /** A short description of the event: the clause that carries the date. */
  text: string;
}

/** Everything extracted from one article. */
export interface Facts {
  /** The lead sentences that carry the story, in article order. */
  summary: string[];
  quotes: Quote[];
  figures: Figure[];
  people: Person[];
  places: Entity[];
  organizations: Entity[];
  timeline: TimelineEvent[];
}

/** What the extractor needs to know about an article. */
export interface ExtractInput {
  title: string;
  body: string;
  /**
   * When the article was published: relative dates ("on Tuesday", "in September") resolve against it; null
   * leaves them unresolved.
   */
  published: Date | null;
}
