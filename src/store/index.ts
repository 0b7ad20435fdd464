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
  /** Closes the connection; closing a closed store does nothing. */
  close(): void;
}

/** Builds the repositories over an open, migrated database. */
export function createStore(db: Db): Store {
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
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Opens the database file, migrates it, and returns the store. */
export function openStore(path: string): Store {
  return createStore(openDatabase(path));
}
