import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { digestStopBudgetMs, handleShutdown, shutdownTimeoutMs } from '../../src/bot/shutdown.ts';
import { parseConfig } from '../../src/config.ts';

/** A process stand-in: signals are events, exits and the armed timeout are recorded, and stop is held open. */
function harness() {
  const events = new EventEmitter();
  const exits: number[] = [];
  const lines: { msg: string; err?: { message: string } }[] = [];
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as { msg: string });
        done();
      },
    }),
  );
  let stops = 0;
  let finishStop!: () => void;
  let failStop!: (error: Error) => void;
  const stopped = new Promise<void>((resolve, reject) => {
    finishStop = resolve;
    failStop = reject;
  });
  let fireTimeout: (() => void) | undefined;
  let armedMs: number | undefined;
  handleShutdown({
    stop: () => {
      stops += 1;
      return stopped;
    },
    log,
    exit: (code) => exits.push(code),
    events,
    timeoutMs: 5000,
    setTimer: (fire, ms) => {
      fireTimeout = fire;
      armedMs = ms;
    },
  });
  return {
    events,
    exits,
    lines,
    stops: () => stops,
    finishStop,
    failStop,
    fireTimeout: () => fireTimeout!(),
    armedMs: () => armedMs,
    settle: () => new Promise((resolve) => setImmediate(resolve)),
  };
}

describe('shutdown', () => {
  it('has one timeout, SHUTDOWN_TIMEOUT_SECONDS, of which digests in flight get all but the last second', () => {
    expect(shutdownTimeoutMs(parseConfig({}))).toBe(9_000);
    expect(digestStopBudgetMs(parseConfig({}))).toBe(8_000);
    const config = parseConfig({ SHUTDOWN_TIMEOUT_SECONDS: '25' });
    expect([shutdownTimeoutMs(config), digestStopBudgetMs(config)]).toEqual([25_000, 24_000]);
    expect(digestStopBudgetMs(parseConfig({ SHUTDOWN_TIMEOUT_SECONDS: '1' }))).toBe(0);
  });

  it('SIGTERM stops the bot cleanly and exits 0 once the stop has finished', async () => {
    const h = harness();
    h.events.emit('SIGTERM');
    expect(h.stops()).toBe(1);
    expect(h.armedMs()).toBe(5000);
    await h.settle();
    expect(h.exits).toEqual([]);
    h.finishStop();
    await h.settle();
    expect(h.exits).toEqual([0]);
  });

  it('a second SIGINT while stopping exits 1 at once, without starting a second stop', async () => {
    const h = harness();
    h.events.emit('SIGINT');
    h.events.emit('SIGINT');
    expect(h.exits).toEqual([1]);
    expect(h.stops()).toBe(1);
    expect(h.lines.map((l) => l.msg)).toContain('second request to stop: exiting now');
  });

  it('a stop that outlasts the timeout exits 1 and says so', () => {
    const h = harness();
    h.events.emit('SIGTERM');
    h.fireTimeout();
    expect(h.exits).toEqual([1]);
    expect(h.lines.map((l) => l.msg)).toContain('shutdown did not finish in time: exiting now');
  });

  it('a stop that fails exits 1 with the error logged', async () => {
    const h = harness();
    h.events.emit('SIGTERM');
    h.failStop(new Error('gateway would not close'));
    await h.settle();
    expect(h.exits).toEqual([1]);
    expect(h.lines.find((l) => l.msg === 'unclean shutdown')?.err?.message).toBe('gateway would not close');
  });

  it('logs an unhandled rejection with its error and keeps serving', () => {
    const h = harness();
    h.events.emit('unhandledRejection', new Error('forgotten promise'));
    expect(h.lines.find((l) => l.msg.startsWith('unhandled promise rejection'))?.err?.message).toBe(
      'forgotten promise',
    );
    expect(h.stops()).toBe(0);
    expect(h.exits).toEqual([]);
  });

  it('an uncaught exception is logged and stops the bot, exiting 1', async () => {
    const h = harness();
    h.events.emit('uncaughtException', new Error('broken invariant'));
    expect(h.stops()).toBe(1);
    h.finishStop();
    await h.settle();
    expect(h.exits).toEqual([1]);
  });
});
