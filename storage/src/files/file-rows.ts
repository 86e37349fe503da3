import type { DatabaseSync } from 'node:sqlite';
import { ROOT_ID, TRASH_ID, type FileDoc, type FileKind } from '@mytoutatice/contract';
import { HttpError, notFound } from '@mytoutatice/server-kit';
import { prepared } from '../instances/prepared.ts';
import { sortKey } from './file-names.ts';

export interface FileRow {
  id: string;
  parentId: string | null;
  type: FileKind;
  name: string;
  sortKey: string;
  size: number | null;
  mime: string | null;
  sha256: string | null;
  createdAt: string;
  updatedAt: string;
  uploadedAt: string | null;
  favorite: boolean;
  trashedAt: string | null;
  /** Only on the top item of a trashed subtree: its folder's path and its name before the trash. */
  restorePath: string | null;
  restoreName: string | null;
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function toFileRow(row: Record<string, unknown>): FileRow {
  return {
    id: String(row.id),
    parentId: text(row.parent_id),
    type: row.type === 'directory' ? 'directory' : 'file',
    name: String(row.name),
    sortKey: String(row.sort_key),
    size: row.size === null ? null : Number(row.size),
    mime: text(row.mime),
    sha256: text(row.sha256),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    uploadedAt: text(row.uploaded_at),
    favorite: Number(row.favorite) === 1,
    trashedAt: text(row.trashed_at),
    restorePath: text(row.restore_path),
    restoreName: text(row.restore_name),
  };
}

export function toFileDoc(row: FileRow, path?: string): FileDoc {
  const doc: FileDoc = {
    id: row.id,
    type: row.type,
    name: row.name,
    parentId: row.parentId,
    size: row.size,
    mime: row.mime,
    sha256: row.sha256,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    trashedAt: row.trashedAt,
    favorite: row.favorite,
  };
  if (path !== undefined) doc.path = path;
  return doc;
}

/** The two folders that are the instance's structure, not the person's content. */
export function isSystemFolder(id: string): boolean {
  return id === ROOT_ID || id === TRASH_ID;
}

export function findFile(db: DatabaseSync, id: string): FileRow | undefined {
  const row = prepared(db, 'SELECT * FROM files WHERE id = ?').get(id);
  return row ? toFileRow(row) : undefined;
}

export function getFile(db: DatabaseSync, id: string): FileRow {
  const row = findFile(db, id);
  if (!row) throw notFound('Ce fichier ou dossier n’existe pas.');
  return row;
}

export function getFolder(db: DatabaseSync, id: string): FileRow {
  const row = getFile(db, id);
  if (row.type !== 'directory') throw new HttpError(400, 'not_a_folder', 'Cet élément est un fichier, pas un dossier.');
  return row;
}

/** A folder things may be put into: not the trash, nor anything in it. */
export function getLiveFolder(db: DatabaseSync, id: string): FileRow {
  const row = getFolder(db, id);
  if (row.id === TRASH_ID || row.trashedAt !== null) throw inTrash('Ce dossier est dans la corbeille : restaurez-le d’abord.');
  return row;
}

/** A file or folder the person may rename, move, copy or trash: not the root, nor the trash. */
export function getMovable(db: DatabaseSync, id: string): FileRow {
  const row = getFile(db, id);
  if (isSystemFolder(row.id)) throw new HttpError(403, 'forbidden', 'Le dossier racine et la corbeille ne se modifient pas.');
  return row;
}

export function getRegularFile(db: DatabaseSync, id: string): FileRow {
  const row = getFile(db, id);
  if (row.type !== 'file') throw new HttpError(400, 'not_a_file', 'Cet élément est un dossier, pas un fichier.');
  return row;
}

export function inTrash(detail: string): HttpError {
  return new HttpError(409, 'in_trash', detail);
}

export function insertFile(db: DatabaseSync, row: FileRow, seq: number): void {
  prepared(
    db,
    `INSERT INTO files (id, parent_id, type, name, sort_key, size, mime, sha256, created_at, updated_at, uploaded_at,
       favorite, trashed_at, restore_path, restore_name, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.id,
    row.parentId,
    row.type,
    row.name,
    row.sortKey,
    row.size,
    row.mime,
    row.sha256,
    row.createdAt,
    row.updatedAt,
    row.uploadedAt,
    row.favorite ? 1 : 0,
    row.trashedAt,
    row.restorePath,
    row.restoreName,
    seq,
  );
}

/** A new live row (defaults for what is not given), for folders and files created here. */
export function newRow(fields: Pick<FileRow, 'id' | 'parentId' | 'type' | 'name'> & Partial<FileRow>): FileRow {
  const now = new Date().toISOString();
  return {
    sortKey: sortKey(fields.name),
    size: null,
    mime: null,
    sha256: null,
    createdAt: now,
    updatedAt: now,
    uploadedAt: fields.type === 'file' ? now : null,
    favorite: false,
    trashedAt: null,
    restorePath: null,
    restoreName: null,
    ...fields,
  };
}
