import { MAX_NAME_BYTES, checkName, numberedName } from '@mytoutatice/contract';
import { HttpError, badRequest } from '@mytoutatice/server-kit';
import type { SqlDb } from '@mytoutatice/sql';

/** The NFC name, or a 400 `invalid_name` whose detail says why. */
export function validName(raw: unknown): string {
  if (typeof raw !== 'string') throw new HttpError(400, 'invalid_name', 'Le nom est requis.');
  const check = checkName(raw);
  if (!check.ok) throw new HttpError(400, 'invalid_name', check.reason);
  return check.name;
}

/** What listings sort by: case- and accent-insensitive, close to a French dictionary order. */
export function sortKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

export async function nameTaken(db: SqlDb, parentId: string, name: string): Promise<boolean> {
  return (await db.get('SELECT 1 FROM files WHERE parent_id = ? AND name = ?', parentId, name)) !== undefined;
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** « stem (n)extension », dropping characters from the end of the stem until it fits. */
function shortenedToFit(stem: string, extension: string, n: number): string {
  let characters = Array.from(stem);
  let candidate = numberedName(`${stem}${extension}`, n);
  while (characters.length > 1 && byteLength(candidate) > MAX_NAME_BYTES) {
    characters = characters.slice(0, -1);
    candidate = numberedName(`${characters.join('').trimEnd()}${extension}`, n);
  }
  return candidate;
}

/** « nom (n).ext », shortening « nom » when the result would be longer than the limit. */
function numberedWithin(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return shortenedToFit(name, '', n);
  const candidate = shortenedToFit(name.slice(0, dot), name.slice(dot), n);
  // An extension too long to keep whole leaves no room for « (n) »: it is shortened too.
  return byteLength(candidate) <= MAX_NAME_BYTES ? candidate : shortenedToFit(name, '', n);
}

/** The first free « nom (2) », « nom (3) »… in the folder. */
export async function freeName(db: SqlDb, parentId: string, name: string): Promise<string> {
  for (let n = 2; ; n++) {
    const candidate = numberedWithin(name, n);
    if (!(await nameTaken(db, parentId, candidate))) return candidate;
  }
}

export async function nameConflict(db: SqlDb, parentId: string, name: string): Promise<HttpError> {
  const suggestedName = await freeName(db, parentId, name);
  return new HttpError(409, 'name_conflict', `« ${name} » existe déjà dans ce dossier.`, {
    extras: { suggestedName },
  });
}

/** On a name clash: fail with `name_conflict` (and a `suggestedName`), or take a free name. */
export type ConflictPolicy = 'fail' | 'rename';

/** `?conflict=fail|rename`, `fail` when absent. */
export function parseConflict(raw: unknown): ConflictPolicy {
  if (raw === undefined || raw === 'fail') return 'fail';
  if (raw === 'rename') return 'rename';
  throw badRequest('Le paramètre conflict vaut fail ou rename.');
}

/** `name` if free in the folder, else a free « name (n) » or a 409, as the caller chose. */
export async function resolveName(db: SqlDb, parentId: string, name: string, conflict: ConflictPolicy): Promise<string> {
  if (!(await nameTaken(db, parentId, name))) return name;
  if (conflict === 'fail') throw await nameConflict(db, parentId, name);
  return freeName(db, parentId, name);
}
