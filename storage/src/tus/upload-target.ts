import { ROOT_ID } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import type { SqlDb } from '../db/sql-db.ts';
import { usedBytes } from '../instances/instance-db.ts';
import type { InstanceRecord } from '../instances/registry.ts';
import { nameConflict, nameTaken, parseConflict, validName, type ConflictPolicy } from '../files/file-names.ts';
import { getLiveFolder } from '../files/file-rows.ts';
import { overQuota } from '../files/quota.ts';

/** Where an upload goes, from its `Upload-Metadata`: `filename` (required), `parent`, `conflict`, `sha256`. */
export interface UploadTarget {
  name: string;
  parentId: string;
  conflict: ConflictPolicy;
  /** The whole file's SHA-256 as the client announced it, checked at the end. */
  sha256: Buffer | undefined;
}

type Metadata = Record<string, string | null> | undefined;

const SHA256_HEX = /^[0-9a-f]{64}$/i;

export function uploadTarget(metadata: Metadata): UploadTarget {
  const sha256 = metadata?.sha256 ?? undefined;
  if (sha256 !== undefined && !SHA256_HEX.test(sha256)) {
    throw new HttpError(400, 'invalid_digest', 'La métadonnée sha256 est l’empreinte SHA-256 du fichier, en hexadécimal.');
  }
  return {
    name: validName(metadata?.filename ?? undefined),
    parentId: metadata?.parent ?? ROOT_ID,
    conflict: parseConflict(metadata?.conflict ?? undefined),
    sha256: sha256 === undefined ? undefined : Buffer.from(sha256, 'hex'),
  };
}

export function fileTooLarge(maxFileBytes: number): HttpError {
  return new HttpError(413, 'payload_too_large', `Un fichier fait au plus ${maxFileBytes} octets.`);
}

/** Everything that can be refused before a byte is sent: size, folder, name clash, quota. */
export async function assertCanCreate(db: SqlDb, instance: InstanceRecord, size: number, target: UploadTarget, maxFileBytes: number): Promise<void> {
  if (size > maxFileBytes) throw fileTooLarge(maxFileBytes);
  await getLiveFolder(db, target.parentId);
  if (target.conflict === 'fail' && (await nameTaken(db, target.parentId, target.name))) throw await nameConflict(db, target.parentId, target.name);
  if (size > instance.quotaBytes - (await usedBytes(db))) throw overQuota();
}
