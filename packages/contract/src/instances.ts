import * as z from 'zod/mini';

/** A space's address slug: what `slugFromUsername` produces (lower-case ASCII, digits, dashes). */
export const InstanceSlug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'slug must be lower-case letters, digits and dashes'));

/** `POST /instances` on a storage backend (admin scope): the gateway chooses the id. */
export const CreateInstanceBody = z.object({
  id: z.uuid(),
  slug: InstanceSlug,
  email: z.string(),
});
export type CreateInstanceBody = z.infer<typeof CreateInstanceBody>;

/** An instance as the storage backend answers `POST /instances`. */
export const CreatedInstance = z.object({
  id: z.string(),
  slug: z.string(),
  email: z.string(),
  createdAt: z.string(),
});
export type CreatedInstance = z.infer<typeof CreatedInstance>;

/** `GET /instance` (owner scope): the instance with its quota and what it uses. */
export const InstanceInfo = z.extend(CreatedInstance, {
  quotaBytes: z.int().check(z.nonnegative()),
  /** Everything counted against the quota, trash and versions included. */
  usedBytes: z.int().check(z.nonnegative()),
  /** `usedBytes` split: live files, what waits in the trash, and files' earlier versions. */
  usage: z.object({
    files: z.int().check(z.nonnegative()),
    trash: z.int().check(z.nonnegative()),
    versions: z.int().check(z.nonnegative()),
  }),
});
export type InstanceInfo = z.infer<typeof InstanceInfo>;

/** `POST /instances/{id}/app-passwords/verify` (admin scope): the gateway checks a DAV client's Basic password. */
export const VerifyAppPasswordBody = z.object({ password: z.string().check(z.minLength(1), z.maxLength(256)) });
export type VerifyAppPasswordBody = z.infer<typeof VerifyAppPasswordBody>;

/** The app password that matched (its id, so the gateway can tell devices apart). */
export const VerifiedAppPassword = z.object({ id: z.string() });
export type VerifiedAppPassword = z.infer<typeof VerifiedAppPassword>;
