import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { fileTypeFromStream } from 'file-type';

export const OCTET_STREAM = 'application/octet-stream';

/** Text formats file-type cannot recognise from their bytes, by extension. */
const TEXT_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.log': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.ics': 'text/calendar',
  '.vcf': 'text/vcard',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.srt': 'application/x-subrip',
  '.vtt': 'text/vtt',
  '.tex': 'application/x-tex',
};

/** Whether the first bytes read as UTF-8 text (no NUL; a cut multi-byte character at the end is fine). */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The type of a stored file, from its content: file-type's magic numbers first, then the
 * extension for text content, else application/octet-stream. What the client claimed is ignored.
 */
export async function sniffMime(content: () => Promise<Readable>, head: Uint8Array, name: string): Promise<string> {
  const stream = await content();
  // A damaged file may trip a detector: that is the caller's content, not our failure.
  const detected = await fileTypeFromStream(Readable.toWeb(stream))
    .catch(() => undefined)
    .finally(() => stream.destroy());
  if (detected) return detected.mime;
  const byExtension = TEXT_TYPES[extname(name).toLowerCase()];
  if (byExtension && looksLikeText(head)) return byExtension;
  return OCTET_STREAM;
}

const ACTIVE_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'text/xml',
  'application/xml',
  'application/xslt+xml',
  'text/xsl',
  'application/x-shockwave-flash',
  'application/vnd.ms-htmlhelp',
]);

/** Types a browser could run or render as a page (script, markup): they are served as bytes. */
export function isActiveType(mime: string): boolean {
  const type = mime.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return (
    ACTIVE_TYPES.has(type) ||
    type.endsWith('+xml') ||
    type.includes('javascript') ||
    type.includes('ecmascript') ||
    type.startsWith('multipart/')
  );
}

/** The Content-Type a stored file is served with. */
export function servedType(mime: string | null): string {
  if (mime === null || isActiveType(mime)) return OCTET_STREAM;
  return mime;
}
