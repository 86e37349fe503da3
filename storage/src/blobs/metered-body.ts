import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { badRequest } from '@mytoutatice/server-kit';
import { HEAD_BYTES, type StoredBlob } from './blob-store.ts';

export interface MeteredBody {
  /** The same bytes, hashed on the way, failing past the limit. */
  stream: Readable;
  /** What was measured; complete once `stream` has ended. */
  stored(): StoredBlob;
  /** The error a store should reject with, given what its write failed with. */
  failure(error: unknown): unknown;
}

/** Wraps an incoming body for a store: SHA-256, size and head as it flows, refused past `limit`. */
export function meter(body: Readable, limit: number, overLimit: () => Error): MeteredBody {
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let refusal: Error | undefined;
  let interrupted = false;

  async function* measured(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) {
          refusal = overLimit();
          throw refusal;
        }
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLength);
          headChunks.push(part);
          headLength += part.length;
        }
        yield chunk;
      }
    } catch (error) {
      // Only the body's own failure lands here (the consumer failing returns from the yield).
      interrupted = error !== refusal;
      throw error;
    }
  }

  return {
    stream: Readable.from(measured(), { objectMode: false }),
    stored: () => ({ size, sha256: hash.digest(), head: Buffer.concat(headChunks) }),
    failure(error) {
      if (refusal) return refusal;
      if (interrupted) return badRequest('L’envoi a été interrompu.');
      return error;
    },
  };
}
