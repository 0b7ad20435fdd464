/**
 * The JSON shapes the loopback Discord stores and hands to tests; its constants are `discord-api-types`'.
 * The shapes follow Discord's JSON (snake_case field names, ids as strings) so what a test asserts on is
 * what the bot would see from the real API, but they are kept loose where Discord's own shapes are
 * open-ended (components, embeds), so a test can read any field without casts.
 */

/** A user, as Discord serialises one. */
export interface LoopbackUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

/** An embed field. */
export interface LoopbackEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

/** A rich embed, as Discord returns it. */
export interface LoopbackEmbed {
  type?: string;
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  timestamp?: string;
  fields?: LoopbackEmbedField[];
  footer?: { text: string; icon_url?: string };
  author?: { name: string; url?: string; icon_url?: string };
  thumbnail?: { url: string };
  image?: { url: string };
  [key: string]: unknown;
}

/** A message component (action row, button, select, or a components-v2 block). */
export interface LoopbackComponent {
  type: number;
  id?: number;
  custom_id?: string;
  label?: string;
  style?: number;
  disabled?: boolean;
  url?: string;
  content?: string;
  placeholder?: string;
  options?: { label: string; value: string; description?: string; default?: boolean }[];
  components?: LoopbackComponent[];
  [key: string]: unknown;
}

/** An attachment stored with a message (files are kept only as their name and size). */
export interface LoopbackAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
  description?: string;
}

/** A message as Discord returns it from the API. */
export interface LoopbackMessage {
  id: string;
  type: number;
  channel_id: string;
  guild_id?: string;
  author: LoopbackUser;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: LoopbackUser[];
  mention_roles: string[];
  attachments: LoopbackAttachment[];
  embeds: LoopbackEmbed[];
  components: LoopbackComponent[];
  pinned: boolean;
  flags: number;
  nonce?: string | number;
  webhook_id?: string;
  application_id?: string;
  interaction_metadata?: {
    id: string;
    type: number;
    user: LoopbackUser;
    authorizing_integration_owners: Record<string, string>;
    name?: string;
    command_type?: number;
  };
  message_reference?: Record<string, unknown>;
  poll?: unknown;
}

/** A registered application command, as Discord stores it after a bulk overwrite. */
export interface LoopbackCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  version: string;
  type: number;
  name: string;
  description: string;
  options?: LoopbackCommandOption[];
  default_member_permissions: string | null;
  dm_permission?: boolean;
  contexts?: number[] | null;
  integration_types?: number[];
  nsfw: boolean;
  [key: string]: unknown;
}

/** One option of a registered command (also subcommands and groups, which nest options). */
export interface LoopbackCommandOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: LoopbackCommandOption[];
  channel_types?: number[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  [key: string]: unknown;
}

/** A JSON object read from a request body. */
export type JsonObject = Record<string, unknown>;

/** Narrows an unknown JSON value to an object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
