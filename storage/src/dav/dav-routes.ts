import type { Request, RequestHandler } from 'express';
import { HttpError } from '@mytoutatice/server-kit';
import { claimsOf, forbidden } from '../auth/internal-token.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceById } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { copyOrMove } from './copy-move.ts';
import { checkIf, guardWrite, type DavContext } from './dav-context.ts';
import { lock, unlock } from './dav-locking.ts';
import { DavLocks } from './dav-locks.ts';
import { hrefOf, segmentsOf } from './dav-paths.ts';
import { parseXml, type XmlElement } from './dav-xml.ts';
import { proppatch } from './dead-properties.ts';
import { ALLOWED, existing, get, methodNotAllowed, mkcol, put, remove } from './dav-writes.ts';
import { propfind } from './propfind.ts';

/** PROPFIND, PROPPATCH and LOCK bodies are small XML documents. */
const MAX_XML_BYTES = 1024 * 1024;

async function xmlBody(req: Request): Promise<XmlElement | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_XML_BYTES) throw new HttpError(413, 'payload_too_large', 'Corps XML trop grand.');
    chunks.push(chunk);
  }
  return parseXml(Buffer.concat(chunks).toString('utf8'));
}

type Method = (ctx: DavContext) => Promise<void>;

/** GET and HEAD: the content (or its headers), after the `If` header's conditions. */
const read: Method = async (ctx) => {
  await checkIf(ctx);
  await get(ctx);
};

const METHODS: Readonly<Record<string, Method>> = {
  OPTIONS: async ({ res }) => {
    res.setHeader('DAV', '1, 2');
    res.setHeader('Allow', ALLOWED);
    res.setHeader('MS-Author-Via', 'DAV');
    res.status(200).end();
  },
  GET: read,
  HEAD: read,
  PUT: put,
  MKCOL: mkcol,
  DELETE: remove,
  COPY: (ctx) => copyOrMove(ctx, false),
  MOVE: (ctx) => copyOrMove(ctx, true),
  PROPFIND: async (ctx) => {
    const body = await xmlBody(ctx.req);
    await propfind(ctx, await existing(ctx), body);
  },
  PROPPATCH: async (ctx) => {
    const body = await xmlBody(ctx.req);
    const row = await existing(ctx);
    await guardWrite(ctx, [{ segments: ctx.segments, deep: false }]);
    await proppatch(ctx, body, row.id, hrefOf(ctx.segments, row.type === 'directory'));
  },
  LOCK: async (ctx) => lock(ctx, await xmlBody(ctx.req)),
  UNLOCK: unlock,
};

export interface DavRoutesOptions {
  instances: InstanceRecords;
  databases: InstanceDatabases;
  maxFileBytes: number;
}

/**
 * WebDAV class 1 and 2 on the person's files, mounted at `/dav/files`: each method runs the same
 * file operations as the REST routes (names, quota, trash, versions). Owner and device tokens
 * only: a device token is exactly what an app password opens (files read and write).
 */
export function davRoutes({ instances, databases, maxFileBytes }: DavRoutesOptions): RequestHandler {
  const locks = new DavLocks();
  return async (req, res) => {
    const claims = claimsOf(res);
    if (claims.scope !== 'owner' && claims.scope !== 'device') throw forbidden();
    const method = METHODS[req.method];
    if (!method) throw methodNotAllowed(`${req.method} n’est pas une méthode WebDAV prise en charge.`);
    const instance = await instanceById(instances, claims.sub);
    await method({
      req,
      res,
      instance,
      databases,
      db: databases.db(instance.id),
      locks,
      maxFileBytes,
      segments: segmentsOf(req.url),
    });
  };
}
