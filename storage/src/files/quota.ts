import { HttpError } from '@mytoutatice/server-kit';
import { usedBytes } from './usage.ts';
import type { InstanceRecord } from '../instances/instance-records.ts';
import type { SqlDb } from '@mytoutatice/sql';

export function overQuota(): HttpError {
  return new HttpError(413, 'quota_exceeded', 'Ce contenu dépasse la place restante dans l’espace.');
}

/** 413 `quota_exceeded` unless `bytes` more still fit; the trash counts (it can be restored). */
export async function assertRoomFor(db: SqlDb, instance: InstanceRecord, bytes: number): Promise<void> {
  if ((await usedBytes(db)) + bytes > instance.quotaBytes) throw overQuota();
}
