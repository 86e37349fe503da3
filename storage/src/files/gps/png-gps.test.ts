import { describe, expect, it } from 'vitest';
import { pngMetadata } from './png-gps.ts';
import { pngWithGps } from '../../../test/files/test-photos.ts';

describe(pngMetadata.name, () => {
  it('finds metadata after a long picture, reading chunk headers a window at a time', async () => {
    const small = pngWithGps();
    // The same PNG with its picture in 400 IDAT chunks of 8 KiB (3.2 MB) before the text chunks.
    const idat = small.indexOf('IDAT', 0, 'latin1') - 4;
    const idatEnd = idat + 12 + small.readUInt32BE(idat);
    const chunk = Buffer.concat([Buffer.from([0, 0, 0x20, 0]), Buffer.from('IDAT', 'latin1'), Buffer.alloc(8192), Buffer.alloc(4)]);
    const png = Buffer.concat([small.subarray(0, idat), ...Array.from({ length: 400 }, () => chunk), small.subarray(idatEnd)]);
    let reads = 0;
    const read = async (start: number, length: number) => {
      reads += 1;
      return Buffer.from(png.subarray(start, start + length));
    };
    const found = await pngMetadata(png.length, read);
    expect(found.map(({ type }) => type)).toEqual(['eXIf', 'text', 'text']);
    expect(png.toString('latin1', found[2]?.at ?? 0, (found[2]?.at ?? 0) + 7)).toBe('Comment');
    expect(reads).toBeLessThanOrEqual(4);
  });

  it('refuses a chunk that runs past the end', async () => {
    const png = pngWithGps();
    const cut = png.subarray(0, png.length - 20);
    await expect(pngMetadata(cut.length, async (start, length) => cut.subarray(start, start + length))).rejects.toThrow();
  });
});
