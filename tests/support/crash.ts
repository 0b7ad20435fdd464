/**
 * Crashes in the middle of a digest run, for in-process tests, through the store delivery already receives
 * (`ctx.store`) rather than hooks in delivery itself. A wrapped store calls a crash point at the moment a run
 * moves on: right after it is recorded (nothing is sent yet), or right after Discord accepted a message (the
 * store is about to learn its id). A point that throws {@link Crash} stops the run right there, as a kill would.
 *
 * Why the store and not the sender: delivery treats whatever a send throws as a failed send (it records the
 * failure and marks the run failed), which is what it must do, so a sender that throws is a failure and not a
 * crash. The store's calls mark the two windows a crash can fall in exactly: `record` is the last thing delivery
 * does before its first send, and `addMessage` the first thing after Discord answers.
 */
import type { DigestRun, Store } from '../../src/store/index.ts';

/** A simulated kill: thrown from a crash point, it ends the run where it stands. */
export class Crash extends Error {}

/** Where a test may crash (or watch) a digest run. */
export interface CrashPoints {
  /**
   * After the run is recorded, before anything is sent. A kill here leaves the run recorded and still owned by
   * the process that recorded it, so recovery takes it once that process's lease is gone.
   */
  afterRecord?(run: DigestRun): void;
  /** After Discord accepted a message of the run, before the store knows its id. */
  afterAccepted?(runId: number, messageId: string): void;
}

/** `store`, calling `points` as delivery moves through a run; everything else goes to `store` unchanged. */
export function withCrashPoints(store: Store, points: CrashPoints): Store {
  const runs = store.digestRuns;
  const digestRuns: Store['digestRuns'] = {
    ...runs,
    record(input, owner, now) {
      const run = runs.record(input, owner, now);
      if (run) points.afterRecord?.(run);
      return run;
    },
    addMessage(id, messageId, now) {
      points.afterAccepted?.(id, messageId);
      runs.addMessage(id, messageId, now);
    },
  };
  return Object.create(store, { digestRuns: { value: digestRuns, enumerable: true } }) as Store;
}
