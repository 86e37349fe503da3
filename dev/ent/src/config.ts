import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** `<repo>/.data/ent/keys.json`, whatever the working directory. */
export const defaultKeysFile = fileURLToPath(new URL('../../../.data/ent/keys.json', import.meta.url));

const url = z.url().transform((u) => u.replace(/\/+$/, ''));

export const EntEnv = z.object({
  ENT_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  ENT_HOST: z.string().optional(),
  /** Defaults to `http://localhost:${ENT_PORT}`. */
  ENT_ISSUER: url
    .refine((u) => new URL(u).pathname === '/', 'ENT_ISSUER must be an origin without a path')
    .optional(),
  PUBLIC_URL: url.default('http://localhost:8080'),
  OIDC_CLIENT_ID: z.string().min(1).default('mytoutatice'),
  ENT_KEYS_FILE: z.string().min(1).default(defaultKeysFile),
  ACCESS_TOKEN_TTL: z.coerce.number().int().positive().default(900),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

/** What `createEnt` needs; the port and host belong to `main.ts`. */
export interface EntConfig {
  port: number;
  host: string | undefined;
  issuer: string;
  publicUrl: string;
  clientId: string;
  keysFile: string;
  accessTokenTtl: number;
  logLevel: z.infer<typeof EntEnv>['LOG_LEVEL'];
}

export function readEntConfig(env: Record<string, string | undefined>): EntConfig {
  const parsed = EntEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid ENT simulator configuration:\n${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  return {
    port: e.ENT_PORT,
    host: e.ENT_HOST,
    issuer: e.ENT_ISSUER ?? `http://localhost:${e.ENT_PORT}`,
    publicUrl: e.PUBLIC_URL,
    clientId: e.OIDC_CLIENT_ID,
    keysFile: e.ENT_KEYS_FILE,
    accessTokenTtl: e.ACCESS_TOKEN_TTL,
    logLevel: e.LOG_LEVEL,
  };
}
