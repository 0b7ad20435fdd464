/**
 * A command's arguments, typed from its registration JSON (as Yuudachi's `ArgumentsOf` does): `data` is declared
 * `as const`, so each option's name, type, `required` and `choices` are literal types, and a handler reading an
 * option that was renamed or removed fails to compile. At run time the router reads the same declared options
 * off the interaction, so the JSON is the one description of a command's input.
 */
import {
  ApplicationCommandOptionType,
  type Attachment,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type User,
} from 'discord.js';

/** An option as a command's `data` declares it (the shape the loader validates). */
export interface DeclaredOption {
  readonly type: ApplicationCommandOptionType;
  readonly name: string;
  readonly required?: boolean;
  readonly options?: readonly DeclaredOption[];
}

type Resolved<K extends 'channel' | 'role' | 'member'> = NonNullable<CommandInteractionOption[K]>;

/** What each option type reads as. */
interface ValueOf {
  [ApplicationCommandOptionType.String]: string;
  [ApplicationCommandOptionType.Integer]: number;
  [ApplicationCommandOptionType.Number]: number;
  [ApplicationCommandOptionType.Boolean]: boolean;
  [ApplicationCommandOptionType.User]: User;
  [ApplicationCommandOptionType.Channel]: Resolved<'channel'>;
  [ApplicationCommandOptionType.Role]: Resolved<'role'>;
  [ApplicationCommandOptionType.Mentionable]: User | Resolved<'role'> | Resolved<'member'>;
  [ApplicationCommandOptionType.Attachment]: Attachment;
}

type Value<O> = O extends { readonly choices: readonly { readonly value: infer V }[] }
  ? V
  : O extends { readonly type: infer T extends keyof ValueOf }
    ? ValueOf[T]
    : never;

/** The options a command (or subcommand, or group) declares, as a union. */
export type OptionsOf<D> = D extends { readonly options: readonly (infer O)[] } ? O : never;

export type Named<O> = O extends { readonly name: infer N extends string } ? N : never;

/** The arguments of a command (or subcommand) whose options are values: required ones present, others optional. */
export type ArgumentsOf<D> = {
  [O in OptionsOf<D> as O extends { readonly required: true } ? Named<O> : never]: Value<O>;
} & {
  [O in OptionsOf<D> as O extends { readonly required: true } ? never : Named<O>]?: Value<O>;
};

/** Reads one declared option off the interaction: its value, or the channel, role, user or file it resolved to. */
function readOption(option: CommandInteractionOption): unknown {
  switch (option.type) {
    case ApplicationCommandOptionType.Channel:
      return option.channel;
    case ApplicationCommandOptionType.Role:
      return option.role;
    case ApplicationCommandOptionType.User:
      return option.user;
    case ApplicationCommandOptionType.Mentionable:
      return option.member ?? option.user ?? option.role;
    case ApplicationCommandOptionType.Attachment:
      return option.attachment;
    default:
      return option.value;
  }
}

/**
 * The arguments of an invocation: the options `declared` (those of the subcommand that ran, for a command with
 * subcommands) that the member filled in, keyed by name. Options left out are absent.
 */
export function readArguments(
  declared: readonly DeclaredOption[] | undefined,
  options: Pick<ChatInputCommandInteraction['options'], 'get'>,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const { name } of declared ?? []) {
    const option = options.get(name);
    if (option) args[name] = readOption(option);
  }
  return args;
}
