import type { FileDoc } from '@mytoutatice/contract';
import { getFile, getLiveRegularFile, toFileDoc } from '../files/file-rows.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { bumpSeq } from '../changes/write-seq.ts';
import { getVersion, keepCurrentAsVersion, setContent, thinVersions } from './version-rows.ts';

/**
 * `POST /files/:id/versions/:versionId/restore`: the chosen version becomes the current content
 * and the current content a version, in one transaction; a new change of the file. The space
 * uses the same room as before (the two swap), so the quota is not asked.
 */
export async function restoreVersion(databases: InstanceDatabases, instanceId: string, fileId: string, versionId: string): Promise<FileDoc> {
  const db = databases.db(instanceId);
  const { file, unused } = await db.transaction(async () => {
    const current = await getLiveRegularFile(db, fileId);
    const version = await getVersion(db, fileId, versionId);
    const seq = await bumpSeq(db);
    await keepCurrentAsVersion(db, current);
    await db.run('DELETE FROM file_versions WHERE id = ?', version.id);
    await setContent(db, fileId, version, seq);
    const thinned = await thinVersions(db, fileId, Date.now(), seq);
    return { file: toFileDoc(await getFile(db, fileId)), unused: thinned };
  });
  await databases.blobs.remove(instanceId, unused);
  return file;
}
