import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { FileDoc } from '@mytoutatice/contract';
import { bumpSeq, transaction } from '../instances/instance-db.ts';
import { getFolder, insertFile, toFileDoc, type FileRow } from './file-rows.ts';
import { nameConflict, nameTaken, sortKey, validName } from './file-names.ts';

export function createFolder(db: DatabaseSync, parentId: string, rawName: unknown): FileDoc {
  const name = validName(rawName);
  return transaction(db, () => {
    getFolder(db, parentId);
    if (nameTaken(db, parentId, name)) throw nameConflict(db, parentId, name);
    const now = new Date().toISOString();
    const row: FileRow = {
      id: randomUUID(),
      parentId,
      type: 'directory',
      name,
      sortKey: sortKey(name),
      size: null,
      mime: null,
      sha256: null,
      createdAt: now,
      updatedAt: now,
    };
    insertFile(db, row, bumpSeq(db));
    return toFileDoc(row);
  });
}
