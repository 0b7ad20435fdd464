import type { BodyKind } from './validation.ts';
import type { BucketKey } from './ratelimit.ts';
import {
  ApplicationCommandType,
  InteractionResponseType,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import { isObject, type JsonObject, type LoopbackCommand, type LoopbackMessage } from './shapes.ts';
import type { LoopbackChannel, LoopbackGuild, LoopbackState, SnowflakeGenerator } from './state.ts';
import { applyEdit, buildMessage, mayMentionEveryone, type UploadedFile } from './messages.ts';
import type { PendingInteraction } from './interactions.ts';

/** An error Discord would answer with: HTTP status plus its JSON `{ code, message }`. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: JsonObject,
  ) {
    super(message);
  }

  toBody(): JsonObject {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

const unknownChannel = () => new DiscordHttpError(404, RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel');
const unknownMessage = () => new DiscordHttpError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
const unknownWebhook = () => new DiscordHttpError(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
const unknownInteraction = () =>
  new DiscordHttpError(404, RESTJSONErrorCodes.UnknownInteraction, 'Unknown interaction');
const missingAccess = () => new DiscordHttpError(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access');
const missingPermissions = () =>
  new DiscordHttpError(403, RESTJSONErrorCodes.MissingPermissions, 'Missing Permissions');

/** A request as a route handler sees it. */
export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

/** What a handler answers: a status and a JSON body (none for 204). */
export interface RouteResponse {
  status: number;
  body?: unknown;
  /** Set when a channel message was answered from the nonce cache instead of posted again. */
  deduplicated?: boolean;
}

/** What the routes need from the loopback Discord. */
export interface RestContext {
  state: LoopbackState;
  ids: SnowflakeGenerator;
  applicationId: string;
  gatewayUrl: string;
  httpBase: string;
  nonceWindowMs: number;
  application(): JsonObject;
  interactionsById: Map<string, PendingInteraction>;
  interactionsByToken: Map<string, PendingInteraction>;
  /** A message was posted to a channel by the bot (not an interaction response). */
  channelMessagePosted(message: LoopbackMessage): void;
  /** The bot answered an interaction with a message, or edited/followed one up. */
  interactionMessage(
    message: LoopbackMessage,
    pending: PendingInteraction,
    how: 'reply' | 'edit' | 'followUp',
  ): void;
  /** The bot acknowledged an interaction (its 3-second deadline no longer applies). */
  interactionAcknowledged(pending: PendingInteraction): void;
  /** Registered commands changed. */
  commandsChanged(guildId: string | undefined): void;
}

/** One REST route of the loopback Discord. */
export interface Route {
  method: string;
  template: string;
  /** Whether `Authorization: Bot <token>` is required (interaction endpoints use their token instead). */
  auth: boolean;
  /** Whether the request counts towards the global rate limit. */
  global: boolean;
  bucket: (params: Record<string, string>) => BucketKey;
  /** Which schema validates the body (none for bodiless routes). */
  validate?: BodyKind;
  handle: (req: RouteRequest) => RouteResponse;
  regex: RegExp;
  keys: string[];
}

type RouteSpec = Omit<Route, 'regex' | 'keys' | 'bucket' | 'global'> & {
  bucket?: 'channelMessages' | 'interactions' | 'default';
  major?: string;
};

function compile(spec: RouteSpec): Route {
  const keys: string[] = [];
  const source = spec.template
    .split('/')
    .map((part) => {
      if (part.startsWith(':')) {
        keys.push(part.slice(1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const bucketName = spec.bucket ?? 'default';
  const route = `${spec.method} ${spec.template}`;
  return {
    method: spec.method,
    template: spec.template,
    auth: spec.auth,
    global: spec.auth,
    validate: spec.validate,
    handle: spec.handle,
    regex: new RegExp(`^${source}$`),
    keys,
    bucket: (params) => ({ name: bucketName, route, major: spec.major ? (params[spec.major] ?? '') : '' }),
  };
}

/**
 * Discord's REST API, as far as Dispatch uses it: gateway discovery, the bot user and application,
 * command registration, interaction callbacks and their webhooks, channel messages, and reads of guilds,
 * channels, roles and members. Handlers answer with Discord's JSON and error codes; rate limits,
 * validation, faults and logging are applied around them by the server.
 */
export function buildRoutes(ctx: RestContext): Route[] {
  const { state } = ctx;

  const botUserPayload = (): JsonObject => ({
    ...state.userPayload(state.botUser),
    bot: true,
    verified: true,
    mfa_enabled: false,
    email: null,
    locale: 'en-US',
    bio: '',
    banner: null,
    accent_color: null,
  });

  const checkApp = (appId: string | undefined) => {
    if (appId !== ctx.applicationId)
      throw new DiscordHttpError(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access');
  };

  const guildForBot = (guildId: string | undefined): LoopbackGuild => {
    const guild = guildId ? state.guilds.get(guildId) : undefined;
    if (!guild) throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
    if (!guild.botPresent) throw missingAccess();
    return guild;
  };

  const channelForBot = (channelId: string | undefined): { channel: LoopbackChannel; perms: bigint } => {
    const channel = channelId ? state.channels.get(channelId) : undefined;
    if (!channel) throw unknownChannel();
    const guild = state.guilds.get(channel.guildId);
    if (!guild?.botPresent) throw missingAccess();
    const perms = state.botPermissionsIn(channel.id);
    if ((perms & PermissionFlagsBits.ViewChannel) === 0n) throw missingAccess();
    return { channel, perms };
  };

  // ---- commands ----
  const commandList = (guildId: string | undefined): LoopbackCommand[] =>
    guildId ? (state.guildCommands.get(guildId) ?? []) : state.globalCommands;
  const setCommandList = (guildId: string | undefined, list: LoopbackCommand[]) => {
    if (guildId) state.guildCommands.set(guildId, list);
    else state.globalCommands = list;
    ctx.commandsChanged(guildId);
  };
  const toStored = (
    body: JsonObject,
    guildId: string | undefined,
    existing?: LoopbackCommand,
  ): LoopbackCommand => {
    const dmp = body.default_member_permissions;
    const stored: LoopbackCommand = {
      ...body,
      id: existing?.id ?? ctx.ids.next(),
      application_id: ctx.applicationId,
      version: ctx.ids.next(),
      type: typeof body.type === 'number' ? body.type : 1,
      name: String(body.name),
      description: typeof body.description === 'string' ? body.description : '',
      default_member_permissions: dmp === undefined || dmp === null ? null : String(dmp),
      nsfw: body.nsfw === true,
      integration_types: Array.isArray(body.integration_types) ? (body.integration_types as number[]) : [0],
      contexts: Array.isArray(body.contexts) ? (body.contexts as number[]) : null,
    };
    if (Array.isArray(body.options)) stored.options = body.options as LoopbackCommand['options'];
    if (guildId) stored.guild_id = guildId;
    else if (body.dm_permission !== undefined) stored.dm_permission = body.dm_permission !== false;
    return stored;
  };
  const commandRoutes = (prefix: string, guildScoped: boolean): RouteSpec[] => {
    const scope = (params: Record<string, string>) => {
      checkApp(params.appId);
      if (guildScoped) guildForBot(params.guildId);
      return guildScoped ? params.guildId : undefined;
    };
    return [
      {
        method: 'GET',
        template: prefix,
        auth: true,
        major: guildScoped ? 'guildId' : undefined,
        handle: ({ params }) => ({ status: 200, body: commandList(scope(params)) }),
      },
      {
        method: 'PUT',
        template: prefix,
        auth: true,
        validate: 'commandsBulkOverwrite',
        major: guildScoped ? 'guildId' : undefined,
        handle: ({ params, body }) => {
          const guildId = scope(params);
          const old = commandList(guildId);
          const list = (Array.isArray(body) ? body : []).filter(isObject).map((c) =>
            toStored(
              c,
              guildId,
              old.find((o) => o.name === c.name && o.type === (typeof c.type === 'number' ? c.type : 1)),
            ),
          );
          setCommandList(guildId, list);
          return { status: 200, body: list };
        },
      },
      {
        method: 'POST',
        template: prefix,
        auth: true,
        validate: 'commandCreate',
        major: guildScoped ? 'guildId' : undefined,
        handle: ({ params, body }) => {
          const guildId = scope(params);
          const input = isObject(body) ? body : {};
          const old = commandList(guildId);
          const existing = old.find((o) => o.name === input.name);
          const stored = toStored(input, guildId, existing);
          setCommandList(guildId, [...old.filter((o) => o !== existing), stored]);
          return { status: existing ? 200 : 201, body: stored };
        },
      },
      {
        method: 'GET',
        template: `${prefix}/:commandId`,
        auth: true,
        major: guildScoped ? 'guildId' : undefined,
        handle: ({ params }) => {
          const found = commandList(scope(params)).find((c) => c.id === params.commandId);
          if (!found)
            throw new DiscordHttpError(
              404,
              RESTJSONErrorCodes.UnknownApplicationCommand,
              'Unknown application command',
            );
          return { status: 200, body: found };
        },
      },
      {
        method: 'PATCH',
        template: `${prefix}/:commandId`,
        auth: true,
        validate: 'commandEdit',
        major: guildScoped ? 'guildId' : undefined,
        handle: ({ params, body }) => {
          const guildId = scope(params);
          const old = commandList(guildId);
          const found = old.find((c) => c.id === params.commandId);
          if (!found)
            throw new DiscordHttpError(
              404,
              RESTJSONErrorCodes.UnknownApplicationCommand,
              'Unknown application command',
            );
          const stored = toStored({ ...found, ...(isObject(body) ? body : {}) }, guildId, found);
          setCommandList(
            guildId,
            old.map((c) => (c === found ? stored : c)),
          );
          return { status: 200, body: stored };
        },
      },
      {
        method: 'DELETE',
        template: `${prefix}/:commandId`,
        auth: true,
        major: guildScoped ? 'guildId' : undefined,
        handle: ({ params }) => {
          const guildId = scope(params);
          const old = commandList(guildId);
          if (!old.some((c) => c.id === params.commandId)) {
            throw new DiscordHttpError(
              404,
              RESTJSONErrorCodes.UnknownApplicationCommand,
              'Unknown application command',
            );
          }
          setCommandList(
            guildId,
            old.filter((c) => c.id !== params.commandId),
          );
          return { status: 204 };
        },
      },
    ];
  };

  // ---- interactions ----
  const pendingByToken = (appId: string | undefined, token: string | undefined): PendingInteraction => {
    if (appId !== ctx.applicationId || !token) throw unknownWebhook();
    const pending = ctx.interactionsByToken.get(token);
    if (!pending) throw unknownWebhook();
    return pending;
  };
  const flagsOf = (value: unknown): number => (typeof value === 'number' ? value : 0);
  const interactionMessage = (
    pending: PendingInteraction,
    body: JsonObject,
    options: { flags: number; type: number; files: UploadedFile[] },
  ): LoopbackMessage => {
    const payload = pending.payload;
    const channelId = String(payload.channel_id);
    const guildId = typeof payload.guild_id === 'string' ? payload.guild_id : undefined;
    const member = isObject(payload.member) ? payload.member : {};
    const userId = isObject(member.user) ? String(member.user.id) : '';
    const user = state.users.get(userId);
    const message = buildMessage(state, {
      id: ctx.ids.next(),
      channelId,
      ...(guildId ? { guildId } : {}),
      author: state.botUser,
      body,
      files: options.files,
      type: options.type,
      flags: options.flags,
      webhookId: ctx.applicationId,
      applicationId: ctx.applicationId,
      ...(user
        ? {
            interactionMetadata: {
              id: pending.id,
              type: Number(payload.type),
              user,
              authorizing_integration_owners: { '0': guildId ?? '' },
              ...(isObject(payload.data) && typeof payload.data.name === 'string'
                ? { name: payload.data.name, command_type: ApplicationCommandType.ChatInput }
                : {}),
            },
          }
        : {}),
      mayMentionEveryone: true,
      baseUrl: ctx.httpBase,
    });
    if ((message.flags & MessageFlags.Ephemeral) !== 0) state.messages.set(message.id, message);
    else state.addMessage(message);
    return message;
  };

  const callback = (req: RouteRequest): RouteResponse => {
    const pending = ctx.interactionsById.get(req.params.interactionId ?? '');
    if (!pending || pending.token !== req.params.token || pending.stage === 'expired')
      throw unknownInteraction();
    if (pending.acknowledged)
      throw new DiscordHttpError(
        400,
        RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
        'Interaction has already been acknowledged.',
      );
    const body = isObject(req.body) ? req.body : {};
    const type = Number(body.type);
    const data = isObject(body.data) ? body.data : {};
    const allowed: Record<PendingInteraction['kind'], number[]> = {
      command: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.Modal,
      ],
      component: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.Modal,
      ],
      autocomplete: [InteractionResponseType.ApplicationCommandAutocompleteResult],
    };
    if (!allowed[pending.kind].includes(type)) {
      throw new DiscordHttpError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'Invalid Form Body', {
        type: {
          _errors: [
            {
              code: 'INTERACTION_RESPONSE_TYPE_INVALID',
              message: `Callback type ${type} is not valid for a ${pending.kind} interaction.`,
            },
          ],
        },
      });
    }
    pending.acknowledged = true;
    ctx.interactionAcknowledged(pending);
    let message: LoopbackMessage | undefined;
    const commandReplyType = pending.kind === 'command' ? MessageType.ChatInputCommand : MessageType.Reply;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        message = interactionMessage(pending, data, {
          flags: flagsOf(data.flags),
          type: commandReplyType,
          files: req.files,
        });
        pending.originalMessageId = message.id;
        ctx.interactionMessage(message, pending, 'reply');
        pending.settle({ kind: 'reply', message: structuredClone(message) });
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource:
        message = interactionMessage(
          pending,
          {},
          {
            flags: MessageFlags.Loading | (flagsOf(data.flags) & MessageFlags.Ephemeral),
            type: commandReplyType,
            files: [],
          },
        );
        pending.originalMessageId = message.id;
        pending.stage = 'deferred';
        break;
      case InteractionResponseType.DeferredMessageUpdate:
        pending.originalMessageId = pending.sourceMessageId;
        pending.stage = 'deferredUpdate';
        message = pending.sourceMessageId ? state.messages.get(pending.sourceMessageId) : undefined;
        break;
      case InteractionResponseType.UpdateMessage: {
        pending.originalMessageId = pending.sourceMessageId;
        message = pending.sourceMessageId ? state.messages.get(pending.sourceMessageId) : undefined;
        if (!message) throw unknownMessage();
        applyEdit(state, message, data, {
          files: req.files,
          mayMentionEveryone: true,
          baseUrl: ctx.httpBase,
          keepFlags: message.flags & MessageFlags.Ephemeral,
        });
        ctx.interactionMessage(message, pending, 'edit');
        pending.settle({ kind: 'update', message: structuredClone(message) });
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const choices = Array.isArray(data.choices) ? data.choices.filter(isObject) : [];
        pending.settle({
          kind: 'autocomplete',
          choices: choices.map((c) => ({ name: String(c.name), value: c.value as string | number })),
        });
        break;
      }
      case InteractionResponseType.Modal:
        pending.settle({ kind: 'modal', modal: data });
        break;
    }
    if (req.query.get('with_response') !== 'true') return { status: 204 };
    const response: JsonObject = {
      interaction: {
        id: pending.id,
        type: Number(pending.payload.type),
        activity_instance_id: null,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: (message.flags & MessageFlags.Loading) !== 0,
              response_message_ephemeral: (message.flags & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
    };
    if (
      message &&
      (type === InteractionResponseType.ChannelMessageWithSource ||
        type === InteractionResponseType.DeferredChannelMessageWithSource ||
        type === InteractionResponseType.UpdateMessage ||
        type === InteractionResponseType.DeferredMessageUpdate)
    ) {
      response.resource = { type, message };
    } else {
      response.resource = { type };
    }
    return { status: 200, body: response };
  };

  const webhookMessage = (pending: PendingInteraction, messageId: string | undefined): LoopbackMessage => {
    if (messageId === '@original') {
      if (!pending.acknowledged || !pending.originalMessageId) throw unknownMessage();
      const message = state.messages.get(pending.originalMessageId);
      if (!message) throw unknownMessage();
      return message;
    }
    if (!messageId || (!pending.followUpIds.includes(messageId) && messageId !== pending.originalMessageId)) {
      throw unknownMessage();
    }
    const message = state.messages.get(messageId);
    if (!message) throw unknownMessage();
    return message;
  };

  const settleAfterEdit = (pending: PendingInteraction, message: LoopbackMessage) => {
    if (pending.stage === 'deferred') {
      pending.settle({ kind: 'deferredReply', message: structuredClone(message) });
    } else if (pending.stage === 'deferredUpdate') {
      pending.settle({ kind: 'deferredUpdate', message: structuredClone(message) });
    }
  };

  const deleteMessage = (message: LoopbackMessage) => {
    state.messages.delete(message.id);
    const list = state.channelMessageIds.get(message.channel_id);
    if (list) {
      state.channelMessageIds.set(
        message.channel_id,
        list.filter((id) => id !== message.id),
      );
    }
  };

  // ---- channel messages ----
  const nonces = new Map<string, { messageId: string; at: number }>();

  const specs: RouteSpec[] = [
    {
      method: 'GET',
      template: '/gateway',
      auth: false,
      handle: () => ({ status: 200, body: { url: ctx.gatewayUrl } }),
    },
    {
      method: 'GET',
      template: '/gateway/bot',
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: ctx.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      }),
    },
    {
      method: 'GET',
      template: '/users/@me',
      auth: true,
      handle: () => ({ status: 200, body: botUserPayload() }),
    },
    {
      method: 'DELETE',
      template: '/users/@me/guilds/:guildId',
      auth: true,
      handle: ({ params }) => {
        guildForBot(params.guildId);
        state.removeBotFromGuild(params.guildId ?? '');
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      template: '/users/:userId',
      auth: true,
      handle: ({ params }) => {
        const user = state.users.get(params.userId ?? '');
        if (!user) throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownUser, 'Unknown User');
        return { status: 200, body: state.userPayload(user) };
      },
    },
    {
      method: 'GET',
      template: '/applications/@me',
      auth: true,
      handle: () => ({ status: 200, body: ctx.application() }),
    },
    {
      method: 'GET',
      template: '/applications/:appId/guilds/:guildId/commands/permissions',
      auth: true,
      major: 'guildId',
      handle: ({ params }) => {
        checkApp(params.appId);
        guildForBot(params.guildId);
        return { status: 200, body: [] };
      },
    },
    ...commandRoutes('/applications/:appId/commands', false),
    ...commandRoutes('/applications/:appId/guilds/:guildId/commands', true),
    {
      method: 'POST',
      template: '/interactions/:interactionId/:token/callback',
      auth: false,
      bucket: 'interactions',
      major: 'token',
      validate: 'interactionCallback',
      handle: callback,
    },
    {
      method: 'POST',
      template: '/webhooks/:appId/:token',
      auth: false,
      bucket: 'interactions',
      major: 'token',
      validate: 'webhookExecute',
      handle: ({ params, body, query, files }) => {
        const pending = pendingByToken(params.appId, params.token);
        if (!pending.acknowledged) throw unknownWebhook();
        const data = isObject(body) ? body : {};
        const original = pending.originalMessageId
          ? state.messages.get(pending.originalMessageId)
          : undefined;
        let message: LoopbackMessage;
        if (pending.stage === 'deferred' && original && (original.flags & MessageFlags.Loading) !== 0) {
          // Discord turns the first follow-up after a deferred reply into that reply.
          applyEdit(state, original, data, {
            files,
            mayMentionEveryone: true,
            baseUrl: ctx.httpBase,
            keepFlags: original.flags & MessageFlags.Ephemeral,
          });
          original.flags &= ~MessageFlags.Loading;
          message = original;
          ctx.interactionMessage(message, pending, 'edit');
          settleAfterEdit(pending, message);
        } else {
          message = interactionMessage(pending, data, { flags: flagsOf(data.flags), type: 0, files });
          pending.followUpIds.push(message.id);
          ctx.interactionMessage(message, pending, 'followUp');
        }
        return query.get('wait') === 'false' ? { status: 204 } : { status: 200, body: message };
      },
    },
    {
      method: 'GET',
      template: '/webhooks/:appId/:token/messages/:messageId',
      auth: false,
      bucket: 'interactions',
      major: 'token',
      handle: ({ params }) => ({
        status: 200,
        body: webhookMessage(pendingByToken(params.appId, params.token), params.messageId),
      }),
    },
    {
      method: 'PATCH',
      template: '/webhooks/:appId/:token/messages/:messageId',
      auth: false,
      bucket: 'interactions',
      major: 'token',
      validate: 'webhookEdit',
      handle: ({ params, body, files }) => {
        const pending = pendingByToken(params.appId, params.token);
        const message = webhookMessage(pending, params.messageId);
        applyEdit(state, message, isObject(body) ? body : {}, {
          files,
          mayMentionEveryone: true,
          baseUrl: ctx.httpBase,
          keepFlags: message.flags & MessageFlags.Ephemeral,
        });
        message.flags &= ~MessageFlags.Loading;
        ctx.interactionMessage(message, pending, 'edit');
        if (params.messageId === '@original' || message.id === pending.originalMessageId) {
          settleAfterEdit(pending, message);
        }
        return { status: 200, body: message };
      },
    },
    {
      method: 'DELETE',
      template: '/webhooks/:appId/:token/messages/:messageId',
      auth: false,
      bucket: 'interactions',
      major: 'token',
      handle: ({ params }) => {
        const pending = pendingByToken(params.appId, params.token);
        deleteMessage(webhookMessage(pending, params.messageId));
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      template: '/channels/:channelId',
      auth: true,
      major: 'channelId',
      handle: ({ params }) => ({
        status: 200,
        body: state.channelPayload(channelForBot(params.channelId).channel, true),
      }),
    },
    {
      method: 'GET',
      template: '/channels/:channelId/messages',
      auth: true,
      major: 'channelId',
      handle: ({ params, query }) => {
        const { channel, perms } = channelForBot(params.channelId);
        // As on Discord: without Read Message History the answer is an empty list, not an error.
        if ((perms & PermissionFlagsBits.ReadMessageHistory) === 0n) return { status: 200, body: [] };
        const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50)));
        const ids = state.channelMessageIds.get(channel.id) ?? [];
        const all = ids
          .map((id) => state.messages.get(id))
          .filter((m): m is LoopbackMessage => m !== undefined);
        const after = query.get('after');
        const before = query.get('before');
        // `after`: the `limit` messages right after that id; `before` (or neither): the `limit` right before it
        // (the newest). Either way newest first, as Discord answers.
        const messages = after
          ? all.filter((m) => BigInt(m.id) > BigInt(after)).slice(0, limit)
          : all.filter((m) => !before || BigInt(m.id) < BigInt(before)).slice(-limit);
        return { status: 200, body: messages.reverse() };
      },
    },
    {
      method: 'POST',
      template: '/channels/:channelId/messages',
      auth: true,
      bucket: 'channelMessages',
      major: 'channelId',
      validate: 'channelMessageCreate',
      handle: ({ params, body, files }) => {
        const { channel, perms } = channelForBot(params.channelId);
        if (![0, 2, 5].includes(channel.type)) {
          throw new DiscordHttpError(
            400,
            RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
            'Cannot send messages in a non-text channel',
          );
        }
        const data = isObject(body) ? body : {};
        if ((perms & PermissionFlagsBits.SendMessages) === 0n) throw missingPermissions();
        const embeds = Array.isArray(data.embeds) ? data.embeds : [];
        if (embeds.length > 0 && (perms & PermissionFlagsBits.EmbedLinks) === 0n) throw missingPermissions();
        if (files.length > 0 && (perms & PermissionFlagsBits.AttachFiles) === 0n) throw missingPermissions();
        const nonce =
          typeof data.nonce === 'string' || typeof data.nonce === 'number' ? String(data.nonce) : undefined;
        const nonceKey = nonce !== undefined ? `${channel.id}|${nonce}` : undefined;
        const now = Date.now();
        if (nonceKey && data.enforce_nonce === true) {
          const seen = nonces.get(nonceKey);
          const earlier =
            seen && now - seen.at < ctx.nonceWindowMs ? state.messages.get(seen.messageId) : undefined;
          if (earlier) return { status: 200, body: earlier, deduplicated: true };
        }
        const message = buildMessage(state, {
          id: ctx.ids.next(),
          channelId: channel.id,
          guildId: channel.guildId,
          author: state.botUser,
          body: data,
          files,
          mayMentionEveryone: mayMentionEveryone(perms),
          baseUrl: ctx.httpBase,
        });
        state.addMessage(message);
        if (nonceKey) nonces.set(nonceKey, { messageId: message.id, at: now });
        for (const [key, entry] of nonces) if (now - entry.at >= ctx.nonceWindowMs) nonces.delete(key);
        ctx.channelMessagePosted(message);
        return { status: 200, body: message };
      },
    },
    {
      method: 'GET',
      template: '/channels/:channelId/messages/:messageId',
      auth: true,
      major: 'channelId',
      handle: ({ params }) => {
        const { channel, perms } = channelForBot(params.channelId);
        if ((perms & PermissionFlagsBits.ReadMessageHistory) === 0n) throw missingAccess();
        const message = state.messages.get(params.messageId ?? '');
        if (!message || message.channel_id !== channel.id || (message.flags & MessageFlags.Ephemeral) !== 0) {
          throw unknownMessage();
        }
        return { status: 200, body: message };
      },
    },
    {
      method: 'PATCH',
      template: '/channels/:channelId/messages/:messageId',
      auth: true,
      major: 'channelId',
      validate: 'channelMessageEdit',
      handle: ({ params, body, files }) => {
        const { channel, perms } = channelForBot(params.channelId);
        const message = state.messages.get(params.messageId ?? '');
        if (!message || message.channel_id !== channel.id) throw unknownMessage();
        if (message.author.id !== state.botUser.id) {
          throw new DiscordHttpError(
            403,
            RESTJSONErrorCodes.CannotEditMessageAuthoredByAnotherUser,
            'Cannot edit a message authored by another user',
          );
        }
        applyEdit(state, message, isObject(body) ? body : {}, {
          files,
          mayMentionEveryone: mayMentionEveryone(perms),
          baseUrl: ctx.httpBase,
        });
        return { status: 200, body: message };
      },
    },
    {
      method: 'DELETE',
      template: '/channels/:channelId/messages/:messageId',
      auth: true,
      major: 'channelId',
      handle: ({ params }) => {
        const { channel, perms } = channelForBot(params.channelId);
        const message = state.messages.get(params.messageId ?? '');
        if (!message || message.channel_id !== channel.id) throw unknownMessage();
        if (message.author.id !== state.botUser.id && (perms & PermissionFlagsBits.ManageMessages) === 0n) {
          throw missingPermissions();
        }
        deleteMessage(message);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId',
      auth: true,
      major: 'guildId',
      handle: ({ params, query }) => {
        const guild = guildForBot(params.guildId);
        const body: JsonObject = state.guildPayload(guild);
        if (query.get('with_counts') === 'true') {
          body.approximate_member_count = guild.members.size;
          body.approximate_presence_count = 0;
        }
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/channels',
      auth: true,
      major: 'guildId',
      handle: ({ params }) => {
        const guild = guildForBot(params.guildId);
        const channels = guild.channelIds
          .map((id) => state.channels.get(id))
          .filter((c): c is LoopbackChannel => c !== undefined)
          .map((c) => state.channelPayload(c, true));
        return { status: 200, body: channels };
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/roles',
      auth: true,
      major: 'guildId',
      handle: ({ params }) => ({
        status: 200,
        body: [...guildForBot(params.guildId).roles.values()].map((r) => state.rolePayload(r)),
      }),
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/members/:userId',
      auth: true,
      major: 'guildId',
      handle: ({ params }) => {
        const guild = guildForBot(params.guildId);
        const userId = params.userId === '@me' ? state.botUser.id : (params.userId ?? '');
        const member = guild.members.get(userId);
        if (!member) throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownMember, 'Unknown Member');
        return { status: 200, body: state.memberPayload(guild, member) };
      },
    },
  ];
  return specs.map(compile);
}

/** Finds the route for a method and path; `methodMismatch` when only the method is wrong (405). */
export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | { methodMismatch: boolean } {
  let pathMatched = false;
  for (const route of routes) {
    const m = route.regex.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    route.keys.forEach((key, i) => {
      params[key] = m[i + 1] ?? '';
    });
    return { route, params };
  }
  return { methodMismatch: pathMatched };
}
