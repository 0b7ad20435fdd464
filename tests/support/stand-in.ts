/**
 * A stand-in for the discord.js interactions a command handler touches (`options.getString`, `getFocused`,
 * `reply`, `update`, `respond`), recording what the handler answered. The benchmark times handlers with it,
 * in process and without a network, and unit tests call handlers with it; the end-to-end tests use the real
 * client instead.
 */
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';

/** Option values as a member would fill them in. */
export type StandInOptions = Record<string, string | number | boolean | undefined>;

/** What a handler answered: message payloads (reply or update) and autocomplete choices. */
export interface Recorded {
  replies: unknown[];
  choices: { name: string; value: string | number }[][];
}

function optionsOf(values: StandInOptions, focused?: string) {
  const get = (name: string, required = false) => {
    const value = values[name];
    if (value === undefined || value === null) {
      if (required) throw new TypeError(`stand-in: required option "${name}" is missing`);
      return null;
    }
    return value;
  };
  return {
    /** The option as the router reads it for the handler's arguments; absent when not filled in. */
    get: (name: string) => {
      const value = get(name);
      return value === null ? null : { name, value };
    },
    getString: (name: string, required?: boolean) => {
      const value = get(name, required);
      return value === null ? null : String(value);
    },
    getInteger: (name: string, required?: boolean) => get(name, required) as number | null,
    getBoolean: (name: string, required?: boolean) => get(name, required) as boolean | null,
    getFocused: (full?: boolean) => {
      const name = focused ?? '';
      const value = String(values[name] ?? '');
      return full ? { name, value, type: 3, focused: true } : value;
    },
    getSubcommand: () => null,
    getSubcommandGroup: () => null,
  };
}

/** A slash command interaction with these options; its answers land in the returned `recorded`. */
export function standInCommand(
  commandName: string,
  values: StandInOptions = {},
): { interaction: ChatInputCommandInteraction; recorded: Recorded } {
  const recorded: Recorded = { replies: [], choices: [] };
  const interaction = {
    commandName,
    guildId: '1',
    user: { id: '2' },
    deferred: false,
    replied: false,
    options: optionsOf(values),
    isChatInputCommand: () => true,
    isAutocomplete: () => false,
    isButton: () => false,
    isRepliable: () => true,
    reply: async (payload: unknown) => {
      recorded.replies.push(payload);
      interaction.replied = true;
    },
    deferReply: async () => {
      interaction.deferred = true;
    },
    editReply: async (payload: unknown) => {
      recorded.replies.push(payload);
    },
    followUp: async (payload: unknown) => {
      recorded.replies.push(payload);
    },
  };
  return { interaction: interaction as unknown as ChatInputCommandInteraction, recorded };
}

/** An autocomplete interaction with `focused` being typed (its text in `values[focused]`). */
export function standInAutocomplete(
  commandName: string,
  focused: string,
  values: StandInOptions = {},
): { interaction: AutocompleteInteraction; recorded: Recorded } {
  const recorded: Recorded = { replies: [], choices: [] };
  const interaction = {
    commandName,
    guildId: '1',
    user: { id: '2' },
    responded: false,
    options: optionsOf(values, focused),
    respond: async (choices: { name: string; value: string | number }[]) => {
      recorded.choices.push(choices);
      interaction.responded = true;
    },
  };
  return { interaction: interaction as unknown as AutocompleteInteraction, recorded };
}

/** A button press on a message the bot sent. */
export function standInButton(customId: string): { interaction: ButtonInteraction; recorded: Recorded } {
  const recorded: Recorded = { replies: [], choices: [] };
  const interaction = {
    customId,
    guildId: '1',
    user: { id: '2' },
    deferred: false,
    replied: false,
    update: async (payload: unknown) => {
      recorded.replies.push(payload);
      interaction.replied = true;
    },
    reply: async (payload: unknown) => {
      recorded.replies.push(payload);
      interaction.replied = true;
    },
  };
  return { interaction: interaction as unknown as ButtonInteraction, recorded };
}
