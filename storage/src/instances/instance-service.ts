import { EMAIL_PATTERN, type CreateInstanceBody, type CreatedInstance, type InstanceInfo } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import type { MetadataBackend } from '../db/metadata-backend.ts';
import type { InstanceDatabases } from './instance-databases.ts';
import { totalBytes, usage } from '../files/usage.ts';
import type { InstanceRecord, InstanceRecords } from './instance-records.ts';

function created(record: InstanceRecord): CreatedInstance {
  return { id: record.id, slug: record.slug, email: record.email, createdAt: record.createdAt };
}

/** `POST /instances`: registers the id and slug (409 `space_exists` if either is taken), then lays it out. */
export async function createInstance(
  instances: InstanceRecords,
  backend: MetadataBackend,
  defaultQuotaBytes: number,
  body: CreateInstanceBody,
): Promise<CreatedInstance> {
  const { id, slug, email } = body;
  if (!EMAIL_PATTERN.test(email)) throw new HttpError(400, 'invalid_email', 'L’adresse électronique est invalide.');
  const record: InstanceRecord = { id, slug, email, quotaBytes: defaultQuotaBytes, createdAt: new Date().toISOString() };
  if (!(await instances.insert(record))) throw new HttpError(409, 'space_exists', 'Un espace avec cet identifiant ou cette adresse existe déjà.');
  try {
    await backend.createInstance(id, record.createdAt);
  } catch (error) {
    await backend.removeInstance(id).catch(() => undefined);
    await instances.remove(id);
    throw error;
  }
  return created(record);
}

export async function instanceInfo(databases: InstanceDatabases, instance: InstanceRecord): Promise<InstanceInfo> {
  const used = await usage(databases.db(instance.id));
  return { ...created(instance), quotaBytes: instance.quotaBytes, usedBytes: totalBytes(used), usage: used };
}
