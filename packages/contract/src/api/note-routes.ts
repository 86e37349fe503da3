import * as z from 'zod/mini';
import { MAX_SEARCH_LENGTH } from '../files.ts';
import { CreateNoteBody, MAX_NOTE_IMAGE_BYTES, NOTE_IMAGE_TYPES, NoteImageUploaded, NoteItem, NoteList } from '../notes.ts';
import { headerParam, pageParams, pathParam, queryParam, type ApiRoute } from './api-route.ts';

const tags = ['notes'];

export const listNotesRoute = {
  method: 'get',
  path: '/notes',
  service: 'storage',
  operationId: 'listNotes',
  summary: 'List the notes of the space, newest change first, or those whose title or text holds `q`',
  tags,
  permission: { resource: 'files', verb: 'read' },
  params: [queryParam('q', `Words to find in titles and texts (case and accents aside), at most ${MAX_SEARCH_LENGTH} characters.`, z.string().check(z.maxLength(MAX_SEARCH_LENGTH))), ...pageParams],
  responses: { 200: { description: 'Notes not in the trash.', payload: NoteList } },
  errors: ['bad_request'],
} as const satisfies ApiRoute;

export const createNoteRoute = {
  method: 'post',
  path: '/notes',
  service: 'storage',
  operationId: 'createNote',
  summary: 'Create a note (a Markdown file), empty or from Markdown (an import)',
  tags,
  permission: { resource: 'files', verb: 'write' },
  body: CreateNoteBody,
  responses: { 201: { description: 'The new note; « (2) » is added when the name is taken.', payload: NoteItem } },
  errors: ['bad_request', 'invalid_name', 'in_trash', 'not_found', 'not_a_folder', 'quota_exceeded'],
} as const satisfies ApiRoute;

const noteId = pathParam('id', 'The note (its Markdown file).');
const imageTypes = NOTE_IMAGE_TYPES.join(', ');
/**
 * A note's images are the note's: whoever may open the note reads them, whoever may change it adds
 * some (`noteAccess`, as the collaborative socket). An image is a file of the owner's Drive that may
 * lie outside a shared item, so it is reached only through the note it was uploaded to.
 */
const noteImagesDescription = 'Allowed to whoever may open the note (its owner, a sharing’s member, a public link’s visitor), as its collaborative socket; adding one needs the right to change the note.';

export const uploadNoteImageRoute = {
  method: 'post',
  path: '/notes/{id}/images',
  service: 'storage',
  operationId: 'uploadNoteImage',
  summary: 'Add an image to a note (the body is the image)',
  description: `${noteImagesDescription} Stored as a file of the owner's « Notes/Images » folder; ${imageTypes}, at most ${MAX_NOTE_IMAGE_BYTES} bytes.`,
  tags,
  permission: { resource: 'files', verb: 'write' },
  params: [
    noteId,
    queryParam('name', 'The image’s file name (`x-file-name` also gives it); « image » when absent.', z.string()),
    headerParam('X-File-Name', 'The image’s file name, percent-encoded (UTF-8).'),
    headerParam('Content-Type', `One of ${imageTypes}; the bytes must be one of them too.`, z.string(), true),
  ],
  body: 'binary',
  responses: { 201: { description: 'The `src` the document is to hold.', payload: NoteImageUploaded } },
  errors: ['bad_request', 'invalid_name', 'forbidden', 'not_found', 'in_trash', 'image_too_large', 'unsupported_media_type', 'quota_exceeded'],
} as const satisfies ApiRoute;

export const getNoteImageRoute = {
  method: 'get',
  path: '/notes/{id}/images/{imageId}',
  service: 'storage',
  operationId: 'getNoteImage',
  summary: 'Read an image of a note',
  description: `${noteImagesDescription} Only an image uploaded to this note: any other id is a 404.`,
  tags,
  permission: { resource: 'files', verb: 'read' },
  params: [noteId, pathParam('imageId', 'The image (its file id, as in the `src`).')],
  responses: {
    200: {
      description: 'The image’s bytes; an image id never changes content, so it may be cached for good.',
      payload: 'binary',
      headers: { 'Content-Type': imageTypes, 'Cache-Control': '`private, max-age=31536000, immutable`' },
    },
  },
  errors: ['forbidden', 'not_found', 'in_trash'],
} as const satisfies ApiRoute;

export const noteRoutes: readonly ApiRoute[] = [listNotesRoute, createNoteRoute, uploadNoteImageRoute, getNoteImageRoute];
