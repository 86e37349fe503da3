import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** What a zip holds: folders as `name/` → null, files → their bytes; and whether names carry the UTF-8 flag. */
export interface Unzipped {
  entries: Map<string, Buffer | null>;
  allUtf8: boolean;
}

const UTF8_FLAG = 1 << 11;

async function bytesOf(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const stream = await new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (error, readable) => (error ? reject(error) : resolve(readable))),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads a whole zip (yauzl checks sizes and CRCs while reading each entry). */
export async function unzip(buffer: Buffer): Promise<Unzipped> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const entries = new Map<string, Buffer | null>();
  let allUtf8 = true;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      allUtf8 &&= (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0;
      const read = entry.fileName.endsWith('/') ? Promise.resolve(null) : bytesOf(zip, entry);
      read.then((bytes) => {
        entries.set(entry.fileName, bytes);
        zip.readEntry();
      }, reject);
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return { entries, allUtf8 };
}
