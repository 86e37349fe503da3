/**
 * Removes the GPS position from a JPEG's metadata without touching the picture, and without
 * changing the file's length (so sizes, ranges and zip entries stay as they are): the GPS IFD
 * and its values are zeroed and its pointer taken out of IFD0; XMP packets (which may repeat the
 * position as `exif:GPSLatitude`) are zeroed whole, leaving an APP1 no reader recognises.
 *
 * No maintained npm library does this in place: piexifjs (unmaintained since 2017) rewrites the
 * whole APP1 and changes the length, exifr only reads, sharp re-encodes the picture. The parser
 * is small, bounds-checked at every read, and fails closed (`UnreadableMetadata`): a structure it
 * cannot follow is an error, never a file passed on unchanged.
 */

import { fail, stripExif } from './exif-gps.ts';

const SOI = 0xd8;
const SOS = 0xda;
const EOI = 0xd9;
const APP1 = 0xe1;
/** What precedes the TIFF in a JPEG's APP1 segment and, for some writers, a WebP's EXIF chunk. */
export const EXIF_ID = Buffer.from('Exif\0\0', 'latin1');

/**
 * Where the metadata segments end (the start of scan, SOS) in a JPEG's first bytes; undefined
 * when `head` stops before it (read more, or give up).
 */
export function metadataEnd(head: Uint8Array): number | undefined {
  if (head[0] !== 0xff || head[1] !== SOI) fail('not a JPEG');
  let at = 2;
  while (at + 4 <= head.length) {
    if (head[at] !== 0xff) fail('segment marker expected');
    const marker = head[at + 1] ?? 0;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === SOS) return at;
    if (marker === EOI) fail('no picture');
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = ((head[at + 2] ?? 0) << 8) | (head[at + 3] ?? 0);
    if (length < 2) fail('segment length');
    at += 2 + length;
  }
  return undefined;
}

/** A copy of `head` (the bytes up to SOS, see `metadataEnd`) with no GPS position left in it. */
export function withoutGps(head: Uint8Array): Buffer {
  const out = Buffer.from(head);
  let at = 2;
  while (at + 4 <= out.length) {
    const marker = out[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === SOS) break;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = out.readUInt16BE(at + 2);
    const body = at + 4;
    const end = at + 2 + length;
    if (end > out.length) fail('segment past the end');
    if (marker === APP1) {
      if (out.subarray(body, body + EXIF_ID.length).equals(EXIF_ID)) stripExif(out.subarray(body + EXIF_ID.length, end));
      // Anything else in an APP1 is XMP (or its extension), which may carry the position too.
      else out.fill(0, body, end);
    }
    at = end;
  }
  return out;
}
