import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { FileDoc } from '@mytoutatice/contract';
import { bumpSeq, transaction } from '../instances/instance-db.ts';
import { getLiveFolder, insertFile, newRow, toFileDoc } from './file-rows.ts';
import { nameConflict, nameTaken, validName } from './file-names.ts';

export function createFolder(db: DatabaseSync, parentId: string, rawName: unknown): FileDoc {
  const name = validName(rawName);
  return transaction(db, () => {
    getLiveFolder(db, parentId);
    if (nameTaken(db, parentId, name)) throw nameConflict(db, parentId, name);
    const row = newRow({ id: randomUUID(), parentId, type: 'directory', name });
    insertFile(db, row, bumpSeq(db));
    return toFileDoc(row);
  });
}
