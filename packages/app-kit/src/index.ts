export { defineApp } from './define-app.tsx';
export type { AppDefinition } from './define-app.tsx';
export { Link, followInPlace, navigate } from './link.tsx';
export { usePathname } from './use-pathname.ts';
export { DocumentsPage } from './documents-page.tsx';
export type { DocumentsPageProps } from './documents-page.tsx';
export { useDebounced } from './use-debounced.ts';
