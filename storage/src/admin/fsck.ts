import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BlobMissingError, type BlobStore } from '../blobs/blob-store.ts';
import type { SqlDb } from '@mytoutatice/sql';
import { blobPath, type InstancePaths } from '../instances/instance-paths.ts';
import { expiredUploadsIn } from '../tus/expired-uploads.ts';
import { UPLOADS_FOLDER } from '../tus/upload-ids.ts';

export type FsckProblemKind = 'missing_content' | 'size_mismatch' | 'hash_mismatch' | 'orphan_blob' | 'tmp_leftover' | 'expired_upload';

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
 * Checks one instance's metadata against its content: rows (files and their versions) whose blob is missing or differs
 * (size, SHA-256), blobs without a row, leftovers in tmp/ (files on disk), resumable uploads past
 * their expiry (those within it are in progress, not problems). With `repair`, orphan blobs and
 * leftovers are deleted; rows with missing or damaged content are only reported
 * (nothing can bring the bytes back). Safe while the server runs: recent entries are skipped.
 */
export async function fsckInstance(
  instance: { id: string; paths: InstancePaths; db: SqlDb; blobs: BlobStore },
  options: FsckOptions,
): Promise<FsckReport> {
  const { id: instanceId, paths, db, blobs } = instance;
  const report: FsckReport = { problems: [], skipped: [] };
  const where = (path: string) => relative(paths.root, path);
  const blobName = (key: string) => where(blobPath(paths, key));
  const problem = (kind: FsckProblemKind, path: string, detail: string, repaired = false) =>
    report.problems.push({ kind, path, detail, repaired });

  // Every blob a row names: each file's current content and each of its versions.
  const rows = await db.all(
    `SELECT blob_key, size, sha256, 'fichier ' || id || ' « ' || name || ' »' AS label FROM files WHERE type = 'file'
     UNION ALL
     SELECT v.blob_key, v.size, v.sha256, 'version ' || v.id || ' du fichier ' || f.id || ' « ' || f.name || ' »'
     FROM file_versions v JOIN files f ON f.id = v.file_id`,
  );
  const expected = new Set<string>();
  for (const row of rows) {
    const key = String(row.blob_key);
    expected.add(key);
    const label = String(row.label);
    let size = 0;
    let sha256: string | undefined;
    try {
      const hash = createHash('sha256');
      await pipeline(await blobs.read(instanceId, key), async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          hash.update(chunk);
        }
        yield* [];
      });
      sha256 = hash.digest('hex');
    } catch (error) {
      if (!(error instanceof BlobMissingError)) throw error;
      problem('missing_content', blobName(key), `${label} : contenu manquant`);
      continue;
    }
    if (size !== Number(row.size)) {
      problem('size_mismatch', blobName(key), `${label} : ${size} octets au lieu de ${Number(row.size)}`);
    } else if (sha256 !== row.sha256) {
      problem('hash_mismatch', blobName(key), `${label} : empreinte SHA-256 différente`);
    }
  }

  const now = Date.now();
  const young = (modifiedAt: number | undefined) => modifiedAt !== undefined && now - modifiedAt < options.graceMs;

  const orphans: string[] = [];
  for await (const key of blobs.keys(instanceId)) if (!expected.has(key)) orphans.push(key);
  for (const key of orphans) {
    if (young(await blobs.modifiedAt(instanceId, key))) {
      report.skipped.push(blobName(key));
      continue;
    }
    if (options.repair) await blobs.remove(instanceId, [key]);
    problem('orphan_blob', blobName(key), 'contenu sans fichier correspondant', options.repair);
  }
  for (const path of await filesIn(paths.tmp)) {
    if (young((await stat(path).catch(() => undefined))?.mtimeMs)) {
      report.skipped.push(where(path));
      continue;
    }
    if (options.repair) await rm(path, { force: true });
    problem('tmp_leftover', where(path), 'reste d’un envoi interrompu', options.repair);
  }
  const uploads = join(paths.root, UPLOADS_FOLDER);
  for (const upload of await expiredUploadsIn(uploads, now)) {
    if (options.repair) {
      if (upload.blob) await blobs.parts?.abort(instanceId, upload.blob.key, upload.blob.uploadId);
      for (const name of upload.names) await rm(join(uploads, name), { force: true });
    }
    problem('expired_upload', join(UPLOADS_FOLDER, upload.id), 'envoi reprenable abandonné (expiré)', options.repair);
  }
  return report;
}
