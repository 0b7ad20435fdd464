import { truncate } from '../../src/render/text.ts';
import type { AuditEntry } from '../../src/store/index.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately, unix } from './shared.ts';

const HISTORY_PAGE = 10;

/** What one audit entry changed: `schedule: \`daily 09:00\` -> \`weekly mon 09:00\``. */
function changes(entry: AuditEntry): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => key !== 'cron' && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  const show = (value: unknown) =>
    value === undefined || value === null ? '—' : `\`${String(value).replace(/`/g, "'")}\``;
  if (entry.before === null) return keys.map((k) => `${k}: ${show(after[k])}`).join(', ');
  if (entry.after === null) return `was ${keys.map((k) => `${k}: ${show(before[k])}`).join(', ')}`;
  return keys.map((k) => `${k}: ${show(before[k])} -> ${show(after[k])}`).join(', ') || 'no change';
}

/** `/config history [page]`: the audit log, newest first: who changed what, when, before and after. */
const history: ConfigHandlers['history'] = async (interaction, args, ctx) => {
  const { guildId } = interaction;
  const page = args.page ?? 1;
  const total = ctx.store.audit.countByGuild(guildId);
  const entries = ctx.store.audit.byGuild(guildId, HISTORY_PAGE, (page - 1) * HISTORY_PAGE);
  if (entries.length === 0) {
    await answerPrivately(
      interaction,
      total === 0 ? 'No configuration changes yet.' : `There is no page ${page}.`,
    );
    return;
  }
  const lines = entries.map((e) =>
    truncate(
      `<t:${unix(e.at)}:f> · ${e.actorId === 'dispatch' ? 'Dispatch' : `<@${e.actorId}>`} · **${e.action}**` +
        `${e.subscriptionId ? ` #${e.subscriptionId}` : ''}\n${changes(e)}`,
      390,
    ),
  );
  const pages = Math.ceil(total / HISTORY_PAGE);
  await answerPrivately(interaction, '', [
    {
      title: 'Configuration history',
      description: lines.join('\n'),
      footer: { text: `Page ${page} of ${pages}` },
    },
  ]);
};
export default history;
