import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Tests of SQLite itself (migrations of its files, its query plans): not part of the PostgreSQL run. */
const SQLITE_ONLY = [
  'storage/src/instances/instance-migrations.test.ts',
  'storage/src/documents/document-indexes.test.ts',
  'storage/src/changes/feed.test.ts',
];

export default defineConfig({
  resolve: { conditions: ['source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  test: {
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'embedded', include: ['{packages,apps,gateway,storage,dev}/**/src/**/*.test.{ts,tsx}'] },
      },
      {
        // The storage contract suite again, with metadata on PostgreSQL (a throwaway cluster).
        extends: true,
        test: {
          name: 'postgres',
          include: ['storage/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...SQLITE_ONLY],
          globalSetup: ['storage/vitest.postgres-setup.ts'],
        },
      },
    ],
  },
});
