import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppToken, doctypes } from '@mytoutatice/contract';
import { tamperSignature } from '@mytoutatice/storage/testing';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';
import { createAppTokens } from './app-tokens.ts';

describe(createAppTokens.name, () => {
  let gw: GatewayHarness;
  let session: string;
  let appToken: string;
  const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const problem = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { code?: string }).code });

  beforeAll(async () => {
    gw = await startGateway();
    session = (await gw.tokenFor('eleve')).access_token;
    expect((await gw.call(session, '/gateway/onboarding', json({ email: 'eleve@exemple.fr', acceptCgu: true }))).status).toBe(201);
  });
  afterAll(() => gw.close());

  it('mints a short-lived token for an installed app, from a session only', async () => {
    const res = await gw.call(session, '/gateway/apps/notes/token', { method: 'POST' });
    expect(res.status).toBe(200);
    const minted = AppToken.parse(await res.json());
    expect(Date.parse(minted.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    appToken = minted.token;
    expect(await problem(await gw.call(session, '/gateway/apps/inconnue/token', { method: 'POST' }))).toEqual({ status: 404, code: 'not_found' });
    expect((await gw.call(undefined, '/gateway/apps/notes/token', { method: 'POST' })).status).toBe(401);
    // An app cannot mint itself (or another app) a token: /gateway wants the ENT session.
    expect((await gw.call(appToken, '/gateway/apps/notes/token', { method: 'POST' })).status).toBe(401);
  });

  it('opens /api to what the app’s manifest grants, and nothing else', async () => {
    const notes = `/api/data/${doctypes.notes}`;
    expect((await gw.call(appToken, notes, json({ data: { title: 'Par l’app' } }))).status).toBe(201);
    const listed = (await (await gw.call(appToken, notes)).json()) as { items: { data: { title: string } }[] };
    expect(listed.items.map((item) => item.data.title)).toEqual(['Par l’app']);
    expect(await problem(await gw.call(appToken, '/api/files/root/children'))).toEqual({ status: 403, code: 'forbidden' });
    expect(await problem(await gw.call(appToken, `/api/data/${doctypes.contacts}`))).toEqual({ status: 403, code: 'forbidden' });
    expect(await problem(await gw.call(appToken, '/api/instance'))).toEqual({ status: 403, code: 'forbidden' });
    // The session itself still reaches everything.
    expect((await gw.call(session, '/api/files/root/children')).status).toBe(200);
  });

  it('refuses a tampered app token', async () => {
    expect(await problem(await gw.call(tamperSignature(appToken), `/api/data/${doctypes.notes}`))).toEqual({ status: 401, code: 'invalid_token' });
  });
});
