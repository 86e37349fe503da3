import { crc32 } from 'node:zlib';
import { fail, stripExif } from './exif-gps.ts';
import type { Extent } from './heif-gps.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunk headers are read this much at a time: a PNG's picture is many IDAT chunks, each passed over by its header. */
const WINDOW_BYTES = 1024 * 1024;
const MAX_CHUNKS = 1_000_000;
/**
 * What a text chunk becomes for a visitor: an unknown ancillary, private chunk (lower-case first
 * and second letters; upper-case third as the format requires), which every decoder skips.
 */
const EMPTIED = Buffer.from('noGs', 'latin1');

export const isPng = (head: Buffer) => head.subarray(0, 8).equals(SIGNATURE);

/** A chunk that may carry a position: `eXIf` (a TIFF) or text (`tEXt`, `zTXt`, `iTXt`: XMP, raw EXIF profiles, comments). */
export type PngMetadataChunk = Extent & { type: 'eXIf' | 'text' };

/**
 * The metadata chunks of a PNG, wherever they are (EXIF and text may come before or after the
 * picture): every chunk header is read, a window at a time, up to IEND.
 */
export async function pngMetadata(size: number, read: (start: number, length: number) => Promise<Buffer>): Promise<PngMetadataChunk[]> {
  const found: PngMetadataChunk[] = [];
  let window: Buffer = Buffer.alloc(0);
  let windowAt = 0;
  let at = SIGNATURE.length;
  for (let chunks = 0; at + 12 <= size; chunks++) {
    if (chunks > MAX_CHUNKS) fail('too many chunks');
    if (at < windowAt || at + 8 > windowAt + window.length) {
      windowAt = at;
      window = await read(at, Math.min(WINDOW_BYTES, size - at));
    }
    const length = window.readUInt32BE(at - windowAt);
    const type = window.toString('latin1', at - windowAt + 4, at - windowAt + 8);
    const body = at + 8;
    if (body + length + 4 > size) fail('chunk past the end');
    if (type === 'eXIf') found.push({ type, at: body, length });
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') found.push({ type: 'text', at: body, length });
    if (type === 'IEND') break;
    at = body + length + 4;
  }
  return found;
}

const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
};

/**
 * Same-length replacements for a chunk's data and CRC (which covers its type and data): an
 * `eXIf` TIFF without its GPS IFD (the rest, orientation included, kept), a text chunk zeroed and
 * renamed so that no reader takes it for text.
 */
export function cleanPngChunk(chunk: PngMetadataChunk, data: Buffer): { at: number; bytes: Buffer } {
  if (chunk.type === 'eXIf') {
    stripExif(data);
    const crc = u32(crc32(Buffer.concat([Buffer.from('eXIf', 'latin1'), data])));
    return { at: chunk.at, bytes: Buffer.concat([data, crc]) };
  }
  const zeros = Buffer.alloc(chunk.length);
  return { at: chunk.at - 4, bytes: Buffer.concat([EMPTIED, zeros, u32(crc32(Buffer.concat([EMPTIED, zeros])))]) };
}
