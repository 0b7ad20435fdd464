/**
 * The checks the router runs before a handler (see {@link Precondition}). Each throws a `UserError` that says
 * what the member can do about it.
 */
import { PermissionFlagsBits } from 'discord.js';
import { UserError } from '../errors.ts';
import type { Precondition } from './command.ts';

/**
 * Run first for every command registered for servers only: Discord should not offer it elsewhere, but a
 * stale registration can, and the handler is typed on the guild being there.
 */
export const inGuild: Precondition = {
  name: 'inGuild',
  check(interaction) {
    if (!interaction.inGuild()) {
      throw new UserError(`\`/${interaction.commandName}\` works in a server, not in direct messages.`);
    }
  },
};

/**
 * The member must have Manage Server. `/config` is registered with it as the default permission, but a server
 * owner can open a command to anyone, so it is checked again here.
 */
export const moderator: Precondition = {
  name: 'moderator',
  check(interaction) {
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserError(
        'Only members with the Manage Server permission can change Dispatch’s configuration.',
      );
    }
  },
};
