import { crc32 } from 'node:zlib';
/**
 * Photos as phones write them, made by code for tests (a JPEG; a HEIC below): EXIF with the camera's make, the
 * orientation, a GPS position (48.1173° N, 1.6778° W: Rennes) and a following tag, then an XMP
 * packet repeating the position, then the "picture" (bytes that must come out unchanged).
 */
export const RENNES = { latitude: 48.1173, longitude: -1.6778 };
export const PICTURE = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0x56, 0x78, 0xff, 0xd9]);

type Entry = { tag: number; type: number; count: number; value: Buffer };

function ifd(entries: Entry[], at: number, le: boolean): Buffer {
  const head = Buffer.alloc(2 + entries.length * 12 + 4);
  const extra: Buffer[] = [];
  let dataAt = at + head.length;
  const u16 = (v: number, o: number) => (le ? head.writeUInt16LE(v, o) : head.writeUInt16BE(v, o));
  const u32 = (v: number, o: number) => (le ? head.writeUInt32LE(v, o) : head.writeUInt32BE(v, o));
  u16(entries.length, 0);
  entries.forEach((entry, index) => {
    const o = 2 + index * 12;
    u16(entry.tag, o);
    u16(entry.type, o + 2);
    u32(entry.count, o + 4);
    if (entry.value.length <= 4) entry.value.copy(head, o + 8);
    else {
      u32(dataAt, o + 8);
      extra.push(entry.value);
      dataAt += entry.value.length;
    }
  });
  return Buffer.concat([head, ...extra]);
}

function rationals(values: [number, number][], le: boolean): Buffer {
  const out = Buffer.alloc(values.length * 8);
  values.forEach(([n, d], i) => {
    if (le) {
      out.writeUInt32LE(n, i * 8);
      out.writeUInt32LE(d, i * 8 + 4);
    } else {
      out.writeUInt32BE(n, i * 8);
      out.writeUInt32BE(d, i * 8 + 4);
    }
  });
  return out;
}

const short = (v: number, le: boolean) => {
  const b = Buffer.alloc(4);
  if (le) b.writeUInt16LE(v, 0);
  else b.writeUInt16BE(v, 0);
  return b;
};
const long = (v: number, le: boolean) => {
  const b = Buffer.alloc(4);
  if (le) b.writeUInt32LE(v, 0);
  else b.writeUInt32BE(v, 0);
  return b;
};
const ascii = (text: string) => Buffer.from(`${text}\0`, 'latin1');

/** EXIF's TIFF structure: `le` as Android phones write it ("II"), else as iPhones do ("MM"). */
function exifTiff(le: boolean): Buffer {
  const ifd0At = 8;
  const ifd0Entries = (gpsAt: number): Entry[] => [
    { tag: 0x010f, type: 2, count: 9, value: ascii('Fairphon') },
    { tag: 0x0112, type: 3, count: 1, value: short(6, le) },
    { tag: 0x8825, type: 4, count: 1, value: long(gpsAt, le) },
    { tag: 0xa420, type: 2, count: 11, value: ascii('photo-1234') },
  ];
  const ifd0Length = ifd(ifd0Entries(0), ifd0At, le).length;
  const gpsAt = ifd0At + ifd0Length;
  const gps = ifd(
    [
      { tag: 0x0000, type: 1, count: 4, value: Buffer.from([2, 3, 0, 0]) },
      { tag: 0x0001, type: 2, count: 2, value: ascii('N') },
      { tag: 0x0002, type: 5, count: 3, value: rationals([[48, 1], [7, 1], [230, 100]], le) },
      { tag: 0x0003, type: 2, count: 2, value: ascii('W') },
      { tag: 0x0004, type: 5, count: 3, value: rationals([[1, 1], [40, 1], [4008, 100]], le) },
    ],
    gpsAt,
    le,
  );
  const header = Buffer.from(le ? [0x49, 0x49, 42, 0, 8, 0, 0, 0] : [0x4d, 0x4d, 0, 42, 0, 0, 0, 8]);
  return Buffer.concat([header, ifd(ifd0Entries(gpsAt), ifd0At, le), gps]);
}

const XMP_PACKET =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="48,7.038N" exif:GPSLongitude="1,40.668W"/></rdf:RDF></x:xmpmeta>';

/** `littleEndian` as Android phones write it ("II"), else as iPhones do ("MM"). */
export function jpegWithGps({ littleEndian = true } = {}): Buffer {
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(littleEndian)]);
  const xmp = Buffer.from(`http://ns.adobe.com/xap/1.0/\0${XMP_PACKET}`, 'latin1');
  const segment = (marker: number, body: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  return Buffer.concat([Buffer.from([0xff, 0xd8]), segment(0xe1, exif), segment(0xe1, xmp), PICTURE]);
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}
const fullBox = (type: string, version: number, ...parts: Buffer[]) => box(type, Buffer.from([version, 0, 0, 0]), ...parts);
const u16 = (v: number) => Buffer.from([v >> 8, v & 255]);
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v, 0);
  return b;
};

/**
 * A HEIC as an iPhone writes one, reduced to what matters here: `ftyp`, a `meta` naming an EXIF
 * item (with the position) and an XMP item, `iloc` placing them in `mdat` after an "image" item.
 */
export function heicWithGps(): Buffer {
  const exif = Buffer.concat([u32(6), Buffer.from('Exif\0\0', 'latin1'), exifTiff(false)]);
  const xmp = Buffer.from(XMP_PACKET, 'latin1');
  const infe = (id: number, type: string, extra = '') => fullBox('infe', 2, u16(id), u16(0), Buffer.from(`${type}\0${extra}`, 'latin1'));
  const ftyp = box('ftyp', Buffer.from('heic', 'latin1'), u32(0), Buffer.from('mif1heic', 'latin1'));
  const metaOf = (mdatBody: number) => {
    const iloc = fullBox(
      'iloc',
      0,
      Buffer.from([0x44, 0x00]),
      u16(3),
      ...[
        [1, mdatBody, PICTURE.length],
        [2, mdatBody + PICTURE.length, exif.length],
        [3, mdatBody + PICTURE.length + exif.length, xmp.length],
      ].map(([id, at, length]) => Buffer.concat([u16(id ?? 0), u16(0), u16(1), u32(at ?? 0), u32(length ?? 0)])),
    );
    const iinf = fullBox('iinf', 0, u16(3), infe(1, 'hvc1'), infe(2, 'Exif'), infe(3, 'mime', 'application/rdf+xml\0'));
    return fullBox('meta', 0, fullBox('hdlr', 0, u32(0), Buffer.from('pict', 'latin1'), Buffer.alloc(13)), fullBox('pitm', 0, u16(1)), iinf, iloc);
  };
  const mdatBody = ftyp.length + metaOf(0).length + 8;
  return Buffer.concat([ftyp, metaOf(mdatBody), box('mdat', PICTURE, exif, xmp)]);
}

/** A WebP as image tools write one: `VP8X`, the picture, then `EXIF` (`withExifId`: after "Exif\0\0") and `XMP `. */
export function webpWithGps({ withExifId = false } = {}): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32LE(body.length, 4);
    return Buffer.concat([head, body, body.length % 2 === 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04;
  const exif = Buffer.concat([withExifId ? Buffer.from('Exif\0\0', 'latin1') : Buffer.alloc(0), exifTiff(true)]);
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), chunk('VP8X', vp8x), chunk('VP8 ', PICTURE), chunk('EXIF', exif), chunk('XMP ', Buffer.from(XMP_PACKET, 'latin1'))]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

/**
 * A PNG as an image tool writes one with metadata: `IHDR`, `eXIf` before the picture, an `iTXt`
 * XMP packet and a `tEXt` comment after it, then `IEND`; every CRC right.
 */
export function pngWithGps(): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const xmp = Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(XMP_PACKET, 'latin1')]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('eXIf', exifTiff(false)),
    chunk('IDAT', PICTURE),
    chunk('iTXt', xmp),
    chunk('tEXt', Buffer.from('Comment\0GPSLatitude 48.1173', 'latin1')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whether every chunk of a PNG has the CRC of its type and data (a decoder refuses it otherwise). */
export function pngCrcsHold(png: Buffer): boolean {
  for (let at = 8; at + 12 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const crc = crc32(png.subarray(at + 4, at + 8 + length)) >>> 0;
    if (png.readUInt32BE(at + 8 + length) !== crc) return false;
    at += 12 + length;
  }
  return true;
}
