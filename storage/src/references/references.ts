import { z } from 'zod';
import type { DocumentRef, ReferencedFiles, ReferencesBody, ReferencingDocuments } from '@mytoutatice/contract';
import { badRequest, notFound } from '@mytoutatice/server-kit';
import type { SqlDb } from '@mytoutatice/sql';
import { fileNotFound, getFile, isSystemFolder, toFileDoc, toFileRow } from '../files/file-rows.ts';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { bumpSeq } from '../changes/write-seq.ts';

/** The document whose references are read or written, as a path names it. */
export interface DocumentKey {
  doctype: string;
  id: string;
}


async function requireDocument(db: SqlDb, document: DocumentKey): Promise<void> {
  const row = await db.get('SELECT 1 FROM documents WHERE doctype = ? AND id = ?', document.doctype, document.id);
  if (!row) throw notFound('Ce document n’existe pas.');
}

/** All the ids name files or folders of the instance (not its root nor its trash), else nothing is written. */
async function requireFiles(db: SqlDb, ids: readonly string[]): Promise<void> {
  if (ids.some(isSystemFolder)) throw badRequest('Le dossier racine et la corbeille ne se référencent pas.');
  const found = await db.all(`SELECT id FROM files WHERE id IN (${ids.map(() => '?').join(', ')})`, ...ids);
  if (found.length !== ids.length) throw fileNotFound();
}

/** The document changed (its references did): it moves in the changes feed. */
async function touchDocument(db: SqlDb, document: DocumentKey): Promise<void> {
  await db.run('UPDATE documents SET seq = ? WHERE doctype = ? AND id = ?', await bumpSeq(db), document.doctype, document.id);
}

/** Runs `sql` (file id, doctype, document id) for each file of the body: all or nothing, the document touched. */
async function changeReferences(db: SqlDb, document: DocumentKey, body: ReferencesBody, sql: string): Promise<void> {
  const ids = [...new Set(body.fileIds)];
  await db.transaction(async () => {
    await requireDocument(db, document);
    await requireFiles(db, ids);
    for (const id of ids) await db.run(sql, id, document.doctype, document.id);
    await touchDocument(db, document);
  });
}

/** `POST /data/:doctype/:id/references`: idempotent, all or nothing. */
export function addReferences(db: SqlDb, document: DocumentKey, body: ReferencesBody): Promise<void> {
  return changeReferences(
    db,
    document,
    body,
    'INSERT INTO file_references (file_id, doctype, document_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
}

/** `DELETE /data/:doctype/:id/references`: a file not referenced is no error; an unknown one is. */
export function removeReferences(db: SqlDb, document: DocumentKey, body: ReferencesBody): Promise<void> {
  return changeReferences(db, document, body, 'DELETE FROM file_references WHERE file_id = ? AND doctype = ? AND document_id = ?');
}

const FileCursor = z.tuple([z.string()]);

/** `GET /data/:doctype/:id/references`: the referenced files by id, keyset-paged. */
export async function listReferences(
  db: SqlDb,
  document: DocumentKey,
  page: { limit: number; cursor: unknown },
): Promise<ReferencedFiles> {
  await requireDocument(db, document);
  const after = decodeCursor(page.cursor, FileCursor)?.[0];
  const rows = await db.all(
    `SELECT files.* FROM file_references JOIN files ON files.id = file_references.file_id
     WHERE file_references.doctype = ? AND file_references.document_id = ? ${after === undefined ? '' : 'AND file_references.file_id > ?'}
     ORDER BY file_references.file_id LIMIT ?`,
    document.doctype,
    document.id,
    ...(after === undefined ? [] : [after]),
    page.limit + 1,
  );
  const items = rows.slice(0, page.limit).map((row) => toFileDoc(toFileRow(row)));
  const last = items.at(-1);
  return { items, next: rows.length > page.limit && last ? encodeCursor([last.id]) : null };
}

const DocumentCursor = z.tuple([z.string(), z.string()]);

/**
 * `GET /files/:id/referenced-by`: the documents referencing the file, by doctype then id, only
 * of the doctypes in `readable` (all when undefined: the owner).
 */
export async function listReferencingDocuments(
  db: SqlDb,
  fileId: string,
  readable: ReadonlySet<string> | undefined,
  page: { limit: number; cursor: unknown },
): Promise<ReferencingDocuments> {
  await getFile(db, fileId);
  const after = decodeCursor(page.cursor, DocumentCursor);
  const doctypes = readable === undefined ? undefined : [...readable];
  if (doctypes?.length === 0) return { items: [], next: null };
  const rows = await db.all(
    `SELECT doctype, document_id FROM file_references WHERE file_id = ?
     ${doctypes === undefined ? '' : `AND doctype IN (${doctypes.map(() => '?').join(', ')})`}
     ${after === undefined ? '' : 'AND (doctype, document_id) > (?, ?)'}
     ORDER BY doctype, document_id LIMIT ?`,
    fileId,
    ...(doctypes ?? []),
    ...(after ?? []),
    page.limit + 1,
  );
  const items: DocumentRef[] = rows.slice(0, page.limit).map((row) => ({ doctype: String(row.doctype), id: String(row.document_id) }));
  const last = items.at(-1);
  return { items, next: rows.length > page.limit && last ? encodeCursor([last.doctype, last.id]) : null };
}

/** A file destroyed: the documents that referenced it no longer do (and so changed). Inside the destroying transaction. */
export async function dropReferencesTo(db: SqlDb, fileId: string): Promise<void> {
  const documents = await db.all('SELECT doctype, document_id FROM file_references WHERE file_id = ?', fileId);
  if (documents.length === 0) return;
  await db.run('DELETE FROM file_references WHERE file_id = ?', fileId);
  for (const row of documents) await touchDocument(db, { doctype: String(row.doctype), id: String(row.document_id) });
}

/** A document deleted: its references go with it. Inside the deleting transaction. */
export async function dropReferencesFrom(db: SqlDb, document: DocumentKey): Promise<void> {
  await db.run('DELETE FROM file_references WHERE doctype = ? AND document_id = ?', document.doctype, document.id);
}
