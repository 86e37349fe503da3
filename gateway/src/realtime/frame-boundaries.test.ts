import { describe, expect, it } from 'vitest';
import { closeFrame, FrameBoundaries } from './frame-boundaries.ts';

/** A server frame (unmasked) carrying `length` bytes. */
function frame(length: number): Buffer {
  const header = length < 126 ? Buffer.from([0x82, length]) : length < 65536 ? Buffer.from([0x82, 126, length >> 8, length & 0xff]) : Buffer.alloc(10);
  if (length >= 65536) {
    header[0] = 0x82;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, Buffer.alloc(length, 7)]);
}

describe(FrameBoundaries.name, () => {
  it('finds where the first frame of a chunk ends, whatever its length field', () => {
    for (const length of [0, 5, 125, 126, 300, 65535, 65536, 70000]) {
      const boundaries = new FrameBoundaries();
      const bytes = Buffer.concat([frame(length), frame(3)]);
      expect(boundaries.read(bytes)).toBe(frame(length).length);
      expect(boundaries.atBoundary).toBe(true);
    }
  });

  it('follows frames cut anywhere, inside headers and payloads', () => {
    const stream = Buffer.concat([frame(2), frame(300), frame(70000), frame(0)]);
    const ends = [2 + 2, 4 + 304, 308 + 70010, 70318 + 2];
    for (const cut of [1, 2, 3, 7, 1000]) {
      const boundaries = new FrameBoundaries();
      for (let at = 0; at < stream.length; at += cut) {
        const chunk = stream.subarray(at, at + cut);
        const expected = ends.find((end) => end > at && end <= at + chunk.length);
        expect(boundaries.read(chunk)).toBe(expected === undefined ? -1 : expected - at);
      }
      expect(boundaries.atBoundary).toBe(true);
    }
  });

  it('says a chunk ending inside a frame has no end, masked client frames too', () => {
    const boundaries = new FrameBoundaries();
    const masked = Buffer.from([0x82, 0x80 | 4, 1, 2, 3, 4, 9, 9, 9, 9]);
    expect(boundaries.read(masked.subarray(0, 7))).toBe(-1);
    expect(boundaries.atBoundary).toBe(false);
    expect(boundaries.read(masked.subarray(7))).toBe(3);
  });
});

describe(closeFrame.name, () => {
  it('makes a close frame with its code and reason', () => {
    expect([...closeFrame(4001, 'token expired')]).toEqual([0x88, 15, 0x0f, 0xa1, ...Buffer.from('token expired')]);
  });
});
