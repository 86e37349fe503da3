import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { stripExif } from './exif-gps.ts';
import { heifMetadata } from './heif-gps.ts';
import { PICTURE, RENNES, heicWithGps } from '../../../test/files/test-photos.ts';

describe(heifMetadata.name, () => {
  it('finds the EXIF and XMP items, whose cleaning leaves no position and the picture as it was', async () => {
    const heic = heicWithGps();
    const before = await exifr.gps(heic);
    expect(before.latitude).toBeCloseTo(RENNES.latitude, 3);

    const items = heifMetadata(heic);
    expect(items?.exif).toHaveLength(1);
    expect(items?.xmp).toHaveLength(1);
    const cleaned = Buffer.from(heic);
    for (const { at, length } of items?.exif ?? []) stripExif(cleaned.subarray(at + 4 + cleaned.readUInt32BE(at), at + length));
    for (const { at, length } of items?.xmp ?? []) cleaned.fill(0, at, at + length);

    expect(cleaned.length).toBe(heic.length);
    expect(await exifr.gps(cleaned)).toBeUndefined();
    expect(cleaned.toString('latin1')).not.toContain('GPSLatitude');
    expect(((await exifr.parse(cleaned)) as { Make?: string }).Make).toBe('Fairphon');
    expect(cleaned.includes(PICTURE)).toBe(true);
  });

  it('asks for more bytes while the meta box is not all there', () => {
    const heic = heicWithGps();
    expect(heifMetadata(heic.subarray(0, 60))).toBeUndefined();
  });
});
