import { randomBytes, randomUUID, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { AppPassword, CreatedAppPassword } from '@mytoutatice/contract';
import { notFound } from '@mytoutatice/server-kit';
import { bumpSeq } from '../changes/write-seq.ts';
import type { SqlDb } from '@mytoutatice/sql';

/** No look-alikes (0/o, 1/l): people type these into phones. 32 symbols, so each byte maps evenly. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const GROUPS = 6;
const GROUP_LENGTH = 4;
const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1 };
const ALGORITHM = `scrypt:N=${SCRYPT.N},r=${SCRYPT.r},p=${SCRYPT.p}`;
const KEY_LENGTH = 32;
/** « Last used » is kept to the minute: a DAV client signing in on every request writes once a minute at most. */
const LAST_USED_PRECISION_MS = 60_000;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `abcd-efgh-…`: 24 random letters and digits (120 bits), grouped for reading aloud. */
function generatePassword(): string {
  const bytes = randomBytes(GROUPS * GROUP_LENGTH);
  const letters = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return letters.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))?.join('-') ?? letters;
}

/**
 * Creates a device app password; only its scrypt hash is kept, the password is answered once.
 * `label` is the caller's to check (the contract's `AppPasswordLabel`).
 */
export async function createAppPassword(db: SqlDb, label: string): Promise<CreatedAppPassword> {
  const password = generatePassword();
  const salt = randomBytes(16);
  const hash = await derive(password, salt);
  const id = randomUUID();
  const createdAt = new Date().toISOString();
  await db.transaction(async () => {
    await bumpSeq(db);
    await db.run(
      'INSERT INTO app_passwords (id, label, algorithm, salt, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      id, label, ALGORITHM, salt.toString('base64'), hash.toString('base64'), createdAt);
  });
  return { id, label, createdAt, lastUsedAt: null, password };
}

/**
 * The id of the app password matching `password`, if any (for DAV's Basic auth); notes when it
 * was used. A revoked password no longer matches from the moment its row is gone.
 */
export async function verifyAppPassword(db: SqlDb, password: string): Promise<string | undefined> {
  const rows = await db.all('SELECT id, algorithm, salt, hash FROM app_passwords');
  for (const row of rows) {
    if (row.algorithm !== ALGORITHM) continue;
    const expected = Buffer.from(String(row.hash), 'base64');
    const actual = await derive(password, Buffer.from(String(row.salt), 'base64'));
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) {
      const now = Date.now();
      await db.run(
        'UPDATE app_passwords SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
        new Date(now).toISOString(), String(row.id), new Date(now - LAST_USED_PRECISION_MS).toISOString());
      return String(row.id);
    }
  }
  return undefined;
}

export async function listAppPasswords(db: SqlDb): Promise<AppPassword[]> {
  const rows = await db.all('SELECT id, label, created_at, last_used_at FROM app_passwords ORDER BY created_at, id');
  return rows.map((row) => ({
    id: String(row.id),
    label: String(row.label),
    createdAt: String(row.created_at),
    lastUsedAt: row.last_used_at == null ? null : String(row.last_used_at),
  }));
}

/** Deletes the app password: DAV clients using it are refused from the next check on. 404 for an id the space does not hold. */
export async function revokeAppPassword(db: SqlDb, id: string): Promise<void> {
  await db.transaction(async () => {
    const gone = await db.get('DELETE FROM app_passwords WHERE id = ? RETURNING id', id);
    if (!gone) throw notFound('Ce mot de passe d’application n’existe pas.');
    await bumpSeq(db);
  });
}
