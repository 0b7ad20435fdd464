/**
 * Discord permission bits, named as discord.js names them (`PermissionFlagsBits`), so a test can write
 * `deny: ['SendMessages']` with the same words the bot's code uses.
 */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewAuditLog: 1n << 7n,
  PrioritySpeaker: 1n << 8n,
  Stream: 1n << 9n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  SendTTSMessages: 1n << 12n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ViewGuildInsights: 1n << 19n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  MuteMembers: 1n << 22n,
  DeafenMembers: 1n << 23n,
  MoveMembers: 1n << 24n,
  UseVAD: 1n << 25n,
  ChangeNickname: 1n << 26n,
  ManageNicknames: 1n << 27n,
  ManageRoles: 1n << 28n,
  ManageWebhooks: 1n << 29n,
  ManageGuildExpressions: 1n << 30n,
  UseApplicationCommands: 1n << 31n,
  RequestToSpeak: 1n << 32n,
  ManageEvents: 1n << 33n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  UseExternalStickers: 1n << 37n,
  SendMessagesInThreads: 1n << 38n,
  UseEmbeddedActivities: 1n << 39n,
  ModerateMembers: 1n << 40n,
  ViewCreatorMonetizationAnalytics: 1n << 41n,
  UseSoundboard: 1n << 42n,
  CreateGuildExpressions: 1n << 43n,
  CreateEvents: 1n << 44n,
  UseExternalSounds: 1n << 45n,
  SendVoiceMessages: 1n << 46n,
  SendPolls: 1n << 49n,
  UseExternalApps: 1n << 50n,
  PinMessages: 1n << 51n,
} as const;

/** A permission's discord.js name, e.g. `'SendMessages'`. */
export type PermissionName = keyof typeof Permission;

/** Anything a test may use to say "these permissions": names, a bitfield, or a bitfield string. */
export type PermissionsInput = readonly PermissionName[] | bigint | string;

/** Every bit above, which is what Administrator and guild ownership grant. */
export const ALL_PERMISSIONS: bigint = Object.values(Permission).reduce((all, bit) => all | bit, 0n);

/** What `@everyone` gets in a new Discord server, roughly: read, write, react, use commands. */
export const DEFAULT_EVERYONE_PERMISSIONS: bigint =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.AddReactions |
  Permission.UseExternalEmojis |
  Permission.UseApplicationCommands |
  Permission.CreateInstantInvite |
  Permission.ChangeNickname |
  Permission.Connect |
  Permission.Speak;

/** The permissions Dispatch's invite link asks for; the bot's managed role gets exactly these. */
export const DEFAULT_BOT_PERMISSIONS: bigint =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.ReadMessageHistory |
  Permission.UseApplicationCommands;

/** Turns names, a bitfield or a decimal bitfield string into a bitfield. */
export function toBits(input: PermissionsInput | undefined): bigint {
  if (input === undefined) return 0n;
  if (typeof input === 'bigint') return input;
  if (typeof input === 'string') return BigInt(input);
  let bits = 0n;
  for (const name of input) {
    const bit = Permission[name];
    if (bit === undefined) throw new Error(`Unknown permission name: ${String(name)}`);
    bits |= bit;
  }
  return bits;
}

/** The names of the bits set in a bitfield, for readable failure messages. */
export function permissionNames(bits: bigint): PermissionName[] {
  return (Object.keys(Permission) as PermissionName[]).filter((name) => (bits & Permission[name]) !== 0n);
}

/** One channel permission overwrite, as Discord stores it: type 0 for a role, 1 for a member. */
export interface Overwrite {
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

/** The inputs Discord's permission algorithm needs. */
export interface PermissionContext {
  guildId: string;
  ownerId: string;
  userId: string;
  /** The member's role ids, without `@everyone`. */
  memberRoleIds: readonly string[];
  /** Role id → the role's permissions; must contain the `@everyone` role (id = guild id). */
  rolePermissions: ReadonlyMap<string, bigint>;
  /** The channel's overwrites, or undefined for guild-level permissions. */
  overwrites?: readonly Overwrite[];
}

/**
 * Discord's documented permission algorithm: base permissions from `@everyone` and the member's roles
 * (owner and Administrator get everything), then the channel's overwrites in order: `@everyone`, the
 * member's roles together, the member. Without View Channel nothing else applies, and without Send
 * Messages the permissions that only make sense when sending are dropped too, as Discord does.
 */
export function computePermissions(ctx: PermissionContext): bigint {
  if (ctx.userId === ctx.ownerId) return ALL_PERMISSIONS;
  let base = ctx.rolePermissions.get(ctx.guildId) ?? 0n;
  for (const roleId of ctx.memberRoleIds) base |= ctx.rolePermissions.get(roleId) ?? 0n;
  if ((base & Permission.Administrator) !== 0n) return ALL_PERMISSIONS;
  if (!ctx.overwrites) return base;

  let perms = base;
  const everyone = ctx.overwrites.find((o) => o.type === 0 && o.id === ctx.guildId);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const o of ctx.overwrites) {
    if (o.type === 0 && ctx.memberRoleIds.includes(o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  perms = (perms & ~deny) | allow;
  const member = ctx.overwrites.find((o) => o.type === 1 && o.id === ctx.userId);
  if (member) perms = (perms & ~member.deny) | member.allow;

  if ((perms & Permission.ViewChannel) === 0n) return 0n;
  if ((perms & Permission.SendMessages) === 0n) {
    perms &= ~(
      Permission.MentionEveryone |
      Permission.SendTTSMessages |
      Permission.AttachFiles |
      Permission.EmbedLinks
    );
  }
  return perms;
}
