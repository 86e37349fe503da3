import type { DownloadLink, DownloadVia } from '@mytoutatice/contract';
import type { DownloadTokens } from '../auth/download-token.ts';
import { getRegularFile } from './file-rows.ts';
import type { SqlDb } from '@mytoutatice/sql';

/** The path the gateway serves publicly; it forwards `/api/X` here as `/X`. */
export const DOWNLOADS_PATH = '/api/files/downloads';

/** A plain link (no token needed) to one file, valid a few minutes; `stripGps` as the caller's own downloads. */
export async function createDownloadLink(
  db: SqlDb,
  tokens: DownloadTokens,
  instanceId: string,
  fileId: string,
  via?: DownloadVia,
  stripGps = false,
): Promise<DownloadLink> {
  const file = await getRegularFile(db, fileId);
  const { token, expiresAt } = await tokens.sign({ instanceId, fileId: file.id, ...(via ? { via } : {}), ...(stripGps ? { stripGps } : {}) });
  return {
    url: `${DOWNLOADS_PATH}/${token}/${encodeURIComponent(file.name)}`,
    expiresAt: expiresAt.toISOString(),
  };
}
