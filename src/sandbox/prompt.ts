/**
 * The sandbox's terminal front end: a prompt where a person types slash commands and reads the bot's
 * replies as text, and the `--run` mode that does the same for scripts. It writes to the streams it is given
 * (the terminal's, from `cli.ts`; a test's own), never to `console`; the bot's own logs go to stderr.
 */
import { createInterface } from 'node:readline';
import {
  renderMessageAsText,
  type LoopbackComponent,
  type LoopbackMessage,
  type LoopbackUser,
} from '@dispatch/loopback-discord';
import { HELP, parseLine, type PromptLine } from './parse.ts';
import type { Sandbox } from './session.ts';

/** Where the prompt reads lines and writes: replies on `output`, what went wrong on `errors`. */
export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
}

/** Writes `text` and a line break. */
const println = (stream: NodeJS.WritableStream, text: string): void => void stream.write(`${text}\n`);

/** What one line produced: text for a person, and the message payload for `--json`. */
export interface LineResult {
  text: string;
  json: unknown;
  ok: boolean;
}

/** The buttons of a message, flattened out of their action rows. */
function buttonsOf(message: LoopbackMessage): LoopbackComponent[] {
  const walk = (components: LoopbackComponent[] | undefined): LoopbackComponent[] =>
    (components ?? []).flatMap((c) => (c.type === 2 ? [c] : walk(c.components)));
  return walk(message.components as LoopbackComponent[] | undefined);
}

/**
 * Who types a command: the member, except for commands Discord only shows to members with a permission
 * (`default_member_permissions`, e.g. `/config` needs Manage Server), which the moderator runs.
 */
function invokerFor(sandbox: Sandbox, command: string): LoopbackUser {
  const name = command.replace(/^\//, '').split(' ')[0];
  const registered = sandbox.discord.commandsFor(sandbox.guild.id).find((c) => c.name === name);
  return registered?.default_member_permissions ? sandbox.guild.moderator : sandbox.guild.member;
}

/** Runs one parsed line against the sandbox. `last` is the message the next `press` acts on. */
export async function runLine(
  sandbox: Sandbox,
  line: string,
  parsed: PromptLine,
  session: { last?: LoopbackMessage },
): Promise<LineResult | null> {
  const { discord, guild } = sandbox;
  const fail = (text: string): LineResult => ({ text, json: { error: text }, ok: false });
  switch (parsed.kind) {
    case 'empty':
      return null;
    case 'help':
      return { text: HELP, json: { help: HELP }, ok: true };
    case 'quit':
      return null;
    case 'publish':
      return publish(sandbox);
    case 'error':
      return fail(parsed.message);
    case 'autocomplete': {
      const choices = await discord.autocomplete({
        command: parsed.command,
        options: parsed.options,
        focused: parsed.focused,
        channelId: guild.news.id,
        user: invokerFor(sandbox, parsed.command),
      });
      const text =
        choices.length === 0
          ? `(no suggestions for ${parsed.focused})`
          : choices.map((c) => `  ${c.name}  →  ${parsed.focused}:${String(c.value)}`).join('\n');
      return { text, json: { choices }, ok: true };
    }
    case 'press': {
      const message = session.last;
      if (!message) return fail('No reply to press a button on yet: run a command first.');
      const buttons = buttonsOf(message);
      const button = buttons.find((b) => b.label?.toLowerCase() === parsed.label.toLowerCase());
      if (!button?.custom_id) {
        const labels = buttons.map((b) => b.label).filter(Boolean);
        return fail(
          labels.length > 0
            ? `No button "${parsed.label}" on the last reply; it has: ${labels.join(', ')}`
            : 'The last reply has no buttons.',
        );
      }
      if (button.disabled) return fail(`The "${button.label}" button is disabled.`);
      const result = await discord.clickButton({
        message,
        customId: button.custom_id,
        channelId: guild.news.id,
      });
      session.last = result.message;
      return {
        text: result.text,
        json: result.reply,
        ok: !sandbox.failures.has(String(result.interaction.id)),
      };
    }
    case 'command': {
      // Discord offers only registered commands; typing another one is the person's mistake, not a request.
      const name = parsed.command.split(' ')[0]!;
      const registered = discord.commandsFor(guild.id).map((c) => c.name);
      if (!registered.includes(name)) {
        return fail(`There is no /${name} command. Commands: ${registered.map((n) => `/${n}`).join(' ')}`);
      }
      const result = await discord.interactText(line.trim(), {
        channelId: guild.news.id,
        user: invokerFor(sandbox, parsed.command),
      });
      session.last = result.message;
      const failed = sandbox.failures.has(String(result.interaction.id));
      return { text: result.text, json: result.reply, ok: !failed };
    }
  }
}

/** `publish`: the demo feed's next item, fetched by the bot at once, and what to type to see it in a digest. */
async function publish(sandbox: Sandbox): Promise<LineResult> {
  const { demoFeed, guild } = sandbox;
  const published = await sandbox.publish();
  if (!published) {
    const text = `Every item of the demo feed is out already; restart the sandbox to publish them again.`;
    return { text, json: { error: text }, ok: false };
  }
  const { report } = published;
  const fetched =
    report?.status === 'ok'
      ? `The bot fetched the feed: ${report.new} new, ${report.updated} updated, ${report.unchanged} already stored.`
      : `The bot could not fetch the feed: ${report?.error ?? 'the feed is not followed'}.`;
  const channel = `#${guild.news.name}`;
  const text =
    `Published "${published.title}" (${published.link}) to ${demoFeed.title} (${demoFeed.url}). ${fetched}\n` +
    `Post the digest of ${channel} now: /config digest send-now channel:${channel} story:${demoFeed.story} ` +
    `(it also goes out on its hourly schedule). ${demoFeed.remaining()} more to publish.`;
  return {
    text,
    json: { published: { title: published.title, link: published.link, feed: demoFeed.url }, report },
    ok: report?.status === 'ok' && report.new === 1,
  };
}

/**
 * `--run` mode: runs each line, prints each reply (a JSON line per reply with `json`), and returns the exit
 * status: 0 when every line ran, 1 when a line was not understood, named no registered command, or the bot
 * answered it with an error (a mistake to fix, such as an unknown story, or a failure on its side).
 */
export async function runScript(
  sandbox: Sandbox,
  lines: string[],
  json: boolean,
  streams: Pick<PromptStreams, 'output' | 'errors'>,
): Promise<number> {
  const { output, errors } = streams;
  const session: { last?: LoopbackMessage } = {};
  let status = 0;
  // Messages the bot posts to channels (digests) while a line runs are printed after its reply.
  const posted: LoopbackMessage[] = [];
  const onPosted = (message: LoopbackMessage) => posted.push(message);
  sandbox.discord.on('message', onPosted);
  for (const line of lines) {
    try {
      const result = await runLine(sandbox, line, parseLine(line), session);
      if (!result) continue;
      if (!result.ok) status = 1;
      if (json) println(output, JSON.stringify(result.json));
      else println(output, `> ${line}\n${asSeen(sandbox, result.text)}\n`);
      for (const message of posted.splice(0)) {
        if (json) println(output, JSON.stringify({ posted: message }));
        else
          println(
            output,
            `${postedHeading(sandbox, message)}\n${asSeen(sandbox, renderMessageAsText(message))}\n`,
          );
      }
    } catch (error) {
      status = 1;
      const message = (error as Error).message;
      if (json) println(output, JSON.stringify({ error: message }));
      else println(errors, `> ${line}\n${message}\n`);
    }
  }
  sandbox.discord.off('message', onPosted);
  return status;
}

/** `── the bot posted in #news ──`: the heading of a channel message the bot posted. */
function postedHeading(sandbox: Sandbox, message: LoopbackMessage): string {
  const name = sandbox.discord.state.channels.get(message.channel_id)?.name ?? message.channel_id;
  return `── the bot posted in #${name} ──`;
}

/**
 * Shows rendered text the way a Discord client displays it: `<#id>` as `#news`, `<@&id>` as `@role`, `<@id>` as
 * `@user`, `<t:…>` timestamps as dates, and markdown escapes (`S\\-400`) as the plain characters.
 */
export function asSeen(sandbox: Pick<Sandbox, 'discord'>, text: string): string {
  const { state } = sandbox.discord;
  const role = (id: string) => [...state.guilds.values()].map((g) => g.roles.get(id)?.name).find(Boolean);
  return text
    .replace(/<#(\d+)>/g, (raw, id: string) =>
      state.channels.has(id) ? `#${state.channels.get(id)!.name}` : raw,
    )
    .replace(/<@&(\d+)>/g, (raw, id: string) => (role(id) ? `@${role(id)}` : raw))
    .replace(/<@!?(\d+)>/g, (raw, id: string) =>
      state.users.has(id) ? `@${state.users.get(id)!.username}` : raw,
    )
    .replace(/<t:(\d+)(?::[tTdDfFR])?>/g, (_raw, seconds: string) =>
      new Date(Number(seconds) * 1000)
        .toISOString()
        .replace('T', ' ')
        .replace(/:\d\d\.\d+Z$/, ' UTC'),
    )
    .replace(/\\([^\w\s])/g, '$1');
}

/** The interactive prompt; resolves when the person quits (or closes the input). */
export async function runPrompt(sandbox: Sandbox, streams: PromptStreams): Promise<void> {
  const { discord, guild } = sandbox;
  const { input, output } = streams;
  const onMessage = (message: LoopbackMessage) => {
    println(
      output,
      `\n${postedHeading(sandbox, message)}\n${asSeen(sandbox, renderMessageAsText(message))}\n`,
    );
  };
  discord.on('message', onMessage);
  println(
    output,
    `Dispatch sandbox: the real bot, a loopback Discord, and "${guild.name}" with #${guild.news.name}, ` +
      `@${guild.moderator.username} (moderator) and you, @${guild.member.username} ` +
      `(commands for moderators, such as /config, run as @${guild.moderator.username}).\n` +
      `Commands: ${[...sandbox.bot.commands.keys()].map((n) => `/${n}`).join(' ')}\n` +
      `The server follows a demo feed, ${sandbox.demoFeed.title} (${sandbox.demoFeed.url}), with an hourly ` +
      `digest of its story in #${guild.news.name}: type publish to add an item to the feed.\n` +
      `Type help for more, quit to leave.\n`,
  );
  const rl = createInterface({ input, output, prompt: 'dispatch> ' });
  const session: { last?: LoopbackMessage } = {};
  rl.prompt();
  try {
    for await (const line of rl) {
      const parsed = parseLine(line);
      if (parsed.kind === 'quit') break;
      try {
        const result = await runLine(sandbox, line, parsed, session);
        if (result) println(output, `${asSeen(sandbox, result.text)}\n`);
      } catch (error) {
        println(output, `(failed) ${(error as Error).message}\n`);
      }
      rl.prompt();
    }
  } finally {
    discord.off('message', onMessage);
    rl.close();
  }
}
