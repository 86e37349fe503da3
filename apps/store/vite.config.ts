import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { microFrontendConfig } from '@mytoutatice/build';

export default defineConfig(
  microFrontendConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    slug: 'store',
    name: 'Store',
    names: { en: 'Store' },
    route: '/store',
    listed: true,
    permissions: [{ type: 'io.mytoutatice.apps', verbs: ['GET'] }],
  }),
);
