import type { StorageHarness } from '../harness/storage-harness.ts';

/** `Upload-Metadata`: each value base64, keys as given. */
export function uploadMetadata(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
}

/** One owner's tus calls on the storage backend, for tests; each returns the raw Response. */
export function tusCalls(storage: StorageHarness, token: string) {
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: Uint8Array<ArrayBuffer>) =>
    storage.call(token, path, { method, headers: { 'tus-resumable': '1.0.0', ...headers }, body });
  /** The backend path of an upload, from a Location meant for the gateway (`/api/uploads/<id>`). */
  const pathOf = (response: Response) => (response.headers.get('location') ?? '').replace(/^\/api/, '');

  return {
    pathOf,
    create: (length: number, metadata: Record<string, string>, body?: Uint8Array<ArrayBuffer>) =>
      call(
        'POST',
        '/uploads',
        {
          'upload-length': String(length),
          'upload-metadata': uploadMetadata(metadata),
          ...(body ? { 'content-type': 'application/offset+octet-stream' } : {}),
        },
        body,
      ),
    patch: (path: string, offset: number, body: Uint8Array<ArrayBuffer>) =>
      call('PATCH', path, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body),
    head: (path: string) => call('HEAD', path),
    terminate: (path: string) => call('DELETE', path),
  };
}
