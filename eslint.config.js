import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.toolchain/**', '**/test-results/**', '**/playwright-report/**', 'bench/.out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Browser code takes the contract's values from the shared sdk module: importing them from
    // the contract would bundle a second copy of it (and of zod) into each app.
    files: ['apps/*/src/**', 'packages/app-kit/src/**', 'packages/ui/src/**'],
    // Tests are not bundled.
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@mytoutatice/contract', message: 'Import values from @mytoutatice/sdk; types are fine.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // Command-line tools and benchmarks talk to people on stdout.
    files: ['scripts/**', 'bench/**', 'storage/src/admin/**', 'e2e/**', 'apps/home/build/**'],
    rules: { 'no-console': 'off' },
  },
);
