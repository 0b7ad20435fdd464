/**
 * One scheduler per database. Every process that shares the database renews two leases on each tick: its own
 * `instance:<id>` lease, which says it is alive (runs it is sending are its own until it expires), and tries
 * the `scheduler` lease, which makes one process the scheduler and the ingester. The others serve commands
 * only, and the first to tick after the holder's lease expires (it crashed, or stopped) takes over.
 */
import type { Ctx } from '../bot/context.ts';

export const SCHEDULER_LEASE = 'scheduler';

/** The leases of one process. */
export interface Lease {
  /** Renews this process's leases; returns whether it holds the scheduler lease now. */
  renew(): boolean;
  /** Whether it held the scheduler lease at the last renewal. */
  readonly held: boolean;
  /** Gives both leases up (a clean stop), so another process takes over at its next tick. */
  release(): void;
}

export function createLease(ctx: Ctx): Lease {
  const ttlMs = ctx.config.SCHEDULER_LEASE_SECONDS * 1000;
  let held = false;
  return {
    renew() {
      const now = ctx.clock.now();
      const until = new Date(now.getTime() + ttlMs);
      const leases = ctx.store.leases;
      held = ctx.store.transaction(() => {
        leases.take(`instance:${ctx.instanceId}`, ctx.instanceId, now, until);
        return leases.take(SCHEDULER_LEASE, ctx.instanceId, now, until);
      });
      if (held) leases.pruneInstances(now);
      return held;
    },
    get held() {
      return held;
    },
    release() {
      held = false;
      ctx.store.transaction(() => {
        ctx.store.leases.release(SCHEDULER_LEASE, ctx.instanceId);
        ctx.store.leases.release(`instance:${ctx.instanceId}`, ctx.instanceId);
      });
    },
  };
}
