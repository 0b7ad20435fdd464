/**
 * The body of one extraction worker thread (see {@link createExtractionPool}): it receives articles and answers
 * with their facts, or, when the pool has the database, extracts and stores them through a connection of its
 * own and answers with what happened, so neither the CPU-heavy extraction nor the write runs on the event loop
 * that serves Discord.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { systemClock, type Clock } from '../clock.ts';
import { extract } from '../extract/index.ts';
import { storeItemHere } from '../feeds/items.ts';
import { parseFeedBody, readPageBody } from '../feeds/parse.ts';
import { openDatabase } from '../store/db.ts';
import { createStore, WRITE_WHEN_FREE_TIMEOUT_MS, type Store } from '../store/index.ts';
import { storeArticle } from './ingest.ts';
import {
  inlineExtractor,
  type ExtractionReply,
  type ExtractionRequest,
  type ExtractionValue,
  type WorkerData,
} from './pool.ts';

if (!parentPort) throw new Error('extract-worker.ts runs as a worker thread, started by the extraction pool');
const port = parentPort;

/**
 * The nice value of a worker thread: extraction is CPU-bound and never urgent, while the main thread must send
 * gateway heartbeats and answer commands within Discord's deadline. When the cores are busy (a burst of feed
 * articles on a one- or two-core host, other processes), the kernel then gives the main thread the CPU first.
 * On Linux a thread's nice value is its own, and `setPriority` with no pid sets the calling thread's; where the
 * system refuses or applies it to the whole process (macOS, Windows), the worker runs at normal priority.
 */
const WORKER_NICE = 10;
if (process.platform === 'linux') {
  try {
    setPriority(WORKER_NICE);
  } catch {
    // Not permitted here (a container's seccomp policy): normal priority.
  }
}
const { databasePath } = workerData as WorkerData;
let store: Store | null = null;

/**
 * The worker's own connection, opened on its first write. The main process opened and migrated the database
 * before starting any worker; a worker never migrates. It is opened as the main one is (WAL, foreign keys,
 * busy_timeout), and every write is one BEGIN IMMEDIATE transaction, so the workers and the main thread take
 * turns on the write lock instead of failing.
 */
function connection(): Store {
  if (!databasePath)
    throw new Error('this extraction pool was started without the database; it cannot store');
  if (!store) {
    const db = openDatabase(databasePath, { migrate: false });
    // SQLite's busy handler is not fair: with two workers and the main thread taking turns on a loaded machine,
    // one writer can find the lock taken at every retry for longer than the main thread's 5 s. Waiting longer
    // here costs the event loop nothing, and fails a whole feed's poll far less often. The main thread's
    // non-blocking writes keep trying exactly as long (Store.writeWhenFree).
    db.pragma(`busy_timeout = ${WRITE_WHEN_FREE_TIMEOUT_MS}`);
    store = createStore(db);
  }
  return store;
}

/** The clock a job is stamped with: the wall clock, or the main thread's (manual) time when it sent the job. */
function clockOf(now: string | null): Clock {
  if (now === null) return systemClock;
  const at = new Date(now);
  return { now: () => new Date(at), sleep: systemClock.sleep };
}

async function handle(request: ExtractionRequest): Promise<ExtractionValue> {
  switch (request.kind) {
    case 'extract':
      return extract({
        title: request.title,
        body: request.body,
        published: request.published === null ? null : new Date(request.published),
      });
    case 'item':
      return storeItemHere(
        {
          store: connection(),
          clock: clockOf(request.now),
          extract: (input) => inlineExtractor.extract(input),
        },
        request.job,
      );
    case 'feed':
      return parseFeedBody(request.body, request.contentType);
    case 'page':
      return readPageBody(request.body, request.contentType, request.url);
    case 'article':
      return storeArticle(
        { store: connection(), clock: clockOf(request.now), extractor: inlineExtractor },
        request.article,
        request.file,
      );
  }
}

port.on('message', (request: ExtractionRequest) => {
  // One request at a time: the pool sends a worker its next one only after this one's reply.
  handle(request).then(
    (value) => port.postMessage({ id: request.id, value } satisfies ExtractionReply),
    (error: unknown) => {
      const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({
        id: request.id,
        error: { name, message, stack: stack ?? message },
      } satisfies ExtractionReply);
    },
  );
});
