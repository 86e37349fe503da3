import { ROOT_ID } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';

/**
 * Where an upload goes, from its `Upload-Metadata`: `filename` (required), `parent`, `conflict`,
 * `sha256`. Name and conflict policy are checked by `planNewFile`, as for any new file.
 */
export interface UploadTarget {
  /** The app whose token created the upload, null for the person (see `withCreator`). */
  createdBy: string | null;
  name: unknown;
  parentId: string;
  conflict: unknown;
  /** The whole file's SHA-256 as the client announced it, checked at the end. */
  sha256: Buffer | undefined;
}

type Metadata = Record<string, string | null> | undefined;

/** Set by the server at creation, never taken from the client. */
const CREATED_BY = 'createdByApp';

/** The upload's metadata as stored: the client's, with who created it in place of any client value. */
export function withCreator(metadata: Metadata, createdBy: string | null): Record<string, string | null> {
  const { [CREATED_BY]: _claimed, ...fromClient } = metadata ?? {};
  return createdBy === null ? fromClient : { ...fromClient, [CREATED_BY]: createdBy };
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** The folder an upload goes into: `root` unless `parent` names another. */
export function uploadFolder(metadata: Metadata): string {
  return metadata?.parent ?? ROOT_ID;
}

export function uploadTarget(metadata: Metadata): UploadTarget {
  const sha256 = metadata?.sha256 ?? undefined;
  if (sha256 !== undefined && !SHA256_HEX.test(sha256)) {
    throw new HttpError(400, 'invalid_digest', 'La métadonnée sha256 est l’empreinte SHA-256 du fichier, en hexadécimal.');
  }
  return {
    createdBy: metadata?.[CREATED_BY] ?? null,
    name: metadata?.filename ?? undefined,
    parentId: uploadFolder(metadata),
    conflict: metadata?.conflict ?? undefined,
    sha256: sha256 === undefined ? undefined : Buffer.from(sha256, 'hex'),
  };
}
