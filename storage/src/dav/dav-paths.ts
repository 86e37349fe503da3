import { ROOT_ID } from '@mytoutatice/contract';
import { HttpError, badRequest } from '@mytoutatice/server-kit';
import type { SqlDb } from '@mytoutatice/sql';
import { getFile, toFileRow, type FileRow } from '../files/file-rows.ts';
import { validName } from '../files/file-names.ts';

/** Whether `path` is `top` or lies below it (paths as `/a/b`). */
export const isAtOrBelow = (path: string, top: string) => path === top || top === '/' || path.startsWith(`${top}/`);

/** A file's DAV entity tag: its content's SHA-256, as on `/api`. */
export const etagOf = (sha256: string | null): string => `"${sha256 ?? ''}"`;

/** Where the storage serves WebDAV; the gateway forwards the same path, so hrefs need no rewriting. */
export const DAV_PREFIX = '/dav/files';

/**
 * The names along a request path, percent-decoded and checked as the Drive checks names (NFC,
 * no control characters…): a name that could not exist is a 400 `invalid_name`, before any
 * lookup. Empty segments (`a//b`, the trailing slash of a collection) carry no name.
 */
export function segmentsOf(rawPath: string): string[] {
  const path = rawPath.split('?')[0] ?? '';
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => validName(decoded(segment)));
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('Chemin mal encodé.');
  }
}

/** The lock key and display form of a path: `/a/b`, `/` for the root. */
export const pathKey = (segments: readonly string[]): string => `/${segments.join('/')}`;

export function hrefOf(segments: readonly string[], isFolder: boolean): string {
  const encoded = segments.map((segment) => encodeURIComponent(segment)).join('/');
  if (segments.length === 0) return `${DAV_PREFIX}/`;
  return `${DAV_PREFIX}/${encoded}${isFolder ? '/' : ''}`;
}

/** The segments a `Destination` header names (an absolute URL or an absolute path under the DAV prefix). */
export function destinationSegments(header: string | undefined): string[] {
  if (header === undefined || header === '') throw badRequest('L’en-tête Destination est requis.');
  let pathname: string;
  try {
    pathname = new URL(header, 'http://destination.invalid').pathname;
  } catch {
    throw badRequest('En-tête Destination invalide.');
  }
  if (pathname !== DAV_PREFIX && !pathname.startsWith(`${DAV_PREFIX}/`)) {
    throw badRequest(`La destination doit être sous ${DAV_PREFIX}/.`);
  }
  return segmentsOf(pathname.slice(DAV_PREFIX.length));
}

const CHILD = 'SELECT * FROM files WHERE parent_id = ? AND name = ? AND trashed_at IS NULL';

/** The live item at `segments`, walking down from the root one indexed lookup per level. */
export async function findByPath(db: SqlDb, segments: readonly string[]): Promise<FileRow | undefined> {
  let row = await getFile(db, ROOT_ID);
  for (const name of segments) {
    if (row.type !== 'directory') return undefined;
    const next = await db.get(CHILD, row.id, name);
    if (!next) return undefined;
    row = toFileRow(next);
  }
  return row;
}

/** The folder that would hold `segments`' last name: 409 when it is missing or not a folder (RFC 4918 §9.7.1). */
export async function parentFolder(db: SqlDb, segments: readonly string[]): Promise<FileRow> {
  const parent = await findByPath(db, segments.slice(0, -1));
  if (!parent || parent.type !== 'directory') throw new HttpError(409, 'missing_parent', 'Le dossier parent n’existe pas.');
  return parent;
}
