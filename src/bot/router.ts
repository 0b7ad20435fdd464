import {
  ApplicationCommandOptionType,
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import { UserError } from '../errors.ts';
import { readArguments, type DeclaredOption } from './arguments.ts';
import { isGuildOnly, type LoadedCommand, type SubcommandTree } from './command.ts';
import type { Ctx } from './context.ts';
import { inGuild } from './preconditions.ts';

/** What a member sees when a handler fails for a reason that is ours, not theirs. */
export const GENERIC_ERROR =
  'Sorry, something went wrong on our side while handling that. It has been logged; please try again later.';

/** The router: dispatches interactions to commands, and drains in-flight work on shutdown. */
export interface Router {
  handle(interaction: Interaction): Promise<void>;
  /** Stops taking new interactions and resolves when the ones in flight have finished. */
  drain(): Promise<void>;
}

/**
 * Hears of every interaction that ended in an error: a {@link UserError} or a bug. The sandbox's scripted mode
 * uses it to exit non-zero when a command failed.
 */
export type InteractionFailureListener = (interactionId: string, failure: 'user-error' | 'bug') => void;

/** Says who asked for what, for every log line about an interaction. */
function describe(interaction: Interaction): { name: string | undefined; kind: string } {
  if (interaction.isChatInputCommand()) return { name: interaction.commandName, kind: 'command' };
  if (interaction.isAutocomplete()) return { name: interaction.commandName, kind: 'autocomplete' };
  if (interaction.isButton()) return { name: interaction.customId.split(':')[0], kind: 'button' };
  return { name: undefined, kind: 'other' };
}

/** Answers a failed interaction in whatever way is still open to us: reply, edit the deferral, or follow up. */
async function replyWithError(interaction: RepliableInteraction, content: string): Promise<void> {
  const payload = { content, embeds: [], components: [], allowedMentions: { parse: [] } };
  if (interaction.deferred && !interaction.replied) await interaction.editReply(payload);
  else if (interaction.replied) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
}

/** The options a subcommand (or group) of `declared` called `name` declares, if there is one. */
function subcommandOf(
  declared: readonly DeclaredOption[] | undefined,
  name: string,
  type: ApplicationCommandOptionType,
) {
  return declared?.find((option) => option.name === name && option.type === type);
}

/**
 * Runs a slash command as the router does: the preconditions (servers only, if the command is registered so;
 * then the command's own), then the handler of the subcommand invoked, with the arguments its options declare.
 */
export async function runCommand(
  command: LoadedCommand,
  interaction: ChatInputCommandInteraction,
  ctx: Ctx,
): Promise<void> {
  const preconditions = [...(isGuildOnly(command.data) ? [inGuild] : []), ...(command.preconditions ?? [])];
  for (const precondition of preconditions) await precondition.check(interaction, ctx);
  if (command.execute) {
    await command.execute(interaction, readArguments(command.data.options, interaction.options), ctx);
    return;
  }
  const group = interaction.options.getSubcommandGroup(false);
  const name = interaction.options.getSubcommand(false);
  let declared = command.data.options as readonly DeclaredOption[] | undefined;
  let handlers: SubcommandTree | undefined = command.subcommands;
  if (group !== null) {
    declared = subcommandOf(declared, group, ApplicationCommandOptionType.SubcommandGroup)?.options;
    const inGroup = handlers?.[group];
    handlers = typeof inGroup === 'object' ? inGroup : undefined;
  }
  const subcommand =
    name === null ? undefined : subcommandOf(declared, name, ApplicationCommandOptionType.Subcommand);
  const handler = name === null ? undefined : handlers?.[name];
  if (!subcommand || typeof handler !== 'function') {
    throw new Error(`/${command.data.name} has no subcommand "${[group, name].filter(Boolean).join(' ')}"`);
  }
  await handler(interaction, readArguments(subcommand.options, interaction.options), ctx);
}

/**
 * Runs a command's autocomplete as the router does: its handler gets the option being typed in, by name (one
 * the command's JSON autocompletes) with what was typed so far.
 */
export async function runAutocomplete(
  command: LoadedCommand,
  interaction: AutocompleteInteraction,
  ctx: Ctx,
): Promise<void> {
  if (!command.autocomplete) throw new Error(`/${command.data.name} has no autocomplete handler`);
  const { name, value } = interaction.options.getFocused(true);
  await command.autocomplete(interaction, { name, value }, ctx);
}

/**
 * Builds the one router of the bot: a Map lookup by command name and exactly one try/catch. A {@link UserError}
 * becomes an ephemeral message with its text; anything else is a bug: logged with its stack, and the member
 * gets a generic apology. Either way the bot keeps serving.
 */
export function createRouter(
  commands: Map<string, LoadedCommand>,
  ctx: Ctx,
  onFailure?: InteractionFailureListener,
): Router {
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  const dispatch = async (interaction: Interaction): Promise<void> => {
    const { name, kind } = describe(interaction);
    const log = ctx.log.child({
      guildId: interaction.guildId,
      command: name,
      userId: interaction.user.id,
      interaction: kind,
    });
    const command = name === undefined ? undefined : commands.get(name);
    const handlerCtx = { ...ctx, log };
    try {
      if (!command)
        throw new UserError(`I don't know the command "${name ?? 'that'}". It may have been removed.`);
      if (interaction.isChatInputCommand()) {
        await runCommand(command, interaction, handlerCtx);
      } else if (interaction.isAutocomplete()) {
        await runAutocomplete(command, interaction, handlerCtx);
      } else if (interaction.isButton()) {
        if (!command.button) throw new Error(`/${name} has no button handler`);
        await command.button(interaction, handlerCtx, interaction.customId.split(':').slice(1));
      }
      log.debug('handled');
    } catch (error) {
      const userError = error instanceof UserError;
      if (userError) log.info({ reason: error.message }, 'user error');
      else log.error({ err: error }, 'handler failed');
      // Told before the member is answered, so whoever waits on the answer already knows it was a failure.
      onFailure?.(interaction.id, userError ? 'user-error' : 'bug');
      try {
        if (interaction.isAutocomplete()) {
          if (!interaction.responded) await interaction.respond([]);
        } else if (interaction.isRepliable()) {
          await replyWithError(interaction, userError ? error.message : GENERIC_ERROR);
        }
      } catch (replyError) {
        log.error({ err: replyError }, 'could not tell the member about the failure');
      }
    }
  };

  return {
    handle(interaction) {
      if (!accepting) return Promise.resolve();
      const task = dispatch(interaction).finally(() => inFlight.delete(task));
      inFlight.add(task);
      return task;
    },
    async drain() {
      accepting = false;
      await Promise.allSettled([...inFlight]);
    },
  };
}
