import { DiscordAPIError, Routes, type TextChannel } from 'discord.js';
import { request } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { startWorld, type World } from './helpers.ts';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A raw request with the bot's token, bypassing discord.js (and its rate-limit handling). */
async function raw(
  w: World,
  method: string,
  path: string,
  body?: unknown,
  auth = true,
): Promise<{ status: number; headers: Headers; json: unknown }> {
  const res = await fetch(`${w.discord.restUrl}/v10${path}`, {
    method,
    headers: {
      ...(auth ? { authorization: `Bot ${w.discord.token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as unknown) : undefined };
}

function news(w: World): TextChannel {
  return w.client.channels.cache.get(w.guild.news.id) as TextChannel;
}

describe('REST', () => {
  test('a body that does not fit the schema is answered 400 50035 and recorded; the bot can then recover', async () => {
    world = await startWorld();
    const { discord, client } = world;
    const errors: unknown[] = [];
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      try {
        await i.reply({ content: 'x'.repeat(2001), embeds: [{ title: 't'.repeat(300), url: 'not a url' }] });
      } catch (error) {
        errors.push(error);
        await i.reply({ content: 'Sorry, that did not fit.' });
      }
    });
    const res = await discord.interact({ command: 'summary' });
    expect(res.reply.content).toBe('Sorry, that did not fit.');
    const error = errors[0];
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).status).toBe(400);
    expect(discord.violations).toHaveLength(1);
    const violation = discord.violations[0]!;
    expect(violation.route).toBe('POST /interactions/:interactionId/:token/callback');
    expect(violation.issues.map((i) => `${i.path.join('.')} ${i.code}`).sort()).toEqual([
      'data.content BASE_TYPE_MAX_LENGTH',
      'data.embeds.0.title BASE_TYPE_MAX_LENGTH',
      'data.embeds.0.url URL_TYPE_INVALID_URL',
    ]);
    expect(violation.response).toMatchObject({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { data: { embeds: { '0': { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } },
    });
    expect(() => discord.assertNoViolations()).toThrow(/data\.embeds\.0\.title/);
  });

  test('an embed set over 6000 characters, an empty message and duplicate custom ids are refused like Discord does', async () => {
    world = await startWorld();
    const field = { name: 'n', value: 'v'.repeat(1000) };
    const tooBig = await raw(world, 'POST', `/channels/${world.guild.news.id}/messages`, {
      allowed_mentions: { parse: [] },
      embeds: [{ description: 'd'.repeat(4000), fields: [field, field, field] }],
    });
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.json)).toContain('MAX_EMBED_SIZE_EXCEEDED');
    const empty = await raw(world, 'POST', `/channels/${world.guild.news.id}/messages`, {
      allowed_mentions: { parse: [] },
    });
    expect(empty).toMatchObject({ status: 400, json: { code: 50006 } });
    const button = { type: 2, style: 1, label: 'Next', custom_id: 'same' };
    const dup = await raw(world, 'POST', `/channels/${world.guild.news.id}/messages`, {
      content: 'x',
      allowed_mentions: { parse: [] },
      components: [{ type: 1, components: [button, button] }],
    });
    expect(JSON.stringify(dup.json)).toContain('COMPONENT_CUSTOM_ID_DUPLICATED');
    expect(world.discord.violations).toHaveLength(3);
  });

  test('a message without allowed_mentions is served but recorded; mentions are resolved as Discord would', async () => {
    world = await startWorld();
    const { discord, guild } = world;
    const path = `/channels/${guild.news.id}/messages`;
    const pinged = await raw(world, 'POST', path, {
      content: `@everyone <@${guild.member.id}> <@&${guild.roles.moderator}>`,
    });
    expect(pinged.status).toBe(200);
    // The bot lacks Mention Everyone, so only the user and role would be pinged.
    expect(pinged.json).toMatchObject({ mention_everyone: false, mention_roles: [guild.roles.moderator] });
    expect((pinged.json as { mentions: { id: string }[] }).mentions.map((u) => u.id)).toEqual([
      guild.member.id,
    ]);
    expect(discord.mentionViolations).toHaveLength(1);
    const quiet = await raw(world, 'POST', path, {
      content: `<@${guild.member.id}>`,
      allowed_mentions: { parse: [] },
    });
    expect(quiet.json).toMatchObject({ mentions: [], mention_roles: [], mention_everyone: false });
    expect(discord.mentionViolations).toHaveLength(1);
    expect(discord.violations).toHaveLength(0);
  });

  test('a 204 carries no body and no content type', async () => {
    world = await startWorld();
    const { discord, client } = world;
    client.on('interactionCreate', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'ok' });
    });
    await discord.interact({ command: 'about' });
    expect(discord.requests.at(-1)).toMatchObject({
      route: 'POST /interactions/:interactionId/:token/callback',
      status: 204,
    });
    // Look at the raw answer to a bodiless request.
    const registered = await raw(world, 'PUT', `/applications/${discord.applicationId}/commands`, [
      { name: 'about', description: 'About' },
    ]);
    const id = (registered.json as { id: string }[])[0]!.id;
    const answer = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = request(
          `${discord.restUrl}/v10/applications/${discord.applicationId}/commands/${id}`,
          { method: 'DELETE', headers: { authorization: `Bot ${discord.token}` } },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(answer.status).toBe(204);
    expect(answer.body).toBe('');
    expect(answer.headers['content-type']).toBeUndefined();
    expect(answer.headers['x-ratelimit-bucket']).toBeTruthy();
    expect(discord.commands).toHaveLength(0);
  });

  test('with_response=true answers with the interaction callback response', async () => {
    world = await startWorld();
    const { discord, client } = world;
    const messageId = new Promise<string | undefined>((resolve) => {
      client.on('interactionCreate', async (i) => {
        if (!i.isChatInputCommand()) return;
        const response = await i.reply({ content: 'hello', withResponse: true });
        resolve(response.resource?.message?.id);
      });
    });
    // `interact` settles when Discord has the response; the bot's handler may still be running.
    const res = await discord.interact({ command: 'about' });
    expect(await messageId).toBe(res.reply.id);
  });

  test('a 429 injected on a reply is retried by discord.js after Retry-After, and succeeds', async () => {
    world = await startWorld();
    const { discord, client } = world;
    client.on('interactionCreate', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'after the 429' });
    });
    const fault = discord.faults.failNext({
      method: 'POST',
      path: /\/callback$/,
      status: 429,
      retryAfter: 0.2,
    });
    const started = Date.now();
    const res = await discord.interact({ command: 'troops' });
    expect(res.reply.content).toBe('after the 429');
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    expect(fault.hits).toBe(1);
    expect(discord.stats.rateLimited).toBe(1);
    expect(discord.stats.rateLimitedByLimiter).toBe(0);
    const callbacks = discord.requests.filter((r) => r.path.endsWith('/callback')).map((r) => r.status);
    expect(callbacks).toEqual([429, 204]);
  });

  test('a 500 and a 502 on a follow-up are retried; a reset connection too', async () => {
    world = await startWorld();
    const { discord, client, guild } = world;
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply({ content: 'done' });
    });
    discord.faults.failNext({ method: 'PATCH', path: '/messages/@original', status: 500 });
    discord.faults.failNext({ method: 'PATCH', path: '/messages/@original', status: 502 });
    const res = await discord.interact({ command: 'timeline' });
    expect(res.reply.content).toBe('done');
    const edits = discord.requests.filter((r) => r.method === 'PATCH').map((r) => r.status);
    expect(edits).toEqual([500, 502, 200]);
    expect(discord.stats.faultsInjected).toBe(2);

    discord.faults.failNext({ method: 'POST', path: `/channels/${guild.news.id}/messages`, status: 'reset' });
    const sent = await news(world).send({ content: 'digest' });
    expect(sent.content).toBe('digest');
    expect(discord.channelMessages(guild.news.id).map((m) => m.content)).toEqual(['digest']);
  });

  test('nonce with enforce_nonce returns the earlier message instead of posting twice', async () => {
    world = await startWorld();
    const { discord, guild } = world;
    const channel = news(world);
    const first = await channel.send({ content: 'Digest 09:00', nonce: 'sub1-0900', enforceNonce: true });
    const again = await channel.send({ content: 'Digest 09:00', nonce: 'sub1-0900', enforceNonce: true });
    expect(again.id).toBe(first.id);
    expect(discord.channelMessages(guild.news.id)).toHaveLength(1);
    expect(discord.stats.nonceDeduplicated).toBe(1);
    // Without enforce_nonce, Discord posts again.
    await channel.send({ content: 'Digest 09:00', nonce: 'sub1-0900', enforceNonce: false });
    expect(discord.channelMessages(guild.news.id)).toHaveLength(2);
    expect(discord.channelMessages(guild.news.id)[0]?.nonce).toBe('sub1-0900');
  });

  test('past the nonce window (configurable, here none) the same nonce posts again, as Discord after a few minutes', async () => {
    world = await startWorld({ nonceWindowMs: 0 });
    const { discord, guild } = world;
    const channel = news(world);
    const first = await channel.send({ content: 'Digest 09:00', nonce: 'sub1-0900', enforceNonce: true });
    const again = await channel.send({ content: 'Digest 09:00', nonce: 'sub1-0900', enforceNonce: true });
    expect(again.id).not.toBe(first.id);
    expect(discord.channelMessages(guild.news.id)).toHaveLength(2);
    expect(discord.stats.nonceDeduplicated).toBe(0);
  });

  test('GET channel messages pages with after and limit, newest first, and is empty without Read Message History', async () => {
    world = await startWorld();
    const { discord, guild } = world;
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await news(world).send({ content: `m${i}` })).id);
    const page = async (query: string) =>
      (
        (await raw(world!, 'GET', `/channels/${guild.news.id}/messages?${query}`)).json as {
          content: string;
        }[]
      ).map((m) => m.content);
    expect(await page(`after=${ids[0]}&limit=2`)).toEqual(['m2', 'm1']);
    expect(await page(`after=${ids[2]}&limit=100`)).toEqual(['m4', 'm3']);
    expect(await page(`before=${ids[3]}&limit=2`)).toEqual(['m2', 'm1']);
    expect(await page('limit=2')).toEqual(['m4', 'm3']);
    discord.state.setBotPermissions(guild.news.id, { deny: ['ReadMessageHistory'] });
    expect(await page(`after=${ids[0]}`)).toEqual([]);
  });

  test('multipart bodies (payload_json plus files) are read and validated; attachments need Attach Files', async () => {
    world = await startWorld();
    const { discord, guild } = world;
    const sent = await news(world).send({
      content: 'The report',
      files: [{ attachment: Buffer.from('troops,20000\n'), name: 'figures.csv', description: 'Figures' }],
    });
    expect(sent.attachments.first()?.name).toBe('figures.csv');
    const stored = discord.channelMessages(guild.news.id)[0];
    expect(stored?.attachments[0]).toMatchObject({
      filename: 'figures.csv',
      size: 13,
      description: 'Figures',
    });
    expect(discord.requests.at(-1)?.files).toHaveLength(1);
    discord.state.setBotPermissions(guild.news.id, { deny: ['AttachFiles'] });
    await expect(
      news(world).send({ files: [{ attachment: Buffer.from('x'), name: 'x.txt' }] }),
    ).rejects.toMatchObject({ code: 50013 });
    discord.assertNoViolations();
  });

  test('missing permissions, missing access and unknown channels get Discord’s codes', async () => {
    world = await startWorld({ rateLimits: { channelMessages: { limit: 20, windowMs: 1000 } } });
    const { discord, guild, client } = world;
    const channel = news(world);
    discord.state.setBotPermissions(guild.news.id, { deny: ['EmbedLinks'] });
    await expect(channel.send({ embeds: [{ title: 'Digest' }] })).rejects.toMatchObject({
      status: 403,
      code: 50013,
    });
    await expect(channel.send({ content: 'plain text is fine' })).resolves.toBeTruthy();
    discord.state.setBotPermissions(guild.news.id, { deny: ['SendMessages'] });
    await expect(channel.send({ content: 'x' })).rejects.toMatchObject({ status: 403, code: 50013 });
    discord.state.setBotPermissions(guild.news.id, { deny: ['ViewChannel'] });
    await expect(channel.send({ content: 'x' })).rejects.toMatchObject({ status: 403, code: 50001 });
    // A role overwrite allowing it back wins over @everyone, a member overwrite over both.
    discord.state.setBotPermissions(guild.news.id, {});
    discord.state.setOverwrite(guild.news.id, { id: guild.id, type: 0, deny: ['SendMessages'] });
    await expect(channel.send({ content: 'x' })).rejects.toMatchObject({ code: 50013 });
    discord.state.setOverwrite(guild.news.id, { id: guild.roles.bot, type: 0, allow: ['SendMessages'] });
    await expect(channel.send({ content: 'role allows it' })).resolves.toBeTruthy();

    const other = discord.state.createChannel(guild.id, { name: 'gone' });
    discord.state.deleteChannel(other.id);
    await expect(
      client.rest.post(Routes.channelMessages(other.id), {
        body: { content: 'x', allowed_mentions: { parse: [] } },
      }),
    ).rejects.toMatchObject({ status: 404, code: 10003 });
    discord.state.removeBotFromGuild(guild.id);
    await expect(
      client.rest.post(Routes.channelMessages(guild.news.id), {
        body: { content: 'x', allowed_mentions: { parse: [] } },
      }),
    ).rejects.toMatchObject({ status: 403, code: 50001 });
    expect(discord.violations).toHaveLength(0);
  });

  test('rate-limit headers on every response; a client that obeys them never gets a 429', async () => {
    world = await startWorld({ rateLimits: { channelMessages: { limit: 3, windowMs: 400 } } });
    const { discord, guild } = world;
    const channel = news(world);
    const started = Date.now();
    await Promise.all(Array.from({ length: 7 }, (_, n) => channel.send({ content: `m${n}` })));
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(discord.channelMessages(guild.news.id)).toHaveLength(7);
    expect(discord.stats.rateLimited).toBe(0);

    await new Promise((r) => setTimeout(r, 450));
    // A client that ignores them is refused with 429 and told how long to wait.
    const answers = [];
    for (let n = 0; n < 4; n += 1) {
      answers.push(
        await raw(world, 'POST', `/channels/${guild.news.id}/messages`, {
          content: 'x',
          allowed_mentions: { parse: [] },
        }),
      );
    }
    const first = answers[0]!;
    expect(first.headers.get('x-ratelimit-limit')).toBe('3');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(Number(first.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
    expect(first.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
    const limited = answers[3]!;
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.json).toMatchObject({ message: 'You are being rate limited.', global: false });
    expect(discord.stats.rateLimitedByLimiter).toBe(1);
    // Other routes carry the headers too.
    const me = await raw(world, 'GET', '/users/@me');
    expect(me.headers.get('x-ratelimit-limit')).toBeTruthy();
  });

  test('the global limit answers 429 with X-RateLimit-Global', async () => {
    world = await startWorld({ rateLimits: { global: { limit: 5, windowMs: 1000 } } });
    const statuses = [];
    let globalHeader: string | null = null;
    for (let n = 0; n < 6; n += 1) {
      const r = await raw(world, 'GET', '/users/@me');
      statuses.push(r.status);
      if (r.status === 429) globalHeader = r.headers.get('x-ratelimit-global');
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(globalHeader).toBe('true');
    expect(world.discord.stats.rateLimitedGlobal).toBeGreaterThanOrEqual(1);
  });

  test('unknown routes, a wrong method and a missing token get Discord’s error shape', async () => {
    world = await startWorld();
    expect(await raw(world, 'GET', '/nope/123')).toMatchObject({
      status: 404,
      json: { message: '404: Not Found', code: 0 },
    });
    expect(await raw(world, 'PUT', '/users/@me')).toMatchObject({ status: 405, json: { code: 0 } });
    expect(await raw(world, 'GET', '/users/@me', undefined, false)).toMatchObject({
      status: 401,
      json: { message: '401: Unauthorized', code: 0 },
    });
    expect(
      await raw(world, 'GET', `/guilds/${world.guild.id}/members/${world.guild.moderator.id}`),
    ).toMatchObject({
      status: 200,
      json: { roles: [world.guild.roles.moderator] },
    });
    expect((await raw(world, 'GET', `/channels/999999999999999999`)).json).toEqual({
      message: 'Unknown Channel',
      code: 10003,
    });
  });

  test('command registration is validated (string default_member_permissions accepted, option order checked)', async () => {
    world = await startWorld();
    const { discord } = world;
    const ok = await raw(world, 'PUT', `/applications/${discord.applicationId}/commands`, [
      { name: 'about', description: 'About', default_member_permissions: '32', contexts: [0] },
    ]);
    expect(ok.status).toBe(200);
    expect(discord.commands.map((c) => c.name)).toEqual(['about']);
    const bad = await raw(world, 'PUT', `/applications/${discord.applicationId}/commands`, [
      {
        name: 'Quotes',
        description: 'Quotes',
        options: [
          { type: 3, name: 'story', description: 'Story' },
          { type: 3, name: 'speaker', description: 'Speaker', required: true },
        ],
      },
    ]);
    expect(bad.status).toBe(400);
    expect(discord.violations[0]?.issues.map((i) => i.code).sort()).toEqual([
      'APPLICATION_COMMAND_INVALID_NAME',
      'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
    ]);
    expect(discord.commands.map((c) => c.name)).toEqual(['about']);
  });

  test('a bad token is refused by REST (discord.js reports an invalid token)', async () => {
    world = await startWorld();
    const res = await fetch(`${world.discord.restUrl}/v10/gateway/bot`, {
      headers: { authorization: 'Bot wrong' },
    });
    expect(res.status).toBe(401);
  });
});
