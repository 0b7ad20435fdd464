/**
 * `npm run register -- [--guild ID]`: registers every slash command with Discord (a bulk overwrite, so removed
 * commands disappear too), globally or in one guild. Guild commands update at once, which suits testing;
 * global ones reach every server the bot is in.
 */
import { REST, Routes } from 'discord.js';
import { loadConfigOrExit } from '../config.ts';
import { loadCommands } from '../bot/loader.ts';
import { out, err } from './output.ts';

const config = loadConfigOrExit();
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const guildFlag = args.indexOf('--guild');
const guildId = guildFlag >= 0 ? args[guildFlag + 1] : undefined;

if (guildFlag >= 0 && !/^\d{15,21}$/.test(guildId ?? '')) {
  err('--guild needs a server ID (Developer Mode on, right-click the server, Copy Server ID).');
  process.exit(2);
}
if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
  err(
    'Registering needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (developer portal: Bot > Reset Token, and ' +
      'General Information > Application ID). See the README.',
  );
  process.exit(2);
}

const commands = await loadCommands();
const body = [...commands.values()].map((command) => command.data);
const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
const route = guildId
  ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, guildId)
  : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
try {
  const registered = (await rest.put(route, { body })) as { name: string }[];
  out(
    `Registered ${registered.length} commands ${guildId ? `in guild ${guildId}` : 'globally'}: ` +
      registered.map((c) => `/${c.name}`).join(', '),
  );
} catch (error) {
  err(`Discord refused the registration: ${(error as Error).message}`);
  process.exit(1);
}
