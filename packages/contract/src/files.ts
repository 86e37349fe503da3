import * as z from 'zod/mini';

export const ROOT_ID = 'root';

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
});
export type FileDoc = z.infer<typeof FileDoc>;

export const FolderListing = z.object({
  folder: FileDoc,
  /** Folders first, then files, each by name (locale-aware, French). */
  items: z.array(FileDoc),
  /** Opaque cursor for the next page, null on the last page. */
  next: z.nullable(z.string()),
});
export type FolderListing = z.infer<typeof FolderListing>;

export const CreateFolderBody = z.object({ name: z.string() });
export type CreateFolderBody = z.infer<typeof CreateFolderBody>;

export const DownloadLink = z.object({
  /** Path under the public URL, valid for a short time, usable without a token (a plain link). */
  url: z.string(),
  expiresAt: z.string(),
});
export type DownloadLink = z.infer<typeof DownloadLink>;

/** RFC 9530 `Content-Digest` header value for a SHA-256 given in base64. */
export function contentDigest(sha256Base64: string): string {
  return `sha-256=:${sha256Base64}:`;
}
