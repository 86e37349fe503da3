import { NOTES_FOLDER_NAME, NOTE_IMAGES_FOLDER_NAME, ROOT_ID } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import type { SqlDb } from '@mytoutatice/sql';
import { createFolder } from '../files/folders.ts';

/** The live folder `name` in `parentId`, made when first needed (`parentId` itself if a file holds that name). */
async function folderIn(db: SqlDb, parentId: string, name: string, createdBy: string | null): Promise<string> {
  const find = async () =>
    (await db.get('SELECT id, type FROM files WHERE parent_id = ? AND name = ? AND trashed_at IS NULL', parentId, name)) as
      | { id: string; type: string }
      | undefined;
  const found = await find();
  if (found) return found.type === 'directory' ? found.id : parentId;
  try {
    return (await createFolder(db, parentId, name, createdBy)).id;
  } catch (error) {
    // Made meanwhile by another request.
    if (error instanceof HttpError && error.code === 'name_conflict') return (await find())?.id ?? parentId;
    throw error;
  }
}

/** The « Notes » folder at the top of the space, where new notes go. */
export function notesFolder(db: SqlDb, createdBy: string | null): Promise<string> {
  return folderIn(db, ROOT_ID, NOTES_FOLDER_NAME, createdBy);
}

/** « Notes/Images », where the images pasted or dropped into notes go. */
export async function noteImagesFolder(db: SqlDb, createdBy: string | null): Promise<string> {
  return folderIn(db, await notesFolder(db, createdBy), NOTE_IMAGES_FOLDER_NAME, createdBy);
}
