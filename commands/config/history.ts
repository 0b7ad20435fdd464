import { HISTORY_PAGE, historyEmbed } from '../../src/render/config.ts';
import type { ConfigHandlers } from './index.ts';
import { answerPrivately } from './shared.ts';

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
  // Entries Dispatch wrote itself (an automatic pause) name the digest only by id: say which channel it posts to.
  const channels = new Map<number, string>();
  for (const { subscriptionId } of entries) {
    const channelId =
      subscriptionId === null ? undefined : ctx.store.subscriptions.byId(subscriptionId)?.channelId;
    if (subscriptionId !== null && channelId) channels.set(subscriptionId, channelId);
  }
  await answerPrivately(interaction, '', [historyEmbed(entries, page, total, channels)]);
};
export default history;
