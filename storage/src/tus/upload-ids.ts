import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * Upload ids as the store knows them are `<instanceId>/uploads/<public id>`, under
 * `<dataDir>/instances/`: each instance's partial uploads sit in its own folder, and a public
 * id only ever resolves inside the caller's instance (another instance's id is a 404).
 */
export const UPLOADS_FOLDER = 'uploads';

const PUBLIC_ID = /^[0-9a-f]{32}$/;

/** The one directory the tus store works in. */
export function uploadStoreRoot(dataDir: string): string {
  return join(dataDir, 'instances');
}

export function newStoreId(instanceId: string): string {
  return `${instanceId}/${UPLOADS_FOLDER}/${randomBytes(16).toString('hex')}`;
}

/** The store id of a public id in this instance; undefined for anything that is not one of ours. */
export function storeIdFor(instanceId: string, publicId: string | undefined): string | undefined {
  if (publicId === undefined || !PUBLIC_ID.test(publicId)) return undefined;
  return `${instanceId}/${UPLOADS_FOLDER}/${publicId}`;
}

/** The instance a store id belongs to. */
export function instanceIdOf(storeId: string): string {
  return storeId.slice(0, storeId.indexOf('/'));
}

/** Where an instance's uploads are, under the store's root. */
export function uploadsFolder(root: string, instanceId: string): string {
  return join(root, instanceId, UPLOADS_FOLDER);
}

export function publicIdOf(storeId: string): string {
  return storeId.slice(storeId.lastIndexOf('/') + 1);
}
