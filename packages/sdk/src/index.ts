export { ApiError, isApiError } from './api-error.ts';
export type { ApiErrorInit } from './api-error.ts';
export { createTransport } from './transport.ts';
export type {
  CallOptions,
  HttpMethod,
  PageOptions,
  Query,
  RequestOptions,
  TokenSource,
  Transport,
  TransportOptions,
} from './transport.ts';
export type { Schema } from './parse-response.ts';
export { createClient } from './client.ts';
export type { Client, ClientOptions } from './client.ts';
export type { ConflictPolicy, FilesResource, ListingOptions, PlacementOptions, UploadInput, UploadOptions } from './files.ts';
export type { DocumentsResource, DocumentFilter, DocumentQuery, DocumentListOptions } from './documents.ts';
export type { SpaceResource } from './space.ts';
export type { AppPasswordsResource } from './app-passwords.ts';
export type { SharingsResource, CopyFromSharing } from './sharings.ts';
export type { PeopleResource } from './people.ts';
export { createNotes } from './notes.ts';
export type { NoteCallOptions, NotesResource } from './notes.ts';
export { createRealtime } from './realtime.ts';
export type { Realtime, RealtimeOptions, RealtimeStatus } from './realtime.ts';
export { sha256Base64, contentDigestOf } from './digest.ts';
export { uploadBatch } from './upload-batch.ts';
export type { UploadBatchOptions, UploadItem, UploadStatus } from './upload-batch.ts';
export { RESUMABLE_FROM_BYTES, unfinishedUploads, forgetUnfinishedUpload } from './resumable-upload.ts';
export type { UnfinishedUpload } from './resumable-upload.ts';
// The contract's runtime values apps need, served from the shared sdk module so that no app
// bundles its own copy of the contract (and of zod).
export { ROOT_ID, TRASH_ID, checkName, doctypes, EMAIL_PATTERN, MIN_PEOPLE_QUERY, numberedName } from '@mytoutatice/contract';
// The note socket's address, subprotocols and close codes (apps/notes opens it with Hocuspocus), and what a note's image may be.
export { MAX_NOTE_IMAGE_BYTES, NOTE_IMAGE_TYPES, noteImageOf, NOTE_CLOSE, NOTE_EXTENSION, NOTE_STATE_CHECK, notePagePath, isNoteFileName, titleFromFileName, noteCollabPath, realtimeCloseCodes, REALTIME_BEARER_PREFIX, REALTIME_PROTOCOL } from '@mytoutatice/contract';
