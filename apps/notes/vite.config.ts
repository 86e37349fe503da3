import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import { microFrontendConfig } from '@mytoutatice/build';

const root = fileURLToPath(new URL('.', import.meta.url));
const local = (file: string) => fileURLToPath(new URL(`build/${file}`, import.meta.url));

export default defineConfig(
  mergeConfig(
    microFrontendConfig({
      root,
      slug: 'notes',
      name: 'Notes',
      names: { en: 'Notes' },
      route: '/notes',
      listed: true,
      // Notes are Markdown files of the Drive.
      permissions: [{ type: 'io.mytoutatice.files', verbs: ['GET', 'POST', 'PUT', 'DELETE'] }],
    }),
    {
      resolve: {
        alias: [
          // CommonJS that requires React (an import map external): ES modules instead.
          { find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/, replacement: local('use-sync-external-store-with-selector.ts') },
          { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: local('use-sync-external-store-shim.ts') },
        ],
      },
    },
  ),
);
