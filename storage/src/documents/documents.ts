import { randomUUID } from 'node:crypto';
import { Doctype, MAX_DOCUMENT_BYTES, documentSchemas, type Document, type DocumentBody } from '@mytoutatice/contract';
import { HttpError, badRequest, notFound } from '@mytoutatice/server-kit';
import { bumpSeq, writeTombstone } from '../changes/write-seq.ts';
import { dropReferencesFrom } from '../references/references.ts';
import { toDocument } from './document-rows.ts';
import { firstRevision, nextRevision, revisionConflict } from './revisions.ts';
import type { SqlDb } from '@mytoutatice/sql';

const MAX_DOCTYPE_LENGTH = 128;
const MAX_ISSUES_SHOWN = 3;

export function validDoctype(raw: string): string {
  if (raw.length > MAX_DOCTYPE_LENGTH || !Doctype.safeParse(raw).success) {
    throw badRequest('Le doctype doit être un nom inversé en minuscules, comme io.mytoutatice.notes.');
  }
  return raw;
}

/**
 * The `data` of a `{"data": {…}}` body (its shape checked on the way in), with its JSON: checked
 * against the doctype's schema when it has one (first-party doctypes), and against MAX_DOCUMENT_BYTES.
 */
function validData(doctype: string, { data }: DocumentBody): { data: Record<string, unknown>; json: string } {
  const checked = documentSchemas[doctype]?.safeParse(data);
  if (checked && !checked.success) {
    const issues = checked.error.issues
      .slice(0, MAX_ISSUES_SHOWN)
      .map((issue) => `${['data', ...issue.path.map(String)].join('.')} : ${issue.message}`);
    throw badRequest(`Document ${doctype} invalide — ${issues.join(' ; ')}`);
  }
  // NUL is no text (and PostgreSQL's JSON refuses it): refused on both backends alike.
  const json = JSON.stringify(data, (key: string, value: unknown) => {
    if (key.includes('\0') || (typeof value === 'string' && value.includes('\0'))) {
      throw badRequest('Un document ne peut pas contenir le caractère NUL (\\u0000).');
    }
    return value;
  });
  if (Buffer.byteLength(json) > MAX_DOCUMENT_BYTES) {
    throw new HttpError(413, 'payload_too_large', `Un document fait au plus ${MAX_DOCUMENT_BYTES} octets.`);
  }
  return { data, json };
}

export async function createDocument(db: SqlDb, doctype: string, body: DocumentBody): Promise<Document> {
  const { data, json } = validData(doctype, body);
  const now = new Date().toISOString();
  const document: Document = { id: randomUUID(), rev: firstRevision(), doctype, data, createdAt: now, updatedAt: now };
  await db.transaction(async () => {
    await db.run(
      `INSERT INTO documents (doctype, id, rev, data, created_at, updated_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      doctype,
      document.id,
      document.rev,
      json,
      now,
      now,
      await bumpSeq(db),
    );
  });
  return document;
}

export async function getDocument(db: SqlDb, doctype: string, id: string): Promise<Document> {
  const row = await db.get('SELECT * FROM documents WHERE doctype = ? AND id = ?', doctype, id);
  if (!row) throw missing();
  return toDocument(row);
}

/** The revision of a live document, read inside the writing transaction. */
async function currentRevision(db: SqlDb, doctype: string, id: string): Promise<{ rev: string; createdAt: string }> {
  const row = await db.get('SELECT rev, created_at FROM documents WHERE doctype = ? AND id = ?', doctype, id);
  if (!row) throw missing();
  return { rev: String(row.rev), createdAt: String(row.created_at) };
}

/**
 * Replaces a document's data if `rev` is still its revision (else 409 `revision_conflict`): the
 * check and the write share one transaction, so of two writers holding the same rev one wins.
 */
export async function updateDocument(db: SqlDb, doctype: string, id: string, rev: string, body: DocumentBody): Promise<Document> {
  const { data, json } = validData(doctype, body);
  return db.transaction(async () => {
    const current = await currentRevision(db, doctype, id);
    if (current.rev !== rev) throw revisionConflict();
    const now = new Date().toISOString();
    const next = nextRevision(current.rev);
    await db.run(
      'UPDATE documents SET rev = ?, data = ?, updated_at = ?, seq = ? WHERE doctype = ? AND id = ?',
      next,
      json,
      now,
      await bumpSeq(db),
      doctype,
      id,
    );
    return { id, rev: next, doctype, data, createdAt: current.createdAt, updatedAt: now };
  });
}

/** Deletes a document still at `rev`, leaving a tombstone for the changes feed in the same transaction. */
export async function deleteDocument(db: SqlDb, doctype: string, id: string, rev: string): Promise<void> {
  await db.transaction(async () => {
    if ((await currentRevision(db, doctype, id)).rev !== rev) throw revisionConflict();
    await db.run('DELETE FROM documents WHERE doctype = ? AND id = ?', doctype, id);
    await writeTombstone(db, 'document', id, doctype);
    await dropReferencesFrom(db, { doctype, id });
  });
}

function missing(): HttpError {
  return notFound('Ce document n’existe pas.');
}
