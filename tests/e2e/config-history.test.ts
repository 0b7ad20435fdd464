/**
 * `/config history` end to end: the audit log reads as a moderator would say it — channels and roles as
 * Discord shows them, schedules in words, states as words — never as stored field names and raw ids.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pauseForError } from '../../src/digest/deliver.ts';
import { expectCleanTraffic, startDigestHarness, type DigestHarness } from './digest-harness.ts';

let h: DigestHarness;
beforeAll(async () => {
  h = await startDigestHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expectCleanTraffic(h.discord);
  h.discord.resetRecords();
});

describe('/config history', () => {
  it('shows what changed in the words of /config, with channels and roles as mentions', async () => {
    const news = h.guild.news.id;
    const role = h.guild.roles.moderator;
    await h.asModerator('/config digest set channel:#news schedule:hourly');
    await h.asModerator(`/config digest set channel:#news schedule:"0 9 * * 1-5" mention_role:<@&${role}>`);
    await h.asModerator('/config digest pause channel:#news');
    const [subscription] = h.store.subscriptions.byChannel(h.guild.id, news);
    pauseForError(h.bot.ctx, subscription!, 'the channel was deleted');

    const history = await h.asModerator('/config history');
    expect(history.ephemeral).toBe(true);
    const description = (history.reply.embeds as { description: string }[])[0]!.description;
    const lines = description.split('\n');
    const after = (action: string) => lines[lines.findIndex((line) => line.includes(`**${action}**`)) + 1];

    expect(lines.find((line) => line.includes('**created the digest**'))).not.toContain(`<#${news}>`);
    expect(after('created the digest')).toBe(
      `channel <#${news}> · story \`russia-syria-withdrawal\` · schedule every hour (\`hourly\`) · timezone \`UTC\` · ` +
        'role none · when nothing is new posts nothing · state active · pause reason none',
    );
    expect(lines.find((line) => line.includes('**changed the digest**'))).toContain(`in <#${news}>`);
    expect(after('changed the digest')).toBe(
      'schedule: every hour (`hourly`) → at 09:00, Monday through Friday (`0 9 * * 1-5`) · ' +
        `role: none → <@&${role}>`,
    );
    expect(after('paused the digest')).toBe('state: active → paused');
    const automatic = lines.find((line) => line.includes('which could not be delivered'))!;
    expect(automatic).toMatch(
      new RegExp(`· Dispatch · \\*\\*paused the digest, which could not be delivered\\*\\* in <#${news}>$`),
    );
    expect(after('paused the digest, which could not be delivered')).toBe(
      'pause reason: none → the channel was deleted',
    );

    // Nothing a moderator never typed: no field names, no bare ids outside a mention.
    expect(description).not.toMatch(/channelId|mentionRoleId|pauseReason|digest\.|cron|->/);
    expect(description.replace(/<[#@&!]*\d+>|<t:\d+(:\w)?>/g, '')).not.toMatch(/\d{15,}/);
  });
});
