import type { Request, Response } from 'express';
import type { SqlDb } from '@mytoutatice/sql';
import type { FileRow } from '../files/file-rows.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import type { InstanceRecord } from '../instances/instance-records.ts';
import type { DavLocks } from './dav-locks.ts';
import { DAV_PREFIX, etagOf, findByPath, pathKey, segmentsOf } from './dav-paths.ts';
import { ifHolds, locked, parseIfHeader, preconditionFailed, submittedTokens, type ResourceState } from './if-header.ts';

/** One DAV request: who, on which space, at which path. */
export interface DavContext {
  req: Request;
  res: Response;
  instance: InstanceRecord;
  databases: InstanceDatabases;
  db: SqlDb;
  locks: DavLocks;
  maxFileBytes: number;
  /** The request path's names, below `/dav/files`. */
  segments: string[];
}

/** A file's entity tag, undefined for a folder or nothing (what an `If` header compares). */
export const etagOfRow = (row: FileRow | undefined): string | undefined =>
  row?.type === 'file' && row.sha256 !== null ? etagOf(row.sha256) : undefined;

/** Where a write lands: `deep` when it replaces or removes a whole folder (locks below count too). */
export interface WriteTarget {
  segments: readonly string[];
  deep: boolean;
}

/**
 * Before any write: the `If` header, when present, must hold (else 412), and every lock holding
 * a target needs its token in it (else 423).
 */
export async function guardWrite(ctx: DavContext, targets: readonly WriteTarget[]): Promise<void> {
  const header = ctx.req.get('if');
  const lists = header === undefined ? [] : parseIfHeader(header);
  await checkIf(ctx, lists);
  const tokens = submittedTokens(lists);
  for (const target of targets) {
    const path = pathKey(target.segments);
    const held = target.deep ? ctx.locks.affecting(ctx.instance.id, path) : ctx.locks.covering(ctx.instance.id, path);
    if (held.length > 0 && !held.some((lock) => tokens.has(lock.token))) throw locked();
  }
}

/** The `If` header alone (also for reads and LOCK refreshes). */
export async function checkIf(ctx: DavContext, lists = parseIfHeader(ctx.req.get('if') ?? '')): Promise<void> {
  if (lists.length === 0) return;
  const states = new Map<string | undefined, ResourceState>();
  for (const resource of new Set(lists.map((list) => list.resource))) {
    const segments = resource === undefined ? ctx.segments : taggedSegments(resource);
    if (segments === undefined) continue;
    states.set(resource, {
      etag: etagOfRow(await findByPath(ctx.db, segments)),
      lockTokens: ctx.locks.covering(ctx.instance.id, pathKey(segments)).map((lock) => lock.token),
    });
  }
  if (!ifHolds(lists, (resource) => states.get(resource) ?? { etag: undefined, lockTokens: [] })) throw preconditionFailed();
}

/** A tagged list's resource (an absolute URL or path); outside the DAV tree it names nothing we hold. */
function taggedSegments(resource: string): string[] | undefined {
  const pathname = URL.parse(resource, 'http://if.invalid')?.pathname ?? '';
  return pathname.startsWith(DAV_PREFIX) ? segmentsOf(pathname.slice(DAV_PREFIX.length)) : undefined;
}
