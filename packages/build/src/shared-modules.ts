/**
 * The modules every micro-frontend shares through the page's import map: built once by the
 * Home (apps/home/build), marked external by every app (micro-frontend-config.ts). One list, so
 * the two can never disagree — a module missing here would end up bundled twice.
 *
 * How each is re-exported by its shared entry: `commonjs` (React ships no ES modules: its named
 * exports are listed explicitly), `esm`, or `esm+default` when the package has a default export
 * too (`export *` leaves the default out).
 */
const modules = {
  react: 'commonjs',
  'react-dom': 'commonjs',
  'react-dom/client': 'commonjs',
  'react/jsx-runtime': 'commonjs',
  '@tanstack/react-query': 'esm',
  'single-spa': 'prebuilt',
  'single-spa-react': 'esm+default',
  '@mytoutatice/sdk': 'esm',
  '@mytoutatice/sdk/react': 'esm',
  '@mytoutatice/sdk/uploads': 'esm',
  '@mytoutatice/sdk/links': 'esm',
  '@mytoutatice/ui': 'esm',
} as const;

export type SharedModule = keyof typeof modules;
export type SharedModuleFormat = (typeof modules)[SharedModule];

export const SHARED_MODULES = Object.keys(modules) as SharedModule[];

export function sharedModuleFormat(specifier: SharedModule): SharedModuleFormat {
  return modules[specifier];
}
