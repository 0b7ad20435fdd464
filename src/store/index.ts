import { setTimeout as pause } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { articlesRepo } from './articles.ts';
import { auditRepo } from './audit.ts';
import { openDatabase, type Db } from './db.ts';
import { digestRunsRepo } from './digestRuns.ts';
import { factsRepo } from './facts.ts';
import { feedsRepo } from './feeds.ts';
import { leasesRepo } from './leases.ts';
import { searchRepo } from './search.ts';
import { storiesRepo } from './stories.ts';
import { subscriptionsRepo } from './subscriptions.ts';

export type { Db } from './db.ts';
export type { Article, ArticleHeader, ArticleInput } from './articles.ts';
export { storySlug, type Story } from './stories.ts';
export type { StoredQuote, StoredFigure, StoredTimelineEvent, StoredEntity, FactSource } from './facts.ts';
export type { SearchHit } from './search.ts';
export type { Subscription, SubscriptionInput } from './subscriptions.ts';
export type { DigestRun, RunInput, RunState } from './digestRuns.ts';
export type { AuditEntry } from './audit.ts';
export type { Feed, FeedSource, FeedWithSource, DedupeCandidate } from './feeds.ts';

export type { Lease } from './leases.ts';

/**
 * The SQLite store and its repositories. Code outside `src/store` never writes SQL: it calls these small
 * modules, each built once on prepared statements. The connection itself stays private (tests that need raw
 * SQL open their own connection to the file: `tests/support/sqlite.ts`).
 */
export interface Store {
  /** False once {@link Store.close} has run. */
  readonly open: boolean;
  /** The database file (`:memory:` for none), so ingest never reports the store's own files as articles. */
  readonly path: string;
  stories: ReturnType<typeof storiesRepo>;
  articles: ReturnType<typeof articlesRepo>;
  facts: ReturnType<typeof factsRepo>;
  search: ReturnType<typeof searchRepo>;
  subscriptions: ReturnType<typeof subscriptionsRepo>;
  digestRuns: ReturnType<typeof digestRunsRepo>;
  audit: ReturnType<typeof auditRepo>;
  feeds: ReturnType<typeof feedsRepo>;
  leases: ReturnType<typeof leasesRepo>;
  /**
   * Runs `fn` in one transaction (nested calls become savepoints). It begins IMMEDIATE, taking the write lock up
   * front: a deferred transaction that reads and then writes (the digest limit's count-then-insert) fails at once
   * with SQLITE_BUSY when another process wrote in between, whereas an immediate one waits out busy_timeout.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Runs `fn` in one IMMEDIATE transaction, as {@link Store.transaction} does, but never makes this thread wait
   * for the write lock: when another connection holds it (an extraction worker storing an article), it tries
   * again after a short pause, and the event loop serves commands and gateway heartbeats meanwhile. A blocking
   * transaction would sit in SQLite's busy handler for as long as the worker's transaction lasts (milliseconds
   * on a quiet machine, tens under load): a feed poll's own writes (a source's state) go through here. `fn` runs
   * once, when the lock is taken; after {@link WRITE_WHEN_FREE_TIMEOUT_MS} of trying it fails with SQLITE_BUSY,
   * as a blocking one would. Not for the scheduler's lease or a digest's wait for writes in flight: a process
   * that went on sending digests while its lease renewal waited could lose the lease to another process and
   * send the same run twice (tests/e2e/digest-two-processes.test.ts), so those still wait where they are.
   */
  writeWhenFree<T>(fn: () => T): Promise<T>;
  /** Closes the connection; closing a closed store does nothing. */
  close(): void;
}

/**
 * How long {@link Store.writeWhenFree} keeps trying: as long as an extraction worker waits for the lock, since
 * waiting here costs the event loop nothing.
 */
export const WRITE_WHEN_FREE_TIMEOUT_MS = 60_000;
/** The longest pause between two tries of {@link Store.writeWhenFree}. */
const WRITE_RETRY_MAX_MS = 16;

/** Builds the repositories over an open, migrated database. */
export function createStore(db: Db): Store {
  /** One try at the write lock, without waiting for it: SQLITE_BUSY at once when it is taken. */
  const tryImmediate = <T>(fn: () => T): T => {
    const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    try {
      return db.transaction(fn).immediate();
    } finally {
      db.pragma(`busy_timeout = ${busyTimeout}`);
    }
  };
  return {
    get open() {
      return db.open;
    },
    path: db.name,
    stories: storiesRepo(db),
    articles: articlesRepo(db),
    facts: factsRepo(db),
    search: searchRepo(db),
    subscriptions: subscriptionsRepo(db),
    digestRuns: digestRunsRepo(db),
    audit: auditRepo(db),
    feeds: feedsRepo(db),
    leases: leasesRepo(db),
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    async writeWhenFree<T>(fn: () => T): Promise<T> {
      const giveUpAt = performance.now() + WRITE_WHEN_FREE_TIMEOUT_MS;
      let ran = false;
      const once = () => {
        ran = true;
        return fn();
      };
      for (let wait = 1; ; wait = Math.min(wait * 2, WRITE_RETRY_MAX_MS)) {
        try {
          return tryImmediate(once);
        } catch (error) {
          // Tried again only when BEGIN found the lock taken, before `fn` ran: `fn` never runs twice.
          const busy = error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY';
          if (ran || !busy || performance.now() + wait > giveUpAt) throw error;
        }
        await pause(wait);
      }
    },
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Opens the database file, migrates it, and returns the store. */
export function openStore(path: string): Store {
  return createStore(openDatabase(path));
}
