/**
 * Discord's permission algorithm over roles and channel overwrites, and the permission sets a new server
 * starts with. The bits are `discord-api-types`' `PermissionFlagsBits`, named as discord.js names them, so a
 * test can write `deny: ['SendMessages']` with the same words the bot's code uses.
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';

/** A permission's discord.js name, e.g. `'SendMessages'`. */
export type PermissionName = keyof typeof PermissionFlagsBits;

/** Anything a test may use to say "these permissions": names, a bitfield, or a bitfield string. */
export type PermissionsInput = readonly PermissionName[] | bigint | string;

/** Every permission bit, which is what Administrator and guild ownership grant. */
export const ALL_PERMISSIONS: bigint = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What `@everyone` gets in a new Discord server, roughly: read, write, react, use commands. */
export const DEFAULT_EVERYONE_PERMISSIONS: bigint =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak;

/** The permissions Dispatch's invite link asks for; the bot's managed role gets exactly these. */
export const DEFAULT_BOT_PERMISSIONS: bigint =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

/** Turns names, a bitfield or a decimal bitfield string into a bitfield. */
export function toBits(input: PermissionsInput | undefined): bigint {
  if (input === undefined) return 0n;
  if (typeof input === 'bigint') return input;
  if (typeof input === 'string') return BigInt(input);
  let bits = 0n;
  for (const name of input) {
    const bit = PermissionFlagsBits[name] as bigint | undefined;
    if (bit === undefined) throw new Error(`Unknown permission name: ${String(name)}`);
    bits |= bit;
  }
  return bits;
}

/** The names of the bits set in a bitfield, for readable failure messages. */
export function permissionNames(bits: bigint): PermissionName[] {
  return (Object.keys(PermissionFlagsBits) as PermissionName[]).filter(
    (name) => (bits & PermissionFlagsBits[name]) !== 0n,
  );
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
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
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

  if ((perms & PermissionFlagsBits.ViewChannel) === 0n) return 0n;
  if ((perms & PermissionFlagsBits.SendMessages) === 0n) {
    perms &= ~(
      PermissionFlagsBits.MentionEveryone |
      PermissionFlagsBits.SendTTSMessages |
      PermissionFlagsBits.AttachFiles |
      PermissionFlagsBits.EmbedLinks
    );
  }
  return perms;
}
