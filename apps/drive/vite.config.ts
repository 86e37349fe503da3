import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { microFrontendConfig } from '@mytoutatice/build';

export default defineConfig(
  microFrontendConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    slug: 'drive',
    name: 'Drive',
    names: { en: 'Drive' },
    route: '/drive',
    listed: true,
    permissions: [{ type: 'io.mytoutatice.files', verbs: ['GET', 'POST', 'PUT', 'DELETE'] }],
  }),
);
