import type { SqlDb } from '@mytoutatice/sql';

export interface Usage {
  files: number;
  trash: number;
  versions: number;
}

/** Everything counted against the quota: live files, the trash and files' versions. */
export function totalBytes(used: Usage): number {
  return used.files + used.trash + used.versions;
}

export async function usedBytes(db: SqlDb): Promise<number> {
  return totalBytes(await usage(db));
}

export async function usage(db: SqlDb): Promise<Usage> {
  const row = await db.get(
    `SELECT COALESCE(SUM(CASE WHEN trashed_at IS NULL THEN size END), 0) AS files,
            COALESCE(SUM(CASE WHEN trashed_at IS NULL THEN 0 ELSE size END), 0) AS trash,
            (SELECT COALESCE(SUM(size), 0) FROM file_versions) AS versions
     FROM files WHERE type = 'file'`,
  );
  return { files: Number(row?.files ?? 0), trash: Number(row?.trash ?? 0), versions: Number(row?.versions ?? 0) };
}
