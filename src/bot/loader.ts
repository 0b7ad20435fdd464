import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Command } from './command.ts';

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
  execute: z.function(),
  autocomplete: z.function().optional(),
  button: z.function().optional(),
});

/** Raised when a command module is malformed; the bot refuses to start rather than serve half its commands. */
export class CommandLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot load the slash commands:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CommandLoadError';
  }
}

/** Validates loaded modules and indexes them by name; every problem is reported, not just the first. */
export function indexCommands(modules: { file: string; exports: unknown }[]): Map<string, Command> {
  const problems: string[] = [];
  const commands = new Map<string, Command>();
  for (const { file, exports } of modules) {
    const candidate = (exports as { default?: unknown } | null)?.default;
    const result = commandModuleSchema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      problems.push(`${file}: default export ${issue.path.join('.') || '(module)'}: ${issue.message}`);
      continue;
    }
    const command = candidate as Command;
    if (commands.has(command.data.name)) {
      problems.push(`${file}: the name "/${command.data.name}" is already used by another command`);
      continue;
    }
    commands.set(command.data.name, command);
  }
  if (problems.length > 0) throw new CommandLoadError(problems);
  return commands;
}

/** Imports every command module in `dir` and validates it. */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = readdirSync(dir)
    .filter((file) => /\.(?:ts|js)$/.test(file) && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
    .sort();
  const modules = await Promise.all(
    files.map(async (file) => ({
      file,
      exports: (await import(pathToFileURL(`${dir}/${file}`).href)) as unknown,
    })),
  );
  return indexCommands(modules);
}
