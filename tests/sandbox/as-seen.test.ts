import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackDiscord, type LoopbackDiscord } from '@dispatch/loopback-discord';
import { asSeen } from '../../src/sandbox/prompt.ts';

let discord: LoopbackDiscord;
beforeAll(async () => {
  discord = await startLoopbackDiscord();
});
afterAll(() => discord.close());

describe('the sandbox shows replies as a Discord client would', () => {
  it('names channels, roles and users, dates timestamps, and drops markdown escapes', () => {
    const guild = discord.state.createGuild({ name: 'Seen' });
    const text =
      `Posted in <#${guild.news.id}> for <@&${guild.roles.moderator}> by <@${guild.moderator.id}> ` +
      'at <t:1795680000:R>: S\\-400 \\*not bold\\*';
    expect(asSeen({ discord }, text)).toBe(
      `Posted in #${guild.news.name} for @Moderator by @${guild.moderator.username} ` +
        'at 2026-11-26 08:00 UTC: S-400 *not bold*',
    );
  });

  it('leaves mentions of things it does not know as they are', () => {
    expect(asSeen({ discord }, '<#1> <@&2> <@3>')).toBe('<#1> <@&2> <@3>');
  });
});
