import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { HttpError } from '@mytoutatice/server-kit';
import type { BlobStore } from '../../blobs/blob-store.ts';
import { claimsOf } from '../../auth/internal-token.ts';
import { UnreadableMetadata, metadataEnd, withoutGps } from './jpeg-gps.ts';

/** Enough for a phone's EXIF, XMP and ICC profile; a JPEG whose metadata runs longer is refused. */
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

/**
 * Judged by the bytes, not the name: TIFF (and camera raws built on it), HEIF/HEIC/AVIF and
 * WebP carry EXIF too, and are not rewritten here (sharp would re-encode them): refused.
 */
function isOtherExifCarrier(head: Buffer): boolean {
  const tiff = head.subarray(0, 4).toString('latin1');
  if (tiff === 'II*\0' || tiff === 'MM\0*') return true;
  if (head.toString('latin1', 4, 8) === 'ftyp' && /^(hei|hev|mif|msf|avi)/.test(head.toString('latin1', 8, 12))) return true;
  return head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP';
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The first bytes to send in place of the stored ones so that no GPS position leaves: undefined
 * when the file carries none (not a photo), the rewritten metadata of a JPEG (same length), or
 * 403 for a photo kind that cannot be cleaned here.
 */
export async function gpsFreeHead(blobs: BlobStore, instanceId: string, key: string, size: number): Promise<Buffer | undefined> {
  if (size < 4) return undefined;
  let head = await readAll(await blobs.read(instanceId, key, { start: 0, end: Math.min(size, FIRST_READ_BYTES) - 1 }));
  if (head[0] !== 0xff || head[1] !== 0xd8) {
    if (isOtherExifCarrier(head)) throw metadataRefused();
    return undefined;
  }
  try {
    let end = metadataEnd(head);
    if (end === undefined && head.length < size) {
      head = await readAll(await blobs.read(instanceId, key, { start: 0, end: Math.min(size, MAX_METADATA_BYTES) - 1 }));
      end = metadataEnd(head);
    }
    if (end === undefined) throw metadataRefused();
    return withoutGps(head.subarray(0, end));
  } catch (error) {
    if (error instanceof UnreadableMetadata) throw metadataRefused();
    throw error;
  }
}

/** Bytes `start`…`end` (inclusive) of the stored content with its first bytes replaced by `head`. */
export async function readWithHead(blobs: BlobStore, instanceId: string, key: string, head: Buffer, start: number, end: number): Promise<Readable> {
  if (start >= head.length) return blobs.read(instanceId, key, { start, end });
  const out = new PassThrough();
  out.write(head.subarray(start, Math.min(end + 1, head.length)));
  if (end < head.length) {
    out.end();
    return out;
  }
  const rest = await blobs.read(instanceId, key, { start: head.length, end });
  pipeline(rest, out).catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/** The whole content, GPS-free (see `gpsFreeHead`). */
export async function readGpsFree(blobs: BlobStore, instanceId: string, key: string, size: number): Promise<Readable> {
  const head = await gpsFreeHead(blobs, instanceId, key, size);
  return head ? readWithHead(blobs, instanceId, key, head, 0, size - 1) : blobs.read(instanceId, key);
}
