import { Client, GatewayIntentBits, Options } from 'discord.js';
import type { Config } from '../config.ts';

/**
 * The discord.js client Dispatch runs on. It asks for the Guilds intent only: slash commands arrive as
 * interactions and need no message content, and guild create events bring the channels and roles the
 * permission checks use. Caches hold only what the bot reads (no messages, members other than itself,
 * presences, emojis …), so memory stays flat as the bot joins more servers. Every message defaults to
 * `allowed_mentions: { parse: [] }`, so article text can never ping anyone.
 */
export function createClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  const self = (id: string, client: Client) => id === client.user?.id;
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.DISCORD_API_URL },
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({
      MessageManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
      ThreadMemberManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      VoiceStateManager: 0,
      StageInstanceManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      BaseGuildEmojiManager: 0,
      GuildForumThreadManager: 0,
      GuildTextThreadManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => self(member.id, member.client) },
      UserManager: { maxSize: 0, keepOverLimit: (user) => self(user.id, user.client) },
    }),
  });
}
