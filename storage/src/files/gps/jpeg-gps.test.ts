import exifr from 'exifr';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnreadableMetadata } from './exif-gps.ts';
import { metadataEnd, withoutGps } from './jpeg-gps.ts';
import { PICTURE, RENNES, jpegWithGps } from '../../../test/files/test-photos.ts';

const strip = (jpeg: Buffer) => {
  const end = metadataEnd(jpeg) ?? 0;
  return Buffer.concat([withoutGps(jpeg.subarray(0, end)), jpeg.subarray(end)]);
};

describe(withoutGps.name, () => {
  for (const littleEndian of [true, false]) {
    it(`takes the position out and leaves the rest (${littleEndian ? 'II' : 'MM'})`, async () => {
      const jpeg = jpegWithGps({ littleEndian });
      const before = await exifr.gps(jpeg);
      expect(before.latitude).toBeCloseTo(RENNES.latitude, 3);
      expect(before.longitude).toBeCloseTo(RENNES.longitude, 3);

      const cleaned = strip(jpeg);
      expect(cleaned.length).toBe(jpeg.length);
      expect(await exifr.gps(cleaned)).toBeUndefined();
      const tags = (await exifr.parse(cleaned, { tiff: true, xmp: true, gps: true, mergeOutput: false })) as Record<string, Record<string, unknown>>;
      expect(tags.ifd0).toMatchObject({ Make: 'Fairphon', Orientation: 'Rotate 90 CW', 42016: 'photo-1234' });
      expect(tags.gps).toBeUndefined();
      expect(JSON.stringify(tags)).not.toMatch(/GPS|48,7/);
      expect(cleaned.toString('latin1')).not.toContain('GPSLatitude');
      expect(cleaned.subarray(-PICTURE.length)).toEqual(PICTURE);
    });
  }

  it('leaves a JPEG without metadata as it is', () => {
    const bare = Buffer.concat([Buffer.from([0xff, 0xd8]), PICTURE]);
    expect(strip(bare)).toEqual(bare);
  });

  it('never throws anything but UnreadableMetadata on damaged metadata, and never lets the position through', async () => {
    const jpeg = jpegWithGps();
    const end = metadataEnd(jpeg) ?? 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: end - 1 }), fc.integer({ min: 0, max: 255 }), async (at, byte) => {
        const damaged = Buffer.from(jpeg);
        damaged[at] = byte;
        let cleaned: Buffer;
        try {
          const damagedEnd = metadataEnd(damaged);
          if (damagedEnd === undefined) return;
          cleaned = Buffer.concat([withoutGps(damaged.subarray(0, damagedEnd)), damaged.subarray(damagedEnd)]);
        } catch (error) {
          expect(error).toBeInstanceOf(UnreadableMetadata);
          return;
        }
        const gps = await exifr.gps(cleaned).catch(() => undefined);
        expect(gps?.latitude).not.toBeCloseTo(RENNES.latitude, 3);
      }),
      { numRuns: 300 },
    );
  });
});
