import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { microFrontendConfig } from '@mytoutatice/build';

export default defineConfig(
  microFrontendConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    slug: 'notes',
    name: 'Notes',
    names: { en: 'Notes' },
    route: '/notes',
    listed: true,
    permissions: [{ type: 'io.mytoutatice.notes', verbs: ['GET', 'POST', 'PUT', 'DELETE'] }],
  }),
);
