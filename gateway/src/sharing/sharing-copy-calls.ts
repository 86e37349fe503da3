import { ErrorCode, FileDoc, FolderListing, InstanceInfo } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';

/** One side of a copy: a storage node and a fresh internal token for each call (tokens live a minute). */
export type CopyEnd = { backendUrl: string; token: () => Promise<string> };

/**
 * A storage's refusal as the gateway's own answer: 4xx pass through with their code and detail
 * (a 413 `quota_exceeded` stays one), anything else is the node failing (502).
 */
async function refusal(res: Response): Promise<HttpError> {
  if (res.status >= 500 || res.status < 400) return new HttpError(502, 'upstream_unavailable');
  const body = (await res.json().catch(() => ({}))) as { code?: unknown; detail?: unknown; suggestedName?: unknown };
  const code = ErrorCode.safeParse(body.code);
  const detail = typeof body.detail === 'string' ? body.detail : undefined;
  const suggestedName = typeof body.suggestedName === 'string' ? body.suggestedName : undefined;
  return new HttpError(res.status, code.success ? code.data : 'bad_request', detail, suggestedName === undefined ? {} : { extras: { suggestedName } });
}

/** A call that carries no content answers within this, or the node is taken as down (a copy must not hang). */
const CALL_TIMEOUT_MS = 30_000;

/** `streams`: the call carries a file's content, which takes as long as it takes. */
async function send(end: CopyEnd, path: string, init: RequestInit & { duplex?: 'half' }, headers: Record<string, string> = {}, streams = false): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${end.backendUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${await end.token()}`, ...headers },
      ...(streams ? {} : { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) }),
    });
  } catch {
    throw new HttpError(502, 'upstream_unavailable');
  }
  if (!res.ok) throw await refusal(res);
  return res;
}

const json = { 'content-type': 'application/json' };
const id = (value: string) => encodeURIComponent(value);

/** The storage calls a copy makes, each on the side it names. */
export const copyCalls = {
  async file(end: CopyEnd, fileId: string): Promise<FileDoc> {
    return FileDoc.parse(await (await send(end, `/files/${id(fileId)}`, { method: 'GET' })).json());
  },

  async children(end: CopyEnd, folderId: string, cursor: string | null): Promise<FolderListing> {
    const query = `?limit=1000${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    return FolderListing.parse(await (await send(end, `/files/${id(folderId)}/children${query}`, { method: 'GET' })).json());
  },

  async instance(end: CopyEnd): Promise<InstanceInfo> {
    return InstanceInfo.parse(await (await send(end, '/instance', { method: 'GET' })).json());
  },

  async createFolder(end: CopyEnd, parentId: string, name: string): Promise<FileDoc> {
    const res = await send(end, `/files/${id(parentId)}/folders`, { method: 'POST', body: JSON.stringify({ name }) }, json);
    return FileDoc.parse(await res.json());
  },

  /**
   * Streams a file's content from one side into a new file on the other, never holding it whole:
   * the announced length and the source's SHA-256 go along, so the target refuses what differs.
   */
  async copyContent(from: CopyEnd, file: FileDoc, to: CopyEnd, parentId: string, conflict: 'fail' | 'rename'): Promise<FileDoc> {
    const content = await send(from, `/files/${id(file.id)}/content`, { method: 'GET' }, {}, true);
    const headers: Record<string, string> = {};
    const length = content.headers.get('content-length');
    if (length !== null) headers['content-length'] = length;
    if (file.sha256 !== null) headers['content-digest'] = `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`;
    const query = `?name=${encodeURIComponent(file.name)}&conflict=${conflict}`;
    try {
      const res = await send(to, `/files/${id(parentId)}/files${query}`, { method: 'POST', body: content.body, duplex: 'half' }, headers, true);
      return FileDoc.parse(await res.json());
    } finally {
      // A refused upload may leave the download unread: end it rather than let it hang (a
      // stream the upload took is locked, and the cancel refused).
      await content.body?.cancel().catch(() => undefined);
    }
  },

  /** Trashes an item, then destroys it for good (the copy left half-done). */
  async destroy(end: CopyEnd, fileId: string): Promise<void> {
    await send(end, `/files/${id(fileId)}`, { method: 'DELETE' });
    await send(end, `/files/${id(fileId)}?forever=true`, { method: 'DELETE' });
  },
};
