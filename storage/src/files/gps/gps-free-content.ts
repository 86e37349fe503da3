import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { HttpError } from '@mytoutatice/server-kit';
import type { BlobStore } from '../../blobs/blob-store.ts';
import { claimsOf } from '../../auth/internal-token.ts';
import { UnreadableMetadata, fail, stripExif } from './exif-gps.ts';
import { heifMetadata, type HeifMetadata } from './heif-gps.ts';
import { EXIF_ID, metadataEnd, withoutGps } from './jpeg-gps.ts';
import { cleanPngChunk, isPng, pngMetadata } from './png-gps.ts';
import { webpMetadata } from './webp-gps.ts';

/** Bytes to send at `at` in place of the stored ones (as many). */
export type Patch = { at: number; bytes: Buffer };

/** Enough for a phone's EXIF, XMP and ICC profile; metadata running longer is refused. */
const MAX_METADATA_BYTES = 1024 * 1024;
const FIRST_READ_BYTES = 64 * 1024;

/** Whether the caller must not see photos' GPS position: a public link's visitor, unless its owner kept it. */
export function stripsGps(res: Response): boolean {
  const claims = claimsOf(res);
  return claims.scope === 'visitor' && claims.keepGps !== true;
}

function metadataRefused(): HttpError {
  return new HttpError(403, 'forbidden', 'Ce type de photo ne peut pas être partagé par lien sans sa position GPS.');
}

const isJpeg = (head: Buffer) => head[0] === 0xff && head[1] === 0xd8;
/** HEIC, HEIF, AVIF: an ISO-BMFF `ftyp` of an image brand. */
const isHeif = (head: Buffer) => head.toString('latin1', 4, 8) === 'ftyp' && /^(hei|hev|mif|msf|avi)/.test(head.toString('latin1', 8, 12));
const isWebp = (head: Buffer) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP';
/** TIFF (and the camera raws built on it) carries EXIF as its very structure: not rewritten here, refused. */
const isTiff = (head: Buffer) => ['II*\0', 'MM\0*'].includes(head.toString('latin1', 0, 4));

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * What to send in place of stored bytes so that no GPS position leaves, judged by the bytes (not
 * the name): undefined for a file that carries none (not a photo); patches of the same length for
 * JPEG (its metadata segments), HEIF and WebP (their EXIF and XMP items), PNG (its eXIf cleaned,
 * its text chunks emptied); 403 for TIFF and for metadata too odd or too long to follow.
 */
export async function gpsFreePatches(blobs: BlobStore, instanceId: string, key: string, size: number): Promise<Patch[] | undefined> {
  if (size < 12) return undefined;
  const fromBlob = async (start: number, length: number) => readAll(await blobs.read(instanceId, key, { start, end: Math.min(size, start + length) - 1 }));
  const first = await fromBlob(0, FIRST_READ_BYTES);
  // Most metadata lies in the first bytes: served from them (a copy: cleaning writes in place).
  const read = async (start: number, length: number) =>
    start + length <= first.length ? Buffer.from(first.subarray(start, start + length)) : fromBlob(start, length);
  if (isTiff(first)) throw metadataRefused();
  if (!isJpeg(first) && !isHeif(first) && !isWebp(first) && !isPng(first)) return undefined;
  /** The parse of the first bytes, or of the first MiB when they were not enough. */
  const parsed = async <T>(parse: (head: Buffer) => T | undefined): Promise<{ head: Buffer; value: T }> => {
    let head = first;
    let value = parse(head);
    if (value === undefined && head.length < size) {
      head = await read(0, MAX_METADATA_BYTES);
      value = parse(head);
    }
    if (value === undefined) throw metadataRefused();
    return { head, value };
  };
  try {
    if (isJpeg(first)) {
      const { head, value: end } = await parsed(metadataEnd);
      return [{ at: 0, bytes: withoutGps(head.subarray(0, end)) }];
    }
    if (isPng(first)) {
      const chunks = await pngMetadata(size, read);
      if (chunks.some(({ length }) => length > MAX_METADATA_BYTES)) throw metadataRefused();
      return await Promise.all(chunks.map(async (chunk) => cleanPngChunk(chunk, chunk.type === 'eXIf' ? await read(chunk.at, chunk.length) : Buffer.alloc(0))));
    }
    if (isWebp(first)) {
      // RIFF's EXIF chunk holds the TIFF itself, after "Exif\0\0" for some writers.
      const items = await webpMetadata(size, read);
      return await itemPatches(items, size, read, (bytes) => (bytes.subarray(0, 6).equals(EXIF_ID) ? 6 : 0));
    }
    const { value: items } = await parsed(heifMetadata);
    // HEIF's EXIF item starts with the offset of its TIFF header.
    return await itemPatches(items, size, read, (bytes) => (bytes.length < 4 ? fail('short EXIF item') : 4 + bytes.readUInt32BE(0)));
  } catch (error) {
    if (error instanceof UnreadableMetadata) throw metadataRefused();
    throw error;
  }
}

/** EXIF items cleaned of their GPS IFD (`tiffAt`: where the TIFF starts in one), XMP items zeroed. */
async function itemPatches(
  items: HeifMetadata,
  size: number,
  read: (start: number, length: number) => Promise<Buffer>,
  tiffAt: (bytes: Buffer) => number,
): Promise<Patch[]> {
  const patches: Patch[] = [];
  for (const { at, length } of [...items.exif, ...items.xmp]) {
    if (length > MAX_METADATA_BYTES || at + length > size) throw metadataRefused();
  }
  for (const { at, length } of items.exif) {
    const bytes = await read(at, length);
    stripExif(bytes.subarray(tiffAt(bytes)));
    patches.push({ at, bytes });
  }
  for (const { at, length } of items.xmp) patches.push({ at, bytes: Buffer.alloc(length) });
  return patches;
}

/** Bytes `start`…`end` (inclusive) of the stored content, with `patches` sent in place of what they cover. */
export function readPatched(blobs: BlobStore, instanceId: string, key: string, patches: readonly Patch[], start: number, end: number): Readable {
  const out = new PassThrough();
  const sorted = [...patches].sort((a, b) => a.at - b.at);
  (async () => {
    let at = start;
    for (const patch of sorted) {
      const patchEnd = patch.at + patch.bytes.length - 1;
      if (patchEnd < at || patch.at > end) continue;
      if (patch.at > at) await pipeline(await blobs.read(instanceId, key, { start: at, end: patch.at - 1 }), out, { end: false });
      const from = Math.max(at, patch.at);
      const to = Math.min(end, patchEnd);
      if (!out.write(patch.bytes.subarray(from - patch.at, to - patch.at + 1))) await new Promise((resolve) => out.once('drain', resolve));
      at = to + 1;
    }
    if (at <= end) await pipeline(await blobs.read(instanceId, key, { start: at, end }), out, { end: false });
    out.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/** The whole content, GPS-free (see `gpsFreePatches`). */
export async function readGpsFree(blobs: BlobStore, instanceId: string, key: string, size: number): Promise<Readable> {
  const patches = await gpsFreePatches(blobs, instanceId, key, size);
  return patches ? readPatched(blobs, instanceId, key, patches, 0, size - 1) : blobs.read(instanceId, key);
}
