import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  EmbedBuilder,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type Interaction,
} from 'discord.js';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { renderMessageAsText, startLoopbackDiscord } from '../src/index.ts';
import { startWorld, type World } from './helpers.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const commands = [
  new SlashCommandBuilder()
    .setName('quotes')
    .setDescription('Quotes on the story')
    .addStringOption((o) => o.setName('speaker').setDescription('Who').setAutocomplete(true))
    .addIntegerOption((o) => o.setName('page').setDescription('Page').setMinValue(1)),
  new SlashCommandBuilder()
    .setName('config')
    .setDescription('Configure digests')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommandGroup((g) =>
      g
        .setName('digest')
        .setDescription('Digests')
        .addSubcommand((s) =>
          s
            .setName('set')
            .setDescription('Set a digest')
            .addChannelOption((o) =>
              o
                .setName('channel')
                .setDescription('Where')
                .setRequired(true)
                .addChannelTypes(ChannelType.GuildText),
            )
            .addStringOption((o) => o.setName('schedule').setDescription('When').setRequired(true))
            .addBooleanOption((o) => o.setName('quiet').setDescription('Quiet')),
        ),
    ),
].map((c) => c.toJSON());

describe('gateway', () => {
  test('READY and GUILD_CREATE give discord.js the bot user, the guild, its channels, roles and the bot member', async () => {
    world = await startWorld();
    const { discord, client, guild } = world;
    expect(client.user?.id).toBe(discord.botUser.id);
    expect(client.application?.id).toBe(discord.applicationId);
    const cached = client.guilds.cache.get(guild.id);
    expect(cached?.name).toBe('Loopback News');
    expect(cached?.ownerId).toBe(guild.owner.id);
    expect(cached?.channels.cache.get(guild.news.id)?.name).toBe('news');
    expect(cached?.roles.cache.get(guild.roles.moderator)?.permissions.has('ManageGuild')).toBe(true);
    const me = cached?.members.me;
    expect(me?.id).toBe(discord.botUser.id);
    const news = cached?.channels.cache.get(guild.news.id);
    expect(news && me?.permissionsIn(news).has(['SendMessages', 'EmbedLinks'])).toBe(true);
    expect(discord.gatewayConnected).toBe(true);
    expect(discord.requests.some((r) => r.route === 'GET /gateway/bot' && r.status === 200)).toBe(true);
  });

  test('a guild created while connected arrives as GUILD_CREATE; permission overwrites as CHANNEL_UPDATE', async () => {
    world = await startWorld();
    const { discord, client } = world;
    const joined = new Promise<string>((resolve) => client.once('guildCreate', (g) => resolve(g.id)));
    const second = discord.state.createGuild({ name: 'Second' });
    expect(await joined).toBe(second.id);
    const updated = new Promise<void>((resolve) => client.once('channelUpdate', () => resolve()));
    discord.state.setBotPermissions(second.news.id, { deny: ['SendMessages'] });
    await updated;
    const channel = client.channels.cache.get(second.news.id);
    expect(channel && !channel.isDMBased() && channel.permissionsFor(client.user!)?.has('SendMessages')).toBe(
      false,
    );
  });

  test('an interaction is replied to (ephemeral embed with a button), as the user sees it', async () => {
    world = await startWorld();
    const { discord, client } = world;
    client.on('interactionCreate', async (i: Interaction) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({
        embeds: [
          new EmbedBuilder()
            .setTitle('Quotes')
            .setDescription(`Speaker: ${i.options.getString('speaker')}`)
            .addFields({ name: 'Page', value: String(i.options.getInteger('page')) })
            .setFooter({ text: 'Source: Reuters' }),
        ],
        components: [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder()
              .setCustomId('quotes:prev')
              .setLabel('Previous')
              .setStyle(ButtonStyle.Secondary)
              .setDisabled(true),
            new ButtonBuilder().setCustomId('quotes:next').setLabel('Next').setStyle(ButtonStyle.Primary),
          ),
        ],
        flags: MessageFlags.Ephemeral,
      });
    });
    await client.application!.commands.set(commands);
    const res = await discord.interact({ command: 'quotes', options: { speaker: 'Putin', page: '2' } });
    expect(res.kind).toBe('reply');
    expect(res.ephemeral).toBe(true);
    expect(res.reply.embeds[0]?.title).toBe('Quotes');
    expect(res.reply.embeds[0]?.description).toBe('Speaker: Putin');
    expect(res.reply.embeds[0]?.fields?.[0]).toEqual({ name: 'Page', value: '2', inline: false });
    // The integer option was typed from the registered command.
    const data = res.interaction.data as { options: { name: string; type: number; value: unknown }[] };
    expect(data.options).toEqual([
      { name: 'speaker', type: 3, value: 'Putin' },
      { name: 'page', type: 4, value: 2 },
    ]);
    expect(res.text).toContain('(only you can see this)');
    expect(res.text).toContain('**Quotes**');
    expect(res.text).toContain('[~Previous~] [Next]');
    expect(renderMessageAsText(res.reply)).toBe(res.text);
    // Ephemeral replies are not channel messages.
    expect(discord.channelMessages(world.guild.news.id, { includeInteractionResponses: true })).toHaveLength(
      0,
    );
    discord.assertNoViolations();
  });

  test('a deferred reply completed by an edit, then a follow-up', async () => {
    world = await startWorld();
    const { discord, client } = world;
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await new Promise((r) => setTimeout(r, 50));
      await i.editReply({ content: 'Summary: 20,000 troops remain.' });
      await i.followUp({ content: 'Sources: 3 articles' });
    });
    const res = await discord.interact({ command: 'summary' });
    expect(res.kind).toBe('deferredReply');
    expect(res.reply.content).toBe('Summary: 20,000 troops remain.');
    expect(res.reply.flags & MessageFlags.Loading).toBe(0);
    const followUps = await res.waitForFollowUps(1);
    expect(followUps[0]?.content).toBe('Sources: 3 articles');
    // Public replies show in the channel when asked for, never among plain channel posts.
    const news = world.guild.news.id;
    expect(discord.channelMessages(news)).toHaveLength(0);
    expect(
      discord.channelMessages(news, { includeInteractionResponses: true }).map((m) => m.content),
    ).toEqual(['Summary: 20,000 troops remain.', 'Sources: 3 articles']);
    const edits = discord.requests.filter(
      (r) => r.route === 'PATCH /webhooks/:appId/:token/messages/:messageId',
    );
    expect(edits.map((r) => [r.path.endsWith('/@original'), r.status])).toEqual([[true, 200]]);
    discord.assertNoViolations();
  });

  test('autocomplete returns the bot’s choices; the focused option is marked', async () => {
    world = await startWorld();
    const { discord, client } = world;
    let focused: unknown;
    client.on('interactionCreate', async (i) => {
      if (!i.isAutocomplete()) return;
      focused = i.options.getFocused(true);
      const typed = String(i.options.getFocused());
      await i.respond(
        ['Putin', 'Peskov', 'Zelensky']
          .filter((n) => n.startsWith(typed))
          .map((n) => ({ name: n, value: n })),
      );
    });
    await client.application!.commands.set(commands);
    const choices = await discord.autocomplete({
      command: 'quotes',
      focused: 'speaker',
      options: { speaker: 'P' },
    });
    expect(choices).toEqual([
      { name: 'Putin', value: 'Putin' },
      { name: 'Peskov', value: 'Peskov' },
    ]);
    expect(focused).toMatchObject({ name: 'speaker', value: 'P', focused: true });
  });

  test('a button click updates the message', async () => {
    world = await startWorld();
    const { discord, client } = world;
    const row = (page: number) =>
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(`quotes:page:${page + 1}`)
          .setLabel('Next')
          .setStyle(ButtonStyle.Primary),
      );
    client.on('interactionCreate', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'Page 1', components: [row(1)] });
      if (i.isButton()) {
        const page = Number(i.customId.split(':')[2]);
        expect(i.message.id).toBeTruthy();
        await i.update({ content: `Page ${page}`, components: [row(page)] });
      }
    });
    const first = await discord.interact({ command: 'quotes' });
    const second = await discord.clickButton({ message: first.message, customId: 'quotes:page:2' });
    expect(second.kind).toBe('update');
    expect(second.reply.id).toBe(first.reply.id);
    expect(second.reply.content).toBe('Page 2');
    const third = await discord.clickButton({ message: second.message, customId: 'quotes:page:3' });
    expect(third.reply.content).toBe('Page 3');
    expect(discord.getMessage(first.reply.id)?.content).toBe('Page 3');
    await expect(discord.clickButton({ message: third.message, customId: 'nope' })).rejects.toThrow(
      /custom ids: quotes:page:4/,
    );
    discord.assertNoViolations();
  });

  test('a subcommand group with typed options, typed as a person would; command permissions are honoured', async () => {
    world = await startWorld();
    const { discord, client, guild } = world;
    let seen: unknown;
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      seen = {
        group: i.options.getSubcommandGroup(),
        sub: i.options.getSubcommand(),
        channel: i.options.getChannel('channel')?.id,
        schedule: i.options.getString('schedule'),
        quiet: i.options.getBoolean('quiet'),
        canManage: i.memberPermissions?.has('ManageGuild'),
      };
      await i.reply({ content: 'Saved', flags: MessageFlags.Ephemeral });
    });
    await client.guilds.cache.get(guild.id)!.commands.set(commands);
    expect(discord.commandsFor(guild.id).map((c) => c.name)).toEqual(['quotes', 'config']);
    expect(discord.commandsFor(guild.id)[1]?.default_member_permissions).toBe('32');

    const res = await discord.interactText(
      '/config digest set channel:#news schedule:daily 09:00 quiet:true',
      {
        user: guild.moderator,
      },
    );
    expect(res.reply.content).toBe('Saved');
    expect(seen).toEqual({
      group: 'digest',
      sub: 'set',
      channel: guild.news.id,
      schedule: 'daily 09:00',
      quiet: true,
      canManage: true,
    });
    // Discord hides /config from a regular member …
    await expect(
      discord.interact({ command: 'config digest set', options: { channel: '#news', schedule: 'hourly' } }),
    ).rejects.toThrow(/ManageGuild/);
    // … unless the server owner granted it: then the handler must check member permissions itself.
    await discord.interact({
      command: 'config digest set',
      options: { channel: guild.news.id, schedule: 'hourly' },
      overrideCommandPermissions: true,
    });
    expect(seen).toMatchObject({ canManage: false });
    await expect(discord.interact({ command: 'config digest set', user: guild.moderator })).rejects.toThrow(
      /"channel" is required/,
    );
    discord.assertNoViolations();
  });

  test('a dropped gateway resumes, and an interaction sent during the drop still arrives', async () => {
    world = await startWorld();
    const { discord, client } = world;
    const received: string[] = [];
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      received.push(i.commandName);
      await i.reply({ content: `pong ${i.commandName}` });
    });
    expect((await discord.interact({ command: 'before' })).reply.content).toBe('pong before');
    const resumed = discord.waitForGateway('resume');
    discord.dropGateway();
    expect(discord.gatewayConnected).toBe(false);
    const during = discord.interact({ command: 'during' });
    const event = await resumed;
    expect(event.replayed).toBeGreaterThanOrEqual(1);
    expect((await during).reply.content).toBe('pong during');
    expect((await discord.interact({ command: 'after' })).reply.content).toBe('pong after');
    expect(received).toEqual(['before', 'during', 'after']);
    // The client resumed instead of identifying again.
    expect(discord.gateway.liveSessions()).toHaveLength(1);
  });

  test('a terminated connection (no close frame) is recovered too', async () => {
    world = await startWorld();
    const { discord, client } = world;
    client.on('interactionCreate', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'ok' });
    });
    const reconnected = new Promise<void>((resolve) => {
      const listener = (e: { type: string }) => {
        if (e.type === 'resume' || e.type === 'identify') {
          discord.off('gateway', listener);
          resolve();
        }
      };
      discord.on('gateway', listener);
    });
    discord.dropGateway('terminate');
    const during = discord.interact({ command: 'about' });
    await reconnected;
    expect((await during).reply.content).toBe('ok');
  });

  test('no bot connected, or a bot that never answers, fails fast with a readable reason', async () => {
    world = await startWorld({ interactionDeadlineMs: 300 });
    const { discord } = world;
    await expect(discord.interact({ command: 'silence' })).rejects.toThrow(
      /did not acknowledge the interaction within 300 ms/,
    );
    await world.client.destroy();
    await expect(discord.interact({ command: 'silence' })).rejects.toThrow(/No bot is connected/);
  });

  test('records each heartbeat’s gap since the last one; one that comes after the interval is late by the difference', async () => {
    const discord = await startLoopbackDiscord({ heartbeatIntervalMs: 200 });
    const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
    try {
      await new Promise<void>((resolve) => socket.once('message', () => resolve())); // HELLO
      const beat = async () => {
        const heard = discord.waitForGateway('heartbeat');
        socket.send(JSON.stringify({ op: 1, d: null }));
        return (await heard).heartbeat;
      };
      const first = await beat();
      expect(first.sinceLastMs).toBeLessThan(200);
      expect(first.lateMs).toBe(0);
      // A client whose event loop was held up sends its next heartbeat 500 ms later: 300 ms past the interval.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const held = await beat();
      expect(held.sinceLastMs).toBeGreaterThanOrEqual(490);
      expect(held.lateMs).toBeCloseTo(held.sinceLastMs - 200, 6);
      expect(discord.gateway.heartbeats).toEqual([first, held]);
      expect(discord.gateway.lateHeartbeats(250)).toEqual([held]);
      expect(discord.gateway.lateHeartbeats(250, held.at + 1)).toEqual([]);
    } finally {
      socket.close();
      await discord.close();
    }
  });
});
