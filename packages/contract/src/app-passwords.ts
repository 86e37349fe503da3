import * as z from 'zod/mini';

/** The longest label, in characters (code points), once trimmed. */
export const MAX_APP_PASSWORD_LABEL = 100;

/** What a device's app password is called by its owner (« Ordinateur du CDI »), trimmed. */
export const AppPasswordLabel = z.pipe(
  z.string().check(z.trim()),
  z.string().check(
    z.refine((label) => label.length > 0, 'the label must not be empty'),
    z.refine((label) => [...label].length <= MAX_APP_PASSWORD_LABEL, `the label holds at most ${MAX_APP_PASSWORD_LABEL} characters`),
    // PostgreSQL text cannot hold NUL nor a lone surrogate, and a line break would garble the lists.
    z.refine((label) => !/[\p{Cc}\p{Cs}]/u.test(label), 'the label must not hold control characters or lone surrogates'),
  ),
);

export const CreateAppPasswordBody = z.object({ label: AppPasswordLabel });
export type CreateAppPasswordBody = z.infer<typeof CreateAppPasswordBody>;

/** A device app password as listed: never the password, which is only kept hashed. */
export const AppPassword = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  /** When a DAV client last signed in with it (to the minute); null if never. */
  lastUsedAt: z.nullable(z.string()),
});
export type AppPassword = z.infer<typeof AppPassword>;

export const AppPasswordList = z.object({ items: z.array(AppPassword) });
export type AppPasswordList = z.infer<typeof AppPasswordList>;

/** The answer to a creation: the only time the password itself is ever sent. */
export const CreatedAppPassword = z.extend(AppPassword, { password: z.string() });
export type CreatedAppPassword = z.infer<typeof CreatedAppPassword>;
