import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Packages resolved as Node resolves them: Vite's `module` condition picks bundler-only builds
// (the AWS SDK's dist-es, with extensionless imports) that Node then fails to load.
const serverConditions = ['source', ...defaultServerConditions.filter((condition) => condition !== 'module')];

export default defineConfig({
  resolve: { conditions: serverConditions },
  ssr: { resolve: { conditions: serverConditions, externalConditions: ['source'] } },
  test: {
    include: ['{packages,apps,gateway,storage,dev}/**/src/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
