import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The public link page: a page of its own (no shell, no sign-in, no import map), so it bundles
 * React and the sdk itself. The gateway serves `index.html` at `/public/<code>` and the bundles
 * under `/public-page/` (hashed names, cached for good).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  mode: 'production',
  base: '/public-page/',
  plugins: [react()],
  resolve: { conditions: ['mytoutatice-source', 'browser', 'module', 'import', 'default'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    rollupOptions: {
      output: {
        entryFileNames: 'public-[hash].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
