import type { FileRow } from '../files/file-rows.ts';
import type { DavLock } from './dav-locks.ts';
import { escapeXml } from './dav-xml.ts';
import { etagOfRow } from './dav-context.ts';

/** What a folder's quota properties say (RFC 4331), computed once per request. */
export interface QuotaFigures {
  usedBytes: number;
  availableBytes: number;
}

/** What the live properties of one item are computed from. */
export interface LiveSource {
  row: FileRow;
  locks: readonly DavLock[];
  /** Only for folders. */
  quota: QuotaFigures | undefined;
}

export function activeLockXml(lock: DavLock): string {
  return (
    `<D:activelock><D:locktype><D:write/></D:locktype><D:lockscope><D:${lock.scope}/></D:lockscope>` +
    `<D:depth>${lock.depth}</D:depth>${lock.ownerXml}<D:timeout>Second-${lock.timeoutS}</D:timeout>` +
    `<D:locktoken><D:href>${escapeXml(lock.token)}</D:href></D:locktoken>` +
    `<D:lockroot><D:href>${lock.rootHref}</D:href></D:lockroot></D:activelock>`
  );
}

const SUPPORTED_LOCK =
  '<D:supportedlock>' +
  '<D:lockentry><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockentry>' +
  '<D:lockentry><D:lockscope><D:shared/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockentry>' +
  '</D:supportedlock>';

type Render = (source: LiveSource) => string | undefined;

/** The DAV: properties the server computes (and refuses to have set), each rendered or absent for an item. */
const RENDERERS: ReadonlyMap<string, Render> = new Map<string, Render>([
  ['creationdate', ({ row }) => `<D:creationdate>${row.createdAt}</D:creationdate>`],
  ['displayname', ({ row }) => (row.parentId === null ? undefined : `<D:displayname>${escapeXml(row.name)}</D:displayname>`)],
  ['getcontentlength', ({ row }) => (row.type === 'file' ? `<D:getcontentlength>${row.size ?? 0}</D:getcontentlength>` : undefined)],
  ['getcontenttype', ({ row }) => (row.type === 'file' ? `<D:getcontenttype>${escapeXml(row.mime ?? 'application/octet-stream')}</D:getcontenttype>` : undefined)],
  ['getetag', ({ row }) => {
    const etag = etagOfRow(row);
    return etag === undefined ? undefined : `<D:getetag>${etag}</D:getetag>`;
  }],
  ['getlastmodified', ({ row }) => `<D:getlastmodified>${new Date(row.updatedAt).toUTCString()}</D:getlastmodified>`],
  ['resourcetype', ({ row }) => (row.type === 'directory' ? '<D:resourcetype><D:collection/></D:resourcetype>' : '<D:resourcetype/>')],
  ['supportedlock', () => SUPPORTED_LOCK],
  ['lockdiscovery', ({ locks }) => `<D:lockdiscovery>${locks.map(activeLockXml).join('')}</D:lockdiscovery>`],
  ['quota-used-bytes', ({ quota }) => (quota ? `<D:quota-used-bytes>${quota.usedBytes}</D:quota-used-bytes>` : undefined)],
  ['quota-available-bytes', ({ quota }) => (quota ? `<D:quota-available-bytes>${quota.availableBytes}</D:quota-available-bytes>` : undefined)],
]);

export const LIVE_PROPERTIES: ReadonlySet<string> = new Set(RENDERERS.keys());

/** The live property `name` of the item, or undefined when it has none (a 404 in the propstat). */
export function renderLive(name: string, source: LiveSource): string | undefined {
  return RENDERERS.get(name)?.(source);
}

/** The names of the live properties the item has. */
export function liveNames(source: LiveSource): string[] {
  return [...RENDERERS.entries()].filter(([, render]) => render(source) !== undefined).map(([name]) => name);
}

/** Every live property the item has (allprop leaves out the costly quota, as RFC 4331 asks). */
export function allLive(source: LiveSource): string[] {
  return [...RENDERERS.entries()].filter(([name]) => !name.startsWith('quota-')).flatMap(([, render]) => render(source) ?? []);
}
