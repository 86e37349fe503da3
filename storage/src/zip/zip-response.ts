import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { ZipFile } from 'yazl';
import type { BlobStore } from '../blobs/blob-store.ts';
import { attachmentDisposition } from '../files/content-disposition.ts';
import { isClientGone } from '../files/content-response.ts';
import { contentKey } from '../files/file-rows.ts';
import { readGpsFree, stripsGps } from '../files/gps/gps-free-content.ts';
import type { ZipPlan } from './zip-entries.ts';

/**
 * Types worth deflating. Everything else (photos, videos, PDFs, office files, archives: most of
 * what people store) is already compressed, so it is stored as is: deflating it again costs CPU
 * on a shared machine for a gain of a few percent at best.
 */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|rtf|sql|x-ndjson)|image\/(svg\+xml|bmp|tiff)|audio\/(wav|x-wav))/;
/** The fastest deflate: the text types above shrink well already at this level. */
const TEXT_LEVEL = 1;

function compressionLevel(mime: string | null): number {
  return mime !== null && COMPRESSIBLE.test(mime) ? TEXT_LEVEL : 0;
}

/**
 * Streams `plan` as a zip download: yazl asks for each blob only when its turn comes, so one is
 * open at a time and backpressure reaches the store. UTF-8 names (the language encoding flag) and
 * ZIP64 past 4 GiB come from yazl. Once the first byte is out a failure can no longer be a
 * problem answer: the promise rejects and the problem handler logs it and destroys the socket, so
 * the client sees a failed download, never a zip that looks whole without a file. For a public
 * link's visitor, photos go in without their GPS position (a photo kind that cannot be cleaned
 * fails the zip: nothing is sent that should not be).
 */
export async function sendZip(res: Response, blobs: BlobStore, instanceId: string, plan: ZipPlan): Promise<void> {
  const stripGps = stripsGps(res);
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Content-Disposition', attachmentDisposition(plan.name));
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', 'sandbox');

  const zip = new ZipFile();
  let current: Readable | undefined;
  const failure = new Promise<never>((_, reject) => zip.on('error', reject));
  for (const { path, row } of plan.entries) {
    const mtime = new Date(row.updatedAt);
    if (row.type === 'directory') {
      zip.addEmptyDirectory(path, { mtime });
      continue;
    }
    zip.addReadStreamLazy(path, { mtime, size: row.size ?? 0, compressionLevel: compressionLevel(row.mime) }, (done) => {
      const key = contentKey(row);
      (stripGps ? readGpsFree(blobs, instanceId, key, row.size ?? 0) : blobs.read(instanceId, key)).then(
        (stream) => {
          current = stream;
          // yazl pipes the blob without watching it: its failure must stop the zip here.
          stream.once('error', (error) => zip.emit('error', error));
          done(null, stream);
        },
        (error: unknown) => done(error, undefined as never),
      );
    });
  }
  zip.end();
  const output = zip.outputStream as unknown as Readable;
  try {
    await Promise.race([pipeline(output, res), failure]);
  } catch (error) {
    if (!isClientGone(error)) throw error;
  } finally {
    current?.destroy();
    output.destroy();
  }
}
