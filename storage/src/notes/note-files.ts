import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { MAX_NOTE_MARKDOWN_BYTES, NOTE_EXTENSION, checkName, isNoteFileName, type FileDoc } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import { sortKey } from '../files/file-names.ts';
import { contentKey, type FileRow } from '../files/file-rows.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import type { InstanceRecord } from '../instances/instance-records.ts';
import { overwriteFile } from '../versions/overwrite.ts';
import type { NoteText } from './note-rows.ts';

/** What a note is called before it has a heading. */
export const UNTITLED_NOTE = 'Nouvelle note';
const MAX_TITLE_CHARS = 120;
const EXCERPT_CHARS = 200;

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A note's file name from its title: what a name may not hold replaced, `.md` added; « Nouvelle note » when nothing is left. */
export function noteFileName(title: string | null | undefined): string {
  const cleaned = (title ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '')
    .replace(/[/\\]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TITLE_CHARS)
    .replace(/^\.+/, '')
    .trim();
  const name = `${cleaned === '' ? UNTITLED_NOTE : cleaned}${NOTE_EXTENSION}`;
  return checkName(name).ok ? name : `${UNTITLED_NOTE}${NOTE_EXTENSION}`;
}

/** Whether `name` is `wanted` numbered because the name was taken (« Titre (2).md » for « Titre.md »). */
export function isNumberedOf(name: string, wanted: string): boolean {
  const base = wanted.slice(0, -NOTE_EXTENSION.length);
  return name.startsWith(`${base} (`) && /^ \(\d+\)\.md$/.test(name.slice(base.length));
}

/** Whether a file opens as a note: Markdown by its name or its type. */
export function isMarkdownFile(file: Pick<FileRow, 'name' | 'mime'>): boolean {
  return isNoteFileName(file.name) || file.mime === 'text/markdown';
}

export function noteTextOf(plain: string): NoteText {
  return { excerpt: plain.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS), searchKey: sortKey(plain.normalize('NFC')) };
}

/** Whether a file's Markdown is too large to be read whole into a note (an import's limit). */
export const tooLargeToRead = (file: Pick<FileRow, 'size'>) => (file.size ?? 0) > MAX_NOTE_MARKDOWN_BYTES;

export const tooLargeToOpen = () =>
  new HttpError(415, 'unsupported_media_type', `Un fichier Markdown de plus de ${MAX_NOTE_MARKDOWN_BYTES / 1024 / 1024} Mio ne s’ouvre pas comme une note.`);

/** The Markdown a file holds, refused (415) when it is too large to be a note or not UTF-8. */
export async function readMarkdown(databases: InstanceDatabases, instanceId: string, file: FileRow): Promise<string> {
  if (tooLargeToRead(file)) throw tooLargeToOpen();
  const bytes = await buffer(await databases.blobs.read(instanceId, contentKey(file)));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(415, 'unsupported_media_type', 'Ce fichier n’est pas du texte UTF-8.');
  }
}

/** Writes the note's Markdown as the file's new content (a Drive version of the old one), if the file still holds `expectedSha`. */
export async function writeMarkdown(
  databases: InstanceDatabases,
  maxFileBytes: number,
  instance: InstanceRecord,
  fileId: string,
  markdown: Uint8Array,
  expectedSha: string | null,
): Promise<FileDoc> {
  return overwriteFile(databases, maxFileBytes, {
    instance,
    id: fileId,
    contentDigest: undefined,
    contentLength: String(markdown.byteLength),
    ifMatch: expectedSha === null ? undefined : `"${expectedSha}"`,
    body: Readable.from([markdown]),
  });
}
