import { ROOT_ID, TRASH_ID, type FileDoc, type FileKind } from '@mytoutatice/contract';
import { HttpError, notFound } from '@mytoutatice/server-kit';
import type { SqlDb } from '@mytoutatice/sql';
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
  /** Where a file's current content is in the blob store (its id unless it was overwritten); null for folders. */
  blobKey: string | null;
  createdAt: string;
  updatedAt: string;
  uploadedAt: string | null;
  favorite: boolean;
  trashedAt: string | null;
  /** Only on the top item of a trashed subtree: its folder's path and its name before the trash. */
  restorePath: string | null;
  restoreName: string | null;
  /** The app that created it (its slug); null for the person's own session. */
  createdBy: string | null;
  tags: string[];
  metadata: Record<string, unknown>;
}

/** JSON text written by this code (`[]`, `{}` by default); anything else reads as empty. */
function json<T>(value: unknown, empty: T, valid: (parsed: unknown) => parsed is T): T {
  try {
    const parsed: unknown = JSON.parse(String(value));
    return valid(parsed) ? parsed : empty;
  } catch {
    return empty;
  }
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
    blobKey: text(row.blob_key),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    uploadedAt: text(row.uploaded_at),
    favorite: Number(row.favorite) === 1,
    trashedAt: text(row.trashed_at),
    restorePath: text(row.restore_path),
    restoreName: text(row.restore_name),
    createdBy: text(row.created_by),
    tags: json(row.tags, [], isStringArray),
    metadata: json(row.metadata, {}, isRecord),
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
    uploadedAt: row.uploadedAt,
    favorite: row.favorite,
    createdBy: row.createdBy,
    tags: row.tags,
    metadata: row.metadata,
  };
  if (path !== undefined) doc.path = path;
  return doc;
}

/** The two folders that are the instance's structure, not the person's content. */
export function isSystemFolder(id: string): boolean {
  return id === ROOT_ID || id === TRASH_ID;
}

export async function findFile(db: SqlDb, id: string): Promise<FileRow | undefined> {
  const row = await db.get('SELECT * FROM files WHERE id = ?', id);
  return row ? toFileRow(row) : undefined;
}

/** The miss, the same whether the id is nowhere or somewhere the caller may not know of. */
export function fileNotFound(): HttpError {
  return notFound('Ce fichier ou dossier n’existe pas.');
}

export async function getFile(db: SqlDb, id: string): Promise<FileRow> {
  const row = await findFile(db, id);
  if (!row) throw fileNotFound();
  return row;
}

export async function getFolder(db: SqlDb, id: string): Promise<FileRow> {
  const row = await getFile(db, id);
  if (row.type !== 'directory') throw new HttpError(400, 'not_a_folder', 'Cet élément est un fichier, pas un dossier.');
  return row;
}

/** A folder things may be put into: not the trash, nor anything in it. */
export async function getLiveFolder(db: SqlDb, id: string): Promise<FileRow> {
  const row = await getFolder(db, id);
  if (row.id === TRASH_ID || row.trashedAt !== null) throw inTrash('Ce dossier est dans la corbeille : restaurez-le d’abord.');
  return row;
}

/** A file or folder the person may rename, move, copy or trash: not the root, nor the trash. */
export async function getMovable(db: SqlDb, id: string): Promise<FileRow> {
  const row = await getFile(db, id);
  if (isSystemFolder(row.id)) throw new HttpError(403, 'forbidden', 'Le dossier racine et la corbeille ne se modifient pas.');
  return row;
}

export async function getRegularFile(db: SqlDb, id: string): Promise<FileRow> {
  const row = await getFile(db, id);
  if (row.type !== 'file') throw new HttpError(400, 'not_a_file', 'Cet élément est un dossier, pas un fichier.');
  return row;
}

/** Where a file's current content is in the blob store. */
export function contentKey(file: FileRow): string {
  if (file.blobKey === null) throw new Error(`${file.type} ${file.id} has no content`);
  return file.blobKey;
}

/** A file whose content may change (overwrite, restore a version): not in the trash. */
export async function getLiveRegularFile(db: SqlDb, id: string): Promise<FileRow> {
  const row = await getRegularFile(db, id);
  if (row.trashedAt !== null) throw inTrash('Ce fichier est dans la corbeille : restaurez-le d’abord.');
  return row;
}

export function inTrash(detail: string): HttpError {
  return new HttpError(409, 'in_trash', detail);
}

export async function insertFile(db: SqlDb, row: FileRow, seq: number): Promise<void> {
  await db.run(
    `INSERT INTO files (id, parent_id, type, name, sort_key, size, mime, sha256, blob_key, created_at, updated_at, uploaded_at,
       favorite, trashed_at, restore_path, restore_name, seq, created_by, tags, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    row.id,
    row.parentId,
    row.type,
    row.name,
    row.sortKey,
    row.size,
    row.mime,
    row.sha256,
    row.blobKey,
    row.createdAt,
    row.updatedAt,
    row.uploadedAt,
    row.favorite ? 1 : 0,
    row.trashedAt,
    row.restorePath,
    row.restoreName,
    seq,
    row.createdBy,
    JSON.stringify(row.tags),
    JSON.stringify(row.metadata),
  );
}

/** A new live row (defaults for what is not given), for folders and files created here; a file's blob key is its id. */
export function newRow(fields: Pick<FileRow, 'id' | 'parentId' | 'type' | 'name'> & Partial<FileRow>): FileRow {
  const now = new Date().toISOString();
  return {
    sortKey: sortKey(fields.name),
    size: null,
    mime: null,
    sha256: null,
    blobKey: fields.type === 'file' ? fields.id : null,
    createdAt: now,
    updatedAt: now,
    uploadedAt: fields.type === 'file' ? now : null,
    favorite: false,
    trashedAt: null,
    restorePath: null,
    restoreName: null,
    createdBy: null,
    tags: [],
    metadata: {},
    ...fields,
  };
}
