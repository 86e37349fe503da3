import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { insertFile, newRow } from '../files/file-rows.ts';
import type { FileRow } from '../files/file-rows.ts';
import { SqliteDb } from '../db/sqlite-db.ts';
import { blobPath, bumpSeq, instancePaths, openInstanceDb } from '../instances/instance-db.ts';

export type SeedFile = { name: string; content: Buffer };

/**
 * Writes files straight into an instance's database and content folder, with the storage's own
 * row helpers, one transaction per batch: for benchmarks that need 100,000 files in a folder
 * faster than the API can take them. Not for anything a person uses. Embedded storage only.
 */
export async function seedFiles(
  dataDir: string,
  instanceId: string,
  parentId: string,
  files: Iterable<SeedFile>,
  batchSize = 5_000,
): Promise<void> {
  const paths = instancePaths(dataDir, instanceId);
  const db = new SqliteDb(() => openInstanceDb(paths));
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
    db.close();
  }
}
