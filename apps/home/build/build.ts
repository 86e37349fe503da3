/**
 * Builds the Home: the shared modules named in the import map (one React for the whole page),
 * the root config with the Home page and the navigation bar, `shell.json`, which tells the
 * gateway what to put in the page, and the service worker that keeps it all for offline use. Run with `pnpm --filter @mytoutatice/app-home build`.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { Rollup } from 'vite';
import { BUILDS_VALUES_ONLY, SHARED_MODULES, browserRoutesPlugin, sharedModuleFormat } from '@mytoutatice/build';
import { entryName, writeSharedEntries } from './shared-entries.ts';
import { hashedCopy } from './hashed-copy.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const conditions = ['mytoutatice-source', 'browser', 'module', 'import', 'default'];
// React's CommonJS entries pick their build from NODE_ENV: it must be replaced, not left to chance.
const production = { mode: 'production', define: { 'process.env.NODE_ENV': JSON.stringify('production') } } as const;

type Output = Rollup.RollupOutput['output'];

rmSync(dist, { recursive: true, force: true });

// 1. Shared modules, in one build so React and everything using it share one chunk.
const sharedEntries = writeSharedEntries(join(root, 'node_modules/.shared-entries'), root);
const shared = (await build({
  ...production,
  configFile: false,
  root,
  logLevel: 'warn',
  plugins: [react(), browserRoutesPlugin()],
  resolve: { conditions },
  build: {
    outDir: join(dist, 'shared'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    copyPublicDir: false,
    rollupOptions: {
      input: sharedEntries,
      preserveEntrySignatures: 'strict',
      treeshake: { manualPureFunctions: BUILDS_VALUES_ONLY },
      output: { format: 'es', entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js', assetFileNames: '[name]-[hash][extname]' },
    },
  },
})) as Rollup.RollupOutput;

const importMap: Record<string, string> = {};
for (const specifier of SHARED_MODULES) {
  if (sharedModuleFormat(specifier) === 'prebuilt') continue;
  importMap[specifier] = `/shared/${entryFile(shared.output, entryName(specifier))}`;
}
const require = createRequire(join(root, 'package.json'));
const singleSpaFile = join(dirname(require.resolve('single-spa/package.json')), 'lib/es2015/esm/single-spa.min.js');
importMap['single-spa'] = `/shared/${hashedCopy(singleSpaFile, join(dist, 'shared'), 'single-spa')}`;

// 2. The shell: root config (plain TypeScript) which lazy-loads the Home page and the
//    navigation bar (React micro-frontends), and the silent-renew page script. Shared modules
//    stay external.
const shell = (await build({
  ...production,
  configFile: false,
  root,
  logLevel: 'warn',
  base: '/shell/',
  plugins: [react()],
  resolve: { conditions },
  build: {
    outDir: join(dist, 'shell'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    copyPublicDir: false,
    rollupOptions: {
      input: {
        'root-config': join(root, 'src/root-config.ts'),
        'silent-renew': join(root, 'src/auth/silent-renew.ts'),
      },
      external: [...SHARED_MODULES],
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: '[name]-[hash].js', chunkFileNames: 'chunks/[name]-[hash].js', assetFileNames: '[name]-[hash][extname]' },
    },
  },
})) as Rollup.RollupOutput;

const styles = shared.output.filter((f) => f.type === 'asset' && f.fileName.endsWith('.css')).map((f) => `/shared/${f.fileName}`);
const shellCss = shell.output.filter((f) => f.type === 'asset' && f.fileName.endsWith('.css')).map((f) => `/shell/${f.fileName}`);
const shellJson = {
  rootConfig: `/shell/${entryFile(shell.output, 'root-config')}`,
  silentRenew: `/shell/${entryFile(shell.output, 'silent-renew')}`,
  styles: [...styles, ...shellCss],
  // What every signed-in page needs at once; fetched in parallel with the root config.
  preload: ['react', 'react-dom/client', 'react/jsx-runtime', 'single-spa', 'single-spa-react', '@mytoutatice/sdk', '@tanstack/react-query'].map(
    (s) => importMap[s] as string,
  ),
  importMap: { imports: importMap },
};
// The page's icon, at the address the gateway's page names (and browsers try first).
copyFileSync(join(root, 'src/favicon.svg'), join(dist, 'favicon.svg'));
const shellText = `${JSON.stringify(shellJson, null, 2)}\n`;
writeFileSync(join(dist, 'shell.json'), shellText);

// 3. The service worker, at the root (`/sw.js`) so that its scope is the whole site: one classic
//    script, Workbox inside. Its caches are named after this build (the shell and import map it
//    names): the next build's worker drops them.
await build({
  ...production,
  define: { ...production.define, __OFFLINE_VERSION__: JSON.stringify(createHash('sha256').update(shellText).digest('base64url').slice(0, 12)) },
  configFile: false,
  root,
  logLevel: 'warn',
  resolve: { conditions },
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2022',
    modulePreload: false,
    copyPublicDir: false,
    rollupOptions: {
      input: { sw: join(root, 'src/offline/service-worker.ts') },
      output: { format: 'iife', entryFileNames: '[name].js' },
    },
  },
});
console.log(`home built: ${Object.keys(importMap).length} shared modules, shell in ${basename(dist)}/`);

function entryFile(output: Output, name: string): string {
  const chunk = output.find((f) => f.type === 'chunk' && f.isEntry && f.name === name);
  if (!chunk) throw new Error(`no entry named ${name} in the build output`);
  return chunk.fileName;
}
