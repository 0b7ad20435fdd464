import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { LoopbackState } from './state.ts';
import {
  isObject,
  type JsonObject,
  type LoopbackAttachment,
  type LoopbackComponent,
  type LoopbackEmbed,
  type LoopbackMessage,
  type LoopbackUser,
} from './shapes.ts';

/** A file that came with a multipart request. */
export interface UploadedFile {
  field: string;
  filename: string;
  size: number;
  contentType: string;
}

/** Who mentions in a message body would notify, after `allowed_mentions` is applied. */
export interface ResolvedMentions {
  everyone: boolean;
  users: LoopbackUser[];
  roles: string[];
}

/**
 * Works out who a message would ping, as Discord does: mentions written in the content (`@everyone`,
 * `@here`, `<@id>`, `<@&id>`) filtered by `allowed_mentions` (all of them when it is absent), and
 * `@everyone` only if the author may mention everyone. Stored on the message, so a test can assert that
 * article text pinged nobody.
 */
export function resolveMentions(
  state: LoopbackState,
  guildId: string | undefined,
  content: string,
  allowedMentions: unknown,
  mayMentionEveryone: boolean,
): ResolvedMentions {
  const userIds = [...content.matchAll(/<@!?(\d{15,21})>/g)].map((m) => m[1] ?? '');
  const roleIds = [...content.matchAll(/<@&(\d{15,21})>/g)].map((m) => m[1] ?? '');
  const wantsEveryone = /@(everyone|here)/.test(content);
  let parse = new Set(['users', 'roles', 'everyone']);
  let allowUsers: string[] | undefined;
  let allowRoles: string[] | undefined;
  if (isObject(allowedMentions)) {
    parse = new Set(Array.isArray(allowedMentions.parse) ? allowedMentions.parse.map(String) : []);
    if (Array.isArray(allowedMentions.users)) allowUsers = allowedMentions.users.map(String);
    if (Array.isArray(allowedMentions.roles)) allowRoles = allowedMentions.roles.map(String);
  }
  const users = [...new Set(userIds)]
    .filter((id) => parse.has('users') || allowUsers?.includes(id))
    .map((id) => state.users.get(id))
    .filter((u): u is LoopbackUser => u !== undefined);
  const guild = guildId ? state.guilds.get(guildId) : undefined;
  const roles = [...new Set(roleIds)].filter(
    (id) => (parse.has('roles') || allowRoles?.includes(id)) && guild?.roles.has(id),
  );
  return { everyone: wantsEveryone && parse.has('everyone') && mayMentionEveryone, users, roles };
}

/** Options for turning a request body into a stored message. */
export interface BuildMessageOptions {
  id: string;
  channelId: string;
  guildId?: string;
  author: LoopbackUser;
  body: JsonObject;
  files?: UploadedFile[];
  /** Message type: 0 default, 20 a slash command's response, 19 a reply. */
  type?: number;
  flags?: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: LoopbackMessage['interaction_metadata'];
  mayMentionEveryone: boolean;
  baseUrl: string;
}

/** Builds the message Discord would store and return for a create request. */
export function buildMessage(state: LoopbackState, options: BuildMessageOptions): LoopbackMessage {
  const body = options.body;
  const content = typeof body.content === 'string' ? body.content : '';
  const mentions = resolveMentions(
    state,
    options.guildId,
    content,
    body.allowed_mentions,
    options.mayMentionEveryone,
  );
  const message: LoopbackMessage = {
    id: options.id,
    type: options.type ?? 0,
    channel_id: options.channelId,
    author: options.author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    mention_everyone: mentions.everyone,
    mentions: mentions.users,
    mention_roles: mentions.roles,
    attachments: buildAttachments(body, options.files ?? [], options.channelId, options.baseUrl),
    embeds: normaliseEmbeds(body.embeds),
    components: normaliseComponents(body.components),
    pinned: false,
    flags: options.flags ?? (typeof body.flags === 'number' ? body.flags : 0),
  };
  if (options.guildId) message.guild_id = options.guildId;
  if (typeof body.nonce === 'string' || typeof body.nonce === 'number') message.nonce = body.nonce;
  if (options.webhookId) message.webhook_id = options.webhookId;
  if (options.applicationId) message.application_id = options.applicationId;
  if (options.interactionMetadata) message.interaction_metadata = options.interactionMetadata;
  if (isObject(body.message_reference)) message.message_reference = body.message_reference;
  if (body.poll !== undefined && body.poll !== null) message.poll = body.poll;
  return message;
}

/**
 * Applies an edit body to a stored message the way Discord does: fields present in the body replace the
 * old ones (`null` clears them), absent fields stay. The message is changed in place and returned.
 */
export function applyEdit(
  state: LoopbackState,
  message: LoopbackMessage,
  body: JsonObject,
  options: { files?: UploadedFile[]; mayMentionEveryone: boolean; baseUrl: string; keepFlags?: number },
): LoopbackMessage {
  if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
  if ('embeds' in body) message.embeds = normaliseEmbeds(body.embeds);
  if ('components' in body) message.components = normaliseComponents(body.components);
  if ('attachments' in body || (options.files?.length ?? 0) > 0) {
    message.attachments = buildAttachments(body, options.files ?? [], message.channel_id, options.baseUrl);
  }
  if (typeof body.flags === 'number') message.flags = body.flags | (options.keepFlags ?? 0);
  if ('content' in body || 'allowed_mentions' in body) {
    const mentions = resolveMentions(
      state,
      message.guild_id,
      message.content,
      body.allowed_mentions,
      options.mayMentionEveryone,
    );
    message.mention_everyone = mentions.everyone;
    message.mentions = mentions.users;
    message.mention_roles = mentions.roles;
  }
  message.edited_timestamp = new Date().toISOString();
  return message;
}

/** Whether the author may use `@everyone` in a channel. */
export function mayMentionEveryone(permissions: bigint): boolean {
  return (permissions & PermissionFlagsBits.MentionEveryone) !== 0n;
}

function normaliseEmbeds(value: unknown): LoopbackEmbed[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((embed) => {
    const out: LoopbackEmbed = { type: 'rich' };
    for (const [key, v] of Object.entries(embed)) if (v !== null && v !== undefined) out[key] = v;
    if (Array.isArray(embed.fields)) {
      out.fields = embed.fields.filter(isObject).map((f) => ({
        name: String(f.name ?? ''),
        value: String(f.value ?? ''),
        inline: f.inline === true,
      }));
    }
    return out;
  });
}

function normaliseComponents(value: unknown): LoopbackComponent[] {
  if (!Array.isArray(value)) return [];
  let nextId = 1;
  const walk = (c: JsonObject): LoopbackComponent => {
    const out: LoopbackComponent = { ...c, type: typeof c.type === 'number' ? c.type : 0 };
    out.id = typeof c.id === 'number' ? c.id : nextId;
    nextId += 1;
    if (Array.isArray(c.components)) out.components = c.components.filter(isObject).map(walk);
    if (isObject(c.accessory)) out.accessory = walk(c.accessory);
    return out;
  };
  return value.filter(isObject).map(walk);
}

function buildAttachments(
  body: JsonObject,
  files: UploadedFile[],
  channelId: string,
  baseUrl: string,
): LoopbackAttachment[] {
  const described = Array.isArray(body.attachments) ? body.attachments.filter(isObject) : [];
  return files.map((file, index) => {
    const meta = described.find((a) => String(a.id) === String(index));
    const id = (BigInt(channelId) + BigInt(index + 1)).toString();
    const url = `${baseUrl}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
    return {
      id,
      filename: typeof meta?.filename === 'string' ? meta.filename : file.filename,
      size: file.size,
      url,
      proxy_url: url,
      content_type: file.contentType,
      ...(typeof meta?.description === 'string' ? { description: meta.description } : {}),
    };
  });
}
