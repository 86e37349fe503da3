import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Copies a prebuilt file under a content-hashed name (`single-spa-AbCd1234.js`) and returns that name. */
export function hashedCopy(file: string, outDir: string, name: string): string {
  const hash = createHash('sha256').update(readFileSync(file)).digest('base64url').slice(0, 8);
  const fileName = `${name}-${hash}.js`;
  mkdirSync(outDir, { recursive: true });
  copyFileSync(file, join(outDir, fileName));
  return fileName;
}
