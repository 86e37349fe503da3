import type { RawData, WebSocket } from 'ws';
import { RealtimeClientMessage, realtimeCloseCodes, type ChangeBatch, type RealtimeServerMessage } from '@mytoutatice/contract';
import { Subscriptions } from './subscriptions.ts';

/** The instance's feed, as the connection's token may see it. */
export interface FeedReader {
  read(since: number, limit: number): Promise<ChangeBatch>;
  current(): Promise<number>;
}

export interface ConnectionOptions {
  feed: FeedReader;
  /** When the token the connection was opened with expires (ms since the epoch). */
  expiresAt: number;
  heartbeatMs: number;
  onError(error: unknown): void;
}

const PAGE_SIZE = 500;
/** Above this much unsent data the connection stops reading the feed until the client catches up. */
const HIGH_WATER_BYTES = 1 << 20;
const RETRY_MS = 100;
/** setTimeout's largest delay. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * One realtime WebSocket: follows the instance's feed from a cursor and pushes the changes its
 * subscriptions match, in seq order, at most PAGE_SIZE per message.
 *
 * - On connection it sends `{changes: [], last: <current seq>}`: where live following starts.
 * - `{since}` rewinds the cursor there and replays; once caught up it sends its position even when
 *   nothing matched, so that a client resuming later does not replay the same span again. The
 *   position is also sent with each heartbeat when it moved, and before closing for expiry.
 */
export class RealtimeConnection {
  readonly #ws: WebSocket;
  readonly #options: ConnectionOptions;
  readonly #subscriptions = new Subscriptions();
  #cursor = 0;
  #lastSent = -1;
  #positionDue = false;
  #scheduled = false;
  /** A read of the feed is in flight; a poke meanwhile sets #again. */
  #pumping = false;
  #again = false;
  /** Bumped by each rewind (`{since}`), so a read begun before it is not taken as the new position's. */
  #generation = 0;
  /** Settles once the starting position is known and announced; messages wait for it. */
  readonly #started: Promise<void>;
  #alive = true;
  readonly #heartbeat: NodeJS.Timeout;
  readonly #expiry: NodeJS.Timeout;
  #retry: NodeJS.Timeout | undefined;

  constructor(ws: WebSocket, options: ConnectionOptions) {
    this.#ws = ws;
    this.#options = options;
    this.#started = options.feed.current().then(
      (seq) => {
        this.#cursor = seq;
        this.#send({ changes: [], last: seq });
      },
      (error: unknown) => this.#fail(error),
    );
    ws.on('message', (data, isBinary) => void this.#started.then(() => this.#receive(data, isBinary)));
    ws.on('pong', () => {
      this.#alive = true;
    });
    ws.once('close', () => this.#stop());
    this.#heartbeat = setInterval(() => this.#beat(), options.heartbeatMs);
    this.#expiry = setTimeout(() => this.close(realtimeCloseCodes.tokenExpired, 'token expired'), Math.min(MAX_DELAY_MS, Math.max(0, options.expiresAt - Date.now())));
  }

  /** The instance was written to: read the feed soon (several pokes in one tick read it once). */
  poke(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#started.then(() => this.#pump());
    });
  }

  close(code: number, reason: string): void {
    if (this.#ws.readyState !== this.#ws.OPEN) return;
    if (this.#lastSent < this.#cursor) this.#send({ changes: [], last: this.#cursor });
    this.#ws.close(code, reason);
  }

  #fail(error: unknown): void {
    this.#options.onError(error);
    this.#ws.close(1011, 'feed unavailable');
  }

  async #receive(data: RawData, isBinary: boolean): Promise<void> {
    let json: unknown;
    try {
      json = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      json = undefined;
    }
    const parsed = RealtimeClientMessage.safeParse(json);
    if (!parsed.success) {
      this.#send({ error: 'Message inconnu : attendu {"subscribe": {…}} ou {"since": n}.' });
      return;
    }
    const message = parsed.data;
    if ('subscribe' in message) {
      if (!this.#subscriptions.add(message.subscribe)) this.#send({ error: 'Trop d’abonnements sur cette connexion.' });
      return;
    }
    const generation = ++this.#generation;
    let current: number;
    try {
      current = await this.#options.feed.current();
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (generation !== this.#generation) return;
    // A seq from the future (a space restored from an older export) would hide every new write.
    this.#cursor = Math.min(message.since, current);
    // From here the client knows this position, whatever was sent before (the first message).
    this.#lastSent = this.#cursor;
    this.#positionDue = true;
    this.poke();
  }

  async #pump(): Promise<void> {
    if (this.#ws.readyState !== this.#ws.OPEN || this.#retry) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    if (this.#ws.bufferedAmount > HIGH_WATER_BYTES) {
      this.#retry = setTimeout(() => {
        this.#retry = undefined;
        this.#pump();
      }, RETRY_MS);
      return;
    }
    const generation = this.#generation;
    const from = this.#cursor;
    let batch: ChangeBatch;
    this.#pumping = true;
    try {
      batch = await this.#options.feed.read(from, PAGE_SIZE);
    } catch (error) {
      this.#fail(error);
      return;
    } finally {
      this.#pumping = false;
    }
    if (generation !== this.#generation || this.#again) {
      // Rewound, or written to, while reading: read again from where things stand now.
      this.#again = false;
      this.poke();
      if (generation !== this.#generation) return;
    }
    this.#cursor = batch.last;
    const changes = batch.changes.filter((change) => this.#subscriptions.matches(change));
    if (changes.length > 0) this.#send({ changes, last: batch.last });
    // A filtered feed may move on without showing anything (see readVisibleChanges).
    if (batch.last !== from) {
      // More may follow: read on in another tick, so a long replay never blocks the process.
      this.poke();
    } else if (this.#positionDue) {
      this.#positionDue = false;
      if (this.#lastSent < this.#cursor) this.#send({ changes: [], last: this.#cursor });
    }
  }

  #beat(): void {
    if (!this.#alive) {
      this.#ws.terminate();
      return;
    }
    this.#alive = false;
    this.#ws.ping();
    if (this.#lastSent < this.#cursor && !this.#scheduled) this.#send({ changes: [], last: this.#cursor });
  }

  #send(message: RealtimeServerMessage): void {
    if (this.#ws.readyState !== this.#ws.OPEN) return;
    if ('last' in message) this.#lastSent = message.last;
    this.#ws.send(JSON.stringify(message));
  }

  #stop(): void {
    clearInterval(this.#heartbeat);
    clearTimeout(this.#expiry);
    clearTimeout(this.#retry);
  }
}
