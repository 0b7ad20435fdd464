/**
 * Extraction off the event loop. Extracting a large article takes seconds of CPU; run on the main thread it would
 * stall the gateway heartbeat and every command's 3 s reply deadline. The pool runs `extract` in worker threads
 * (one fewer than the cores, at least one, unless configured). Given the database, a worker also writes what it
 * extracted, through its own connection, in one transaction per article: writing an article and its facts takes
 * milliseconds (7 ms on a quiet machine, most of it the facts and the commit), which, in a burst of a thousand
 * feed items, kept the event loop busy most of the time and made command replies and gateway heartbeats wait.
 * SQLite in WAL mode has one writer at a time: the workers and the main thread take turns on its write lock
 * (busy_timeout), and readers (commands) never wait for it. The main thread learns only each article's outcome.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HeapInfo } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ExtractInput, Facts } from '../extract/index.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { ItemJob, ItemOutcome, ItemWriter } from '../feeds/items.ts';
import { FeedParseError, type FeedParser, type PageReader, type ParsedFeed } from '../feeds/parse.ts';
import type { ReadablePage } from '../feeds/text.ts';
import type { Logger } from '../log.ts';
import type { ArticleOutcome } from './ingest.ts';
import type { ParsedArticle } from './parse.ts';

/** How one extraction may run. */
export interface ExtractOptions {
  /**
   * In a worker whatever the article's size. One short article inline costs milliseconds, but a feed poll that
   * brings hundreds of them would hold the event loop for seconds in all; feed items always take the pool.
   */
  offThread?: boolean;
}

/** Anything that turns an article into facts, synchronously inline or in a worker. */
export interface Extractor {
  extract(input: ExtractInput, options?: ExtractOptions): Promise<Facts>;
  /** How many extractions it runs at once: ingest keeps that many files in flight. */
  readonly concurrency: number;
  /**
   * Extracts and stores an article (from a file) in a worker, through the worker's own connection: present when
   * the pool was given the database. Undefined for an article short enough to be extracted on the calling
   * thread (see {@link INLINE_BELOW_CHARS}), which the caller then extracts and writes itself.
   */
  storeArticle?:
    ((article: ParsedArticle, file: string | null) => Promise<ArticleOutcome> | undefined) | undefined;
  /** Extracts and stores a feed item in a worker, whatever its size: present when the pool was given the database. */
  storeItem?: ItemWriter | undefined;
  /**
   * Parses a fetched feed in a worker (see FeedDeps.parse), rejecting with a FeedParseError for what is not a
   * feed. Parsing reads no database, so every pool offers it; the inline extractor does not (its caller parses).
   */
  parseFeed?: FeedParser | undefined;
  /**
   * Reads a teaser's fetched page in a worker (see FeedDeps.readPage): Readability's parse of a whole page stays
   * off the event loop. Like parsing a feed, it reads no database, so every pool offers it.
   */
  readPage?: PageReader | undefined;
}

/** The worker pool: an {@link Extractor} that must be closed when the process stops. */
export interface ExtractionPool extends Extractor {
  parseFeed: FeedParser;
  readPage: PageReader;
  /** Ends the workers; extractions still queued or running are rejected. Safe to call twice. */
  close(): Promise<void>;
  /** Each running worker's V8 heap (none before the first long article): where a worker's memory goes. */
  heapStatistics(): Promise<HeapInfo[]>;
}

/**
 * What the main thread posts to a worker: an article to extract, or to extract and store. `now` is the time the
 * worker stamps what it writes: null for the wall clock, which the worker reads itself inside the transaction;
 * under a test's manual clock, the main thread's time when it sent the job.
 */
export type ExtractionRequest =
  | {
      id: number;
      kind: 'extract';
      title: string;
      body: string;
      /** ISO 8601, or null when unknown: a Date survives structured cloning, but a string keeps the protocol plain. */
      published: string | null;
    }
  | { id: number; kind: 'item'; job: ItemJob; now: string | null }
  | { id: number; kind: 'article'; article: ParsedArticle; file: string | null; now: string | null }
  | { id: number; kind: 'feed'; body: Uint8Array; contentType: string | null }
  | { id: number; kind: 'page'; body: Uint8Array; contentType: string | null; url: string };

/** What a worker's job comes to: facts, what it stored, a parsed feed, or a page's text (null: no article). */
export type ExtractionValue = Facts | ItemOutcome | ArticleOutcome | ParsedFeed | ReadablePage | null;

/** What a worker answers: the facts it extracted, or the outcome of what it stored. */
export type ExtractionReply =
  | { id: number; value: ExtractionValue; error?: undefined }
  | { id: number; error: { name: string; message: string; stack: string }; value?: undefined };

/** What a worker is started with. */
export interface WorkerData {
  /** The database file the worker writes to, or null when the pool only extracts. */
  databasePath: string | null;
}

/**
 * Extracts on the calling thread: for tests and tools that do not serve Discord while they ingest, and for short
 * articles. The extractor (compromise, chrono-node, the lexicon: about 16 MB of heap and more of code) is loaded
 * on the first article extracted here, not when this module is: the bot's main thread, whose feed items all go to
 * the workers, never loads it unless a short article file needs extracting.
 */
export const inlineExtractor: Extractor = {
  extract: async (input) => (await import('../extract/index.ts')).extract(input),
  concurrency: 1,
};

/** Raised for an extraction the pool could not finish (it was closed, or its worker died). */
export class ExtractionPoolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractionPoolError';
  }
}

/**
 * Where a worker's code is. Run from source (tsx in development, vitest in tests) this module is `pool.ts` and
 * the worker is `extract-worker.ts`, loaded through tsx's loader; run from the compiled build it is `pool.js`
 * next to `extract-worker.js`, plain JavaScript for Node.
 */
export function workerEntry(moduleUrl: string = import.meta.url): { url: URL; execArgv: string[] } {
  const fromSource = fileURLToPath(moduleUrl).endsWith('.ts');
  if (!fromSource) return { url: new URL('./extract-worker.js', moduleUrl), execArgv: [] };
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { url: new URL('./extract-worker.ts', moduleUrl), execArgv: ['--import', tsxLoader] };
}

/**
 * Articles shorter than this (in UTF-16 code units) are extracted on the calling thread: they take tens of
 * milliseconds, less than a round trip to a worker, and far less than starting one (a second or more with tsx),
 * so a bot whose folder holds only ordinary articles never starts a worker at all.
 */
export const INLINE_BELOW_CHARS = 16_384;

/**
 * The young generation of each worker's heap, in MB. Extraction allocates fast and keeps little, so V8 left to
 * itself grows a worker's young generation to 64 MB on a large machine, committed memory that only inflates the
 * process: with 8 MB, two workers that extracted 200 feed articles hold about 60 MB each instead of 95, for a
 * few more (cheap) scavenges.
 */
export const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * The ceiling of each worker's old generation, in MB. Extraction keeps little (a worker holds about 25-30 MB live:
 * the lexicon, chrono-node, compromise), but V8 with no ceiling on a large machine lets a heap grow to several
 * times what is live before a full collection: a worker that extracted 600 articles of 5 KB reached 77 MB, and
 * 47-53 MB under this ceiling. It leaves room for the largest input: a 1 MB article (`MAX_ARTICLE_BYTES`)
 * extracts within 48 MB. A worker that runs out is replaced, and only the article it held fails.
 */
export const WORKER_OLD_GENERATION_MB = 256;

/**
 * The default pool size: one fewer than the cores the process may use, at least one. The main thread (gateway,
 * commands, polls) needs a core of its own, and each worker holds about 50 MB; one worker extracts 214-278
 * articles of 5 KB a second (`npm run bench:extract`), and a cycle of `npm run bench:feeds` brings 200.
 */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** `Omit` over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Job {
  request: ExtractionRequest;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

/**
 * Starts an extraction pool. Short articles are extracted inline (see {@link INLINE_BELOW_CHARS}); workers are
 * started when a long one first comes and kept until {@link ExtractionPool.close}; a worker that dies fails only
 * the article it held and is replaced. With `database` (a file the main process has opened and migrated), the
 * workers also store what they extract ({@link Extractor.storeArticle}, {@link Extractor.storeItem}), each
 * through one connection of its own, opened on its first write and never migrating.
 */
export function createExtractionPool(
  options: {
    size?: number;
    log?: Logger;
    inlineBelowChars?: number;
    database?: { path: string; clock: Clock };
  } = {},
): ExtractionPool {
  const size = Math.max(1, options.size ?? defaultPoolSize());
  const inlineBelow = options.inlineBelowChars ?? INLINE_BELOW_CHARS;
  const entry = workerEntry();
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (): Slot => {
    const workerData: WorkerData = { databasePath: options.database?.path ?? null };
    const worker = new Worker(entry.url, {
      workerData,
      execArgv: entry.execArgv,
      resourceLimits: {
        maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
        maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB,
      },
    });
    const slot: Slot = { worker, job: null };
    worker.on('message', (reply: ExtractionReply) => {
      const job = slot.job;
      slot.job = null;
      if (job && job.request.id === reply.id) {
        if (reply.error) {
          // What is not a feed is an error for that feed, not a crash: the poll tells them apart by class.
          const error =
            reply.error.name === 'FeedParseError'
              ? new FeedParseError(reply.error.message)
              : new Error(reply.error.message);
          error.stack = reply.error.stack;
          job.reject(error);
        } else job.resolve(reply.value);
      }
      pump();
    });
    const retire = (why: string) => {
      const index = slots.indexOf(slot);
      if (index === -1) return;
      slots.splice(index, 1);
      slot.job?.reject(new ExtractionPoolError(why));
      slot.job = null;
      if (!closed) {
        options.log?.warn({ reason: why }, 'extraction worker stopped; starting another');
        pump();
      }
    };
    worker.on('error', (error) => retire(`the extraction worker failed: ${error.message}`));
    worker.on('exit', (code) => retire(`the extraction worker exited with code ${code}`));
    // An idle worker must not keep a finishing process (a CLI run) alive.
    worker.unref();
    slots.push(slot);
    return slot;
  };

  const pump = () => {
    while (queue.length > 0 && !closed) {
      const slot = slots.find((s) => s.job === null) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage(job.request);
    }
    for (const slot of slots) if (slot.job === null) slot.worker.unref();
  };

  /** Queues a request for the next free worker. */
  const submit = <T>(request: DistributiveOmit<ExtractionRequest, 'id'>): Promise<T> => {
    if (closed) return Promise.reject(new ExtractionPoolError('the extraction pool is closed'));
    return new Promise<T>((resolve, reject) => {
      queue.push({
        request: { ...request, id: (nextId += 1) },
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      pump();
    });
  };
  const database = options.database;
  // The wall clock is read by the worker itself, inside its transaction; a test's clock only by this thread.
  const now = () => (!database || database.clock === systemClock ? null : database.clock.now().toISOString());

  return {
    concurrency: size,
    extract(input, extractOptions) {
      if (closed) return Promise.reject(new ExtractionPoolError('the extraction pool is closed'));
      const small = input.title.length + input.body.length < inlineBelow;
      if (small && !extractOptions?.offThread) return inlineExtractor.extract(input);
      return submit<Facts>({
        kind: 'extract',
        title: input.title,
        body: input.body,
        published: input.published?.toISOString() ?? null,
      });
    },
    storeArticle: database
      ? (article, file) =>
          article.title.length + article.body.length < inlineBelow
            ? undefined
            : submit<ArticleOutcome>({ kind: 'article', article, file, now: now() })
      : undefined,
    storeItem: database ? (job) => submit<ItemOutcome>({ kind: 'item', job, now: now() }) : undefined,
    parseFeed: (body, contentType) => submit<ParsedFeed>({ kind: 'feed', body, contentType }),
    readPage: (body, contentType, url) =>
      submit<ReadablePage | null>({ kind: 'page', body, contentType, url }),
    async heapStatistics() {
      // A worker still starting (or just gone) has no heap to report yet.
      const heaps = await Promise.all(slots.map((slot) => slot.worker.getHeapStatistics().catch(() => null)));
      return heaps.filter((heap) => heap !== null);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) job.reject(new ExtractionPoolError('the extraction pool is closed'));
      await Promise.all(
        slots.splice(0).map(async (slot) => {
          slot.job?.reject(new ExtractionPoolError('the extraction pool is closed'));
          slot.job = null;
          await slot.worker.terminate();
        }),
      );
    },
  };
}
