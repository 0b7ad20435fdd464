import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'packages/*/tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores, which on CI's two cores runs the 82 files one after
    // another. Many of the slow files (crash, process and CLI tests) mostly wait on the child processes they start,
    // so a worker per core keeps both cores busy; every test waits on events, not on wall-clock time, so load does not make
    // them flaky (the whole suite passes with two workers at a load average of 10).
    maxWorkers: '100%',
  },
});
