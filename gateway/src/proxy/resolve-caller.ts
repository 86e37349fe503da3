import type { SessionUser } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import type { InternalTokenMinter } from '../auth/internal-token.ts';
import type { TokenVerifier } from '../auth/verify-token.ts';
import type { Directory, DirectoryEntry } from '../directory/directory.ts';

export type CallerDeps = { verify: TokenVerifier; directory: Directory; mint: InternalTokenMinter };

/** Who is calling, where their space lives, and the internal token to reach it with. */
export type Caller = { user: SessionUser; space: DirectoryEntry; internalToken: string };

/**
 * From an ENT access token to the caller's space: 401 without a valid token, 403 `no_space`
 * before onboarding. What `/api/*` and the realtime WebSocket both check.
 */
export async function resolveCaller(deps: CallerDeps, token: string | undefined): Promise<Caller> {
  if (!token) {
    throw new HttpError(401, 'unauthenticated', 'Un jeton d’accès (Bearer) est requis.', { headers: { 'www-authenticate': 'Bearer' } });
  }
  const user = await deps.verify(token);
  const space = deps.directory.find(user.sub);
  if (!space) throw new HttpError(403, 'no_space', 'Créez d’abord votre espace MyToutatice.');
  return { user, space, internalToken: await deps.mint('owner', space.instanceId) };
}
