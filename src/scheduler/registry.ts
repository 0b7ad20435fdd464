import type { RunOutcome } from '../digest/deliver.ts';
import type { Store } from '../store/index.ts';

/** What `/config` needs from the running scheduler. */
export interface DigestControl {
  /** Rebuilds the jobs from the store after a subscription changed. */
  reload(): void;
  /** Sends a subscription's digest now, without overlapping a scheduled run of it. */
  sendNow(subscriptionId: number): Promise<RunOutcome>;
}

/**
 * The scheduler running on a store, found by the store itself: `/config` reaches it through `ctx.db` without a
 * new field on every context, and two bots in one test process (each with its own store) never see each other's.
 */
const controls = new WeakMap<Store, DigestControl>();

/** Called by the scheduler when it starts (and with undefined when it stops). */
export function setDigestControl(store: Store, control: DigestControl | undefined): void {
  if (control) controls.set(store, control);
  else controls.delete(store);
}

/** The scheduler running on this store, if any. */
export function digestControl(store: Store): DigestControl | undefined {
  return controls.get(store);
}
