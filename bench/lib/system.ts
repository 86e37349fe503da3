/**
 * Starts the whole system (scripts/start.ts) on its own ports and data folder for a benchmark,
 * and signs a demo account in through the real ENT.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { passwordSignIn } from '@mytoutatice/dev-ent/scripted-login';
import { openGatewayState } from '@mytoutatice/gateway/state-testing';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export type BenchSystem = {
  publicUrl: string;
  issuer: string;
  storageUrl: string;
  dataDir: string;
  secret: string;
  /** Signs in and creates the space if needed; returns the access token. */
  signIn(login: string): Promise<string>;
  /** The storage instance id of a space, from the gateway's directory. */
  instanceIdOf(slug: string): Promise<string>;
  /** An internal token as the gateway would mint it (an hour long), to call storage directly. */
  internalToken(scope: 'owner' | 'admin', instanceId?: string): Promise<string>;
  stop(): void;
};

/** `env` adds to the system's environment (e.g. DATABASE_URL for the storage's metadata on PostgreSQL). */
export async function startSystem(base = 28080, env: Record<string, string> = {}): Promise<BenchSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mytoutatice-bench-'));
  const secret = randomBytes(32).toString('base64url');
  const ports = { gateway: base, ent: base + 10, storage: base + 1 };
  const publicUrl = `http://localhost:${ports.gateway}`;
  const issuer = `http://localhost:${ports.ent}`;
  const child = spawn(process.execPath, ['--conditions=mytoutatice-source', join(root, 'scripts/start.ts')], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(ports.gateway),
      ENT_PORT: String(ports.ent),
      STORAGE_PORT: String(ports.storage),
      INTERNAL_TOKEN_SECRET: secret,
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('MyToutatice est prêt')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`system exited (${code})`)));
  });
  return {
    publicUrl,
    issuer,
    storageUrl: `http://127.0.0.1:${ports.storage}`,
    dataDir,
    secret,
    async signIn(login) {
      const { tokens } = await passwordSignIn({ issuer, publicUrl, clientId: 'mytoutatice' }, login, 'demo');
      const headers = { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' };
      const me = (await (await fetch(`${publicUrl}/gateway/me`, { headers })).json()) as { space: unknown; user: { email: string } };
      if (!me.space) {
        const res = await fetch(`${publicUrl}/gateway/onboarding`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ email: me.user.email, acceptCgu: true }),
        });
        if (!res.ok) throw new Error(`onboarding: ${res.status}`);
      }
      return tokens.access_token;
    },
    async instanceIdOf(slug) {
      // Where the gateway keeps it: its SQLite files, or PostgreSQL when DATABASE_URL reached it too.
      const state = openGatewayState({ GATEWAY_DATA_DIR: join(dataDir, 'gateway'), DATABASE_URL: env.DATABASE_URL });
      try {
        const space = await state.directory.findBySlug(slug);
        if (!space) throw new Error(`no space ${slug}`);
        return space.instanceId;
      } finally {
        await state.close();
      }
    },
    internalToken(scope, instanceId) {
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT({ scope })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('mytoutatice-gateway')
        .setAudience('mytoutatice-storage')
        .setIssuedAt(now)
        .setExpirationTime(now + 3600);
      if (instanceId) jwt.setSubject(instanceId);
      return jwt.sign(new TextEncoder().encode(secret));
    },
    stop() {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
