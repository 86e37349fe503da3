import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import type { WebSocket as ServerSocket } from 'ws';
import { REALTIME_PROTOCOL } from '@mytoutatice/contract';
import type { Change, ChangeBatch } from '@mytoutatice/contract';
import { createRealtime } from './realtime.ts';
import type { Realtime } from './realtime.ts';

type Connection = { ws: ServerSocket; url: string; protocols: string[]; received: unknown[] };

/** A stand-in for the gateway's `/api/realtime` (on `port`, any when 0): each test scripts what it answers. */
async function startBackend(port = 0) {
  const connections: Connection[] = [];
  let onConnection: (connection: Connection) => void = () => {};
  const wss = new WebSocketServer({
    port,
    host: '127.0.0.1',
    handleProtocols: (protocols) => (protocols.has(REALTIME_PROTOCOL) ? REALTIME_PROTOCOL : false),
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', () => resolve());
    wss.once('error', reject);
  });
  wss.on('connection', (ws, req) => {
    const connection: Connection = {
      ws,
      url: req.url ?? '',
      protocols: String(req.headers['sec-websocket-protocol']).split(/,\s*/),
      received: [],
    };
    ws.on('message', (data) => connection.received.push(JSON.parse(data.toString())));
    connections.push(connection);
    onConnection(connection);
  });
  return {
    baseUrl: `http://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    connections,
    whenConnected(handler: (connection: Connection) => void) {
      onConnection = handler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

const change = (seq: number): Change => ({ seq, kind: 'file', id: `f${seq}`, parentId: 'root', deleted: false });
const batch = (last: number, ...seqs: number[]): string => JSON.stringify({ changes: seqs.map(change), last } satisfies ChangeBatch);

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe(createRealtime.name, () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let realtime: Realtime | undefined;
  beforeEach(async () => {
    backend = await startBackend();
  });
  afterEach(async () => {
    realtime?.close();
    await backend.close();
  });

  it('connects with the token as a subprotocol, subscribes, then asks from the server’s first position', async () => {
    backend.whenConnected(({ ws }) => ws.send(batch(5)));
    const seen: ChangeBatch[] = [];
    realtime = createRealtime({ baseUrl: backend.baseUrl, getToken: () => 'jeton-1', subscriptions: [{ files: true }] });
    realtime.onChanges((received) => seen.push(received));
    await until(() => backend.connections[0]?.received.length === 2);
    const [first] = backend.connections;
    expect(first?.url).toBe('/api/realtime');
    expect(first?.protocols).toEqual([REALTIME_PROTOCOL, 'bearer.jeton-1']);
    expect(first?.received).toEqual([{ subscribe: { files: true } }, { since: 5 }]);
    expect(realtime.status).toBe('open');

    realtime.subscribe({ doctype: 'io.mytoutatice.notes' });
    realtime.subscribe({ doctype: 'io.mytoutatice.notes' });
    first?.ws.send(batch(7, 6, 7));
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ changes: [change(6), change(7)], last: 7 }]);
    expect(realtime.last).toBe(7);
    expect(first?.received.at(-1)).toEqual({ subscribe: { doctype: 'io.mytoutatice.notes' } });
    expect(first?.received).toHaveLength(3);
  });

  it('reconnects after 4001 with a fresh token and resumes from the last seq, each change once', async () => {
    let tokens = 0;
    const seen: Change[] = [];
    backend.whenConnected(({ ws }) => ws.send(batch(backend.connections.length === 1 ? 5 : 9)));
    realtime = createRealtime({
      baseUrl: backend.baseUrl,
      getToken: () => `jeton-${++tokens}`,
      subscriptions: [{ files: true }],
      minDelayMs: 10,
    });
    realtime.onChanges(({ changes }) => seen.push(...changes));
    await until(() => backend.connections[0]?.received.length === 2);
    const first = backend.connections[0];
    first?.ws.send(batch(6, 6));
    await until(() => seen.length === 1);
    first?.ws.close(4001, 'token expired');

    // Meanwhile the space moved on to 9: the client must ask from 6, not from the new position.
    await until(() => backend.connections[1]?.received.length === 2);
    const second = backend.connections[1];
    expect(second?.protocols).toEqual([REALTIME_PROTOCOL, 'bearer.jeton-2']);
    expect(second?.received).toEqual([{ subscribe: { files: true } }, { since: 6 }]);
    second?.ws.send(batch(9, 6, 7, 8, 9));
    await until(() => seen.length === 4);
    expect(seen.map((c) => c.seq)).toEqual([6, 7, 8, 9]);
    expect(realtime.last).toBe(9);
  });

  it('comes back with backoff after the connection drops or cannot open', async () => {
    backend.whenConnected(({ ws }) => ws.send(batch(3)));
    realtime = createRealtime({ baseUrl: backend.baseUrl, getToken: () => 'jeton', minDelayMs: 20, maxDelayMs: 40 });
    await until(() => backend.connections[0]?.received.length === 1);
    backend.connections[0]?.ws.send(batch(4, 4));
    await until(() => realtime?.last === 4);
    backend.connections[0]?.ws.terminate();
    await until(() => backend.connections[1]?.received.length === 1);
    expect(backend.connections[1]?.received).toEqual([{ since: 4 }]);

    // Nobody listening for a while: the client keeps trying, then resumes.
    const port = new URL(backend.baseUrl).port;
    await backend.close();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(realtime.status).toBe('connecting');
    backend = await startBackend(Number(port));
    backend.whenConnected(({ ws }) => ws.send(batch(10)));
    await until(() => backend.connections[0]?.received.length === 1);
    expect(backend.connections[0]?.received).toEqual([{ since: 4 }]);
  });

  it('renews an expired token before connecting, and stops for good on close()', async () => {
    const expired = `e30.${btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) - 60 }))}.sig`;
    let token = expired;
    const renew = vi.fn(() => {
      token = 'jeton-neuf';
      return true;
    });
    backend.whenConnected(({ ws }) => ws.send(batch(1)));
    realtime = createRealtime({ baseUrl: backend.baseUrl, getToken: () => token, onUnauthorized: renew });
    await until(() => backend.connections.length === 1);
    expect(renew).toHaveBeenCalledOnce();
    expect(backend.connections[0]?.protocols).toEqual([REALTIME_PROTOCOL, 'bearer.jeton-neuf']);
    realtime.close();
    expect(realtime.status).toBe('closed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(backend.connections).toHaveLength(1);
  });

  it('comes back at once after 4403 (access changed) when access remains, and tells the page', async () => {
    const hasAccess = vi.fn(async () => true);
    const changes: { ended: boolean }[] = [];
    backend.whenConnected(({ ws }) => ws.send(batch(2)));
    realtime = createRealtime({ baseUrl: backend.baseUrl, path: '/api/sharings/S/realtime', getToken: () => 'jeton', hasAccess, minDelayMs: 60_000 });
    realtime.onAccessChange((change) => changes.push(change));
    await until(() => backend.connections[0]?.received.length === 1);
    expect(backend.connections[0]?.url).toBe('/api/sharings/S/realtime');
    backend.connections[0]?.ws.close(4403, 'access changed');
    await until(() => backend.connections[1]?.received.length === 1);
    expect(backend.connections[1]?.received).toEqual([{ since: 2 }]);
    expect(hasAccess).toHaveBeenCalledOnce();
    expect(changes).toEqual([{ ended: false }]);
  });

  it('ends for good when access is gone, told by 4403 or by a connection that could not open', async () => {
    let allowed = true;
    const ended: { ended: boolean }[] = [];
    backend.whenConnected(({ ws }) => ws.send(batch(1)));
    realtime = createRealtime({ baseUrl: backend.baseUrl, getToken: () => 'jeton', hasAccess: async () => allowed, minDelayMs: 10 });
    realtime.onAccessChange((change) => ended.push(change));
    await until(() => backend.connections[0]?.received.length === 1);
    allowed = false;
    backend.connections[0]?.ws.close(4403, 'access changed');
    await until(() => realtime?.status === 'closed');
    expect(ended).toEqual([{ ended: true }]);

    // Refused before opening (a browser is not told the 404): asked, and ended.
    const port = new URL(backend.baseUrl).port;
    await backend.close();
    const refusing = new WebSocketServer({ port: Number(port), host: '127.0.0.1', verifyClient: (_info, done) => done(false, 404) });
    await new Promise((resolve) => refusing.once('listening', resolve));
    const refused: { ended: boolean }[] = [];
    realtime = createRealtime({ baseUrl: backend.baseUrl, getToken: () => 'jeton', hasAccess: async () => false, minDelayMs: 10 });
    realtime.onAccessChange((change) => refused.push(change));
    await until(() => realtime?.status === 'closed');
    expect(refused).toEqual([{ ended: true }]);
    await new Promise((resolve) => refusing.close(resolve));
    backend = await startBackend();
  });
});
