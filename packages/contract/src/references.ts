import * as z from 'zod/mini';
import { FileDoc } from './files.ts';

/** Most file ids one reference write may name. */
export const MAX_REFERENCE_IDS = 1000;

/** `POST|DELETE /data/:doctype/:id/references`: the files a document starts or stops referencing. */
export const ReferencesBody = z.object({
  fileIds: z.array(z.string()).check(z.minLength(1), z.maxLength(MAX_REFERENCE_IDS)),
});
export type ReferencesBody = z.infer<typeof ReferencesBody>;

/** `GET /data/:doctype/:id/references`: one page of the files a document references. */
export const ReferencedFiles = z.object({
  items: z.array(FileDoc),
  next: z.nullable(z.string()),
});
export type ReferencedFiles = z.infer<typeof ReferencedFiles>;

/** A document that references a file. */
export const DocumentRef = z.object({ doctype: z.string(), id: z.string() });
export type DocumentRef = z.infer<typeof DocumentRef>;

/** `GET /files/:id/referenced-by`: one page of the documents referencing a file, by doctype then id. */
export const ReferencingDocuments = z.object({
  items: z.array(DocumentRef),
  next: z.nullable(z.string()),
});
export type ReferencingDocuments = z.infer<typeof ReferencingDocuments>;
