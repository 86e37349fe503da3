import { Readable } from 'node:stream';
import exifr from 'exifr';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../blobs/blob-store.ts';
import { gpsFreePatches, readGpsFree, readPatched } from './gps-free-content.ts';
import { PICTURE, RENNES, heicWithGps, jpegWithGps, pngCrcsHold, pngWithGps, webpWithGps } from '../../../test/files/test-photos.ts';

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

describe(gpsFreePatches.name, () => {
  const photos = {
    'JPEG (II)': jpegWithGps(),
    'JPEG (MM)': jpegWithGps({ littleEndian: false }),
    HEIC: heicWithGps(),
    WebP: webpWithGps(),
    'WebP with "Exif\\0\\0"': webpWithGps({ withExifId: true }),
    PNG: pngWithGps(),
  };
  /** The latitude's rationals (48/1, 7/1, 230/100) in either byte order: exifr does not read WebP. */
  const latitudeIn = (bytes: Buffer) =>
    [true, false].some((le) => bytes.includes(Buffer.concat([48, 1, 7, 1, 230, 100].map((n) => Buffer.from(le ? [n, 0, 0, 0] : [0, 0, 0, n])))));
  for (const [kind, photo] of Object.entries(photos)) {
    it(`sends a ${kind} without its position, the rest as it was`, async () => {
      expect(latitudeIn(photo)).toBe(true);
      const sent = await bytesOf(await readGpsFree(storeOf(photo), 'i', 'k', photo.length));
      expect(sent.length).toBe(photo.length);
      expect(latitudeIn(sent)).toBe(false);
      expect(sent.toString('latin1')).not.toContain('GPSLatitude');
      expect(sent.toString('latin1')).toContain('Fairphon');
      expect(sent.includes(PICTURE)).toBe(true);
      if (kind === 'PNG') expect(pngCrcsHold(sent)).toBe(true);
      if (!kind.startsWith('WebP') && kind !== 'PNG') {
        expect((await exifr.gps(photo)).latitude).toBeCloseTo(RENNES.latitude, 3);
        expect(await exifr.gps(sent)).toBeUndefined();
        expect(((await exifr.parse(sent)) as { Make?: string }).Make).toBe('Fairphon');
      }
    });
  }

  it('leaves files that are not photos alone, and refuses TIFF', async () => {
    const text = Buffer.from('Rendez-vous à 8 h devant le collège.');
    await expect(gpsFreePatches(storeOf(text), 'i', 'k', text.length)).resolves.toBeUndefined();
    const tiff = Buffer.concat([Buffer.from('II*\0', 'latin1'), Buffer.alloc(64)]);
    await expect(gpsFreePatches(storeOf(tiff), 'i', 'k', tiff.length)).rejects.toMatchObject({ status: 403 });
  });
});
