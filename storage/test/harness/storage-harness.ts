import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SignJWT } from 'jose';
import { INTERNAL_TOKEN_AUDIENCE, contentDigest, type Grant, type InternalScope } from '@mytoutatice/contract';
import { createStorage } from '../../src/app.ts';
import { testBucket, testDatabase } from './test-database.ts';
import type { StorageConfig } from '../../src/config.ts';
import type { BlobStore } from '../../src/blobs/blob-store.ts';
import type { MetadataBackend } from '../../src/db/metadata-backend.ts';
import type { JobQueue } from '../../src/jobs/job-queue.ts';
import { createAppPassword } from '../../src/instances/app-passwords.ts';
import { InstanceRecords } from '../../src/instances/instance-records.ts';

/** A realtime WebSocket client for tests (storage's `/realtime`, the gateway's `/api/…/realtime`). */
export { SocketProbe } from '../changes/socket-probe.ts';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface TokenOptions {
  sub?: string;
  secret?: string;
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** For `app` and `sharing` tokens. */
  grants?: Grant[];
  /** The app's slug, for `app` tokens. */
  app?: string;
  /** The sharing id, for `sharing` tokens. */
  sharing?: string;
  /** The member acting through a `sharing` token (their slug). */
  member?: string;
  /** The public link's id, for `visitor` tokens. */
  link?: string;
  /** For `visitor` tokens: photos keep their GPS position. */
  keepGps?: boolean;
}

export interface TestInstance {
  id: string;
  slug: string;
  token: string;
}

/** A storage backend served in-process on an ephemeral port, on a fresh temp data dir. */
export interface StorageHarness {
  url: string;
  config: StorageConfig;
  /** The backend's own metadata handles (what another process on the same data would open). */
  metadata: MetadataBackend;
  blobs: BlobStore;
  /** The backend's job queue (its worker runs in-process unless `jobsWorker: 'off'`). */
  jobs: JobQueue;
  sign(scope: InternalScope, options?: TokenOptions): Promise<string>;
  createInstance(slug?: string): Promise<TestInstance>;
  /** A new device app password for the space at `slug` (what `admin app-password` prints). */
  createAppPassword(slug: string, label?: string): Promise<string>;
  /** fetch against the backend with a bearer token. */
  call(token: string | undefined, path: string, init?: RequestInit): Promise<Response>;
  /** Stops the backend and starts it again on the same data (on another port: `url` follows). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startStorage(overrides: Partial<StorageConfig> = {}): Promise<StorageHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mytoutatice-storage-'));
  const database = await testDatabase();
  const bucket = testBucket();
  const config: StorageConfig = {
    dataDir,
    internalTokenSecret: TEST_SECRET,
    defaultQuotaBytes: 5 * 1024 ** 3,
    maxFileBytes: 10 * 1024 ** 3,
    trashRetentionDays: 30,
    logLevel: 'silent',
    jobWorker: { pollMs: 100 },
    ...(database ? { metadata: { kind: 'postgres', url: database.url, poolSize: 5 } } : {}),
    ...(bucket ? { blobs: bucket } : {}),
    ...overrides,
  };
  let { storage, server, url } = await serve(config);

  const sign = (scope: InternalScope, options: TokenOptions = {}) =>
    signInternalToken(config.internalTokenSecret, scope, options);

  function call(token: string | undefined, path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
    return fetch(`${url}${path}`, { ...init, headers });
  }

  async function createInstance(slug = `user-${randomUUID().slice(0, 8)}`): Promise<TestInstance> {
    const id = randomUUID();
    const response = await call(await sign('admin'), '/instances', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, slug, email: `${slug}@example.org` }),
    });
    if (response.status !== 201) throw new Error(`instance creation failed: ${response.status} ${await response.text()}`);
    // An hour: a slow machine must not turn a long test file into 401s.
    return { id, slug, token: await sign('owner', { sub: id, expiresIn: 3600 }) };
  }

  const stop = async () => {
    storage.closeClients();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await storage.close();
  };

  return {
    get url() {
      return url;
    },
    config,
    get metadata() {
      return storage.metadata;
    },
    get blobs() {
      return storage.blobs;
    },
    get jobs() {
      return storage.jobs;
    },
    sign,
    call,
    createInstance,
    async restart() {
      await stop();
      ({ storage, server, url } = await serve(config));
    },
    async createAppPassword(slug, label = 'test') {
      const instance = await new InstanceRecords(storage.metadata.registry).bySlug(slug);
      if (!instance) throw new Error(`no space ${slug}`);
      return (await createAppPassword(storage.metadata.instance(instance.id), label)).password;
    },
    async close() {
      await stop();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function serve(config: StorageConfig) {
  const storage = await createStorage(config);
  const server: Server = await new Promise((resolve) => {
    const listening = storage.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  server.on('upgrade', storage.upgrade);
  return { storage, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The instance's blob keys, sorted, whatever the store (files or S3). */
export async function blobKeys(storage: StorageHarness, instanceId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of storage.blobs.keys(instanceId)) keys.push(key);
  return keys.sort();
}

/** The environment another process (the admin CLI, a storage process) needs to open the same metadata and contents. */
export function backendEnv({ metadata, blobs }: Pick<StorageConfig, 'metadata' | 'blobs'>): Record<string, string> {
  const env: Record<string, string> = metadata?.kind === 'postgres' ? { DATABASE_URL: metadata.url } : {};
  if (blobs?.kind === 's3') {
    Object.assign(env, {
      BLOB_STORE: 's3',
      S3_BUCKET: blobs.bucket,
      S3_REGION: blobs.region,
      S3_PREFIX: blobs.prefix,
      S3_FORCE_PATH_STYLE: String(blobs.forcePathStyle),
    });
    if (blobs.endpoint) env.S3_ENDPOINT = blobs.endpoint;
    if (blobs.accessKeyId && blobs.secretAccessKey) {
      Object.assign(env, { S3_ACCESS_KEY_ID: blobs.accessKeyId, S3_SECRET_ACCESS_KEY: blobs.secretAccessKey });
    }
  }
  return env;
}

/** An internal token as the gateway signs it (HS256, its issuer and audience), for `secret`. */
export async function signInternalToken(secret: string, scope: InternalScope, options: TokenOptions = {}): Promise<string> {
  const { grants, app, sharing, member, link, keepGps } = options;
  const jwt = new SignJWT({ scope, grants, app, sharing, member, link, keepGps })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(options.issuer ?? 'mytoutatice-gateway')
    .setAudience(options.audience ?? INTERNAL_TOKEN_AUDIENCE)
    .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresIn ?? 60));
  if (options.sub !== undefined) jwt.setSubject(options.sub);
  return jwt.sign(new TextEncoder().encode(options.secret ?? secret));
}

/** RFC 9530 header for these bytes. */
export function digestOf(bytes: Uint8Array): string {
  return contentDigest(createHash('sha256').update(bytes).digest('base64'));
}

/** Every file under `dir`, as paths relative to it (empty when the folder does not exist). */
export async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
}

/** Waits until `check` holds (polling), failing after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The same JWT with one bit of its signature flipped. (Rewriting the last base64url characters
 * is not enough: their low bits are padding, so the decoded signature can stay the same.)
 */
export function tamperSignature(jwt: string): string {
  const [header, payload, signature = ''] = jwt.split('.');
  const bytes = Buffer.from(signature, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}

export { heicWithGps, jpegWithGps, RENNES } from '../files/test-photos.ts';
