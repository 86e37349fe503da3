import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Connection, type Document } from '@hocuspocus/server';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { MAX_NOTE_UPDATE_BYTES, NOTE_CLOSE, NOTE_STATE_CHECK, REALTIME_PROTOCOL } from '@mytoutatice/contract';
import { HttpError, notFound, refuseUpgradeWith, requestIdFrom } from '@mytoutatice/server-kit';
import { verifyAuthorization, type InternalTokenVerifier } from '../auth/internal-token.ts';
import type { ChangeNotifier } from '../changes/notifier.ts';
import { findFile } from '../files/file-rows.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { noteAccess, type NoteAccess } from './note-access.ts';
import { LoadedNote } from './note-engine.ts';

export interface NoteCollabOptions {
  verifier: InternalTokenVerifier;
  instances: InstanceRecords;
  databases: InstanceDatabases;
  notifier: ChangeNotifier;
  maxFileBytes: number;
  logger: Logger;
  /** How long after the last change the Markdown file is written (at the latest `maxSaveDelayMs` after the first). */
  saveDelayMs?: number;
  maxSaveDelayMs?: number;
  /** Sockets one instance (or one member of a sharing) may hold on notes. */
  maxConnectionsPerGroup?: number;
}

const COLLAB_PATH = /^\/notes\/([^/]+)\/collab$/;
/** A sync message's frame around its update: a few bytes of document name and type. */
const FRAME_BYTES = 1024;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const DEFAULT_MAX_PER_GROUP = 64;
const CLOSE_GRACE_MS = 500;

/** What each connection carries: who it is, and its socket, for closing it with a code of ours. */
type NoteContext = NoteAccess & { socket: WebSocket };

/** A refusal: Hocuspocus ends the document's connection on the error, our socket closes with its code. */
class NoteRefusal extends Error {
  readonly code: number;
  readonly reason: string;
  constructor(code: number, reason: string) {
    super(reason);
    this.code = code;
    this.reason = reason;
  }
}
const closeWith = (code: number, reason: string) => new NoteRefusal(code, reason);

/**
 * Refuses what Yjs cannot read before it is logged: applied to an empty document, an update only
 * decodes (what it depends on is missing), so this costs its own size, not the note's.
 */
function checkUpdate(update: Uint8Array): void {
  if (update.byteLength > MAX_NOTE_UPDATE_BYTES) throw closeWith(NOTE_CLOSE.updateTooLarge, 'update too large');
  try {
    Y.applyUpdate(new Y.Doc(), update);
  } catch {
    throw closeWith(NOTE_CLOSE.malformedUpdate, 'malformed update');
  }
}

/** An update that changes nothing (a sync step 2 from a client with nothing new): `[0, 0]`. */
const isEmptyUpdate = (update: Uint8Array) => update.byteLength <= 2 && update.every((byte) => byte === 0);

/**
 * `GET /notes/:id/collab` upgraded to a WebSocket speaking the Hocuspocus protocol, for
 * `server.on('upgrade')`. Authorized like the realtime socket (internal token, then
 * `noteAccess`), so every refusal is an HTTP answer on the upgrade. A read-only caller's updates
 * are refused by Hocuspocus (`readOnly`), not only hidden in its editor.
 *
 * Durability: an update is appended to the note's log before Hocuspocus applies and acknowledges
 * it (`beforeSync` is awaited), so whatever a client was told is saved survives kill -9; the
 * client resends the rest when it reconnects. Compaction runs on Hocuspocus's store debounce,
 * which never unloads a document while a store is pending or running.
 */
export class NoteCollabServer {
  readonly #options: NoteCollabOptions;
  readonly #hocuspocus: Hocuspocus<NoteContext>;
  readonly #notes = new Map<string, LoadedNote>();
  readonly #stopListening = new Map<string, () => void>();
  /** The log id of the update each connection is applying now. */
  readonly #applying = new WeakMap<Connection<NoteContext>, number>();
  /** Connections that answered the server's first sync: another answer from them that brings news means they were out of step. */
  readonly #synced = new WeakSet<Connection<NoteContext>>();
  readonly #groups = new Map<string, Set<WebSocket>>();
  /** Open sockets by note, to close when the note goes to the trash. */
  readonly #byNote = new Map<string, Set<WebSocket>>();
  readonly #wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_NOTE_UPDATE_BYTES + FRAME_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(REALTIME_PROTOCOL) ? REALTIME_PROTOCOL : false),
  });

  constructor(options: NoteCollabOptions) {
    this.#options = options;
    this.#hocuspocus = new Hocuspocus<NoteContext>({
      name: 'notes',
      quiet: true,
      debounce: options.saveDelayMs ?? 1000,
      maxDebounce: options.maxSaveDelayMs ?? 5000,
      onConnect: async ({ documentName, context, connectionConfig }) => {
        if (documentName !== context.fileId) throw closeWith(NOTE_CLOSE.gone, 'another note than the socket’s');
        connectionConfig.readOnly = context.readOnly;
      },
      onLoadDocument: async ({ document, documentName, context }) => {
        const note = new LoadedNote(this.#engineDeps(), context.instanceId, documentName);
        await note.load(document);
        this.#notes.set(documentName, note);
        this.#stopListening.set(documentName, options.notifier.listen(context.instanceId, () => this.#followFile(note, document)));
      },
      beforeSync: async ({ type, payload, connection, context, document, documentName }) => {
        if (type === SYNC_STEP_1 || context.readOnly) return;
        try {
          checkUpdate(payload);
        } catch (error) {
          if (error instanceof NoteRefusal) context.socket.close(error.code, error.reason);
          throw error;
        }
        const checked = this.#synced.has(connection);
        if (type === SYNC_STEP_2) this.#synced.add(connection);
        if (isEmptyUpdate(payload)) return;
        const note = this.#notes.get(documentName);
        if (!note) throw closeWith(NOTE_CLOSE.gone, 'note not loaded');
        if (type === SYNC_STEP_2 && checked && !Y.snapshotContainsUpdate(Y.snapshot(document), payload)) {
          // The periodic check (editors send their state vector) found changes that never arrived as updates.
          options.logger.warn({ fileId: documentName, instanceId: context.instanceId }, 'note editor out of step: resynchronised');
        }
        // Kept past the await: a copy, not a view into the message's bytes.
        this.#applying.set(connection, await note.log(payload.slice()));
      },
      afterHandleMessage: async ({ connection, documentName }) => {
        const id = this.#applying.get(connection);
        if (id === undefined) return;
        this.#applying.delete(connection);
        this.#notes.get(documentName)?.applied(id);
      },
      // Answered in the connection's order: the vector holds every update the editor sent before asking.
      onStateless: async ({ connection, document, payload }) => {
        if (payload !== NOTE_STATE_CHECK) return;
        connection.sendStateless(JSON.stringify({ stateVector: Buffer.from(Y.encodeStateVector(document)).toString('base64') }));
      },
      onStoreDocument: async ({ document, documentName }) => {
        await this.#notes.get(documentName)?.save(document);
      },
      afterUnloadDocument: async ({ documentName }) => {
        this.#notes.delete(documentName);
        this.#stopListening.get(documentName)?.();
        this.#stopListening.delete(documentName);
      },
    });
  }

  #engineDeps() {
    const { instances, databases, maxFileBytes, logger, notifier } = this.#options;
    return { instances, databases, maxFileBytes, logger, onFileWritten: (instanceId: string) => notifier.poke(instanceId) };
  }

  /** After any write on the instance: the note's file trashed or destroyed closes its sockets; overwritten, it takes that content. */
  #followFile(note: LoadedNote, document: Document): void {
    const work = async () => {
      const file = await findFile(this.#options.databases.db(note.instanceId), note.fileId);
      if (!file || file.trashedAt !== null) {
        for (const ws of this.#byNote.get(note.fileId) ?? []) ws.close(NOTE_CLOSE.gone, 'note gone');
        return;
      }
      await note.followFile(document);
    };
    work().catch((error: unknown) => this.#options.logger.error({ err: error, fileId: note.fileId }, 'note could not follow its file'));
  }

  readonly upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    socket.on('error', () => socket.destroy());
    this.#authorize(req).then(
      (access) => {
        if (socket.destroyed) return;
        this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, req, access));
      },
      (error: unknown) => {
        if (!(error instanceof HttpError)) this.#options.logger.error({ err: error, requestId }, 'note upgrade failed');
        refuseUpgradeWith(socket, error, requestId);
      },
    );
  };

  /** Whether this server answers the upgrade's path. */
  static handles(req: IncomingMessage): boolean {
    return COLLAB_PATH.test(new URL(req.url ?? '/', 'http://storage').pathname);
  }

  async #authorize(req: IncomingMessage): Promise<NoteAccess> {
    const match = COLLAB_PATH.exec(new URL(req.url ?? '/', 'http://storage').pathname);
    if (!match?.[1]) throw notFound('Aucune route ne correspond à cette adresse.');
    const claims = await verifyAuthorization(this.#options.verifier, req.headers.authorization);
    return noteAccess(this.#options, claims, decodeURIComponent(match[1]));
  }

  #accept(ws: WebSocket, req: IncomingMessage, access: NoteAccess): void {
    let group = this.#groups.get(access.group);
    if (!group) this.#groups.set(access.group, (group = new Set()));
    if (group.size >= (this.#options.maxConnectionsPerGroup ?? DEFAULT_MAX_PER_GROUP)) {
      ws.close(1013, 'too many connections');
      return;
    }
    group.add(ws);
    let sameNote = this.#byNote.get(access.fileId);
    if (!sameNote) this.#byNote.set(access.fileId, (sameNote = new Set()));
    sameNote.add(ws);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const connection = this.#hocuspocus.handleConnection(ws, new Request(`http://storage${req.url ?? '/'}`, { headers }), { ...access, socket: ws });
    ws.on('message', (data: RawData) => connection.handleMessage(toBytes(data)));
    ws.on('error', () => ws.terminate());
    ws.once('close', (code, reason) => {
      connection.handleClose({ code, reason: reason.toString() });
      group.delete(ws);
      if (group.size === 0 && this.#groups.get(access.group) === group) this.#groups.delete(access.group);
      sameNote.delete(ws);
      if (sameNote.size === 0 && this.#byNote.get(access.fileId) === sameNote) this.#byNote.delete(access.fileId);
    });
  }

  /** Closes every socket (1001, going away) and cuts those still open a moment later: the server is stopping. */
  closeSockets(): void {
    const open = [...this.#wss.clients];
    for (const ws of open) ws.close(1001, 'server stopping');
    setTimeout(() => open.forEach((ws) => ws.terminate()), CLOSE_GRACE_MS).unref();
    this.#wss.close();
  }

  /** Writes every note held (after `closeSockets`): what was acknowledged is already in the log, this compacts it. */
  async close(): Promise<void> {
    await Promise.all([...this.#notes.values()].map((note) => note.settled()));
    await Promise.all([...this.#hocuspocus.documents.values()].map((document) => this.#notes.get(document.name)?.save(document)));
    for (const stop of this.#stopListening.values()) stop();
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
