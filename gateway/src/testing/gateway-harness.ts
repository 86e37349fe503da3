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
import { createGateway } from '../app.ts';
import { readConfig } from '../config/config.ts';
import type { GatewayConfig } from '../config/config.ts';

/** A built shell and one app, as `pnpm build` lays them out, small enough to write by hand. */
export function writeAppsFixture(dir: string): void {
  mkdirSync(join(dir, 'home/dist/shared'), { recursive: true });
  mkdirSync(join(dir, 'home/dist/shell'), { recursive: true });
  mkdirSync(join(dir, 'notes/dist'), { recursive: true });
  writeFileSync(join(dir, 'home/dist/shared/react-AbCd1234.js'), `export const version = '19';\n${'//'.padEnd(2000, 'x')}\n`);
  writeFileSync(join(dir, 'home/dist/shell/root-config-EfGh5678.js'), 'console.log("shell");\n');
  writeFileSync(join(dir, 'home/dist/shell/silent-renew-IjKl9012.js'), 'console.log("renew");\n');
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

export type GatewayHarness = {
  url: string;
  config: GatewayConfig;
  ent: RunningEnt;
  storage: StorageHarness;
  /** A real access token for a demo account, from the ENT's authorization-code flow. */
  tokenFor(login: string): Promise<{ access_token: string; id_token: string }>;
  call(token: string | undefined, path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
};

/**
 * A gateway in front of a storage of its own, both in-process. `offload` (default true) runs them
 * as `npm start` does, the gateway reading downloads from the storage's folder; false as on two
 * machines.
 */
export async function startGateway(env: Record<string, string> = {}, { offload = true } = {}): Promise<GatewayHarness> {
  const ent = await startEnt();
  const storage = await startStorage();
  const dir = mkdtempSync(join(tmpdir(), 'mytoutatice-gateway-'));
  writeAppsFixture(join(dir, 'apps'));
  const config = readConfig({
    OIDC_ISSUER: ent.issuer,
    STORAGE_URL: storage.url,
    INTERNAL_TOKEN_SECRET: TEST_SECRET,
    GATEWAY_DATA_DIR: join(dir, 'data'),
    APPS_DIR: join(dir, 'apps'),
    ...(offload ? { LOCAL_STORAGE_DIR: storage.config.dataDir } : {}),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const gateway = createGateway(config);
  const server: Server = await new Promise((resolve) => {
    const s = createServer(gateway.handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  server.on('upgrade', gateway.upgrade);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    config,
    ent,
    storage,
    tokenFor: async (login) => (await signIn(ent.issuer, login)).tokens,
    call: (token, path, init = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) },
      }),
    async close() {
      server.closeAllConnections();
      // Upgraded sockets are no longer the server's connections: the gateway ends them.
      gateway.close();
      await new Promise((r) => server.close(r));
      await Promise.all([ent.close(), storage.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
