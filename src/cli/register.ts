/**
 * `npm run register -- [--guild ID]`: registers every slash command with Discord (a bulk overwrite, so removed
 * commands disappear too), globally or in one guild. Guild commands update at once, which suits testing;
 * global ones reach every server the bot is in.
 */
import { loadConfigOrExit } from '../config.ts';
import { loadCommands } from '../bot/loader.ts';
import { registerCommands } from '../bot/register.ts';
import { describeNetworkError } from '../errors.ts';
import { parseCommandLineOrExit, usage, type OptionSpec, type ToolSpec } from './args.ts';
import { out, err } from './output.ts';

const tool = {
  command: 'npm run register --',
  synopsis: '',
  description:
    'Registers every slash command with Discord (a bulk overwrite), globally or in one server. Needs\n' +
    'DISCORD_TOKEN and DISCORD_APPLICATION_ID. Run it again whenever a command changes.',
  options: {
    guild: {
      type: 'string',
      value: 'SERVER_ID',
      description: 'register in this server only (at once) instead of globally',
    },
  },
  positionals: false,
  examples: ['npm run register -- --guild 1234567890123456789', 'npm run register'],
} as const satisfies ToolSpec<Record<string, OptionSpec>>;
const guildId = parseCommandLineOrExit(tool).values.guild;

// Discord's IDs (snowflakes) are 17 to 20 digits today; a few more either way costs nothing to allow.
if (guildId !== undefined && !/^\d{15,21}$/.test(guildId)) {
  err(
    `"${guildId}" is not a valid server ID: a server ID is a number of 17 to 20 digits. To copy yours, turn on ` +
      `Developer Mode (User Settings > Advanced), right-click the server and choose Copy Server ID.\n\n${usage(tool)}`,
  );
  process.exit(2);
}
const config = loadConfigOrExit();
if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
  err(
    'Registering needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (developer portal: Bot > Reset Token, and ' +
      'General Information > Application ID). See the README.',
  );
  process.exit(2);
}

const commands = await loadCommands();
const body = [...commands.values()].map((command) => command.data);
try {
  const registered = await registerCommands(
    {
      token: config.DISCORD_TOKEN,
      applicationId: config.DISCORD_APPLICATION_ID,
      apiUrl: config.DISCORD_API_URL,
      guildId,
    },
    body,
  );
  out(
    `Registered ${registered.length} commands ${guildId ? `in guild ${guildId}` : 'globally'}: ` +
      registered.map((c) => `/${c.name}`).join(', '),
  );
} catch (error) {
  err(
    describeNetworkError(error, 'The commands were not registered', config.DISCORD_API_URL) ??
      `Discord refused the registration: ${(error as Error).message}`,
  );
  process.exit(1);
}
