import type { FileDoc } from '@mytoutatice/contract';

export type PreviewKind = 'image' | 'pdf' | 'video' | 'audio' | 'markdown' | 'text' | 'none';

/** Images a browser shows in `<img>`; SVG is left out: it can carry script, and is shown as text would be. */
const IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);
const TEXT_TYPES = new Set(['application/json', 'application/xml', 'application/javascript', 'application/x-sh', 'application/csv']);
const TEXT_EXTENSIONS = new Set(['txt', 'csv', 'json', 'xml', 'log', 'ini', 'yaml', 'yml', 'js', 'ts', 'py', 'java', 'c', 'h', 'css', 'html', 'sh', 'tex', 'svg']);
const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown']);

/**
 * How a file is previewed, from its type and, when the type says little, its extension: one rule
 * for the Drive and the public link page. Its own entry (`@mytoutatice/ui/preview-kind`), bundled
 * by the apps that preview: the shell never needs it.
 */
export function previewKind(file: Pick<FileDoc, 'name' | 'mime'>): PreviewKind {
  const mime = (file.mime ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = file.name.includes('.') ? (file.name.split('.').pop()?.toLowerCase() ?? '') : '';
  if (mime === 'text/markdown' || MARKDOWN_EXTENSIONS.has(extension)) return 'markdown';
  if (IMAGES.has(mime)) return 'image';
  if (mime === 'application/pdf' || extension === 'pdf') return 'pdf';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('text/') || TEXT_TYPES.has(mime) || TEXT_EXTENSIONS.has(extension)) return 'text';
  return 'none';
}
