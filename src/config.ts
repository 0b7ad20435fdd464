import { existsSync } from 'node:fs';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** Accepts "", unset or a value; an empty string counts as unset so `.env` lines like `KEY=` keep the default. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const positiveInt = (fallback: number) =>
  z.preprocess((v) => (v === '' || v === undefined ? fallback : v), z.coerce.number().int().positive());

const isCidr = (range: string): boolean => {
  try {
    ipaddr.parseCIDR(range);
    return true;
  } catch {
    return false;
  }
};

/**
 * Every setting Dispatch reads from its environment, parsed once at boot. This is the only module that touches
 * `process.env`; everything else receives a {@link Config} through its context, so tests can build one freely.
 */
export const configSchema = z.object({
  DATABASE_PATH: z.string().min(1).default('data/dispatch.db'),
  ARTICLES_DIR: z.string().min(1).default('data/articles'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_ARTICLE_BYTES: positiveInt(1024 * 1024),
  /**
   * Worker threads that extract articles (files and feed items). Unset: one fewer than the cores the process may
   * use, at least one (`defaultPoolSize` in src/ingest/pool.ts), since the main thread needs a core of its own.
   */
  EXTRACTION_WORKERS: optional(z.coerce.number().int().positive()),
  DISCORD_TOKEN: optional(
    z.string().regex(/^[\w.-]{20,}$/, 'must look like a bot token (letters, digits, dots)'),
  ),
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d{15,21}$/, 'must be a numeric snowflake')),
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).default('https://discord.com/api'),
  DIGEST_MIN_INTERVAL_MINUTES: positiveInt(15),
  DIGEST_CATCHUP_HOURS: positiveInt(6),
  MAX_SUBSCRIPTIONS_PER_GUILD: positiveInt(10),
  RESCAN_INTERVAL_SECONDS: positiveInt(30),
  FEED_MAX_BYTES: positiveInt(5 * 1024 * 1024),
  FEEDS_ALLOW_PRIVATE: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  FEEDS_ALLOW_ADDRESSES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      for (const entry of entries.filter((a) => !ipaddr.isValid(a) && !isCidr(a))) {
        ctx.addIssue({
          code: 'custom',
          message: `${entry} is not an IP address or a range such as 10.0.0.0/24`,
        });
      }
    }),
  FEED_POLL_MINUTES: z.preprocess(
    (v) => (v === '' || v === undefined ? 10 : v),
    z.coerce.number().int().min(2, 'must be at least 2 (minutes)'),
  ),
  FEED_FIRST_POLL_HOURS: positiveInt(24),
  FEED_MAX_ITEMS_PER_POLL: positiveInt(50),
  MAX_FEEDS_PER_GUILD: positiveInt(20),
  OPERATOR_CONTACT_URL: z
    .url({ protocol: /^(https?|mailto)$/ })
    .default('https://github.com/dispatch-bot/dispatch'),
  SCHEDULER_LEASE_SECONDS: positiveInt(30),
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt(9),
});

/** The parsed, typed configuration. */
export type Config = z.infer<typeof configSchema>;

/** Thrown by {@link parseConfig}; its message names every bad key, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (by default `process.env`), collecting every problem rather than stopping at the first. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  // `KEY=` (as .env.example writes optional keys) means "use the default" for every key, not only the optional ones.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = configSchema.safeParse(set);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new ConfigError(problems);
}

/** The configuration with every default applied, for tests and tools that build their own. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...parseConfig({}), ...overrides };
}

/**
 * Parses the environment (after reading `.env`, if there is one) at boot, or prints what is wrong and exits non-zero. Entry points call this once;
 * it writes to stderr directly because no logger exists before the configuration does.
 */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  // An operator's `.env` in the working folder fills in what the real environment leaves unset.
  if (env === process.env && existsSync('.env')) process.loadEnvFile('.env');
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting and its default.\n`);
      process.exit(2);
    }
    throw error;
  }
}
