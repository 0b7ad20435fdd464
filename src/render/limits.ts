import { embedLength, type APIEmbed } from 'discord.js';
import { truncate } from './text.ts';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
} as const;

/** Trims one embed's parts to their own limits. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = truncate(fitted.title, LIMITS.title);
  if (fitted.description !== undefined) fitted.description = truncate(fitted.description, LIMITS.description);
  if (fitted.footer) fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, LIMITS.footer) };
  if (fitted.author) fitted.author = { ...fitted.author, name: truncate(fitted.author.name, LIMITS.author) };
  if (fitted.fields) {
    fitted.fields = fitted.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f,
      name: truncate(f.name || '\u200b', LIMITS.fieldName),
      value: truncate(f.value || '\u200b', LIMITS.fieldValue),
    }));
  }
  return fitted;
}

/**
 * Makes a list of embeds fit one message: each part within its limit, at most 10 embeds, and at most 6000
 * characters in all — fields that do not fit are dropped from the end and a note says how many, so a reply is
 * cut cleanly instead of being rejected by Discord.
 */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const result: APIEmbed[] = [];
  let total = 0;
  for (const raw of embeds.slice(0, LIMITS.embedsPerMessage)) {
    const embed = fitEmbed(raw);
    const budget = LIMITS.embedTotal - total;
    if (embedLength(embed) > budget) {
      const fields = [...(embed.fields ?? [])];
      let dropped = 0;
      const note = (n: number) => `… and ${n} more not shown`;
      while (fields.length > 0 && embedLength({ ...embed, fields }) + note(dropped + 1).length + 1 > budget) {
        fields.pop();
        dropped += 1;
      }
      embed.fields = fields;
      if (dropped > 0) embed.footer = { text: note(dropped) };
      if (embedLength(embed) > budget && embed.description) {
        embed.description = truncate(
          embed.description,
          Math.max(1, embed.description.length - (embedLength(embed) - budget)),
        );
      }
      if (embedLength(embed) > budget) break;
    }
    total += embedLength(embed);
    result.push(embed);
  }
  return result;
}
