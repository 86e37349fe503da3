import { Readable } from 'node:stream';
import { NOTES_FOLDER_NAME, ROOT_ID, type CreateNoteBody, type FileDoc } from '@mytoutatice/contract';
import { noteText, noteTitle } from '@mytoutatice/notes-doc';
import { HttpError } from '@mytoutatice/server-kit';
import type { SqlDb } from '@mytoutatice/sql';
import { createFolder } from '../files/folders.ts';
import { uploadFile } from '../files/upload.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import type { InstanceRecord } from '../instances/instance-records.ts';
import { noteFileName, noteTextOf } from './note-files.ts';
import { insertNote } from './note-rows.ts';
import { parseMarkdown } from './markdown-parser.ts';

/** The « Notes » folder at the top of the space, made when first needed (the top itself if a file holds that name). */
async function notesFolder(db: SqlDb, createdBy: string | null): Promise<string> {
  const find = async () =>
    (await db.get("SELECT id, type FROM files WHERE parent_id = ? AND name = ? AND trashed_at IS NULL", ROOT_ID, NOTES_FOLDER_NAME)) as
      | { id: string; type: string }
      | undefined;
  const found = await find();
  if (found) return found.type === 'directory' ? found.id : ROOT_ID;
  try {
    return (await createFolder(db, ROOT_ID, NOTES_FOLDER_NAME, createdBy)).id;
  } catch (error) {
    // Made meanwhile by another request.
    if (error instanceof HttpError && error.code === 'name_conflict') return (await find())?.id ?? ROOT_ID;
    throw error;
  }
}

/**
 * `POST /notes`: a Markdown file (« Nouvelle note.md », the title given, or an import's first
 * heading; « (2) » when taken) and its collaborative state, made from the same Markdown. A note
 * named by the person keeps its name; otherwise its name follows its first heading.
 */
export async function createNote(
  databases: InstanceDatabases,
  maxFileBytes: number,
  instance: InstanceRecord,
  createdBy: string | null,
  body: CreateNoteBody,
): Promise<{ file: FileDoc; excerpt: string }> {
  const db = databases.db(instance.id);
  const markdown = body.markdown ?? '';
  const { json, update } = await parseMarkdown(markdown);
  const named = body.title !== undefined && body.title.trim() !== '';
  const name = noteFileName(named ? body.title : noteTitle(json));
  const bytes = Buffer.from(markdown, 'utf8');
  const file = await uploadFile(databases, maxFileBytes, {
    instance,
    createdBy,
    parentId: body.parentId ?? (await notesFolder(db, createdBy)),
    name,
    conflict: 'rename',
    contentDigest: undefined,
    contentLength: String(bytes.byteLength),
    body: Readable.from([bytes]),
  });
  const text = noteTextOf(noteText(json));
  await insertNote(
    db,
    { fileId: file.id, state: update, writtenSha: file.sha256, writingSha: null, givenName: named ? null : file.name },
    text,
    file.createdAt,
  );
  return { file, excerpt: text.excerpt };
}
