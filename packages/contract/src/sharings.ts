import * as z from 'zod/mini';
import { InstanceSlug } from './instances.ts';

/**
 * What a member may do with a shared item: « Peut modifier » (`write`), « Peut consulter »
 * (`read`), or `drop` (« dépôt »: add files to the folder, see only those one added oneself).
 */
export const SharingRole = z.enum(['write', 'read', 'drop']);
export type SharingRole = z.infer<typeof SharingRole>;

/** 128 random bits, base64url: a sharing id cannot be guessed. */
export const SharingId = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/));

export const MAX_SHARING_MEMBERS = 200;

export const SharingMemberInput = z.object({
  /** The member's space address slug (what people know of each other; never an email). */
  slug: InstanceSlug,
  role: SharingRole,
});
export type SharingMemberInput = z.infer<typeof SharingMemberInput>;

const members = z.array(SharingMemberInput).check(z.minLength(1), z.maxLength(MAX_SHARING_MEMBERS));

/** `POST /gateway/sharings`: share one of one's own files or folders. */
export const CreateSharingBody = z.object({ itemId: z.string().check(z.minLength(1)), members });
export type CreateSharingBody = z.infer<typeof CreateSharingBody>;

/** `POST /gateway/sharings/{id}/members`: add people, or give those already in the role named. */
export const AddSharingMembersBody = z.object({ members });
export type AddSharingMembersBody = z.infer<typeof AddSharingMembersBody>;

export const ChangeSharingRoleBody = z.object({ role: SharingRole });
export type ChangeSharingRoleBody = z.infer<typeof ChangeSharingRoleBody>;

/** `name`: the member's display name as the ENT last gave it (their slug until they sign in again). */
export const SharingMember = z.object({ slug: z.string(), name: z.string(), role: SharingRole, addedAt: z.string() });
export type SharingMember = z.infer<typeof SharingMember>;

/**
 * A sharing as one side sees it. The item's name and the owner's display name are as they were
 * when the sharing was made (the gateway keeps no copy of anyone's files). The owner sees every
 * member; a member sees only themself, so a class does not learn who else was given the item.
 */
export const Sharing = z.object({
  id: SharingId,
  item: z.object({ id: z.string(), kind: z.enum(['file', 'folder']), name: z.string() }),
  owner: z.object({ slug: z.string(), name: z.string() }),
  /** The caller's part: `owner`, or their role. */
  access: z.enum(['owner', 'write', 'read', 'drop']),
  members: z.array(SharingMember),
  createdAt: z.string(),
});
export type Sharing = z.infer<typeof Sharing>;

/**
 * `POST /gateway/sharings/{id}/copy`: copy the shared item, or `itemId` inside it, into
 * `folderId` of one's own space (a name already taken there gets a number).
 */
export const CopySharedItemBody = z.object({ itemId: z.optional(z.string().check(z.minLength(1))), folderId: z.string().check(z.minLength(1)) });
export type CopySharedItemBody = z.infer<typeof CopySharedItemBody>;

/** Most files and folders one copy out of a sharing may hold. */
export const MAX_COPY_ITEMS = 10_000;

/** « Partages »: what one has shared (`sent`) and what one has been given (`received`), newest first. */
export const SharingList = z.object({ sent: z.array(Sharing), received: z.array(Sharing) });
export type SharingList = z.infer<typeof SharingList>;
