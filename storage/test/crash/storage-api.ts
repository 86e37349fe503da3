import { createHash } from 'node:crypto';
import { FolderListing, ROOT_ID, TRASH_ID, type FileDoc } from '@mytoutatice/contract';

/** A complete answer: status and parsed body. */
export interface Answer {
  status: number;
  body: unknown;
}

/** One instance's files over HTTP, as its owner. */
export interface StorageApi {
  /** The answer, or undefined when the connection broke before it was complete. */
  send(path: string, init?: RequestInit): Promise<Answer | undefined>;
  /** Every item reachable from the root and from the trash (trashed folders included), by id. */
  walk(): Promise<Map<string, FileDoc>>;
  /** SHA-256 (hex) and length of a file's content as downloaded. */
  content(id: string): Promise<{ sha256: string; size: number }>;
}

export function storageApi(url: string, token: string): StorageApi {
  const authorized = (init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return { ...init, headers };
  };

  async function send(path: string, init?: RequestInit): Promise<Answer | undefined> {
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${url}${path}`, authorized(init));
      status = response.status;
      text = await response.text();
    } catch {
      return undefined;
    }
    return { status, body: text === '' ? undefined : JSON.parse(text) };
  }

  async function listing(path: string): Promise<FolderListing> {
    const response = await fetch(`${url}${path}`, authorized());
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return FolderListing.parse(await response.json());
  }

  async function walk(): Promise<Map<string, FileDoc>> {
    const found = new Map<string, FileDoc>();
    const folders = [ROOT_ID, TRASH_ID];
    for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
      const base = folder === TRASH_ID ? '/files/trash/children?limit=200' : `/files/${folder}/children?limit=200`;
      let page = await listing(base);
      for (;;) {
        for (const item of page.items) {
          found.set(item.id, item);
          if (item.type === 'directory') folders.push(item.id);
        }
        if (page.next === null) break;
        page = await listing(`${base}&cursor=${encodeURIComponent(page.next)}`);
      }
    }
    return found;
  }

  async function content(id: string): Promise<{ sha256: string; size: number }> {
    const response = await fetch(`${url}/files/${id}/content`, authorized());
    if (!response.ok) throw new Error(`GET /files/${id}/content: ${response.status} ${await response.text()}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength };
  }

  return { send, walk, content };
}
