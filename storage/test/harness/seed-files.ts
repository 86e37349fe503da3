import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { insertFile, newRow } from '../../src/files/file-rows.ts';
import type { FileRow } from '../../src/files/file-rows.ts';
import type { MetadataConfig } from '../../src/config.ts';
import { openMetadata } from '../../src/db/open-metadata.ts';
import { blobPath, instancePaths } from '../../src/instances/instance-paths.ts';
import { bumpSeq } from '../../src/changes/write-seq.ts';

export type SeedFile = { name: string; content: Buffer };

export interface SeedOptions {
  /** Where the storage keeps its metadata (SQLite files under dataDir by default). */
  metadata?: MetadataConfig;
  batchSize?: number;
}

/**
 * Writes files straight into an instance's metadata (SQLite or PostgreSQL, through the same
 * backend the server opens) and content folder, with the storage's own row helpers, one
 * transaction per batch: for benchmarks that need 100,000 files in a folder faster than the API
 * can take them. Not for anything a person uses. Contents on disk only (not S3).
 */
export async function seedFiles(
  dataDir: string,
  instanceId: string,
  parentId: string,
  files: Iterable<SeedFile>,
  { metadata, batchSize = 5_000 }: SeedOptions = {},
): Promise<void> {
  const paths = instancePaths(dataDir, instanceId);
  const backend = await openMetadata(dataDir, metadata);
  const db = backend.instance(instanceId);
  const flush = (rows: FileRow[]) =>
    db.transaction(async () => {
      for (const row of rows) await insertFile(db, row, await bumpSeq(db));
    });
  try {
    let rows: FileRow[] = [];
    for (const { name, content } of files) {
      const row = newRow({
        id: randomUUID(),
        parentId,
        type: 'file',
        name,
        size: content.length,
        mime: 'text/plain',
        sha256: createHash('sha256').update(content).digest('hex'),
      });
      const blob = blobPath(paths, row.id);
      mkdirSync(dirname(blob), { recursive: true });
      writeFileSync(blob, content);
      rows.push(row);
      if (rows.length === batchSize) {
        await flush(rows);
        rows = [];
      }
    }
    if (rows.length > 0) await flush(rows);
  } finally {
    await backend.close();
  }
}
