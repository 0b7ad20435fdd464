import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runTs, tempDir } from '../support/helpers.ts';

describe('a sandbox that cannot start', () => {
  it('says why in a sentence naming the database it copies and --fresh, with no stack trace, and exits 1', async () => {
    const database = join(tempDir(), 'dispatch.db');
    writeFileSync(database, 'notes, not a database');
    const result = await runTs('src/sandbox/cli.ts', ['--run', '/about'], {
      DATABASE_PATH: database,
      ARTICLES_DIR: join(ROOT, 'data/articles'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `The sandbox could not start (it runs on a copy of DATABASE_PATH, ${database};`,
    );
    expect(result.stderr).toContain('is not a SQLite database');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
  });
});
