import { ROOT_ID } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';

/**
 * Where an upload goes, from its `Upload-Metadata`: `filename` (required), `parent`, `conflict`,
 * `sha256`. Name and conflict policy are checked by `planNewFile`, as for any new file.
 */
export interface UploadTarget {
  name: unknown;
  parentId: string;
  conflict: unknown;
  /** The whole file's SHA-256 as the client announced it, checked at the end. */
  sha256: Buffer | undefined;
}

type Metadata = Record<string, string | null> | undefined;

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
    name: metadata?.filename ?? undefined,
    parentId: uploadFolder(metadata),
    conflict: metadata?.conflict ?? undefined,
    sha256: sha256 === undefined ? undefined : Buffer.from(sha256, 'hex'),
  };
}
