import * as z from 'zod/mini';
import { AppSlug } from './apps.ts';
import { Grant } from './grants.ts';

export const INTERNAL_TOKEN_AUDIENCE = 'mytoutatice-storage';

const common = {
  iss: z.literal('mytoutatice-gateway'),
  aud: z.literal(INTERNAL_TOKEN_AUDIENCE),
  exp: z.number(),
};
/** The instance the token acts on. */
const sub = z.string();
const grants = z.array(Grant);

/**
 * The short-lived token the gateway signs (HS256, shared secret) for each call to a storage
 * backend. The storage backend accepts nothing else.
 *  - `owner`: the person themself, on their instance (`sub`): everything but admin routes.
 *  - `admin`: the gateway's own calls (create an instance); no instance.
 *  - `link`: a capability URL (download link); the link's own token, in the path, names the
 *    instance and the file, so this one carries nothing more.
 *  - `app`: an app acting on the person's instance, with its manifest's `grants`.
 *  - `sharing`: a recipient reaching what the owner (`sub`) shared (`sharing`, the sharing id);
 *    `member`, the recipient's slug, makes what they create `sharing:<sharing>:<member>`.
 *  - `device`: a device's app password (WebDAV, CardDAV): `DEVICE_GRANTS`.
 *  - `visitor`: anyone holding a public link (`link`, the link's id, never its code) to what
 *    the owner (`sub`) opened with it; photos lose their GPS position unless `keepGps`.
 */
export const internalTokenClaims = z.discriminatedUnion('scope', [
  z.object({ ...common, scope: z.literal('owner'), sub }),
  z.object({ ...common, scope: z.literal('admin') }),
  z.object({ ...common, scope: z.literal('link') }),
  z.object({ ...common, scope: z.literal('app'), sub, app: AppSlug, grants }),
  z.object({ ...common, scope: z.literal('sharing'), sub, sharing: z.string().check(z.minLength(1)), member: z.optional(z.string()), grants }),
  z.object({ ...common, scope: z.literal('device'), sub }),
  z.object({ ...common, scope: z.literal('visitor'), sub, link: z.string().check(z.minLength(1)), keepGps: z.optional(z.boolean()), grants }),
]);
export type InternalTokenClaims = z.infer<typeof internalTokenClaims>;
export type InternalScope = InternalTokenClaims['scope'];
