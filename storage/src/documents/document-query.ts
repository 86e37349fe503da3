import { z } from 'zod';
import { DocumentFilterOp, queryableFields, type Document, type DocumentListing, type ParsedQuery, type SortOrder, type listDocumentsRoute } from '@mytoutatice/contract';
import { badRequest } from '@mytoutatice/server-kit';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.ts';
import { toDocument } from './document-rows.ts';
import { indexedBy, type Dialect, type SqlDb } from '@mytoutatice/sql';
import { jsonFieldSql } from '../db/postgres-schema.ts';

const MAX_FILTER_VALUE_LENGTH = 1000;

export interface DocumentFilter {
  field: string;
  op: DocumentFilterOp;
  value: string;
}

/** What `GET /data/:doctype` asks: no `sort` is creation order, the only one every doctype has. */
export interface DocumentQuery {
  where: DocumentFilter | undefined;
  sort: string | undefined;
  order: SortOrder;
  limit: number;
  cursor: unknown;
}

/** Position after the last document seen: the sort it belongs to, its sort value, its id. */
const ListingKey = z.tuple([z.string(), z.union([z.string(), z.number()]), z.string()]);

/**
 * The SQL of a declared field, written exactly as the indexes of schema step 3 write it so that
 * the database uses them: the document's own dates, or a top-level key of `data` ('' when absent).
 */
function fieldExpression(dialect: Dialect, field: string): string {
  if (field === 'createdAt') return 'created_at';
  if (field === 'updatedAt') return 'updated_at';
  return jsonFieldSql(dialect, field);
}

/** The index schema step 3 made for a declared field: `documents_notes_title`, … */
function fieldIndex(doctype: string, field: string): string {
  if (field === 'createdAt') return 'documents_listing';
  if (field === 'updatedAt') return 'documents_updated';
  return `documents_${doctype.replace(/^io\.mytoutatice\./, '').replaceAll('.', '_')}_${field}`;
}

function declaredField(doctype: string, field: string): string {
  const declared = queryableFields[doctype] ?? [];
  if (!declared.includes(field)) {
    throw badRequest(
      declared.length === 0
        ? `Le doctype ${doctype} ne déclare aucun champ interrogeable : ses documents se listent par ordre de création seulement.`
        : `Le champ « ${field} » n’est pas interrogeable pour ${doctype} ; champs déclarés : ${declared.join(', ')}.`,
    );
  }
  return field;
}

/** `?where=<field>:<op>:<value>&sort=<field>&order=asc|desc&limit&cursor` (types checked against the table on the way in), fields against the doctype's declared ones. */
export function parseDocumentQuery(doctype: string, query: ParsedQuery<typeof listDocumentsRoute>): DocumentQuery {
  let where: DocumentFilter | undefined;
  if (query.where !== undefined) {
    const match = /^([^:]+):([^:]+):(.*)$/s.exec(query.where);
    const op = DocumentFilterOp.safeParse(match?.[2]);
    if (!match?.[1] || !op.success || match[3] === undefined) {
      throw badRequest('Le paramètre where s’écrit <champ>:<eq|prefix|gt|lt>:<valeur>.');
    }
    if (match[3].length > MAX_FILTER_VALUE_LENGTH) {
      throw badRequest(`La valeur de where fait au plus ${MAX_FILTER_VALUE_LENGTH} caractères.`);
    }
    where = { field: declaredField(doctype, match[1]), op: op.data, value: match[3] };
  }
  return {
    where,
    sort: query.sort === undefined ? undefined : declaredField(doctype, query.sort),
    order: query.order ?? 'asc',
    limit: pageSize(query.limit),
    cursor: query.cursor,
  };
}

/** The smallest string above every string that starts with `prefix` (undefined: no bound). */
function prefixUpperBound(prefix: string): string | undefined {
  const codePoints = [...prefix];
  while (codePoints.length > 0) {
    const last = codePoints.pop()?.codePointAt(0) ?? 0;
    if (last < 0x10ffff) return codePoints.join('') + String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1);
  }
  return undefined;
}

function filterSql(expression: string, filter: DocumentFilter): { sql: string; params: string[] } {
  switch (filter.op) {
    case 'eq':
      return { sql: `${expression} = ?`, params: [filter.value] };
    case 'gt':
      return { sql: `${expression} > ?`, params: [filter.value] };
    case 'lt':
      return { sql: `${expression} < ?`, params: [filter.value] };
    case 'prefix': {
      // A range rather than LIKE, so the field's index serves it (text compared byte by byte).
      const upper = prefixUpperBound(filter.value);
      return upper === undefined
        ? { sql: `${expression} >= ?`, params: [filter.value] }
        : { sql: `${expression} >= ? AND ${expression} < ?`, params: [filter.value, upper] };
    }
  }
}

/**
 * The SQL of one page, after `after` (a decoded cursor) when given. A filter is always served by
 * its field's index (in order when the sort is the same field, else the matches are sorted):
 * without statistics, SQLite would rather walk the whole doctype by its primary key.
 */
export function documentQuerySql(
  db: Pick<SqlDb, 'dialect'>,
  doctype: string,
  query: DocumentQuery,
  after?: readonly [unknown, string | number, string],
): { sql: string; params: (string | number)[] } {
  const sortExpression = query.sort === undefined ? 'created_at' : fieldExpression(db.dialect, query.sort);
  // With declared fields the doctype is written in the SQL (it is one of the contract's, checked
  // by parseDocumentQuery), so that SQLite may use the partial indexes made for that doctype.
  const usesFields = query.sort !== undefined || query.where !== undefined;
  const conditions = [usesFields ? `doctype = '${doctype}'` : 'doctype = ?'];
  const params: (string | number)[] = usesFields ? [] : [doctype];
  let hint = '';
  if (query.where) {
    const filter = filterSql(fieldExpression(db.dialect, query.where.field), query.where);
    conditions.push(filter.sql);
    params.push(...filter.params);
    hint = indexedBy(db, fieldIndex(doctype, query.where.field));
  }
  const descending = query.order === 'desc';
  if (after) {
    // The plain bound lets SQLite seek in an expression index; the row value breaks the ties.
    conditions.push(`${sortExpression} ${descending ? '<=' : '>='} ?`, `(${sortExpression}, id) ${descending ? '<' : '>'} (?, ?)`);
    params.push(after[1], after[1], after[2]);
  }
  const direction = descending ? 'DESC' : 'ASC';
  const sql = `SELECT *, ${sortExpression} AS sort_value FROM documents ${hint} WHERE ${conditions.join(' AND ')}
    ORDER BY ${sortExpression} ${direction}, id ${direction} LIMIT ?`;
  return { sql, params: [...params, query.limit + 1] };
}

/**
 * One page of a doctype's documents, filtered and sorted as asked, by keyset: ties are broken by
 * id, so every match comes exactly once across the pages. The cursor names its sort and order.
 */
export async function queryDocuments(db: SqlDb, doctype: string, query: DocumentQuery): Promise<DocumentListing> {
  const sortName = `${query.sort ?? 'created'}:${query.order}`;
  const after = decodeCursor(query.cursor, ListingKey);
  if (after && after[0] !== sortName) throw badRequest('Ce curseur appartient à un autre tri.');
  const { sql, params } = documentQuerySql(db, doctype, query, after);
  const rows = await db.all(sql, ...params);
  const page = rows.slice(0, query.limit);
  const items: Document[] = page.map(toDocument);
  const last = page.at(-1);
  const more = rows.length > query.limit && last !== undefined;
  return { items, next: more ? encodeCursor([sortName, sortValue(last.sort_value), String(last.id)]) : null };
}

function sortValue(value: unknown): string | number {
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : String(value);
}
