import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  ApplicationCommandCreateRequestSchema,
  ApplicationCommandPatchRequestPartialSchema,
  ApplicationCommandUpdateRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
  MessageCreateRequestSchema,
  MessageEditRequestPartialSchema,
  ModalInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema,
  type SpecIssue,
} from 'discord-api-spec/zod';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import { isObject, type JsonObject } from './shapes.ts';

/** Which request body is being checked; each maps to one schema of `discord-api-spec`. */
export type BodyKind =
  | 'channelMessageCreate'
  | 'channelMessageEdit'
  | 'interactionCallback'
  | 'webhookExecute'
  | 'webhookEdit'
  | 'commandsBulkOverwrite'
  | 'commandCreate'
  | 'commandEdit';

/** One problem found in a body: where, Discord's error code for it, and a readable message. */
export interface BodyIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/** The outcome of checking a body: fine, or Discord's 400 answer and the issues behind it. */
export type ValidationResult =
  | { ok: true }
  | {
      ok: false;
      /** The HTTP status and JSON Discord would answer with (50035 Invalid Form Body, or 50006 empty message). */
      status: 400;
      response: { code: number; message: string; errors?: JsonObject };
      issues: BodyIssue[];
    };

/** Discord's message length limit for bots (the spec says 4000, which only Nitro users get). */
const MAX_CONTENT = 2000;
/** Discord's limit on the characters of all embeds of one message together. */
const MAX_EMBED_TOTAL = 6000;
/** Command and option names: lowercase, no spaces, 1–32 characters. */
const COMMAND_NAME = /^[-_'\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/**
 * Checks a request body the bot sent against the schema `discord-api-spec` generates from Discord's
 * OpenAPI description, plus the rules Discord enforces that the description does not encode (2000
 * characters of content, 6000 characters of embeds, no empty messages, unique component custom ids,
 * command naming and option order). Answers in Discord's own error shape so the bot sees exactly what
 * Discord would send back.
 */
export function validateBody(kind: BodyKind, body: unknown): ValidationResult {
  const issues: BodyIssue[] = [];
  const normalised = normaliseKnownSpecGaps(body);
  for (const { schema, value, prefix } of schemasFor(kind, normalised, issues)) {
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) issues.push(...toBodyIssues(issue, prefix, value));
    }
  }
  for (const extra of extraChecks(kind, normalised)) {
    const key = `${extra.path.join('.')}|${extra.code}`;
    if (!issues.some((i) => `${i.path.join('.')}|${i.code}` === key)) issues.push(extra);
  }
  if (issues.length === 0) {
    if (isEmptyMessage(kind, normalised)) {
      return {
        ok: false,
        status: 400,
        response: {
          code: RESTJSONErrorCodes.CannotSendAnEmptyMessage,
          message: 'Cannot send an empty message',
        },
        issues: [{ path: [], code: 'EMPTY_MESSAGE', message: 'Cannot send an empty message' }],
      };
    }
    return { ok: true };
  }
  return {
    ok: false,
    status: 400,
    response: {
      code: RESTJSONErrorCodes.InvalidFormBodyOrContentType,
      message: 'Invalid Form Body',
      errors: toDiscordErrors(issues),
    },
    issues,
  };
}

/**
 * True when a body creates or changes a visible message but says nothing about `allowed_mentions`. A
 * project rule, not Discord's: without it, article text containing `@everyone` or a role mention would
 * ping people.
 */
export function lacksAllowedMentions(kind: BodyKind, body: unknown): boolean {
  const data = messageData(kind, body);
  if (!data) return false;
  const carriesMessage = ['content', 'embeds', 'components', 'poll', 'attachments'].some(
    (key) => data[key] !== undefined && data[key] !== null,
  );
  return carriesMessage && !isObject(data.allowed_mentions);
}

/** The message part of a body: the body itself, or `data` of an interaction callback of type 4 or 7. */
export function messageData(kind: BodyKind, body: unknown): JsonObject | undefined {
  if (!isObject(body)) return undefined;
  if (kind === 'interactionCallback') {
    if (body.type !== 4 && body.type !== 7) return undefined;
    return isObject(body.data) ? body.data : undefined;
  }
  if (kind.startsWith('command')) return undefined;
  return body;
}

type SchemaLike = { safeParse(data: unknown): ReturnType<typeof MessageCreateRequestSchema.safeParse> };

function schemasFor(
  kind: BodyKind,
  body: unknown,
  issues: BodyIssue[],
): { schema: SchemaLike; value: unknown; prefix: (string | number)[] }[] {
  switch (kind) {
    case 'channelMessageCreate':
      return [{ schema: MessageCreateRequestSchema, value: body, prefix: [] }];
    case 'channelMessageEdit':
      return [{ schema: MessageEditRequestPartialSchema, value: body, prefix: [] }];
    case 'webhookExecute':
      return [{ schema: IncomingWebhookRequestPartialSchema, value: body, prefix: [] }];
    case 'webhookEdit':
      return [{ schema: IncomingWebhookUpdateRequestPartialSchema, value: body, prefix: [] }];
    case 'commandCreate':
      return [{ schema: ApplicationCommandCreateRequestSchema, value: body, prefix: [] }];
    case 'commandEdit':
      return [{ schema: ApplicationCommandPatchRequestPartialSchema, value: body, prefix: [] }];
    case 'commandsBulkOverwrite': {
      if (!Array.isArray(body)) {
        issues.push({ path: [], code: 'BASE_TYPE_BAD_TYPE', message: 'Must be an array of commands.' });
        return [];
      }
      return body.map((command, index) => ({
        schema: ApplicationCommandUpdateRequestSchema,
        value: command,
        prefix: [index],
      }));
    }
    case 'interactionCallback': {
      const type = isObject(body) ? body.type : undefined;
      const schema =
        type === InteractionResponseType.ChannelMessageWithSource ||
        type === InteractionResponseType.DeferredChannelMessageWithSource
          ? CreateMessageInteractionCallbackRequestSchema
          : type === InteractionResponseType.DeferredMessageUpdate ||
              type === InteractionResponseType.UpdateMessage
            ? UpdateMessageInteractionCallbackRequestSchema
            : type === InteractionResponseType.ApplicationCommandAutocompleteResult
              ? ApplicationCommandAutocompleteCallbackRequestSchema
              : type === InteractionResponseType.Modal
                ? ModalInteractionCallbackRequestSchema
                : undefined;
      if (!schema) {
        issues.push({
          path: ['type'],
          code: 'BASE_TYPE_CHOICES',
          message: `Value must be one of (4, 5, 6, 7, 8, 9); got ${JSON.stringify(type)}.`,
        });
        return [];
      }
      return [{ schema, value: body, prefix: [] }];
    }
  }
}

/**
 * Where Discord's OpenAPI description disagrees with what Discord (and discord.js) actually exchange, the
 * body is adjusted before validation so correct bots are not reported: `default_member_permissions` is a
 * string of digits on the wire but a number in the description; discord.js numbers new attachments 0, 1 …
 */
function normaliseKnownSpecGaps(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(normaliseKnownSpecGaps);
  if (!isObject(body)) return body;
  const copy: JsonObject = { ...body };
  if (typeof copy.default_member_permissions === 'string' && /^\d+$/.test(copy.default_member_permissions)) {
    copy.default_member_permissions = Number(copy.default_member_permissions);
  }
  const data = isObject(copy.data) ? { ...copy.data } : undefined;
  for (const target of data ? [copy, data] : [copy]) {
    if (Array.isArray(target.attachments)) {
      target.attachments = target.attachments.map((a: unknown) =>
        isObject(a) && typeof a.id === 'number' ? { ...a, id: String(a.id) } : a,
      );
    }
  }
  if (data) copy.data = data;
  return copy;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isObject(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

function toBodyIssues(issue: SpecIssue, prefix: (string | number)[], root: unknown): BodyIssue[] {
  const relative = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const path = [...prefix, ...relative];
  switch (issue.code) {
    case 'too_big':
    case 'too_small': {
      // One bound, worded as Discord words either side of it.
      const upper = issue.code === 'too_big';
      const limit = String(upper ? issue.maximum : issue.minimum);
      return [
        {
          path,
          code: upper ? 'BASE_TYPE_MAX_LENGTH' : 'BASE_TYPE_MIN_LENGTH',
          message:
            issue.origin === 'number'
              ? `int value should be ${upper ? 'less' : 'greater'} than or equal to ${limit}.`
              : `Must be ${limit} or ${upper ? 'fewer' : 'more'} in length.`,
        },
      ];
    }
    case 'invalid_type': {
      const present = valueAt(root, relative) !== undefined;
      return [
        present
          ? { path, code: 'BASE_TYPE_BAD_TYPE', message: `Expected ${issue.expected ?? 'another type'}.` }
          : { path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
      ];
    }
    case 'invalid_format':
      return [
        issue.format === 'url'
          ? { path, code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' }
          : { path, code: 'BASE_TYPE_BAD_FORMAT', message: `Must be a valid ${issue.format ?? 'value'}.` },
      ];
    case 'invalid_value':
      return [
        {
          path,
          code: 'BASE_TYPE_CHOICES',
          message: `Value must be one of (${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}).`,
        },
      ];
    case 'invalid_union': {
      // Report the branch that fits best, ignoring branches rejected for their `type` discriminator alone.
      const branches = (issue.errors ?? []).filter(
        (branch) => !branch.some((i) => i.path.length === 1 && i.path[0] === 'type'),
      );
      // Prefer branches that got inside the value (their issues are deeper than the union itself).
      const score = (branch: SpecIssue[]) =>
        (branch.some((i) => i.path.length === 0) ? 1000 : 0) + branch.length;
      const best = branches.sort((a, b) => score(a) - score(b))[0];
      if (best && best.length > 0) {
        const nestedRoot = valueAt(root, relative);
        return best.flatMap((i) => toBodyIssues(i, path, nestedRoot));
      }
      return [
        { path, code: 'UNION_TYPE_CHOICES', message: 'Value does not match any of the allowed types.' },
      ];
    }
    default:
      return [{ path, code: issue.code.toUpperCase(), message: issue.message }];
  }
}

/** Nests issues the way Discord does: `{ embeds: { 0: { title: { _errors: [{ code, message }] } } } }`. */
export function toDiscordErrors(issues: BodyIssue[]): JsonObject {
  const root: JsonObject = {};
  for (const issue of issues) {
    let node = root;
    for (const key of issue.path) {
      const name = String(key);
      const next = node[name];
      if (isObject(next)) node = next;
      else {
        const created: JsonObject = {};
        node[name] = created;
        node = created;
      }
    }
    const list = Array.isArray(node._errors) ? (node._errors as unknown[]) : [];
    list.push({ code: issue.code, message: issue.message });
    node._errors = list;
  }
  return root;
}

function isEmptyMessage(kind: BodyKind, body: unknown): boolean {
  if (kind !== 'channelMessageCreate' && kind !== 'webhookExecute' && kind !== 'interactionCallback')
    return false;
  if (kind === 'interactionCallback' && (!isObject(body) || body.type !== 4)) return false;
  const data = messageData(kind, body);
  if (!data) return true;
  const nonEmpty = (v: unknown) =>
    (typeof v === 'string' && v.length > 0) || (Array.isArray(v) && v.length > 0) || isObject(v);
  return !['content', 'embeds', 'components', 'attachments', 'sticker_ids', 'poll', 'files'].some((k) =>
    nonEmpty(data[k]),
  );
}

function extraChecks(kind: BodyKind, body: unknown): BodyIssue[] {
  if (kind === 'commandsBulkOverwrite') {
    if (!Array.isArray(body)) return [];
    const issues = body.flatMap((command, index) => commandChecks(command, [index]));
    const seen = new Set<string>();
    body.forEach((command, index) => {
      if (!isObject(command)) return;
      const key = `${String(command.type ?? 1)}:${String(command.name)}`;
      if (seen.has(key)) {
        issues.push({
          path: [index, 'name'],
          code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
          message: `Application command names must be unique (${String(command.name)}).`,
        });
      }
      seen.add(key);
    });
    return issues;
  }
  if (kind === 'commandCreate' || kind === 'commandEdit') return commandChecks(body, []);
  const data = messageData(kind, body);
  if (!data) return [];
  const prefix = kind === 'interactionCallback' ? ['data'] : [];
  return messageChecks(data, prefix);
}

function messageChecks(data: JsonObject, prefix: string[]): BodyIssue[] {
  const issues: BodyIssue[] = [];
  if (typeof data.content === 'string' && data.content.length > MAX_CONTENT) {
    issues.push({
      path: [...prefix, 'content'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${MAX_CONTENT} or fewer in length.`,
    });
  }
  if (Array.isArray(data.embeds)) {
    let total = 0;
    data.embeds.forEach((embed: unknown, index: number) => {
      if (!isObject(embed)) return;
      total += embedLength(embed);
      const fields = Array.isArray(embed.fields) ? embed.fields : [];
      fields.forEach((field: unknown, f: number) => {
        if (!isObject(field)) return;
        for (const key of ['name', 'value'] as const) {
          if (field[key] === '') {
            issues.push({
              path: [...prefix, 'embeds', index, 'fields', f, key],
              code: 'BASE_TYPE_REQUIRED',
              message: 'This field is required',
            });
          }
        }
      });
    });
    if (total > MAX_EMBED_TOTAL) {
      issues.push({
        path: [...prefix, 'embeds'],
        code: 'MAX_EMBED_SIZE_EXCEEDED',
        message: `Embed size exceeds maximum size of ${MAX_EMBED_TOTAL} (${total}).`,
      });
    }
  }
  if (Array.isArray(data.components)) {
    const flags = typeof data.flags === 'number' ? data.flags : 0;
    const v2 = (flags & MessageFlags.IsComponentsV2) !== 0;
    if (!v2 && data.components.length > 5) {
      issues.push({
        path: [...prefix, 'components'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 5 or fewer in length.',
      });
    }
    const seen = new Set<string>();
    const walk = (component: unknown, path: (string | number)[]) => {
      if (!isObject(component)) return;
      if (component.type === ComponentType.Button) {
        const link = component.style === 5;
        if (!link && typeof component.custom_id !== 'string' && component.style !== 6) {
          issues.push({
            path: [...path, 'custom_id'],
            code: 'BASE_TYPE_REQUIRED',
            message: 'A custom id is required for non-link buttons.',
          });
        }
        if (link && typeof component.url !== 'string') {
          issues.push({
            path: [...path, 'url'],
            code: 'BASE_TYPE_REQUIRED',
            message: 'Link buttons need a url.',
          });
        }
        if (component.label === undefined && component.emoji === undefined) {
          issues.push({
            path: [...path, 'label'],
            code: 'BASE_TYPE_REQUIRED',
            message: 'A button needs a label or an emoji.',
          });
        }
      }
      if (typeof component.custom_id === 'string') {
        if (seen.has(component.custom_id)) {
          issues.push({
            path: [...path, 'custom_id'],
            code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
            message: `Component custom id cannot be duplicated (${component.custom_id}).`,
          });
        }
        seen.add(component.custom_id);
      }
      if (Array.isArray(component.components)) {
        component.components.forEach((child: unknown, i: number) => walk(child, [...path, 'components', i]));
      }
      if (isObject(component.accessory)) walk(component.accessory, [...path, 'accessory']);
    };
    data.components.forEach((component: unknown, i: number) => walk(component, [...prefix, 'components', i]));
  }
  return issues;
}

/** The characters Discord counts towards the 6000 limit of a message's embeds. */
export function embedLength(embed: JsonObject): number {
  const len = (v: unknown) => (typeof v === 'string' ? v.length : 0);
  let total = len(embed.title) + len(embed.description);
  if (isObject(embed.footer)) total += len(embed.footer.text);
  if (isObject(embed.author)) total += len(embed.author.name);
  if (Array.isArray(embed.fields)) {
    for (const field of embed.fields) if (isObject(field)) total += len(field.name) + len(field.value);
  }
  return total;
}

function commandChecks(command: unknown, path: (string | number)[]): BodyIssue[] {
  if (!isObject(command)) return [];
  const issues: BodyIssue[] = [];
  const chatInput =
    command.type === undefined || command.type === null || command.type === ApplicationCommandType.ChatInput;
  if (chatInput && typeof command.name === 'string' && !COMMAND_NAME.test(command.name)) {
    issues.push({
      path: [...path, 'name'],
      code: 'APPLICATION_COMMAND_INVALID_NAME',
      message: `Command name is invalid (${command.name}): lowercase letters, digits, - and _ only, 1-32.`,
    });
  }
  if (chatInput && (typeof command.description !== 'string' || command.description.length === 0)) {
    issues.push({
      path: [...path, 'description'],
      code: 'BASE_TYPE_REQUIRED',
      message: 'This field is required',
    });
  }
  if (Array.isArray(command.options)) issues.push(...optionChecks(command.options, [...path, 'options']));
  return issues;
}

function optionChecks(options: unknown[], path: (string | number)[]): BodyIssue[] {
  const issues: BodyIssue[] = [];
  const names = new Set<string>();
  let optionalSeen = false;
  const hasSub = options.some(
    (o) =>
      isObject(o) &&
      (o.type === ApplicationCommandOptionType.Subcommand ||
        o.type === ApplicationCommandOptionType.SubcommandGroup),
  );
  options.forEach((option, index) => {
    if (!isObject(option)) return;
    const here = [...path, index];
    const name = typeof option.name === 'string' ? option.name : '';
    if (name && !COMMAND_NAME.test(name)) {
      issues.push({
        path: [...here, 'name'],
        code: 'APPLICATION_COMMAND_INVALID_NAME',
        message: `Option name is invalid (${name}).`,
      });
    }
    if (names.has(name)) {
      issues.push({
        path: [...here, 'name'],
        code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        message: `Option names must be unique (${name}).`,
      });
    }
    names.add(name);
    const isSub =
      option.type === ApplicationCommandOptionType.Subcommand ||
      option.type === ApplicationCommandOptionType.SubcommandGroup;
    if (hasSub && !isSub) {
      issues.push({
        path: here,
        code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
        message: 'Subcommands and groups cannot be mixed with other options.',
      });
    }
    if (!isSub) {
      if (option.required === true && optionalSeen) {
        issues.push({
          path: [...here, 'required'],
          code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          message: 'Required options must be placed before non-required options.',
        });
      }
      if (option.required !== true) optionalSeen = true;
      if (option.autocomplete === true && Array.isArray(option.choices) && option.choices.length > 0) {
        issues.push({
          path: [...here, 'autocomplete'],
          code: 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES',
          message: 'Autocomplete cannot be set on an option with choices.',
        });
      }
    }
    if (Array.isArray(option.options)) issues.push(...optionChecks(option.options, [...here, 'options']));
  });
  return issues;
}
