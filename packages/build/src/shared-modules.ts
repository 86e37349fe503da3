/**
 * The modules every micro-frontend shares through the page's import map: built once by the
 * Home (apps/home/build), marked external by every app (micro-frontend-config.ts). One list, so the
 * two can never disagree — a module missing here would end up bundled twice.
 */
export const SHARED_MODULES = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  '@tanstack/react-query',
  'single-spa',
  'single-spa-react',
  '@mytoutatice/sdk',
  '@mytoutatice/sdk/react',
  '@mytoutatice/ui',
] as const;

export type SharedModule = (typeof SHARED_MODULES)[number];

/** CommonJS packages: their named exports are listed explicitly for the ES module build. */
export const COMMONJS_MODULES: readonly SharedModule[] = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'];
