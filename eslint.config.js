// Lint rules for the whole workspace. Type-aware rules are left to `tsc`
// (strict) to keep lint fast on two cores.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/storybook-static/**',
      'packages/server/src/generated/**',
      '**/data/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No PHI in logs: the server logs through pino with redaction only.
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: [
      '**/*.test.ts',
      '**/test/**',
      '**/test-server/**',
      '**/*-test-world.ts',
      '**/*-test-kit.ts',
      'scripts/**',
      '**/bench/**',
      'e2e/**',
      '**/*.stories.ts',
    ],
    // Test doubles at the network edge speak untyped wire formats.
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
