/**
 * The loopback Discord's HTTP pipeline: every REST request passes the same steps Discord's edge does, in
 * order: the `/api/v{n}` prefix, routing (404/405), the body (JSON or multipart with `payload_json`), the
 * bot token (401), injected faults, rate limits (429 with Discord's headers), schema validation against
 * `discord-api-spec` (400 50035), and only then the route's handler. Each request is recorded with how it
 * was answered, which is what tests and `LoopbackDiscord.assertNoViolations` read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector, FaultRule } from './faults.ts';
import type { LoopbackLogger } from './logger.ts';
import type { UploadedFile } from './messages.ts';
import type { RateLimiter } from './ratelimit.ts';
import { DiscordHttpError, matchRoute, type Route } from './rest.ts';
import type { JsonObject } from './shapes.ts';
import { lacksAllowedMentions, validateBody, type BodyIssue, type BodyKind } from './validation.ts';

/** One REST request the bot made, and how it was answered. */
export interface RecordedRequest {
  id: number;
  at: number;
  method: string;
  /** The path after `/api/v10`, with `%40original` decoded. */
  path: string;
  /** The route template, e.g. `POST /channels/:channelId/messages` (`UNKNOWN` for a 404 route). */
  route: string;
  query: Record<string, string>;
  body: unknown;
  files: UploadedFile[];
  status: number;
  response: unknown;
  /** Schema problems found in the body (the request was answered 400). */
  issues?: BodyIssue[];
  /** The body creates or edits a message without setting `allowed_mentions` (a project rule). */
  lacksAllowedMentions: boolean;
  /** Answered by an injected fault. */
  injectedFault: boolean;
  /** Answered 429 by the rate limiter (not a fault). */
  rateLimited: boolean;
  /** A channel message answered from the nonce cache instead of posted again. */
  deduplicated: boolean;
}

/** A body that did not fit Discord's schema (answered 400 50035, or 50006 for an empty message). */
export interface SchemaViolation {
  method: string;
  path: string;
  route: string;
  kind: BodyKind;
  body: unknown;
  issues: BodyIssue[];
  /** Discord's error JSON as sent to the bot. */
  response: JsonObject;
}

/** A message-writing body without `allowed_mentions`. Recorded; the request itself is still served. */
export interface MentionViolation {
  method: string;
  path: string;
  route: string;
  body: unknown;
}

/** Counters for assertions and benches. */
export interface LoopbackStats {
  requests: number;
  /** Every 429 served, injected or not. */
  rateLimited: number;
  /** 429s the rate limiter served because the bot went over a limit. */
  rateLimitedByLimiter: number;
  /** Of those, global ones. */
  rateLimitedGlobal: number;
  /** Responses produced by injected faults. */
  faultsInjected: number;
  /** Channel messages answered from the nonce cache. */
  nonceDeduplicated: number;
}

/** What the pipeline needs from the server it serves. */
export interface HttpPipelineOptions {
  routes: Route[];
  /** The bot token `Authorization: Bot …` must carry. */
  token: string;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  /** Keep at most this many entries in `requests` (oldest dropped first). */
  maxRecordedRequests: number;
  logger?: LoopbackLogger;
  onRequest(record: RecordedRequest): void;
  onViolation(violation: SchemaViolation): void;
}

/** Serves REST requests and keeps the record of them. */
export class HttpPipeline {
  /** Every REST request, oldest first. */
  readonly requests: RecordedRequest[] = [];
  /** Bodies that did not fit Discord's schema. */
  readonly violations: SchemaViolation[] = [];
  /** Message-writing bodies without `allowed_mentions`. */
  readonly mentionViolations: MentionViolation[] = [];
  readonly stats: LoopbackStats = {
    requests: 0,
    rateLimited: 0,
    rateLimitedByLimiter: 0,
    rateLimitedGlobal: 0,
    faultsInjected: 0,
    nonceDeduplicated: 0,
  };
  private nextRequestId = 1;

  constructor(private readonly options: HttpPipelineOptions) {}

  /** Answers one HTTP request; every request ends recorded (and reported through `onRequest`). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const record: RecordedRequest = {
      id: this.nextRequestId++,
      at: started,
      method,
      path: url.pathname,
      route: 'UNKNOWN',
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      status: 0,
      response: undefined,
      lacksAllowedMentions: false,
      injectedFault: false,
      rateLimited: false,
      deduplicated: false,
    };
    let headers: Record<string, string> = {};
    const send = (status: number, body?: unknown, extra: Record<string, string> = {}) => {
      record.status = status;
      record.response = body;
      const all = { ...headers, ...extra };
      if (status === 204 || body === undefined) {
        res.writeHead(status, all);
        res.end();
      } else if (typeof body === 'string') {
        res.writeHead(status, { ...all, 'content-type': 'text/html' });
        res.end(body);
      } else {
        res.writeHead(status, { ...all, 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      }
      this.recordRequest(record);
    };

    try {
      const match = /^\/api(?:\/v(\d+))?(\/.*)$/.exec(url.pathname);
      if (!match) {
        send(404, { message: '404: Not Found', code: 0 });
        return;
      }
      const path = (match[2] ?? '/')
        .split('/')
        .map((segment) => safeDecode(segment))
        .join('/')
        .replace(/\/+$/, '');
      record.path = path;
      const raw = await readBody(req);
      const found = matchRoute(this.options.routes, method, path);
      if (!('route' in found)) {
        send(found.methodMismatch ? 405 : 404, {
          message: found.methodMismatch ? '405: Method Not Allowed' : '404: Not Found',
          code: 0,
        });
        return;
      }
      const { route, params } = found;
      record.route = `${route.method} ${route.template}`;

      // Body: JSON, or multipart with payload_json and files (discord.js uploads attachments so).
      try {
        const parsed = await parseBody(req, raw, url);
        record.body = parsed.body;
        record.files = parsed.files;
      } catch {
        send(400, { message: 'The request body contains invalid JSON.', code: 50109 });
        return;
      }

      if (route.auth) {
        const auth = req.headers.authorization ?? '';
        if (auth !== `Bot ${this.options.token}`) {
          send(401, { message: '401: Unauthorized', code: 0 });
          return;
        }
      }

      const fault = this.options.faults.take(method, path);
      if (fault) {
        if (fault.rule.delayMs) await sleep(fault.rule.delayMs);
        if (!fault.passThrough) {
          record.injectedFault = true;
          this.stats.faultsInjected += 1;
          this.serveFault(fault.rule, record, res, send);
          return;
        }
      }

      const decision = this.options.rateLimiter.take(route.bucket(params), route.global);
      headers = decision.headers;
      if (decision.limited) {
        const retryAfter = decision.limited.retryAfterMs / 1000;
        record.rateLimited = true;
        this.stats.rateLimitedByLimiter += 1;
        if (decision.limited.global) this.stats.rateLimitedGlobal += 1;
        send(
          429,
          {
            message: 'You are being rate limited.',
            retry_after: Number(retryAfter.toFixed(3)),
            global: decision.limited.global,
            code: 0,
          },
          {
            'retry-after': retryAfter.toFixed(3),
            'x-ratelimit-scope': decision.limited.scope,
            ...(decision.limited.global ? { 'x-ratelimit-global': 'true' } : {}),
          },
        );
        return;
      }

      if (route.validate) {
        if (lacksAllowedMentions(route.validate, record.body)) {
          record.lacksAllowedMentions = true;
          this.mentionViolations.push({ method, path, route: record.route, body: record.body });
        }
        const result = validateBody(route.validate, record.body);
        if (!result.ok) {
          record.issues = result.issues;
          const violation: SchemaViolation = {
            method,
            path,
            route: record.route,
            kind: route.validate,
            body: record.body,
            issues: result.issues,
            response: result.response,
          };
          this.violations.push(violation);
          this.options.onViolation(violation);
          this.options.logger?.warn(
            { route: record.route, issues: result.issues },
            'loopback discord: invalid body',
          );
          send(result.status, result.response);
          return;
        }
      }

      const response = route.handle({
        method,
        path,
        params,
        query: url.searchParams,
        body: record.body,
        files: record.files,
      });
      if (response.deduplicated) {
        record.deduplicated = true;
        this.stats.nonceDeduplicated += 1;
      }
      send(response.status, response.status === 204 ? undefined : response.body);
    } catch (error) {
      if (error instanceof DiscordHttpError) {
        send(error.status, error.toBody());
        return;
      }
      this.options.logger?.error({ err: error }, 'loopback discord: handler failed');
      send(500, { message: '500: Internal Server Error', code: 0 });
    } finally {
      if (record.status === 0 && !res.headersSent)
        send(500, { message: '500: Internal Server Error', code: 0 });
    }
  }

  private serveFault(
    rule: FaultRule,
    record: RecordedRequest,
    res: ServerResponse,
    send: (status: number, body?: unknown, extra?: Record<string, string>) => void,
  ): void {
    if (rule.status === 'reset') {
      record.status = -1;
      // RST rather than FIN, so the client sees ECONNRESET as after a real network failure.
      res.socket?.resetAndDestroy();
      this.recordRequest(record);
      return;
    }
    const status = rule.status;
    if (status === 429) {
      const retryAfter = rule.retryAfter ?? 0.1;
      send(
        429,
        rule.body ?? {
          message: 'You are being rate limited.',
          retry_after: retryAfter,
          global: rule.global === true,
          code: 0,
        },
        {
          'retry-after': String(retryAfter),
          'x-ratelimit-scope': rule.global ? 'global' : 'user',
          ...(rule.global ? { 'x-ratelimit-global': 'true' } : {}),
        },
      );
      return;
    }
    if (status === 502 || status === 503 || status === 504) {
      send(status, rule.body ?? `<html><body><h1>${status} Bad Gateway</h1></body></html>`);
      return;
    }
    send(status, rule.body ?? { message: `${status}: Injected fault`, code: 0 });
  }

  private recordRequest(record: RecordedRequest): void {
    this.stats.requests += 1;
    if (record.status === 429) this.stats.rateLimited += 1;
    this.requests.push(record);
    const max = this.options.maxRecordedRequests;
    if (this.requests.length > max) this.requests.splice(0, this.requests.length - max);
    this.options.onRequest(record);
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(
  req: IncomingMessage,
  raw: Buffer,
  url: URL,
): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request(url.toString(), {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw,
    }).formData();
    let body: unknown;
    const files: UploadedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (field === 'payload_json' && typeof value === 'string') body = JSON.parse(value);
      else if (typeof value !== 'string') {
        files.push({
          field,
          filename: value.name,
          size: value.size,
          contentType: value.type || 'application/octet-stream',
        });
      }
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}
