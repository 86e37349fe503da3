import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, importJWK, SignJWT } from 'jose';
import { ChangeBatch, FileDoc, Problem, REALTIME_PROTOCOL } from '@mytoutatice/contract';
import { tamperSignature } from '@mytoutatice/storage/testing';
import { createGateway } from '../app.ts';
import { readConfig } from '../config/config.ts';
import { openGatewayState } from '../state/gateway-state.ts';
import { configEnv, startGateway } from '../../test/gateway-harness.ts';
import type { GatewayHarness } from '../../test/gateway-harness.ts';
import { createRealtimeProxy } from './realtime-proxy.ts';

/** A socket opened the way a browser does it (global WebSocket, token as a subprotocol). */
class BrowserSocket {
  readonly messages: unknown[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly #ws: WebSocket;

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.addEventListener('message', (event) => this.messages.push(JSON.parse(String(event.data))));
    this.closed = new Promise((resolve) => ws.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason })));
  }

  static open(url: string, token: string): Promise<BrowserSocket> {
    const ws = new WebSocket(url, [REALTIME_PROTOCOL, `bearer.${token}`]);
    const socket = new BrowserSocket(ws);
    return new Promise((resolve, reject) => {
      ws.addEventListener('open', () => resolve(socket));
      ws.addEventListener('error', () => reject(new Error('the socket did not open')));
    });
  }

  get protocol(): string {
    return this.#ws.protocol;
  }

  send(message: unknown): void {
    this.#ws.send(JSON.stringify(message));
  }

  changeIds(): string[] {
    return this.messages.flatMap((message) => {
      const batch = ChangeBatch.safeParse(message);
      return batch.success ? batch.data.changes.map((change) => change.id) : [];
    });
  }

  async waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`not received in time; got ${JSON.stringify(this.messages)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): void {
    this.#ws.close();
  }
}

/** The answer to a raw upgrade request that is expected to be refused (and the socket closed). */
function refusedUpgrade(url: string, headers: Record<string, string>): Promise<{ status: number; problem: Problem; socketClosed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        ...headers,
      },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      reject(new Error('the upgrade was accepted'));
    });
    req.on('response', (res) => {
      const socketClosed = new Promise<void>((done) => res.socket.once('close', () => done()));
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, problem: Problem.parse(JSON.parse(body)), socketClosed }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe(createRealtimeProxy.name, () => {
  let gw: GatewayHarness;
  let wsUrl: string;
  let pupil: string;
  let staff: string;

  const onboard = async (token: string) => {
    const me = (await (await gw.call(token, '/gateway/me')).json()) as { user: { email: string | null; profile: string } };
    const email = me.user.profile === 'staff' ? me.user.email : 'eleve@exemple.fr';
    const res = await gw.call(token, '/gateway/onboarding', {
      method: 'POST',
      body: JSON.stringify({ email, acceptCgu: true }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
  };
  const createFolder = async (token: string, name: string) => {
    const res = await gw.call(token, '/api/files/root/folders', {
      method: 'POST',
      body: JSON.stringify({ name }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
    return FileDoc.parse(await res.json());
  };
  const connect = async (token: string) => {
    const socket = await BrowserSocket.open(wsUrl, token);
    await socket.waitFor(() => socket.messages.length > 0);
    socket.send({ subscribe: { files: true } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    return socket;
  };

  beforeAll(async () => {
    // Upstream requests time out after a second: a long-poll must not.
    gw = await startGateway({ UPSTREAM_TIMEOUT_MS: '1000' });
    wsUrl = `${gw.url.replace(/^http/, 'ws')}/api/realtime`;
    pupil = (await gw.tokenFor('eleve')).access_token;
    staff = (await gw.tokenFor('agent')).access_token;
    await onboard(pupil);
    await onboard(staff);
  });
  afterAll(() => gw.close());

  it('pipes the realtime socket of one’s space, opened with the ENT token as a subprotocol', async () => {
    const socket = await BrowserSocket.open(wsUrl, pupil);
    expect(socket.protocol).toBe(REALTIME_PROTOCOL);
    await socket.waitFor(() => socket.messages.length > 0);
    expect(ChangeBatch.parse(socket.messages[0])).toMatchObject({ changes: [] });
    socket.send({ subscribe: { files: true } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const folder = await createFolder(pupil, 'Physique');
    await socket.waitFor(() => socket.changeIds().includes(folder.id));
    socket.close();
    expect((await socket.closed).code).toBe(1005);
  });

  it('never shows one person the other’s changes', async () => {
    const pupils = await connect(pupil);
    const staffs = await connect(staff);
    const staffFolder = await createFolder(staff, 'Dossiers administratifs');
    const pupilFolder = await createFolder(pupil, 'Devoirs');
    await staffs.waitFor(() => staffs.changeIds().includes(staffFolder.id));
    await pupils.waitFor(() => pupils.changeIds().includes(pupilFolder.id));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pupils.changeIds()).toEqual([pupilFolder.id]);
    expect(staffs.changeIds()).toEqual([staffFolder.id]);
    pupils.close();
    staffs.close();
  });

  it('refuses the upgrade with 401 for a missing or bad token, and keeps no socket', async () => {
    const missing = await refusedUpgrade(wsUrl.replace(/^ws/, 'http'), { 'sec-websocket-protocol': REALTIME_PROTOCOL });
    expect(missing.status).toBe(401);
    expect(missing.problem.code).toBe('unauthenticated');
    await missing.socketClosed;

    const bad = await refusedUpgrade(wsUrl.replace(/^ws/, 'http'), { 'sec-websocket-protocol': `${REALTIME_PROTOCOL}, bearer.${tamperSignature(pupil)}` });
    expect(bad.status).toBe(401);
    expect(bad.problem.code).toBe('invalid_token');
    await bad.socketClosed;

    await expect(BrowserSocket.open(wsUrl, 'not-a-jwt')).rejects.toThrow();
  });

  it('answers 403 no_space before onboarding, 404 elsewhere than /api/realtime, 400 without the subprotocol', async () => {
    const teacher = (await gw.tokenFor('enseignant')).access_token;
    const http = wsUrl.replace(/^ws/, 'http');
    const noSpace = await refusedUpgrade(http, { 'sec-websocket-protocol': `${REALTIME_PROTOCOL}, bearer.${teacher}` });
    expect([noSpace.status, noSpace.problem.code]).toEqual([403, 'no_space']);
    const elsewhere = await refusedUpgrade(`${gw.url}/api/files/root`, { 'sec-websocket-protocol': `${REALTIME_PROTOCOL}, bearer.${pupil}` });
    expect(elsewhere.status).toBe(404);
    const bare = await refusedUpgrade(http, { 'sec-websocket-protocol': `bearer.${pupil}` });
    expect(bare.status).toBe(400);
  });

  it('closes with 4001 when the ENT token expires', async () => {
    const keys = JSON.parse(readFileSync(gw.ent.keysFile, 'utf8')) as { jwks: { keys: Record<string, string>[] } };
    const jwk = keys.jwks.keys[0] as Record<string, string>;
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await new SignJWT({ ...decodeJwt(pupil), exp: now + 2 })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid as string, typ: 'at+jwt' })
      .sign(await importJWK(jwk, 'RS256'));
    const socket = await BrowserSocket.open(wsUrl, shortLived);
    expect((await socket.closed).code).toBe(4001);
  });

  it('answers 502 when the space’s backend is down and 504 when it does not answer the upgrade', async () => {
    const hanging = createServer(() => {});
    hanging.on('upgrade', () => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const sub = String(decodeJwt(staff).sub);
    for (const [backend, status, code] of [
      ['http://127.0.0.1:9', 502, 'upstream_unavailable'],
      [`http://127.0.0.1:${(hanging.address() as AddressInfo).port}`, 504, 'upstream_timeout'],
    ] as const) {
      const dataDir = `${gw.config.GATEWAY_DATA_DIR}-realtime-${status}`;
      const state = openGatewayState({ GATEWAY_DATA_DIR: dataDir });
      await state.directory.add({ sub, instanceId: 'i-1', slug: 'agent', backendUrl: backend, createdAt: new Date().toISOString() });
      await state.close();
      const gateway = createGateway(readConfig({ ...configEnv(gw.config), GATEWAY_DATA_DIR: dataDir, UPSTREAM_TIMEOUT_MS: '300' }));
      const server = createServer(gateway.handler).listen(0, '127.0.0.1');
      server.on('upgrade', gateway.upgrade);
      await new Promise((resolve) => server.once('listening', resolve));
      const refused = await refusedUpgrade(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/realtime`, {
        'sec-websocket-protocol': `${REALTIME_PROTOCOL}, bearer.${staff}`,
      });
      expect([refused.status, refused.problem.code]).toEqual([status, code]);
      server.closeAllConnections();
      server.close();
      await gateway.close();
    }
    hanging.closeAllConnections();
    hanging.close();
  });

  it('lets a changes long-poll outlive the upstream timeout', async () => {
    const { last } = ChangeBatch.parse(await (await gw.call(pupil, '/api/changes')).json());
    const res = await gw.call(pupil, `/api/changes?since=${last}&wait=2`);
    expect(res.status).toBe(200);
    expect(ChangeBatch.parse(await res.json())).toEqual({ changes: [], last });
  });
});
