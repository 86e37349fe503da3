import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayHarness } from '../testing/gateway-harness.ts';
import { OPENAPI_PATH, openApiRoute } from './openapi-route.ts';

let gw: GatewayHarness;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw.close();
});

describe(openApiRoute.name, () => {
  it('serves the OpenAPI document without a token, cacheable, with the storage routes under /api', async () => {
    const res = await gw.call(undefined, OPENAPI_PATH);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const doc = (await res.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers).toEqual([{ url: '/api' }]);
    expect(Object.keys(doc.paths)).toContain('/files/{id}/children');

    const again = await gw.call(undefined, `${OPENAPI_PATH}?v=2`);
    expect(await again.text()).toBe(JSON.stringify(doc));
  });

  it('leaves the rest of /api to the proxy, which still wants a token', async () => {
    const res = await gw.call(undefined, '/api/openapi.jsonx');
    expect(res.status).toBe(401);
    expect((await gw.call(undefined, OPENAPI_PATH, { method: 'POST' })).status).toBe(401);
  });
});
