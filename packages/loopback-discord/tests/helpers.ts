import { Client, GatewayIntentBits } from 'discord.js';
import {
  startLoopbackDiscord,
  type LoopbackDiscord,
  type LoopbackDiscordOptions,
  type SeededGuild,
} from '../src/index.ts';

/** A loopback Discord with one seeded guild and a real discord.js client logged in to it. */
export interface World {
  discord: LoopbackDiscord;
  guild: SeededGuild;
  client: Client;
  close(): Promise<void>;
}

/** Starts the loopback Discord (short heartbeats), seeds a guild, and logs a Guilds-only client in. */
export async function startWorld(options: LoopbackDiscordOptions = {}): Promise<World> {
  const discord = await startLoopbackDiscord({ heartbeatIntervalMs: 400, ...options });
  const guild = discord.state.createGuild({ name: 'Loopback News' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: discord.restUrl },
    allowedMentions: { parse: [], repliedUser: false },
  });
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(discord.token);
  await ready;
  return {
    discord,
    guild,
    client,
    async close() {
      await client.destroy();
      await discord.close();
    },
  };
}
