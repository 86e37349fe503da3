/** A structure the GPS stripping cannot follow: the file is refused, never passed on unchanged. */
export class UnreadableMetadata extends Error {}

export const fail = (why: string): never => {
  throw new UnreadableMetadata(why);
};

const GPS_IFD_POINTER = 0x8825;
/** Bytes per value of each TIFF type (1 BYTE … 12 DOUBLE). */
const TYPE_BYTES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8];

/** Takes the GPS IFD out of a TIFF structure (EXIF's body), in place. */
export function stripExif(tiff: Buffer): void {
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
