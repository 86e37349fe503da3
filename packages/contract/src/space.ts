import * as z from 'zod/mini';

/** `staff` → personnel (fixed professional email); anything else → pupil. */
export const Profile = z.enum(['staff', 'pupil']);
export type Profile = z.infer<typeof Profile>;

export const SessionUser = z.object({
  sub: z.string(),
  username: z.string(),
  name: z.string(),
  email: z.nullable(z.string()),
  profile: Profile,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const Space = z.object({
  slug: z.string(),
  /** What people see as the address of their space, e.g. `eleve.mytoutatice.cloud`. */
  address: z.string(),
  email: z.string(),
  createdAt: z.string(),
});
export type Space = z.infer<typeof Space>;

export const Me = z.object({
  user: SessionUser,
  space: z.nullable(Space),
  /** The slug a new space would get (derived from the ENT login, read-only). */
  proposedSlug: z.string(),
  proposedAddress: z.string(),
});
export type Me = z.infer<typeof Me>;

export const OnboardingBody = z.object({
  email: z.string(),
  acceptCgu: z.boolean(),
});
export type OnboardingBody = z.infer<typeof OnboardingBody>;

/** Pragmatic email check (HTML's own rule for `<input type=email>`). */
export const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** The space's slug from the ENT login: lower case, ASCII letters, digits and dashes. */
export function slugFromUsername(username: string): string {
  const slug = username
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return slug === '' ? 'espace' : slug;
}
