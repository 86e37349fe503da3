/**
 * bench/storage, a resumable (tus) upload on the S3 configuration, through the gateway: one file
 * of SIZE_MIB (default 1024) sent as the sdk sends it (8 MiB PATCHes), contents on a local S3
 * test server (s3rver). Prints the time of each kind of PATCH, above all the last one, which must
 * stay well under the gateway's idle timeout (30 s) whatever the size. s3rver assembles the parts
 * of a multipart upload by copying them (~17 s per GiB here), where S3 does not copy: on s3rver
 * the last PATCH still grows with the size.
 *   node --conditions=mytoutatice-source bench/storage/tus-s3.ts   (SIZE_MIB=1024 PORT_BASE=28380)
 */
import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { startS3TestServer } from '@mytoutatice/storage/s3-testing';
import { percentiles } from '../lib/stats.ts';
import { startSystem } from '../lib/system.ts';

const MIB = 1024 * 1024;
const CHUNK_BYTES = 8 * MIB;
const sizeMiB = Number(process.env.SIZE_MIB ?? 1024);
const size = sizeMiB * MIB;

const s3 = await startS3TestServer();
const { config } = s3;
const system = await startSystem(Number(process.env.PORT_BASE ?? 28380), {
  BLOB_STORE: 's3',
  S3_ENDPOINT: config.endpoint ?? '',
  S3_REGION: config.region,
  S3_BUCKET: config.bucket,
  S3_ACCESS_KEY_ID: config.accessKeyId ?? '',
  S3_SECRET_ACCESS_KEY: config.secretAccessKey ?? '',
  S3_FORCE_PATH_STYLE: 'true',
});
try {
  const token = await system.signIn('eleve');
  const tus = { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' };
  const created = await fetch(`${system.publicUrl}/api/uploads`, {
    method: 'POST',
    headers: { ...tus, 'upload-length': String(size), 'upload-metadata': `filename ${Buffer.from('gros.bin').toString('base64')}` },
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const location = new URL(created.headers.get('location') ?? '', system.publicUrl);

  // Fresh bytes per chunk would cost more than the upload: one random chunk, its first bytes varied.
  const block = randomBytes(CHUNK_BYTES);
  const hash = createHash('sha256');
  const times: number[] = [];
  let fileId = '';
  const started = performance.now();
  for (let offset = 0, n = 0; offset < size; offset += CHUNK_BYTES, n++) {
    const chunk = Buffer.from(block.subarray(0, Math.min(CHUNK_BYTES, size - offset)));
    chunk.writeUInt32BE(n, 0);
    hash.update(chunk);
    const at = performance.now();
    const answer = await fetch(location, {
      method: 'PATCH',
      headers: { ...tus, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
      body: chunk,
    });
    times.push((performance.now() - at) / 1000);
    if (answer.status !== 204) throw new Error(`PATCH at ${offset}: ${answer.status} after ${times.at(-1)?.toFixed(1)} s: ${await answer.text()}`);
    fileId = answer.headers.get('x-file-id') ?? '';
  }
  const total = (performance.now() - started) / 1000;
  const file = (await (await fetch(`${system.publicUrl}/api/files/${fileId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    size: number;
    sha256: string;
  };
  if (file.size !== size || file.sha256 !== hash.digest('hex')) throw new Error(`the file is not what was sent: ${JSON.stringify(file)}`);
  const { p50, p99 } = percentiles(times.slice(0, -1));
  console.log(`tus upload of ${sizeMiB} MiB on S3 through the gateway, ${times.length} PATCHes of ${CHUNK_BYTES / MIB} MiB:`);
  console.log(`  total ${total.toFixed(1)} s (${(size / MIB / total).toFixed(0)} MiB/s); PATCH p50 ${p50.toFixed(3)} s, p99 ${p99.toFixed(3)} s; last PATCH ${times.at(-1)?.toFixed(3)} s`);
} finally {
  system.stop();
  await s3.stop();
}
