import type { InternalTokenMinter } from '../auth/internal-token.ts';
import { VerifiedAppPassword, type Document, type FileDoc } from '@mytoutatice/contract';
import { HttpError, notFound } from '@mytoutatice/server-kit';

export type InstanceInfo = { id: string; slug: string; email: string; createdAt: string };

/** The gateway's own calls to a storage backend (not the proxied ones). */
export class StorageAdmin {
  private readonly mint: InternalTokenMinter;
  private readonly timeoutMs: number;
  constructor(mint: InternalTokenMinter, timeoutMs = 10_000) {
    this.mint = mint;
    this.timeoutMs = timeoutMs;
  }

  async createInstance(backendUrl: string, body: { id: string; slug: string; email: string }): Promise<InstanceInfo> {
    return this.call(backendUrl, '/instances', await this.mint('admin'), { method: 'POST', body: JSON.stringify(body) });
  }

  async instance(backendUrl: string, instanceId: string): Promise<InstanceInfo> {
    return this.call(backendUrl, '/instance', await this.mint('owner', instanceId), { method: 'GET' });
  }

  /** One of the space's files or folders, as its owner sees it (404 when there is none). */
  async file(backendUrl: string, instanceId: string, fileId: string): Promise<FileDoc> {
    return this.call(backendUrl, `/files/${encodeURIComponent(fileId)}`, await this.mint('owner', instanceId), { method: 'GET' });
  }

  /** Writes a document into the space as its owner would (a notification, say). */
  async createDocument(backendUrl: string, instanceId: string, doctype: string, data: Readonly<Record<string, unknown>>): Promise<Document> {
    return this.call(backendUrl, `/data/${encodeURIComponent(doctype)}`, await this.mint('owner', instanceId), {
      method: 'POST',
      body: JSON.stringify({ data }),
    });
  }

  /** True when `password` is one of the space's app passwords; only a storage outage throws. */
  async verifyAppPassword(space: { backendUrl: string; instanceId: string }, password: string): Promise<boolean> {
    const path = `/instances/${encodeURIComponent(space.instanceId)}/app-passwords/verify`;
    const res = await this.send(space.backendUrl, path, await this.mint('admin'), { method: 'POST', body: JSON.stringify({ password }) });
    if (res.status === 401 || res.status === 400) return false;
    if (!res.ok) throw new HttpError(502, 'upstream_unavailable');
    return VerifiedAppPassword.safeParse(await res.json()).success;
  }

  private async send(backendUrl: string, path: string, token: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${backendUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new HttpError(502, 'upstream_unavailable');
    }
  }

  private async call<T>(backendUrl: string, path: string, token: string, init: RequestInit): Promise<T> {
    const res = await this.send(backendUrl, path, token, init);
    if (res.status === 409) throw new HttpError(409, 'space_exists', 'Un espace porte déjà cette adresse.');
    if (res.status === 404) throw notFound();
    if (!res.ok) throw new HttpError(502, 'upstream_unavailable');
    return (await res.json()) as T;
  }
}
