/**
 * Removes the GPS position from a JPEG's metadata without touching the picture, and without
 * changing the file's length (so sizes, ranges and zip entries stay as they are): the GPS IFD
 * and its values are zeroed and its pointer taken out of IFD0; XMP packets (which may repeat the
 * position as `exif:GPSLatitude`) are zeroed whole, leaving an APP1 no reader recognises.
 *
 * No maintained npm library does this in place: piexifjs (unmaintained since 2017) rewrites the
 * whole APP1 and changes the length, exifr only reads, sharp re-encodes the picture. The parser
 * is small, bounds-checked at every read, and fails closed: a structure it cannot follow is an
 * error, never a file passed on unchanged.
 */

const SOI = 0xd8;
const SOS = 0xda;
const EOI = 0xd9;
const APP1 = 0xe1;
const GPS_IFD_POINTER = 0x8825;
/** Bytes per value of each TIFF type (1 BYTE … 12 DOUBLE). */
const TYPE_BYTES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8];
const EXIF_ID = Buffer.from('Exif\0\0', 'latin1');

export class UnreadableMetadata extends Error {}

const fail = (why: string): never => {
  throw new UnreadableMetadata(why);
};

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

/** Takes the GPS IFD out of a TIFF structure (EXIF's body), in place. */
function stripExif(tiff: Buffer): void {
  if (tiff.length < 8) fail('short TIFF header');
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') fail('byte order');
  const le = order === 'II';
  const u16 = (offset: number) => (offset + 2 <= tiff.length ? (le ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset)) : fail('offset out of range'));
  const u32 = (offset: number) => (offset + 4 <= tiff.length ? (le ? tiff.readUInt32LE(offset) : tiff.readUInt32BE(offset)) : fail('offset out of range'));
  const put16 = (offset: number, value: number) => (le ? tiff.writeUInt16LE(value, offset) : tiff.writeUInt16BE(value, offset));
  if (u16(2) !== 42) fail('TIFF magic');

  // The pointer belongs in IFD0; IFD1 (the thumbnail's) is searched too, as some writers put it there.
  const seen = new Set<number>();
  for (let ifd = u32(4); ifd !== 0; ) {
    if (seen.has(ifd) || seen.size > 4) fail('IFD loop');
    seen.add(ifd);
    let count = u16(ifd);
    for (let index = 0; index < count; ) {
      const entry = ifd + 2 + index * 12;
      if (u16(entry) !== GPS_IFD_POINTER) {
        index += 1;
        continue;
      }
      zeroIfd(u32(entry + 8), u16, u32, tiff);
      // Entries after it move up one place, the next-IFD offset with them; the freed slot is zeroed.
      const tailEnd = ifd + 2 + count * 12 + 4;
      if (tailEnd > tiff.length) fail('IFD past the end');
      tiff.copy(tiff, entry, entry + 12, tailEnd);
      tiff.fill(0, tailEnd - 12, tailEnd);
      count -= 1;
      put16(ifd, count);
    }
    ifd = u32(ifd + 2 + count * 12);
  }
}

function zeroIfd(ifd: number, u16: (offset: number) => number, u32: (offset: number) => number, tiff: Buffer): void {
  const count = u16(ifd);
  const end = ifd + 2 + count * 12 + 4;
  if (end > tiff.length) fail('GPS IFD past the end');
  for (let index = 0; index < count; index++) {
    const entry = ifd + 2 + index * 12;
    const bytes = (TYPE_BYTES[u16(entry + 2)] ?? 1) * u32(entry + 4);
    if (bytes <= 4) continue;
    const at = u32(entry + 8);
    if (at + bytes > tiff.length) fail('GPS value past the end');
    tiff.fill(0, at, at + bytes);
  }
  tiff.fill(0, ifd, end);
}
