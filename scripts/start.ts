/**
 * `npm start`: the ENT simulator, the storage backend and the gateway, wired together, with the
 * demo space seeded. Each service stays its own process, as in production.
 *   DATA_DIR (default .data)  PORT (8080)  ENT_PORT (8090)  STORAGE_PORT (8081)  SEED_DEMO (1)
 * OIDC_ISSUER on another port than ENT_PORT (or with a path, as Keycloak's realms) names another
 * provider: the simulator is not started, and there is no demo data (it signs in through it).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemo } from './seed-demo.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = resolve(root, process.env.DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 8080);
const entPort = Number(process.env.ENT_PORT ?? 8090);
const storagePort = Number(process.env.STORAGE_PORT ?? 8081);
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const issuer = (process.env.OIDC_ISSUER ?? `http://localhost:${entPort}`).replace(/\/+$/, '');
// The simulator's own address, or another host name for it (a LAN address for phones): same port, no path.
const simulated = isSimulator(issuer);

mkdirSync(dataDir, { recursive: true });
const secretFile = join(dataDir, 'internal-token.secret');
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });

const env = {
  ...process.env,
  PORT: String(port),
  ENT_PORT: String(entPort),
  STORAGE_PORT: String(storagePort),
  PUBLIC_URL: publicUrl,
  OIDC_ISSUER: issuer,
  ENT_ISSUER: issuer,
  STORAGE_URL: `http://127.0.0.1:${storagePort}`,
  INTERNAL_TOKEN_SECRET: process.env.INTERNAL_TOKEN_SECRET ?? readFileSync(secretFile, 'utf8').trim(),
  ENT_KEYS_FILE: join(dataDir, 'ent', 'keys.json'),
  STORAGE_DATA_DIR: join(dataDir, 'storage'),
  // The storage runs beside the gateway: downloads are read from disk by the gateway.
  LOCAL_STORAGE_DIR: join(dataDir, 'storage'),
  GATEWAY_DATA_DIR: join(dataDir, 'gateway'),
};

const services = [
  ...(simulated ? [{ name: 'ent', entry: 'dev/ent/src/main.ts', health: `http://127.0.0.1:${entPort}/healthz` }] : []),
  // The storage is restarted when it dies, as a supervisor would (its data is durable; the gateway
  // and the pages reconnect): its pid is in storage.pid, for journeys that kill it.
  { name: 'storage', entry: 'storage/src/main.ts', health: `http://127.0.0.1:${storagePort}/healthz`, restart: true },
  { name: 'gateway', entry: 'gateway/src/main.ts', health: `http://127.0.0.1:${port}/healthz` },
];
/** Restarts allowed within RESTART_WINDOW_MS before giving up (a storage that cannot start). */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

const children = new Set<ChildProcess>();
let stopping = false;
function stop(code: number): void {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function launch(service: (typeof services)[number], restarts: number[] = []): void {
  const child = spawn(process.execPath, ['--conditions=mytoutatice-source', join(root, service.entry)], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  children.add(child);
  if (service.name === 'storage' && child.pid !== undefined) writeFileSync(join(dataDir, 'storage.pid'), String(child.pid));
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) return;
    const recent = restarts.filter((at) => at > Date.now() - RESTART_WINDOW_MS);
    if ('restart' in service && service.restart && recent.length < MAX_RESTARTS) {
      console.error(`✗ ${service.name} stopped (${signal ?? `exit ${code}`}); restarting it`);
      launch(service, [...recent, Date.now()]);
      return;
    }
    console.error(`✗ ${service.name} stopped (exit ${code}); stopping the others`);
    stop(code ?? 1);
  });
}

for (const service of services) launch(service);

await Promise.all(services.map((s) => waitForHealth(s.name, s.health)));
if (!simulated) {
  console.log(`› OIDC_ISSUER est ${issuer} : pas de données de démonstration (elles passent par le simulateur d’ENT)`);
} else if (process.env.SEED_DEMO !== '0') {
  await seedDemo({ publicUrl, issuer, gatewayUrl: `http://127.0.0.1:${port}` }).catch((error: unknown) => {
    console.error(`✗ demo data could not be seeded: ${error instanceof Error ? error.message : String(error)}`);
  });
}
const signInLines = simulated
  ? `  ENT (connexion)      : ${issuer}  — bureau de l'ENT : ${issuer}/
  Comptes de démonstration (mot de passe « demo ») : enseignant, eleve, agent, admin`
  : `  Connexion            : ${issuer}`;
console.log(`
MyToutatice est prêt : ${publicUrl}
${signInLines}
  Données : ${dataDir}    (Ctrl+C pour arrêter)
`);

function isSimulator(url: string): boolean {
  const { port: urlPort, pathname, protocol } = new URL(url);
  const effectivePort = urlPort === '' ? (protocol === 'https:' ? '443' : '80') : urlPort;
  return effectivePort === String(entPort) && pathname === '/';
}

async function waitForHealth(name: string, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  console.error(`✗ ${name} did not become healthy at ${url}`);
  stop(1);
}
