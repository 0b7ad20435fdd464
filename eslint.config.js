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
    // The bot logs through pino; only the command-line front ends and the sandbox prompt print to a terminal.
    files: ['src/**/*.ts', 'commands/**/*.ts'],
    ignores: ['src/cli/**', 'src/sandbox/prompt.ts'],
    rules: { 'no-console': 'error' },
  },
);
