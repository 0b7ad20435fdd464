import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { constants as zlibConstants, createDeflate, deflateSync, type Deflate } from 'node:zlib';
import { GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { LoopbackLogger } from './logger.ts';
import { isObject, type JsonObject } from './shapes.ts';

/** Intents a new Discord application may not request until they are enabled for it. */
const PRIVILEGED =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

/** Which intent an event needs; events not listed are always sent (READY, INTERACTION_CREATE …). */
const EVENT_INTENT: Record<string, number> = {
  GUILD_CREATE: GatewayIntentBits.Guilds,
  GUILD_UPDATE: GatewayIntentBits.Guilds,
  GUILD_DELETE: GatewayIntentBits.Guilds,
  GUILD_ROLE_CREATE: GatewayIntentBits.Guilds,
  GUILD_ROLE_UPDATE: GatewayIntentBits.Guilds,
  GUILD_ROLE_DELETE: GatewayIntentBits.Guilds,
  CHANNEL_CREATE: GatewayIntentBits.Guilds,
  CHANNEL_UPDATE: GatewayIntentBits.Guilds,
  CHANNEL_DELETE: GatewayIntentBits.Guilds,
  MESSAGE_CREATE: GatewayIntentBits.GuildMessages,
  MESSAGE_UPDATE: GatewayIntentBits.GuildMessages,
  MESSAGE_DELETE: GatewayIntentBits.GuildMessages,
};

/** Options of the gateway. */
export interface GatewayOptions {
  /** The bot token (without `Bot `) IDENTIFY and RESUME must carry. */
  token: string;
  /** `ws://127.0.0.1:PORT/gateway`, also sent as `resume_gateway_url`. */
  url: string;
  /** Heartbeat interval announced in HELLO. Tests use short ones. */
  heartbeatIntervalMs: number;
  /** Close a connection whose heartbeats stop for this many intervals (default 3). */
  heartbeatToleranceIntervals?: number;
  /** Privileged intents the application is allowed (default none, like a new Discord app). */
  privilegedIntents?: number;
  /** The READY payload's fixed parts (user, application). */
  readyBase: () => { user: JsonObject; application: JsonObject };
  /** The guilds the bot is in, at IDENTIFY time: sent unavailable in READY, then as GUILD_CREATE each. */
  guildCreates: () => JsonObject[];
  /** Events kept per session for RESUME. */
  replayBufferSize?: number;
  logger?: LoopbackLogger;
}

/** Gateway lifecycle events the server reports to tests. */
export type GatewayEvent =
  | { type: 'connect'; connectionId: number; query: string }
  | { type: 'identify'; sessionId: string; intents: number }
  | { type: 'resume'; sessionId: string; replayed: number }
  | { type: 'heartbeat'; heartbeat: HeartbeatRecord }
  | { type: 'close'; connectionId: number; code: number; sessionId?: string };

/**
 * One heartbeat the bot sent, timed on arrival. A client heartbeats every `heartbeat_interval` (the first after a
 * random fraction of it); one that arrives much later than that means the client's event loop was blocked,
 * which on real Discord ends in a zombied connection. Tests read these to show the bot never stalled.
 */
export interface HeartbeatRecord {
  connectionId: number;
  /** When it arrived (`performance.now()` of the loopback's process). */
  at: number;
  /** Milliseconds since the connection's previous heartbeat, or since HELLO for its first. */
  sinceLastMs: number;
  /** How much later than the announced interval it came (0 when on time). */
  lateMs: number;
}

interface Session {
  id: string;
  intents: number;
  seq: number;
  buffer: JsonObject[];
  socket: Connection | undefined;
  invalidated: boolean;
  createdAt: number;
}

interface Connection {
  id: number;
  ws: WebSocket;
  session: Session | undefined;
  compression: 'zlib-stream' | 'identify' | 'none';
  deflate: Deflate | undefined;
  sendChain: Promise<void>;
  lastHeartbeatAt: number;
  /** `performance.now()` of HELLO, then of each heartbeat: what {@link HeartbeatRecord.sinceLastMs} counts from. */
  lastBeatMark: number;
  heartbeatTimer: NodeJS.Timeout | undefined;
  closed: boolean;
}

/**
 * The WebSocket half of the loopback Discord: HELLO, IDENTIFY → READY and GUILD_CREATE, heartbeats,
 * RESUME with replay of the events a session missed while disconnected, and dispatches. Sessions outlive
 * their sockets, as on Discord: when a socket drops with a resumable code, later events are buffered and
 * replayed on RESUME, which is what lets a test show an interaction sent during a drop still arrives.
 */
export class LoopbackGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  private nextConnectionId = 1;
  /** Every heartbeat received, in order of arrival, on every connection (see {@link HeartbeatRecord}). */
  readonly heartbeats: HeartbeatRecord[] = [];
  /** Called with every lifecycle event (connect, identify, resume, close). */
  onEvent: (event: GatewayEvent) => void = () => {};

  constructor(private readonly options: GatewayOptions) {}

  /** Takes over an HTTP upgrade request for the gateway path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req));
  }

  /** Sessions that can still receive events (connected, or dropped but resumable). */
  liveSessions(): { id: string; connected: boolean; seq: number }[] {
    return [...this.sessions.values()]
      .filter((s) => !s.invalidated)
      .map((s) => ({ id: s.id, connected: s.socket !== undefined && !s.socket.closed, seq: s.seq }));
  }

  /**
   * The heartbeats that came more than `toleranceMs` later than the announced interval (since the previous one,
   * or since HELLO), optionally only those after `since` (a `performance.now()` instant).
   */
  lateHeartbeats(toleranceMs: number, since = 0): HeartbeatRecord[] {
    return this.heartbeats.filter((h) => h.at >= since && h.lateMs > toleranceMs);
  }

  /** Whether some bot session is connected right now. */
  get connected(): boolean {
    return this.liveSessions().some((s) => s.connected);
  }

  /**
   * Sends an event to every live session (buffered for those whose socket is down). With `newestOnly`, only
   * the most recently identified session gets it, which is how Discord delivers an interaction on one shard.
   */
  dispatch(t: string, d: JsonObject, newestOnly = false): number {
    let sessions = [...this.sessions.values()].filter((s) => !s.invalidated);
    if (newestOnly) sessions = sessions.sort((a, b) => b.createdAt - a.createdAt).slice(0, 1);
    let delivered = 0;
    for (const session of sessions) {
      const needed = EVENT_INTENT[t];
      if (needed !== undefined && (session.intents & needed) === 0) continue;
      this.sessionDispatch(session, t, d);
      delivered += 1;
    }
    return delivered;
  }

  /**
   * Drops every bot connection. The default close code 4000 is resumable, so discord.js reconnects and
   * sends RESUME; `'terminate'` kills the TCP connection without a close frame (a network failure); a code
   * such as 4009 (session timed out) may make the client identify afresh instead.
   */
  drop(how: number | 'terminate' = GatewayCloseCodes.UnknownError): void {
    for (const connection of [...this.connections]) {
      if (how === 'terminate') connection.ws.terminate();
      else connection.ws.close(how, 'Dropped by the loopback Discord');
      this.detach(connection, typeof how === 'number' ? how : 1006);
    }
  }

  /** Sends op 7 RECONNECT: the client should close and resume. */
  requestReconnect(): void {
    for (const connection of this.connections)
      this.send(connection, { op: GatewayOpcodes.Reconnect, d: null });
  }

  /** Sends op 9 INVALID_SESSION (not resumable): the client must identify again. */
  invalidateSessions(): void {
    for (const session of this.sessions.values()) {
      session.invalidated = true;
      if (session.socket) this.send(session.socket, { op: GatewayOpcodes.InvalidSession, d: false });
    }
  }

  /** Closes every socket and forgets every session. */
  close(): Promise<void> {
    for (const connection of this.connections) {
      connection.ws.terminate();
      this.detach(connection, 1001);
    }
    this.sessions.clear();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const connection: Connection = {
      id: this.nextConnectionId++,
      ws,
      session: undefined,
      compression: url.searchParams.get('compress') === 'zlib-stream' ? 'zlib-stream' : 'none',
      deflate: undefined,
      sendChain: Promise.resolve(),
      lastHeartbeatAt: Date.now(),
      lastBeatMark: performance.now(),
      heartbeatTimer: undefined,
      closed: false,
    };
    this.connections.add(connection);
    this.onEvent({ type: 'connect', connectionId: connection.id, query: url.search });
    ws.on('error', (error) => this.options.logger?.debug({ err: error }, 'loopback gateway socket error'));
    ws.on('close', (code) => this.detach(connection, code));

    const encoding = url.searchParams.get('encoding') ?? 'json';
    const version = url.searchParams.get('v') ?? '10';
    if (encoding !== 'json') {
      ws.close(GatewayCloseCodes.DecodeError, 'Only the json encoding is supported by the loopback Discord');
      return;
    }
    if (version !== '10' && version !== '9') {
      ws.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if (connection.compression === 'zlib-stream') connection.deflate = createDeflate();

    ws.on('message', (data, isBinary) => this.onMessage(connection, data, isBinary));
    connection.lastBeatMark = performance.now();
    this.send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["loopback-gateway",{}]'] },
    });
    const tolerance =
      this.options.heartbeatIntervalMs * (this.options.heartbeatToleranceIntervals ?? 3) + 1000;
    connection.heartbeatTimer = setInterval(() => {
      if (Date.now() - connection.lastHeartbeatAt > tolerance) {
        this.options.logger?.debug({ connection: connection.id }, 'loopback gateway: heartbeats stopped');
        ws.close(GatewayCloseCodes.SessionTimedOut, 'Session timed out');
        this.detach(connection, GatewayCloseCodes.SessionTimedOut);
      }
    }, this.options.heartbeatIntervalMs);
    connection.heartbeatTimer.unref();
  }

  private onMessage(connection: Connection, raw: RawData, isBinary: boolean): void {
    if (isBinary) {
      connection.ws.close(GatewayCloseCodes.DecodeError, 'Decode error: binary frames are not accepted');
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(rawToString(raw));
    } catch {
      connection.ws.close(GatewayCloseCodes.DecodeError, 'Decode error');
      return;
    }
    if (!isObject(payload) || typeof payload.op !== 'number') {
      connection.ws.close(GatewayCloseCodes.DecodeError, 'Decode error');
      return;
    }
    const d = payload.d;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat: {
        connection.lastHeartbeatAt = Date.now();
        const at = performance.now();
        const sinceLastMs = at - connection.lastBeatMark;
        connection.lastBeatMark = at;
        const lateMs = Math.max(0, sinceLastMs - this.options.heartbeatIntervalMs);
        const heartbeat: HeartbeatRecord = { connectionId: connection.id, at, sinceLastMs, lateMs };
        this.heartbeats.push(heartbeat);
        this.onEvent({ type: 'heartbeat', heartbeat });
        this.send(connection, { op: GatewayOpcodes.HeartbeatAck });
        return;
      }
      case GatewayOpcodes.Identify:
        this.identify(connection, isObject(d) ? d : {});
        return;
      case GatewayOpcodes.Resume:
        this.resume(connection, isObject(d) ? d : {});
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!connection.session) connection.ws.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated');
        return;
      default:
        connection.ws.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode');
    }
  }

  private tokenMatches(token: unknown): boolean {
    return typeof token === 'string' && token.replace(/^Bot /, '') === this.options.token;
  }

  private identify(connection: Connection, d: JsonObject): void {
    if (connection.session) {
      connection.ws.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated');
      return;
    }
    if (!this.tokenMatches(d.token)) {
      connection.ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed');
      return;
    }
    const intents = typeof d.intents === 'number' ? d.intents : NaN;
    if (!Number.isInteger(intents) || intents < 0) {
      connection.ws.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s)');
      return;
    }
    if ((intents & PRIVILEGED & ~(this.options.privilegedIntents ?? 0)) !== 0) {
      connection.ws.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s)');
      return;
    }
    if (d.compress === true && connection.compression === 'none') connection.compression = 'identify';
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      intents,
      seq: 0,
      buffer: [],
      socket: connection,
      invalidated: false,
      createdAt: Date.now(),
    };
    this.sessions.set(session.id, session);
    connection.session = session;
    this.onEvent({ type: 'identify', sessionId: session.id, intents });
    const guilds = this.options.guildCreates();
    const base = this.options.readyBase();
    this.sessionDispatch(session, 'READY', {
      v: 10,
      user_settings: {},
      user: base.user,
      application: base.application,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.options.url,
      shard: Array.isArray(d.shard) ? d.shard : [0, 1],
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['loopback'],
      auth: {},
      _trace: ['["loopback-gateway",{}]'],
    });
    for (const guild of guilds) {
      if ((intents & GatewayIntentBits.Guilds) !== 0) this.sessionDispatch(session, 'GUILD_CREATE', guild);
    }
  }

  private resume(connection: Connection, d: JsonObject): void {
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (!this.tokenMatches(d.token)) {
      connection.ws.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed');
      return;
    }
    if (!session || session.invalidated) {
      this.send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    if (session.socket && session.socket !== connection) {
      session.socket.ws.close(GatewayCloseCodes.UnknownError, 'Session resumed elsewhere');
      this.detach(session.socket, GatewayCloseCodes.UnknownError);
    }
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    const oldest = session.buffer[0];
    if (oldest && typeof oldest.s === 'number' && oldest.s > seq + 1) {
      // Events the client missed fell out of the buffer: it cannot resume.
      session.invalidated = true;
      this.send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    session.socket = connection;
    connection.session = session;
    const missed = session.buffer.filter((p) => typeof p.s === 'number' && p.s > seq);
    for (const payload of missed) this.send(connection, payload);
    this.sessionDispatch(session, 'RESUMED', { _trace: ['["loopback-gateway",{}]'] });
    this.onEvent({ type: 'resume', sessionId: session.id, replayed: missed.length });
  }

  private sessionDispatch(session: Session, t: string, d: JsonObject): void {
    session.seq += 1;
    const payload: JsonObject = { op: GatewayOpcodes.Dispatch, t, s: session.seq, d };
    session.buffer.push(payload);
    const max = this.options.replayBufferSize ?? 1000;
    if (session.buffer.length > max) session.buffer.splice(0, session.buffer.length - max);
    if (session.socket && !session.socket.closed) this.send(session.socket, payload);
  }

  private send(connection: Connection, payload: JsonObject): void {
    if (connection.closed) return;
    const json = JSON.stringify(payload);
    if (connection.compression === 'none') {
      connection.ws.send(json);
      return;
    }
    if (connection.compression === 'identify') {
      connection.ws.send(deflateSync(json));
      return;
    }
    // zlib-stream: one shared deflate context, each payload ending with a sync flush (00 00 ff ff).
    const deflate = connection.deflate;
    if (!deflate) return;
    connection.sendChain = connection.sendChain.then(
      () =>
        new Promise<void>((resolve) => {
          const chunks: Buffer[] = [];
          const onData = (chunk: Buffer) => chunks.push(chunk);
          deflate.on('data', onData);
          deflate.write(json);
          deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
            deflate.off('data', onData);
            if (!connection.closed) connection.ws.send(Buffer.concat(chunks));
            resolve();
          });
        }),
    );
  }

  private detach(connection: Connection, code: number): void {
    if (connection.closed) return;
    connection.closed = true;
    if (connection.heartbeatTimer) clearInterval(connection.heartbeatTimer);
    connection.deflate?.close();
    this.connections.delete(connection);
    const session = connection.session;
    if (session && session.socket === connection) {
      session.socket = undefined;
      // A clean close (1000/1001) by either side ends the session; anything else leaves it resumable.
      if (code === 1000 || code === 1001) session.invalidated = true;
    }
    this.onEvent({
      type: 'close',
      connectionId: connection.id,
      code,
      ...(session ? { sessionId: session.id } : {}),
    });
  }
}

function rawToString(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  if (raw instanceof ArrayBuffer) return Buffer.from(raw).toString('utf8');
  return raw.toString('utf8');
}
