import { ROOT_ID, TRASH_ID, numberedName, type ZipSelectionBody } from '@mytoutatice/contract';
import { badRequest } from '@mytoutatice/server-kit';
import type { SqlDb } from '@mytoutatice/sql';
import { validName } from '../files/file-names.ts';
import { childPath } from '../files/file-paths.ts';
import { getFile, getLiveFolder, inTrash, type FileRow } from '../files/file-rows.ts';
import { subtree } from '../files/subtree.ts';

/** One entry of the zip: a folder (its path ends with `/`) or a file, whose blob is read when its turn comes. */
interface ZipEntry {
  path: string;
  row: FileRow;
}

export interface ZipPlan {
  /** The download's name, `….zip`. */
  name: string;
  entries: ZipEntry[];
}

const ROOT_ZIP_NAME = 'Mes fichiers.zip';
const SELECTION_ZIP_NAME = 'Sélection.zip';

function live(row: FileRow): FileRow {
  if (row.id === TRASH_ID || row.trashedAt !== null) throw inTrash('Cet élément est dans la corbeille : restaurez-le d’abord.');
  return row;
}

/**
 * Everything below the item (not the item itself), named from `prefix` (`''`: at the top). Trashed items sit under the trash, never in a live folder, so a live
 * subtree holds none; parents come before their children.
 */
async function entriesBelow(db: SqlDb, top: FileRow, prefix: string): Promise<ZipEntry[]> {
  const paths = new Map<string, string>([[top.id, prefix]]);
  const entries: ZipEntry[] = [];
  for (const row of await subtree(db, top.id)) {
    if (row.id === top.id) continue;
    const path = childPath(paths.get(row.parentId ?? '') ?? '', row.name).replace(/^\//, '');
    paths.set(row.id, path);
    entries.push({ path: row.type === 'directory' ? `${path}/` : path, row });
  }
  return entries;
}

/** `GET /files/:id/zip`: the folder's content, paths relative to it; the root's is everything. */
export async function folderZip(db: SqlDb, id: string): Promise<ZipPlan> {
  const folder = await getLiveFolder(db, id);
  return { name: folder.id === ROOT_ID ? ROOT_ZIP_NAME : `${folder.name}.zip`, entries: await entriesBelow(db, folder, '') };
}

function zipName(raw: string | undefined): string {
  if (raw === undefined) return SELECTION_ZIP_NAME;
  const name = validName(raw);
  return /\.zip$/i.test(name) ? name : `${name}.zip`;
}

/**
 * `POST /files/zip`: each item at the top of the zip, with what is below it. Items from several
 * folders may share a name: the later ones become « nom (2) », as a copy into one folder would.
 */
export async function selectionZip(db: SqlDb, body: ZipSelectionBody): Promise<ZipPlan> {
  const name = zipName(body.name);
  const rows: FileRow[] = [];
  for (const id of new Set(body.ids)) {
    const row = live(await getFile(db, id));
    if (row.id === ROOT_ID) throw badRequest('Le dossier racine se télécharge seul : GET /files/root/zip.');
    rows.push(row);
  }
  const taken = new Set<string>();
  const entries: ZipEntry[] = [];
  for (const row of rows) {
    let top = row.name;
    for (let n = 2; taken.has(top); n++) top = numberedName(row.name, n);
    taken.add(top);
    entries.push(...(row.type === 'directory' ? [{ path: `${top}/`, row }, ...(await entriesBelow(db, row, top))] : [{ path: top, row }]));
  }
  return { name, entries };
}
