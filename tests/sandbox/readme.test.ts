/**
 * The README's sandbox examples, run as written: the commands the quick start tells a newcomer to type on the
 * shipped story, the prompt's own `help` examples, and "A second story" from its article file to the
 * `npm run sandbox -- --run …` line and what the README says that line shows.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.ts';
import { HELP, splitWords } from '../../src/sandbox/parse.ts';
import { runScript } from '../../src/sandbox/prompt.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/session.ts';
import { ROOT, runTs, tempDir } from '../support/helpers.ts';
import { silentLogger } from '../support/log.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The text under a heading, up to the next heading of the same or a higher level. */
function section(heading: string): string {
  const level = /^#+/.exec(heading)![0].length;
  const start = README.indexOf(`\n${heading}\n`);
  expect(start, `README has "${heading}"`).toBeGreaterThanOrEqual(0);
  const rest = README.slice(start + heading.length + 2);
  const next = new RegExp(`\\n#{1,${level}} `).exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

/** The `--run` values of an `npm run sandbox … -- --run "…" …` line, as the shell would split it. */
function runsOf(line: string): string[] {
  const words = splitWords(line);
  if (!Array.isArray(words)) throw new Error(words.error);
  return words.flatMap((word, i) => (words[i - 1] === '--run' ? [word] : []));
}

/** What `runScript` prints, kept. */
async function run(sandbox: Sandbox, lines: string[]): Promise<{ status: number; output: string }> {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const status = await runScript(sandbox, lines, false, { output: stream, errors: stream });
  return { status, output: chunks.join('') };
}

describe('the quick start on the shipped story', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      base: defaultConfig({ ARTICLES_DIR: join(ROOT, 'data/articles') }),
      log: silentLogger(),
    });
  });
  afterAll(() => sandbox.stop());

  const quickStart = section('## Quick start');
  const prompt = quickStart.slice(quickStart.indexOf('- `npm run sandbox` starts'));
  const typed = [...prompt.slice(0, prompt.indexOf('\n- ')).matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

  it('answers every command the README tells a newcomer to type, and every --run example', async () => {
    const commands = typed.filter((t) => t.startsWith('/'));
    expect(commands).toContain('/quotes speaker:Putin');
    const scripted = quickStart
      .split('\n')
      .filter((line) => line.includes('npm run sandbox') && line.includes('--run'))
      .flatMap((line) => runsOf(line.slice(line.indexOf('`npm run sandbox') + 1).split('`')[0]!));
    expect(scripted).toEqual(['/quotes speaker:Putin', '/troops']);
    // The demo feed's bullet: `publish`, then the send-now that posts what it brought.
    const demo = quickStart.slice(quickStart.indexOf('- The sandbox also serves a demo feed'));
    const demoTyped = [...demo.slice(0, demo.indexOf('\n- ')).matchAll(/`([^`]+)`/g)]
      .map((m) => m[1]!)
      .filter((t) => t === 'publish' || t.startsWith('/config digest'));
    expect(demoTyped).toEqual(['publish', '/config digest send-now channel:#news story:port-alder-harbour']);
    const { status, output } = await run(sandbox, [...commands, ...scripted, ...demoTyped]);
    expect(output).not.toMatch(/There is no \/|Something went wrong|\(only you can see this\)\nNo/);
    expect(status).toBe(0);
    expect(output).toContain('Quotes from Vladimir Putin · Russia’s withdrawal from Syria');
    expect(output).toContain('Created the digest of **Russia’s withdrawal from Syria** in #news');
    expect(output).toContain('Posted the digest to #news');
    // The quick start's own send-now: the new digest's first post is the briefing the README describes.
    expect(commands).toContain('/config digest send-now channel:#news story:russia-syria-withdrawal');
    expect(output).toContain('**Briefing: Russia’s withdrawal from Syria**');
    expect(output).toContain('**Key quotes**');
  });

  it('says, as the README does, that the shipped story fits on one page, so press Next finds no button', async () => {
    expect(typed).toContain('press Next');
    expect(prompt).toContain('the shipped story fits on one page of each');
    const { output } = await run(sandbox, ['/quotes', 'press Next', '/timeline', 'press Next']);
    expect(output).toContain('page 1 of 1');
    expect(output.match(/The last reply has no buttons\./g)).toHaveLength(2);
  });

  it('answers every example the prompt’s help gives', async () => {
    const examples = HELP.split('\n')
      .flatMap((line) => line.split(/\s{2,}/))
      .map((part) => part.trim())
      .filter((part) => part.startsWith('/'));
    expect(examples.length).toBeGreaterThanOrEqual(8);
    // On a sandbox of its own, as a newcomer who types `help` first meets them: the quick start's own
    // `/config digest set` above already gave #news a digest that `set` would now ask about.
    const fresh = await startSandbox({
      base: defaultConfig({ ARTICLES_DIR: join(ROOT, 'data/articles') }),
      log: silentLogger(),
    });
    const { status, output } = await run(fresh, examples).finally(() => fresh.stop());
    expect(output).not.toMatch(/There is no \/|Something went wrong/);
    expect(status).toBe(0);
  });
});

describe('"A second story", as the README tells it', () => {
  const text = section('### A second story');
  const file = /`data\/articles\/([^`]+\.md)`/.exec(text)![1]!;
  const article = /```markdown\n([\s\S]*?)```/.exec(text)![1]!;
  const line = /```sh\n(npm run sandbox[^\n]*)\n```/.exec(text)![1]!;

  it('adds the story, pages its quotes, says where Putin is, and answers the default story once set', async () => {
    // A fresh clone's articles folder with the README's file added, and no database yet.
    const articles = tempDir();
    for (const name of readdirSync(join(ROOT, 'data/articles')))
      copyFileSync(join(ROOT, 'data/articles', name), join(articles, name));
    writeFileSync(join(articles, file), article);
    const args = splitWords(line.slice(line.indexOf(' -- ') + 4)) as string[];
    const result = await runTs('src/sandbox/cli.ts', args, {
      ARTICLES_DIR: articles,
      DATABASE_PATH: join(tempDir(), 'dispatch.db'),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const replies = result.stdout.split(/\n(?=> )/);
    const reply = (command: string, nth = 0) => replies.filter((r) => r.startsWith(`> ${command}\n`))[nth]!;
    expect(reply('/quotes')).toContain('Quotes · British troops in Estonia');
    expect(reply('/quotes')).toContain('page 1 of 2');
    expect(reply('press Next')).toContain('page 2 of 2');
    expect(reply('/quotes speaker:Putin', 0)).toContain(
      'Nobody called Putin is quoted in British troops in Estonia. Putin is quoted in Russia’s withdrawal from ' +
        'Syria (add `story:russia-syria-withdrawal`).',
    );
    expect(reply('/quotes speaker:Putin', 1)).toContain(
      'Quotes from Vladimir Putin · Russia’s withdrawal from Syria',
    );
    expect(reply('/troops story:uk-estonia-deployment')).toContain(
      'Force figures · British troops in Estonia',
    );
    // What the README says the line shows.
    expect(text).toContain('*Quotes · British troops in Estonia*, page 1 of 2');
  }, 90_000);
});
