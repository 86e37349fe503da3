import type { FileDoc } from '@mytoutatice/contract';

export type PreviewKind = 'image' | 'video' | 'audio' | 'text' | 'none';

/** Images a browser shows in `<img>`; SVG is left out (it can carry script). */
const IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);
const TEXT_EXTENSIONS = new Set(['txt', 'csv', 'json', 'md', 'log']);
/** Past this, a text is downloaded rather than read into the page. */
export const MAX_TEXT_PREVIEW_BYTES = 1024 * 1024;

export function previewKind(file: Pick<FileDoc, 'name' | 'mime' | 'size'>): PreviewKind {
  const mime = (file.mime ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = file.name.includes('.') ? (file.name.split('.').pop()?.toLowerCase() ?? '') : '';
  if (IMAGES.has(mime)) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if ((mime.startsWith('text/') || TEXT_EXTENSIONS.has(extension)) && (file.size ?? 0) <= MAX_TEXT_PREVIEW_BYTES) return 'text';
  return 'none';
}
