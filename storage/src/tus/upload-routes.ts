import { AsyncLocalStorage } from 'node:async_hooks';
import { Router, type Request, type Response as ExpressResponse } from 'express';
import { EVENTS, Metadata, Server } from '@tus/server';
import { NodeRequest, sendNodeResponse } from 'srvx/node';
import { HttpError, badRequest } from '@mytoutatice/server-kit';
import { creatorOf } from '../auth/internal-token.ts';
import { KeyedLock } from '@mytoutatice/sql';
import { routeMounter, type FilesTargets } from '../auth/permit.ts';
import { planNewFile } from '../files/upload.ts';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecord, InstanceRecords } from '../instances/instance-records.ts';
import { commitUpload } from './commit-upload.ts';
import { tusProblem, uploadNotFound } from './tus-errors.ts';
import { newStoreId, publicIdOf, storeIdFor, uploadStoreRoot, uploadsFolder } from './upload-ids.ts';
import { reservedBytesIn } from './upload-reservations.ts';
import type { UploadStore } from './upload-store.ts';
import { uploadFolder, uploadTarget, withCreator } from './upload-target.ts';

/** Each request's body at most: a chunk must pass proxies that cap request sizes. */
export const MAX_CHUNK_BYTES = 64 * 1024 * 1024;

/** Where clients reach this endpoint: through the gateway, which strips `/api`. */
const PUBLIC_UPLOADS_PATH = '/api/uploads';

/** Answer header of the request that completed an upload: the id of the file it became. */
export const FILE_ID_HEADER = 'X-File-Id';

export interface UploadRoutesOptions {
  instances: InstanceRecords;
  databases: InstanceDatabases;
  dataDir: string;
  /** The upload folder's store, shared with the expiry job (uploads.expire). */
  store: UploadStore;
  maxFileBytes: number;
}

/** What one request's tus hooks need: who calls, and the error @tus/server turned into text. */
interface UploadCall {
  instance: InstanceRecord;
  createdBy: string | null;
  error?: unknown;
  /** Runs once @tus/server has its answer, before it is sent. */
  after?: () => Promise<void>;
  /** Lets the next creation in the instance count this one's reservation: once it is recorded, or refused. */
  endCreation?: () => void;
}

const OFFSET_STREAM = 'application/offset+octet-stream';

/** Refuses a body without a length or over MAX_CHUNK_BYTES before a byte is read, and deferred lengths. */
function assertBoundedChunk(req: Request): void {
  if (req.headers['upload-defer-length'] !== undefined) {
    throw new HttpError(400, 'bad_request', 'Upload-Defer-Length n’est pas pris en charge : annoncez Upload-Length à la création.');
  }
  if (req.headers['content-type'] !== OFFSET_STREAM) return;
  const length = req.headers['content-length'];
  if (length === undefined) throw new HttpError(411, 'length_required', 'Un morceau d’envoi doit annoncer Content-Length.');
  if (Number(length) > MAX_CHUNK_BYTES) {
    throw new HttpError(413, 'payload_too_large', `Un morceau d’envoi fait au plus ${MAX_CHUNK_BYTES} octets : découpez-le.`);
  }
}

function metadataOf(req: Request): Record<string, string | null> {
  try {
    return Metadata.parse(req.get('upload-metadata'));
  } catch {
    throw badRequest('Upload-Metadata invalide : des paires « clé valeur-base64 » séparées par des virgules.');
  }
}

/**
 * tus 1.0 resumable uploads (creation, creation-with-upload, termination, expiration) at
 * `/uploads`, on @tus/server. An upload belongs to the caller's instance and lives in its folder;
 * its last byte commits it as a file, whose id the answer carries in `X-File-Id`.
 */
export function uploadRoutes({ instances, databases, dataDir, store, maxFileBytes }: UploadRoutesOptions): Router {
  const calls = new AsyncLocalStorage<UploadCall>();
  const current = (): UploadCall => {
    const call = calls.getStore();
    if (!call) throw new Error('tus hook outside an upload request');
    return call;
  };
  const root = uploadStoreRoot(dataDir);
  const finishing = new Set<string>();
  // One creation at a time per instance, from the quota check to its record: two parallel
  // uploads that only fit one at a time must not both see the room free.
  const creations = new KeyedLock();

  const tus = new Server({
    path: PUBLIC_UPLOADS_PATH,
    datastore: store,
    // Same origin through the gateway: no CORS header (@tus/server would send `*`).
    allowedOrigins: [],
    namingFunction: () => newStoreId(current().instance.id),
    getFileIdFromRequest: (_req, lastPath) => storeIdFor(current().instance.id, lastPath),
    generateUrl: (_req, { path, id }) => `${path}/${publicIdOf(id)}`,
    async onUploadCreate(_req, upload) {
      const call = current();
      const { instance, createdBy } = call;
      const metadata = withCreator(upload.metadata, createdBy);
      const release = await creations.acquire(instance.id);
      call.endCreation = () => {
        call.endCreation = undefined;
        release();
      };
      await planNewFile(databases, maxFileBytes, {
        instance,
        ...uploadTarget(metadata),
        declaredSize: upload.size ?? 0,
        reservedBytes: await reservedBytesIn(uploadsFolder(root, instance.id)),
      });
      return { metadata };
    },
    async onUploadFinish(_req, upload) {
      const call = current();
      // Two requests may both see the last offset (a retried empty PATCH): one file only.
      if (finishing.has(upload.id)) throw new HttpError(409, 'upload_offset_conflict', 'Cet envoi est déjà en cours d’enregistrement.');
      finishing.add(upload.id);
      // Committed or refused, the upload is over; @tus/server still reads it after this hook,
      // so it is discarded once the answer is ready (a HEAD then answers 404).
      call.after = async () => {
        await store.discard(upload.id);
        finishing.delete(upload.id);
      };
      const size = upload.size ?? 0;
      const file = await commitUpload(databases, maxFileBytes, call.instance, {
        path: store.dataPath(upload.id),
        size,
        target: uploadTarget(upload.metadata),
        sha256: store.hashes.take(upload.id, size),
        toBlob: () => store.toBlob(upload.id),
      });
      return { headers: { [FILE_ID_HEADER]: file.id } };
    },
    onResponseError(_req, error) {
      current().error = error;
      return undefined;
    },
  });
  tus.on(EVENTS.POST_CREATE, () => current().endCreation?.());

  const handle = async (req: Request, res: ExpressResponse) => {
    assertBoundedChunk(req);
    const call: UploadCall = { instance: instanceOf(res), createdBy: creatorOf(res) };
    let answer: Response;
    try {
      answer = await calls.run(call, () => tus.handleWeb(new NodeRequest({ req, res })));
    } finally {
      call.endCreation?.();
      await call.after?.();
    }
    if (answer.status < 400) {
      await sendNodeResponse(res, answer);
      return;
    }
    res.setHeader('Tus-Resumable', '1.0.0');
    throw tusProblem(call.error, answer.status, await answer.text()) ?? call.error ?? new Error(`tus answered ${answer.status}`);
  };

  // A folder-limited grant may upload into its folder: the one named at creation, or the
  // upload's own afterwards (an upload id says nothing of where it goes).
  const targetFolders: FilesTargets = async (req, instance) => {
    if (req.method === 'POST') return [uploadFolder(metadataOf(req))];
    const id = storeIdFor(instance.id, pathParam(req, 'id'));
    const upload = id === undefined ? undefined : await store.getUpload(id).catch(() => undefined);
    if (!upload) throw uploadNotFound();
    return [uploadFolder(upload.metadata)];
  };
  const router = Router();
  const mount = routeMounter(router, { instances, databases }, targetFolders);
  mount('createUpload', handle);
  mount('getUploadOffset', handle);
  mount('appendToUpload', handle);
  mount('terminateUpload', handle);
  return router;
}
