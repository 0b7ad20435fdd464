import {
  MessageFlags,
  PermissionFlagsBits,
  type ButtonInteraction,
  type InteractionReplyOptions,
} from 'discord.js';
import { z } from 'zod';
import { customId } from '../../src/bot/command.ts';
import type { Ctx } from '../../src/bot/context.ts';
import { SHOW_PAGE, subscriptionsEmbed } from '../../src/render/config.ts';
import { pagerRow } from '../../src/render/pager.ts';
import { nextRun } from '../../src/digest/schedule.ts';
import type { ConfigHandlers } from './index.ts';
import type { GuildInteraction } from './shared.ts';

/** The page a button asks for, from its custom id. */
const pageArg = z.coerce.number().int().min(0).max(10_000);

/**
 * One page of `/config show` for the server `interaction` came from. The Previous/Next buttons carry
 * `config:show:<page>` and nothing else, so a press redraws that page from the store as it is then (a page
 * past the end, after digests were removed, shows the last one).
 */
export function showPage(
  interaction: GuildInteraction | ButtonInteraction<'cached' | 'raw'>,
  ctx: Ctx,
  requested: number,
): Pick<InteractionReplyOptions, 'content' | 'embeds' | 'components' | 'allowedMentions'> {
  const subscriptions = ctx.store.subscriptions.byGuild(interaction.guildId);
  if (subscriptions.length === 0) {
    return {
      content: 'No digests yet. `/config digest set channel:#news schedule:daily 09:00` creates one.',
      embeds: [],
      components: [],
      allowedMentions: { parse: [] },
    };
  }
  const total = subscriptions.length;
  const page = Math.min(requested, Math.ceil(total / SHOW_PAGE) - 1);
  const state = { page, pageSize: SHOW_PAGE, total, capped: false };
  const now = ctx.clock.now();
  const me = interaction.guild?.members.me;
  const shown = subscriptions.slice(page * SHOW_PAGE, (page + 1) * SHOW_PAGE).map((subscription) => {
    const channel = interaction.guild?.channels.cache.get(subscription.channelId);
    return {
      subscription,
      storyTitle: ctx.store.stories.byId(subscription.storyId)?.title ?? null,
      // What the scheduler's tick will run: the stored next_run_at, not a second computation of it.
      next:
        subscription.nextRunAt && !subscription.paused
          ? new Date(subscription.nextRunAt)
          : nextRun(subscription.cron, subscription.timezone, now),
      // Without Read Message History, recovery after a crash cannot look in the channel (see deliver.ts).
      historyUnreadable:
        channel !== undefined &&
        me !== undefined &&
        me !== null &&
        channel.permissionsFor(me)?.has(PermissionFlagsBits.ReadMessageHistory) === false,
    };
  });
  return {
    content: '',
    embeds: [
      subscriptionsEmbed(shown, { total, max: ctx.config.MAX_SUBSCRIPTIONS_PER_GUILD, page: state }, now),
    ],
    components: pagerRow(state, (target) => customId('config', 'show', target)),
    allowedMentions: { parse: [] },
  };
}

/** `/config show`: every digest of the server with its schedule, next run, state and last delivery or error. */
const show: ConfigHandlers['show'] = async (interaction, _args, ctx) => {
  await interaction.reply({ ...showPage(interaction, ctx, 0), flags: MessageFlags.Ephemeral });
};

/** A press of Previous/Next under `/config show`: `args` is `[page]`. */
export async function showButton(
  interaction: ButtonInteraction<'cached' | 'raw'>,
  ctx: Ctx,
  args: string[],
): Promise<void> {
  const page = pageArg.parse(args[0]);
  await interaction.update(showPage(interaction, ctx, page));
}
export default show;
