import { getRegularFile } from '../files/file-rows.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { bumpSeq } from '../changes/write-seq.ts';
import { deleteVersions, getVersion } from './version-rows.ts';

/** `DELETE /files/:id/versions/:versionId`: gone for good, its room freed (a change of the file). */
export async function deleteVersion(databases: InstanceDatabases, instanceId: string, fileId: string, versionId: string): Promise<void> {
  const db = databases.db(instanceId);
  const keys = await db.transaction(async () => {
    await getRegularFile(db, fileId);
    return deleteVersions(db, [await getVersion(db, fileId, versionId)], await bumpSeq(db));
  });
  // After the commit: a failure or a crash here only leaves an orphan, which fsck repairs.
  await databases.blobs.remove(instanceId, keys);
}
