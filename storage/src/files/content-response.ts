import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { BLOB_FILE_HEADER, BLOB_OFFLOAD_FILE, BLOB_OFFLOAD_HEADER, BLOB_RANGE_HEADER } from '@mytoutatice/contract';
import type { BlobStore } from '../blobs/blob-store.ts';
import { HttpError } from '@mytoutatice/server-kit';
import { entityTags } from '../http/entity-tags.ts';
import { attachmentDisposition } from './content-disposition.ts';
import type { FileRow } from './file-rows.ts';
import { gpsFreePatches, readPatched } from './gps/gps-free-content.ts';
import { servedType } from './mime.ts';

/** The part of the content to send: all of it, or the single range asked for. */
function chosenRange(req: Request, size: number, etag: string): { start: number; end: number } | undefined {
  if (req.get('range') === undefined) return undefined;
  const ifRange = req.get('if-range');
  if (ifRange !== undefined && ifRange.trim() !== etag) return undefined;
  const ranges = req.range(size, { combine: true });
  if (ranges === -1) {
    throw new HttpError(416, 'range_not_satisfiable', `Le contenu fait ${size} octets.`, {
      headers: { 'Content-Range': `bytes */${size}` },
    });
  }
  // Malformed, another unit, or several ranges: answering with the whole content is allowed.
  if (ranges === undefined || ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return undefined;
  const [range] = ranges;
  return range ? { start: range.start, end: range.end } : undefined;
}

export function isClientGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE';
}

/**
 * Serves a stored file as a download: streamed, never rendered by the browser (attachment,
 * nosniff, sandbox CSP, active types as bytes), cacheable by ETag, with single-range support.
 * A gateway on the same machine may ask to send the bytes itself (see blob-offload in the
 * contract): everything is decided here all the same, only the body is left to it. With
 * `stripGps` a photo's GPS position is taken out of the bytes sent (same length; see gps/). With
 * `immutable`, content that never changes under its address (a note's image) is cached for good.
 */
export async function sendFileContent(
  req: Request,
  res: Response,
  content: { blobs: BlobStore; instanceId: string; key: string; stripGps?: boolean; immutable?: boolean },
  file: FileRow,
): Promise<void> {
  const size = file.size ?? 0;
  // What a visitor gets may be other bytes than the stored ones: another entity tag, so no cache
  // mixes the two (known before the bytes are read, so a revalidation reads nothing).
  const etag = `"${file.sha256 ?? ''}${content.stripGps === true ? '-nogps' : ''}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', content.immutable === true ? 'private, max-age=31536000, immutable' : 'private, no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', 'sandbox');
  res.setHeader('Accept-Ranges', 'bytes');

  const ifNoneMatch = req.get('if-none-match');
  if (ifNoneMatch !== undefined) {
    const tags = entityTags(ifNoneMatch);
    if (tags.includes('*') || tags.includes(etag)) {
      res.status(304).end();
      return;
    }
  }

  const patches = content.stripGps === true ? await gpsFreePatches(content.blobs, content.instanceId, content.key, size) : undefined;
  const range = chosenRange(req, size, etag);
  res.setHeader('Content-Type', servedType(file.mime));
  res.setHeader('Content-Disposition', attachmentDisposition(file.name));
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  if (range) {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
  }
  res.setHeader('Content-Length', String(end - start + 1));
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }

  if (patches) {
    await sendStream(readPatched(content.blobs, content.instanceId, content.key, patches, start, end), res);
    return;
  }

  if (req.get(BLOB_OFFLOAD_HEADER) === BLOB_OFFLOAD_FILE) {
    // Checked to exist before answering, so a missing blob is the same clean 500 as below.
    const file = await content.blobs.localFile(content.instanceId, content.key);
    if (file !== undefined) {
      res.setHeader(BLOB_FILE_HEADER, file);
      res.setHeader(BLOB_RANGE_HEADER, `${start}-${end}`);
      res.setHeader('Content-Length', '0');
      res.end();
      return;
    }
  }

  // Opened before the first byte is sent, so a missing blob is still a clean (logged) 500.
  await sendStream(await content.blobs.read(content.instanceId, content.key, { start, end }), res);
}

async function sendStream(stream: Readable, res: Response): Promise<void> {
  try {
    await pipeline(stream, res);
  } catch (error) {
    if (!isClientGone(error)) throw error;
  } finally {
    stream.destroy();
  }
}
