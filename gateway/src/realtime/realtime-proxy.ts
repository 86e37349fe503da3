import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { decodeJwt } from 'jose';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { MAX_NOTE_UPDATE_BYTES, Problem, REALTIME_PROTOCOL } from '@mytoutatice/contract';
import { HttpError, notFound, refuseUpgrade, refuseUpgradeWith, requestIdFrom } from '@mytoutatice/server-kit';
import { resolveLinkCaller, type LinkAccessDeps } from '../links/link-access.ts';
import { resolveCaller, type Caller } from '../proxy/resolve-caller.ts';
import { resolveSharingCaller, type SharingAccessDeps } from '../sharing/sharing-access.ts';
import { pipeSockets } from './pipe-sockets.ts';
import { endPiped, type PipedSocket, type SharingSockets } from './sharing-sockets.ts';
import { offersRealtimeProtocol, upgradeToken } from './upgrade-token.ts';

/**
 * The sockets `/api` takes, each piped to the same path on the storage (less `/api`): the space's
 * changes, and a note's collaborative editing; each also through a sharing
 * (`/api/sharings/<id>/…`, to the owner's storage with the sharing's token), and a note through a
 * public link (`/api/links/<code>/notes/<id>/collab`, with the link's `visitor` token).
 */
const SOCKET_ROUTE = /^\/api(?:\/sharings\/([^/]+)|\/links\/([^/]+))?(\/realtime|\/notes\/[^/]+\/collab)$/;

export type RealtimeProxyDeps = SharingAccessDeps & LinkAccessDeps & {
  /** Where sockets opened through a sharing are kept, for closing when access changes. */
  sharingSockets: SharingSockets;
  log: Logger;
  /** How long the storage backend has to accept the upstream socket. */
  handshakeTimeoutMs: number;
  heartbeatMs?: number;
  /**
   * A link's visitor socket is closed with 4001 this often and comes back checked again: a link
   * disabled, expired or given a new password holds for live readers too, within this delay, with
   * no state shared between gateways.
   */
  linkRecheckMs: number;
};

export type RealtimeProxy = {
  /** For `server.on('upgrade')`. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every proxied socket (the gateway is stopping). */
  close(): void;
};

/** Realtime client messages are a subscription or a seq; the backend's batches may be much larger. */
const MAX_CLIENT_MESSAGE_BYTES = 4096;
/** A note's editor sends Yjs updates (a paste of text at most), framed by the Hocuspocus protocol. */
const MAX_NOTE_CLIENT_MESSAGE_BYTES = MAX_NOTE_UPDATE_BYTES + 1024;
/** Realtime batches; a note's whole state when an editor first syncs (a long note with its history). */
const MAX_UPSTREAM_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * `GET /api/realtime` upgraded to a WebSocket, piped to `GET /realtime` on the caller's storage
 * backend. The ENT token is checked like `/api/*` (see upgradeToken for where it travels); the
 * upstream socket is opened first, with a fresh internal token, so any refusal is an HTTP answer
 * on the upgrade (401, 403, 404, 502, 504) and no socket is kept.
 *
 * `GET /api/notes/<id>/collab` (a note's Hocuspocus socket) likewise, to the storage's
 * `/notes/<id>/collab`; the storage's word on the note (404, 409, 415) is passed on as it is.
 *
 * `GET /api/sharings/<id>/realtime` (and `…/notes/<id>/collab`) likewise, checked like every call through a sharing and
 * piped to the owner's backend with the `sharing` token, which follows the shared item only; the
 * socket is kept in `sharingSockets`, so that ending the caller's access closes it (4403).
 *
 * The internal token lives a minute: the backend then closes with 4001, relayed as is, and the
 * client reconnects (re-checked here, fresh internal token) and resumes from its last seq. The
 * client socket is also closed with 4001 when the ENT token itself expires.
 */
export function createRealtimeProxy(deps: RealtimeProxyDeps): RealtimeProxy {
  const serverFor = (maxPayload: number) =>
    new WebSocketServer({
      noServer: true,
      maxPayload,
      perMessageDeflate: false,
      handleProtocols: (protocols) => (protocols.has(REALTIME_PROTOCOL) ? REALTIME_PROTOCOL : false),
    });
  const realtimeWss = serverFor(MAX_CLIENT_MESSAGE_BYTES);
  const notesWss = serverFor(MAX_NOTE_CLIENT_MESSAGE_BYTES);
  const upstreams = new Set<WebSocket>();

  /** Through a sharing: which one, who opened it and in what role, to find the socket again. */
  type Through = { sharingId: string; sub: string; role: string };
  type SocketRoute = { upstreamPath: string; sharingId: string | undefined; linkCode: string | undefined };
  type Upstream = {
    route: SocketRoute;
    upstream: WebSocket;
    expiresAt: number;
    early: [RawData, boolean][];
    hold: (data: RawData, isBinary: boolean) => void;
    through?: Through;
  };

  /** The route asked for: its path on the storage, and the sharing it goes through, if any; 404 for any other path. */
  function routeOf(req: IncomingMessage): SocketRoute {
    const match = SOCKET_ROUTE.exec(new URL(req.url ?? '/', 'http://gateway').pathname);
    const upstreamPath = match?.[3];
    // A link opens its item's notes, not the owner's feed of changes.
    if (!upstreamPath || (match[2] !== undefined && upstreamPath === '/realtime')) throw notFound('Aucune route ne correspond à cette adresse.');
    return { upstreamPath, sharingId: match[1], linkCode: match[2] };
  }

  /** Who opens the socket, and until when (ms since the epoch) it stays open before being checked again. */
  async function callerOf(req: IncomingMessage, token: string | undefined, { sharingId, linkCode }: SocketRoute): Promise<Caller & { through?: Through; expiresAt: number }> {
    if (!offersRealtimeProtocol(req)) throw new HttpError(400, 'bad_request', `Le sous-protocole ${REALTIME_PROTOCOL} est requis.`);
    if (linkCode !== undefined) {
      const caller = await resolveLinkCaller(deps, token, linkCode);
      return { ...caller, expiresAt: Math.min(Date.now() + deps.linkRecheckMs, expiryOf(token)) };
    }
    if (sharingId === undefined) return { ...(await resolveCaller(deps, token)), expiresAt: expiryOf(token) };
    const { sub, role, ...caller } = await resolveSharingCaller(deps, token, sharingId);
    return { ...caller, through: { sharingId, sub, role }, expiresAt: expiryOf(token) };
  }

  async function openUpstream(req: IncomingMessage, requestId: string): Promise<Upstream> {
    const route = routeOf(req);
    const token = upgradeToken(req);
    const { space, internalToken, through, expiresAt } = await callerOf(req, token, route);
    const url = `${space.backendUrl.replace(/^http/, 'ws')}${route.upstreamPath}`;
    const upstream = new WebSocket(url, [REALTIME_PROTOCOL], {
      headers: { authorization: `Bearer ${internalToken}`, 'x-request-id': requestId },
      handshakeTimeout: deps.handshakeTimeoutMs,
      maxPayload: MAX_UPSTREAM_MESSAGE_BYTES,
      perMessageDeflate: false,
    });
    upstream.on('error', () => upstream.terminate());
    // What the backend sends before the client's side is ready: its first message may come in
    // the same packet as its 101, before any promise continuation runs.
    const early: [RawData, boolean][] = [];
    const hold = (data: RawData, isBinary: boolean) => early.push([data, isBinary]);
    upstream.on('message', hold);
    await new Promise<void>((resolve, reject) => {
      upstream.once('open', () => resolve());
      upstream.once('unexpected-response', (_request, response) => {
        // Through a sharing, a 404 is the shared item in the owner's trash, or gone: as for any call through it.
        const refusal = through && response.statusCode === 404 ? Promise.resolve(notFound('Cet élément partagé n’est plus disponible.')) : itemRefusal(response);
        // Ended once the refusal is read: ending it first would reject with its own error.
        void refusal.catch((error: unknown) => error).then((error) => {
          response.resume();
          reject(error);
          upstream.terminate();
        });
      });
      upstream.once('error', reject);
    });
    return { route, upstream, expiresAt, early, hold, ...(through ? { through } : {}) };
  }

  /**
   * Keeps a socket opened through a sharing. The membership was checked before the storage socket
   * opened: if it changed meanwhile, the hook that closes sockets ran before this one was kept,
   * so it is read again once kept.
   */
  function keep({ sharingId, sub, role }: Through, piped: PipedSocket): void {
    deps.sharingSockets.add(sharingId, sub, piped);
    deps.sharings.access(sharingId, sub).then(
      (access) => {
        if (access?.role !== role) endPiped(piped);
      },
      (error: unknown) => {
        deps.log.warn({ err: error, sharingId }, 'sharing access not read again: socket closed');
        endPiped(piped);
      },
    );
  }

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    socket.on('error', () => socket.destroy());
    openUpstream(req, requestId).then(
      ({ route, upstream, expiresAt, early, hold, through }) => {
        let piped = false;
        const abandon = () => {
          if (!piped) upstream.close(1001, 'client gone');
        };
        if (socket.destroyed) return abandon();
        socket.once('close', abandon);
        upstreams.add(upstream);
        upstream.once('close', () => upstreams.delete(upstream));
        const wss = route.upstreamPath === '/realtime' ? realtimeWss : notesWss;
        wss.handleUpgrade(req, socket, head, (client) => {
          piped = true;
          upstream.off('message', hold);
          pipeSockets(client, upstream, { early, expiresAt, heartbeatMs: deps.heartbeatMs });
          if (through) keep(through, { client, upstream });
        });
      },
      (error: unknown) => {
        if (error instanceof HttpError) {
          refuseUpgradeWith(socket, error, requestId);
          return;
        }
        const timedOut = error instanceof Error && /timed out/i.test(error.message);
        deps.log.warn({ err: error, requestId }, 'realtime upstream unavailable');
        refuseUpgrade(socket, timedOut ? 504 : 502, timedOut ? 'upstream_timeout' : 'upstream_unavailable', requestId);
      },
    );
  }

  return {
    upgrade,
    close() {
      for (const wss of [realtimeWss, notesWss]) {
        for (const client of wss.clients) client.terminate();
        wss.close();
      }
      for (const upstream of upstreams) upstream.terminate();
    },
  };
}

/**
 * When a token checked by the caller's resolution expires (ms since the epoch); no limit for a
 * token that is none (a link without a password needs none, whatever the page sends).
 */
function expiryOf(token: string | undefined): number {
  try {
    return (decodeJwt(token ?? '').exp ?? Infinity) * 1000;
  } catch {
    return Infinity;
  }
}

/** What the storage says of the item itself (a note that is not there, in the trash, not Markdown) goes to the caller as it is. */
const ITEM_STATUSES = new Set([404, 409, 415]);

/** The storage's refusal of the upgrade: its own problem for the item's statuses, else the gateway's failure (502). */
async function itemRefusal(response: IncomingMessage): Promise<Error> {
  const status = response.statusCode ?? 0;
  if (!ITEM_STATUSES.has(status)) {
    response.resume();
    return new UpstreamRefusal(status);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const problem = Problem.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
  return problem.success ? new HttpError(status, problem.data.code, problem.data.detail ?? problem.data.title) : new UpstreamRefusal(status);
}

class UpstreamRefusal extends Error {
  constructor(status: number) {
    super(`the storage backend refused the realtime socket: ${status}`);
    this.name = 'UpstreamRefusal';
  }
}
