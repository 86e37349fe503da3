import * as z from 'zod/mini';
import { NotificationData } from './notifications.ts';

/** Doctype names are reverse-DNS like Cozy's: `io.mytoutatice.notes`. */
export const Doctype = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/, 'doctype must be reverse-DNS, lower case'));

export const doctypes = {
  notes: 'io.mytoutatice.notes',
  contacts: 'io.mytoutatice.contacts',
  albums: 'io.mytoutatice.photos.albums',
  accounts: 'io.mytoutatice.accounts',
  notifications: 'io.mytoutatice.notifications',
} as const;

export const Document = z.object({
  id: z.string(),
  rev: z.string(),
  doctype: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Document = z.infer<typeof Document>;

export const DocumentListing = z.object({
  items: z.array(Document),
  next: z.nullable(z.string()),
});
export type DocumentListing = z.infer<typeof DocumentListing>;

/** `POST /data/:doctype`, `PUT /data/:doctype/:id`: the document's data, checked per doctype (documentSchemas). */
export const DocumentBody = z.object({ data: z.record(z.string(), z.unknown()) });
export type DocumentBody = z.infer<typeof DocumentBody>;

/** Largest JSON body for one document. */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/** The `data` of first-party doctypes, checked on create and update; other fields are kept as they come. */
export const NoteData = z.looseObject({ title: z.string().check(z.maxLength(500)) });
export type NoteData = z.infer<typeof NoteData>;
export const ContactData = z.looseObject({ fullname: z.string(), email: z.optional(z.string()) });
export type ContactData = z.infer<typeof ContactData>;
export const AlbumData = z.looseObject({ name: z.string() });
export type AlbumData = z.infer<typeof AlbumData>;

/** Which doctypes have a schema; any other doctype is free JSON under MAX_DOCUMENT_BYTES. */
export const documentSchemas: Readonly<Record<string, z.ZodMiniType<Record<string, unknown>>>> = {
  [doctypes.notes]: NoteData,
  [doctypes.contacts]: ContactData,
  [doctypes.albums]: AlbumData,
  [doctypes.notifications]: NotificationData,
};

/**
 * The fields a doctype's listing may filter and sort on (`?where=`, `?sort=`): each has an index.
 * `createdAt` and `updatedAt` are the document's own dates; any other name is a top-level key of
 * `data`. A doctype not named here lists in creation order only.
 */
export const queryableFields: Readonly<Record<string, readonly string[]>> = {
  [doctypes.notes]: ['title', 'updatedAt'],
  [doctypes.contacts]: ['fullname', 'email'],
  [doctypes.albums]: ['name'],
};

/** `?where=<field>:<op>:<value>`: equal, starts with, greater than, less than (compared as text). */
export const DocumentFilterOp = z.enum(['eq', 'prefix', 'gt', 'lt']);
export type DocumentFilterOp = z.infer<typeof DocumentFilterOp>;
