import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, startEnt } from '@mytoutatice/dev-ent/testing';
import type { RunningEnt } from '@mytoutatice/dev-ent/testing';
import { startStorage, TEST_SECRET } from '@mytoutatice/storage/testing';
import type { StorageHarness } from '@mytoutatice/storage/testing';
import { decodeJwt } from 'jose';
import { createGateway, type Gateway } from '../src/app.ts';
import { openGatewayState } from '../src/state/gateway-state.ts';
import { readConfig } from '../src/config/config.ts';
import type { GatewayConfig } from '../src/config/config.ts';
import { startGatewayProcess } from './gateway-process.ts';
import { testStatePlace } from './test-state.ts';

/** A built shell and one app, as `pnpm build` lays them out, small enough to write by hand. */
export function writeAppsFixture(dir: string): void {
  mkdirSync(join(dir, 'home/dist/shared'), { recursive: true });
  mkdirSync(join(dir, 'home/dist/shell'), { recursive: true });
  mkdirSync(join(dir, 'notes/dist'), { recursive: true });
  writeFileSync(join(dir, 'home/dist/shared/react-AbCd1234.js'), `export const version = '19';\n${'//'.padEnd(2000, 'x')}\n`);
  writeFileSync(join(dir, 'home/dist/shell/root-config-EfGh5678.js'), 'console.log("shell");\n');
  writeFileSync(join(dir, 'home/dist/shell/silent-renew-IjKl9012.js'), 'console.log("renew");\n');
  writeFileSync(join(dir, 'home/dist/sw.js'), 'self.addEventListener("fetch", () => {});\n');
  writeFileSync(join(dir, 'home/dist/favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"/>');
  writeFileSync(
    join(dir, 'home/dist/shell.json'),
    JSON.stringify({
      rootConfig: '/shell/root-config-EfGh5678.js',
      silentRenew: '/shell/silent-renew-IjKl9012.js',
      styles: [],
      preload: ['/shared/react-AbCd1234.js'],
      importMap: { imports: { react: '/shared/react-AbCd1234.js' } },
    }),
  );
  writeFileSync(join(dir, 'notes/dist/notes-MnOp3456.js'), 'export async function mount() {}\nexport async function unmount() {}\n');
  writeFileSync(join(dir, 'notes/dist/icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(
    join(dir, 'notes/dist/manifest.json'),
    JSON.stringify({
      slug: 'notes',
      name: 'Notes',
      version: '0.1.0',
      route: '/notes',
      entry: 'notes-MnOp3456.js',
      icon: 'icon.svg',
      permissions: [{ type: 'io.mytoutatice.notes', verbs: ['GET', 'POST', 'PUT', 'DELETE'] }],
    }),
  );
}

/** A gateway process's face to tests: where it listens, and a caller with a token. */
export type GatewayEndpoint = {
  url: string;
  call(token: string | undefined, path: string, init?: RequestInit): Promise<Response>;
};

export type GatewayHarness = GatewayEndpoint & {
  config: GatewayConfig;
  ent: RunningEnt;
  storage: StorageHarness;
  /** A second storage node, started with `{ nodes: 2 }`: some spaces may live there. */
  secondStorage: StorageHarness | undefined;
  /**
   * Signs in a demo account and gives it a space: through onboarding, or on `node` when given
   * (made there and entered in the gateway's directory, as an operator placing a space would).
   */
  onboard(login: string, node?: StorageHarness): Promise<string>;
  /** A real access token for a demo account, from the ENT's authorization-code flow. */
  tokenFor(login: string): Promise<{ access_token: string; id_token: string }>;
  /**
   * Another gateway on the same config, state and storage, as a second process behind a load
   * balancer: `main.ts` in a process of its own. Stopped with the harness.
   */
  anotherGateway(): Promise<GatewayEndpoint>;
  close(): Promise<void>;
};

type Serving = GatewayEndpoint & { close(): Promise<void> };

/** The environment variables that give `config` back (what derives from them left out). */
export function configEnv(config: GatewayConfig): Record<string, string> {
  return Object.fromEntries(Object.entries(config).flatMap(([key, value]) => (typeof value === 'string' || typeof value === 'number' ? [[key, String(value)]] : [])));
}

function caller(url: string): GatewayEndpoint['call'] {
  return (token, path, init = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) },
    });
}

async function serve(gateway: Gateway): Promise<Serving> {
  const server: Server = await new Promise((resolve) => {
    const s = createServer(gateway.handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  server.on('upgrade', gateway.upgrade);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    call: caller(url),
    async close() {
      server.closeAllConnections();
      // Upgraded sockets are no longer the server's connections: the gateway ends them.
      const closed = gateway.close();
      await new Promise((r) => server.close(r));
      await closed;
    },
  };
}

/**
 * A gateway in front of a storage of its own, both in-process. `offload` (default true) runs them
 * as `npm start` does, the gateway reading downloads from the storage's folder; false as on two
 * machines. `nodes: 2` starts a second storage node (`secondStorage`, never offloaded). Its state
 * is on a fresh PostgreSQL database in the `gateway-postgres` test run, else in SQLite files.
 */
export async function startGateway(env: Record<string, string> = {}, { offload = true, nodes = 1 } = {}): Promise<GatewayHarness> {
  const ent = await startEnt();
  const storage = await startStorage();
  const secondStorage = nodes > 1 ? await startStorage() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'mytoutatice-gateway-'));
  writeAppsFixture(join(dir, 'apps'));
  const place = await testStatePlace();
  const config = readConfig({
    OIDC_ISSUER: ent.issuer,
    STORAGE_URL: storage.url,
    INTERNAL_TOKEN_SECRET: TEST_SECRET,
    GATEWAY_DATA_DIR: place.GATEWAY_DATA_DIR,
    ...(place.DATABASE_URL === undefined ? {} : { DATABASE_URL: place.DATABASE_URL }),
    APPS_DIR: join(dir, 'apps'),
    ...(offload ? { LOCAL_STORAGE_DIR: storage.config.dataDir } : {}),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const gateway = await serve(createGateway(config));
  const others: Serving[] = [];
  const { url, call } = gateway;
  const tokenFor = async (login: string) => (await signIn(ent.issuer, login)).tokens;
  return {
    url,
    config,
    ent,
    storage,
    secondStorage,
    async onboard(login, node) {
      const token = (await tokenFor(login)).access_token;
      if (node === undefined) {
        const me = (await (await call(token, '/gateway/me')).json()) as { user: { email: string | null } };
        const res = await call(token, '/gateway/onboarding', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: me.user.email ?? `${login}@exemple.fr`, acceptCgu: true }),
        });
        if (res.status !== 201) throw new Error(`onboarding ${login}: ${res.status} ${await res.text()}`);
        return token;
      }
      const { sub } = decodeJwt(token);
      const instance = await node.createInstance(login);
      const state = openGatewayState(config);
      await state.directory.add({ sub: String(sub), instanceId: instance.id, slug: login, backendUrl: node.url, createdAt: new Date().toISOString() });
      await state.close();
      return token;
    },
    tokenFor,
    call,
    async anotherGateway() {
      const other = await startGatewayProcess(configEnv(config));
      others.push({ url: other.url, call: caller(other.url), close: () => other.stop() });
      return { url: other.url, call: caller(other.url) };
    },
    async close() {
      await Promise.all([gateway, ...others].map((serving) => serving.close()));
      await Promise.all([ent.close(), storage.close(), secondStorage?.close()]);
      await place.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
