/**
 * `/config`: where and when Dispatch posts digests, for moderators. The registration JSON is here, in one
 * place; each subcommand's handler is the module of its name beside this one. Registered for servers only with
 * Manage Server as the default permission; since a server owner can open the command to anyone, the router
 * checks the member's permission again (the `moderator` precondition) before any handler runs. Every change is
 * written to the audit log.
 */
import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, SubcommandHandlers } from '../../src/bot/command.ts';
import { moderator } from '../../src/bot/preconditions.ts';
import { UserError } from '../../src/errors.ts';
import { autocompleteStory, choice } from '../../src/bot/story.ts';
import { TIMEZONES } from '../../src/digest/schedule.ts';
import feedAdd from './feed-add.ts';
import feedList from './feed-list.ts';
import feedPause from './feed-pause.ts';
import feedRemove from './feed-remove.ts';
import feedResume from './feed-resume.ts';
import feedStatus from './feed-status.ts';
import history from './history.ts';
import pause from './pause.ts';
import preview from './preview.ts';
import remove from './remove.ts';
import resume from './resume.ts';
import sendNow from './send-now.ts';
import set from './set.ts';
import show, { showButton } from './show.ts';
import { digestChoices } from './shared.ts';
import { storyDefault, storyRename } from './story.ts';

/** Keeps an option's literal types (its name above all) for the handlers' argument types. */
const options = <const O extends APIApplicationCommandBasicOption[]>(...list: O): O => list;

const channelOption = (description: string) =>
  options({
    type: ApplicationCommandOptionType.Channel,
    name: 'channel',
    description,
    required: true,
    channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
  })[0];

const storyOption = options({
  type: ApplicationCommandOptionType.String,
  name: 'story',
  description: 'The story (default: the only digest in that channel, or the latest story)',
  autocomplete: true,
  max_length: 100,
})[0];

/** The `url` of a feed; autocompleted from the server's feeds where it names one it follows. */
const feedUrlOption = (description: string) =>
  options({
    type: ApplicationCommandOptionType.String,
    name: 'url',
    description,
    required: true,
    autocomplete: true,
    max_length: 2000,
  })[0];

/**
 * The options of a subcommand that acts on one existing digest: its channel (and story, when the channel has
 * several), or the digest itself picked from a list, which also finds one whose channel was deleted (Discord
 * cannot offer a deleted channel in `channel`).
 */
const target = (verb: string) =>
  options({ ...channelOption(`The channel whose digest to ${verb}`), required: false }, storyOption, {
    type: ApplicationCommandOptionType.Integer,
    name: 'digest',
    description: `The digest to ${verb}, picked from this server’s digests (also one whose channel is gone)`,
    autocomplete: true,
    min_value: 1,
  });

const data = {
  name: 'config',
  description: 'Configure Dispatch for this server (moderators)',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
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
            {
              ...storyOption,
              description: 'The story (default: the server’s; asked when the channel has several digests)',
            },
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
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: 'feed',
      description: 'Feeds (RSS, Atom, JSON Feed) this server follows; only this server sees what they bring',
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'add',
          description: 'Follow a feed',
          options: options(
            { ...feedUrlOption('The feed address (https://…)'), autocomplete: false },
            { ...storyOption, description: 'The story its articles join (default: news)' },
            {
              type: ApplicationCommandOptionType.String,
              name: 'name',
              description: 'A name to show instead of the address',
              max_length: 100,
            },
          ),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'remove',
          description: 'Stop following a feed (its articles stay)',
          options: options(feedUrlOption('The feed to remove')),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'pause',
          description: 'Stop polling a feed',
          options: options(feedUrlOption('The feed to pause')),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'resume',
          description: 'Poll a paused feed again (tried at once)',
          options: options(feedUrlOption('The feed to resume')),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'list',
          description: 'Every feed this server follows, with its story and state',
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'status',
          description: 'A feed’s health: last poll, last new item, failures and the last error, next poll',
          options: options(feedUrlOption('The feed')),
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: 'story',
      description: 'Which story commands answer, and what it is called',
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'default',
          description: 'The story commands answer when none is named, in this server or one channel',
          options: [
            { ...storyOption, required: true, description: 'The story' },
            {
              type: ApplicationCommandOptionType.Channel,
              name: 'channel',
              description: 'Only in this channel (default: the whole server)',
              channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'rename',
          description: 'Give a story a new title (its slug stays)',
          options: [
            { ...storyOption, required: true, description: 'The story' },
            {
              type: ApplicationCommandOptionType.String,
              name: 'title',
              description: 'The new title',
              required: true,
              min_length: 1,
              max_length: 100,
            },
          ],
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

/** The handler type of each subcommand, for the modules beside this one. */
export type ConfigHandlers = SubcommandHandlers<typeof data>;

export default {
  data,
  preconditions: [moderator],
  subcommands: {
    digest: { set, remove, pause, resume, preview, 'send-now': sendNow },
    feed: {
      add: feedAdd,
      remove: feedRemove,
      pause: feedPause,
      resume: feedResume,
      list: feedList,
      status: feedStatus,
    },
    story: { default: storyDefault, rename: storyRename },
    show,
    history,
  },
  /**
   * The Previous/Next buttons of `/config show` (`config:show:<page>`). A button skips the router's
   * preconditions, so the member's Manage Server permission is checked again here.
   */
  async button(interaction, ctx, args) {
    if (!interaction.inGuild()) throw new UserError('`/config` works in a server, not in direct messages.');
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserError('Only members with the Manage Server permission can see Dispatch’s configuration.');
    }
    if (args[0] !== 'show') throw new Error(`/config has no button "${args.join(':')}"`);
    await showButton(interaction, ctx, args.slice(1));
  },
  async autocomplete(interaction, focused, ctx) {
    const typed = focused.value.toLowerCase();
    if (focused.name === 'timezone') {
      const matches = TIMEZONES.filter((z) => z.toLowerCase().includes(typed.replace(/\s+/g, '_')));
      matches.sort(
        (a, b) => Number(!a.toLowerCase().startsWith(typed)) - Number(!b.toLowerCase().startsWith(typed)),
      );
      await interaction.respond(matches.slice(0, 25).map((z) => ({ name: z, value: z })));
      return;
    }
    if (focused.name === 'story') return autocompleteStory(interaction, focused, ctx);
    if (focused.name === 'digest') {
      await interaction.respond(digestChoices(interaction, ctx, typed));
      return;
    }
    if (focused.name === 'url') {
      const feeds = ctx.store.feeds
        .feedsOfGuild(interaction.guildId ?? '')
        .filter((f) => `${f.source.url} ${f.name ?? ''}`.toLowerCase().includes(typed));
      await interaction.respond(
        feeds
          .slice(0, 25)
          .map((f) => choice(f.name ? `${f.name} (${f.source.url})` : f.source.url, f.source.url)),
      );
      return;
    }
    await interaction.respond([]);
  },
} satisfies Command<typeof data>;
