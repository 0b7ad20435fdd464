/**
 * Every match of a global pattern, as `text.matchAll(re)` gives them, without its cost: matchAll builds a copy of
 * the pattern for each call (through the RegExp constructor), which for the long Unicode patterns of the rules cost
 * about ten times the search itself (3.7–6.5 µs against 0.4–0.5 µs a sentence for the bare-number pattern of the
 * figures), and the rules call it for every sentence and every timeline event.
 */

/**
 * The matches of `re` (which must be global, as for matchAll) in `text`, in order, up to `limit` of them. Like
 * matchAll, the search starts where the pattern's `lastIndex` stands (a `test()` just before moves it), steps past
 * an empty match by one character (one code point for a Unicode pattern), and leaves the pattern's `lastIndex`
 * as it found it.
 */
export function allMatches(re: RegExp, text: string, limit = Infinity): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global pattern: ${re}`);
  const saved = re.lastIndex;
  const unicode = re.unicode || re.flags.includes('v');
  const out: RegExpExecArray[] = [];
  try {
    while (out.length < limit) {
      const m = re.exec(text);
      if (m === null) break;
      out.push(m);
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, unicode);
    }
  } finally {
    re.lastIndex = saved;
  }
  return out;
}

/** The index after the character at `index`: a surrogate pair counts as one in a Unicode pattern. */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
