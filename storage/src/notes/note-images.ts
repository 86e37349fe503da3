import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { MAX_NOTE_IMAGE_BYTES, NOTE_IMAGE_TYPES } from '@mytoutatice/contract';
import { HttpError, badRequest, notFound } from '@mytoutatice/server-kit';
import type { SqlDb } from '@mytoutatice/sql';
import { forbidden } from '../auth/internal-token.ts';
import { findFile, type FileRow } from '../files/file-rows.ts';
import { commitNewFile, parseContentLength, planNewFile } from '../files/upload.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import type { InstanceRecord } from '../instances/instance-records.ts';
import type { NoteAccess } from './note-access.ts';
import { noteImagesFolder } from './note-folders.ts';

export interface NoteImageUpload {
  /** The owner's instance, where the image is stored. */
  instance: InstanceRecord;
  /** Who opened the note, as `noteAccess` says. */
  access: NoteAccess;
  createdBy: string | null;
  /** The raw `Content-Type` header. */
  contentType: string | undefined;
  /** The raw `Content-Length` header, if any. */
  contentLength: string | undefined;
  /** The file name asked for (`?name=` or `x-file-name`), if any. */
  name: string | undefined;
  body: Readable;
}

export function imageTooLarge(): HttpError {
  return new HttpError(413, 'image_too_large', `Une image fait au plus ${MAX_NOTE_IMAGE_BYTES / (1024 * 1024)} Mo.`);
}

function notAnImage(): HttpError {
  return new HttpError(415, 'unsupported_media_type', `Seule une image (${NOTE_IMAGE_TYPES.join(', ')}) s’ajoute à une note.`);
}

const isImageType = (type: string): type is (typeof NOTE_IMAGE_TYPES)[number] => (NOTE_IMAGE_TYPES as readonly string[]).includes(type);

/** The size refusal for a note's image, keeping a full space's own refusal. */
const asImageRefusal = (error: HttpError) => (error.code === 'payload_too_large' ? imageTooLarge() : error);

/**
 * `POST /notes/:id/images`: the body becomes a file of « Notes/Images » in the owner's space, like
 * any upload (streamed, never read past the limit, counted against the space), recorded as this
 * note's image. The announced type and size are refused before a byte is read; the bytes must be an
 * image of one of the accepted types (told by file-type, as the Drive types every file). Any
 * refusal leaves neither a file nor a row.
 */
export async function addNoteImage(databases: InstanceDatabases, maxFileBytes: number, upload: NoteImageUpload): Promise<string> {
  const { instance, access } = upload;
  if (access.readOnly) throw forbidden();
  const announced = (upload.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!isImageType(announced)) throw notAnImage();
  const declaredSize = parseContentLength(upload.contentLength);
  if (declaredSize === 0) throw emptyImage();
  const db = databases.db(instance.id);
  let file;
  try {
    file = await planNewFile(databases, Math.min(MAX_NOTE_IMAGE_BYTES, maxFileBytes), {
      instance,
      createdBy: upload.createdBy,
      parentId: await noteImagesFolder(db, upload.createdBy),
      name: upload.name ?? `image.${announced.slice('image/'.length)}`,
      conflict: 'rename',
      declaredSize,
    });
  } catch (error) {
    throw error instanceof HttpError ? asImageRefusal(error) : error;
  }
  const overLimit = file.overLimit;
  const id = randomUUID();
  const stored = await databases.blobs.write(instance.id, id, upload.body, file.limit, () => asImageRefusal(overLimit()));
  const image = await commitNewFile(databases, file, id, stored, undefined, async (made) => {
    if (made.size === 0) throw emptyImage();
    if (!isImageType(made.mime ?? '')) throw notAnImage();
    await db.run('INSERT INTO note_images (note_id, image_id) VALUES (?, ?)', access.fileId, made.id);
  });
  return image.id;
}

function emptyImage(): HttpError {
  return badRequest('L’image envoyée est vide.');
}

/**
 * An image of this note, for `GET /notes/:id/images/:imageId`: only one uploaded to it and still
 * in the Drive; any other id (another note's image, any other file) is as unknown as a missing one.
 */
export async function noteImageFile(db: SqlDb, noteId: string, imageId: string): Promise<FileRow> {
  const recorded = await db.get('SELECT image_id FROM note_images WHERE note_id = ? AND image_id = ?', noteId, imageId);
  const file = recorded ? await findFile(db, imageId) : undefined;
  if (!file || file.type !== 'file' || file.trashedAt !== null || !isImageType(file.mime ?? '')) throw notFound('Cette image n’existe pas ou plus.');
  return file;
}
