import * as z from 'zod/mini';

/**
 * A public link's code: 32 random bytes, base64url (256 bits, the issue asks for at least 128).
 * The code is the capability: whoever has the address `/public/<code>` may open the page.
 */
export const LinkCode = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/));

/** The owner's handle on a link (16 random bytes): never the code, so logs and `createdBy` never carry it. */
export const LinkId = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/));

/** « Peut consulter » (`read`) or « Peut modifier » (`write`). */
export const LinkAccess = z.enum(['read', 'write']);
export type LinkAccess = z.infer<typeof LinkAccess>;

export const MIN_LINK_PASSWORD = 4;
export const MAX_LINK_PASSWORD = 200;
const password = z.string().check(z.minLength(MIN_LINK_PASSWORD), z.maxLength(MAX_LINK_PASSWORD));
const expiresAt = z.nullable(z.iso.datetime({ offset: true }));

/** `POST /gateway/links`: a link to one of one's own files or folders. */
export const CreateLinkBody = z.object({
  itemId: z.string().check(z.minLength(1)),
  access: z._default(LinkAccess, 'read'),
  password: z.optional(password),
  expiresAt: z.optional(expiresAt),
  /** Photos keep their GPS position only when the owner says so. */
  keepGps: z.optional(z.boolean()),
});
export type CreateLinkBody = z.input<typeof CreateLinkBody>;

/** `PATCH /gateway/links/{id}`: what is given changes; `password: null` removes it, a new one ends every unlocked visit. */
export const UpdateLinkBody = z.object({
  access: z.optional(LinkAccess),
  password: z.optional(z.nullable(password)),
  expiresAt: z.optional(expiresAt),
  keepGps: z.optional(z.boolean()),
});
export type UpdateLinkBody = z.infer<typeof UpdateLinkBody>;

const LinkItem = z.object({ id: z.string(), kind: z.enum(['file', 'folder']), name: z.string() });

/** A link as its owner sees it. */
export const PublicLink = z.object({
  id: LinkId,
  code: LinkCode,
  /** Same-origin path of the public page (`/public/<code>`). */
  path: z.string(),
  item: LinkItem,
  access: LinkAccess,
  hasPassword: z.boolean(),
  expiresAt: z.nullable(z.string()),
  keepGps: z.boolean(),
  createdAt: z.string(),
});
export type PublicLink = z.infer<typeof PublicLink>;

export const PublicLinkList = z.object({ items: z.array(PublicLink) });
export type PublicLinkList = z.infer<typeof PublicLinkList>;

/**
 * `GET /gateway/public/links/{code}`: what a visitor's page may show. Before the password of a
 * protected link: the owner's display name only (never the item, its name or anything in it).
 */
export const LinkVisit = z.union([
  z.object({ needsPassword: z.literal(true), ownerName: z.string() }),
  z.object({ needsPassword: z.literal(false), ownerName: z.string(), item: LinkItem, access: LinkAccess, expiresAt: z.nullable(z.string()) }),
]);
export type LinkVisit = z.infer<typeof LinkVisit>;

export const UnlockLinkBody = z.object({ password: z.string().check(z.minLength(1), z.maxLength(MAX_LINK_PASSWORD)) });
export type UnlockLinkBody = z.infer<typeof UnlockLinkBody>;

/** The visitor's proof of the password, sent as Bearer on `/api/links/{code}/…`; it dies with a new password. */
export const LinkUnlock = z.object({ token: z.string(), expiresAt: z.string() });
export type LinkUnlock = z.infer<typeof LinkUnlock>;
