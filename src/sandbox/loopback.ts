/**
 * The bot on a loopback Discord, set up one way for everything that runs it there: the sandbox, the end-to-end
 * tests and the bot's startup tests. It starts the loopback Discord, seeds a guild, registers the commands in
 * that guild as `npm run register -- --guild` would, points the bot's configuration at the loopback, and boots
 * the bot with `startBot`, the same function `npm start` runs.
 */
import {
  startLoopbackDiscord,
  type LoopbackDiscord,
  type LoopbackDiscordOptions,
  type SeededGuild,
} from '@dispatch/loopback-discord';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { startBot, type Bot, type StartOptions } from '../bot/index.ts';
import { loadCommands } from '../bot/loader.ts';
import { registerCommands } from '../bot/register.ts';
import { parseConfig, type Config } from '../config.ts';

/** The settings that point the bot at a loopback Discord: its token, application id and REST URL. */
export function loopbackSettings(discord: LoopbackDiscord): Record<string, string> {
  return {
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.restUrl,
  };
}

/** A running loopback Discord with one seeded guild whose commands are registered. */
export interface Loopback {
  discord: LoopbackDiscord;
  /** The seeded guild: `#news`, an owner, a moderator (Manage Server) and a member. */
  guild: SeededGuild;
  /** Registers the commands in a guild: every command module's `data`, or `body` when given. */
  register(guildId: string, body?: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]): Promise<void>;
  /** The bot's configuration: `settings` (database, articles folder …) plus the loopback's Discord settings. */
  config(settings?: Record<string, string>): Config;
  /** Boots the bot against the loopback with `config(settings)`; one at a time (boot after stopBot). */
  boot(settings: Record<string, string>, options: Omit<StartOptions, 'config'>): Promise<Bot>;
  /** The bot booted last, while it runs. */
  readonly bot: Bot | undefined;
  /** Stops the running bot, if any, as a process ending would. */
  stopBot(): Promise<void>;
  /**
   * Stops the running bot and boots a new one on the same loopback, with other settings or options if given
   * (a restarted process: another scheduler, a reopened store), else those of the last boot.
   */
  restart(settings?: Record<string, string>, options?: Omit<StartOptions, 'config'>): Promise<Bot>;
  /** Stops the running bot, if any, and the loopback Discord. */
  close(): Promise<void>;
}

/** Starts a loopback Discord, seeds a guild named `guildName` and registers the commands there. */
export async function startLoopback(
  options: { guildName: string } & Pick<LoopbackDiscordOptions, 'heartbeatIntervalMs'>,
): Promise<Loopback> {
  const discord = await startLoopbackDiscord(
    options.heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs: options.heartbeatIntervalMs },
  );
  try {
    const guild = discord.state.createGuild({ name: options.guildName });
    const commands = [...(await loadCommands()).values()].map((command) => command.data);
    let bot: Bot | undefined;
    let last: { settings: Record<string, string>; options: Omit<StartOptions, 'config'> } | undefined;
    const loopback: Loopback = {
      discord,
      guild,
      async register(guildId, body = commands) {
        await registerCommands(
          { token: discord.token, applicationId: discord.applicationId, apiUrl: discord.restUrl, guildId },
          body,
        );
      },
      config: (settings = {}) => parseConfig({ ...settings, ...loopbackSettings(discord) }),
      async boot(settings, bootOptions) {
        if (bot) throw new Error('a bot is already running on this loopback: stop it or restart');
        last = { settings, options: bootOptions };
        bot = await startBot({ ...bootOptions, config: loopback.config(settings) });
        return bot;
      },
      get bot() {
        return bot;
      },
      async stopBot() {
        const running = bot;
        bot = undefined;
        await running?.stop();
      },
      async restart(settings, bootOptions) {
        if (!last) throw new Error('restart needs a boot first');
        await loopback.stopBot();
        return loopback.boot(settings ?? last.settings, bootOptions ?? last.options);
      },
      async close() {
        await loopback.stopBot();
        await discord.close();
      },
    };
    await loopback.register(guild.id);
    return loopback;
  } catch (error) {
    await discord.close();
    throw error;
  }
}
