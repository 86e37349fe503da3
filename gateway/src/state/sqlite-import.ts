import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlDb, SqlValue } from '@mytoutatice/sql';
import { SQLITE_FILES } from './sqlite-schema.ts';
import { openSqliteFile } from './sqlite-state.ts';

/** Each file's tables, parents first (sharing_members refers to sharings). */
const TABLES = [
  [SQLITE_FILES.directory, ['spaces', 'name_words']],
  [SQLITE_FILES.sharings, ['sharings', 'sharing_members']],
  [SQLITE_FILES.links, ['links']],
] as const;

const BATCH = 200;

/**
 * Copies what the embedded files in `dataDir` hold into the PostgreSQL schema `db` just made
 * (call inside the transaction that made it): a gateway given DATABASE_URL where it ran on its
 * SQLite files keeps its directory, sharings and links. Each file is first brought to its last
 * step, whose tables have the same columns as the PostgreSQL ones. The files are left as they are.
 */
export async function importSqliteFiles(db: SqlDb, dataDir: string): Promise<void> {
  for (const [schema, tables] of TABLES) {
    if (!existsSync(join(dataDir, schema.file))) continue;
    const file = openSqliteFile(dataDir, schema);
    try {
      for (const table of tables) {
        const rows = file.prepare(`SELECT * FROM ${table}`).all();
        const columns = Object.keys(rows[0] ?? {});
        const row = `(${columns.map(() => '?').join(', ')})`;
        for (let start = 0; start < rows.length; start += BATCH) {
          const batch = rows.slice(start, start + BATCH);
          const values = batch.flatMap((found) => columns.map((column) => found[column] as SqlValue));
          await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => row).join(', ')}`, ...values);
        }
      }
    } finally {
      file.close();
    }
  }
}
