import { HttpError } from '@mytoutatice/server-kit';
import { isAppToken, type AppTokens } from '../auth/app-tokens.ts';
import type { InternalTokenMinter } from '../auth/internal-token.ts';
import type { TokenVerifier } from '../auth/verify-token.ts';
import type { Directory, DirectoryEntry } from '../directory/directory.ts';

export type CallerDeps = { verify: TokenVerifier; appTokens: AppTokens; directory: Directory; mint: InternalTokenMinter };

/** Where the caller's space lives, and the internal token to reach it with. */
export type Caller = { space: DirectoryEntry; internalToken: string };

/** 401 without a bearer token. */
export function requireBearer(token: string | undefined): asserts token is string {
  if (!token) {
    throw new HttpError(401, 'unauthenticated', 'Un jeton d’accès (Bearer) est requis.', { headers: { 'www-authenticate': 'Bearer' } });
  }
}

/** 403 for a person who has not created their space yet. */
export function noSpace(): HttpError {
  return new HttpError(403, 'no_space', 'Créez d’abord votre espace MyToutatice.');
}

/**
 * From an ENT access token (owner scope) or an app token (app scope, its manifest's grants) to
 * the caller's space: 401 without a valid token, 403 `no_space` before onboarding. What `/api/*`
 * and the realtime WebSocket both check.
 */
export async function resolveCaller(deps: CallerDeps, token: string | undefined): Promise<Caller> {
  requireBearer(token);
  const app = isAppToken(token) ? await deps.appTokens.verify(token) : undefined;
  const sub = app ? app.sub : (await deps.verify(token)).sub;
  const space = await deps.directory.find(sub);
  if (!space) throw noSpace();
  const internalToken = app
    ? await deps.mint('app', space.instanceId, { app: app.app, grants: app.grants })
    : await deps.mint('owner', space.instanceId);
  return { space, internalToken };
}
