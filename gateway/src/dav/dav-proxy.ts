import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from '@mytoutatice/server-kit';
import type { InternalTokenMinter } from '../auth/internal-token.ts';
import type { Directory, DirectoryEntry } from '../directory/directory.ts';
import { backendUrls, type StorageCalls } from '../proxy/storage-calls.ts';
import type { AppPasswordCheck } from './app-password-check.ts';
import type { AttemptThrottle } from '../auth/attempt-throttle.ts';
import { basicCredentials } from './basic-credentials.ts';

export const DAV_FILES_PREFIX = '/dav/files';

export type DavProxyDeps = {
  directory: Directory;
  passwords: AppPasswordCheck;
  throttle: AttemptThrottle;
  mint: InternalTokenMinter;
  calls: StorageCalls;
};

const CHALLENGE = { 'WWW-Authenticate': 'Basic realm="MyToutatice", charset="UTF-8"' };

function unauthorized(detail: string): HttpError {
  return new HttpError(401, 'unauthenticated', detail, { headers: CHALLENGE });
}

/**
 * The space a Basic-authenticated DAV client may reach: user name = the space's address slug,
 * password = one of its device app passwords. Wrong passwords are throttled (429 + Retry-After)
 * per account and per (account, client address); a throttled attempt is refused unchecked.
 */
async function authenticate(deps: DavProxyDeps, req: IncomingMessage): Promise<DirectoryEntry> {
  const credentials = basicCredentials(req.headers.authorization);
  if (!credentials) throw unauthorized('Identifiez-vous avec l’adresse de votre espace et un mot de passe d’application.');
  const account = credentials.user.trim().toLowerCase();
  const client = req.socket.remoteAddress ?? '';
  const waitS = deps.throttle.waitS(account, client);
  if (waitS > 0) {
    throw new HttpError(429, 'too_many_attempts', `Trop d’essais : réessayez dans ${waitS} s.`, { headers: { 'Retry-After': String(waitS) } });
  }
  const space = await deps.directory.findBySlug(account);
  // An unknown account fails like a wrong password, so names cannot be told from guesses.
  if (!space || !(await deps.passwords.verify(space, credentials.password))) {
    deps.throttle.failed(account, client);
    throw unauthorized('Adresse d’espace ou mot de passe d’application incorrect.');
  }
  deps.throttle.succeeded(account, client);
  return space;
}

/**
 * `/dav/files/*` → the space's storage backend, same path, with a `device` internal token in
 * place of the Basic credentials. Streams both ways like `/api` (no body parser runs first).
 */
export function davProxy(deps: DavProxyDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const backendUrl = backendUrls();
  // A refused client's body is not read: one streaming a PUT must not keep the connection for nothing.
  return (req, res) =>
    deps.calls(
      req,
      res,
      async () => {
        const space = await authenticate(deps, req);
        return { backend: backendUrl(space.backendUrl), path: req.url ?? DAV_FILES_PREFIX, token: await deps.mint('device', space.instanceId) };
      },
      () => res.setHeader('connection', 'close'),
    );
}
