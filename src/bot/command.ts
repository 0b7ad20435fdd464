import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Ctx } from './context.ts';

/**
 * A slash command: one module in `commands/`, `export default { data, execute } satisfies Command`.
 * `data` is the registration JSON Discord receives as is, so Discord enforces what it can (required options,
 * choices, lengths, ranges) before the handler runs; handlers validate meaning with zod.
 */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: Ctx): Promise<void>;
  /** Answers autocomplete for any of the command's options that set `autocomplete: true`. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: Ctx): Promise<void>;
  /**
   * Handles a button whose custom id starts with `<command name>:`. `args` are the remaining `:`-separated
   * parts: all state lives in the custom id (or the store), so buttons keep working after a restart.
   */
  button?(interaction: ButtonInteraction, ctx: Ctx, args: string[]): Promise<void>;
}

/** Builds a button custom id the router sends back to `command.button`; Discord allows 100 characters. */
export function customId(command: string, ...args: (string | number)[]): string {
  const id = [command, ...args.map(String)].join(':');
  if (id.length > 100) throw new Error(`custom id too long (${id.length} > 100): ${id}`);
  return id;
}
