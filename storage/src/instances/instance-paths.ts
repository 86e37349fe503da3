import { join } from 'node:path';

/** Where one instance's things live under STORAGE_DATA_DIR. */
export interface InstancePaths {
  root: string;
  database: string;
  content: string;
  tmp: string;
}

export function instancePaths(dataDir: string, instanceId: string): InstancePaths {
  const root = join(dataDir, 'instances', instanceId);
  return { root, database: join(root, 'meta.sqlite'), content: join(root, 'content'), tmp: join(root, 'tmp') };
}

/** `content/<first 2 chars of the id>/<id>`. */
export function blobPath(paths: InstancePaths, fileId: string): string {
  return join(paths.content, fileId.slice(0, 2), fileId);
}
