import * as z from 'zod/mini';
import { MAX_SEARCH_LENGTH } from '../files.ts';
import { CreateNoteBody, NoteItem, NoteList } from '../notes.ts';
import { pageParams, queryParam, type ApiRoute } from './api-route.ts';

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

export const noteRoutes: readonly ApiRoute[] = [listNotesRoute, createNoteRoute];
