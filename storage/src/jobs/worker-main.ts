import { pino } from 'pino';
import { createBlobStore, readBlobConfig } from '../blobs/blob-config.ts';
import { metadataConfig, readStorageEnv } from '../config.ts';
import { openMetadata } from '../db/open-metadata.ts';
import { InstanceDatabases } from '../instances/instance-databases.ts';
import { uploadStoreRoot } from '../tus/upload-ids.ts';
import { UploadStore } from '../tus/upload-store.ts';
import { JobQueue } from './job-queue.ts';
import { JobWorker } from './job-worker.ts';
import { registerStorageJobs } from './storage-jobs.ts';

/**
 * A job worker as a process of its own (`npm run worker`), beside storage processes started with
 * JOBS_WORKER=off, on the same configuration (STORAGE_DATA_DIR, DATABASE_URL, BLOB_STORE…).
 * Several may run on one PostgreSQL database. SIGINT/SIGTERM give running jobs back to the queue.
 */
const env = readStorageEnv(process.env);
const logger = pino({ name: 'jobs', level: env.LOG_LEVEL });
const metadata = await openMetadata(env.STORAGE_DATA_DIR, metadataConfig(env));
const blobs = createBlobStore(readBlobConfig(process.env, env.STORAGE_DATA_DIR));
const databases = new InstanceDatabases(env.STORAGE_DATA_DIR, metadata, blobs);
const jobs = new JobQueue(metadata);
await registerStorageJobs(jobs, {
  databases,
  dataDir: env.STORAGE_DATA_DIR,
  uploads: new UploadStore(uploadStoreRoot(env.STORAGE_DATA_DIR), blobs),
  trashRetentionDays: env.TRASH_RETENTION_DAYS,
});
const worker = new JobWorker(jobs, { keepAlive: true, onError: (err, context) => logger.error({ err, ...context }, 'job failed') });
await worker.start();
logger.info('job worker started');

async function shutdown(): Promise<void> {
  await worker.stop();
  await metadata.close();
  blobs.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
