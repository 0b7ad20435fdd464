import type { ApplicationCommandOptionType } from 'discord.js';
import {
  InteractionContextType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { ArgumentsOf, Named, OptionsOf } from './arguments.ts';
import type { Ctx } from './context.ts';

/** The registration JSON of a slash command, as Discord receives it. */
export type CommandData = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Whether `data` registers the command for servers only (`contexts: [InteractionContextType.Guild]`). */
export type GuildOnly<D> = D extends { readonly contexts: readonly [InteractionContextType.Guild] }
  ? true
  : false;

/**
 * The interaction a handler receives. For a command registered for servers only, the router has checked that
 * it came from a server, so `guildId` and `guild` are typed as present.
 */
export type InteractionOf<D> =
  GuildOnly<D> extends true ? ChatInputCommandInteraction<'cached' | 'raw'> : ChatInputCommandInteraction;

/** Runs a command (or one subcommand) with the arguments its options declare. */
export type Handler<D, A> = (interaction: InteractionOf<D>, args: A, ctx: Ctx) => Promise<void>;

/**
 * One handler per subcommand of `D`, nested by group, each typed with its own subcommand's arguments: a
 * subcommand added to the JSON without a handler, or a handler for one that is not there, fails to compile.
 */
export type SubcommandHandlers<D, Root = D> = {
  [O in OptionsOf<D> as Named<O>]: O extends { readonly type: ApplicationCommandOptionType.SubcommandGroup }
    ? SubcommandHandlers<O, Root>
    : O extends { readonly type: ApplicationCommandOptionType.Subcommand }
      ? Handler<Root, ArgumentsOf<O>>
      : never;
};

/** Whether a command's options are subcommands (or groups of them) rather than values. */
type HasSubcommands<D> = [
  Extract<
    OptionsOf<D>,
    { readonly type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup }
  >,
] extends [never]
  ? false
  : true;

/** The options of `D`, through its subcommands and groups, that set `autocomplete: true`. */
type AutocompletedOf<D> =
  OptionsOf<D> extends infer O
    ? O extends {
        readonly type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup;
      }
      ? AutocompletedOf<O>
      : O extends { readonly autocomplete: true }
        ? O
        : never
    : never;

/**
 * The option a member is typing in, as an autocomplete handler receives it: one of the command's autocompleted
 * options by name, with the text typed so far (Discord sends text, even for a number option, since what is
 * typed may not be a number yet). A handler testing for an option the JSON does not autocomplete (renamed, or
 * never declared) fails to compile.
 */
export type FocusedOption<D> =
  AutocompletedOf<D> extends infer O
    ? O extends unknown
      ? { name: Named<O>; value: string }
      : never
    : never;

/** Answers autocomplete for the option being typed in (`interaction.respond`). */
export type AutocompleteHandler<D> = (
  interaction: AutocompleteInteraction,
  focused: FocusedOption<D>,
  ctx: Ctx,
) => Promise<void>;

/**
 * A check the router runs before a command's handler (as Sapphire's preconditions are): it throws a
 * `UserError` saying why this member cannot run the command here, and the handler never starts.
 */
export interface Precondition {
  name: string;
  check(interaction: ChatInputCommandInteraction, ctx: Ctx): void | Promise<void>;
}

interface CommandParts<D> {
  data: D;
  /** Run in order before the handler; a command registered for servers only is first checked to be in one. */
  preconditions?: readonly Precondition[];
  /**
   * Handles a button whose custom id starts with `<command name>:`. `args` are the remaining `:`-separated
   * parts: all state lives in the custom id (or the store), so buttons keep working after a restart.
   */
  button?(interaction: ButtonInteraction, ctx: Ctx, args: string[]): Promise<void>;
}

/**
 * A slash command: one module in `commands/` (or a folder with an `index.ts`, for a command with subcommands),
 * `export default { data, execute } satisfies Command<typeof data>`. `data` is the registration JSON Discord
 * receives as is, so Discord enforces what it can (required options, choices, lengths, ranges) before the
 * handler runs, and it types the handler's arguments; handlers validate meaning with zod.
 */
export type Command<D extends CommandData> = CommandParts<D> & {
  /** Answers autocomplete for the command's options that set `autocomplete: true`, typed from `data`. */
  autocomplete?: AutocompleteHandler<D>;
} & (HasSubcommands<D> extends true
    ? { subcommands: SubcommandHandlers<D> }
    : { execute: Handler<D, ArgumentsOf<D>> });

/** The nested subcommand handlers of a loaded command, as the router walks them. */
export interface SubcommandTree {
  [name: string]: SubcommandTree | LoadedHandler;
}

/**
 * A handler with its types erased. Declared as a method so that parameters compare both ways: every typed
 * handler (a guild interaction, its own arguments) is one, which is what lets a `Command<D>` be a
 * `LoadedCommand`.
 */
type LoadedHandler = {
  handle(interaction: ChatInputCommandInteraction, args: Record<string, unknown>, ctx: Ctx): Promise<void>;
}['handle'];

/** An autocomplete handler with its option types erased (a method, so typed handlers are ones). */
type LoadedAutocomplete = {
  handle(
    interaction: AutocompleteInteraction,
    focused: { name: string; value: string },
    ctx: Ctx,
  ): Promise<void>;
}['handle'];

/** A command as the loader hands it to the router: validated, with its types erased. */
export interface LoadedCommand extends CommandParts<CommandData> {
  autocomplete?: LoadedAutocomplete;
  execute?: LoadedHandler;
  subcommands?: SubcommandTree;
}

/** Whether a command's registration limits it to servers. */
export function isGuildOnly(data: CommandData): boolean {
  return data.contexts?.length === 1 && data.contexts[0] === InteractionContextType.Guild;
}

/** Builds a button custom id the router sends back to `command.button`; Discord allows 100 characters. */
export function customId(command: string, ...args: (string | number)[]): string {
  const id = [command, ...args.map(String)].join(':');
  if (id.length > 100) throw new Error(`custom id too long (${id.length} > 100): ${id}`);
  return id;
}
