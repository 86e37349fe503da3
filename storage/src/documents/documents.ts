import { randomBytes, randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { Doctype, MAX_DOCUMENT_BYTES, type Document, type DocumentListing } from '@mytoutatice/contract';
import { HttpError, badRequest, notFound } from '@mytoutatice/server-kit';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { bumpSeq, transaction } from '../instances/instance-db.ts';
import { prepared } from '../instances/prepared.ts';

const MAX_DOCTYPE_LENGTH = 128;

const CreateDocumentBody = z.object({ data: z.record(z.string(), z.unknown()) });

/** Listing position: creation time then id of the last document seen. */
const ListingKey = z.tuple([z.string(), z.string()]);
const FIRST_PAGE = 'SELECT * FROM documents WHERE doctype = ? ORDER BY created_at, id LIMIT ?';
const PAGE_AFTER = `SELECT * FROM documents WHERE doctype = ? AND (created_at, id) > (?, ?)
  ORDER BY created_at, id LIMIT ?`;

export function validDoctype(raw: string): string {
  if (raw.length > MAX_DOCTYPE_LENGTH || !Doctype.safeParse(raw).success) {
    throw badRequest('Le doctype doit être un nom inversé en minuscules, comme io.mytoutatice.notes.');
  }
  return raw;
}

function toDocument(row: Record<string, unknown>): Document {
  return {
    id: String(row.id),
    rev: String(row.rev),
    doctype: String(row.doctype),
    data: JSON.parse(String(row.data)) as Record<string, unknown>,
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

export function createDocument(db: DatabaseSync, doctype: string, body: unknown): Document {
  const parsed = CreateDocumentBody.safeParse(body);
  if (!parsed.success) throw badRequest('Le corps doit être {"data": {…}}.');
  const json = JSON.stringify(parsed.data.data);
  if (Buffer.byteLength(json) > MAX_DOCUMENT_BYTES) {
    throw new HttpError(413, 'payload_too_large', `Un document fait au plus ${MAX_DOCUMENT_BYTES} octets.`);
  }
  const now = new Date().toISOString();
  const document: Document = {
    id: randomUUID(),
    rev: `1-${randomBytes(16).toString('hex')}`,
    doctype,
    data: parsed.data.data,
    createdAt: now,
    updatedAt: now,
  };
  transaction(db, () => {
    prepared(
      db,
      `INSERT INTO documents (doctype, id, rev, data, created_at, updated_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(doctype, document.id, document.rev, json, now, now, bumpSeq(db));
  });
  return document;
}

export function getDocument(db: DatabaseSync, doctype: string, id: string): Document {
  const row = prepared(db, 'SELECT * FROM documents WHERE doctype = ? AND id = ?').get(doctype, id);
  if (!row) throw notFound('Ce document n’existe pas.');
  return toDocument(row);
}

/** Documents of one doctype in creation order, by keyset pages. */
export function listDocuments(db: DatabaseSync, doctype: string, limit: number, cursor: unknown): DocumentListing {
  const after = decodeCursor(cursor, ListingKey);
  const rows = after
    ? prepared(db, PAGE_AFTER).all(doctype, ...after, limit + 1)
    : prepared(db, FIRST_PAGE).all(doctype, limit + 1);
  const items = rows.slice(0, limit).map(toDocument);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}
