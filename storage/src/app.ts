import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import express, { type Express } from 'express';
import { pino, type Logger } from 'pino';
import { DownloadTokens } from './auth/download-token.ts';
import { InternalTokenVerifier, requireInternalToken } from './auth/internal-token.ts';
import { gpsFreeJson } from './files/gps/gps-free-json.ts';
import { ChangeNotifier } from './changes/notifier.ts';
import { notifyWrites } from './changes/notify-writes.ts';
import { RealtimeServer } from './changes/realtime-server.ts';
import { changeRoutes } from './changes/routes.ts';
import { DAV_PREFIX } from './dav/dav-paths.ts';
import { davRoutes } from './dav/dav-routes.ts';
import type { StorageConfig } from './config.ts';
import { documentRoutes } from './documents/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { referenceRoutes } from './references/routes.ts';
import { zipRoutes } from './zip/routes.ts';
import { problemHandler, requestId, unknownRoute } from '@mytoutatice/server-kit';
import type { BlobStore } from './blobs/blob-store.ts';
import { createBlobStore } from './blobs/blob-config.ts';
import type { MetadataBackend } from './db/metadata-backend.ts';
import { openMetadata } from './db/open-metadata.ts';
import { InstanceDatabases } from './instances/instance-databases.ts';
import { InstanceRecords } from './instances/instance-records.ts';
import { appPasswordRoutes } from './instances/app-password-routes.ts';
import { instanceRoutes } from './instances/routes.ts';
import { JobQueue } from './jobs/job-queue.ts';
import { JobWorker } from './jobs/job-worker.ts';
import { registerStorageJobs } from './jobs/storage-jobs.ts';
import { uploadStoreRoot } from './tus/upload-ids.ts';
import { uploadRoutes } from './tus/upload-routes.ts';
import { UploadStore } from './tus/upload-store.ts';
import { versionRoutes } from './versions/routes.ts';
import { NoteCollabServer } from './notes/collab-server.ts';
import { noteRoutes } from './notes/routes.ts';

export interface Storage {
  app: Express;
  /** For `server.on('upgrade')`: the realtime WebSocket (`GET /realtime`) and the notes' (`GET /notes/:id/collab`). */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Registry and instance databases (SQLite or PostgreSQL), for tools beside the routes. */
  metadata: MetadataBackend;
  /** The content store (files on disk or S3). */
  blobs: BlobStore;
  /** The durable job queue: enqueue and read jobs; its worker runs here unless JOBS_WORKER=off. */
  jobs: JobQueue;
  /** The in-process change notifier: any write path outside the HTTP routes pokes it. */
  notifier: ChangeNotifier;
  logger: Logger;
  /** Ends realtime and note sockets and pending long-polls; call when the HTTP server stops accepting. */
  closeClients(): void;
  /** Writes the notes held, then closes every database handle; call after the HTTP server has stopped. */
  close(): Promise<void>;
}

export async function createStorage(config: StorageConfig): Promise<Storage> {
  const logger = pino({ name: 'storage', level: config.logLevel });
  const metadata = await openMetadata(config.dataDir, config.metadata);
  const instances = new InstanceRecords(metadata.registry);
  const blobs = createBlobStore(config.blobs ?? { kind: 'fs', dataDir: config.dataDir });
  const databases = new InstanceDatabases(config.dataDir, metadata, blobs);
  const verifier = new InternalTokenVerifier(config.internalTokenSecret);
  const downloadTokens = new DownloadTokens(config.internalTokenSecret);
  const notifier = new ChangeNotifier();
  const realtime = new RealtimeServer({ verifier, instances, databases, notifier, logger });
  const notes = new NoteCollabServer({ verifier, instances, databases, notifier, maxFileBytes: config.maxFileBytes, logger });
  const uploadStore = new UploadStore(uploadStoreRoot(config.dataDir), blobs);
  const jobs = new JobQueue(metadata);
  await registerStorageJobs(jobs, {
    databases,
    dataDir: config.dataDir,
    uploads: uploadStore,
    trashRetentionDays: config.trashRetentionDays,
    onPurged: (instanceId) => notifier.poke(instanceId),
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(requestId);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(requireInternalToken(verifier));
  app.use(gpsFreeJson());
  app.use(notifyWrites(notifier));
  app.use(instanceRoutes(instances, metadata, databases, config.defaultQuotaBytes));
  app.use(appPasswordRoutes(instances, databases));
  app.use(fileRoutes({ instances, databases, downloadTokens, maxFileBytes: config.maxFileBytes }));
  app.use(versionRoutes({ instances, databases, maxFileBytes: config.maxFileBytes }));
  app.use(noteRoutes({ instances, databases, maxFileBytes: config.maxFileBytes }));
  app.use(uploadRoutes({ instances, databases, dataDir: config.dataDir, store: uploadStore, maxFileBytes: config.maxFileBytes }));
  app.use(zipRoutes(instances, databases));
  app.use(documentRoutes(instances, databases));
  app.use(referenceRoutes(instances, databases));
  app.use(changeRoutes(instances, databases, notifier));
  app.use(DAV_PREFIX, davRoutes({ instances, databases, maxFileBytes: config.maxFileBytes }));
  app.use(unknownRoute);
  app.use(problemHandler(logger));

  const worker = config.jobsWorker === 'off' ? undefined : new JobWorker(jobs, {
    ...config.jobWorker,
    onError: (err, context) => logger.error({ err, ...context }, 'job failed'),
  });
  await worker?.start();

  return {
    app,
    upgrade: (req, socket, head) => (NoteCollabServer.handles(req) ? notes.upgrade(req, socket, head) : realtime.upgrade(req, socket, head)),
    metadata,
    blobs,
    jobs,
    notifier,
    logger,
    closeClients() {
      realtime.close();
      notes.closeSockets();
      notifier.close();
    },
    async close() {
      await notes.close();
      await worker?.stop();
      await metadata.close();
      blobs.close();
    },
  };
}
