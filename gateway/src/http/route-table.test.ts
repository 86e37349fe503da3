import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicLink, PublicLinkList, Sharing, SharingList, apiRoutes, type ApiRoute } from '@mytoutatice/contract';
import { registeredRoutes, routeKey } from '@mytoutatice/server-kit';
import { createGateway } from '../app.ts';
import { jsonBody, sharingCalls } from '../../test/sharing-test-calls.ts';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';

const gatewayRoutes = apiRoutes.filter((route) => route.service === 'gateway');

/** What the gateway's Express app serves besides the table's routes, none of it under `/gateway`. */
const OUTSIDE_THE_TABLE = [
  // The load balancer's health check.
  'get /healthz',
  // A public link's HTML page (its data comes from `/gateway/public/links/{code}`).
  'get /public/{code}',
  // The shell's pages and `silent-renew.html`, routed in the browser.
  'get /.*/',
];

const pathOf = (key: string) => key.slice(key.indexOf(' ') + 1);

async function problemOf(res: Response) {
  return { status: res.status, type: res.headers.get('content-type'), code: ((await res.json()) as { code?: string }).code };
}

describe('the gateway’s routes and the contract’s table', () => {
  let gw: GatewayHarness;
  let teacher: string;
  let calls: ReturnType<typeof sharingCalls>;
  beforeAll(async () => {
    gw = await startGateway();
    calls = sharingCalls(gw);
    teacher = await gw.onboard('enseignant');
    await gw.onboard('eleve');
  }, 60_000);
  afterAll(() => gw.close());

  it('registers every gateway entry of the table, and nothing else under /gateway', async () => {
    const gateway = createGateway(gw.config);
    try {
      const registered = registeredRoutes(gateway.app);
      expect(registered.filter((key) => !pathOf(key).startsWith('/gateway/')).sort()).toEqual([...OUTSIDE_THE_TABLE].sort());
      expect(registered.filter((key) => pathOf(key).startsWith('/gateway/')).sort()).toEqual(gatewayRoutes.map((r) => routeKey(r.method, r.path)).sort());
    } finally {
      await gateway.close();
    }
  });

  it('reaches every entry’s own route (not the unknown-route 404), a malformed id answering 404', async () => {
    const outcome = async (res: Response) => ({ status: res.status, detail: ((await res.json()) as { detail?: string }).detail });
    const miss = await outcome(await gw.call(teacher, '/gateway/nowhere'));
    expect(miss.status).toBe(404);
    // A method the table does not name on a known path is a miss too.
    expect(await outcome(await gw.call(teacher, '/gateway/people', { method: 'PUT' }))).toEqual(miss);
    for (const route of gatewayRoutes) {
      // Ids that cannot exist, no body, no query: each answer is the route's own, never the miss.
      // The input is checked first (400); an id one may not know is a 404, never a 400.
      const path = route.path.replace(/\{[^}]+\}/g, 'pas-un-id');
      const answer = await outcome(await gw.call(route.permission === 'public' ? undefined : teacher, path, { method: route.method.toUpperCase() }));
      const checked = route.body !== undefined || (route.params ?? []).some((param) => param.in === 'query' && param.required);
      const expected = checked ? 400 : path === route.path ? 200 : 404;
      expect(answer, routeKey(route.method, route.path)).not.toEqual(miss);
      expect(answer.status, routeKey(route.method, route.path)).toBe(expected);
    }
  });

  it('answers a malformed body or query with 400 bad_request problem+json, changing nothing', async () => {
    const folder = await calls.folder(teacher, 'root', 'Table des routes');
    const sharing = await calls.share(teacher, folder.id, [{ slug: 'eleve', role: 'read' }]);
    const link = PublicLink.parse(await (await gw.call(teacher, '/gateway/links', jsonBody('POST', { itemId: folder.id, access: 'read', password: 'secret-123' }))).json());
    const newcomer = (await gw.tokenFor('agent')).access_token;
    const values: Record<string, string> = { code: link.code, slug: 'eleve' };
    const pathFor = (route: ApiRoute) =>
      route.path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === 'id' ? (route.path.startsWith('/gateway/links') ? link.id : sharing.id) : (values[name] ?? name)));
    const tokenFor = (route: ApiRoute) => (route.operationId === 'createSpace' ? newcomer : teacher);
    const state = async () => ({
      sharing: Sharing.parse(await (await gw.call(teacher, `/gateway/sharings/${sharing.id}`)).json()),
      sharings: SharingList.parse(await (await gw.call(teacher, '/gateway/sharings')).json()),
      links: PublicLinkList.parse(await (await gw.call(teacher, `/gateway/links?itemId=${folder.id}`)).json()),
      newcomer: ((await (await gw.call(newcomer, '/gateway/me')).json()) as { space: unknown }).space,
      copies: await calls.names(teacher, '/api/files/root/children'),
    });
    const before = await state();

    const withBody = gatewayRoutes.filter((route) => route.body !== undefined);
    expect(withBody.length).toBeGreaterThan(5);
    for (const route of withBody) {
      for (const body of ['[]', '{"nom":', '"texte"']) {
        const res = await gw.call(route.permission === 'public' ? undefined : tokenFor(route), pathFor(route), {
          method: route.method.toUpperCase(),
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(await problemOf(res), `${routeKey(route.method, route.path)} ${body}`).toEqual({ status: 400, type: 'application/problem+json', code: 'bad_request' });
      }
    }
    for (const path of ['/gateway/people', '/gateway/people?q=a', '/gateway/links', '/gateway/links?itemId=']) {
      expect(await problemOf(await gw.call(teacher, path)), path).toEqual({ status: 400, type: 'application/problem+json', code: 'bad_request' });
    }
    expect(await state()).toEqual(before);
  });
});
