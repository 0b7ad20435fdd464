/**
 * The body of one extraction worker thread (see {@link createExtractionPool}): it receives articles and answers
 * with their facts, so the CPU-heavy extraction never runs on the event loop that serves Discord.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract/index.ts';
import type { ExtractionReply, ExtractionRequest } from './pool.ts';

if (!parentPort) throw new Error('extract-worker.ts runs as a worker thread, started by the extraction pool');
const port = parentPort;
port.on('message', (request: ExtractionRequest) => {
  let reply: ExtractionReply;
  try {
    const facts = extract({
      title: request.title,
      body: request.body,
      published: request.published === null ? null : new Date(request.published),
    });
    reply = { id: request.id, facts };
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    reply = { id: request.id, error: { message, stack: stack ?? message } };
  }
  port.postMessage(reply);
});
