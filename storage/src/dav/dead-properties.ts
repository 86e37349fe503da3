import type { SqlDb } from '@mytoutatice/sql';
import { bumpSeq } from '../changes/write-seq.ts';
import { DAV_NS, child, elementsOf, serializeElement, type XmlElement } from './dav-xml.ts';
import { LIVE_PROPERTIES } from './live-properties.ts';
import { multistatusHead, MULTISTATUS_TAIL, propstat } from './multistatus.ts';
import type { DavContext } from './dav-context.ts';
import { badRequest } from '@mytoutatice/server-kit';

/** A property the client set with PROPPATCH, kept as the XML it sent (RFC 4918 §4.3). */
export interface DeadProperty {
  ns: string;
  name: string;
  xml: string;
}

export const propertyKey = (ns: string, name: string) => `${ns}\u0000${name}`;

/** The dead properties of these items, by item id (one query per page of a listing). */
export async function deadPropertiesOf(db: SqlDb, fileIds: readonly string[]): Promise<Map<string, DeadProperty[]>> {
  const byFile = new Map<string, DeadProperty[]>();
  if (fileIds.length === 0) return byFile;
  const rows = await db.all(
    `SELECT file_id, ns, name, xml FROM dav_properties WHERE file_id IN (${fileIds.map(() => '?').join(', ')})`,
    ...fileIds,
  );
  for (const row of rows) {
    const list = byFile.get(String(row.file_id)) ?? [];
    list.push({ ns: String(row.ns), name: String(row.name), xml: String(row.xml) });
    byFile.set(String(row.file_id), list);
  }
  return byFile;
}

/**
 * Gives copies the dead properties of what they copy (RFC 4918 §9.8.2: a COPY keeps property
 * values), for each source id → copy id; call it in the copy's own transaction so a crash
 * cannot leave a copy without them.
 */
export async function copyDeadProperties(db: SqlDb, copies: ReadonlyMap<string, string>): Promise<void> {
  const ids = [...copies.keys()];
  for (let start = 0; start < ids.length; start += COPY_BATCH) {
    for (const [fileId, properties] of await deadPropertiesOf(db, ids.slice(start, start + COPY_BATCH))) {
      const target = copies.get(fileId);
      if (target === undefined) continue;
      for (const p of properties) await db.run('INSERT INTO dav_properties (file_id, ns, name, xml) VALUES (?, ?, ?, ?)', target, p.ns, p.name, p.xml);
    }
  }
}

const COPY_BATCH = 500;

/** Forgets the dead properties of destroyed items (called where their rows are deleted). */
export async function dropDeadProperties(db: SqlDb, fileId: string): Promise<void> {
  await db.run('DELETE FROM dav_properties WHERE file_id = ?', fileId);
}

type Update = { action: 'set' | 'remove'; property: XmlElement };

function updatesOf(body: XmlElement | undefined): Update[] {
  if (!body || body.ns !== DAV_NS || body.local !== 'propertyupdate') throw badRequest('Le corps doit être un <D:propertyupdate>.');
  return elementsOf(body).flatMap((instruction): Update[] => {
    if (instruction.ns !== DAV_NS || (instruction.local !== 'set' && instruction.local !== 'remove')) return [];
    const action = instruction.local;
    return elementsOf(child(instruction, DAV_NS, 'prop') ?? instruction).map((property) => ({ action, property }));
  });
}

/**
 * PROPPATCH: every instruction in order, all or nothing. Live properties are protected (403), and
 * then nothing is applied (the others answer 424 Failed Dependency).
 */
export async function proppatch(ctx: DavContext, body: XmlElement | undefined, fileId: string, href: string): Promise<void> {
  const updates = updatesOf(body);
  const isProtected = (u: Update) => u.property.ns === DAV_NS && LIVE_PROPERTIES.has(u.property.local);
  const refused = updates.some(isProtected);
  if (!refused) {
    await ctx.db.transaction(async () => {
      for (const { action, property } of updates) {
        await ctx.db.run('DELETE FROM dav_properties WHERE file_id = ? AND ns = ? AND name = ?', fileId, property.ns, property.local);
        if (action === 'set') {
          await ctx.db.run('INSERT INTO dav_properties (file_id, ns, name, xml) VALUES (?, ?, ?, ?)', fileId, property.ns, property.local, serializeElement(property));
        }
      }
      // A property change is a change of the item for the feed's followers.
      await ctx.db.run('UPDATE files SET seq = ? WHERE id = ?', await bumpSeq(ctx.db), fileId);
    });
  }
  const statusOf = (u: Update) => (!refused ? 200 : isProtected(u) ? 403 : 424);
  const groups = new Map<number, XmlElement[]>();
  for (const update of updates) groups.set(statusOf(update), [...(groups.get(statusOf(update)) ?? []), update.property]);
  const { res } = ctx;
  res.status(207).type('application/xml; charset=utf-8');
  res.write(multistatusHead());
  res.write(`<D:response><D:href>${href}</D:href>`);
  for (const [status, properties] of groups) res.write(propstat(status, properties.map((p) => emptyOf(p))));
  res.end(`</D:response>${MULTISTATUS_TAIL}`);
}

const emptyOf = (property: XmlElement) => serializeElement({ ...property, attributes: [], children: [] });
