import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { microFrontendConfig } from '@mytoutatice/build';

export default defineConfig(
  microFrontendConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    slug: 'photos',
    name: 'Photos',
    names: { en: 'Photos' },
    route: '/photos',
    listed: true,
    permissions: [{ type: 'io.mytoutatice.photos.albums', verbs: ['GET', 'POST', 'PUT', 'DELETE'] }],
  }),
);
