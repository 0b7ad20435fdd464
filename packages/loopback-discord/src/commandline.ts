import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { LoopbackCommand, LoopbackCommandOption } from './shapes.ts';

/** A command line split into the parts `interact` takes. */
export interface ParsedCommandLine {
  command: string;
  subcommandGroup?: string;
  subcommand?: string;
  options: Record<string, string>;
}

/**
 * Splits what a person types in Discord's message box (`/config digest set channel:#news schedule:daily
 * 09:00`) into command, subcommand group, subcommand and options. Option names are taken from the
 * registered command, so a value runs until the next known `name:` and may hold spaces and colons;
 * for an unregistered command any `word:` starts an option. Surrounding quotes are removed from values.
 */
export function parseCommandLine(line: string, commands: readonly LoopbackCommand[]): ParsedCommandLine {
  const text = line.trim().replace(/^\//, '');
  const nameMatch = /^(\S+)\s*/.exec(text);
  if (!nameMatch?.[1]) throw new Error(`Not a command: "${line}"`);
  const name = nameMatch[1];
  let rest = text.slice(nameMatch[0].length);
  const command = commands.find((c) => c.name === name && (c.type ?? 1) === 1);
  const result: ParsedCommandLine = { command: name, options: {} };

  let leaf: LoopbackCommandOption[] | undefined = command?.options;
  const takeWord = (): string | undefined => {
    const m = /^([^\s:]+)(?:\s+|$)/.exec(rest);
    if (!m?.[1]) return undefined;
    rest = rest.slice(m[0].length);
    return m[1];
  };
  const isSub = (o: LoopbackCommandOption) =>
    o.type === ApplicationCommandOptionType.Subcommand ||
    o.type === ApplicationCommandOptionType.SubcommandGroup;

  if (command && (command.options ?? []).some(isSub)) {
    const first = takeWord();
    const firstDef = command.options?.find((o) => o.name === first);
    if (!first || !firstDef) {
      const names = (command.options ?? []).filter(isSub).map((o) => o.name);
      throw new Error(`/${name} needs a subcommand: ${names.join(', ')}`);
    }
    if (firstDef.type === ApplicationCommandOptionType.SubcommandGroup) {
      result.subcommandGroup = first;
      const second = takeWord();
      const subDef = firstDef.options?.find((o) => o.name === second);
      if (!second || !subDef) {
        throw new Error(
          `/${name} ${first} needs a subcommand: ${(firstDef.options ?? []).map((o) => o.name).join(', ')}`,
        );
      }
      result.subcommand = second;
      leaf = subDef.options ?? [];
    } else {
      result.subcommand = first;
      leaf = firstDef.options ?? [];
    }
  } else if (!command) {
    // Unregistered: words before the first `name:` are subcommand group / subcommand.
    const words: string[] = [];
    for (let word = peekWord(rest); word && !word.includes(':'); word = peekWord(rest)) {
      words.push(word);
      takeWord();
    }
    if (words.length === 1) result.subcommand = words[0];
    if (words.length >= 2) {
      result.subcommandGroup = words[0];
      result.subcommand = words[1];
    }
  }

  const names = leaf ? leaf.filter((o) => !isSub(o)).map((o) => o.name) : undefined;
  const pattern = names
    ? new RegExp(`(?:^|\\s)(${names.map(escapeRegExp).join('|') || '(?!)'}):`, 'g')
    : /(?:^|\s)([\w-]+):/g;
  const marks = [...rest.matchAll(pattern)];
  if (marks.length === 0 && rest.trim().length > 0) {
    throw new Error(
      `Cannot read options from "${rest}" (expected name:value${names ? `, names: ${names.join(', ')}` : ''})`,
    );
  }
  const firstMark = marks[0];
  if (firstMark && rest.slice(0, firstMark.index).trim().length > 0) {
    throw new Error(`Unexpected text before the options: "${rest.slice(0, firstMark.index).trim()}"`);
  }
  marks.forEach((mark, i) => {
    const key = mark[1] ?? '';
    const start = (mark.index ?? 0) + mark[0].length;
    const end = marks[i + 1]?.index ?? rest.length;
    result.options[key] = unquote(rest.slice(start, end).trim());
  });
  return result;
}

function peekWord(text: string): string | undefined {
  return /^(\S+)/.exec(text)?.[1];
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/s.exec(value);
  return m?.[2] ?? value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
