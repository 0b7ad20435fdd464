import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

/** Where to register: the application, its token, the REST base, and a guild (or none for global commands). */
export interface RegistrationTarget {
  token: string;
  applicationId: string;
  /** The REST base (`DISCORD_API_URL`; the loopback Discord's `restUrl` in the sandbox and tests). */
  apiUrl: string;
  /** Register in this guild only (visible at once); undefined registers globally. */
  guildId?: string | undefined;
}

/**
 * Registers the commands with Discord in one bulk overwrite, so a command removed from `commands/` disappears
 * too. The one place the registration request is written: `npm run register`, the sandbox and the tests all
 * register through it. Resolves with what Discord stored.
 */
export async function registerCommands(
  target: RegistrationTarget,
  body: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
): Promise<{ name: string }[]> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  const rest = new REST({ api: target.apiUrl }).setToken(target.token);
  return (await rest.put(route, { body })) as { name: string }[];
}
