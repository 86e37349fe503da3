import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { sendProblem } from '@mytoutatice/server-kit';
import { resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BLOB_FILE_HEADER, BLOB_OFFLOAD_FILE, BLOB_OFFLOAD_HEADER, BLOB_RANGE_HEADER } from '@mytoutatice/contract';
import type { ForwardOptions } from './forward.ts';

/** Bigger reads than a stream's 64 KiB default: fewer chunks, less work per byte on this hop. */
const READ_CHUNK_BYTES = 1024 * 1024;
const RANGE = /^(\d+)-(\d+)$/;

export interface BlobOffload {
  /** The origin of the storage backend on this machine: the only one asked to leave bytes to us. */
  readonly backendOrigin: string;
  /**
   * When the storage's answer names a file, sends that file's range with the answer's status and
   * headers and answers true. A path outside the storage's folder, or a file that cannot be
   * opened, goes to `fail` (headers not sent yet, or the answer cut short once they are).
   */
  takeOver(answer: IncomingMessage, headers: Record<string, string | string[]>, res: ServerResponse, fail: (error: unknown) => void): boolean;
}

/**
 * Downloads from the storage backend on this machine (at `backendUrl`, its STORAGE_DATA_DIR
 * `localStorageDir`): the storage checks the token, the file, the range and the conditions, and
 * the gateway reads the bytes from disk, so they cross one Node process instead of two.
 */
export function blobOffload(localStorageDir: string, backendUrl: string): BlobOffload {
  const root = resolve(localStorageDir) + sep;
  return {
    backendOrigin: new URL(backendUrl).origin,
    takeOver(answer, headers, res, fail) {
      const file = answer.headers[BLOB_FILE_HEADER];
      if (typeof file !== 'string') return false;
      answer.resume();
      const range = RANGE.exec(String(answer.headers[BLOB_RANGE_HEADER] ?? ''));
      const path = resolve(file);
      if (!range || !path.startsWith(root)) {
        fail(new Error(`blob offload refused: ${file} (${String(answer.headers[BLOB_RANGE_HEADER])}) is not a range of a file under ${root}`));
        return true;
      }
      const [start, end] = [Number(range[1]), Number(range[2])];
      delete headers[BLOB_FILE_HEADER];
      delete headers[BLOB_RANGE_HEADER];
      headers['content-length'] = String(end - start + 1);
      sendRange(path, start, end, answer.statusCode ?? 200, headers, res).catch(fail);
      return true;
    },
  };
}

async function sendRange(path: string, start: number, end: number, status: number, headers: Record<string, string | string[]>, res: ServerResponse): Promise<void> {
  // Opened before the headers go, so a file gone since the storage looked is still a clean error.
  const handle = await open(path, 'r');
  res.writeHead(status, headers);
  await pipeline(handle.createReadStream({ start, end, highWaterMark: READ_CHUNK_BYTES }), res);
}

/**
 * What `forward` needs to let `offload` send the bytes of `target`'s answer to `res`, when
 * `target` is the storage on this machine: the request header (a client's own always removed:
 * only the gateway may ask for a path) and the take-over, failures logged and answered as
 * problems. Another node's answers stream through as they come.
 */
export function offloadOptions(
  offload: BlobOffload | undefined,
  target: URL,
  res: ServerResponse,
  log: Logger,
  requestId: string,
): Pick<ForwardOptions, 'takeOver'> & { header: Record<string, string | undefined> } {
  if (!offload || target.origin !== offload.backendOrigin) return { header: { [BLOB_OFFLOAD_HEADER]: undefined } };
  const header = { [BLOB_OFFLOAD_HEADER]: BLOB_OFFLOAD_FILE };
  const failed = (error: unknown) => {
    if (!res.headersSent) {
      log.error({ err: error, requestId }, 'download from disk failed');
      sendProblem(res, 500, 'internal', requestId);
    } else if (!res.destroyed) {
      log.warn({ err: error, requestId }, 'download from disk cut short');
      res.destroy();
    }
  };
  return { header, takeOver: (answer, headers) => offload.takeOver(answer, headers, res, failed) };
}
