import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/** `scrypt$<N>.<r>.<p>$<salt base64url>$<hash base64url>`: the cost travels with the hash, so it can be raised later. */
export type PasswordHash = string & { readonly __brand: 'PasswordHash' };

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/**
 * One of OWASP's equivalent scrypt settings (N = 2^15, r = 8, p = 3): the CPU of their 2^17 floor
 * with 32 MiB per check instead of 128, so a burst of visitors does not eat the gateway's memory.
 * node:crypto's scrypt rather than argon2: no native package to build on every machine, and the
 * throttle per link bounds how many checks a guesser gets anyway.
 */
const COST = '32768.8.3';
const KEY_BYTES = 32;
const MAX_MEM = 64 * 1024 * 1024;

function params(cost: string) {
  const [N, r, p] = cost.split('.').map(Number);
  return { N: N ?? 0, r: r ?? 0, p: p ?? 0, maxmem: MAX_MEM };
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password.normalize('NFC'), salt, KEY_BYTES, params(COST));
  return `scrypt$${COST}$${salt.toString('base64url')}$${hash.toString('base64url')}` as PasswordHash;
}

export async function passwordMatches(stored: PasswordHash, password: string): Promise<boolean> {
  const [kind, cost, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || cost === undefined || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, params(cost));
  return timingSafeEqual(actual, expected);
}
