import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ACCESS_TOKEN_TYPES } from '../auth/access-token-rule.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const url = z.url().transform((u) => u.replace(/\/+$/, ''));

/** `at+jwt,JWT`, in any case: the names are JWT `typ` values, which compare case-insensitively. */
const accessTokenTypes = z
  .string()
  .transform((list) =>
    list
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => ACCESS_TOKEN_TYPES.find((type) => type.toLowerCase() === name.toLowerCase()) ?? name),
  )
  .pipe(z.array(z.enum(ACCESS_TOKEN_TYPES)).min(1, 'name at least one of at+jwt, JWT'));

export const GatewayConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().optional(),
  PUBLIC_URL: url.default('http://localhost:8080'),
  OIDC_ISSUER: url.default('http://localhost:8090'),
  OIDC_CLIENT_ID: z.string().min(1).default('mytoutatice'),
  OIDC_PROFILE_CLAIM: z.string().min(1).default('profil'),
  /** Which access tokens open the API: RFC 9068 `at+jwt` only, or also `JWT` (LemonLDAP::NG, Keycloak, Entra ID). */
  OIDC_ACCESS_TOKEN_TYPES: accessTokenTypes.default(['at+jwt', 'JWT']),
  /** Where the storage backend for new spaces lives (the directory remembers each space's own). */
  STORAGE_URL: url.default('http://127.0.0.1:8081'),
  INTERNAL_TOKEN_SECRET: z.string().min(32, 'INTERNAL_TOKEN_SECRET must be at least 32 characters'),
  /** The embedded state's folder (directory, sharings and links as SQLite files), when DATABASE_URL is not set. */
  GATEWAY_DATA_DIR: z.string().default(`${repoRoot}.data/gateway`),
  /**
   * PostgreSQL for the gateway's state instead of the SQLite files (schema `gateway`, migrated at
   * start): what lets several gateway processes run behind a load balancer.
   */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Folder holding the built apps (`<slug>/dist/manifest.json`); the Home's build holds the shell. */
  APPS_DIR: z.string().default(`${repoRoot}apps`),
  /** Origins allowed to frame the Home (the ENT desktop), space-separated; defaults to the issuer's. */
  FRAME_ANCESTORS: z.string().optional(),
  /** Shown as the address of a space: `<slug>.<SPACE_DOMAIN>`. */
  SPACE_DOMAIN: z.string().default('mytoutatice.cloud'),
  /**
   * The STORAGE_DATA_DIR of the storage backend at STORAGE_URL when it runs on this machine with contents on disk:
   * the gateway then sends downloads' bytes itself, the storage only deciding what to send.
   */
  LOCAL_STORAGE_DIR: z.string().min(1).optional(),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** How often a public link's live reader is checked again (a link disabled holds for open sockets within this). */
  LINK_RECHECK_MS: z.coerce.number().int().positive().default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type GatewayConfig = z.infer<typeof GatewayConfigSchema> & { frameAncestors: string[] };

export function readConfig(env: Record<string, string | undefined>): GatewayConfig {
  const parsed = GatewayConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid gateway configuration:\n${z.prettifyError(parsed.error)}`);
  }
  const c = parsed.data;
  const frameAncestors = c.FRAME_ANCESTORS?.split(/\s+/).filter(Boolean) ?? [new URL(c.OIDC_ISSUER).origin];
  return { ...c, frameAncestors };
}
