import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/config.ts';
import { createSandboxLogger } from '../../src/sandbox/log.ts';
import { runPrompt, runScript } from '../../src/sandbox/prompt.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/session.ts';
import { SEED_FILE } from '../support/helpers.ts';

/** A stream that keeps what is written to it. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

let dir: string;
let sandbox: Sandbox;
const logged = collector();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-prompt-'));
  copyFileSync(SEED_FILE, join(dir, 'seed.txt'));
  writeFileSync(join(dir, 'bad-date.md'), '---\ntitle: A bad date\npublished: 2016-02-30\n---\nBody text.\n');
  sandbox = await startSandbox({
    base: defaultConfig({ ARTICLES_DIR: dir }),
    log: createSandboxLogger('warn', logged.stream),
  });
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the sandbox prompt', () => {
  it('shows a file the bot refused at boot as `npm run ingest` does, not as a JSON log record', () => {
    const lines = logged.text().split('\n').filter(Boolean);
    expect(lines).toContain(
      `${join(dir, 'bad-date.md')}: rejected: front matter published: must be a date like 2016-03-15: "2016-02-30" is not a day on the calendar`,
    );
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
  });

  it('shows a refusal once, and again when its reason changes', () => {
    const seen = collector();
    const log = createSandboxLogger('warn', seen.stream);
    const refuse = (reason: string) => log.warn({ file: 'a.md', status: 'rejected', reason }, 'ingest');
    refuse('front matter title: missing');
    refuse('front matter title: missing');
    refuse('the file is empty');
    log.warn({ dir: 'data/articles' }, 'something else');
    const lines = seen.text().split('\n').filter(Boolean);
    expect(lines.slice(0, 2)).toEqual([
      'a.md: rejected: front matter title: missing',
      'a.md: rejected: the file is empty',
    ]);
    expect(JSON.parse(lines[2]!)).toMatchObject({ msg: 'something else', dir: 'data/articles' });
    expect(lines).toHaveLength(3);
  });

  it('writes the replies of --run to the stream it is given, and mistakes to the error stream, never to console', async () => {
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    const output = collector();
    const errors = collector();
    const status = await runScript(sandbox, ['/about', '/bogus'], false, {
      output: output.stream,
      errors: errors.stream,
    });
    expect(status).toBe(1);
    expect(output.text()).toContain('> /about\n');
    expect(output.text()).toContain('Articles stored');
    expect(output.text()).toContain('> /bogus\nThere is no /bogus command.');
    expect(log).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    log.mockRestore();
    error.mockRestore();
  });

  it('reads typed lines from its input and answers on its output until quit', async () => {
    const log = vi.spyOn(console, 'log');
    const input = new PassThrough();
    const output = collector();
    const done = runPrompt(sandbox, { input, output: output.stream, errors: collector().stream });
    input.write('/about\nquit\n');
    await done;
    expect(output.text()).toContain('Dispatch sandbox: the real bot');
    expect(output.text()).toContain('Articles stored');
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});
