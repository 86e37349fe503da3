import { fail } from './exif-gps.ts';

/** Where an item's bytes are in the file. */
export type Extent = { at: number; length: number };

/** Metadata items of a HEIF file (HEIC, AVIF) that may hold a position: EXIF and XMP. */
export type HeifMetadata = { exif: Extent[]; xmp: Extent[] };

type Box = { type: string; body: number; end: number };

/**
 * The EXIF and XMP items of a HEIF file (ISO/IEC 23008-12: `meta` → `iinf` names the items,
 * `iloc` places them), read from its first bytes; undefined when `head` stops before the end of
 * `meta` (read more, or give up). Only items stored in the file itself (construction method 0)
 * are followed; anything else fails closed.
 */
export function heifMetadata(head: Buffer): HeifMetadata | undefined {
  for (const box of boxes(head, 0, head.length)) {
    if (box === undefined) return undefined;
    if (box.type !== 'meta') continue;
    const exifIds = new Set<number>();
    const xmpIds = new Set<number>();
    let locations: Map<number, Extent[]> | undefined;
    for (const child of boxes(head, box.body + 4, box.end)) {
      if (child === undefined) return fail('meta box cut');
      if (child.type === 'iinf') readItemInfos(head, child, exifIds, xmpIds);
      if (child.type === 'iloc') locations = readLocations(head, child);
    }
    if (exifIds.size + xmpIds.size === 0) return { exif: [], xmp: [] };
    if (!locations) return fail('no iloc');
    const extentsOf = (ids: Set<number>) => [...ids].flatMap((id) => locations?.get(id) ?? fail('item without location'));
    return { exif: extentsOf(exifIds), xmp: extentsOf(xmpIds) };
  }
  return undefined;
}

/** The boxes between `start` and `end`; `undefined` for one that runs past `end` (the rest is not there yet). */
function* boxes(buf: Buffer, start: number, end: number): Generator<Box | undefined> {
  let at = start;
  while (at + 8 <= end) {
    let size = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) {
        yield undefined;
        return;
      }
      size = Number(buf.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header) fail('box size');
    if (at + size > end) {
      yield undefined;
      return;
    }
    yield { type, body: at + header, end: at + size };
    at += size;
  }
}

function readItemInfos(buf: Buffer, iinf: Box, exifIds: Set<number>, xmpIds: Set<number>): void {
  const version = buf[iinf.body] ?? fail('iinf');
  const first = iinf.body + 4 + (version === 0 ? 2 : 4);
  for (const infe of boxes(buf, first, iinf.end)) {
    if (infe === undefined) return fail('iinf cut');
    if (infe.type !== 'infe') continue;
    const infeVersion = buf[infe.body] ?? fail('infe');
    if (infeVersion < 2) fail('old infe');
    const wide = infeVersion >= 3;
    const id = wide ? buf.readUInt32BE(infe.body + 4) : buf.readUInt16BE(infe.body + 4);
    const typeAt = infe.body + (wide ? 10 : 8);
    if (typeAt + 4 > infe.end) fail('infe cut');
    const itemType = buf.toString('latin1', typeAt, typeAt + 4);
    if (itemType === 'Exif') exifIds.add(id);
    if (itemType === 'mime') {
      const nameEnd = buf.indexOf(0, typeAt + 4);
      const typeEnd = nameEnd === -1 ? -1 : buf.indexOf(0, nameEnd + 1);
      if (typeEnd === -1 || typeEnd > infe.end) fail('infe strings');
      if (buf.toString('latin1', nameEnd + 1, typeEnd) === 'application/rdf+xml') xmpIds.add(id);
    }
  }
}

function readLocations(buf: Buffer, iloc: Box): Map<number, Extent[]> {
  const version = buf[iloc.body] ?? fail('iloc');
  if (version > 2) fail('iloc version');
  let at = iloc.body + 4;
  const take = (bytes: number): number => {
    if (at + bytes > iloc.end) fail('iloc cut');
    const value = bytes === 0 ? 0 : bytes === 2 ? buf.readUInt16BE(at) : bytes === 4 ? buf.readUInt32BE(at) : bytes === 8 ? Number(buf.readBigUInt64BE(at)) : fail('iloc size');
    at += bytes;
    return value;
  };
  const sizes = take(2);
  const offsetSize = sizes >> 12;
  const lengthSize = (sizes >> 8) & 15;
  const baseSize = (sizes >> 4) & 15;
  const indexSize = version === 0 ? 0 : sizes & 15;
  const count = take(version < 2 ? 2 : 4);
  const locations = new Map<number, Extent[]>();
  for (let item = 0; item < count; item++) {
    const id = take(version < 2 ? 2 : 4);
    const method = version === 0 ? 0 : take(2) & 15;
    const dataReference = take(2);
    const base = take(baseSize);
    const extents: Extent[] = [];
    for (let extent = take(2); extent > 0; extent--) {
      take(indexSize);
      const offset = take(offsetSize);
      const length = take(lengthSize);
      extents.push({ at: base + offset, length });
    }
    // Only bytes of this file, placed plainly, can be cleaned; a length of 0 ("to the end") is not followed.
    const plain = method === 0 && dataReference === 0 && extents.every((extent) => extent.length > 0);
    if (plain) locations.set(id, extents);
  }
  return locations;
}
