/**
 * Pairs quotation marks. Curly quotes say which way they face; straight quotes and the curly apostrophe do not,
 * so their direction is read from the characters around them. A quote left open at the end of a paragraph is the
 * newspaper convention for a quote that carries on in the next paragraph, so it is returned open, not dropped.
 * Archive copy (wire services, newspaper databases) writes double quotes as two apostrophes (''…'') or as ``…'';
 * those pairs are double quotes too, two characters wide.
 */

/** One pair of quotation marks in a paragraph; `close` is null when the quote runs to the paragraph's end. */
export interface MarkSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark (its last character, for a two-character ''), or null. */
  close: number | null;
  /** The content between the marks (to the paragraph end when open). */
  contentStart: number;
  contentEnd: number;
  /** Double quotes (“ ” ") or single quotes (‘ ’, or straight ones). */
  double: boolean;
}

/** What may stand right before an opening mark: a space, a bracket, a dash, a slash or a colon ('Gowdy:"I have …'). */
const OPENING_CONTEXT = /[\s([{—–\-/:]/;

/**
 * A straight mark opens a quote after an opening context and before a word, but not before ">", where it ends an
 * attribute of markup left in the text ('tweet-date="May 9"¶">Stands empty …'), nor before a curly opening mark,
 * where it is a stray doubling of the mark that opens the quote ('"“We won,” she said.').
 */
function isOpeningStraight(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1]!;
  const after = text[i + 1] ?? ' ';
  return OPENING_CONTEXT.test(before) && !/[\s>“]/.test(after);
}

/**
 * A straight mark set right after a sentence's full stop and before a capital, with no space between ('said a
 * shopkeeper."We were deceived."'): with no quote open it can only open the next sentence's quote.
 */
function isOpeningAfterStop(text: string, i: number): boolean {
  return /[.!?]/.test(text[i - 1] ?? ' ') && /\p{Lu}/u.test(text[i + 1] ?? ' ');
}

/** '' opening a quote: at the paragraph start or after an opening context, followed by a word. */
function isOpeningPair(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1]!;
  return OPENING_CONTEXT.test(before) && /[\p{L}\p{N}.…]/u.test(text[i + 2] ?? ' ');
}

/**
 * A straight apostrophe opening a single quote, as British and Canadian copy sets quotes without curly marks ("'We
 * are ready,' Fallon said."): after a space, a bracket, a dash or a colon and before a letter, and not the
 * apostrophe of an elision ('em, 'til, 'cause, rock 'n' roll) or of a decade ('90s).
 */
function isOpeningStraightSingle(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1]!;
  return (
    OPENING_CONTEXT.test(before) &&
    /\p{L}/u.test(text[i + 1] ?? ' ') &&
    !/^(?:em|til|cause|cos|n|tis|twas|bout|round|kay)(?![\p{L}'’])/iu.test(text.slice(i + 1, i + 7))
  );
}

/**
 * A straight apostrophe closing a single quote: not inside a word ("don't"), and right after the quote's own
 * punctuation or a word's last letter other than the "s" of a plural possessive ("the voters' rights"). After an
 * "s" it closes the quote when punctuation or the paragraph's end follows it, as British copy sets a quote ending
 * on a plural before its comma ("'We never comment on leaks', a spokesman said."); a possessive is followed by the
 * noun it owns.
 */
function isClosingStraightSingle(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  if (/[\p{L}\p{N}]/u.test(after)) return false;
  return (
    /[,.!?…;:—–-]/.test(before) ||
    (/[\p{L}\p{N}]/u.test(before) && (before !== 's' || i + 1 >= text.length || /[,.;:!?)]/.test(after)))
  );
}

/** A “ after a letter or the quote's own punctuation and before a space, punctuation or the paragraph's end. */
function isClosingTypo(text: string, i: number): boolean {
  return /[\p{L}\p{N}.,!?…—–-]/u.test(text[i - 1] ?? ' ') && /[\s,.;:!?)]/.test(text[i + 1] ?? ' ');
}

/**
 * The ’ between an open curly quote at `from` and `to` that ends a sentence of it and is followed by a space, with no
 * ‘ before it that it would close: the writer's typo for the closing mark. Not after an abbreviation's capital and
 * full stop, where it is a possessive ("the U.S.’ allies"). -1 when there is none.
 */
function mistypedClose(text: string, from: number, to: number): number {
  const inside = text.slice(from + 1, to);
  if (inside.includes('‘') || inside.includes('”')) return -1;
  const m = /(?<!\p{Lu})[.!?,]’(?=\s)/u.exec(inside);
  return m ? from + 1 + m.index + 1 : -1;
}

/**
 * Finds the quoted spans of one paragraph (`text` is the paragraph, `base` its offset in the body). Single quotes
 * are only quotes outside double quotes, and only when ‘ opens them, because ’ is also the apostrophe.
 */
export function findQuoteMarks(text: string, base: number): MarkSpan[] {
  const spans: MarkSpan[] = [];
  let openAt = -1;
  let openWidth = 1;
  let singleOpenAt = -1;
  let innerCurly = false;
  let innerStraight = false;
  /** Closes the open double quote with the mark at `i`, `width` characters long (’’ and '' are two). */
  const closeDouble = (i: number, width = 1): void => {
    innerCurly = false;
    innerStraight = false;
    spans.push({
      open: base + openAt,
      close: base + i + width - 1,
      contentStart: base + openAt + openWidth,
      contentEnd: base + i,
      double: true,
    });
    openAt = -1;
    singleOpenAt = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    // Two-character marks: ``…'' and ''…''. `close` is the offset of the last character, so close + 1 ends it.
    const pair = (ch === "'" || ch === '`') && text[i + 1] === ch;
    if (pair && openAt < 0 && (ch === '`' || isOpeningStraight(text, i) || isOpeningPair(text, i))) {
      openAt = i;
      openWidth = 2;
      i++;
      continue;
    }
    // Curly single marks doubled stand for double ones, as typewriter marks converted to curly ones come out
    // (‘‘We are ready,’’ she said.): ‘‘ opens a quote, ’’ closes the one open.
    if (ch === '‘' && text[i + 1] === '‘' && openAt < 0) {
      openAt = i;
      openWidth = 2;
      singleOpenAt = -1;
      i++;
      continue;
    }
    if (ch === '’' && text[i + 1] === '’' && openAt >= 0) {
      closeDouble(i, 2);
      i++;
      continue;
    }
    // Three apostrophes close an inner single quote and then the double quote: the pair is the last two.
    if (pair && ch === "'" && openAt >= 0 && text[i + 2] === "'") continue;
    if (pair && ch === "'" && openAt >= 0) {
      closeDouble(i, 2);
      i++;
      continue;
    }
    // A closing curly mark where only an opening one can stand (line start, after a space, before a word) is a
    // typo for the opening mark: ”Mr. Trump embodies …”.
    // And an opening curly mark where only a closing one can stand (right after a word or the quote's punctuation,
    // before a space or punctuation) is a typo for the closing mark: 'here,“ said Jim Clyburn', '“Frozen“ and'.
    if (ch === '“' && openAt >= 0 && isClosingTypo(text, i)) {
      closeDouble(i);
      continue;
    }
    // A curly quote that can only open while a curly one is open, after a sentence the open quote's ’ ended
    // ('tweeted: “Let’s go.’ She later starred in “Trainwreck.”'): the ’ was typed for the closing mark.
    if (ch === '“' && openAt >= 0 && text[openAt] === '“' && isOpeningStraight(text, i)) {
      const typo = mistypedClose(text, openAt, i);
      if (typo >= 0) {
        closeDouble(typo);
        openAt = i;
        openWidth = 1;
        continue;
      }
    }
    if (
      ch === '“' ||
      ((ch === '"' || ch === '”') && openAt < 0 && isOpeningStraight(text, i)) ||
      (ch === '"' && openAt < 0 && isOpeningAfterStop(text, i))
    ) {
      if (openAt < 0) {
        openAt = i;
        openWidth = 1;
      } else if (text[openAt] === '"' && /[\p{L}\p{N}]/u.test(text[i + 1] ?? ' ')) {
        // A curly quote inside a straight one ('"WALLACE: … as “The Wall Street Journal” wrote, …'): its closing
        // mark ends the inner quote, not the outer.
        innerCurly = true;
      }
      continue;
    }
    if (ch === '”' && innerCurly) {
      innerCurly = false;
      continue;
    }
    // A straight quote inside a straight one, where the writer did not switch to single marks ('tweeted, "Police
    // say the gunman shouted "Go!" as he fired."'): a mark that can only open (after a space, before a word) while
    // a quote is open opens an inner quote, and the next mark that can close closes it, not the outer one.
    if (ch === '"' && openAt >= 0 && text[openAt] === '"') {
      if (innerStraight) {
        innerStraight = false;
        continue;
      }
      // Both the inner quote and the outer one must still close in the paragraph.
      if (
        /\s/.test(text[i - 1] ?? ' ') &&
        /[\p{L}\p{N}]/u.test(text[i + 1] ?? ' ') &&
        (text.slice(i + 1).match(/"/g)?.length ?? 0) >= 2
      ) {
        innerStraight = true;
        continue;
      }
    }
    if ((ch === '”' || ch === '"') && openAt >= 0) {
      closeDouble(i);
      continue;
    }
    if (openAt >= 0) continue;
    if ((ch === '‘' || (ch === "'" && isOpeningStraightSingle(text, i))) && singleOpenAt < 0) {
      singleOpenAt = i;
      continue;
    }
    // Only with a single quote open: reading text[-1] for every character of the paragraph (a property lookup V8
    // does the slow way, with a regex test besides) was about 5% of the whole extraction.
    if (singleOpenAt < 0) continue;
    const closesSingle =
      text[singleOpenAt] === "'"
        ? ch === "'" && isClosingStraightSingle(text, i)
        : ch === '’' && !/[A-Za-z]/.test(text[i + 1] ?? ' ');
    if (closesSingle) {
      spans.push({
        open: base + singleOpenAt,
        close: base + i,
        contentStart: base + singleOpenAt + 1,
        contentEnd: base + i,
        double: false,
      });
      singleOpenAt = -1;
    }
  }
  if (openAt >= 0) {
    spans.push({
      open: base + openAt,
      close: null,
      contentStart: base + openAt + openWidth,
      contentEnd: base + text.length,
      double: true,
    });
  }
  return spans;
}
