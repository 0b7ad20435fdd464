/**
 * `/config`: where and when Dispatch posts digests, for moderators. Registered with Manage Server as the default
 * permission, but a server owner can open the command to anyone, so the handler checks the member's permission
 * itself before changing anything. Every change is written to the audit log.
 */
import {
  ApplicationCommandOptionType,
  ChannelType,
  MessageFlags,
  PermissionFlagsBits,
  PermissionsBitField,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandChannelOption,
  type APIApplicationCommandStringOption,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../src/bot/command.ts';
import type { Ctx } from '../src/bot/context.ts';
import { composeDigest } from '../src/digest/compose.ts';
import type { RunOutcome } from '../src/digest/deliver.ts';
import { resolveStory } from '../src/bot/story.ts';
import { UserError } from '../src/errors.ts';
import { LIMITS } from '../src/render/limits.ts';
import { escapeText, truncate } from '../src/render/text.ts';
import { digestJobDeps, sendNow } from '../src/scheduler/digests.ts';
import { nextRun, parseSchedule, parseTimezone, TIMEZONES } from '../src/scheduler/schedule.ts';
import type { AuditEntry, Subscription } from '../src/store/index.ts';

const channelOption = (description: string): APIApplicationCommandChannelOption => ({
  type: ApplicationCommandOptionType.Channel,
  name: 'channel',
  description,
  required: true,
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
});

const storyOption: APIApplicationCommandStringOption = {
  type: ApplicationCommandOptionType.String,
  name: 'story',
  description: 'The story (default: the only digest in that channel, or the latest story)',
  autocomplete: true,
  max_length: 100,
};

const target = (verb: string): APIApplicationCommandBasicOption[] => [
  channelOption(`The channel whose digest to ${verb}`),
  storyOption,
];

const data = {
  name: 'config',
  description: 'Configure Dispatch for this server (moderators)',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [0],
  options: [
    {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: 'digest',
      description: 'Scheduled digests of a story',
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'set',
          description: 'Post a digest of a story to a channel on a schedule (creates or changes it)',
          options: [
            channelOption('Where to post (a text or announcement channel)'),
            {
              type: ApplicationCommandOptionType.String,
              name: 'schedule',
              description: 'hourly, daily 09:00, weekly mon 09:00, or a cron expression like 0 9 * * 1-5',
              required: true,
              max_length: 100,
            },
            {
              type: ApplicationCommandOptionType.String,
              name: 'timezone',
              description:
                'IANA timezone the schedule is read in, e.g. Europe/Berlin (default: the server’s)',
              autocomplete: true,
              max_length: 64,
            },
            { ...storyOption, description: 'The story (default: the latest story)' },
            {
              type: ApplicationCommandOptionType.Role,
              name: 'mention_role',
              description: 'A role to ping with each digest (nobody else is pinged)',
            },
            {
              type: ApplicationCommandOptionType.Boolean,
              name: 'quiet',
              description: 'Post nothing when nothing is new (default: true)',
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'remove',
          description: 'Stop and delete a digest',
          options: target('remove'),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'pause',
          description: 'Pause a digest',
          options: target('pause'),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'resume',
          description: 'Resume a paused digest',
          options: target('resume'),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'preview',
          description: 'Show the next digest (only to you)',
          options: target('preview'),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'send-now',
          description: 'Post the digest now, outside its schedule',
          options: target('send'),
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'show',
      description: 'Every digest of this server: schedule, next run, state, last delivery or error',
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'history',
      description: 'Who changed the configuration, when, and what',
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'page',
          description: 'Page (newest first)',
          min_value: 1,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The permissions Dispatch needs in a digest channel, with the names Discord's settings show. */
const NEEDED = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
] as const;

const HISTORY_PAGE = 10;

type Interaction = ChatInputCommandInteraction;

/** Answers the moderator alone: an ephemeral reply, or the edit of a deferral `send-now` made ephemeral. */
async function answerPrivately(
  interaction: Interaction,
  content: string,
  embeds: object[] = [],
): Promise<void> {
  const payload = { content, embeds: embeds as never[], allowedMentions: { parse: [] } };
  if (interaction.deferred) await interaction.editReply(payload);
  else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
}

/** A subscription as the audit log keeps it. */
function snapshot(ctx: Ctx, subscription: Subscription): Record<string, unknown> {
  return {
    channelId: subscription.channelId,
    story: ctx.store.stories.byId(subscription.storyId)?.slug ?? subscription.storyId,
    schedule: subscription.schedule,
    cron: subscription.cron,
    timezone: subscription.timezone,
    mentionRoleId: subscription.mentionRoleId,
    quiet: subscription.quiet,
    paused: subscription.paused,
    pauseReason: subscription.pauseReason,
  };
}

function audit(
  ctx: Ctx,
  interaction: Interaction,
  action: string,
  subscriptionId: number,
  before: unknown,
  after: unknown,
): void {
  ctx.store.audit.add(
    { guildId: interaction.guildId!, actorId: interaction.user.id, action, subscriptionId, before, after },
    ctx.clock.now(),
  );
}

/** `Mon, 9 Mar 2026, 09:00 CET`: a run time in the subscription's own timezone. */
export function formatInZone(date: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(date);
}

const unix = (date: Date | string) => Math.floor(new Date(date).getTime() / 1000);

/** The subscription a `remove`/`pause`/… names: by channel, and by story when the channel has several. */
function findSubscription(ctx: Ctx, interaction: Interaction): Subscription {
  const channel = interaction.options.getChannel('channel', true);
  const slug = interaction.options.getString('story');
  let candidates = ctx.store.subscriptions.byChannel(interaction.guildId!, channel.id);
  if (slug) {
    const story = resolveStory(ctx.store, slug);
    candidates = candidates.filter((s) => s.storyId === story.id);
  }
  if (candidates.length === 0) {
    throw new UserError(
      `There is no digest${slug ? ` of "${slug}"` : ''} in <#${channel.id}>. \`/config show\` lists them.`,
    );
  }
  if (candidates.length > 1) {
    const stories = candidates
      .map((s) => ctx.store.stories.byId(s.storyId)?.slug ?? String(s.storyId))
      .join(', ');
    throw new UserError(
      `<#${channel.id}> has digests of several stories (${stories}): name one with \`story\`.`,
    );
  }
  return candidates[0]!;
}

/** What the bot may do in a channel, or why it could not find out. */
async function missingPermissions(interaction: Interaction, channelId: string): Promise<string[]> {
  const guild = interaction.guild ?? (await interaction.client.guilds.fetch(interaction.guildId!));
  const channel =
    guild.channels.cache.get(channelId) ?? (await guild.channels.fetch(channelId).catch(() => null));
  if (!channel) return ['View Channel'];
  const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
  const permissions = me ? channel.permissionsFor(me) : null;
  const bits = permissions ?? new PermissionsBitField();
  return NEEDED.filter(([, bit]) => !bits.has(bit)).map(([name]) => name);
}

async function set(interaction: Interaction, ctx: Ctx): Promise<void> {
  const guildId = interaction.guildId!;
  const channel = interaction.options.getChannel('channel', true);
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    throw new UserError(
      `<#${channel.id}> is not a text or announcement channel; digests can only be posted to those.`,
    );
  }
  const story = resolveStory(ctx.store, interaction.options.getString('story'));
  const existing = ctx.store.subscriptions.byKey(guildId, channel.id, story.id);
  const typedZone = interaction.options.getString('timezone');
  const now = ctx.clock.now();
  const timezone = parseTimezone(
    typedZone ?? existing?.timezone ?? ctx.store.subscriptions.guildTimezone(guildId) ?? 'UTC',
  );
  const schedule = parseSchedule(
    interaction.options.getString('schedule', true),
    timezone,
    ctx.config.DIGEST_MIN_INTERVAL_MINUTES,
    now,
  );
  const role = interaction.options.getRole('mention_role');
  if (role && role.id === guildId) {
    throw new UserError('Dispatch never pings @everyone; pick a role members can opt into, e.g. `@news`.');
  }
  if (!existing && ctx.store.subscriptions.countByGuild(guildId) >= ctx.config.MAX_SUBSCRIPTIONS_PER_GUILD) {
    throw new UserError(
      `This server already has ${ctx.config.MAX_SUBSCRIPTIONS_PER_GUILD} digests, the most allowed. ` +
        'Remove one with `/config digest remove` first (`/config show` lists them).',
    );
  }
  const missing = await missingPermissions(interaction, channel.id);
  if (missing.length > 0) {
    throw new UserError(
      `I cannot post digests in <#${channel.id}>: I am missing the ${missing.join(', ')} permission` +
        `${missing.length > 1 ? 's' : ''} there. Give my role ${missing.join(', ')} in that channel and try again.`,
    );
  }
  const input = {
    ...schedule,
    timezone,
    mentionRoleId: role?.id ?? existing?.mentionRoleId ?? null,
    quiet: interaction.options.getBoolean('quiet') ?? existing?.quiet ?? true,
  };
  const saved = ctx.store.transaction(() => {
    const result = existing
      ? ctx.store.subscriptions.update(existing.id, input, now)
      : ctx.store.subscriptions.create(
          { ...input, guildId, channelId: channel.id, storyId: story.id },
          interaction.user.id,
          now,
        );
    if (typedZone || !ctx.store.subscriptions.guildTimezone(guildId)) {
      ctx.store.subscriptions.setGuildTimezone(guildId, timezone, now);
    }
    audit(
      ctx,
      interaction,
      existing ? 'digest.update' : 'digest.create',
      result.id,
      existing ? snapshot(ctx, existing) : null,
      snapshot(ctx, result),
    );
    return result;
  });
  ctx.digests?.reload();
  ctx.log.info(
    { subscriptionId: saved.id, guildId, cron: saved.cron, timezone },
    existing ? 'digest changed' : 'digest created',
  );
  const next = nextRun(saved.cron, saved.timezone, now);
  await answerPrivately(
    interaction,
    `${existing ? 'Changed' : 'Created'} the digest of **${escapeText(story.title)}** in <#${channel.id}>: ` +
      `\`${saved.schedule}\` (${saved.timezone})${saved.mentionRoleId ? `, pinging <@&${saved.mentionRoleId}>` : ''}` +
      `${saved.quiet ? '' : ', posting even when nothing is new'}${saved.paused ? ' (still paused: `/config digest resume`)' : ''}.\n` +
      `Next digest: ${formatInZone(next, saved.timezone)} (<t:${unix(next)}:R>).`,
  );
}

async function remove(interaction: Interaction, ctx: Ctx): Promise<void> {
  const subscription = findSubscription(ctx, interaction);
  ctx.store.transaction(() => {
    audit(ctx, interaction, 'digest.remove', subscription.id, snapshot(ctx, subscription), null);
    ctx.store.subscriptions.remove(subscription.id);
  });
  ctx.digests?.reload();
  await answerPrivately(
    interaction,
    `Removed the digest in <#${subscription.channelId}>. Its history stays in \`/config history\`.`,
  );
}

async function pauseOrResume(interaction: Interaction, ctx: Ctx, pause: boolean): Promise<void> {
  const subscription = findSubscription(ctx, interaction);
  if (subscription.paused === pause) {
    await answerPrivately(
      interaction,
      `The digest in <#${subscription.channelId}> is already ${pause ? 'paused' : 'running'}.`,
    );
    return;
  }
  const now = ctx.clock.now();
  const updated = ctx.store.transaction(() => {
    const result = pause
      ? ctx.store.subscriptions.pause(subscription.id, null, now)!
      : ctx.store.subscriptions.resume(subscription.id, now)!;
    audit(
      ctx,
      interaction,
      pause ? 'digest.pause' : 'digest.resume',
      subscription.id,
      snapshot(ctx, subscription),
      snapshot(ctx, result),
    );
    return result;
  });
  ctx.digests?.reload();
  const next = nextRun(updated.cron, updated.timezone, now);
  await answerPrivately(
    interaction,
    pause
      ? `Paused the digest in <#${updated.channelId}>. \`/config digest resume\` starts it again.`
      : `Resumed the digest in <#${updated.channelId}>. Next: ${formatInZone(next, updated.timezone)} (<t:${unix(next)}:R>).`,
  );
}

async function preview(interaction: Interaction, ctx: Ctx): Promise<void> {
  const subscription = findSubscription(ctx, interaction);
  const composed = composeDigest(
    ctx.store,
    { ...subscription, quiet: false },
    { since: subscription.digestSince, until: ctx.clock.now().toISOString() },
  );
  if (!composed) throw new UserError('The story of this digest no longer exists; remove the digest.');
  const first = composed.messages[0]!;
  const more = composed.messages.length - 1;
  const note =
    `Preview of the next digest in <#${subscription.channelId}>` +
    `${composed.empty && subscription.quiet ? ' (nothing is new, so with quiet on it would post nothing)' : ''}` +
    `${more > 0 ? ` — ${more} more message${more > 1 ? 's' : ''} not shown here` : ''}` +
    `${subscription.mentionRoleId ? `; it will ping <@&${subscription.mentionRoleId}>` : ''}:`;
  await answerPrivately(interaction, note, first.embeds);
}

function describeOutcome(outcome: RunOutcome, channelId: string): string {
  switch (outcome.status) {
    case 'sent':
      return `Posted the digest to <#${channelId}> (${outcome.messageIds.length} message${outcome.messageIds.length > 1 ? 's' : ''}).`;
    case 'paused':
      return `Could not post to <#${channelId}>: ${outcome.error}. The digest is paused; fix that and \`/config digest resume\`.`;
    case 'failed':
      return `Could not post to <#${channelId}> right now: ${outcome.error}. The next digest will include this one.`;
    case 'skipped':
    case 'duplicate':
      return `Nothing was posted: ${outcome.reason}.`;
  }
}

async function sendNowCommand(interaction: Interaction, ctx: Ctx): Promise<void> {
  const subscription = findSubscription(ctx, interaction);
  if (subscription.paused) {
    throw new UserError(
      `The digest in <#${subscription.channelId}> is paused; \`/config digest resume\` it first.`,
    );
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const control = ctx.digests;
  const outcome = control
    ? await control.sendNow(subscription.id)
    : await sendNow(digestJobDeps({ ctx, sender: interaction.client.rest }), subscription);
  audit(ctx, interaction, 'digest.send-now', subscription.id, null, { outcome: outcome.status });
  await answerPrivately(interaction, describeOutcome(outcome, subscription.channelId));
}

async function show(interaction: Interaction, ctx: Ctx): Promise<void> {
  const subscriptions = ctx.store.subscriptions.byGuild(interaction.guildId!);
  if (subscriptions.length === 0) {
    await answerPrivately(
      interaction,
      'No digests yet. `/config digest set channel:#news schedule:daily 09:00` creates one.',
    );
    return;
  }
  const now = ctx.clock.now();
  const blocks = subscriptions.map((s) => {
    const story = ctx.store.stories.byId(s.storyId);
    const next = nextRun(s.cron, s.timezone, now);
    const state = s.paused ? `⏸ paused${s.pauseReason ? `: ${s.pauseReason}` : ''}` : '▶ active';
    const last = s.lastError
      ? `last error <t:${unix(s.lastErrorAt ?? now)}:f>: ${s.lastError}`
      : s.lastDeliveryAt
        ? `last delivered <t:${unix(s.lastDeliveryAt)}:f>`
        : 'not delivered yet';
    return truncate(
      [
        `**<#${s.channelId}>** · ${escapeText(story?.title ?? 'deleted story')} · \`${s.schedule}\` (${s.timezone})` +
          `${s.mentionRoleId ? ` · pings <@&${s.mentionRoleId}>` : ''}${s.quiet ? '' : ' · not quiet'}`,
        `${state} · ${s.paused ? 'would run' : 'next'} ${formatInZone(next, s.timezone)} (<t:${unix(next)}:R>)`,
        last,
      ].join('\n'),
      Math.floor(LIMITS.description / Math.max(1, subscriptions.length)) - 2,
    );
  });
  await answerPrivately(interaction, '', [
    {
      title: `Digests (${subscriptions.length} of ${ctx.config.MAX_SUBSCRIPTIONS_PER_GUILD})`,
      description: blocks.join('\n\n'),
    },
  ]);
}

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

async function history(interaction: Interaction, ctx: Ctx): Promise<void> {
  const guildId = interaction.guildId!;
  const page = interaction.options.getInteger('page') ?? 1;
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
}

/** The member must have Manage Server, whatever the command's permission overrides say. */
function assertModerator(interaction: Interaction): void {
  if (!interaction.inGuild()) throw new UserError('`/config` works in a server, not in direct messages.');
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError(
      'Only members with the Manage Server permission can change Dispatch’s configuration.',
    );
  }
}

export default {
  data,
  async execute(interaction, ctx) {
    assertModerator(interaction);
    const group = interaction.options.getSubcommandGroup(false);
    const sub = interaction.options.getSubcommand(true);
    if (group === 'digest') {
      if (sub === 'set') return set(interaction, ctx);
      if (sub === 'remove') return remove(interaction, ctx);
      if (sub === 'pause') return pauseOrResume(interaction, ctx, true);
      if (sub === 'resume') return pauseOrResume(interaction, ctx, false);
      if (sub === 'preview') return preview(interaction, ctx);
      if (sub === 'send-now') return sendNowCommand(interaction, ctx);
    }
    if (sub === 'show') return show(interaction, ctx);
    if (sub === 'history') return history(interaction, ctx);
    throw new Error(`/config has no subcommand ${group ?? ''} ${sub}`);
  },
  async autocomplete(interaction: AutocompleteInteraction, ctx: Ctx) {
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value).toLowerCase();
    if (focused.name === 'timezone') {
      const matches = TIMEZONES.filter((z) => z.toLowerCase().includes(typed.replace(/\s+/g, '_')));
      matches.sort(
        (a, b) => Number(!a.toLowerCase().startsWith(typed)) - Number(!b.toLowerCase().startsWith(typed)),
      );
      await interaction.respond(matches.slice(0, 25).map((z) => ({ name: z, value: z })));
      return;
    }
    if (focused.name === 'story') {
      await interaction.respond(
        ctx.store.stories
          .search(typed, 25)
          .map((s) => ({ name: truncate(`${s.title} (${s.slug})`, 100), value: s.slug })),
      );
      return;
    }
    await interaction.respond([]);
  },
} satisfies Command;
