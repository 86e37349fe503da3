import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import { microFrontendConfig } from '@mytoutatice/build';

const root = fileURLToPath(new URL('.', import.meta.url));
const local = (file: string) => fileURLToPath(new URL(`build/${file}`, import.meta.url));
/** Hocuspocus's built ES module: its "source" export condition (also ours) points at TypeScript that does not build here. */
const hocuspocus = (name: 'provider' | 'common') => fileURLToPath(new URL(`node_modules/@hocuspocus/${name}/dist/hocuspocus-${name}.esm.js`, import.meta.url));

export default defineConfig(
  mergeConfig(
    microFrontendConfig({
      root,
      slug: 'notes',
      name: 'Notes',
      names: { en: 'Notes' },
      route: '/notes',
      listed: true,
      permissions: [{ type: 'io.mytoutatice.notes', verbs: ['GET', 'POST', 'PUT', 'DELETE'] }],
    }),
    {
      resolve: {
        alias: [
          { find: '@hocuspocus/provider', replacement: hocuspocus('provider') },
          { find: '@hocuspocus/common', replacement: hocuspocus('common') },
          // CommonJS that requires React (an import map external): ES modules instead.
          { find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/, replacement: local('use-sync-external-store-with-selector.ts') },
          { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: local('use-sync-external-store-shim.ts') },
        ],
      },
    },
  ),
);
