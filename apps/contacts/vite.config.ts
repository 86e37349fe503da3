import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { microFrontendConfig } from '@mytoutatice/build';

export default defineConfig(
  microFrontendConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    slug: 'contacts',
    name: 'Contacts',
    names: { en: 'Contacts' },
    route: '/contacts',
    listed: true,
    permissions: [{ type: 'io.mytoutatice.contacts', verbs: ['GET', 'POST', 'PUT', 'DELETE'] }],
  }),
);
