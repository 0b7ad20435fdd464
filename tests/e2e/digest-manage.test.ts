/**
 * Managing many digests through the real discord.js client and the loopback Discord: the server's limit under a
 * burst of concurrent `/config digest set`, naming a digest by its id (also one whose channel was deleted), and
 * which digest `set` changes when a channel has several.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanTraffic, startDigestHarness, STORY, type DigestHarness } from './digest-harness.ts';

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
  }, 30_000);
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

const TITLE = 'Russia’s withdrawal from Syria';

describe('a digest can be named by its id, picked from a list that includes one whose channel is gone', () => {
  it('pauses a digest picked by id, then removes it by id after its channel was deleted', async () => {
    const [keep, doomed] = await channels('pick', 2);
    for (const c of [keep!, doomed!]) {
      const created = await h.asModerator(`/config digest set channel:<#${c.id}> schedule:"daily 09:00"`);
      expect(created.text).toContain('Created the digest');
    }
    const [kept] = h.store.subscriptions.byChannel(h.guild.id, keep!.id);
    const [target] = h.store.subscriptions.byChannel(h.guild.id, doomed!.id);
    const pick = (command: string, typed: string) =>
      h.discord.autocomplete({
        command,
        focused: 'digest',
        options: { digest: typed },
        user: h.guild.moderator,
      });
    expect(await pick('config digest pause', '')).toEqual([
      { name: `${TITLE} · daily 09:00 · #pick-0`, value: kept!.id },
      { name: `${TITLE} · daily 09:00 · #pick-1`, value: target!.id },
    ]);
    expect(await pick('config digest pause', 'PICK-1')).toEqual([
      { name: `${TITLE} · daily 09:00 · #pick-1`, value: target!.id },
    ]);

    const paused = await h.asModerator(`/config digest pause digest:${target!.id}`);
    expect(paused.ephemeral).toBe(true);
    expect(paused.text).toContain(`Paused the digest in <#${doomed!.id}>`);

    h.discord.state.deleteChannel(doomed!.id);
    await expect.poll(() => h.bot.client.channels.cache.has(doomed!.id)).toBe(false);
    expect(await pick('config digest remove', 'deleted')).toEqual([
      { name: `${TITLE} · daily 09:00 · deleted channel · paused`, value: target!.id },
    ]);
    const removed = await h.asModerator(`/config digest remove digest:${target!.id}`);
    expect(removed.ephemeral).toBe(true);
    expect(removed.text).toContain('Removed the digest');
    expect(h.store.subscriptions.byId(target!.id)).toBeUndefined();
    expect(h.store.subscriptions.byGuild(h.guild.id).map((s) => s.id)).toEqual([kept!.id]);
    expect(
      h.store.audit
        .byGuild(h.guild.id)
        .filter((e) => e.subscriptionId === target!.id)
        .map((e) => e.action)
        // Newest first; SQLite reuses the id of a digest an earlier test removed.
        .slice(0, 3),
    ).toEqual(['digest.remove', 'digest.pause', 'digest.create']);
  });

  it('refuses an id that is not one of this server’s digests, and asks which digest when none is named', async () => {
    const other = await h.addGuild('Other server');
    const elsewhere = h.store.subscriptions.create(
      {
        guildId: other.id,
        channelId: other.news.id,
        storyId: h.store.stories.bySlug(STORY)!.id,
        schedule: 'hourly',
        cron: '0 * * * *',
        timezone: 'UTC',
        mentionRoleId: null,
        quiet: true,
        nextRunAt: new Date('2026-03-02T13:00:00Z'),
      },
      'test',
      h.clock.now(),
    );
    const foreign = await h.asModerator(`/config digest remove digest:${elsewhere.id}`);
    expect(foreign.ephemeral).toBe(true);
    expect(foreign.text).toMatch(
      new RegExp(`This server has no digest number ${elsewhere.id}\\. Pick one from the list`),
    );
    expect(h.store.subscriptions.byId(elsewhere.id)).toBeDefined();
    const neither = await h.asModerator('/config digest pause');
    expect(neither.ephemeral).toBe(true);
    expect(neither.text).toMatch(/Which digest\? Give its `channel`, or pick it in `digest`/);
    h.store.subscriptions.remove(elsewhere.id);
  });
});

describe('/config digest set without story, in a channel with digests of two stories', () => {
  it('asks which one, listing them, and changes nothing; with story it changes that one', async () => {
    await h.ingestArticle(
      'estonia.md',
      `---\ntitle: UK sends troops to Estonia\nstory: uk-estonia\nstory_title: The UK in Estonia\npublished: 2016-03-20\n---\n\nBritain will send 500 troops to Estonia, the defence secretary said on Sunday.\n`,
    );
    const [both] = await channels('both', 1);
    for (const story of [STORY, 'uk-estonia']) {
      const created = await h.asModerator(
        `/config digest set channel:<#${both!.id}> schedule:"daily 09:00" story:${story}`,
      );
      expect(created.text).toContain('Created the digest');
    }
    const before = h.store.subscriptions.byChannel(h.guild.id, both!.id);
    const asked = await h.asModerator(`/config digest set channel:<#${both!.id}> schedule:"daily 18:00"`);
    expect(asked.ephemeral).toBe(true);
    expect(asked.text).toBe(
      '(only you can see this)\n' +
        `<#${both!.id}> has digests of several stories: ${TITLE} (\`story:${STORY}\`), ` +
        'The UK in Estonia (`story:uk-estonia`). Name one with `story`.',
    );
    expect(h.store.subscriptions.byChannel(h.guild.id, both!.id)).toEqual(before);

    const changed = await h.asModerator(
      `/config digest set channel:<#${both!.id}> schedule:"daily 18:00" story:uk-estonia`,
    );
    expect(changed.text).toContain('Changed the digest of **The UK in Estonia**');
    expect(h.store.subscriptions.byChannel(h.guild.id, both!.id).map((s) => [s.storyId, s.schedule])).toEqual(
      [
        [h.store.stories.bySlug(STORY)!.id, 'daily 09:00'],
        [h.store.stories.bySlug('uk-estonia')!.id, 'daily 18:00'],
      ],
    );
  });
});
