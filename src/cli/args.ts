/**
 * The one argument parser and usage text of every command-line tool (`ingest`, `extract`, `register`, `sandbox`,
 * `start`, and any new one), so they all answer `--help` the same way (usage, options, an example; exit 0) and
 * refuse an unknown option the same way (what was wrong, then the usage; exit 2).
 *
 * Parsing is Node's own `util.parseArgs`; this module only adds the help text and the plain-words errors, which
 * `parseArgs` words for programmers ("To specify a positional argument starting with a '-', place it at the end
 * of the command after '--'").
 */
import { parseArgs } from 'node:util';

/** One option of a tool: `--name` (and `-short`), either a flag or taking a value. */
export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  /** A string option given more than once collects every value, in order. */
  readonly multiple?: boolean;
  readonly short?: string;
  /** How the value is shown in the usage (`--guild ID`); string options only. */
  readonly value?: string;
  readonly description: string;
}

export interface ToolSpec<O extends Readonly<Record<string, OptionSpec>>> {
  /** How a person runs it: `npm run ingest --`. */
  readonly command: string;
  /** What follows the command in the usage line: `[PATH...]`. Empty for a tool that takes no arguments. */
  readonly synopsis: string;
  /** One or two sentences: what the tool does. */
  readonly description: string;
  readonly options: O;
  /** Whether the tool takes arguments that are not options (paths, files). */
  readonly positionals: boolean;
  /** Command lines that work as written on what ships. */
  readonly examples: readonly string[];
}

/** The value type of each option: a flag is a boolean, a string option a string, a repeatable one a list. */
export type OptionValues<O extends Readonly<Record<string, OptionSpec>>> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K]['multiple'] extends true
      ? string[]
      : string;
};

export type ParsedCommandLine<O extends Readonly<Record<string, OptionSpec>>> =
  | { kind: 'ok'; values: OptionValues<O>; positionals: string[] }
  | { kind: 'help'; text: string }
  | { kind: 'error'; text: string };

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help and exit' };

/** The usage, the options and the examples, as `--help` prints them. */
export function usage<O extends Readonly<Record<string, OptionSpec>>>(spec: ToolSpec<O>): string {
  const options: [string, OptionSpec][] = [...Object.entries(spec.options), ['help', HELP]];
  const labels = options.map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ''}--${name}`;
    return option.type === 'string' ? `${flag} ${option.value ?? 'VALUE'}` : flag;
  });
  const width = Math.max(...labels.map((label) => label.length));
  const line = [spec.command, spec.synopsis, '[options]'].filter(Boolean).join(' ');
  return [
    `Usage: ${line}`,
    '',
    spec.description,
    '',
    'Options:',
    ...options.map(([, option], i) => `  ${labels[i]!.padEnd(width)}  ${option.description}`),
    '',
    spec.examples.length > 1 ? 'Examples:' : 'Example:',
    ...spec.examples.map((example) => `  ${example}`),
  ].join('\n');
}

/**
 * Reads a tool's arguments. A lone `--` is dropped wherever it stands, because `npm run x -- args` passes it
 * through on some npm versions and the README's commands must work on all of them.
 */
export function parseCommandLine<O extends Readonly<Record<string, OptionSpec>>>(
  spec: ToolSpec<O>,
  argv: readonly string[],
): ParsedCommandLine<O> {
  const args = argv.filter((arg) => arg !== '--');
  const config = Object.fromEntries(
    Object.entries({ ...spec.options, help: HELP }).map(([name, option]) => [
      name,
      { type: option.type, ...(option.short ? { short: option.short } : {}) },
    ]),
  );
  const { tokens } = parseArgs({
    args,
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const fail = (problem: string): ParsedCommandLine<O> => ({
    kind: 'error',
    text: `${problem}\n\n${usage(spec)}`,
  });
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) {
    return { kind: 'help', text: usage(spec) };
  }
  const values: Record<string, boolean | string | string[]> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!spec.positionals) return fail(`${spec.command} takes no argument "${token.value}".`);
      positionals.push(token.value);
      continue;
    }
    const option = spec.options[token.name];
    if (!option) return fail(`Unknown option ${token.rawName}.`);
    const label = `--${token.name}`;
    if (option.type === 'boolean') {
      if (token.value !== undefined) return fail(`${label} takes no value (it was given "${token.value}").`);
      values[token.name] = true;
      continue;
    }
    // parseArgs takes the next argument as the value even when it is another option: that is a missing value.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      return fail(`${label} needs a value: ${label} ${option.value ?? 'VALUE'}.`);
    }
    if (option.multiple) {
      const previous = values[token.name];
      values[token.name] = [...(Array.isArray(previous) ? previous : []), token.value];
    } else if (values[token.name] !== undefined) {
      return fail(`${label} is given twice; give it once.`);
    } else {
      values[token.name] = token.value;
    }
  }
  return { kind: 'ok', values: values as OptionValues<O>, positionals };
}

/**
 * What a tool's entry point calls first, before it reads any configuration: prints the help and exits 0, or
 * prints what was wrong and the usage and exits 2, or returns the options.
 */
export function parseCommandLineOrExit<O extends Readonly<Record<string, OptionSpec>>>(
  spec: ToolSpec<O>,
  argv: readonly string[] = process.argv.slice(2),
): { values: OptionValues<O>; positionals: string[] } {
  const parsed = parseCommandLine(spec, argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${parsed.text}\n`);
    process.exit(0);
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.text}\n`);
    process.exit(2);
  }
  return parsed;
}
