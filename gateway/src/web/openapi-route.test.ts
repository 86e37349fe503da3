import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, openApiJson } from '@mytoutatice/contract';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';
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

  it('describes every route of the table callers reach, the gateway’s own at the root, byte for byte the same each time', async () => {
    const served = await (await gw.call(undefined, OPENAPI_PATH)).text();
    expect(served).toBe(openApiJson());
    const doc = JSON.parse(served) as { paths: Record<string, Record<string, { operationId?: string }> & { servers?: { url: string }[] }> };
    const missing = apiRoutes
      .filter((route) => route.permission !== 'admin')
      .filter((route) => doc.paths[route.path]?.[route.method]?.operationId !== route.operationId)
      .map((route) => route.operationId);
    expect(missing).toEqual([]);
    const gatewayRoutes = apiRoutes.filter((route) => route.service === 'gateway');
    expect(gatewayRoutes.length).toBeGreaterThan(10);
    for (const route of gatewayRoutes) expect(doc.paths[route.path]?.servers, route.operationId).toEqual([{ url: '/' }]);
  });

  it('leaves the rest of /api to the proxy, which still wants a token', async () => {
    const res = await gw.call(undefined, '/api/openapi.jsonx');
    expect(res.status).toBe(401);
    expect((await gw.call(undefined, OPENAPI_PATH, { method: 'POST' })).status).toBe(401);
  });
});
