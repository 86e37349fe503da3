import * as z from 'zod/mini';

/**
 * An earlier content of a file, kept when it was overwritten (or when another version was
 * restored over it). Versions are thinned as they age and count against the quota.
 */
export const FileVersion = z.object({
  id: z.string(),
  size: z.int().check(z.nonnegative()),
  /** Lower-case hex SHA-256: the `ETag` of its download and of the file when it was current. */
  sha256: z.string(),
  /** When this content was written. */
  createdAt: z.string(),
});
export type FileVersion = z.infer<typeof FileVersion>;

/** `GET /files/:id/versions`: newest first, the current content not included. */
export const FileVersionList = z.object({ items: z.array(FileVersion) });
export type FileVersionList = z.infer<typeof FileVersionList>;
