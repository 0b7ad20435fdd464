/**
 * Scoring helpers shared by the evaluation scripts: word-overlap F1 between a gold text and an extracted one, a
 * greedy one-to-one matching on it, and how a speaker name is compared.
 */

/** Word tokens for overlap scoring: lower-case, curly apostrophes straightened, punctuation dropped. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** Bag-of-words F1 between two token lists. */
export function f1(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / b.length;
  const r = common / a.length;
  return (2 * p * r) / (p + r);
}

/**
 * Pairs gold items with predicted ones, best overlap first, each used at most once; pairs under `threshold` are
 * never made. Returns the pairs as [gold index, predicted index].
 */
export function greedyMatch(
  gold: string[][],
  predicted: string[][],
  threshold: number,
): Array<[number, number]> {
  const pairs: Array<{ g: number; p: number; s: number }> = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const s = f1(g, p);
      if (s >= threshold) pairs.push({ g: gi, p: pi, s });
    }),
  );
  pairs.sort((a, b) => b.s - a.s || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const pair of pairs) {
    if (usedG.has(pair.g) || usedP.has(pair.p)) continue;
    usedG.add(pair.g);
    usedP.add(pair.p);
    out.push([pair.g, pair.p]);
  }
  return out;
}

/** Speakers compare after lower-casing and dropping a leading article and a possessive. */
export function normSpeaker(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/'s$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const pct = (n: number, d: number): number => (d === 0 ? 1 : n / d);
export const fmt = (x: number): string => `${(x * 100).toFixed(1)}%`;
