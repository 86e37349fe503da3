// Helpers for the tests: a real ENT on an ephemeral port and a browser-like client made of fetch
// and a cookie jar.
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnt } from './app.ts';
import type { Ent } from './app.ts';
import { readEntConfig } from './config.ts';

export const PUBLIC_URL = 'http://localhost:8080';
export const CLIENT_ID = 'mytoutatice';
export const REDIRECT_URI = `${PUBLIC_URL}/auth/callback`;

export interface RunningEnt {
  ent: Ent;
  issuer: string;
  keysFile: string;
  close(): Promise<void>;
}

/** Starts an ENT; the issuer's port is only known once listening, so the handler comes second. */
export async function startEnt(opts: { keysFile?: string } = {}): Promise<RunningEnt> {
  const dir = opts.keysFile ? undefined : await mkdtemp(join(tmpdir(), 'dev-ent-'));
  const keysFile = opts.keysFile ?? join(dir ?? '', 'keys.json');
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://localhost:${port}`;
  const ent = await createEnt(
    readEntConfig({ ENT_ISSUER: issuer, PUBLIC_URL, ENT_KEYS_FILE: keysFile, LOG_LEVEL: 'silent' }),
  );
  server.on('request', ent.handler);
  return {
    ent,
    issuer,
    keysFile,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

import {
  authorizeUrl as authorizeUrlFor,
  followToClient as followToClientOf,
  passwordSignIn,
} from './scripted-login.ts';
import type { Browser, SignedIn } from './scripted-login.ts';

export { browser, CookieJar, form, location, pkce } from './scripted-login.ts';
export type { Browser, SignedIn } from './scripted-login.ts';

const client = (issuer: string) => ({ issuer, publicUrl: PUBLIC_URL, clientId: CLIENT_ID });

export const authorizeUrl = (issuer: string, params: Record<string, string>) => authorizeUrlFor(client(issuer), params);
export const signIn = (issuer: string, login: string, tab?: Browser): Promise<SignedIn> =>
  passwordSignIn(client(issuer), login, 'demo', tab);
export const followToClient = (tab: Browser, url: string) => followToClientOf(tab, url, PUBLIC_URL);
