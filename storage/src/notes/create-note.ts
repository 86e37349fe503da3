import { Readable } from 'node:stream';
import type { CreateNoteBody, FileDoc } from '@mytoutatice/contract';
import { noteText, noteTitle } from '@mytoutatice/notes-doc';
import { uploadFile } from '../files/upload.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import type { InstanceRecord } from '../instances/instance-records.ts';
import { noteFileName, noteTextOf } from './note-files.ts';
import { notesFolder } from './note-folders.ts';
import { insertNote } from './note-rows.ts';
import { parseMarkdown } from './markdown-parser.ts';

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
