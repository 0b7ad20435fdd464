import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { MessageFlags } from 'discord-api-types/v10';
import { parseCommandLine } from './commandline.ts';
import { FaultInjector } from './faults.ts';
import { LoopbackGateway, type GatewayEvent } from './gateway.ts';
import {
  buildAutocompleteInteraction,
  buildCommandInteraction,
  buildComponentInteraction,
  INTERACTION_DEADLINE_MS,
  PendingInteraction,
  type AutocompleteInvocation,
  type BuilderContext,
  type BuiltInteraction,
  type CommandInvocation,
  type ComponentInvocation,
  type InteractionOutcome,
  type InteractionTarget,
  type ResponseKind,
} from './interactions.ts';
import {
  HttpPipeline,
  type LoopbackStats,
  type MentionViolation,
  type RecordedRequest,
  type SchemaViolation,
} from './http.ts';
import type { LoopbackLogger } from './logger.ts';
import { RateLimiter, type RateLimitOptions } from './ratelimit.ts';
import { renderMessageAsText } from './render.ts';
import { buildRoutes, type RestContext } from './rest.ts';
import { LoopbackState, SnowflakeGenerator } from './state.ts';
import {
  isObject,
  type JsonObject,
  type LoopbackCommand,
  type LoopbackMessage,
  type LoopbackUser,
} from './shapes.ts';

/** Options of `startLoopbackDiscord`. */
export interface LoopbackDiscordOptions {
  /** TCP port (default 0: any free port). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** The application id, which is also the bot user's id (default: a fresh snowflake). */
  applicationId?: string;
  /** The bot token the bot must log in with (default: a random-looking token). */
  botToken?: string;
  /** The bot's username (default `Dispatch`). */
  botUsername?: string;
  rateLimits?: RateLimitOptions;
  /** HELLO's heartbeat interval (default 41250 ms as on Discord; tests use a few hundred ms). */
  heartbeatIntervalMs?: number;
  /** How long the bot has to acknowledge an interaction (default 3000 ms, Discord's limit). */
  interactionDeadlineMs?: number;
  /** How long `interact` waits for a deferred response to be completed (default 10 s). */
  responseTimeoutMs?: number;
  /** How long interaction tokens (callbacks, follow-ups, edits) stay valid (default 15 minutes). */
  interactionTokenTtlMs?: number;
  /** How long a channel-message nonce with `enforce_nonce` dedupes (default 5 minutes). */
  nonceWindowMs?: number;
  /** Privileged intents the application may request (bitfield; default none). */
  privilegedIntents?: number;
  /** Keep at most this many entries in `requests` (oldest dropped first; default 20 000). */
  maxRecordedRequests?: number;
  logger?: LoopbackLogger;
}

/** The settled answer to an interaction, as the invoking user sees it. */
export interface InteractionResult {
  /** How the bot answered: a reply, a deferred reply then an edit, an update of the clicked message … */
  kind: ResponseKind;
  /** The INTERACTION_CREATE payload the bot received. */
  interaction: JsonObject;
  /** The final message as the user sees it (a snapshot; `discord.getMessage(id)` for later edits). */
  reply: LoopbackMessage;
  /** Same as `reply`; pass it to `clickButton`. */
  message: LoopbackMessage;
  /** Whether only the invoking user sees the reply. */
  ephemeral: boolean;
  /** `renderMessageAsText(reply)`. */
  text: string;
  /** Follow-up messages the bot has sent for this interaction so far (grows over time). */
  readonly followUps: LoopbackMessage[];
  /** Waits until the bot has sent at least `count` follow-ups. */
  waitForFollowUps(count: number, timeoutMs?: number): Promise<LoopbackMessage[]>;
  /** For a modal response: the modal's data. */
  modal?: JsonObject;
}

/** An autocomplete choice as the bot sent it. */
export interface AutocompleteChoice {
  name: string;
  value: string | number;
}

/** Events of the loopback Discord. */
export interface LoopbackEvents {
  /** The bot posted a message to a channel (POST /channels/{id}/messages). */
  message: [message: LoopbackMessage];
  /** The bot replied to, edited or followed up an interaction. */
  interactionMessage: [
    event: { message: LoopbackMessage; interactionId: string; how: 'reply' | 'edit' | 'followUp' },
  ];
  /** Every REST request, once answered. */
  request: [request: RecordedRequest];
  /** A body that did not fit the schema. */
  violation: [violation: SchemaViolation];
  /** Gateway lifecycle: connect, identify, resume, close. */
  gateway: [event: GatewayEvent];
  /** The bot (re)registered commands; `guildId` undefined for global ones. */
  commands: [event: { guildId: string | undefined; commands: LoopbackCommand[] }];
}

/**
 * A Discord-compatible server on 127.0.0.1 for the real discord.js client: gateway and REST, with a state
 * model (guilds, channels, permissions, messages, commands), schema validation of every body against
 * `discord-api-spec`, rate limits, and fault injection. Tests drive users through `interact`,
 * `autocomplete` and `clickButton`, and read what the bot did through `channelMessages`, `requests`,
 * `violations` and `mentionViolations`.
 */
export class LoopbackDiscord extends EventEmitter<LoopbackEvents> {
  /** The REST base to give discord.js as `rest.api`, e.g. `http://127.0.0.1:PORT/api`. */
  readonly restUrl: string;
  /** The gateway URL `GET /gateway/bot` returns. */
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: LoopbackUser;
  readonly state: LoopbackState;
  readonly faults = new FaultInjector();
  /** Every REST request, oldest first. */
  readonly requests: RecordedRequest[];
  /** Bodies that did not fit Discord's schema. A correct bot leaves this empty. */
  readonly violations: SchemaViolation[];
  /** Message-writing bodies without `allowed_mentions`. A correct Dispatch leaves this empty. */
  readonly mentionViolations: MentionViolation[];
  readonly stats: LoopbackStats;
  readonly rateLimiter: RateLimiter;
  readonly gateway: LoopbackGateway;

  private readonly ids: SnowflakeGenerator;
  private readonly interactionsById = new Map<string, PendingInteraction>();
  private readonly interactionsByToken = new Map<string, PendingInteraction>();
  private readonly options: LoopbackDiscordOptions;
  private readonly sockets = new Set<Socket>();
  private closed = false;

  /** Use `startLoopbackDiscord`, which also listens. */
  constructor(
    private readonly server: Server,
    port: number,
    host: string,
    options: LoopbackDiscordOptions,
    ids: SnowflakeGenerator,
  ) {
    super();
    this.options = options;
    this.ids = ids;
    this.applicationId = options.applicationId ?? ids.next();
    this.token = options.botToken ?? defaultToken(this.applicationId);
    const httpBase = `http://${host}:${port}`;
    this.restUrl = `${httpBase}/api`;
    this.gatewayUrl = `ws://${host}:${port}/gateway`;
    this.botUser = {
      id: this.applicationId,
      username: options.botUsername ?? 'Dispatch',
      global_name: null,
      discriminator: '0',
      avatar: null,
      bot: true,
    };
    this.state = new LoopbackState(ids, this.botUser);
    this.rateLimiter = new RateLimiter(options.rateLimits);
    this.gateway = new LoopbackGateway({
      token: this.token,
      url: this.gatewayUrl,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: options.privilegedIntents ?? 0,
      readyBase: () => ({
        user: { ...this.state.userPayload(this.botUser), bot: true, verified: true, mfa_enabled: false },
        application: { id: this.applicationId, flags: 0 },
      }),
      guildCreates: () => this.state.botGuilds().map((g) => this.state.guildCreatePayload(g)),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    this.gateway.onEvent = (event) => this.emit('gateway', event);
    this.state.onDispatch = ({ t, d }) => {
      this.gateway.dispatch(t, d);
    };
    const ctx: RestContext = {
      state: this.state,
      ids,
      applicationId: this.applicationId,
      gatewayUrl: this.gatewayUrl,
      httpBase,
      nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
      application: () => this.applicationPayload(),
      interactionsById: this.interactionsById,
      interactionsByToken: this.interactionsByToken,
      channelMessagePosted: (message) => this.emit('message', message),
      interactionMessage: (message, pending, how) => {
        this.emit('interactionMessage', { message, interactionId: pending.id, how });
      },
      interactionAcknowledged: (pending) => {
        if (!pending.settled) {
          pending.armTimer(this.options.responseTimeoutMs ?? 10_000, () =>
            this.diagnose(pending, 'acknowledged the interaction but never completed its response'),
          );
        }
      },
      commandsChanged: (guildId) => {
        this.emit('commands', {
          guildId,
          commands: guildId ? (this.state.guildCommands.get(guildId) ?? []) : this.state.globalCommands,
        });
      },
    };
    const http = new HttpPipeline({
      routes: buildRoutes(ctx),
      token: this.token,
      faults: this.faults,
      rateLimiter: this.rateLimiter,
      maxRecordedRequests: options.maxRecordedRequests ?? 20_000,
      ...(options.logger ? { logger: options.logger } : {}),
      onRequest: (record) => this.emit('request', record),
      onViolation: (violation) => this.emit('violation', violation),
    });
    this.requests = http.requests;
    this.violations = http.violations;
    this.mentionViolations = http.mentionViolations;
    this.stats = http.stats;
    server.on('request', (req, res) => void http.handle(req, res));
    server.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === '/' || path.startsWith('/gateway')) this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Global commands the bot registered (PUT /applications/{id}/commands). */
  get commands(): LoopbackCommand[] {
    return this.state.globalCommands;
  }

  /** Commands a guild's members see: its guild commands, then global ones. */
  commandsFor(guildId: string): LoopbackCommand[] {
    return [...(this.state.guildCommands.get(guildId) ?? []), ...this.state.globalCommands];
  }

  /**
   * Runs a slash command as a user, the way Discord would send it, and resolves once the response is
   * complete: the reply, or the edit that completes a deferred reply. Rejects (with the bot's failed
   * requests and schema violations in the message) if the bot does not acknowledge within Discord's 3 s,
   * or does not finish a deferred response in time. It settles when Discord has the response, which can be
   * a moment before the bot's handler returns: wait on the bot for side effects after its reply.
   */
  async interact(invocation: CommandInvocation): Promise<InteractionResult> {
    const built = buildCommandInteraction(this.builderContext(), invocation);
    const outcome = await this.run(built, 'command', undefined);
    return this.toResult(built, outcome);
  }

  /**
   * Runs a command typed as a user would type it: `/quotes speaker:Putin` or
   * `/config digest set channel:#news schedule:daily 09:00`. Option names come from the registered
   * command, so values may contain spaces and colons.
   */
  async interactText(line: string, target: InteractionTarget = {}): Promise<InteractionResult> {
    const guildId = target.guildId ?? this.state.botGuilds()[0]?.id;
    const parsed = parseCommandLine(line, guildId ? this.commandsFor(guildId) : this.state.globalCommands);
    return this.interact({ ...target, ...parsed });
  }

  /** Asks the bot for autocomplete choices while the user types in option `focused`. */
  async autocomplete(invocation: AutocompleteInvocation): Promise<AutocompleteChoice[]> {
    const built = buildAutocompleteInteraction(this.builderContext(), invocation);
    const outcome = await this.run(built, 'autocomplete', undefined);
    return outcome.choices ?? [];
  }

  /**
   * Clicks a button (or picks `values` in a select menu) on a message the bot sent, and resolves with the
   * resulting message: the updated message for an update, or the new reply.
   */
  async clickButton(invocation: ComponentInvocation): Promise<InteractionResult> {
    const built = buildComponentInteraction(this.builderContext(), invocation);
    const outcome = await this.run(built, 'component', built.message.id);
    return this.toResult(built, outcome);
  }

  /**
   * Messages the bot posted to a channel, oldest first. By default only messages posted through
   * POST /channels/{id}/messages (digests and the like); with `includeInteractionResponses`, public
   * replies to commands too. Ephemeral replies are never channel messages.
   */
  channelMessages(
    channelId: string,
    options: { includeInteractionResponses?: boolean } = {},
  ): LoopbackMessage[] {
    return (this.state.channelMessageIds.get(channelId) ?? [])
      .map((id) => this.state.messages.get(id))
      .filter((m): m is LoopbackMessage => m !== undefined)
      .filter((m) => options.includeInteractionResponses === true || m.webhook_id === undefined);
  }

  /** A message by id, in its current state (ephemeral ones included). */
  getMessage(id: string): LoopbackMessage | undefined {
    return this.state.messages.get(id);
  }

  /** Resolves with the next channel message (in `channelId` if given) that passes `predicate`. */
  waitForChannelMessage(
    options: { channelId?: string; predicate?: (m: LoopbackMessage) => boolean; timeoutMs?: number } = {},
  ): Promise<LoopbackMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('message', listener);
        reject(new Error(`No channel message within ${options.timeoutMs ?? 5000} ms`));
      }, options.timeoutMs ?? 5000);
      const listener = (m: LoopbackMessage) => {
        if (options.channelId && m.channel_id !== options.channelId) return;
        if (options.predicate && !options.predicate(m)) return;
        clearTimeout(timer);
        this.off('message', listener);
        resolve(m);
      };
      this.on('message', listener);
    });
  }

  /** Resolves on the next gateway event of a type (e.g. `'resume'` after `dropGateway()`). */
  waitForGateway<T extends GatewayEvent['type']>(
    type: T,
    timeoutMs = 5000,
  ): Promise<Extract<GatewayEvent, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('gateway', listener);
        reject(new Error(`No gateway ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (event: GatewayEvent) => {
        if (event.type !== type) return;
        clearTimeout(timer);
        this.off('gateway', listener);
        resolve(event as Extract<GatewayEvent, { type: T }>);
      };
      this.on('gateway', listener);
    });
  }

  /** Whether a bot is connected to the gateway right now. */
  get gatewayConnected(): boolean {
    return this.gateway.connected;
  }

  /**
   * Drops the bot's gateway connection. The default (close code 4000) lets discord.js resume; events
   * dispatched meanwhile (interactions included) are replayed on RESUME. `'terminate'` cuts the TCP
   * connection without a close frame.
   */
  dropGateway(how: number | 'terminate' = 4000): void {
    this.gateway.drop(how);
  }

  /** Throws, listing them, if the bot sent any body that does not fit the schema or lacks allowed_mentions. */
  assertNoViolations(): void {
    const problems = [
      ...this.violations.map(
        (v) =>
          `${v.route}: ${v.issues.map((i) => `${i.path.join('.') || '(body)'} ${i.code} ${i.message}`).join('; ')}`,
      ),
      ...this.mentionViolations.map((v) => `${v.route}: message without allowed_mentions`),
    ];
    if (problems.length > 0) throw new Error(`The bot sent invalid bodies:\n${problems.join('\n')}`);
  }

  /** Clears the request log, violations, stats, faults and rate-limit windows (state is kept). */
  resetRecords(): void {
    this.requests.length = 0;
    this.violations.length = 0;
    this.mentionViolations.length = 0;
    for (const key of Object.keys(this.stats) as (keyof LoopbackStats)[]) this.stats[key] = 0;
    this.faults.clear();
    this.rateLimiter.reset();
  }

  /** Stops the server: gateway sockets, HTTP connections, pending interactions. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const pending of this.interactionsById.values()) pending.cancel('The loopback Discord was closed');
    await this.gateway.close();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- internals ----

  private builderContext(): BuilderContext {
    return {
      state: this.state,
      ids: this.ids,
      applicationId: this.applicationId,
      commandsFor: (guildId) => this.commandsFor(guildId),
    };
  }

  private applicationPayload(): JsonObject {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: 'Loopback application',
      summary: '',
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      hook: true,
      is_monetized: false,
      integration_types_config: { '0': {} },
      install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
      bot: this.state.userPayload(this.botUser),
      owner: {
        id: this.ids.next(),
        username: 'developer',
        global_name: null,
        discriminator: '0',
        avatar: null,
      },
      team: null,
      approximate_guild_count: this.state.botGuilds().length,
      interactions_endpoint_url: null,
      redirect_uris: [],
      tags: [],
    };
  }

  private run(
    built: BuiltInteraction,
    kind: PendingInteraction['kind'],
    sourceMessageId: string | undefined,
  ): Promise<InteractionOutcome> {
    if (this.closed) return Promise.reject(new Error('The loopback Discord is closed'));
    const pending = new PendingInteraction(
      built.id,
      built.token,
      kind,
      built.payload,
      sourceMessageId,
      Date.now(),
    );
    if (this.gateway.liveSessions().length === 0) {
      return Promise.reject(
        new Error(
          'No bot is connected to the loopback gateway (log in a discord.js Client with discord.token first)',
        ),
      );
    }
    this.interactionsById.set(pending.id, pending);
    this.interactionsByToken.set(pending.token, pending);
    // Interaction tokens are valid for 15 minutes on Discord; forget them afterwards.
    setTimeout(
      () => {
        this.interactionsById.delete(pending.id);
        this.interactionsByToken.delete(pending.token);
      },
      this.options.interactionTokenTtlMs ?? 15 * 60_000,
    ).unref();
    const deadline = this.options.interactionDeadlineMs ?? INTERACTION_DEADLINE_MS;
    pending.armTimer(deadline, () =>
      this.diagnose(pending, `did not acknowledge the interaction within ${deadline} ms (Discord's limit)`),
    );
    this.gateway.dispatch('INTERACTION_CREATE', built.payload, true);
    return pending.promise;
  }

  private diagnose(pending: PendingInteraction, what: string): string {
    const related = this.requests.filter(
      (r) => r.path.includes(pending.id) || r.path.includes(pending.token),
    );
    const failures = related.filter((r) => r.status >= 400);
    const lines = [`The bot ${what}.`];
    const data = isObject(pending.payload.data) ? pending.payload.data : {};
    lines.push(
      `Interaction: ${pending.kind} ${typeof data.name === 'string' ? `/${data.name}` : String(data.custom_id ?? '')}`,
    );
    if (!this.gateway.connected) lines.push('Note: no bot is connected to the gateway right now.');
    for (const r of failures) {
      lines.push(`  ${r.method} ${r.route} → ${r.status} ${JSON.stringify(r.response)}`);
      for (const issue of r.issues ?? [])
        lines.push(`    ${issue.path.join('.') || '(body)'}: ${issue.code} ${issue.message}`);
    }
    if (related.length === 0) lines.push('  (the bot made no request for this interaction)');
    return lines.join('\n');
  }

  private toResult(built: BuiltInteraction, outcome: InteractionOutcome): InteractionResult {
    const pending = this.interactionsById.get(built.id);
    const reply: LoopbackMessage =
      outcome.message ?? emptyMessage(this.botUser, String(built.payload.channel_id));
    const followUps = () =>
      (pending?.followUpIds ?? [])
        .map((id) => this.state.messages.get(id))
        .filter((m): m is LoopbackMessage => m !== undefined);
    const result: InteractionResult = {
      kind: outcome.kind,
      interaction: built.payload,
      reply,
      message: reply,
      ephemeral: (reply.flags & MessageFlags.Ephemeral) !== 0,
      text: renderMessageAsText(reply),
      get followUps() {
        return followUps();
      },
      waitForFollowUps: (count, timeoutMs = 5000) =>
        new Promise((resolve, reject) => {
          const check = () => followUps().length >= count;
          if (check()) {
            resolve(followUps());
            return;
          }
          const timer = setTimeout(() => {
            this.off('interactionMessage', listener);
            reject(new Error(`Only ${followUps().length} of ${count} follow-ups within ${timeoutMs} ms`));
          }, timeoutMs);
          const listener = () => {
            if (!check()) return;
            clearTimeout(timer);
            this.off('interactionMessage', listener);
            resolve(followUps());
          };
          this.on('interactionMessage', listener);
        }),
      ...(outcome.modal ? { modal: outcome.modal } : {}),
    };
    return result;
  }
}

/**
 * Starts a loopback Discord on 127.0.0.1 and resolves once it listens. Point discord.js at it with
 * `new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.restUrl } })` and
 * `client.login(discord.token)`.
 */
export async function startLoopbackDiscord(options: LoopbackDiscordOptions = {}): Promise<LoopbackDiscord> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return new LoopbackDiscord(server, port, host, options, new SnowflakeGenerator());
}

function defaultToken(applicationId: string): string {
  return `${Buffer.from(applicationId).toString('base64url')}.loopback.${Buffer.from('dispatch-sandbox-token').toString('base64url')}`;
}

function emptyMessage(author: LoopbackUser, channelId: string): LoopbackMessage {
  return {
    id: '0',
    type: 0,
    channel_id: channelId,
    author,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0,
  };
}
