/**
 * Reading what a person types at the sandbox prompt: `/quotes speaker:Putin`, `/config digest set
 * channel:#news schedule:"daily 09:00"`, `press Next`. Pure, so the grammar is unit-tested on its own.
 */

/** One line at the prompt, understood. */
export type PromptLine =
  | { kind: 'command'; command: string; options: Record<string, string> }
  | { kind: 'autocomplete'; command: string; focused: string; options: Record<string, string> }
  | { kind: 'press'; label: string }
  | { kind: 'publish' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

/**
 * Splits a line into words, keeping quoted stretches together: `schedule:"daily 09:00"` is one word whose
 * quotes are removed. Both quote kinds work, and a backslash escapes the next character.
 */
export function splitWords(line: string): string[] | { error: string } {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      current += line[++i];
      inWord = true;
    } else if (quote) {
      if (c === quote) quote = null;
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (quote) return { error: `a ${quote} quote is not closed` };
  if (inWord) words.push(current);
  return words;
}

/**
 * Parses a prompt line. A slash command is its name, then any subcommand words, then `name:value` options;
 * `?option` (or `name:value?`) asks for the autocomplete suggestions of that option instead of running it.
 */
export function parseLine(line: string): PromptLine {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (/^(help|\?)$/i.test(trimmed)) return { kind: 'help' };
  if (/^(quit|exit|\.exit|q)$/i.test(trimmed)) return { kind: 'quit' };
  if (/^publish$/i.test(trimmed)) return { kind: 'publish' };
  const press = /^(?:press|click)\s+(.+)$/i.exec(trimmed);
  if (press) {
    const words = splitWords(press[1]!);
    if ('error' in words) return { kind: 'error', message: words.error };
    return { kind: 'press', label: words.join(' ') };
  }
  if (!trimmed.startsWith('/')) {
    return {
      kind: 'error',
      message: 'Type a slash command (/troops), `press Next`, `publish`, `help` or `quit`.',
    };
  }
  const words = splitWords(trimmed.slice(1));
  if ('error' in words) return { kind: 'error', message: words.error };
  const names: string[] = [];
  const options: Record<string, string> = {};
  let focused: string | undefined;
  for (const word of words) {
    const colon = word.indexOf(':');
    if (word.startsWith('?') && word.length > 1) {
      focused = word.slice(1);
      options[focused] ??= '';
    } else if (colon > 0) {
      const name = word.slice(0, colon);
      let value = word.slice(colon + 1);
      if (value.endsWith('?') && focused === undefined) {
        focused = name;
        value = value.slice(0, -1);
      }
      options[name] = value;
    } else if (Object.keys(options).length === 0) {
      names.push(word);
    } else {
      return { kind: 'error', message: `"${word}" is not an option: write options as name:value` };
    }
  }
  if (names.length === 0 || !names[0])
    return { kind: 'error', message: 'Which command? For example: /troops' };
  const command = names.join(' ');
  if (focused !== undefined) return { kind: 'autocomplete', command, focused, options };
  return { kind: 'command', command, options };
}

/** What `help` prints. */
export const HELP = `Type a slash command as you would in Discord, options as name:value:
  /summary                      /troops                      /timeline
  /quotes speaker:Putin         /who person:Ozerov           /search query:battalions
  /about                        /quotes story:russia-syria-withdrawal
  /config digest set channel:#news schedule:"daily 09:00"   (quote values with spaces)
Ask for suggestions (autocomplete) with ?option or a trailing ?:  /quotes ?speaker   /quotes speaker:pu?
Press a button of the last reply:  press Next   press Previous
The server follows a demo feed (The Port Alder Courier, story port-alder-harbour) served on this machine,
with an hourly digest of that story in #news:
  publish                       adds the feed's next item; the bot fetches it at once
  /config digest send-now channel:#news story:port-alder-harbour     (posts that digest now)
help, quit`;
