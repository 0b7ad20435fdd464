import { ComponentType, MessageFlags } from 'discord-api-types/v10';
import { isObject } from './shapes.ts';

/** Options of `renderMessageAsText`. */
export interface RenderOptions {
  /** Indent embed lines with this (default `'│ '`). */
  embedPrefix?: string;
}

/**
 * Renders a message payload (a request body, or a message as Discord returns it) as plain text a person
 * can read in a terminal: content, each embed with its title, link, description, fields, footer and
 * timestamp, buttons as `[Label]` (`[~Label~]` when disabled), select menus, components-v2 text blocks,
 * attachments, and a marker for ephemeral ("only you can see this") and still-thinking messages. The
 * sandbox prompt prints replies with it, and tests put it in failure messages.
 */
export function renderMessageAsText(payload: unknown, options: RenderOptions = {}): string {
  if (!isObject(payload)) return String(payload);
  const bar = options.embedPrefix ?? '│ ';
  const lines: string[] = [];
  const flags = typeof payload.flags === 'number' ? payload.flags : 0;
  if ((flags & MessageFlags.Ephemeral) !== 0) lines.push('(only you can see this)');
  if ((flags & MessageFlags.Loading) !== 0) lines.push('(thinking…)');
  if (typeof payload.content === 'string' && payload.content.length > 0) lines.push(payload.content);

  const embeds = Array.isArray(payload.embeds) ? payload.embeds.filter(isObject) : [];
  for (const embed of embeds) {
    const block: string[] = [];
    if (isObject(embed.author) && typeof embed.author.name === 'string') block.push(embed.author.name);
    if (typeof embed.title === 'string') {
      block.push(typeof embed.url === 'string' ? `**${embed.title}** <${embed.url}>` : `**${embed.title}**`);
    }
    if (typeof embed.description === 'string') block.push(...embed.description.split('\n'));
    const fields = Array.isArray(embed.fields) ? embed.fields.filter(isObject) : [];
    for (const field of fields) {
      const value = String(field.value ?? '').split('\n');
      block.push(`${String(field.name ?? '')}:`);
      for (const line of value) block.push(`  ${line}`);
    }
    const footer: string[] = [];
    if (isObject(embed.footer) && typeof embed.footer.text === 'string') footer.push(embed.footer.text);
    if (typeof embed.timestamp === 'string') footer.push(embed.timestamp);
    if (footer.length > 0) block.push(`— ${footer.join(' • ')}`);
    if (isObject(embed.image) && typeof embed.image.url === 'string')
      block.push(`[image] ${embed.image.url}`);
    if (lines.length > 0) lines.push('');
    lines.push(...block.map((line) => `${bar}${line}`.trimEnd()));
  }

  const components = Array.isArray(payload.components) ? payload.components : [];
  const componentLines = components.flatMap((c) => renderComponent(c));
  if (componentLines.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(...componentLines);
  }

  const attachments = Array.isArray(payload.attachments) ? payload.attachments.filter(isObject) : [];
  for (const attachment of attachments) {
    if (typeof attachment.filename === 'string') lines.push(`[file] ${attachment.filename}`);
  }
  return lines.join('\n');
}

function renderComponent(component: unknown): string[] {
  if (!isObject(component)) return [];
  const children = Array.isArray(component.components) ? component.components : [];
  switch (component.type) {
    case 1: {
      const parts = children.map((child) => renderInline(child)).filter((s) => s.length > 0);
      return parts.length > 0 ? [parts.join(' ')] : [];
    }
    case 9: {
      const text = children.flatMap((c) => renderComponent(c));
      const accessory = isObject(component.accessory) ? renderInline(component.accessory) : '';
      return accessory ? [...text, accessory] : text;
    }
    case 10:
      return typeof component.content === 'string' ? component.content.split('\n') : [];
    case 14:
      return ['────────'];
    case 17:
      return children.flatMap((c) => renderComponent(c)).map((line) => `┃ ${line}`);
    default: {
      const inline = renderInline(component);
      return inline ? [inline] : [];
    }
  }
}

function renderInline(component: unknown): string {
  if (!isObject(component)) return '';
  const disabled = component.disabled === true;
  if (component.type === ComponentType.Button) {
    const emoji =
      isObject(component.emoji) && typeof component.emoji.name === 'string' ? component.emoji.name : '';
    const label = [emoji, typeof component.label === 'string' ? component.label : '']
      .filter(Boolean)
      .join(' ');
    const text = disabled ? `~${label}~` : label;
    return typeof component.url === 'string' ? `[${text}](${component.url})` : `[${text}]`;
  }
  if ([3, 5, 6, 7, 8].includes(Number(component.type))) {
    const placeholder = typeof component.placeholder === 'string' ? component.placeholder : 'Select…';
    const options = Array.isArray(component.options)
      ? component.options.filter(isObject).map((o) => String(o.label ?? o.value))
      : [];
    return `[▼ ${placeholder}${options.length ? `: ${options.join(' | ')}` : ''}]`;
  }
  if (component.type === ComponentType.Thumbnail && isObject(component.media))
    return `[image] ${String(component.media.url)}`;
  return '';
}
