import { existsSync, readFileSync } from 'node:fs';

/**
 * Dispatch's version, from package.json: one folder up from here in the source tree (`src/`), two in a build
 * (`dist/src/`). Read by `/about` and the feed fetcher's User-Agent.
 */
export function packageVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    const url = new URL(up, import.meta.url);
    if (existsSync(url)) {
      const { name, version } = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (name === 'dispatch' && version) return version;
    }
  }
  return 'unknown';
}
