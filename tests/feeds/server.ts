/**
 * A local HTTP server on 127.0.0.1 that serves the feed fixtures (and whatever a test adds), counting requests
 * per path. Tests change what a path serves between polls.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../support/helpers.ts';

export const FIXTURES = join(ROOT, 'tests/fixtures/feeds');

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  base: string;
  port: number;
  /** Serves `handler` at `path` (exact, query ignored). */
  route(path: string, handler: Handler): void;
  /** Serves a fixture file (with `{{BASE}}` filled in) at `path`, with an ETag when asked. */
  fixture(path: string, file: string, contentType: string, options?: { etag?: string }): void;
  /** Serves text at `path`, honouring If-None-Match when an ETag is given. */
  text(
    path: string,
    body: string,
    contentType: string,
    options?: { etag?: string; headers?: Record<string, string> },
  ): void;
  /** Requests received per path. */
  hits(path: string): number;
  close(): Promise<void>;
}

export function readFixture(file: string, base: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8').replaceAll('{{BASE}}', base);
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const text: FixtureServer['text'] = (path, body, contentType, options = {}) => {
    routes.set(path, (req, res) => {
      if (options.etag && req.headers['if-none-match'] === options.etag) {
        res.writeHead(304, { etag: options.etag }).end();
        return;
      }
      res
        .writeHead(200, {
          'content-type': contentType,
          ...(options.etag ? { etag: options.etag } : {}),
          ...options.headers,
        })
        .end(body);
    });
  };
  return {
    base,
    port,
    route: (path, handler) => routes.set(path, handler),
    fixture: (path, file, contentType, options) => text(path, readFixture(file, base), contentType, options),
    text,
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
