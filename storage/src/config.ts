import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { BlobConfig } from './blobs/blob-config.ts';
import type { JobWorkerOptions } from './jobs/job-worker.ts';

const GIB = 1024 ** 3;

/** `<repo>/.data/storage`, whatever the working directory. */
export const defaultDataDir = fileURLToPath(new URL('../../.data/storage', import.meta.url));

const byteCount = z.coerce.number().int().positive();

export const StorageEnv = z.object({
  STORAGE_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  STORAGE_HOST: z.string().min(1).default('127.0.0.1'),
  STORAGE_DATA_DIR: z.string().min(1).default(defaultDataDir),
  INTERNAL_TOKEN_SECRET: z.string().min(32, 'INTERNAL_TOKEN_SECRET must be at least 32 characters'),
  DEFAULT_QUOTA_BYTES: byteCount.default(5 * GIB),
  MAX_FILE_BYTES: byteCount.default(10 * GIB),
  TRASH_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** Metadata on PostgreSQL (`postgres://…`) instead of SQLite files under the data dir. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /** `off` when jobs run in worker processes of their own (`npm run worker`) rather than here. */
  JOBS_WORKER: z.enum(['inline', 'off']).default('inline'),
});

/** What `createStorage` needs; the port and host belong to `main.ts`. */
export interface StorageConfig {
  dataDir: string;
  internalTokenSecret: string;
  defaultQuotaBytes: number;
  maxFileBytes: number;
  /** Trashed items older than this are destroyed (the daily `trash.purge` job of each instance). */
  trashRetentionDays: number;
  /** Whether this process runs the jobs (default `inline`) or leaves them to worker processes. */
  jobsWorker?: 'inline' | 'off';
  /** The inline worker's timings (tests shorten them). */
  jobWorker?: Omit<JobWorkerOptions, 'onError'>;
  logLevel: z.infer<typeof StorageEnv>['LOG_LEVEL'];
  /** Where metadata lives: SQLite under dataDir (default) or a PostgreSQL database. */
  metadata?: MetadataConfig;
  /** Where contents live: files under dataDir (default) or an S3-compatible bucket. */
  blobs?: BlobConfig;
}

export type MetadataConfig = { kind: 'sqlite' } | { kind: 'postgres'; url: string; poolSize: number };

export function metadataConfig(env: Pick<z.infer<typeof StorageEnv>, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>): MetadataConfig {
  return env.DATABASE_URL === undefined
    ? { kind: 'sqlite' }
    : { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE };
}

export function readStorageEnv(env: NodeJS.ProcessEnv): z.infer<typeof StorageEnv> {
  const parsed = StorageEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid storage configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
