import { rmSync } from 'node:fs';
import { CreateInstanceBody, EMAIL_PATTERN, type CreatedInstance, type InstanceInfo } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import type { InstanceDatabases } from './instance-databases.ts';
import { createInstanceFiles, usage } from './instance-db.ts';
import type { InstanceRecord, InstanceRegistry } from './registry.ts';

function created(record: InstanceRecord): CreatedInstance {
  return { id: record.id, slug: record.slug, email: record.email, createdAt: record.createdAt };
}

/** `POST /instances`: registers the id and slug (409 `space_exists` if either is taken), then lays it out. */
export function createInstance(
  registry: InstanceRegistry,
  databases: InstanceDatabases,
  defaultQuotaBytes: number,
  body: unknown,
): CreatedInstance {
  const parsed = CreateInstanceBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, 'bad_request', `Champ invalide : ${issue?.path.join('.') ?? ''} (${issue?.message ?? ''}).`);
  }
  const { id, slug, email } = parsed.data;
  if (!EMAIL_PATTERN.test(email)) throw new HttpError(400, 'invalid_email', 'L’adresse électronique est invalide.');
  const record: InstanceRecord = { id, slug, email, quotaBytes: defaultQuotaBytes, createdAt: new Date().toISOString() };
  if (!registry.insert(record)) throw new HttpError(409, 'space_exists', 'Un espace avec cet identifiant ou cette adresse existe déjà.');
  const paths = databases.paths(id);
  try {
    createInstanceFiles(paths, record.createdAt);
  } catch (error) {
    registry.remove(id);
    rmSync(paths.root, { recursive: true, force: true });
    throw error;
  }
  return created(record);
}

export function instanceInfo(databases: InstanceDatabases, instance: InstanceRecord): InstanceInfo {
  const used = usage(databases.db(instance.id));
  return { ...created(instance), quotaBytes: instance.quotaBytes, usedBytes: used.files + used.trash, usage: used };
}
