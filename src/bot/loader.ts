import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApplicationCommandOptionType } from 'discord.js';
import { z } from 'zod';
import type { DeclaredOption } from './arguments.ts';
import type { LoadedCommand, SubcommandTree } from './command.ts';

/** Where the command modules live, next to `src/` (also after a build into `dist/`). */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

const optionSchema: z.ZodType = z.lazy(() =>
  z.looseObject({
    type: z.number().int().min(1).max(11),
    name: z
      .string()
      .regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, 'option names are 1-32 lowercase letters, digits, - or _'),
    description: z.string().min(1).max(100),
    options: z.array(optionSchema).max(25).optional(),
  }),
);

/** What a module in `commands/` must export as default, checked before the bot connects. */
const commandModuleSchema = z.object({
  data: z.looseObject({
    name: z
      .string()
      .regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, 'command names are 1-32 lowercase letters, digits, - or _'),
    description: z.string().min(1).max(100),
    options: z.array(optionSchema).max(25).optional(),
  }),
  execute: z.function().optional(),
  subcommands: z.record(z.string(), z.unknown()).optional(),
  preconditions: z.array(z.object({ name: z.string(), check: z.function() })).optional(),
  autocomplete: z.function().optional(),
  button: z.function().optional(),
});

/**
 * What does not match between a command's subcommands in `data` and its handlers: one handler per declared
 * subcommand (nested by group) and none for a subcommand that is not declared. Empty when they match.
 */
function subcommandProblems(
  declared: readonly DeclaredOption[],
  handlers: SubcommandTree,
  path = '',
): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const option of declared) {
    const at = `${path}${option.name}`;
    names.add(option.name);
    const handler = handlers[option.name];
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      if (typeof handler !== 'object' || handler === null) problems.push(`no handlers for the group "${at}"`);
      else problems.push(...subcommandProblems(option.options ?? [], handler, `${at} `));
    } else if (option.type === ApplicationCommandOptionType.Subcommand) {
      if (typeof handler !== 'function') problems.push(`no handler for the subcommand "${at}"`);
    } else {
      problems.push(`"${at}" is a value option beside subcommands`);
    }
  }
  for (const name of Object.keys(handlers)) {
    if (!names.has(name)) problems.push(`a handler for "${path}${name}", which data does not declare`);
  }
  return problems;
}

/** Whether `data` declares subcommands (or groups) rather than value options. */
function declaresSubcommands(options: readonly DeclaredOption[] | undefined): boolean {
  return (options ?? []).some(
    (o) =>
      o.type === ApplicationCommandOptionType.Subcommand ||
      o.type === ApplicationCommandOptionType.SubcommandGroup,
  );
}

/** Raised when a command module is malformed; the bot refuses to start rather than serve half its commands. */
export class CommandLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot load the slash commands:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CommandLoadError';
  }
}

/** Validates loaded modules and indexes them by name; every problem is reported, not just the first. */
export function indexCommands(modules: { file: string; exports: unknown }[]): Map<string, LoadedCommand> {
  const problems: string[] = [];
  const commands = new Map<string, LoadedCommand>();
  for (const { file, exports } of modules) {
    const candidate = (exports as { default?: unknown } | null)?.default;
    const result = commandModuleSchema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      problems.push(`${file}: default export ${issue.path.join('.') || '(module)'}: ${issue.message}`);
      continue;
    }
    const command = candidate as LoadedCommand;
    const declared = (command.data.options ?? []) as readonly DeclaredOption[];
    if (declaresSubcommands(declared)) {
      const mismatch = command.subcommands
        ? subcommandProblems(declared, command.subcommands)
        : ['data declares subcommands, so the module exports `subcommands`, not `execute`'];
      if (command.execute) mismatch.push('a command with subcommands has no `execute`');
      if (mismatch.length > 0) {
        problems.push(...mismatch.map((problem) => `${file}: ${problem}`));
        continue;
      }
    } else if (!command.execute || command.subcommands) {
      problems.push(`${file}: default export execute: a command without subcommands exports \`execute\``);
      continue;
    }
    if (commands.has(command.data.name)) {
      problems.push(`${file}: the name "/${command.data.name}" is already used by another command`);
      continue;
    }
    commands.set(command.data.name, command);
  }
  if (problems.length > 0) throw new CommandLoadError(problems);
  return commands;
}

const MODULE = /\.(?:ts|js)$/;

/** Whether `file` is code (not a declaration or a test). */
function isModule(file: string): boolean {
  return MODULE.test(file) && !file.endsWith('.d.ts') && !file.endsWith('.test.ts');
}

/**
 * Imports every command in `dir` and validates it: each module at the top (`about.ts`), and each folder's
 * `index` module (`config/index.ts`, a command whose subcommands live in the files beside it).
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, LoadedCommand>> {
  const files = readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isFile() && isModule(entry.name)) return [entry.name];
      if (!entry.isDirectory()) return [];
      const index = ['index.ts', 'index.js'].find((name) => existsSync(join(dir, entry.name, name)));
      return index ? [`${entry.name}/${index}`] : [];
    })
    .sort();
  const modules = await Promise.all(
    files.map(async (file) => ({
      file,
      exports: (await import(pathToFileURL(join(dir, file)).href)) as unknown,
    })),
  );
  return indexCommands(modules);
}
