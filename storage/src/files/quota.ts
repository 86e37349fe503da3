import type { DatabaseSync } from 'node:sqlite';
import { HttpError } from '@mytoutatice/server-kit';
import { usedBytes } from '../instances/instance-db.ts';
import type { InstanceRecord } from '../instances/registry.ts';

export function overQuota(): HttpError {
  return new HttpError(413, 'quota_exceeded', 'Ce contenu dépasse la place restante dans l’espace.');
}

/** 413 `quota_exceeded` unless `bytes` more still fit; the trash counts (it can be restored). */
export function assertRoomFor(db: DatabaseSync, instance: InstanceRecord, bytes: number): void {
  if (usedBytes(db) + bytes > instance.quotaBytes) throw overQuota();
}
