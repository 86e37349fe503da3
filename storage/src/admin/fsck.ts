import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { blobPath, type InstancePaths } from '../instances/instance-db.ts';
import type { SqlDb } from '../db/sql-db.ts';

export type FsckProblemKind = 'missing_content' | 'size_mismatch' | 'hash_mismatch' | 'orphan_blob' | 'tmp_leftover';

export interface FsckProblem {
  kind: FsckProblemKind;
  /** Path relative to the instance folder. */
  path: string;
  detail: string;
  repaired: boolean;
}

export interface FsckReport {
  problems: FsckProblem[];
  /** Entries too recent to judge (an upload may be in progress): left alone, not problems. */
  skipped: string[];
}

export interface FsckOptions {
  repair: boolean;
  /** Orphan blobs and temp files younger than this may belong to an upload in progress. */
  graceMs: number;
}

/** Uploads write tmp/ then rename into content/ then commit the row: a few seconds at most. */
export const DEFAULT_GRACE_MS = 15 * 60 * 1000;

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

async function filesIn(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => !entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Checks one instance's metadata against its content: rows whose blob is missing or differs
 * (size, SHA-256), blobs without a row, leftovers in tmp/. With `repair`, orphan blobs and
 * leftovers are deleted; rows with missing or damaged content are only reported (nothing can
 * bring the bytes back). Safe while the server runs: recent entries are skipped.
 */
export async function fsckInstance(paths: InstancePaths, db: SqlDb, options: FsckOptions): Promise<FsckReport> {
  const report: FsckReport = { problems: [], skipped: [] };
  const where = (path: string) => relative(paths.root, path);
  const problem = (kind: FsckProblemKind, path: string, detail: string, repaired = false) =>
    report.problems.push({ kind, path: where(path), detail, repaired });

  const rows = await db.all(`SELECT id, name, size, sha256 FROM files WHERE type = 'file'`);
  const expectedBlobs = new Set<string>();
  for (const row of rows) {
    const id = String(row.id);
    const path = blobPath(paths, id);
    expectedBlobs.add(path);
    const label = `fichier ${id} « ${String(row.name)} »`;
    const stats = await stat(path).catch(() => undefined);
    if (!stats?.isFile()) {
      problem('missing_content', path, `${label} : contenu manquant`);
    } else if (stats.size !== Number(row.size)) {
      problem('size_mismatch', path, `${label} : ${stats.size} octets au lieu de ${Number(row.size)}`);
    } else if ((await sha256Of(path)) !== row.sha256) {
      problem('hash_mismatch', path, `${label} : empreinte SHA-256 différente`);
    }
  }

  const now = Date.now();
  const removable = async (path: string): Promise<boolean> => {
    const stats = await stat(path).catch(() => undefined);
    if (stats && now - stats.mtimeMs < options.graceMs) {
      report.skipped.push(where(path));
      return false;
    }
    return true;
  };

  for (const path of await filesIn(paths.content)) {
    if (expectedBlobs.has(path) || !(await removable(path))) continue;
    if (options.repair) await rm(path, { force: true });
    problem('orphan_blob', path, 'contenu sans fichier correspondant', options.repair);
  }
  for (const path of await filesIn(paths.tmp)) {
    if (!(await removable(path))) continue;
    if (options.repair) await rm(path, { force: true });
    problem('tmp_leftover', path, 'reste d’un envoi interrompu', options.repair);
  }
  return report;
}
