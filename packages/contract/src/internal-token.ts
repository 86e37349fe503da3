import * as z from 'zod/mini';

/**
 * The short-lived token the gateway signs (HS256, shared secret) for each call to a storage
 * backend. The storage backend accepts nothing else.
 *  - `owner`: the person themself, on their instance (`sub` = instance id).
 *  - `admin`: the gateway's own calls (create an instance); no instance.
 *  - `link`: a capability URL (download link); the link's own token names the instance.
 */
export type InternalScope = 'owner' | 'admin' | 'link';

export const INTERNAL_TOKEN_AUDIENCE = 'mytoutatice-storage';

export const internalTokenClaims = z.object({
  iss: z.literal('mytoutatice-gateway'),
  aud: z.literal(INTERNAL_TOKEN_AUDIENCE),
  scope: z.enum(['owner', 'admin', 'link']),
  sub: z.optional(z.string()),
  exp: z.number(),
});
