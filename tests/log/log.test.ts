import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogDestination } from '../../src/log.ts';

/** A stream that keeps what is written to it, marked as a terminal or not. */
function sink(isTTY: boolean): { stream: LogDestination; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  }) as LogDestination;
  if (isTTY) stream.isTTY = true;
  return { stream, text: () => chunks.join('') };
}

describe('logs are readable on a terminal and JSON elsewhere', () => {
  it('writes one JSON record per line when the destination is not a terminal', () => {
    const { stream, text } = sink(false);
    createLogger('info', stream).warn({ file: 'a.md', guildId: '1' }, 'ingest');
    const record = JSON.parse(text().trim()) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 40, msg: 'ingest', file: 'a.md', guildId: '1' });
  });

  it('writes a readable line with the level, the message and the fields on a terminal', () => {
    const { stream, text } = sink(true);
    createLogger('info', stream).warn({ file: 'a.md', guildId: '1' }, 'ingest');
    // eslint-disable-next-line no-control-regex
    const line = text().replace(/\u001b\[[0-9;]*m/g, '');
    expect(() => JSON.parse(line) as unknown).toThrow();
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: ingest \{"file":"a\.md","guildId":"1"\}\n$/);
  });

  it('keeps the level: records below it are not written on a terminal either', () => {
    const { stream, text } = sink(true);
    createLogger('warn', stream).info('not shown');
    expect(text()).toBe('');
  });
});
