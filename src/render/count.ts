/**
 * Counting in words. Apart from src/render/text.ts (which needs discord.js to escape markdown), so that the
 * feeds, the schedules and the command-line tools count the same way as the replies without loading Discord.
 */

const PLURAL_RULES = new Intl.PluralRules('en-US');

/**
 * A count with its noun in the form English needs: `1 article`, `3 articles`, `1,000+ quotes`, `1 timeline
 * entry`. The one way every reply writes a count, so none says "1 mentions" or "Mentioned 1 times". `capped`
 * (a count that stopped at its cap) always reads as plural.
 */
export function counted(n: number, singular: string, plural = `${singular}s`, capped = false): string {
  const one = !capped && PLURAL_RULES.select(n) === 'one';
  return `${n.toLocaleString('en-US')}${capped ? '+' : ''} ${one ? singular : plural}`;
}
