import * as z from 'zod/mini';

export const ROOT_ID = 'root';
/** The hidden folder trashed items sit in; `GET /files/trash/children` lists it, newest first. */
export const TRASH_ID = 'trash';

export const FileKind = z.enum(['directory', 'file']);
export type FileKind = z.infer<typeof FileKind>;

export const FileDoc = z.object({
  id: z.string(),
  type: FileKind,
  name: z.string(),
  /** null only for the root folder. */
  parentId: z.nullable(z.string()),
  size: z.nullable(z.int().check(z.nonnegative())),
  mime: z.nullable(z.string()),
  /** Lower-case hex SHA-256 of the content; null for folders. */
  sha256: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When its current content arrived (an upload or an overwrite); null for folders. */
  uploadedAt: z._default(z.nullable(z.string()), null),
  /** When it went to the trash (with its folder, for what was inside one); null when not trashed. */
  trashedAt: z._default(z.nullable(z.string()), null),
  favorite: z._default(z.boolean(), false),
  /** Who created it: an app's slug, `sharing:<sharing id>:<member slug>` for a sharing's member, null for the person through the Home or Drive. */
  createdBy: z._default(z.nullable(z.string()), null),
  /** The person's own labels, NFC, as typed (see MAX_TAGS). */
  tags: z._default(z.array(z.string()), []),
  /** What jobs learnt from the content (EXIF, page count…), by kind. */
  metadata: z._default(z.record(z.string(), z.unknown()), {}),
  /**
   * Where it is, e.g. `/Administratif/Ensap/bulletin.pdf` (in search, recents and favourites), or,
   * for a trashed item, where it was and will be restored to.
   */
  path: z.optional(z.string()),
});
export type FileDoc = z.infer<typeof FileDoc>;

/** A FileDoc whose `path` is always given: results shown outside their folder. */
export const LocatedFile = z.extend(FileDoc, { path: z.string() });
export type LocatedFile = z.infer<typeof LocatedFile>;

export const FolderListing = z.object({
  folder: FileDoc,
  /** Folders first, then files, each by name (locale-aware, French). */
  items: z.array(FileDoc),
  /** Opaque cursor for the next page, null on the last page. */
  next: z.nullable(z.string()),
});
export type FolderListing = z.infer<typeof FolderListing>;

/** Sorts of `GET /files/:id/children?sort&order`; folders always come first. */
export const FileSort = z.enum(['name', 'updated', 'size']);
export type FileSort = z.infer<typeof FileSort>;
export const SortOrder = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrder>;

/** `GET /files/recent`, `GET /files/favorites`. */
export const FileList = z.object({
  items: z.array(LocatedFile),
  next: z.nullable(z.string()),
});
export type FileList = z.infer<typeof FileList>;

/** `GET /files/search?q`: names containing `q` (case and accents ignored), prefixes first. */
export const SearchResults = z.object({
  items: z.array(LocatedFile),
  next: z.nullable(z.string()),
});
export type SearchResults = z.infer<typeof SearchResults>;

/** Longest `q` accepted by search (characters). */
export const MAX_SEARCH_LENGTH = 255;

export const CreateFolderBody = z.object({ name: z.string() });
export type CreateFolderBody = z.infer<typeof CreateFolderBody>;

/** `PATCH /files/:id`: rename and/or move, (un)mark as favourite, set tags; absent fields stay as they are. */
export const PatchFileBody = z.object({
  name: z.optional(z.string()),
  parentId: z.optional(z.string()),
  favorite: z.optional(z.boolean()),
  tags: z.optional(z.array(z.string())),
});

export const MAX_TAGS = 32;
export const MAX_TAG_LENGTH = 64;

/**
 * Tags as stored: trimmed, NFC, without duplicates (compared case-insensitively, the first
 * spelling kept), each 1 to MAX_TAG_LENGTH characters without control characters, at most
 * MAX_TAGS. The reason when refused.
 */
export function checkTags(raw: readonly string[]): { ok: true; tags: string[] } | { ok: false; reason: string } {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const value of raw) {
    const tag = value.normalize('NFC').trim();
    if (tag === '' || [...tag].length > MAX_TAG_LENGTH) {
      return { ok: false, reason: `Une étiquette fait de 1 à ${MAX_TAG_LENGTH} caractères.` };
    }
    if (/[\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(tag)) {
      return { ok: false, reason: 'Une étiquette ne contient pas de caractère de contrôle.' };
    }
    const key = tag.toLocaleLowerCase('fr');
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (tags.length > MAX_TAGS) return { ok: false, reason: `Un élément porte au plus ${MAX_TAGS} étiquettes.` };
  return { ok: true, tags };
}
export type PatchFileBody = z.infer<typeof PatchFileBody>;

/** `POST /files/:id/copy`: into `parentId` (default: the same folder), named `name` (default: the same). */
export const CopyFileBody = z.object({
  parentId: z.optional(z.string()),
  name: z.optional(z.string()),
});
export type CopyFileBody = z.infer<typeof CopyFileBody>;

export const DownloadLink = z.object({
  /** Path under the public URL, valid for a short time, usable without a token (a plain link). */
  url: z.string(),
  expiresAt: z.string(),
});
export type DownloadLink = z.infer<typeof DownloadLink>;

/**
 * A download link's `via` claim: the sharing (`s`) and member slug (`m`, absent for the owner)
 * it was made through. Signed by the storage; the gateway reads it to refuse the link as soon as
 * that access ends rather than for its remaining minutes.
 */
export const DownloadVia = z.object({ s: z.string(), m: z.optional(z.string()) });
export type DownloadVia = z.infer<typeof DownloadVia>;

/** RFC 9530 `Content-Digest` header value for a SHA-256 given in base64. */
export function contentDigest(sha256Base64: string): string {
  return `sha-256=:${sha256Base64}:`;
}
