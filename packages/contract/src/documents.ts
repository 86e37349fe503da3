import * as z from 'zod/mini';

/** Doctype names are reverse-DNS like Cozy's: `io.mytoutatice.notes`. */
export const Doctype = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/, 'doctype must be reverse-DNS, lower case'));

export const doctypes = {
  notes: 'io.mytoutatice.notes',
  contacts: 'io.mytoutatice.contacts',
  albums: 'io.mytoutatice.photos.albums',
  accounts: 'io.mytoutatice.accounts',
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

/** Largest JSON body for one document. */
export const MAX_DOCUMENT_BYTES = 256 * 1024;
