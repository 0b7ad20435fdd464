/**
 * The loopback Discord: a Discord-compatible gateway and REST server on 127.0.0.1 that the real
 * discord.js client runs against unchanged. It powers the end-to-end tests and `npm run sandbox`, where
 * Discord itself cannot be reached. Its constants are `discord-api-types`' (`MessageFlags`, `ChannelType`,
 * `PermissionFlagsBits` …); import them from there.
 */
export {
  startLoopbackDiscord,
  LoopbackDiscord,
  type LoopbackDiscordOptions,
  type InteractionResult,
  type AutocompleteChoice,
  type LoopbackEvents,
} from './loopback-discord.ts';
export type { RecordedRequest, SchemaViolation, MentionViolation, LoopbackStats } from './http.ts';
export type { LoopbackLogger } from './logger.ts';
export {
  LoopbackState,
  SnowflakeGenerator,
  type SeededGuild,
  type CreateGuildOptions,
  type CreateChannelOptions,
  type LoopbackGuild,
  type LoopbackChannel,
  type LoopbackRole,
  type LoopbackMember,
} from './state.ts';
export {
  type CommandInvocation,
  type AutocompleteInvocation,
  type ComponentInvocation,
  type InteractionTarget,
  type OptionValue,
  type ResponseKind,
} from './interactions.ts';
export { FaultInjector, type FaultRule, type ActiveFault } from './faults.ts';
export {
  RateLimiter,
  type RateLimitOptions,
  type RateLimitWindow,
  type GlobalRateLimitWindow,
} from './ratelimit.ts';
export { LoopbackGateway, type GatewayEvent, type HeartbeatRecord } from './gateway.ts';
export { renderMessageAsText, type RenderOptions } from './render.ts';
export { parseCommandLine, type ParsedCommandLine } from './commandline.ts';
export {
  validateBody,
  lacksAllowedMentions,
  embedLength,
  type BodyKind,
  type BodyIssue,
  type ValidationResult,
} from './validation.ts';
export {
  computePermissions,
  permissionNames,
  toBits,
  DEFAULT_BOT_PERMISSIONS,
  type PermissionName,
  type PermissionsInput,
  type Overwrite,
} from './access.ts';
export type {
  LoopbackMessage,
  LoopbackUser,
  LoopbackEmbed,
  LoopbackComponent,
  LoopbackAttachment,
  LoopbackCommand,
  LoopbackCommandOption,
} from './shapes.ts';
