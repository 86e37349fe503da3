import { randomBytes, randomUUID, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { bumpSeq } from './instance-db.ts';
import type { SqlDb } from '../db/sql-db.ts';

/** No look-alikes (0/o, 1/l): people type these into phones. 32 symbols, so each byte maps evenly. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const GROUPS = 6;
const GROUP_LENGTH = 4;
const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1 };
const ALGORITHM = `scrypt:N=${SCRYPT.N},r=${SCRYPT.r},p=${SCRYPT.p}`;
const KEY_LENGTH = 32;

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

/** Creates a device app password; only its scrypt hash is kept, the password is returned once. */
export async function createAppPassword(db: SqlDb, label: string): Promise<string> {
  const password = generatePassword();
  const salt = randomBytes(16);
  const hash = await derive(password, salt);
  await db.transaction(async () => {
    await bumpSeq(db);
    await db.run(
      'INSERT INTO app_passwords (id, label, algorithm, salt, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      randomUUID(), label, ALGORITHM, salt.toString('base64'), hash.toString('base64'), new Date().toISOString());
  });
  return password;
}

/** The id of the app password matching `password`, if any (for DAV's Basic auth). */
export async function verifyAppPassword(db: SqlDb, password: string): Promise<string | undefined> {
  const rows = await db.all('SELECT id, algorithm, salt, hash FROM app_passwords');
  for (const row of rows) {
    if (row.algorithm !== ALGORITHM) continue;
    const expected = Buffer.from(String(row.hash), 'base64');
    const actual = await derive(password, Buffer.from(String(row.salt), 'base64'));
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return String(row.id);
  }
  return undefined;
}

export interface AppPasswordInfo {
  label: string;
  createdAt: string;
}

export async function listAppPasswords(db: SqlDb): Promise<AppPasswordInfo[]> {
  return (await db.all('SELECT label, created_at FROM app_passwords ORDER BY created_at')).map((row) => ({ label: String(row.label), createdAt: String(row.created_at) }));
}
