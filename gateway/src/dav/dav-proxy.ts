import { Agent } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { HttpError, requestIdFrom, sendProblem } from '@mytoutatice/server-kit';
import type { InternalTokenMinter } from '../auth/internal-token.ts';
import type { Directory, DirectoryEntry } from '../directory/directory.ts';
import { offloadOptions, type BlobOffload } from '../proxy/blob-offload.ts';
import { forward } from '../proxy/forward.ts';
import type { AppPasswordCheck } from './app-password-check.ts';
import type { AttemptThrottle } from './attempt-throttle.ts';
import { basicCredentials } from './basic-credentials.ts';

export const DAV_FILES_PREFIX = '/dav/files';

export type DavProxyDeps = {
  directory: Directory;
  passwords: AppPasswordCheck;
  throttle: AttemptThrottle;
  mint: InternalTokenMinter;
  /** Set when the storage runs on this machine: downloads are then read from disk here. */
  offload?: BlobOffload;
  timeoutMs: number;
  log: Logger;
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
  const space = deps.directory.findBySlug(account);
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
  const agent = new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: 'lifo' });
  return (req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    authenticate(deps, req)
      .then(async (space) => {
        const token = await deps.mint('device', space.instanceId);
        const { header: offloadHeader, takeOver } = offloadOptions(deps.offload, res, deps.log, requestId);
        forward(req, res, {
          agent,
          target: new URL(space.backendUrl),
          path: req.url ?? DAV_FILES_PREFIX,
          headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId, ...offloadHeader },
          takeOver,
          timeoutMs: deps.timeoutMs,
          onError: (kind) =>
            kind === 'timeout' ? sendProblem(res, 504, 'upstream_timeout', requestId) : sendProblem(res, 502, 'upstream_unavailable', requestId),
        });
      })
      .catch((error: unknown) => {
        // The body is not read: a client streaming a PUT must not keep the connection for nothing.
        res.setHeader('connection', 'close');
        if (error instanceof HttpError) {
          sendProblem(res, error.status, error.code, requestId, error);
          return;
        }
        deps.log.error({ err: error, requestId }, 'dav routing failed');
        sendProblem(res, 500, 'internal', requestId);
      });
  };
}
