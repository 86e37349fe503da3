export { PdfPages } from './pdf-pages.tsx';
export type { PdfPagesProps } from './pdf-pages.tsx';
