import { z } from 'zod';
import { MAX_SEARCH_LENGTH, type SearchResults } from '@mytoutatice/contract';
import { badRequest } from '@mytoutatice/server-kit';
import { decodeCursor } from '../http/pagination.ts';
import { sortKey } from './file-names.ts';
import { locatedPage } from './located-page.ts';
import { positionSql, type SqlDb } from '@mytoutatice/sql';

/**
 * Names holding every word of the query, in any order, compared as listings sort them (lower
 * case, no accents), so « ecole » finds « École » and « paie janvier » finds
 * « 2017_01_Bulletin_de_paie_janvier.pdf ». Names that start with the query's first word rank
 * first (`rank` 0), then the others, each group by name. Trashed items (and everything in a
 * trashed folder) are not found; nor are the root and the trash, whose names are empty.
 */
const matches = (db: SqlDb, words: number) => `SELECT *, CASE WHEN ${positionSql(db, 'sort_key', '?')} = 1 THEN 0 ELSE 1 END AS rank
  FROM files WHERE trashed_at IS NULL AND ${Array.from({ length: words }, () => contains(db).sql).join(' AND ')}`;

/**
 * `sort_key` contains a word: SQLite's instr; on PostgreSQL a LIKE pattern per word, each of
 * which its trigram index (schema step 7) serves where strpos could only scan.
 */
function contains(db: SqlDb): { sql: string; value: (word: string) => string } {
  return db.dialect === 'sqlite'
    ? { sql: 'instr(sort_key, ?) > 0', value: (word) => word }
    : { sql: "sort_key LIKE ? ESCAPE '\\'", value: (word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
}
const firstPage = (db: SqlDb, words: number) => `SELECT * FROM (${matches(db, words)}) AS m ORDER BY rank, sort_key, name, id LIMIT ?`;
const pageAfter = (db: SqlDb, words: number) => `SELECT * FROM (${matches(db, words)}) AS m WHERE (rank, sort_key, name, id) > (?, ?, ?, ?)
  ORDER BY rank, sort_key, name, id LIMIT ?`;

/** What separates the words of a name: people write « paie janvier » for « paie_janvier.pdf ». */
const SEPARATORS = /[\s_.-]+/u;

/** The query's distinct words; a query of separators alone (« _ ») looks for itself. */
function wordsOf(q: string): string[] {
  const words = q.split(SEPARATORS).filter((word) => word !== '');
  return words.length === 0 ? [q] : [...new Set(words)];
}

/** Position: the query it belongs to, then the rank, sort key, name and id of the last result. */
const SearchKey = z.tuple([z.string(), z.union([z.literal(0), z.literal(1)]), z.string(), z.string(), z.string()]);

/** The query as names are compared; 400 when empty, too long or not a single string. */
function parseQuery(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw badRequest('Le paramètre q (le texte cherché) est requis.');
  if (raw.length > MAX_SEARCH_LENGTH) throw badRequest(`Le texte cherché fait au plus ${MAX_SEARCH_LENGTH} caractères.`);
  // A lone surrogate would not survive the trip to SQLite as itself; nothing can match it.
  const key = sortKey(raw.normalize('NFC').replace(/\p{Cs}/gu, '\uFFFD'));
  if (key === '') throw badRequest('Le texte cherché ne contient aucun caractère utile.');
  return key;
}

/** `GET /files/search?q`: a page of matches, each with its path (where the person will find it). */
export async function searchFiles(db: SqlDb, rawQuery: unknown, limit: number, cursor: unknown): Promise<SearchResults> {
  const q = parseQuery(rawQuery);
  const after = decodeCursor(cursor, SearchKey);
  if (after && after[0] !== q) throw badRequest('Ce curseur appartient à une autre recherche.');
  const words = wordsOf(q);
  const patterns = words.map(contains(db).value);
  const rows = after
    ? await db.all(pageAfter(db, words.length), words[0] ?? q, ...patterns, after[1], after[2], after[3], after[4], limit + 1)
    : await db.all(firstPage(db, words.length), words[0] ?? q, ...patterns, limit + 1);
  return locatedPage(db, rows, limit, (last) => [q, Number(last.rank), String(last.sort_key), String(last.name), String(last.id)]);
}
