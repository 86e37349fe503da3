import { fail } from './exif-gps.ts';
import type { HeifMetadata } from './heif-gps.ts';

/**
 * The EXIF and XMP chunks of a WebP (RIFF): chunk headers are read one by one (a WebP has a
 * handful of chunks, and its metadata usually comes after the picture, at the end).
 */
export async function webpMetadata(size: number, read: (start: number, length: number) => Promise<Buffer>): Promise<HeifMetadata> {
  const found: HeifMetadata = { exif: [], xmp: [] };
  let at = 12;
  for (let chunks = 0; at + 8 <= size; chunks++) {
    if (chunks > 64) fail('too many chunks');
    const header = await read(at, 8);
    const type = header.toString('latin1', 0, 4);
    const length = header.readUInt32LE(4);
    const body = at + 8;
    if (body + length > size) fail('chunk past the end');
    if (type === 'EXIF') found.exif.push({ at: body, length });
    if (type === 'XMP ') found.xmp.push({ at: body, length });
    // Chunks are padded to an even length.
    at = body + length + (length & 1);
  }
  return found;
}
