import {
  createNoteRoute,
  getNoteImageRoute,
  listNotesRoute,
  MAX_NOTE_IMAGE_BYTES,
  NOTE_IMAGE_TYPES,
  NoteImageUploaded,
  noteImageOf,
  uploadNoteImageRoute,
} from '@mytoutatice/contract';
import type { CreateNoteBody, NoteItem, NoteList } from '@mytoutatice/contract';
import { ApiError } from './api-error.ts';
import { OWN_SPACE, routeTarget } from './route-target.ts';
import type { CallOptions, PageOptions, Transport } from './transport.ts';

/** Where the note is reached: `/api` (one's own space, when absent), `/api/sharings/<id>` or `/api/links/<code>`. */
export type NoteCallOptions = CallOptions & { apiBase?: string | undefined };

export type NotesResource = {
  /** « Notes récentes », newest change first; with `q`, those whose title or text holds it. */
  list(options?: PageOptions & { q?: string | undefined }): Promise<NoteList>;
  /** « Ajouter une note » (empty), or an import (`markdown`); in « Notes » unless `parentId` says where. */
  create(body?: CreateNoteBody, options?: CallOptions): Promise<NoteItem>;
  /**
   * Adds an image (a pasted or dropped file) to a note; answers the `src` its document is to hold.
   * What the storage would refuse by its size or type is refused here before a byte is sent, with
   * the storage's codes (`image_too_large`, `unsupported_media_type`): a large body would otherwise
   * be sent whole only to be refused.
   */
  addImage(noteId: string, image: Blob, name: string | undefined, options?: NoteCallOptions): Promise<NoteImageUploaded>;
  /**
   * The bytes of a note's image, from the `src` the document holds (`/api/notes/<id>/images/<id>`),
   * with the bearer token an `<img>` cannot send.
   */
  image(src: string, options?: NoteCallOptions): Promise<Blob>;
};

export function createNotes(transport: Transport): NotesResource {
  return {
    list: ({ q, cursor, limit, signal } = {}) =>
      // Blank words list every note, as no words do.
      transport.call(listNotesRoute, { query: { q: q?.trim() || undefined, cursor: cursor ?? undefined, limit } }, { signal }),
    create: (body = {}, { signal } = {}) => transport.call(createNoteRoute, { body }, { signal }),
    addImage: async (noteId, image, name, { apiBase = OWN_SPACE, signal } = {}) => {
      if (image.size > MAX_NOTE_IMAGE_BYTES) throw new ApiError({ status: 413, code: 'image_too_large', title: 'Image trop lourde' });
      if (!(NOTE_IMAGE_TYPES as readonly string[]).includes(image.type)) {
        throw new ApiError({ status: 415, code: 'unsupported_media_type', title: 'Type de contenu non pris en charge' });
      }
      return transport.request(routeTarget(uploadNoteImageRoute, { id: noteId }, apiBase), NoteImageUploaded, {
        method: 'POST',
        body: image,
        // A header carries only Latin-1 safely: the name goes percent-encoded.
        headers: { 'Content-Type': image.type || 'application/octet-stream', ...(name ? { 'X-File-Name': encodeURIComponent(name) } : {}) },
        signal,
      });
    },
    image: async (src, { apiBase = OWN_SPACE, signal } = {}) => {
      const image = noteImageOf(src);
      if (!image) throw new ApiError({ status: 404, code: 'not_found', title: 'Cette image n’est pas celle d’une note' });
      const path = routeTarget(getNoteImageRoute, { id: image.noteId, imageId: image.imageId }, apiBase);
      return (await transport.send(path, { signal })).blob();
    },
  };
}
