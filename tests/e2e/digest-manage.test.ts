/**
 * Managing many digests through the real discord.js client and the loopback Discord: the server's limit under a
 * burst of concurrent `/config digest set`, naming a digest by its id (also one whose channel was deleted), and
 * which digest `set` changes when a channel has several.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanTraffic, startDigestHarness, type DigestHarness } from './digest-harness.ts';

const LIMIT = 10;

let h: DigestHarness;
beforeAll(async () => {
  h = await startDigestHarness({ config: { MAX_SUBSCRIPTIONS_PER_GUILD: String(LIMIT) } });
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expectCleanTraffic(h.discord);
  h.discord.resetRecords();
  // Each test starts from a server without digests.
  for (const s of h.store.subscriptions.byGuild(h.guild.id)) h.store.subscriptions.remove(s.id);
});

/** Creates `count` text channels and waits until the bot's cache has them all. */
async function channels(prefix: string, count: number) {
  const created = Array.from({ length: count }, (_, i) =>
    h.discord.state.createChannel(h.guild.id, { name: `${prefix}-${i}` }),
  );
  await expect.poll(() => created.every((c) => h.bot.client.channels.cache.has(c.id))).toBe(true);
  return created;
}

describe('the server limit holds under concurrent /config digest set', () => {
  it(`25 moderators' commands at once with a limit of ${LIMIT}: exactly ${LIMIT} stored, the rest refused clearly`, async () => {
    const targets = await channels('burst', 25);
    const results = await Promise.all(
      targets.map((c) => h.asModerator(`/config digest set channel:<#${c.id}> schedule:"daily 09:00"`)),
    );
    const created = results.filter((r) => /Created the digest/.test(r.text));
    const refused = results.filter((r) => !/Created the digest/.test(r.text));
    expect(created).toHaveLength(LIMIT);
    expect(refused).toHaveLength(25 - LIMIT);
    for (const r of refused) {
      expect(r.ephemeral).toBe(true);
      expect(r.text).toMatch(
        new RegExp(
          `^\\(only you can see this\\)\\nThis server already has ${LIMIT} digests, the most allowed\\. ` +
            'Remove one with `/config digest remove` first',
        ),
      );
    }
    expect(h.store.subscriptions.countByGuild(h.guild.id)).toBe(LIMIT);
    expect(h.store.audit.byGuild(h.guild.id).filter((e) => e.action === 'digest.create')).toHaveLength(LIMIT);
    // Every stored digest is one whose command was answered "Created".
    const createdChannels = created.map((r) => /in <#(\d+)>/.exec(r.text)![1]).sort();
    expect(
      h.store.subscriptions
        .byGuild(h.guild.id)
        .map((s) => s.channelId)
        .sort(),
    ).toEqual(createdChannels);
  });
});

describe('timezones are stored under their canonical name', () => {
  it('`europe/berlin` is stored, shown and made the server default as `Europe/Berlin`', async () => {
    const [channel] = await channels('berlin', 1);
    const result = await h.asModerator(
      `/config digest set channel:<#${channel!.id}> schedule:"daily 09:00" timezone:europe/berlin`,
    );
    expect(result.text).toContain('`daily 09:00` (Europe/Berlin)');
    expect(h.store.subscriptions.byChannel(h.guild.id, channel!.id)).toMatchObject([
      { timezone: 'Europe/Berlin', nextRunAt: '2026-03-03T08:00:00.000Z' },
    ]);
    expect(h.store.subscriptions.guildTimezone(h.guild.id)).toBe('Europe/Berlin');
  });
});
