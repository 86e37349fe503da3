import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../blobs/blob-store.ts';
import { readPatched } from './gps-free-content.ts';

/** A store holding one blob, read in ranges as the real ones are. */
function storeOf(bytes: Buffer): BlobStore {
  return {
    read: async (_instance: string, _key: string, range?: { start: number; end: number }) =>
      Readable.from([bytes.subarray(range?.start ?? 0, (range?.end ?? bytes.length - 1) + 1)]),
  } as unknown as BlobStore;
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe(readPatched.name, () => {
  it('sends any range of the content with the patches in place of what they cover', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 20 })), { maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        async (content, rawPatches, a, b) => {
          const stored = Buffer.from(content);
          const expected = Buffer.from(stored);
          // Patches do not overlap, as the metadata items they replace do not.
          const patches: { at: number; bytes: Buffer }[] = [];
          let free = 0;
          for (const [offset, bytes] of rawPatches) {
            const at = free + (offset % 10);
            const fitted = Buffer.from(bytes).subarray(0, Math.max(0, stored.length - at));
            if (fitted.length === 0) break;
            patches.push({ at, bytes: fitted });
            fitted.copy(expected, at);
            free = at + fitted.length;
          }
          const start = a % stored.length;
          const end = start + (b % (stored.length - start));
          const sent = await bytesOf(readPatched(storeOf(stored), 'i', 'k', patches.reverse(), start, end));
          expect(sent).toEqual(expected.subarray(start, end + 1));
        },
      ),
    );
  });
});
