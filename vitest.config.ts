import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Tests of SQLite itself (migrations of its files, its query plans): not part of the PostgreSQL run. */
const SQLITE_ONLY = [
  'storage/src/instances/instance-migrations.test.ts',
  'storage/src/documents/document-indexes.test.ts',
  'storage/src/changes/feed.test.ts',
];

// Packages resolved as Node resolves them: Vite's `module` condition picks bundler-only builds
// (the AWS SDK's dist-es, with extensionless imports) that Node then fails to load.
const serverConditions = ['mytoutatice-source', ...defaultServerConditions.filter((condition) => condition !== 'module')];

export default defineConfig({
  resolve: { conditions: serverConditions },
  ssr: { resolve: { conditions: serverConditions, externalConditions: ['mytoutatice-source'] } },
  test: {
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'embedded', include: ['{packages,apps,gateway,storage,dev}/**/src/**/*.test.{ts,tsx}', '{gateway,storage}/test/**/*.test.ts', 'bench/**/*.test.ts'] },
      },
      {
        // The storage contract suite again, with metadata on PostgreSQL (a throwaway cluster).
        extends: true,
        test: {
          name: 'postgres',
          include: ['storage/{src,test}/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...SQLITE_ONLY],
          globalSetup: ['storage/vitest.postgres-setup.ts'],
          env: { STORAGE_SUITE_RUN: 'production' },
        },
      },
      {
        // The gateway's state (directory, sharings, links) on PostgreSQL, as several gateway
        // processes share it: its store tests and those of what reads it on every request.
        extends: true,
        test: {
          name: 'gateway-postgres',
          include: ['gateway/src/{state,directory,sharing,links,http}/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'gateway/src/state/sqlite-state.test.ts'],
          globalSetup: ['gateway/vitest.postgres-setup.ts'],
          env: { GATEWAY_SUITE_RUN: 'postgres' },
        },
      },
    ],
  },
});
