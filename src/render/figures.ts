/**
 * How a force figure reads, in one place for `/troops`, `/summary` and digests: its value (`about 1,000`, or
 * `number not given`), what it counts (`Russian personnel in Syria`), and who gave it. Every surface writes a
 * figure through {@link figureLine}, in one wording (`… — per Viktor Ozerov`), adding only what it needs around
 * it (the state, the earlier value, the article); the parts, and their escaping, are written once.
 */
import type { FigureState } from '../extract/types.ts';
import type { StoredFigure } from '../store/index.ts';
import { escapeText, formatRange } from './text.ts';

type FigureParts = Pick<StoredFigure, 'min' | 'max' | 'qualifier' | 'unit'> & { counted?: boolean };

/** Units that read the same in the plural. */
const UNCOUNTABLE = /(?:personnel|aircraft|equipment|staff|infantry|artillery|armou?r)$/i;

/** The unit as a count of it reads: `battalion` for one, `battalions` for more, `personnel` always. */
function unitFor(figure: Pick<StoredFigure, 'max' | 'unit'> & { counted?: boolean }): string {
  const singular = figure.counted !== false && figure.max === 1;
  return singular || UNCOUNTABLE.test(figure.unit) ? figure.unit : `${figure.unit}s`;
}

/** `about 1,000`, `3,000–6,000`, or `number not given` for a figure named without a count (never 0). */
export function figureValue(figure: FigureParts): string {
  if (figure.counted === false) return formatRange(figure.min, figure.max, false);
  return `${figure.qualifier ? `${escapeText(figure.qualifier)} ` : ''}${formatRange(figure.min, figure.max)}`;
}

/** What a figure counts: `Russian personnel in Syria`, escaped. */
function figureSubject(figure: Pick<StoredFigure, 'max' | 'unit' | 'who' | 'where' | 'counted'>): string {
  return [figure.who, unitFor(figure), figure.where ? `in ${figure.where}` : null]
    .filter((part): part is string => Boolean(part))
    .map(escapeText)
    .join(' ');
}

/** `1,000 personnel`, `800 troops`, `2 battalions`, or `personnel (number not given)`; not escaped. */
export function figureAmount(figure: FigureParts): string {
  const unit = unitFor(figure);
  if (figure.counted === false) return `${unit} (number not given)`;
  const qualifier = figure.qualifier ? `${figure.qualifier} ` : '';
  return `${qualifier}${formatRange(figure.min, figure.max)} ${unit}`;
}

/** Who gave a figure: `per Viktor Ozerov`, or `unattributed estimate`. */
export function attribution(source: string | null): string {
  return source ? `per ${escapeText(source)}` : 'unattributed estimate';
}

/** The order of states in `/troops`: what stays first, since that is what members ask. */
export const STATE_ORDER: FigureState[] = ['remaining', 'deployed', 'withdrawn', 'required', 'unknown'];

export const STATE_LABEL: Record<FigureState, string> = {
  remaining: 'Remaining',
  deployed: 'Deployed',
  withdrawn: 'Withdrawn',
  required: 'Required',
  unknown: 'State not given',
};

/** How {@link figureLine} lays a figure out where more than the figure itself is wanted. */
export interface FigureLineOptions {
  /** Lead with the state (`Remaining: `), where the figure is not already under its state's heading. */
  state?: boolean;
  /**
   * The value readers last saw, for a digest: `about 1,000 → **about 1,500**`. Null marks a figure readers had
   * not seen (`(new)`); undefined, a line that is not a change.
   */
  previous?: StoredFigure | null;
}

/**
 * One figure on one line, the one wording every surface uses (`/troops`, `/summary`, digests, briefings):
 * `**about 1,000** Russian personnel in Syria — per Viktor Ozerov`; with options,
 * `Remaining: about 1,000 → **about 1,500** Russian personnel in Syria — per Viktor Ozerov` or
 * `Withdrawn: **12** Russian aircraft in Syria (new) — per Defense Ministry`.
 */
export function figureLine(figure: StoredFigure, options: FigureLineOptions = {}): string {
  const subject = figureSubject(figure);
  const previous = options.previous;
  const said = figure.counted
    ? `${previous ? `${figureValue(previous)} → ` : ''}**${figureValue(figure)}** ${subject}`
    : `${subject} (number not given${previous ? `; was ${figureValue(previous)}` : ''})`;
  const isNew = previous === null ? ' (new)' : '';
  const state = options.state ? `${STATE_LABEL[figure.state]}: ` : '';
  return `${state}${said}${isNew} — ${attribution(figure.source)}`;
}
