import type { DatabaseSync } from 'node:sqlite';
import type { FileDoc, FileKind } from '@mytoutatice/contract';
import { HttpError, notFound } from '@mytoutatice/server-kit';
import { prepared } from '../instances/prepared.ts';

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
}

export function toFileRow(row: Record<string, unknown>): FileRow {
  return {
    id: String(row.id),
    parentId: row.parent_id === null ? null : String(row.parent_id),
    type: row.type === 'directory' ? 'directory' : 'file',
    name: String(row.name),
    sortKey: String(row.sort_key),
    size: row.size === null ? null : Number(row.size),
    mime: row.mime === null ? null : String(row.mime),
    sha256: row.sha256 === null ? null : String(row.sha256),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

export function toFileDoc(row: FileRow): FileDoc {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    parentId: row.parentId,
    size: row.size,
    mime: row.mime,
    sha256: row.sha256,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
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

export function getRegularFile(db: DatabaseSync, id: string): FileRow {
  const row = getFile(db, id);
  if (row.type !== 'file') throw new HttpError(400, 'not_a_file', 'Cet élément est un dossier, pas un fichier.');
  return row;
}

export function insertFile(db: DatabaseSync, row: FileRow, seq: number): void {
  prepared(
    db,
    `INSERT INTO files (id, parent_id, type, name, sort_key, size, mime, sha256, created_at, updated_at, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    seq,
  );
}
