import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandLoadError, loadCommands } from '../../src/bot/loader.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary commands folder holding the given modules. */
function commandsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-loader-'));
  dirs.push(dir);
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), source);
  }
  return dir;
}

const good = (name: string) =>
  `export default { data: { name: '${name}', description: 'A command' }, async execute() {} };\n`;

describe('command loader', () => {
  it('loads every module in commands/ with unique names and the options Discord needs', async () => {
    const commands = await loadCommands();
    const names = [...commands.keys()];
    expect(names).toEqual(
      expect.arrayContaining(['about', 'quotes', 'search', 'summary', 'timeline', 'troops', 'who']),
    );
    expect(new Set(names).size).toBe(names.length);
    for (const [name, command] of commands) {
      expect(command.data.name).toBe(name);
      const options = (command.data.options ?? []) as { name: string; autocomplete?: boolean }[];
      if (options.some((o) => o.autocomplete))
        expect(command.autocomplete, `/${name} autocompletes`).toBeTypeOf('function');
    }
    for (const name of ['summary', 'troops', 'quotes', 'timeline', 'who', 'search']) {
      const options = commands.get(name)!.data.options as {
        name: string;
        required?: boolean;
        autocomplete?: boolean;
      }[];
      expect(
        options.find((o) => o.name === 'story'),
        `/${name} story`,
      ).toMatchObject({ required: false, autocomplete: true });
    }
    expect(commands.get('quotes')!.button).toBeTypeOf('function');
    expect(Object.keys(commands.get('config')!.subcommands!)).toEqual([
      'digest',
      'feed',
      'story',
      'show',
      'history',
    ]);
  });

  /** A command with a group `g` holding subcommand `a`, and a subcommand `b`, with these handlers. */
  const withSubcommands = (handlers: string) =>
    `export default { data: { name: 'multi', description: 'x', options: [
      { type: 2, name: 'g', description: 'x', options: [{ type: 1, name: 'a', description: 'x' }] },
      { type: 1, name: 'b', description: 'x' },
    ] }, subcommands: ${handlers} };\n`;

  it("loads a command from a folder's index module, leaving the subcommand modules beside it alone", async () => {
    const dir = commandsDir({
      'multi/index.ts': withSubcommands('{ g: { a: async () => {} }, b: async () => {} }'),
      'multi/helper.ts': 'export const notACommand = 1;\n',
      'plain.ts': good('plain'),
    });
    const commands = await loadCommands(dir);
    expect([...commands.keys()].sort()).toEqual(['multi', 'plain']);
  });

  it('refuses a command whose subcommand handlers do not match the subcommands its data declares', async () => {
    const dir = commandsDir({
      'missing.ts': withSubcommands('{ g: {}, b: async () => {} }'),
      'extra.ts': withSubcommands('{ g: { a: async () => {} }, b: async () => {}, c: async () => {} }'),
      'execute.ts': withSubcommands('undefined, async execute() {}'),
    });
    const error = await loadCommands(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandLoadError);
    expect((error as CommandLoadError).problems).toEqual([
      'execute.ts: data declares subcommands, so the module exports `subcommands`, not `execute`',
      'execute.ts: a command with subcommands has no `execute`',
      'extra.ts: a handler for "c", which data does not declare',
      'missing.ts: no handler for the subcommand "g a"',
    ]);
  });

  it('refuses to start on a malformed module, naming the file and the field', async () => {
    const dir = commandsDir({
      'a-good.ts': good('fine'),
      'b-bad.ts': `export default { data: { name: 'Bad Name', description: 'x' }, async execute() {} };\n`,
      'c-noexec.ts': `export default { data: { name: 'noexec', description: 'x' } };\n`,
    });
    const error = await loadCommands(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandLoadError);
    const problems = (error as CommandLoadError).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^b-bad\.ts: default export data\.name: command names are 1-32 lowercase/);
    expect(problems[1]).toMatch(/^c-noexec\.ts: default export execute: /);
  });

  it('refuses two modules that claim the same command name', async () => {
    const dir = commandsDir({ 'one.ts': good('same'), 'two.ts': good('same') });
    await expect(loadCommands(dir)).rejects.toThrow(/two\.ts: the name "\/same" is already used/);
  });

  it('refuses a module without a default export', async () => {
    const dir = commandsDir({ 'empty.ts': 'export const nothing = 1;\n' });
    await expect(loadCommands(dir)).rejects.toThrow(/empty\.ts: default export \(module\)/);
  });
});
