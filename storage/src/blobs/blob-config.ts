import { z } from 'zod';
import type { BlobStore } from './blob-store.ts';
import { FsBlobStore } from './fs-blob-store.ts';
import { S3BlobStore, type S3BlobStoreConfig } from './s3-blob-store.ts';

const optional = z.string().trim().min(1).optional();

export const BlobEnv = z
  .object({
    BLOB_STORE: z.enum(['fs', 's3']).default('fs'),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().trim().min(1).default('us-east-1'),
    S3_BUCKET: optional,
    S3_ACCESS_KEY_ID: optional,
    S3_SECRET_ACCESS_KEY: optional,
    S3_PREFIX: z
      .string()
      .regex(/^([A-Za-z0-9_-][A-Za-z0-9._-]*\/)*$/, 'S3_PREFIX is empty or folders ending with /, e.g. mytoutatice/')
      .default(''),
    S3_FORCE_PATH_STYLE: z.stringbool().default(true),
  })
  .superRefine((env, ctx) => {
    if (env.BLOB_STORE !== 's3') return;
    if (!env.S3_BUCKET) ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'S3_BUCKET is required when BLOB_STORE=s3' });
    // Both or neither: without them the SDK's default chain applies (instance role, AWS_* variables).
    if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY) {
      ctx.addIssue({ code: 'custom', path: ['S3_SECRET_ACCESS_KEY'], message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together' });
    }
  });

export type BlobConfig = { kind: 'fs'; dataDir: string } | ({ kind: 's3' } & S3BlobStoreConfig);

/** The blob store chosen by the environment; `dataDir` is the storage's data folder (for `fs`). */
export function readBlobConfig(env: NodeJS.ProcessEnv, dataDir: string): BlobConfig {
  const parsed = BlobEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid blob store configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  if (values.BLOB_STORE === 'fs') return { kind: 'fs', dataDir };
  return {
    kind: 's3',
    endpoint: values.S3_ENDPOINT,
    region: values.S3_REGION,
    bucket: values.S3_BUCKET ?? '',
    accessKeyId: values.S3_ACCESS_KEY_ID,
    secretAccessKey: values.S3_SECRET_ACCESS_KEY,
    prefix: values.S3_PREFIX,
    forcePathStyle: values.S3_FORCE_PATH_STYLE,
  };
}

export function createBlobStore(config: BlobConfig): BlobStore {
  return config.kind === 'fs' ? new FsBlobStore(config.dataDir) : new S3BlobStore(config);
}
