import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

const PrivateJwk = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  alg: z.literal('RS256'),
  use: z.literal('sig'),
  n: z.string().min(1),
  e: z.string().min(1),
  d: z.string().min(1),
});

const KeysFile = z.object({
  jwks: z.object({ keys: z.array(PrivateJwk).min(1) }),
  cookieKeys: z.array(z.string().min(32)).min(1),
});

export type EntKeys = z.infer<typeof KeysFile>;

function generateKeys(): EntKeys {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  // RFC 7638 thumbprint: the kid follows the key, not the moment it was made.
  const kid = createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n })).digest('base64url');
  const signing = PrivateJwk.parse({ ...jwk, kid, alg: 'RS256', use: 'sig' });
  return { jwks: { keys: [signing] }, cookieKeys: [randomBytes(32).toString('base64url')] };
}

/**
 * The signing keys and cookie keys, read from `file` or created there: tokens and sessions then
 * survive a restart, and the gateway's cached JWKS stays valid.
 */
export async function loadOrCreateKeys(file: string): Promise<EntKeys> {
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (text !== undefined) {
    const parsed = KeysFile.safeParse(JSON.parse(text));
    if (!parsed.success) {
      // Never overwrite: the operator may have put real keys there.
      throw new Error(`ENT keys file ${file} is not valid:\n${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  }
  const keys = generateKeys();
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
  return keys;
}
