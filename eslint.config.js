// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The bot logs through pino; only the sandbox prompt prints to a terminal with console (the command-line
    // front ends write through src/cli/output.ts).
    files: ['src/**/*.ts', 'commands/**/*.ts'],
    ignores: ['src/sandbox/prompt.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The loopback Discord is an independent check of the bot: it may not reach into the bot's code, only
    // its own files and its declared dependencies.
    files: ['packages/loopback-discord/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*', 'dispatch', 'dispatch/*'],
              message: 'The loopback Discord must not import from the bot.',
            },
          ],
        },
      ],
    },
  },
);
