import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../support/clock.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { silentLogger } from '../support/log.ts';
import type { LoopbackEmbed, LoopbackMessage } from '@dispatch/loopback-discord';
import { expectCleanTraffic, startHarness, type Harness } from './harness.ts';
import { tempDir } from '../support/helpers.ts';

const embedOf = (message: LoopbackMessage): LoopbackEmbed => (message.embeds as LoopbackEmbed[])[0]!;

/** A second story, newer than the seed, so it is what commands answer by default. */
const ESTONIA = [
  '---',
  'title: Britain to send troops to Estonia',
  'story: uk-estonia-deployment',
  'story_title: British troops in Estonia',
  'published: 2016-03-20',
  '---',
  '# Britain to send troops to Estonia',
  '',
  'Britain will send about 150 soldiers to Estonia next year, Defence Secretary Michael Fallon said on Sunday.',
  '',
  '"We are committed to the security of our allies," Fallon said.',
].join('\n');

let h: Harness;
beforeAll(async () => {
  const dir = tempDir();
  const file = join(dir, 'estonia.md');
  writeFileSync(file, ESTONIA);
  h = await startHarness();
  await ingestPaths(
    {
      store: h.store,
      clock: new ManualClock('2024-05-02T12:00:00Z'),
      log: silentLogger(),
      maxArticleBytes: 1 << 20,
    },
    [file],
  );
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expectCleanTraffic(h.discord);
  h.discord.resetRecords();
});

const run = (line: string, user = h.guild.member, channelId = h.guild.news.id) =>
  h.discord.interactText(line, { user, channelId });

describe('with a second story, a reply says which story it answers and where else the answer is', () => {
  it('/quotes speaker:Putin answers privately that Putin is quoted in the other story, naming both', async () => {
    const result = await run('/quotes speaker:Putin');
    expect(result.ephemeral).toBe(true);
    expect(result.text).toContain(
      'Nobody called Putin is quoted in British troops in Estonia. Putin is quoted in Russia’s withdrawal from ' +
        'Syria (add `story:russia-syria-withdrawal`).',
    );
  });

  it('/search without story searches every story, and says which story each match is in', async () => {
    const result = await run('/search query:Putin');
    expect(result.ephemeral).toBe(false);
    const embed = embedOf(result.reply);
    expect(embed.footer!.text).toBe('every story · newest matches first');
    expect(embed.fields!.find((f) => f.name === 'Quotes')!.value).toContain(
      '· in Russia’s withdrawal from Syria',
    );
  });

  it('/search in a story without the words says so privately and names the story that has them', async () => {
    const result = await run('/search query:Putin story:uk-estonia-deployment');
    expect(result.ephemeral).toBe(true);
    expect(result.text).toContain(
      'Nothing matched “Putin” in British troops in Estonia. It is found in Russia’s withdrawal from Syria ' +
        '(add `story:russia-syria-withdrawal`), or leave out `story` to search every story.',
    );
    const nowhere = await run('/search query:zebra');
    expect(nowhere.ephemeral).toBe(true);
    expect(nowhere.text).toContain('Nothing matched “zebra” in any story.');
  });

  it('"nothing found" is private everywhere: /quotes speaker:Obama and /who person:Nobody', async () => {
    const quotes = await run('/quotes speaker:Obama story:russia-syria-withdrawal');
    expect(quotes.ephemeral).toBe(true);
    expect(quotes.text).toContain('Nobody called Obama is quoted in Russia’s withdrawal from Syria.');
    const who = await run('/who person:Nobody');
    expect(who.ephemeral).toBe(true);
    expect(who.text).toContain('Nobody called "Nobody" is named in British troops in Estonia.');
  });

  it('/config story default sets what the server, or one channel, answers; /about shows it', async () => {
    const set = await run('/config story default story:russia-syria-withdrawal', h.guild.moderator);
    expect(set.ephemeral).toBe(true);
    expect(set.text).toContain(
      'Commands in this server now answer **Russia’s withdrawal from Syria** (`russia-syria-withdrawal`)',
    );
    const quotes = await run('/quotes speaker:Putin');
    expect(embedOf(quotes.reply).title).toBe('Quotes from Vladimir Putin · Russia’s withdrawal from Syria');
    const about = await run('/about');
    expect(about.text).toContain('`russia-syria-withdrawal` — Russia’s withdrawal from Syria (the default)');

    const channel = h.discord.state.createChannel(h.guild.id, { name: 'baltic' });
    await run(`/config story default story:uk-estonia-deployment channel:#baltic`, h.guild.moderator);
    const there = await run('/summary', h.guild.member, channel.id);
    expect(embedOf(there.reply).author!.name).toBe('British troops in Estonia');
    const here = await run('/summary');
    expect(embedOf(here.reply).author!.name).toBe('Russia’s withdrawal from Syria');
  });

  it('/config story rename gives a story a new title that every reply then uses', async () => {
    const renamed = await run(
      '/config story rename story:uk-estonia-deployment title:"The British deployment to Estonia"',
      h.guild.moderator,
    );
    expect(renamed.text).toContain(
      'Renamed `uk-estonia-deployment`: **British troops in Estonia** is now **The British deployment to Estonia**.',
    );
    const summary = await run('/summary story:uk-estonia-deployment');
    expect(embedOf(summary.reply).author!.name).toBe('The British deployment to Estonia');
    // Even where a server owner opens /config to everyone, a member without Manage Server cannot rename.
    const member = await h.discord.interact({
      command: 'config story rename',
      options: { story: 'uk-estonia-deployment', title: 'Mine' },
      user: h.guild.member,
      channelId: h.guild.news.id,
      overrideCommandPermissions: true,
    });
    expect(member.ephemeral).toBe(true);
    expect(h.store.stories.bySlug('uk-estonia-deployment')!.title).toBe('The British deployment to Estonia');
  });
});
