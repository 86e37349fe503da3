import { Readable } from 'node:stream';
import { HttpError, badRequest } from '@mytoutatice/server-kit';
import { uploadFile } from '../files/upload.ts';
import { guardWrite, type DavContext } from './dav-context.ts';
import { parseTimeout, type DavLock, type LockScope } from './dav-locks.ts';
import { findByPath, hrefOf, parentFolder, pathKey } from './dav-paths.ts';
import { DAV_NS, child, elementsOf, serializeElement, type XmlElement } from './dav-xml.ts';
import { locked, parseIfHeader, preconditionFailed, submittedTokens } from './if-header.ts';
import { activeLockXml } from './live-properties.ts';

function sendLock(ctx: DavContext, lock: DavLock, status: number): void {
  ctx.res.status(status).type('application/xml; charset=utf-8').setHeader('Lock-Token', `<${lock.token}>`);
  ctx.res.end(`<?xml version="1.0" encoding="utf-8"?>\n<D:prop xmlns:D="DAV:"><D:lockdiscovery>${activeLockXml(lock)}</D:lockdiscovery></D:prop>\n`);
}

function scopeOf(lockinfo: XmlElement): LockScope {
  const scope = elementsOf(child(lockinfo, DAV_NS, 'lockscope') ?? lockinfo).find((element) => element.ns === DAV_NS);
  if (scope?.local === 'exclusive' || scope?.local === 'shared') return scope.local;
  throw badRequest('lockscope vaut exclusive ou shared.');
}

/**
 * LOCK (RFC 4918 §9.10): a new write lock, or, without a body, the refresh of a lock named in
 * the `If` header. Locking a name that does not exist creates an empty file there (§7.3).
 */
export async function lock(ctx: DavContext, body: XmlElement | undefined): Promise<void> {
  const path = pathKey(ctx.segments);
  const timeoutS = parseTimeout(ctx.req.get('timeout'));
  if (!body) {
    const tokens = submittedTokens(parseIfHeader(ctx.req.get('if') ?? ''));
    const held = ctx.locks.covering(ctx.instance.id, path).find((candidate) => tokens.has(candidate.token));
    if (!held) throw preconditionFailed();
    sendLock(ctx, ctx.locks.refresh(held, timeoutS), 200);
    return;
  }
  if (body.ns !== DAV_NS || body.local !== 'lockinfo') throw badRequest('Le corps doit être un <D:lockinfo>.');
  const scope = scopeOf(body);
  const owner = child(body, DAV_NS, 'owner');
  const depth = ctx.req.get('depth') ?? 'infinity';
  if (depth !== '0' && depth !== 'infinity') throw badRequest('Depth vaut 0 ou infinity.');
  let row = await findByPath(ctx.db, ctx.segments);
  const unmapped = row === undefined;
  if (ctx.locks.conflicts(ctx.instance.id, path, row?.type === 'directory' ? depth : '0', scope)) throw locked();
  if (!row) {
    const parent = await parentFolder(ctx.db, ctx.segments);
    await guardWrite(ctx, [{ segments: ctx.segments, deep: false }]);
    await uploadFile(ctx.databases, ctx.maxFileBytes, {
      instance: ctx.instance,
      createdBy: null,
      parentId: parent.id,
      name: ctx.segments.at(-1),
      conflict: 'fail',
      contentDigest: undefined,
      contentLength: '0',
      body: Readable.from([]),
    });
    row = await findByPath(ctx.db, ctx.segments);
  }
  const isFolder = row?.type === 'directory';
  const created = ctx.locks.create({
    instanceId: ctx.instance.id,
    path,
    rootHref: hrefOf(ctx.segments, isFolder),
    depth: isFolder ? depth : '0',
    scope,
    ownerXml: owner ? serializeElement(owner) : '',
    timeoutS,
  });
  sendLock(ctx, created, unmapped ? 201 : 200);
}

/** UNLOCK: the lock named by `Lock-Token`, which must hold the request's resource. */
export async function unlock(ctx: DavContext): Promise<void> {
  const token = /^<([^>]+)>$/.exec(ctx.req.get('lock-token')?.trim() ?? '')?.[1];
  if (token === undefined) throw badRequest('L’en-tête Lock-Token est requis : <jeton>.');
  const held = ctx.locks.covering(ctx.instance.id, pathKey(ctx.segments)).find((candidate) => candidate.token === token);
  if (!held) throw new HttpError(409, 'lock_token_mismatch', 'Ce jeton ne verrouille pas cet élément.');
  ctx.locks.remove(token);
  ctx.res.status(204).end();
}
