import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionType,
} from 'discord-api-types/v10';
import { permissionNames, toBits, type PermissionsInput } from './access.ts';
import type { LoopbackChannel, LoopbackGuild, LoopbackState, SnowflakeGenerator } from './state.ts';
import {
  isObject,
  type JsonObject,
  type LoopbackCommand,
  type LoopbackCommandOption,
  type LoopbackMessage,
  type LoopbackUser,
} from './shapes.ts';

/**
 * A value for a slash command option. Strings are converted by the option's registered type: `'42'` for
 * an integer, `'#news'` or a channel id for a channel, `'<@id>'` or a user id for a user, `'@Moderator'`
 * or a role id for a role. A user or channel record may be passed directly.
 */
export type OptionValue = string | number | boolean | { id: string };

/** Who invokes an interaction and where. Everything defaults to the first guild, its #news and its member. */
export interface InteractionTarget {
  guildId?: string;
  channelId?: string;
  /** The invoking user (a record or an id). Default: the guild's regular member. */
  user?: LoopbackUser | string;
  /**
   * Overrides the `member.permissions` Discord computes from the member's roles and the channel's
   * overwrites, e.g. to simulate a server owner granting a command to everyone.
   */
  memberPermissions?: PermissionsInput;
  /** The user's client locale (default `en-US`). */
  locale?: string;
}

/** A slash command invocation. */
export interface CommandInvocation extends InteractionTarget {
  /** The command name, optionally with its group and subcommand: `'quotes'`, `'config digest set'`, `'/about'`. */
  command: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
  /**
   * Discord hides a command from members without its `default_member_permissions`, so by default this
   * throws for them. Set to simulate a server owner who granted the command to everyone in Integrations.
   */
  overrideCommandPermissions?: boolean;
}

/** An autocomplete request: the options typed so far and the one being typed. */
export interface AutocompleteInvocation extends CommandInvocation {
  /** The option the user is typing in; its value is the partial text (default ''). */
  focused: string;
}

/** A click on a button (or a pick in a select menu) of a message the bot sent. */
export interface ComponentInvocation extends InteractionTarget {
  /** The message carrying the component (as returned by `interact`, or its id). */
  message: LoopbackMessage | string;
  customId: string;
  /** For select menus: the picked values. */
  values?: string[];
}

/** What a pending interaction is waiting for. */
export type PendingStage = 'waiting' | 'deferred' | 'deferredUpdate' | 'done' | 'expired';

/** How the bot answered an interaction. */
export type ResponseKind = 'reply' | 'deferredReply' | 'update' | 'deferredUpdate' | 'modal' | 'autocomplete';

/** The settled outcome of an interaction, before it is shaped for the test. */
export interface InteractionOutcome {
  kind: ResponseKind;
  message?: LoopbackMessage;
  choices?: { name: string; value: string | number }[];
  modal?: JsonObject;
}

/**
 * An interaction the bot has been sent and has not finished answering. REST handlers move it along
 * (acknowledged, deferred, edited) and settle it; `interact` awaits it.
 */
export class PendingInteraction {
  stage: PendingStage = 'waiting';
  acknowledged = false;
  /** The message `@original` refers to once acknowledged. */
  originalMessageId: string | undefined;
  readonly followUpIds: string[] = [];
  readonly promise: Promise<InteractionOutcome>;
  settled = false;
  private resolveFn!: (outcome: InteractionOutcome) => void;
  private rejectFn!: (error: Error) => void;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly id: string,
    readonly token: string,
    readonly kind: 'command' | 'autocomplete' | 'component',
    readonly payload: JsonObject,
    /** For component interactions: the message the component is on. */
    readonly sourceMessageId: string | undefined,
    readonly createdAt: number,
  ) {
    this.promise = new Promise<InteractionOutcome>((resolve, reject) => {
      this.resolveFn = resolve;
      this.rejectFn = reject;
    });
    // Callers attach handlers later; avoid an unhandled rejection if a test never awaits.
    this.promise.catch(() => {});
  }

  /** Rejects unless settled within `ms` (restarted by each stage change). */
  armTimer(ms: number, reason: () => string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.settled) return;
      if (!this.acknowledged) this.stage = 'expired';
      this.settled = true;
      this.rejectFn(new Error(reason()));
    }, ms);
    this.timer.unref();
  }

  settle(outcome: InteractionOutcome): void {
    if (this.settled) return;
    this.settled = true;
    this.stage = 'done';
    if (this.timer) clearTimeout(this.timer);
    this.resolveFn(outcome);
  }

  cancel(reason: string): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.settled) return;
    this.settled = true;
    this.rejectFn(new Error(reason));
  }
}

/** Discord's 3-second window to acknowledge an interaction. */
export const INTERACTION_DEADLINE_MS = 3000;

/** Everything the builders need from the loopback Discord. */
export interface BuilderContext {
  state: LoopbackState;
  ids: SnowflakeGenerator;
  applicationId: string;
  /** Commands registered for a guild and globally, guild ones first. */
  commandsFor(guildId: string): LoopbackCommand[];
}

/** A built interaction: the gateway payload and the parts the REST side needs. */
export interface BuiltInteraction {
  id: string;
  token: string;
  payload: JsonObject;
}

/** Builds the INTERACTION_CREATE payload of a slash command, typed by the registered command. */
export function buildCommandInteraction(
  ctx: BuilderContext,
  invocation: CommandInvocation,
): BuiltInteraction {
  return buildApplicationCommand(ctx, invocation, undefined);
}

/** Builds the INTERACTION_CREATE payload of an autocomplete request (`focused: true` on one option). */
export function buildAutocompleteInteraction(
  ctx: BuilderContext,
  invocation: AutocompleteInvocation,
): BuiltInteraction {
  return buildApplicationCommand(ctx, invocation, invocation.focused);
}

/** Builds the INTERACTION_CREATE payload of a button click or select pick on a stored message. */
export function buildComponentInteraction(
  ctx: BuilderContext,
  invocation: ComponentInvocation,
): BuiltInteraction & { message: LoopbackMessage } {
  const messageId = typeof invocation.message === 'string' ? invocation.message : invocation.message.id;
  const message = ctx.state.messages.get(messageId);
  if (!message) throw new Error(`clickButton: unknown message ${messageId}`);
  const component = findComponent(message.components, invocation.customId);
  if (!component) {
    const ids = collectCustomIds(message.components);
    throw new Error(
      `clickButton: message ${messageId} has no component "${invocation.customId}" ` +
        `(custom ids: ${ids.length ? ids.join(', ') : 'none'})`,
    );
  }
  if (component.disabled === true) {
    throw new Error(`clickButton: "${invocation.customId}" is disabled; Discord does not let users click it`);
  }
  const base = baseInteraction(ctx, { ...invocation, channelId: invocation.channelId ?? message.channel_id });
  const data: JsonObject = { custom_id: invocation.customId, component_type: component.type };
  if (component.type !== 2) data.values = invocation.values ?? [];
  const payload: JsonObject = {
    ...base.payload,
    type: InteractionType.MessageComponent,
    data,
    message: structuredClone(message),
  };
  return { id: base.id, token: base.token, payload, message };
}

function findComponent(
  components: LoopbackMessage['components'],
  customId: string,
): LoopbackMessage['components'][number] | undefined {
  for (const component of components) {
    if (component.custom_id === customId) return component;
    const nested = [
      ...(component.components ?? []),
      ...(isObject(component.accessory)
        ? [component.accessory as LoopbackMessage['components'][number]]
        : []),
    ];
    const found = findComponent(nested, customId);
    if (found) return found;
  }
  return undefined;
}

function collectCustomIds(components: LoopbackMessage['components']): string[] {
  return components.flatMap((c) => [
    ...(c.custom_id ? [c.custom_id] : []),
    ...collectCustomIds(c.components ?? []),
  ]);
}

interface Resolved {
  guild: LoopbackGuild;
  channel: LoopbackChannel;
  user: LoopbackUser;
}

function resolveTarget(ctx: BuilderContext, target: InteractionTarget): Resolved {
  const guild = target.guildId ? ctx.state.guilds.get(target.guildId) : ctx.state.botGuilds()[0];
  if (!guild) {
    throw new Error(
      target.guildId
        ? `Unknown guild ${target.guildId}`
        : 'No guild yet: call discord.state.createGuild() first',
    );
  }
  if (!guild.botPresent)
    throw new Error(`The bot is not in guild ${guild.name}, so Discord would not send it interactions`);
  const channelId =
    target.channelId ??
    guild.channelIds.find((id) => ctx.state.channels.get(id)?.name === 'news') ??
    guild.channelIds[0];
  const channel = channelId ? ctx.state.channels.get(channelId) : undefined;
  if (!channel) throw new Error(`Unknown channel ${String(channelId)}`);
  if (channel.guildId !== guild.id) throw new Error(`Channel ${channel.id} is not in guild ${guild.id}`);
  let user: LoopbackUser | undefined;
  if (target.user === undefined) {
    user = [...guild.members.keys()]
      .map((id) => ctx.state.users.get(id))
      .find((u) => u?.username === 'member' && !u.bot);
    user ??= ctx.state.users.get(guild.ownerId);
  } else {
    user = typeof target.user === 'string' ? ctx.state.users.get(target.user) : target.user;
  }
  if (!user) throw new Error(`Unknown user ${String(target.user)}`);
  if (!guild.members.has(user.id))
    throw new Error(`User ${user.username} is not a member of guild ${guild.name}`);
  return { guild, channel, user };
}

function baseInteraction(
  ctx: BuilderContext,
  target: InteractionTarget,
): BuiltInteraction & { resolved: Resolved; memberPermissions: bigint } {
  const resolved = resolveTarget(ctx, target);
  const { guild, channel, user } = resolved;
  const member = guild.members.get(user.id);
  if (!member) throw new Error(`User ${user.id} is not a member of guild ${guild.id}`);
  const memberPermissions =
    target.memberPermissions !== undefined
      ? toBits(target.memberPermissions)
      : ctx.state.permissionsOf(guild.id, user.id, channel.id);
  const id = ctx.ids.next();
  const token = `aW50ZXJhY3Rpb246${id}:${randomBytes(24).toString('base64url')}`;
  const payload: JsonObject = {
    id,
    application_id: ctx.applicationId,
    token,
    version: 1,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
    channel_id: channel.id,
    channel: ctx.state.channelPayload(channel, true),
    member: {
      ...ctx.state.memberPayload(guild, member),
      permissions: memberPermissions.toString(),
    },
    app_permissions: ctx.state.permissionsOf(guild.id, ctx.state.botUser.id, channel.id).toString(),
    locale: target.locale ?? 'en-US',
    guild_locale: guild.preferredLocale,
    entitlements: [],
    entitlement_sku_ids: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
  };
  return { id, token, payload, resolved, memberPermissions };
}

function buildApplicationCommand(
  ctx: BuilderContext,
  invocation: CommandInvocation,
  focused: string | undefined,
): BuiltInteraction {
  const base = baseInteraction(ctx, invocation);
  const { guild } = base.resolved;
  const words = invocation.command.replace(/^\//, '').trim().split(/\s+/);
  const name = words[0] ?? '';
  let group = invocation.subcommandGroup;
  let sub = invocation.subcommand;
  const registered = ctx.commandsFor(guild.id).find((c) => c.name === name && (c.type ?? 1) === 1);
  const extra = words.slice(1);

  let leafDefs: LoopbackCommandOption[] | undefined;
  if (registered) {
    const top = registered.options ?? [];
    const hasSubs = top.some(
      (o) =>
        o.type === ApplicationCommandOptionType.Subcommand ||
        o.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (hasSubs) {
      const first = extra[0];
      const firstDef = first ? top.find((o) => o.name === first) : undefined;
      if (!group && !sub && firstDef) {
        if (firstDef.type === ApplicationCommandOptionType.SubcommandGroup) {
          group = first;
          sub = extra[1];
        } else sub = first;
      }
      const groupDef = group
        ? top.find((o) => o.name === group && o.type === ApplicationCommandOptionType.SubcommandGroup)
        : undefined;
      if (group && !groupDef) throw new Error(`/${name} has no subcommand group "${group}"`);
      const subs = groupDef ? (groupDef.options ?? []) : top;
      const subDef = sub
        ? subs.find((o) => o.name === sub && o.type === ApplicationCommandOptionType.Subcommand)
        : undefined;
      if (!subDef) {
        const available = subs
          .filter(
            (o) =>
              o.type === ApplicationCommandOptionType.Subcommand ||
              o.type === ApplicationCommandOptionType.SubcommandGroup,
          )
          .map((o) => o.name);
        throw new Error(
          `/${name}${group ? ` ${group}` : ''} needs a subcommand${sub ? ` (no "${sub}")` : ''}: ${available.join(', ')}`,
        );
      }
      leafDefs = subDef.options ?? [];
    } else {
      leafDefs = top;
    }
    checkCommandPermission(registered, base.memberPermissions, invocation, focused !== undefined);
  } else {
    if (extra.length > 0 && !group && !sub) {
      if (extra.length >= 2) {
        group = extra[0];
        sub = extra[1];
      } else sub = extra[0];
    }
  }

  const provided = { ...(invocation.options ?? {}) };
  if (focused !== undefined && !(focused in provided)) provided[focused] = '';
  const resolvedData: Record<string, JsonObject> = {};
  const leafOptions: JsonObject[] = [];
  if (leafDefs) {
    for (const key of Object.keys(provided)) {
      if (!leafDefs.some((d) => d.name === key)) {
        throw new Error(
          `/${[name, group, sub].filter(Boolean).join(' ')} has no option "${key}" (options: ${
            leafDefs.map((d) => d.name).join(', ') || 'none'
          })`,
        );
      }
    }
    for (const def of leafDefs) {
      const value = provided[def.name];
      if (value === undefined) {
        if (def.required && focused === undefined) {
          throw new Error(`/${name}: option "${def.name}" is required (Discord would not send the command)`);
        }
        continue;
      }
      if (def.name === focused) {
        leafOptions.push({ name: def.name, type: def.type, value: String(value), focused: true });
        continue;
      }
      leafOptions.push(convertOption(ctx, base.resolved, def, value, resolvedData));
    }
  } else {
    for (const [key, value] of Object.entries(provided)) {
      const def: LoopbackCommandOption = { name: key, description: key, type: inferType(value) };
      if (key === focused)
        leafOptions.push({ name: key, type: def.type, value: String(value), focused: true });
      else leafOptions.push(convertOption(ctx, base.resolved, def, value, resolvedData));
    }
  }

  let options: JsonObject[] = leafOptions;
  if (sub) options = [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options: leafOptions }];
  if (group) options = [{ name: group, type: ApplicationCommandOptionType.SubcommandGroup, options }];
  const data: JsonObject = {
    id: registered?.id ?? unregisteredCommandId(ctx, name),
    name,
    type: ApplicationCommandType.ChatInput,
    options,
  };
  if (registered?.guild_id) data.guild_id = registered.guild_id;
  if (Object.keys(resolvedData).length > 0 && focused === undefined) data.resolved = resolvedData;
  const payload: JsonObject = {
    ...base.payload,
    type:
      focused === undefined
        ? InteractionType.ApplicationCommand
        : InteractionType.ApplicationCommandAutocomplete,
    data,
  };
  return { id: base.id, token: base.token, payload };
}

/** Stable ids for commands invoked without being registered, per loopback Discord (keyed by its id source). */
const unregisteredIds = new WeakMap<SnowflakeGenerator, Map<string, string>>();
function unregisteredCommandId(ctx: BuilderContext, name: string): string {
  const ids = unregisteredIds.get(ctx.ids) ?? new Map<string, string>();
  unregisteredIds.set(ctx.ids, ids);
  let id = ids.get(name);
  if (!id) {
    id = ctx.ids.next();
    ids.set(name, id);
  }
  return id;
}

function checkCommandPermission(
  command: LoopbackCommand,
  memberPermissions: bigint,
  invocation: CommandInvocation,
  autocomplete: boolean,
): void {
  if (invocation.overrideCommandPermissions || command.default_member_permissions === null) return;
  const needed = BigInt(command.default_member_permissions);
  const administrator = 1n << 3n;
  if ((memberPermissions & administrator) !== 0n || (memberPermissions & needed) === needed) return;
  throw new Error(
    `Discord would not show /${command.name}${autocomplete ? ' (autocomplete)' : ''} to this member: it needs ` +
      `${permissionNames(needed).join(', ') || 'an admin'} (default_member_permissions). Pass ` +
      '`overrideCommandPermissions: true` to simulate a server owner granting it anyway.',
  );
}

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number')
    return Number.isInteger(value)
      ? ApplicationCommandOptionType.Integer
      : ApplicationCommandOptionType.Number;
  if (typeof value === 'object') return ApplicationCommandOptionType.User;
  return ApplicationCommandOptionType.String;
}

function convertOption(
  ctx: BuilderContext,
  where: Resolved,
  def: LoopbackCommandOption,
  value: OptionValue,
  resolved: Record<string, JsonObject>,
): JsonObject {
  const fail = (why: string): never => {
    throw new Error(`Option "${def.name}": ${why} (got ${JSON.stringify(value)})`);
  };
  const add = (kind: string, id: string, entry: JsonObject) => {
    const bag = resolved[kind] ?? {};
    bag[id] = entry;
    resolved[kind] = bag;
  };
  const checkChoices = (v: string | number) => {
    if (def.choices && def.choices.length > 0 && !def.choices.some((c) => c.value === v)) {
      fail(`must be one of ${def.choices.map((c) => JSON.stringify(c.value)).join(', ')}`);
    }
  };
  const { state } = ctx;
  switch (def.type) {
    case ApplicationCommandOptionType.String: {
      const v = typeof value === 'object' ? value.id : String(value);
      if (def.min_length !== undefined && v.length < def.min_length) fail(`shorter than ${def.min_length}`);
      if (def.max_length !== undefined && v.length > def.max_length) fail(`longer than ${def.max_length}`);
      checkChoices(v);
      return { name: def.name, type: def.type, value: v };
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const v = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(v)) fail('not a number');
      if (def.type === ApplicationCommandOptionType.Integer && !Number.isInteger(v)) fail('not an integer');
      if (def.min_value !== undefined && v < def.min_value) fail(`below ${def.min_value}`);
      if (def.max_value !== undefined && v > def.max_value) fail(`above ${def.max_value}`);
      checkChoices(v);
      return { name: def.name, type: def.type, value: v };
    }
    case ApplicationCommandOptionType.Boolean: {
      const v =
        value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
      if (v === undefined) fail('not a boolean');
      return { name: def.name, type: def.type, value: v };
    }
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Mentionable: {
      const raw = typeof value === 'object' ? value.id : String(value);
      const roleId = /^<@&(\d+)>$/.exec(raw)?.[1] ?? roleByName(where.guild, raw);
      if (roleId && def.type === ApplicationCommandOptionType.Mentionable) {
        const role = where.guild.roles.get(roleId);
        if (!role) fail('unknown role');
        else add('roles', role.id, state.rolePayload(role));
        return { name: def.name, type: def.type, value: roleId };
      }
      const id = /^<@!?(\d+)>$/.exec(raw)?.[1] ?? raw;
      const user =
        state.users.get(id) ?? [...state.users.values()].find((u) => u.username === raw.replace(/^@/, ''));
      if (!user) return fail('unknown user');
      add('users', user.id, state.userPayload(user));
      const member = where.guild.members.get(user.id);
      if (member) {
        add('members', user.id, {
          ...state.memberPayload(where.guild, member, false),
          permissions: state.permissionsOf(where.guild.id, user.id, where.channel.id).toString(),
        });
      }
      return { name: def.name, type: def.type, value: user.id };
    }
    case ApplicationCommandOptionType.Channel: {
      const raw = typeof value === 'object' ? value.id : String(value);
      const id = /^<#(\d+)>$/.exec(raw)?.[1] ?? raw;
      const channel = state.channels.get(id) ?? state.channelByName(where.guild.id, raw);
      if (!channel || channel.guildId !== where.guild.id) return fail('unknown channel in this guild');
      if (def.channel_types && def.channel_types.length > 0 && !def.channel_types.includes(channel.type)) {
        fail(`channel type ${channel.type} not allowed (channel_types ${def.channel_types.join(', ')})`);
      }
      add('channels', channel.id, {
        id: channel.id,
        name: channel.name,
        type: channel.type,
        guild_id: channel.guildId,
        parent_id: channel.parentId,
        permissions: state.permissionsOf(where.guild.id, where.user.id, channel.id).toString(),
        flags: 0,
        ...(channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement
          ? { topic: channel.topic, nsfw: false, last_message_id: null }
          : {}),
      });
      return { name: def.name, type: def.type, value: channel.id };
    }
    case ApplicationCommandOptionType.Role: {
      const raw = typeof value === 'object' ? value.id : String(value);
      const id = /^<@&(\d+)>$/.exec(raw)?.[1] ?? roleByName(where.guild, raw) ?? raw;
      const role = where.guild.roles.get(id);
      if (!role) return fail('unknown role in this guild');
      add('roles', role.id, state.rolePayload(role));
      return { name: def.name, type: def.type, value: role.id };
    }
    default:
      return fail(`option type ${def.type} is not supported by the loopback Discord`);
  }
}

function roleByName(guild: LoopbackGuild, raw: string): string | undefined {
  if (!raw.startsWith('@')) return undefined;
  const wanted = raw.slice(1);
  return [...guild.roles.values()].find((r) => r.name === wanted || r.name === raw)?.id;
}
