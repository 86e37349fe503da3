import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import type { AppManifest } from '@mytoutatice/contract';
import { SHARED_MODULES } from './shared-modules.ts';

export type MicroFrontend = Omit<AppManifest, 'entry' | 'styles' | 'icon' | 'version'> & {
  /** The app's folder (its vite.config.ts's directory). */
  root: string;
};

/**
 * The one Vite config of a micro-frontend: an ES module exporting single-spa lifecycles, shared
 * dependencies left to the import map, hashed file names (served with immutable caching), and a
 * `manifest.json` naming the entry for the gateway.
 */
export function microFrontendConfig(app: MicroFrontend): UserConfig {
  const { root, ...manifest } = app;
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    root,
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    base: `/apps/${app.slug}/`,
    plugins: [react(), manifestPlugin({ ...manifest, version })],
    resolve: { conditions: ['mytoutatice-source', 'browser', 'module', 'import', 'default'] },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: false,
      rollupOptions: {
        input: { [app.slug]: join(root, 'src/main.tsx') },
        external: [...SHARED_MODULES],
        preserveEntrySignatures: 'exports-only',
        output: {
          format: 'es',
          entryFileNames: '[name]-[hash].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
}

function manifestPlugin(manifest: Omit<AppManifest, 'entry' | 'styles' | 'icon'>): Plugin {
  return {
    name: 'mytoutatice-manifest',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry);
      if (!entry) this.error('no entry chunk');
      const styles = Object.values(bundle)
        .filter((f) => f.type === 'asset' && f.fileName.endsWith('.css'))
        .map((f) => f.fileName);
      const icon = this.emitFile({
        type: 'asset',
        name: 'icon.svg',
        source: readFileSync(join(this.environment.config.root, 'src/icon.svg')),
      });
      const full: AppManifest = { ...manifest, entry: entry.fileName, styles, icon: this.getFileName(icon) };
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(full, null, 2)}\n` });
    },
  };
}
