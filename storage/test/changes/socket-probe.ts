import { WebSocket } from 'ws';
import { REALTIME_PROTOCOL, type ChangeBatch } from '@mytoutatice/contract';

export interface Refusal {
  status: number;
  body: string;
}

/**
 * A realtime WebSocket client for tests: records what the server sends and waits for the
 * messages a test expects.
 */
export class SocketProbe {
  readonly messages: unknown[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly #ws: WebSocket;
  #listeners = new Set<() => void>();

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()));
      for (const listener of this.#listeners) listener();
    });
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens `url` (ws://…/realtime) with these headers; rejects with the Refusal when the upgrade is refused. */
  static open(url: string, headers: Record<string, string> = {}, protocols = [REALTIME_PROTOCOL]): Promise<SocketProbe> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, protocols, { headers });
      const probe = new SocketProbe(ws);
      ws.once('open', () => resolve(probe));
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => reject(Object.assign(new Error(`refused: ${res.statusCode}`), { status: res.statusCode ?? 0, body })));
      });
      ws.once('error', reject);
    });
  }

  /** The Refusal a connection attempt gets (fails the test if it is accepted). */
  static async refusal(url: string, headers: Record<string, string> = {}, protocols = [REALTIME_PROTOCOL]): Promise<Refusal> {
    try {
      const probe = await SocketProbe.open(url, headers, protocols);
      probe.close();
    } catch (error) {
      if (typeof (error as Partial<Refusal>).status === 'number') return error as Refusal;
      throw error;
    }
    throw new Error('the upgrade was accepted');
  }

  get protocol(): string {
    return this.#ws.protocol;
  }

  send(message: unknown): void {
    this.#ws.send(JSON.stringify(message));
  }

  /** The first message (from the start) that `accept` takes; waits for it up to `timeoutMs`. */
  next(accept: (message: unknown) => boolean, timeoutMs = 5000): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(accept);
        if (found === undefined) return false;
        this.#listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(check);
        reject(new Error(`no such message in ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`));
      }, timeoutMs);
      if (!check()) this.#listeners.add(check);
    });
  }

  /** Every change id pushed so far, in order. */
  changeIds(): string[] {
    return this.batches().flatMap((batch) => batch.changes.map((change) => change.id));
  }

  batches(): ChangeBatch[] {
    return this.messages.filter(isBatch);
  }

  /** Waits until a pushed change has this id. */
  waitForChange(id: string, timeoutMs?: number): Promise<unknown> {
    return this.next((message) => isBatch(message) && message.changes.some((change) => change.id === id), timeoutMs);
  }

  close(): void {
    this.#ws.close();
  }
}

function isBatch(message: unknown): message is ChangeBatch {
  return typeof message === 'object' && message !== null && 'changes' in message;
}
