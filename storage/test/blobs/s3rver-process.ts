/**
 * The test S3 server, run in a child process (so a test measuring its own memory does not count
 * the server's): s3rver, plus the multipart calls it lacks, which a store's failure path
 * depends on (AbortMultipartUpload, ListMultipartUploads), ListParts (a resumable upload going on
 * after a restart), UploadPartCopy (copies past 5 GiB), and a fix for `Range: bytes=0-0`
 * (s3rver reads `end: 0` as "to the end").
 * Started by s3-test-server.ts with `{ directory, bucket }` as argv[2]; answers `{ port }` over IPC.
 */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { join } from 'node:path';
import S3rver from 's3rver';

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  status: number;
  get(header: string): string;
  type: string;
  body: unknown;
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface StoredObject {
  content: Readable | null;
  range?: { start: number; end: number };
}
type GetObject = (bucket: string, key: string, options?: { start?: number; end?: number }) => Promise<StoredObject | null>;
/** s3rver is a Koa app; its types do not show the middleware list nor the store. */
type S3rverApp = S3rver & {
  middleware: Middleware[];
  store: { getResourcePath(bucket: string, key: string | undefined, resource: string): string; getObject: GetObject };
};

const { directory, bucket } = JSON.parse(process.argv[2] ?? '{}') as { directory: string; bucket: string };
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket, configs: [] }] }) as S3rverApp;
const uploadsDir = server.store.getResourcePath(bucket, undefined, 'uploads');

const getObject = server.store.getObject.bind(server.store);
server.store.getObject = async (bucketName, key, options) => {
  if (options?.end !== 0) return getObject(bucketName, key, options);
  const object = await getObject(bucketName, key, { start: 0, end: 1 });
  if (object?.content) {
    object.content.destroy();
    object.content = createReadStream(server.store.getResourcePath(bucketName, key, 'object'), { start: 0, end: 0 });
    object.range = { start: 0, end: 0 };
  }
  return object;
};

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function pendingUploads(prefix: string): Promise<{ uploadId: string; key: string }[]> {
  const ids = await readdir(uploadsDir).catch(() => []);
  const uploads = await Promise.all(
    ids.map(async (uploadId) => ({ uploadId, key: await readFile(join(uploadsDir, uploadId, 'key'), 'utf8').catch(() => '') })),
  );
  return uploads.filter((upload) => upload.key.startsWith(prefix));
}

/** The part `partNumber` of upload `uploadId`, copied from a byte range of another object. */
async function uploadPartCopy(uploadId: string, partNumber: string, copySource: string, range: string) {
  const source = decodeURIComponent(copySource).replace(/^\//, '');
  if (!source.startsWith(`${bucket}/`)) throw new Error(`copy from another bucket: ${source}`);
  const [start = 0, end = 0] = range.replace('bytes=', '').split('-').map(Number);
  const chunks: Buffer[] = [];
  const object = server.store.getResourcePath(bucket, source.slice(bucket.length + 1), 'object');
  for await (const chunk of createReadStream(object, { start, end })) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const md5 = createHash('md5').update(bytes).digest('hex');
  const part = join(uploadsDir, uploadId, partNumber);
  await mkdir(join(uploadsDir, uploadId), { recursive: true });
  await writeFile(part, bytes);
  await writeFile(`${part}.md5`, md5);
  return `<?xml version="1.0" encoding="UTF-8"?><CopyPartResult><ETag>"${md5}"</ETag><LastModified>${new Date().toISOString()}</LastModified></CopyPartResult>`;
}

/** The parts of upload `uploadId` (ListParts), or undefined when there is no such upload. */
async function listParts(uploadId: string): Promise<string | undefined> {
  const names = await readdir(join(uploadsDir, uploadId)).catch(() => undefined);
  if (!names) return undefined;
  const numbers = names.filter((name) => /^\d+$/.test(name)).map(Number).sort((a, b) => a - b);
  const parts = await Promise.all(
    numbers.map(async (number) => {
      const part = join(uploadsDir, uploadId, String(number));
      const [{ size }, md5] = await Promise.all([stat(part), readFile(`${part}.md5`, 'utf8')]);
      return `<Part><PartNumber>${number}</PartNumber><ETag>"${md5}"</ETag><Size>${size}</Size></Part>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?><ListPartsResult><Bucket>${bucket}</Bucket><UploadId>${uploadId}</UploadId><IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`;
}

server.middleware.unshift(async (ctx, next) => {
  const uploadId = ctx.query.uploadId;
  const partNumber = ctx.query.partNumber;
  if (ctx.method === 'PUT' && typeof uploadId === 'string' && typeof partNumber === 'string' && ctx.get('x-amz-copy-source')) {
    if (!/^[A-Za-z0-9-]+$/.test(uploadId) || !/^\d+$/.test(partNumber)) throw new Error('bad part');
    ctx.type = 'application/xml';
    ctx.body = await uploadPartCopy(uploadId, partNumber, ctx.get('x-amz-copy-source'), ctx.get('x-amz-copy-source-range'));
    return;
  }
  if (ctx.method === 'GET' && typeof uploadId === 'string' && ctx.path.startsWith(`/${bucket}/`)) {
    if (!/^[A-Za-z0-9-]+$/.test(uploadId)) throw new Error('bad uploadId');
    const listing = await listParts(uploadId);
    ctx.type = 'application/xml';
    ctx.status = listing ? 200 : 404;
    ctx.body = listing ?? '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>No such upload</Message></Error>';
    return;
  }
  if (ctx.method === 'DELETE' && typeof uploadId === 'string' && ctx.path.startsWith(`/${bucket}/`)) {
    if (!/^[A-Za-z0-9-]+$/.test(uploadId)) throw new Error('bad uploadId');
    await rm(join(uploadsDir, uploadId), { recursive: true, force: true });
    ctx.status = 204;
    return;
  }
  if (ctx.method === 'GET' && (ctx.path === `/${bucket}` || ctx.path === `/${bucket}/`) && 'uploads' in ctx.query) {
    const prefix = typeof ctx.query.prefix === 'string' ? ctx.query.prefix : '';
    const uploads = await pendingUploads(prefix);
    ctx.type = 'application/xml';
    ctx.body =
      `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult><Bucket>${bucket}</Bucket><IsTruncated>false</IsTruncated>` +
      uploads.map((u) => `<Upload><Key>${escapeXml(u.key)}</Key><UploadId>${u.uploadId}</UploadId></Upload>`).join('') +
      `</ListMultipartUploadsResult>`;
    return;
  }
  await next();
});

const { port } = await server.run();
process.send?.({ port });
// Never outlive the test process that started it.
process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
