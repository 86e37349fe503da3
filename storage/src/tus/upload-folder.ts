import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** An upload whose bytes go to the blob store's parts as they arrive (S3), as its record names them. */
export interface PartedBlob {
  /** The blob (and file) id it becomes. */
  key: string;
  uploadId: string;
}

/** What the sweep, fsck and the quota read of an upload's record (`<id>.json`, @tus/file-store's). */
interface UploadRecord {
  size?: unknown;
  creation_date?: unknown;
  blob?: PartedBlob;
}

/** An upload in an instance's upload folder (`<instance>/uploads/`). */
export interface FolderUpload {
  /** The public id. */
  id: string;
  /** Its files in the folder (bytes, record), by name. */
  names: string[];
  /** When it began (ms since the epoch). */
  createdAt: number;
  /** Its announced size; 0 when its record is unreadable. */
  size: number;
  blob: PartedBlob | undefined;
}

const RECORD = '.json';

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
}

export async function readUploadRecord(path: string): Promise<UploadRecord | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as UploadRecord;
  } catch {
    return undefined;
  }
}

async function described(folder: string, id: string, names: string[]): Promise<FolderUpload> {
  const record = names.includes(`${id}${RECORD}`) ? await readUploadRecord(join(folder, `${id}${RECORD}`)) : undefined;
  let createdAt = Date.parse(String(record?.creation_date));
  // Lacking a readable record (a crash between the two files): its newest file's time.
  if (Number.isNaN(createdAt)) {
    const times = await Promise.all(names.map(async (name) => (await stat(join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0));
    createdAt = Math.max(...times);
  }
  const size = typeof record?.size === 'number' ? record.size : 0;
  return { id, names: names.sort(), createdAt, size, blob: record?.blob };
}

/** Every upload in one instance's upload folder, finished with or not. */
export async function uploadsIn(folder: string): Promise<FolderUpload[]> {
  const byId = new Map<string, string[]>();
  for (const name of await namesIn(folder)) {
    const id = name.endsWith(RECORD) ? name.slice(0, -RECORD.length) : name;
    byId.set(id, [...(byId.get(id) ?? []), name]);
  }
  return Promise.all([...byId].map(([id, names]) => described(folder, id, names)));
}

/** The instance folders under the store's root. */
export function instancesIn(root: string): Promise<string[]> {
  return namesIn(root);
}
