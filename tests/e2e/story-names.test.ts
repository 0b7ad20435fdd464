/**
 * Every reply names the story it answers, through the real client on the loopback Discord, with two stories
 * stored: the one a command falls back to (the newest) and one named with `story:`. A member who did not pick
 * the story can always tell which one they are reading.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackEmbed, LoopbackMessage } from '@dispatch/loopback-discord';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { ManualClock } from '../support/clock.ts';
import { tempDir } from '../support/helpers.ts';
import { silentLogger } from '../support/log.ts';
import { expectCleanTraffic, startHarness, type Harness } from './harness.ts';

const SYRIA = 'Russia’s withdrawal from Syria';
const ESTONIA = 'British troops in Estonia';

/** The newer story, with seven quotes, so its quotes have a second page. */
const ARTICLE = `---
title: Britain to send troops to Estonia
story: uk-estonia-deployment
story_title: ${ESTONIA}
published: 2016-03-20
---
Britain will send about 150 soldiers to Estonia next year, Defence Secretary Michael Fallon said on Sunday.

"We are committed to the security of our allies," Fallon said. "This is a clear signal."

Estonian Prime Minister Taavi Roivas welcomed the decision. "Allied troops on our soil are the best deterrent," Roivas said.

"The battalion will rotate every six months," said General Nick Carter, the head of the British Army.

Fallon said the deployment would also include four Typhoon jets. "Our pilots will patrol the Baltic skies," he said.
`;

const embedOf = (message: LoopbackMessage): LoopbackEmbed => (message.embeds as LoopbackEmbed[])[0]!;

let h: Harness;
beforeAll(async () => {
  const file = join(tempDir(), 'estonia.md');
  writeFileSync(file, ARTICLE);
  h = await startHarness();
  const ctx = { store: h.store, clock: new ManualClock('2024-05-02T12:00:00Z'), log: silentLogger() };
  await ingestPaths({ ...ctx, maxArticleBytes: 1 << 20 }, [file]);
});
afterAll(() => h.close());
afterEach(() => {
  expectCleanTraffic(h.discord);
  h.discord.resetRecords();
});

const run = (line: string) =>
  h.discord.interactText(line, { user: h.guild.member, channelId: h.guild.news.id });

describe('every reply names the story it answers', () => {
  const commands = ['/summary', '/troops', '/quotes', '/quotes speaker:Fallon', '/timeline', '/who'];
  for (const command of commands) {
    it(`${command} names the default story, and the one named with story:`, async () => {
      const fallback = await run(command);
      expect(fallback.text).toContain(ESTONIA);
      expect(fallback.text).not.toContain(SYRIA);
      const named = await run(`${command} story:russia-syria-withdrawal`);
      // `/quotes speaker:Fallon` in Syria finds nobody: the private reply names where it looked, and where he is.
      expect(named.text).toContain(SYRIA);
      if (command !== '/quotes speaker:Fallon') expect(named.text).not.toContain(ESTONIA);
    });
  }

  it('/who person names the story the person was found in, and the one they were not', async () => {
    expect((await run('/who person:Fallon')).text).toContain(ESTONIA);
    expect((await run('/who person:Ozerov story:russia-syria-withdrawal')).text).toContain(SYRIA);
    const missing = await run('/who person:Ozerov');
    expect(missing.ephemeral).toBe(true);
    expect(missing.text).toContain(`Nobody called "Ozerov" is named in ${ESTONIA}.`);
    expect(missing.text).toContain(SYRIA);
  });

  it('a page turned with Next still names its story', async () => {
    const first = await run('/quotes');
    expect(embedOf(first.reply).footer!.text).toContain('page 1 of 2');
    const next = (first.reply.components ?? [])
      .flatMap((row) => (row as { components?: { label: string; custom_id: string }[] }).components ?? [])
      .find((b) => b.label === 'Next')!;
    const second = await h.discord.clickButton({ message: first.message, customId: next.custom_id });
    expect(embedOf(second.reply).footer!.text).toContain('page 2 of 2');
    expect(second.text).toContain(ESTONIA);
  });

  it('/search in one story names it; across stories, every match names its own story', async () => {
    const one = await run('/search query:troops story:uk-estonia-deployment');
    expect(embedOf(one.reply).footer!.text).toContain(ESTONIA);
    const all = embedOf((await run('/search query:troops')).reply);
    const matches = all.fields!.flatMap((f) =>
      f.name === 'Articles' ? f.value.split('\n').filter((_line, i) => i % 2 === 0) : f.value.split('\n'),
    );
    expect(matches.length).toBeGreaterThanOrEqual(3);
    for (const match of matches) expect(match).toMatch(new RegExp(` · in (${ESTONIA}|${SYRIA})$`));
    expect(matches.some((m) => m.endsWith(`in ${ESTONIA}`))).toBe(true);
    expect(matches.some((m) => m.endsWith(`in ${SYRIA}`))).toBe(true);
  });

  it('/about lists the stories and says which one commands answer by default', async () => {
    const about = embedOf((await run('/about')).reply);
    const stories = about.fields!.find((f) => f.name === 'Stories you can ask about')!.value;
    expect(stories).toContain(`\`uk-estonia-deployment\` — ${ESTONIA} (the default)`);
    expect(stories).toContain(`\`russia-syria-withdrawal\` — ${SYRIA}`);
  });
});
