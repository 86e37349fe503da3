import * as z from 'zod/mini';
import type { AppManifest } from './apps.ts';
import { Doctype, doctypes } from './documents.ts';

/** The grant type of the person's files (an app manifest names it like a doctype). */
export const FILES_TYPE = 'io.mytoutatice.files';

export const GrantVerb = z.enum(['read', 'write']);
export type GrantVerb = z.infer<typeof GrantVerb>;

/**
 * Files, possibly only a folder and what lies below it (`folderId`; a file's id limits it to that
 * file). `ownOnly` (a « dépôt »): within the folder, only the items the token's creator made
 * (`createdBy`); the folder itself may be listed (showing those alone) and written into.
 */
export const FilesGrant = z.object({
  type: z.literal(FILES_TYPE),
  verbs: z.array(GrantVerb),
  folderId: z.optional(z.string().check(z.minLength(1))),
  ownOnly: z.optional(z.literal(true)),
});
export type FilesGrant = z.infer<typeof FilesGrant>;

/** The documents of one doctype. */
export const DocumentGrant = z.object({
  type: Doctype.check(z.refine((type) => type !== FILES_TYPE, 'files are granted by a files grant')),
  verbs: z.array(GrantVerb),
});
export type DocumentGrant = z.infer<typeof DocumentGrant>;

/** What an app, sharing or link token may touch: a type of resource and the verbs on it. */
export const Grant = z.union([FilesGrant, DocumentGrant]);
export type Grant = z.infer<typeof Grant>;

/**
 * What a device's app password opens (WebDAV and CardDAV clients): the files and what the DAV
 * protocols sync, nothing else. Fixed here rather than carried by the token, so whoever mints
 * device tokens cannot widen them. Calendars join when their doctype exists.
 */
export const DEVICE_GRANTS: readonly Grant[] = [
  { type: FILES_TYPE, verbs: ['read', 'write'] },
  { type: doctypes.contacts, verbs: ['read', 'write'] },
];

/** What an app's manifest `permissions` grant: GET reads, any other method writes. */
export function grantsFromManifest(permissions: AppManifest['permissions']): Grant[] {
  return permissions.map(({ type, verbs }) => {
    const granted = [...new Set(verbs.map((verb): GrantVerb => (verb === 'GET' ? 'read' : 'write')))];
    return { type, verbs: granted };
  });
}
