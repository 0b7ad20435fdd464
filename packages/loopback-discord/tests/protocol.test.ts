import { constants, createInflate } from 'node:zlib';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, test } from 'vitest';
import {
  parseCommandLine,
  renderMessageAsText,
  startLoopbackDiscord,
  validateBody,
  type LoopbackCommand,
  type LoopbackDiscord,
} from '../src/index.ts';

let discord: LoopbackDiscord | undefined;
afterEach(async () => {
  await discord?.close();
  discord = undefined;
});

/** A bare gateway client: collects decoded payloads and the close code. */
function connect(url: string, decode: (data: Buffer, push: (p: Record<string, unknown>) => void) => void) {
  const ws = new WebSocket(url);
  const payloads: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let closeCode: number | undefined;
  ws.on('message', (data: Buffer) =>
    decode(data, (p) => {
      payloads.push(p);
      for (const w of waiters.splice(0)) w();
    }),
  );
  ws.on('close', (code) => {
    closeCode = code;
    for (const w of waiters.splice(0)) w();
  });
  const until = async (check: () => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  return {
    ws,
    payloads,
    until,
    closeCode: () => closeCode,
    send: (p: unknown) => ws.send(JSON.stringify(p)),
  };
}

const json = (data: Buffer, push: (p: Record<string, unknown>) => void) => push(JSON.parse(data.toString()));

describe('gateway protocol', () => {
  test('zlib-stream compression: one inflate context, payloads ending in a sync flush', async () => {
    discord = await startLoopbackDiscord({ heartbeatIntervalMs: 500 });
    discord.state.createGuild();
    const inflate = createInflate({ flush: constants.Z_SYNC_FLUSH });
    let text = '';
    const queue: ((p: Record<string, unknown>) => void)[] = [];
    inflate.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      try {
        const payload = JSON.parse(text) as Record<string, unknown>;
        text = '';
        for (const push of queue) push(payload);
      } catch {
        // not complete yet
      }
    });
    const client = connect(`${discord.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`, (data, push) => {
      if (queue.length === 0) queue.push(push);
      expect(data.subarray(-4).equals(Buffer.from([0, 0, 0xff, 0xff]))).toBe(true);
      inflate.write(data);
    });
    await client.until(() => client.payloads.length >= 1);
    expect(client.payloads[0]).toMatchObject({ op: 10, d: { heartbeat_interval: 500 } });
    client.send({ op: 2, d: { token: discord.token, intents: 1, properties: {}, shard: [0, 1] } });
    await client.until(() => client.payloads.length >= 3);
    expect(client.payloads[1]).toMatchObject({ op: 0, t: 'READY', s: 1 });
    expect(client.payloads[2]).toMatchObject({ op: 0, t: 'GUILD_CREATE', s: 2 });
    client.send({ op: 1, d: 2 });
    await client.until(() => client.payloads.length >= 4);
    expect(client.payloads[3]).toEqual({ op: 11 });
    client.ws.close(1000);
  });

  test('a bad token closes with 4004; a privileged intent without permission with 4014', async () => {
    discord = await startLoopbackDiscord({ heartbeatIntervalMs: 500 });
    const bad = connect(`${discord.gatewayUrl}?v=10&encoding=json`, json);
    await bad.until(() => bad.payloads.length >= 1);
    bad.send({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } });
    await bad.until(() => bad.closeCode() !== undefined);
    expect(bad.closeCode()).toBe(4004);

    const greedy = connect(`${discord.gatewayUrl}?v=10&encoding=json`, json);
    await greedy.until(() => greedy.payloads.length >= 1);
    greedy.send({ op: 2, d: { token: discord.token, intents: 1 | (1 << 15), properties: {} } });
    await greedy.until(() => greedy.closeCode() !== undefined);
    expect(greedy.closeCode()).toBe(4014);
  });

  test('RESUME replays what was missed, in order, then RESUMED; an unknown session is invalid', async () => {
    discord = await startLoopbackDiscord({ heartbeatIntervalMs: 500 });
    const guild = discord.state.createGuild();
    const first = connect(`${discord.gatewayUrl}?v=10&encoding=json`, json);
    await first.until(() => first.payloads.length >= 1);
    first.send({ op: 2, d: { token: discord.token, intents: 1, properties: {} } });
    await first.until(() => first.payloads.length >= 3);
    const ready = first.payloads[1] as { d: { session_id: string; resume_gateway_url: string } };
    expect(ready.d.resume_gateway_url).toBe(discord.gatewayUrl);
    discord.dropGateway();
    await first.until(() => first.closeCode() !== undefined);
    expect(first.closeCode()).toBe(4000);
    // Two events happen while the bot is away.
    discord.state.createChannel(guild.id, { name: 'briefings' });
    discord.state.setBotPermissions(guild.news.id, { deny: ['EmbedLinks'] });

    const second = connect(`${ready.d.resume_gateway_url}?v=10&encoding=json`, json);
    await second.until(() => second.payloads.length >= 1);
    second.send({ op: 6, d: { token: discord.token, session_id: ready.d.session_id, seq: 2 } });
    await second.until(() => second.payloads.length >= 4);
    expect(second.payloads.slice(1).map((p) => [p.t, p.s])).toEqual([
      ['CHANNEL_CREATE', 3],
      ['CHANNEL_UPDATE', 4],
      ['RESUMED', 5],
    ]);
    second.ws.close(1000);

    const third = connect(`${discord.gatewayUrl}?v=10&encoding=json`, json);
    await third.until(() => third.payloads.length >= 1);
    third.send({ op: 6, d: { token: discord.token, session_id: 'nope', seq: 1 } });
    await third.until(() => third.payloads.length >= 2);
    expect(third.payloads[1]).toEqual({ op: 9, d: false });
    third.ws.close(1000);
  });
});

describe('helpers', () => {
  test('renderMessageAsText shows content, embeds, fields, footer, buttons and the ephemeral marker', () => {
    const text = renderMessageAsText({
      content: 'Latest on the story',
      flags: 64,
      embeds: [
        {
          title: 'Troops',
          url: 'https://example.com/a',
          description: '20,000 remain',
          fields: [{ name: 'Withdrawn', value: '5,000 (Reuters)' }],
          footer: { text: 'Source: Reuters' },
        },
      ],
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 2, label: 'Previous', custom_id: 'p', disabled: true },
            { type: 2, style: 1, label: 'Next', custom_id: 'n' },
            { type: 2, style: 5, label: 'Article', url: 'https://example.com/a' },
          ],
        },
      ],
    });
    expect(text).toBe(
      [
        '(only you can see this)',
        'Latest on the story',
        '',
        '│ **Troops** <https://example.com/a>',
        '│ 20,000 remain',
        '│ Withdrawn:',
        '│   5,000 (Reuters)',
        '│ — Source: Reuters',
        '',
        '[~Previous~] [Next] [Article](https://example.com/a)',
      ].join('\n'),
    );
  });

  test('parseCommandLine uses the registered options, so values may hold spaces and colons', () => {
    const config: LoopbackCommand = {
      id: '1',
      application_id: '2',
      version: '3',
      type: 1,
      name: 'config',
      description: 'Config',
      default_member_permissions: '32',
      nsfw: false,
      options: [
        {
          type: 2,
          name: 'digest',
          description: 'Digest',
          options: [
            {
              type: 1,
              name: 'set',
              description: 'Set',
              options: [
                { type: 7, name: 'channel', description: 'c', required: true },
                { type: 3, name: 'schedule', description: 's', required: true },
                { type: 3, name: 'timezone', description: 't' },
              ],
            },
          ],
        },
        { type: 1, name: 'show', description: 'Show' },
      ],
    };
    expect(
      parseCommandLine('/config digest set channel:#news schedule:daily 09:00 timezone:Europe/Berlin', [
        config,
      ]),
    ).toEqual({
      command: 'config',
      subcommandGroup: 'digest',
      subcommand: 'set',
      options: { channel: '#news', schedule: 'daily 09:00', timezone: 'Europe/Berlin' },
    });
    expect(parseCommandLine('/config show', [config])).toEqual({
      command: 'config',
      subcommand: 'show',
      options: {},
    });
    expect(parseCommandLine('/quotes speaker:"Vladimir Putin"', [])).toEqual({
      command: 'quotes',
      options: { speaker: 'Vladimir Putin' },
    });
    expect(() => parseCommandLine('/config', [config])).toThrow(/needs a subcommand: digest, show/);
  });

  test('validateBody accepts what discord.js sends and rejects what Discord rejects', () => {
    expect(
      validateBody('channelMessageCreate', {
        content: 'hi',
        nonce: 'sub-1',
        enforce_nonce: true,
        allowed_mentions: { parse: [] },
        embeds: [
          {
            title: 'T',
            fields: [{ name: 'a', value: 'b', inline: true }],
            timestamp: new Date().toISOString(),
          },
        ],
      }),
    ).toEqual({ ok: true });
    const bad = validateBody('interactionCallback', {
      type: 8,
      data: { choices: new Array(26).fill({ name: 'a', value: 'a' }) },
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues[0]).toMatchObject({
      path: ['data', 'choices'],
      code: 'BASE_TYPE_MAX_LENGTH',
    });
    const wrongType = validateBody('interactionCallback', { type: 3 });
    expect(!wrongType.ok && wrongType.issues[0]?.path).toEqual(['type']);
    const field = validateBody('webhookEdit', { embeds: [{ fields: [{ name: '', value: 'x' }] }] });
    expect(!field.ok && field.issues[0]?.code).toBe('BASE_TYPE_REQUIRED');
  });

  test('words a bound as Discord does, for a length and for a number, on either side', () => {
    const issue = (kind: Parameters<typeof validateBody>[0], body: unknown) => {
      const result = validateBody(kind, body);
      return result.ok ? undefined : result.issues[0];
    };
    expect(issue('channelMessageCreate', { content: 'x'.repeat(2001) })).toEqual({
      path: ['content'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 2000 or fewer in length.',
    });
    expect(issue('interactionCallback', { type: 8, data: { choices: [{ name: '', value: 'a' }] } })).toEqual({
      path: ['data', 'choices', 0, 'name'],
      code: 'BASE_TYPE_MIN_LENGTH',
      message: 'Must be 1 or more in length.',
    });
    expect(issue('channelMessageCreate', { content: 'x', embeds: [{ color: 99999999999 }] })).toEqual({
      path: ['embeds', 0, 'color'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'int value should be less than or equal to 16777215.',
    });
    expect(issue('channelMessageCreate', { content: 'x', embeds: [{ color: -5 }] })).toEqual({
      path: ['embeds', 0, 'color'],
      code: 'BASE_TYPE_MIN_LENGTH',
      message: 'int value should be greater than or equal to 0.',
    });
  });
});
