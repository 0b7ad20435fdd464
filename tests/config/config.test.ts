import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, defaultConfig, parseConfig } from '../../src/config.ts';
import { ROOT, runTs, tempDir } from '../support/helpers.ts';

const LOAD_CONFIG = 'tests/config/fixtures/load-config.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe('config', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = parseConfig({});
    expect(config.DATABASE_PATH).toBe('data/dispatch.db');
    expect(config.ARTICLES_DIR).toBe('data/articles');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.MAX_ARTICLE_BYTES).toBe(1024 * 1024);
    expect(defaultConfig({ LOG_LEVEL: 'silent' })).toEqual({ ...config, LOG_LEVEL: 'silent' });
  });

  it('treats an empty value (`KEY=` in a .env file) as unset, keeping the default', () => {
    const config = parseConfig({ DATABASE_PATH: '', ARTICLES_DIR: '', LOG_LEVEL: '', MAX_ARTICLE_BYTES: '' });
    expect(config).toEqual(parseConfig({}));
  });

  it('reads the values it is given, coercing numbers', () => {
    const config = parseConfig({
      DATABASE_PATH: '/var/lib/dispatch.db',
      ARTICLES_DIR: 'news',
      LOG_LEVEL: 'debug',
      MAX_ARTICLE_BYTES: '2048',
    });
    expect(config).toMatchObject({
      DATABASE_PATH: '/var/lib/dispatch.db',
      ARTICLES_DIR: 'news',
      LOG_LEVEL: 'debug',
      MAX_ARTICLE_BYTES: 2048,
    });
  });

  it('names every bad key at once, not just the first', () => {
    const error = configError({ LOG_LEVEL: 'loud', MAX_ARTICLE_BYTES: 'abc' });
    expect(error.problems).toHaveLength(2);
    expect(error.message).toMatch(/LOG_LEVEL/);
    expect(error.message).toMatch(/MAX_ARTICLE_BYTES/);
    expect(error.message.split('\n')[0]).toBe('Invalid configuration:');
  });

  it.each(['0', '-5', '1.5', 'abc', '1MB'])('refuses MAX_ARTICLE_BYTES=%s', (value) => {
    const error = configError({ MAX_ARTICLE_BYTES: value });
    expect(error.problems).toEqual([expect.stringMatching(/^MAX_ARTICLE_BYTES: /)]);
  });

  it('leaves EXTRACTION_WORKERS unset (the pool sizes itself to the machine) unless given a positive whole number', () => {
    expect(parseConfig({}).EXTRACTION_WORKERS).toBeUndefined();
    expect(parseConfig({ EXTRACTION_WORKERS: '' }).EXTRACTION_WORKERS).toBeUndefined();
    expect(parseConfig({ EXTRACTION_WORKERS: '3' }).EXTRACTION_WORKERS).toBe(3);
    for (const value of ['0', '-1', '1.5', 'two']) {
      expect(configError({ EXTRACTION_WORKERS: value }).problems).toEqual([
        expect.stringMatching(/^EXTRACTION_WORKERS: /),
      ]);
    }
  });

  it('loadConfigOrExit exits non-zero and names every bad key on stderr', async () => {
    const result = await runTs(LOAD_CONFIG, [], { LOG_LEVEL: 'loud', MAX_ARTICLE_BYTES: 'abc' }, tempDir());
    expect(result.code).not.toBe(0);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/LOG_LEVEL/);
    expect(result.stderr).toMatch(/MAX_ARTICLE_BYTES/);
    expect(result.stderr).toMatch(/\.env\.example/);
    // A clear message, not a stack trace.
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('loadConfigOrExit returns the parsed configuration when the environment is valid', async () => {
    // Started in an empty folder, so no operator `.env` can take part.
    const result = await runTs(LOAD_CONFIG, [], { LOG_LEVEL: 'warn', MAX_ARTICLE_BYTES: '4096' }, tempDir());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const config = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(config).toMatchObject({
      LOG_LEVEL: 'warn',
      MAX_ARTICLE_BYTES: 4096,
      DATABASE_PATH: 'data/dispatch.db',
    });
  });

  it('loadConfigOrExit reads a .env in the working folder without overriding the real environment', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '.env'),
      '# operator settings\nLOG_LEVEL=error\nMAX_ARTICLE_BYTES=2048\nARTICLES_DIR=\n',
    );
    const result = await runTs(LOAD_CONFIG, [], { LOG_LEVEL: 'debug' }, dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      LOG_LEVEL: 'debug',
      MAX_ARTICLE_BYTES: 2048,
      ARTICLES_DIR: 'data/articles',
    });
  });

  it('loadConfigOrExit names a bad key that came from .env and exits non-zero', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'MAX_ARTICLE_BYTES=huge\n');
    const result = await runTs(LOAD_CONFIG, [], {}, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/MAX_ARTICLE_BYTES/);
  });

  describe('.env.example', () => {
    const lines = readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n');
    const keyLine = /^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/;
    const documented = new Map<string, { value: string; index: number }>();
    lines.forEach((line, index) => {
      const match = keyLine.exec(line);
      if (match) documented.set(match[1]!, { value: match[2]!, index });
    });

    it('lists exactly the keys of the configuration schema', () => {
      expect([...documented.keys()].sort()).toEqual(Object.keys(configSchema.shape).sort());
    });

    it('has a comment line explaining every key, right above it', () => {
      for (const key of Object.keys(configSchema.shape)) {
        const entry = documented.get(key);
        expect(entry, key).toBeDefined();
        const above = lines[entry!.index - 1] ?? '';
        expect(above, `comment above ${key}`).toMatch(/^#\s*\S/);
        expect(keyLine.test(above), `comment above ${key}`).toBe(false);
      }
    });

    it('shows the defaults: parsing it as an environment gives the default configuration', () => {
      const env = Object.fromEntries([...documented].map(([key, { value }]) => [key, value.trim()]));
      expect(parseConfig(env)).toEqual(parseConfig({}));
    });
  });
});
