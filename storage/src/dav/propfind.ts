import { HttpError, badRequest } from '@mytoutatice/server-kit';
import { toFileRow, type FileRow } from '../files/file-rows.ts';
import { usedBytes } from '../files/usage.ts';
import type { DavContext } from './dav-context.ts';
import { holds, type DavLock } from './dav-locks.ts';
import { hrefOf, pathKey } from './dav-paths.ts';
import { DAV_NS, elementsOf, emptyElement, type XmlElement } from './dav-xml.ts';
import { deadPropertiesOf, propertyKey, type DeadProperty } from './dead-properties.ts';
import { allLive, liveNames, renderLive, type QuotaFigures } from './live-properties.ts';
import { MULTISTATUS_TAIL, multistatusHead, propstat } from './multistatus.ts';

/** What PROPFIND asks for: every property, their names only, or a list. */
type Wanted = { kind: 'allprop' } | { kind: 'propname' } | { kind: 'prop'; names: { ns: string; local: string }[] };

function wantedOf(body: XmlElement | undefined): Wanted {
  if (!body) return { kind: 'allprop' };
  if (body.ns !== DAV_NS || body.local !== 'propfind') throw badRequest('Le corps doit être un <D:propfind>.');
  const [first] = elementsOf(body).filter((element) => element.ns === DAV_NS);
  if (first?.local === 'propname') return { kind: 'propname' };
  if (first?.local === 'prop') return { kind: 'prop', names: elementsOf(first).map(({ ns, local }) => ({ ns, local })) };
  return { kind: 'allprop' };
}

/** Children of a folder per query; each page is written out before the next is read. */
const PAGE = 1000;
const FIRST_CHILDREN = `SELECT * FROM files WHERE parent_id = ? ORDER BY name LIMIT ${PAGE}`;
const NEXT_CHILDREN = `SELECT * FROM files WHERE parent_id = ? AND name > ? ORDER BY name LIMIT ${PAGE}`;

/**
 * PROPFIND with Depth 0 or 1, streamed: the item, then its children page by page along the
 * (parent, name) index, with the dead properties of a page in one more query when asked for.
 * Depth infinity is refused (RFC 4918 §9.1 allows it): a whole space in one answer is no listing.
 */
export async function propfind(ctx: DavContext, row: FileRow, body: XmlElement | undefined): Promise<void> {
  const depth = ctx.req.get('depth') ?? 'infinity';
  if (depth !== '0' && depth !== '1') {
    throw new HttpError(403, 'forbidden', 'PROPFIND se fait en profondeur 0 ou 1.');
  }
  const wanted = wantedOf(body);
  const needsDead = wanted.kind !== 'prop' || wanted.names.some((name) => name.ns !== DAV_NS);
  // A sum over the whole space: only when asked for by name (allprop leaves it out).
  const quota = wanted.kind === 'prop' && wanted.names.some(({ ns, local }) => ns === DAV_NS && local.startsWith('quota-')) ? await quotaFigures(ctx) : undefined;
  const locks = ctx.locks.ofInstance(ctx.instance.id);
  const { res } = ctx;
  res.status(207).type('application/xml; charset=utf-8');
  res.write(multistatusHead());
  const write = async (rows: FileRow[], segmentsOf: (row: FileRow) => string[]) => {
    const dead = needsDead ? await deadPropertiesOf(ctx.db, rows.map((r) => r.id)) : new Map<string, DeadProperty[]>();
    const chunk = rows.map((r) => responseXml(r, segmentsOf(r), { wanted, dead: dead.get(r.id) ?? [], quota, locks })).join('');
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
  };
  await write([row], () => ctx.segments);
  if (depth === '1' && row.type === 'directory') {
    let page = (await ctx.db.all(FIRST_CHILDREN, row.id)).map(toFileRow);
    // A client that left stops the listing: no more pages are read for nobody.
    while (page.length > 0 && !res.destroyed) {
      await write(page, (r) => [...ctx.segments, r.name]);
      const last = page.at(-1);
      page = page.length < PAGE || !last ? [] : (await ctx.db.all(NEXT_CHILDREN, row.id, last.name)).map(toFileRow);
    }
  }
  res.end(MULTISTATUS_TAIL);
}

async function quotaFigures(ctx: DavContext): Promise<QuotaFigures> {
  const used = await usedBytes(ctx.db);
  return { usedBytes: used, availableBytes: Math.max(0, ctx.instance.quotaBytes - used) };
}

interface ResponseParts {
  wanted: Wanted;
  dead: readonly DeadProperty[];
  quota: QuotaFigures | undefined;
  /** The space's live locks. */
  locks: readonly DavLock[];
}

function responseXml(row: FileRow, segments: string[], { wanted, dead, quota, locks }: ResponseParts): string {
  const href = hrefOf(segments, row.type === 'directory');
  const path = pathKey(segments);
  const source = {
    row,
    locks: locks.length === 0 ? locks : locks.filter((lock) => holds(lock, path)),
    quota: row.type === 'directory' ? quota : undefined,
  };
  let stats: string;
  if (wanted.kind === 'allprop') {
    stats = propstat(200, [...allLive(source), ...dead.map((p) => p.xml)]);
  } else if (wanted.kind === 'propname') {
    const names = [...liveNames(source).map((name) => emptyElement(DAV_NS, name)), ...dead.map((p) => emptyElement(p.ns, p.name))];
    stats = propstat(200, names);
  } else {
    const byKey = new Map(dead.map((p) => [propertyKey(p.ns, p.name), p.xml]));
    const found: string[] = [];
    const missing: string[] = [];
    for (const { ns, local } of wanted.names) {
      const xml = ns === DAV_NS ? (renderLive(local, source) ?? byKey.get(propertyKey(ns, local))) : byKey.get(propertyKey(ns, local));
      if (xml === undefined) missing.push(emptyElement(ns, local));
      else found.push(xml);
    }
    stats = (found.length > 0 ? propstat(200, found) : '') + (missing.length > 0 ? propstat(404, missing) : '');
  }
  return `<D:response><D:href>${href}</D:href>${stats}</D:response>`;
}
