import { DiscordSnowflake } from '@sapphire/snowflake';
import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import {
  computePermissions,
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  toBits,
  type Overwrite,
  type PermissionsInput,
} from './access.ts';
import type { JsonObject, LoopbackCommand, LoopbackMessage, LoopbackUser } from './shapes.ts';

/**
 * Mints Discord snowflakes (19 digits today, Discord's epoch) for everything the loopback creates.
 * Real-looking ids matter: @discordjs/rest only recognises a channel or guild id as a rate-limit "major
 * parameter" when it has 17 to 19 digits, so short fake ids would silently merge every channel into one
 * bucket. The encoding is `@sapphire/snowflake`'s; this only keeps ids strictly increasing (its own
 * counter wraps every 4096 ids whatever the clock says, and the clock may stall or step back).
 */
export class SnowflakeGenerator {
  private increment = 0n;
  private lastMs = 0n;

  next(now: number = Date.now()): string {
    let ms = BigInt(now);
    if (ms < this.lastMs) ms = this.lastMs;
    if (ms === this.lastMs) {
      this.increment = (this.increment + 1n) & 0xfffn;
      if (this.increment === 0n) ms += 1n;
    } else {
      this.increment = 0n;
    }
    this.lastMs = ms;
    return DiscordSnowflake.generate({
      timestamp: ms,
      increment: this.increment,
      workerId: 1n,
      processId: 1n,
    }).toString();
  }
}

/** A role in a loopback guild. */
export interface LoopbackRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  /** Set on the bot's managed role. */
  botId?: string;
}

/** A guild member: the user id plus the roles it holds (never `@everyone`, which is implicit). */
export interface LoopbackMember {
  userId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
}

/** A guild channel with its permission overwrites. */
export interface LoopbackChannel {
  id: string;
  guildId: string;
  name: string;
  type: number;
  position: number;
  parentId: string | null;
  topic: string | null;
  overwrites: Overwrite[];
  lastMessageId: string | null;
}

/** A guild: its roles, members and channels. `botPresent` is false after `removeBotFromGuild`. */
export interface LoopbackGuild {
  id: string;
  name: string;
  ownerId: string;
  roles: Map<string, LoopbackRole>;
  members: Map<string, LoopbackMember>;
  channelIds: string[];
  botPresent: boolean;
  botJoinedAt: string;
  preferredLocale: string;
}

/** What `createGuild` returns: the guild's ids plus the people and channel a test usually needs. */
export interface SeededGuild {
  id: string;
  name: string;
  /** The server owner (has every permission). */
  owner: LoopbackUser;
  /** A member holding the Moderator role, which has Manage Server. */
  moderator: LoopbackUser;
  /** A member with `@everyone` permissions only. */
  member: LoopbackUser;
  /** The `#news` text channel. */
  news: LoopbackChannel;
  roles: { everyone: string; moderator: string; bot: string };
}

/** Options of `createGuild`. */
export interface CreateGuildOptions {
  name?: string;
  /** An existing user to own the guild; a new "owner" user is created otherwise. */
  ownerId?: string;
  /** The bot's managed role permissions (default: view, send, embed links, read history, use commands). */
  botPermissions?: PermissionsInput;
  /** `@everyone` permissions (default: what a new Discord server gives). */
  everyonePermissions?: PermissionsInput;
  /** More text channels to create next to `#news`. */
  extraChannels?: string[];
  /** Preferred locale, sent as `guild_locale` in interactions. Default `en-US`. */
  preferredLocale?: string;
}

/** Options of `createChannel`. */
export interface CreateChannelOptions {
  name: string;
  /** A channel type (0 text, 2 voice, 4 category, 5 announcement). Default text. */
  type?: number;
  parentId?: string;
  topic?: string;
  overwrites?: { id: string; type: 0 | 1; allow?: PermissionsInput; deny?: PermissionsInput }[];
}

/** A gateway event the state model wants the connected bot to see (GUILD_CREATE, CHANNEL_DELETE …). */
export interface StateDispatch {
  t: string;
  d: JsonObject;
}

/**
 * The world the loopback Discord serves: users, guilds with roles, members, channels and permission
 * overwrites, messages, and registered commands. Tests change it through these methods; every change the
 * bot would hear about over the gateway (a channel deleted, overwrites edited, the bot removed from a
 * guild) is reported through `onDispatch`, so the bot's caches follow just as they would on Discord.
 */
export class LoopbackState {
  readonly users = new Map<string, LoopbackUser>();
  readonly guilds = new Map<string, LoopbackGuild>();
  readonly channels = new Map<string, LoopbackChannel>();
  readonly messages = new Map<string, LoopbackMessage>();
  /** Channel id → ids of the messages in it, oldest first. */
  readonly channelMessageIds = new Map<string, string[]>();
  globalCommands: LoopbackCommand[] = [];
  readonly guildCommands = new Map<string, LoopbackCommand[]>();
  /** Set by the server: forwards state changes to connected gateway sessions. */
  onDispatch: (event: StateDispatch) => void = () => {};
  readonly botUser: LoopbackUser;

  constructor(
    private readonly ids: SnowflakeGenerator,
    botUser: LoopbackUser,
  ) {
    this.botUser = botUser;
    this.users.set(botUser.id, botUser);
  }

  /** Creates a user (a person, unless `bot` is set). */
  createUser(options: { username: string; globalName?: string; bot?: boolean; id?: string }): LoopbackUser {
    const user: LoopbackUser = {
      id: options.id ?? this.ids.next(),
      username: options.username,
      global_name: options.globalName ?? options.username,
      discriminator: '0',
      avatar: null,
      ...(options.bot ? { bot: true } : {}),
    };
    this.users.set(user.id, user);
    return user;
  }

  /**
   * Creates a guild the bot is in, with `@everyone`, a Moderator role (Manage Server), the bot's managed
   * role, an owner, a moderator and a regular member, and a `#news` text channel. If a bot is connected it
   * receives GUILD_CREATE, as when a bot is invited to a server.
   */
  createGuild(options: CreateGuildOptions = {}): SeededGuild {
    const id = this.ids.next();
    const name = options.name ?? 'Loopback Server';
    const owner = options.ownerId
      ? this.requireUser(options.ownerId)
      : this.createUser({ username: 'owner' });
    const moderator = this.createUser({ username: 'moderator' });
    const member = this.createUser({ username: 'member' });
    const now = new Date().toISOString();
    const guild: LoopbackGuild = {
      id,
      name,
      ownerId: owner.id,
      roles: new Map(),
      members: new Map(),
      channelIds: [],
      botPresent: true,
      botJoinedAt: now,
      preferredLocale: options.preferredLocale ?? 'en-US',
    };
    const everyonePerms = options.everyonePermissions
      ? toBits(options.everyonePermissions)
      : DEFAULT_EVERYONE_PERMISSIONS;
    guild.roles.set(id, { id, name: '@everyone', permissions: everyonePerms, position: 0, managed: false });
    const modRole: LoopbackRole = {
      id: this.ids.next(),
      name: 'Moderator',
      permissions:
        PermissionFlagsBits.ManageGuild |
        PermissionFlagsBits.ManageMessages |
        PermissionFlagsBits.ManageChannels,
      position: 1,
      managed: false,
    };
    guild.roles.set(modRole.id, modRole);
    const botRole: LoopbackRole = {
      id: this.ids.next(),
      name: this.botUser.username,
      permissions: options.botPermissions ? toBits(options.botPermissions) : DEFAULT_BOT_PERMISSIONS,
      position: 2,
      managed: true,
      botId: this.botUser.id,
    };
    guild.roles.set(botRole.id, botRole);
    const join = (user: LoopbackUser, roles: string[]) =>
      guild.members.set(user.id, { userId: user.id, roles, nick: null, joinedAt: now });
    join(owner, []);
    join(moderator, [modRole.id]);
    join(member, []);
    join(this.botUser, [botRole.id]);
    this.guilds.set(id, guild);
    const news = this.addChannel(guild, { name: 'news' });
    for (const extra of options.extraChannels ?? []) this.addChannel(guild, { name: extra });
    this.onDispatch({ t: 'GUILD_CREATE', d: this.guildCreatePayload(guild) });
    return {
      id,
      name,
      owner,
      moderator,
      member,
      news,
      roles: { everyone: id, moderator: modRole.id, bot: botRole.id },
    };
  }

  /** Adds a channel to a guild and tells the bot (CHANNEL_CREATE). */
  createChannel(guildId: string, options: CreateChannelOptions): LoopbackChannel {
    const guild = this.requireGuild(guildId);
    const channel = this.addChannel(guild, options);
    if (guild.botPresent) this.onDispatch({ t: 'CHANNEL_CREATE', d: this.channelPayload(channel, true) });
    return channel;
  }

  /** Deletes a channel: later requests for it get 404 Unknown Channel (10003). */
  deleteChannel(channelId: string): void {
    const channel = this.requireChannel(channelId);
    const guild = this.requireGuild(channel.guildId);
    guild.channelIds = guild.channelIds.filter((id) => id !== channelId);
    this.channels.delete(channelId);
    if (guild.botPresent) this.onDispatch({ t: 'CHANNEL_DELETE', d: this.channelPayload(channel, true) });
  }

  /**
   * Sets the bot's member overwrite in a channel, e.g. `{ deny: ['SendMessages'] }`, replacing any earlier
   * one; `{}` removes it. The bot hears CHANNEL_UPDATE, as on Discord.
   */
  setBotPermissions(
    channelId: string,
    overwrite: { allow?: PermissionsInput; deny?: PermissionsInput },
  ): void {
    this.setOverwrite(channelId, { id: this.botUser.id, type: 1, ...overwrite });
  }

  /** Sets (or with no allow/deny, removes) one overwrite of a channel. */
  setOverwrite(
    channelId: string,
    overwrite: { id: string; type: 0 | 1; allow?: PermissionsInput; deny?: PermissionsInput },
  ): void {
    const channel = this.requireChannel(channelId);
    channel.overwrites = channel.overwrites.filter((o) => o.id !== overwrite.id);
    const allow = toBits(overwrite.allow);
    const deny = toBits(overwrite.deny);
    if (allow !== 0n || deny !== 0n)
      channel.overwrites.push({ id: overwrite.id, type: overwrite.type, allow, deny });
    const guild = this.requireGuild(channel.guildId);
    if (guild.botPresent) this.onDispatch({ t: 'CHANNEL_UPDATE', d: this.channelPayload(channel, true) });
  }

  /** Replaces a role's permissions (GUILD_ROLE_UPDATE). */
  setRolePermissions(guildId: string, roleId: string, permissions: PermissionsInput): void {
    const guild = this.requireGuild(guildId);
    const role = guild.roles.get(roleId);
    if (!role) throw new Error(`Unknown role ${roleId} in guild ${guildId}`);
    role.permissions = toBits(permissions);
    if (guild.botPresent) {
      this.onDispatch({ t: 'GUILD_ROLE_UPDATE', d: { guild_id: guildId, role: this.rolePayload(role) } });
    }
  }

  /** Creates a role (GUILD_ROLE_CREATE). */
  createRole(guildId: string, options: { name: string; permissions?: PermissionsInput }): LoopbackRole {
    const guild = this.requireGuild(guildId);
    const role: LoopbackRole = {
      id: this.ids.next(),
      name: options.name,
      permissions: toBits(options.permissions),
      position: guild.roles.size,
      managed: false,
    };
    guild.roles.set(role.id, role);
    if (guild.botPresent) {
      this.onDispatch({ t: 'GUILD_ROLE_CREATE', d: { guild_id: guildId, role: this.rolePayload(role) } });
    }
    return role;
  }

  /** Adds a user to a guild (creating the user if a name is given). */
  addMember(guildId: string, user: LoopbackUser | string, roles: string[] = []): LoopbackUser {
    const guild = this.requireGuild(guildId);
    const record = typeof user === 'string' ? this.createUser({ username: user }) : user;
    guild.members.set(record.id, {
      userId: record.id,
      roles,
      nick: null,
      joinedAt: new Date().toISOString(),
    });
    return record;
  }

  /** Gives a member a different set of roles. */
  setMemberRoles(guildId: string, userId: string, roles: string[]): void {
    const member = this.requireGuild(guildId).members.get(userId);
    if (!member) throw new Error(`User ${userId} is not a member of guild ${guildId}`);
    member.roles = [...roles];
  }

  /** Kicks the bot: it hears GUILD_DELETE, and requests about the guild get 403 Missing Access (50001). */
  removeBotFromGuild(guildId: string): void {
    const guild = this.requireGuild(guildId);
    if (!guild.botPresent) return;
    guild.botPresent = false;
    guild.members.delete(this.botUser.id);
    this.onDispatch({ t: 'GUILD_DELETE', d: { id: guildId } });
  }

  /** Invites the bot back (GUILD_CREATE), with its managed role. */
  addBotToGuild(guildId: string): void {
    const guild = this.requireGuild(guildId);
    if (guild.botPresent) return;
    guild.botPresent = true;
    guild.botJoinedAt = new Date().toISOString();
    const botRole = [...guild.roles.values()].find((r) => r.botId === this.botUser.id);
    guild.members.set(this.botUser.id, {
      userId: this.botUser.id,
      roles: botRole ? [botRole.id] : [],
      nick: null,
      joinedAt: guild.botJoinedAt,
    });
    this.onDispatch({ t: 'GUILD_CREATE', d: this.guildCreatePayload(guild) });
  }

  /** A user's permissions in a guild, or in one of its channels when `channelId` is given. */
  permissionsOf(guildId: string, userId: string, channelId?: string): bigint {
    const guild = this.requireGuild(guildId);
    const member = guild.members.get(userId);
    if (!member) return 0n;
    const rolePermissions = new Map([...guild.roles.values()].map((r) => [r.id, r.permissions]));
    const channel = channelId ? this.channels.get(channelId) : undefined;
    return computePermissions({
      guildId,
      ownerId: guild.ownerId,
      userId,
      memberRoleIds: member.roles,
      rolePermissions,
      ...(channel ? { overwrites: channel.overwrites } : {}),
    });
  }

  /** The bot's permissions in a channel (0 if it is not in the guild). */
  botPermissionsIn(channelId: string): bigint {
    const channel = this.requireChannel(channelId);
    return this.permissionsOf(channel.guildId, this.botUser.id, channelId);
  }

  /** The guilds the bot is in. */
  botGuilds(): LoopbackGuild[] {
    return [...this.guilds.values()].filter((g) => g.botPresent);
  }

  requireUser(id: string): LoopbackUser {
    const user = this.users.get(id);
    if (!user) throw new Error(`Unknown user ${id}`);
    return user;
  }

  requireGuild(id: string): LoopbackGuild {
    const guild = this.guilds.get(id);
    if (!guild) throw new Error(`Unknown guild ${id}`);
    return guild;
  }

  requireChannel(id: string): LoopbackChannel {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`Unknown channel ${id}`);
    return channel;
  }

  /** Finds a channel of a guild by name (with or without the leading `#`). */
  channelByName(guildId: string, name: string): LoopbackChannel | undefined {
    const wanted = name.replace(/^#/, '');
    return this.requireGuild(guildId)
      .channelIds.map((id) => this.channels.get(id))
      .find((c) => c?.name === wanted);
  }

  /** Stores a message in its channel. */
  addMessage(message: LoopbackMessage): void {
    this.messages.set(message.id, message);
    const list = this.channelMessageIds.get(message.channel_id) ?? [];
    list.push(message.id);
    this.channelMessageIds.set(message.channel_id, list);
    const channel = this.channels.get(message.channel_id);
    if (channel) channel.lastMessageId = message.id;
  }

  // ---- serialisation to Discord's JSON ----

  userPayload(user: LoopbackUser): JsonObject {
    return {
      id: user.id,
      username: user.username,
      global_name: user.global_name,
      discriminator: user.discriminator,
      avatar: user.avatar,
      avatar_decoration_data: null,
      public_flags: 0,
      flags: 0,
      ...(user.bot ? { bot: true } : {}),
    };
  }

  rolePayload(role: LoopbackRole): JsonObject {
    return {
      id: role.id,
      name: role.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: role.position,
      permissions: role.permissions.toString(),
      managed: role.managed,
      mentionable: false,
      flags: 0,
      ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
    };
  }

  channelPayload(channel: LoopbackChannel, withGuildId: boolean): JsonObject {
    return {
      id: channel.id,
      type: channel.type,
      name: channel.name,
      position: channel.position,
      parent_id: channel.parentId,
      permission_overwrites: channel.overwrites.map((o) => ({
        id: o.id,
        type: o.type,
        allow: o.allow.toString(),
        deny: o.deny.toString(),
      })),
      flags: 0,
      ...(channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement
        ? {
            topic: channel.topic,
            nsfw: false,
            last_message_id: channel.lastMessageId,
            rate_limit_per_user: 0,
          }
        : {}),
      ...(withGuildId ? { guild_id: channel.guildId } : {}),
    };
  }

  memberPayload(guild: LoopbackGuild, member: LoopbackMember, withUser = true): JsonObject {
    const user = this.users.get(member.userId);
    return {
      ...(withUser && user ? { user: this.userPayload(user) } : {}),
      nick: member.nick,
      avatar: null,
      banner: null,
      roles: [...member.roles],
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
  }

  guildPayload(guild: LoopbackGuild): JsonObject {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: guild.preferredLocale,
      system_channel_id: guild.channelIds[0] ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      application_id: null,
      max_members: 500000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      features: [],
      roles: [...guild.roles.values()].map((r) => this.rolePayload(r)),
      emojis: [],
      stickers: [],
    };
  }

  /** The GUILD_CREATE payload: the guild plus channels, members (incl. the bot) and the rest. */
  guildCreatePayload(guild: LoopbackGuild): JsonObject {
    return {
      ...this.guildPayload(guild),
      joined_at: guild.botJoinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      lazy: true,
      channels: guild.channelIds
        .map((id) => this.channels.get(id))
        .filter((c): c is LoopbackChannel => c !== undefined)
        .map((c) => this.channelPayload(c, false)),
      threads: [],
      members: [...guild.members.values()].map((m) => this.memberPayload(guild, m)),
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      embedded_activities: [],
    };
  }

  private addChannel(guild: LoopbackGuild, options: CreateChannelOptions): LoopbackChannel {
    const channel: LoopbackChannel = {
      id: this.ids.next(),
      guildId: guild.id,
      name: options.name.replace(/^#/, ''),
      type: options.type ?? ChannelType.GuildText,
      position: guild.channelIds.length,
      parentId: options.parentId ?? null,
      topic: options.topic ?? null,
      overwrites: (options.overwrites ?? []).map((o) => ({
        id: o.id,
        type: o.type,
        allow: toBits(o.allow),
        deny: toBits(o.deny),
      })),
      lastMessageId: null,
    };
    this.channels.set(channel.id, channel);
    guild.channelIds.push(channel.id);
    return channel;
  }
}
