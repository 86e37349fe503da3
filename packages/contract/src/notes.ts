import * as z from 'zod/mini';
import { LocatedFile } from './files.ts';

/**
 * A note is a Markdown file of the Drive: any `.md` file opens as one (the server keeps its
 * collaborative state beside it from the first opening).
 */
export const NOTE_EXTENSION = '.md';
/** The Drive folder new notes go to, at the top of the space (made when first needed). */
export const NOTES_FOLDER_NAME = 'Notes';
/** Markdown a new note may start from (an import): 2 MiB, a long book chapter. */
export const MAX_NOTE_MARKDOWN_BYTES = 2 * 1024 * 1024;
/** One Yjs update from an editor: far above any keystroke or paste of text; images travel apart. */
export const MAX_NOTE_UPDATE_BYTES = 4 * 1024 * 1024;
/** An image pasted or dropped into a note: 10 MiB, a phone's photo. */
export const MAX_NOTE_IMAGE_BYTES = 10 * 1024 * 1024;
/** What a note's image may be (told by its bytes, not by what the client claims). */
export const NOTE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
/** The Drive folder a note's images go to, inside the « Notes » folder of the note owner's space. */
export const NOTE_IMAGES_FOLDER_NAME = 'Images';

/** `POST /notes`: a title (« Nouvelle note » when absent), Markdown to start from (an import), where (the « Notes » folder when absent). */
export const CreateNoteBody = z.object({
  title: z.optional(z.string().check(z.maxLength(200))),
  markdown: z.optional(z.string().check(z.maxLength(MAX_NOTE_MARKDOWN_BYTES))),
  parentId: z.optional(z.string()),
});
export type CreateNoteBody = z.infer<typeof CreateNoteBody>;

/** A note in lists: its file (name, dates, place) and the start of its text. */
export const NoteItem = z.object({
  file: LocatedFile,
  /** The title shown: the file name without `.md`. */
  title: z.string(),
  /** The first words of its text (at most 200 characters). */
  excerpt: z.string(),
});
export type NoteItem = z.infer<typeof NoteItem>;

/** `GET /notes`: newest change first. */
export const NoteList = z.object({ items: z.array(NoteItem), next: z.nullable(z.string()) });
export type NoteList = z.infer<typeof NoteList>;

/**
 * The collaborative socket of a note, relative to `/api` (the gateway) or to the storage's root;
 * through a sharing, `/api/sharings/<id>` comes first. It speaks the Hocuspocus protocol with the
 * note's file id as the document name.
 */
export const noteCollabPath = (fileId: string) => `/notes/${encodeURIComponent(fileId)}/collab`;

/** Where a note's images are uploaded, relative to `/api` (through a sharing, `/api/sharings/<id>` comes first). */
export const noteImagesPath = (noteId: string) => `/notes/${encodeURIComponent(noteId)}/images`;

/** An image of a note as the document holds it: `/api/notes/<note id>/images/<image file id>`. */
export const noteImageSrc = (noteId: string, imageId: string) => `/api${noteImagesPath(noteId)}/${encodeURIComponent(imageId)}`;

const NOTE_IMAGE_SRC = /^\/api\/notes\/([^/?#]+)\/images\/([^/?#]+)$/;

/** The note and the image an image's `src` names, when it is one uploaded to a note (noteImageSrc); else undefined. */
export function noteImageOf(src: string): { noteId: string; imageId: string } | undefined {
  const match = NOTE_IMAGE_SRC.exec(src);
  if (!match) return undefined;
  try {
    return { noteId: decodeURIComponent(match[1] ?? ''), imageId: decodeURIComponent(match[2] ?? '') };
  } catch {
    return undefined;
  }
}

/** `POST /notes/{id}/images`: what the document is to hold. */
export const NoteImageUploaded = z.object({
  /** `/api/notes/<note id>/images/<image file id>` (noteImageSrc). */
  src: z.string(),
});
export type NoteImageUploaded = z.infer<typeof NoteImageUploaded>;

/** Close codes of the note socket besides the realtime ones (4001 token expired, 4403 access ended). */
export const NOTE_CLOSE = {
  /** An update that Yjs cannot read: the note is left as it was. */
  malformedUpdate: 4400,
  /** An update over MAX_NOTE_UPDATE_BYTES (also the WebSocket's 1009). */
  updateTooLarge: 4413,
  /** The note went to the trash or was destroyed. */
  gone: 4404,
} as const;

/**
 * The convergence check, as a Hocuspocus stateless message: an editor asks, the storage answers
 * `{ stateVector }` (base64 of the note's Yjs state vector, after every update the editor sent
 * before asking). An editor whose own state vector that does not cover was out of step and syncs
 * again; only a covered one shows « Enregistré ».
 */
export const NOTE_STATE_CHECK = 'state-vector?';

/** Where the Home shows a note: `/notes/<id>`, or `/notes/partages/<sharing>/<id>` for one received through a sharing (the Drive opens Markdown files there). */
export function notePagePath(fileId: string, sharingId: string | null = null): string {
  return sharingId === null ? `/notes/${encodeURIComponent(fileId)}` : `/notes/partages/${encodeURIComponent(sharingId)}/${encodeURIComponent(fileId)}`;
}

/** A note's title from its file's name: « Compte rendu.md » → « Compte rendu » (lists, the editor's heading). */
export function titleFromFileName(name: string): string {
  return name.replace(/\.(md|markdown|txt)$/i, '').trim();
}

/** Whether a file opens as a note: Markdown by its name. */
export const isNoteFileName = (name: string) => name.toLowerCase().endsWith(NOTE_EXTENSION);
