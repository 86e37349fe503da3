import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { REALTIME_PROTOCOL } from '@mytoutatice/contract';
import { HttpError, notFound, refuseUpgradeWith, requestIdFrom } from '@mytoutatice/server-kit';
import { verifyAuthorization, type InternalTokenVerifier } from '../auth/internal-token.ts';
import { subtreeGrantOf } from '../auth/subtree-grant.ts';
import { fileNotFound } from '../files/file-rows.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceById, ownerInstanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { currentSeq, readChanges, readVisibleChanges } from './feed.ts';
import type { ChangeNotifier } from './notifier.ts';
import { RealtimeConnection, type FeedReader } from './realtime-connection.ts';
import { SubtreeView } from './subtree-view.ts';

export interface RealtimeServerOptions {
  verifier: InternalTokenVerifier;
  instances: InstanceRecords;
  databases: InstanceDatabases;
  notifier: ChangeNotifier;
  logger: Logger;
  /**
   * Open sockets one instance may hold (tabs, devices); one more is closed with 1013. Each
   * member of a sharing has as many again on the owner's instance: a class must not lock the
   * owner (or one another) out.
   */
  maxConnectionsPerInstance?: number;
  heartbeatMs?: number;
}

const REALTIME_PATH = '/realtime';
const DEFAULT_MAX_PER_INSTANCE = 32;
const DEFAULT_HEARTBEAT_MS = 30_000;
/** Client messages are a subscription or a seq: a few hundred bytes at most. */
const MAX_CLIENT_MESSAGE_BYTES = 4096;
/** How long peers get to answer the closing handshake when the server stops. */
const CLOSE_GRACE_MS = 500;

/** One accepted socket's follower: whose sockets it counts among, and what of the feed it sees. */
type Follower = { instanceId: string; expiresAt: number; group: string; view?: SubtreeView };

/**
 * `GET /realtime` upgraded to a WebSocket, for `server.on('upgrade')`. The upgrade is authorized
 * like every route (internal token in `Authorization`, an instance that exists here): an owner
 * token follows the whole instance; a `sharing` token follows the shared item's subtree only
 * (SubtreeView), 404 while that item is in the trash or gone. A refusal is a problem+json answer
 * and the socket is closed.
 */
export class RealtimeServer {
  readonly #options: RealtimeServerOptions;
  readonly #maxPerInstance: number;
  readonly #heartbeatMs: number;
  readonly #sockets = new Map<string, Set<WebSocket>>();
  readonly #wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(REALTIME_PROTOCOL) ? REALTIME_PROTOCOL : false),
  });

  constructor(options: RealtimeServerOptions) {
    this.#options = options;
    this.#maxPerInstance = options.maxConnectionsPerInstance ?? DEFAULT_MAX_PER_INSTANCE;
    this.#heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  readonly upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    socket.on('error', () => socket.destroy());
    this.#authorize(req).then(
      (follower) => {
        if (socket.destroyed) return;
        this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, follower));
      },
      (error: unknown) => {
        if (!(error instanceof HttpError)) this.#options.logger.error({ err: error, requestId }, 'realtime upgrade failed');
        refuseUpgradeWith(socket, error, requestId);
      },
    );
  };

  /** Closes every socket (1001, going away) and cuts those still open a moment later: the server is stopping. */
  close(): void {
    const open = [...this.#wss.clients];
    for (const ws of open) ws.close(1001, 'server stopping');
    setTimeout(() => open.forEach((ws) => ws.terminate()), CLOSE_GRACE_MS).unref();
    this.#wss.close();
  }

  async #authorize(req: IncomingMessage): Promise<Follower> {
    if (new URL(req.url ?? '/', 'http://storage').pathname !== REALTIME_PATH) throw notFound('Aucune route ne correspond à cette adresse.');
    const { instances, databases } = this.#options;
    const claims = await verifyAuthorization(this.#options.verifier, req.headers.authorization);
    const expiresAt = claims.exp * 1000;
    if (claims.scope !== 'sharing') {
      const instance = await ownerInstanceOf(instances, claims);
      return { instanceId: instance.id, expiresAt, group: instance.id };
    }
    const grant = subtreeGrantOf(claims);
    const instance = await instanceById(instances, claims.sub);
    const view = await SubtreeView.open(databases.db(instance.id), grant);
    if (!view) throw fileNotFound();
    return { instanceId: instance.id, expiresAt, group: `${instance.id} ${claims.sharing} ${claims.member ?? ''}`, view };
  }

  #accept(ws: WebSocket, { instanceId, expiresAt, group, view }: Follower): void {
    let sockets = this.#sockets.get(group);
    if (!sockets) this.#sockets.set(group, (sockets = new Set()));
    if (sockets.size >= this.#maxPerInstance) {
      ws.close(1013, 'too many connections');
      return;
    }
    const { databases, notifier, logger } = this.#options;
    const onError = (error: unknown) => logger.error({ err: error, instanceId }, 'realtime feed failed');
    const db = databases.db(instanceId);
    const feed: FeedReader = {
      read: view ? (since, limit) => readVisibleChanges(db, since, limit, (batch) => view.select(batch)) : (since, limit) => readChanges(db, since, limit),
      current: () => currentSeq(db),
    };
    const connection = new RealtimeConnection(ws, {
      feed,
      expiresAt,
      heartbeatMs: this.#heartbeatMs,
      onError,
    });
    sockets.add(ws);
    const stopListening = notifier.listen(instanceId, () => connection.poke());
    ws.on('error', () => ws.terminate());
    ws.once('close', () => {
      stopListening();
      sockets.delete(ws);
      if (sockets.size === 0 && this.#sockets.get(group) === sockets) this.#sockets.delete(group);
    });
  }
}
