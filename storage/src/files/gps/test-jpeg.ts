/**
 * A JPEG as a phone writes one, made by code for tests: EXIF with the camera's make, the
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

/** `littleEndian` as Android phones write it ("II"), else as iPhones do ("MM"). */
export function jpegWithGps({ littleEndian = true } = {}): Buffer {
  const le = littleEndian;
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
  const tiff = Buffer.concat([header, ifd(ifd0Entries(gpsAt), ifd0At, le), gps]);
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const xmp = Buffer.from(
    'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="48,7.038N" exif:GPSLongitude="1,40.668W"/></rdf:RDF></x:xmpmeta>',
    'latin1',
  );
  const segment = (marker: number, body: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  return Buffer.concat([Buffer.from([0xff, 0xd8]), segment(0xe1, exif), segment(0xe1, xmp), PICTURE]);
}
