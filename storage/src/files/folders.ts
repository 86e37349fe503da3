import { randomUUID } from 'node:crypto';
import type { FileDoc } from '@mytoutatice/contract';
import { bumpSeq } from '../changes/write-seq.ts';
import { getLiveFolder, insertFile, newRow, toFileDoc } from './file-rows.ts';
import { nameConflict, nameTaken, validName } from './file-names.ts';
import type { SqlDb } from '@mytoutatice/sql';

export async function createFolder(db: SqlDb, parentId: string, rawName: unknown, createdBy: string | null): Promise<FileDoc> {
  const name = validName(rawName);
  return db.transaction(async () => {
    await getLiveFolder(db, parentId);
    if (await nameTaken(db, parentId, name)) throw await nameConflict(db, parentId, name);
    const row = newRow({ id: randomUUID(), parentId, type: 'directory', name, createdBy });
    await insertFile(db, row, await bumpSeq(db));
    return toFileDoc(row);
  });
}
