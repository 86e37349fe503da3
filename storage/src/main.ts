import { createStorage } from './app.ts';
import { readBlobConfig } from './blobs/blob-config.ts';
import { metadataConfig, readStorageEnv } from './config.ts';

const env = readStorageEnv(process.env);
const storage = await createStorage({
  dataDir: env.STORAGE_DATA_DIR,
  internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
  defaultQuotaBytes: env.DEFAULT_QUOTA_BYTES,
  maxFileBytes: env.MAX_FILE_BYTES,
  trashRetentionDays: env.TRASH_RETENTION_DAYS,
  jobsWorker: env.JOBS_WORKER,
  logLevel: env.LOG_LEVEL,
  metadata: metadataConfig(env),
  blobs: readBlobConfig(process.env, env.STORAGE_DATA_DIR),
});

const server = storage.app.listen(env.STORAGE_PORT, env.STORAGE_HOST, () => {
  storage.logger.info({ port: env.STORAGE_PORT, host: env.STORAGE_HOST }, 'storage backend listening');
});
server.on('upgrade', storage.upgrade);

function shutdown(): void {
  storage.closeClients();
  server.close(() => {
    void storage.close().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
